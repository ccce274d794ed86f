package nazif

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/transform"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/classify"
	"github.com/nazif/nazif/wasm/internal/decode"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/dump"
	"github.com/nazif/nazif/wasm/internal/jsonld"
	"github.com/nazif/nazif/wasm/internal/langid"
	"github.com/nazif/nazif/wasm/internal/meta"
	"github.com/nazif/nazif/wasm/internal/normalize"
	"github.com/nazif/nazif/wasm/internal/segment"
	"github.com/nazif/nazif/wasm/internal/urlref"
)

// Errors returned by Extract. Test for them with errors.Is.
var (
	// ErrEmpty: the input holds no bytes, or only white space.
	ErrEmpty = decode.ErrEmpty
	// ErrNotText: the input is binary (an image, a PDF, an archive …).
	ErrNotText = decode.ErrNotText
	// ErrTimeout: Options.Deadline passed before the page was cleaned.
	ErrTimeout = errors.New("nazif: deadline exceeded")
)

// Extract cleans one page. input is the raw page: HTML in any common
// charset, or a plain-text dump of a page. It returns ErrEmpty or
// ErrNotText (wrapped, with details) for input that holds no text; any
// other page gives an Article, whose Blocks are empty when the page holds
// no article.
//
// Extract is safe for concurrent use. It reads no file or network, and
// reads the clock only to honour Options.Deadline.
func Extract(input []byte, opts Options) (Article, error) {
	dl := deadline(opts.Deadline)
	dec, err := decode.Decode(input, opts.Charset)
	if err != nil {
		return Article{}, err
	}
	if dl.passed() {
		return Article{}, ErrTimeout
	}
	var d draft
	if dec.Kind == decode.HTML {
		d, err = fromHTML(dec.Text, opts, dl)
	} else {
		d, err = fromDump(dec.Text, opts, dl)
	}
	if err != nil || dl.passed() {
		return Article{}, ErrTimeout
	}
	d.warnings = append(dec.Warnings, d.warnings...)
	return d.finish(opts, dl)
}

// checkBlocks is how many blocks finish normalizes between two looks at
// the deadline.
const checkBlocks = 1024

// deadline is Options.Deadline; the zero value never passes.
type deadline time.Time

// stop is passed for the stages' loops to call, or nil with no deadline.
func (dl deadline) stop() func() bool {
	if time.Time(dl).IsZero() {
		return nil
	}
	return dl.passed
}

func (dl deadline) passed() bool {
	t := time.Time(dl)
	return !t.IsZero() && !time.Now().Before(t)
}

// draft is an article before normalization: raw page text.
type draft struct {
	meta.Meta
	blocks []Block
	// keys are the blocks' search keys, as classification or the dump
	// reader made them. Display is idempotent, so the key of a block's
	// display text is the key of its raw text: an Arabic page need not
	// fold its body twice.
	keys     []string
	captions []string
	removed  []Removed
	warnings []string
	// pass names the extraction pass whose body won.
	pass string
}

// fromHTML runs the stages on a page, top down: parse, read the JSON-LD
// article, segment, classify (the container, then the second opinion),
// read the metadata.
func fromHTML(text string, opts Options, dl deadline) (draft, error) {
	doc, done := dom.ParseUntil(text, dl.stop())
	if !done || dl.passed() {
		return draft{}, ErrTimeout
	}
	var warnings []string
	if doc.Truncated {
		warnings = append(warnings, "the page has over "+strconv.Itoa(dom.MaxNodes)+" elements and texts: only the first were read")
	}
	ld := jsonld.Read(doc.JSONLD)
	blocks, done := segment.BlocksUntil(doc.Root, dl.stop())
	if !done || !classify.FeaturesUntil(blocks, dl.stop()) || dl.passed() {
		return draft{}, ErrTimeout
	}
	res := classify.Classify(blocks, classify.Page{Titles: []string{doc.Title, ld.Headline}, LDBody: ld.Body, Now: opts.Now, Stop: dl.stop()})
	if res.Stopped || dl.passed() {
		return draft{}, ErrTimeout
	}
	pass, done := secondOpinion(res.Blocks, res.Pass, dl.stop())
	if !done {
		return draft{}, ErrTimeout
	}
	page, done := meta.ReadUntil(doc, ld, dl.stop())
	if !done || dl.passed() {
		return draft{}, ErrTimeout
	}
	d := draft{Meta: page.Resolve(res.Blocks, opts.URL, opts.Now), warnings: warnings, pass: pass}
	if dl.passed() {
		return draft{}, ErrTimeout
	}
	titleKey := normalize.SearchKey(d.Title)
	body := 0
	for i := range res.Blocks {
		if res.Blocks[i].Body {
			body++
		}
	}
	d.blocks = make([]Block, 0, body)
	d.keys = make([]string, 0, body)
	d.removed = make([]Removed, 0, len(res.Blocks)-body)
	for i := range res.Blocks {
		b := &res.Blocks[i]
		switch {
		case b.Body && b.Key == titleKey:
			d.removed = append(d.removed, Removed{b.Text, "title"})
		case b.Body:
			d.blocks = append(d.blocks, Block{Kind: kindOf(b.Kind), Text: b.Text})
			d.keys = append(d.keys, b.Key)
		case b.Reason == "caption":
			d.captions = append(d.captions, b.Text)
			d.removed = append(d.removed, Removed{b.Text, b.Reason})
		default:
			d.removed = append(d.removed, Removed{b.Text, b.Reason})
		}
	}
	// A body of chrome only (menus, share bars, a copyright) is no
	// article either, and says so the same way.
	if len(d.blocks) == 0 {
		d.warnings = append(d.warnings, "no article body found")
	}
	return d, nil
}

func kindOf(k block.Kind) Kind {
	switch k {
	case block.Heading:
		return Heading
	case block.ListItem:
		return ListItem
	case block.Quote:
		return Quote
	}
	return Paragraph
}

func fromDump(text string, opts Options, dl deadline) (draft, error) {
	doc, done := dump.ExtractUntil(text, opts.Now, dl.stop())
	if !done {
		return draft{}, ErrTimeout
	}
	d := draft{Meta: meta.Meta{
		Title: doc.Title, Section: doc.Section, Site: doc.Site, Author: doc.Author,
	}, pass: "text"}
	if !doc.Published.IsZero() {
		d.Published = doc.Published.String()
	}
	for _, p := range doc.Paragraphs {
		d.blocks = append(d.blocks, Block{Kind: Paragraph, Text: p})
	}
	d.keys = doc.Keys
	if urlref.Web(opts.URL) {
		d.URL = opts.URL
	}
	d.captions = doc.Captions
	if doc.Truncated {
		d.warnings = append(d.warnings, "the dump has over "+strconv.Itoa(dump.MaxLines)+" lines: only the first were read")
	}
	for _, r := range doc.Removed {
		d.removed = append(d.removed, Removed{r.Text, r.Reason})
	}
	if len(d.blocks) == 0 {
		d.warnings = append(d.warnings, "no article body found")
	}
	return d, nil
}

// finish detects the language, normalizes every text for display and
// renders the requested outputs, checking the deadline between them.
func (d *draft) finish(opts Options, dl deadline) (Article, error) {
	var sample []byte
	for _, b := range d.blocks {
		sample = append(append(sample, b.Text...), '\n')
	}
	if len(sample) == 0 {
		sample = append(sample, d.Title...)
	}
	lang := langid.Detect(string(sample))
	arabic := lang == langid.Arabic
	disp := func(s string) string { return normalize.Display(s, arabic) }
	a := Article{
		Title: disp(d.Title), Published: d.Published, Modified: d.Modified,
		Section: disp(d.Section), Site: disp(d.Site), Author: disp(d.Author),
		Description: disp(d.Description), Image: d.Image, URL: d.URL,
		Lang: string(lang), Dir: langid.Dir(lang), Blocks: []Block{},
		Warnings: d.warnings,
	}
	var key []byte
	for i, b := range d.blocks {
		if i%checkBlocks == checkBlocks-1 && dl.passed() {
			return Article{}, ErrTimeout
		}
		if b.Text = disp(b.Text); b.Text == "" {
			continue
		}
		a.Blocks = append(a.Blocks, b)
		if len(key) > 0 {
			key = append(key, "\n\n"...)
		}
		if arabic && d.keys != nil {
			key = append(key, d.keys[i]...)
		} else {
			key = searchKey(key, b.Text, arabic)
		}
	}
	for _, c := range d.captions {
		if c = disp(c); c != "" {
			a.Captions = append(a.Captions, c)
		}
	}
	a.Text = joinText(a.Blocks)
	a.SearchText = string(key)
	if dl.passed() {
		return Article{}, ErrTimeout
	}
	if opts.HTML {
		a.HTML = renderHTML(&a)
	}
	if opts.Markdown {
		if dl.passed() {
			return Article{}, ErrTimeout
		}
		a.Markdown = renderMarkdown(&a)
	}
	if opts.Explain {
		a.Pass = d.pass
		a.Removed = []Removed{}
		for i, r := range d.removed {
			if i%checkBlocks == checkBlocks-1 && dl.passed() {
				return Article{}, ErrTimeout
			}
			if r.Text = disp(r.Text); r.Text != "" {
				a.Removed = append(a.Removed, r)
			}
		}
	}
	if dl.passed() {
		return Article{}, ErrTimeout
	}
	return a, nil
}

// searchKey appends the search key of s. Arabic-only folding is for Arabic
// text: a Persian or Urdu article keeps its letters (ی, ک, ة …) in the key,
// and only loses harakat and tatweel and gets ASCII digits.
func searchKey(dst []byte, s string, arabic bool) []byte {
	if arabic {
		return normalize.AppendSearchKey(dst, s)
	}
	t := transform.Chain(normalize.RemoveHarakat(), normalize.RemoveTatweel(), normalize.ASCIIDigits())
	k, _, err := transform.String(t, s)
	if err != nil {
		k = s
	}
	return append(dst, strings.ToLower(k)...)
}
