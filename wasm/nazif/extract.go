package nazif

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/transform"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/classify"
	"github.com/nazif/nazif/wasm/internal/decode"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/dump"
	"github.com/nazif/nazif/wasm/internal/figure"
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
	keys []string
	// links holds, for each block (when not nil), its links in the
	// page's text, and base the URL they and the figures resolve
	// against.
	links    [][]segment.Link
	base     string
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
	cut, done := segment.Cut(doc.Root, dl.stop())
	blocks := cut.Blocks
	if !done || !classify.FeaturesUntil(blocks, dl.stop()) || dl.passed() {
		return draft{}, ErrTimeout
	}
	res := classify.Classify(blocks, classify.Page{
		Titles: []string{doc.Title, ld.Headline}, LDBody: ld.Body, Now: opts.Now, Stop: dl.stop(), Images: cut.Images,
	})
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
	// Links and pictures resolve against the page's own address when
	// the caller gives it (the canonical URL may differ in its path),
	// else the canonical one, and a <base href> above either.
	docURL := opts.URL
	if !urlref.Web(docURL) {
		docURL = d.URL
	}
	d.base = page.Base(docURL)
	titleKey := normalize.SearchKey(d.Title)
	body := 0
	for i := range res.Blocks {
		if res.Blocks[i].Body {
			body++
		}
	}
	d.blocks = make([]Block, 0, body+len(res.Figures))
	d.keys = make([]string, 0, body+len(res.Figures))
	d.removed = make([]Removed, 0, len(res.Blocks)-body)
	links, figs := cut.Links, res.Figures
	for i := range res.Blocks {
		for len(figs) > 0 && figs[0].At <= i {
			d.addFigure(&figs[0], res.Blocks)
			figs = figs[1:]
		}
		// The block's links: cut.Links is in block order.
		k := 0
		for k < len(links) && links[k].Block == i {
			k++
		}
		own := links[:k:k]
		links = links[k:]
		b := &res.Blocks[i]
		switch {
		case b.Body && b.Key == titleKey:
			d.removed = append(d.removed, Removed{b.Text, "title"})
		case b.Body:
			d.addBlock(Block{Kind: kindOf(b.Kind), Text: b.Text}, b.Key, own)
		case b.Reason == "caption":
			d.captions = append(d.captions, b.Text)
			d.removed = append(d.removed, Removed{b.Text, b.Reason})
		default:
			d.removed = append(d.removed, Removed{b.Text, b.Reason})
		}
	}
	for k := range figs {
		d.addFigure(&figs[k], res.Blocks)
	}
	// A body of chrome only (menus, share bars, a copyright) is no
	// article either, and says so the same way.
	if len(d.blocks) == 0 {
		d.warnings = append(d.warnings, "no article body found")
	}
	return d, nil
}

// addBlock adds a body block with its search key and its links in the
// page's text.
func (d *draft) addBlock(b Block, key string, links []segment.Link) {
	if len(links) > 0 && d.links == nil {
		d.links = make([][]segment.Link, len(d.blocks), cap(d.blocks))
	}
	d.blocks = append(d.blocks, b)
	d.keys = append(d.keys, key)
	if d.links != nil {
		d.links = append(d.links, links)
	}
}

// addFigure adds a Figure block for f, whose caption blocks are among
// blocks, if its picture resolves to a web URL: each caption line is
// split into its caption and the photo credit it ends with.
func (d *draft) addFigure(f *classify.Figure, blocks []block.Block) {
	src := urlref.Resolve(f.Src, d.base)
	if !urlref.Web(src) {
		return
	}
	var caption, credit []byte
	for _, i := range f.Captions {
		t := blocks[i].Text
		switch {
		case figure.Label(t):
			continue
		case slices.Contains(f.Credits, i) && figure.ShortCredit(t):
			credit = appendSpaced(credit, t)
			continue
		}
		c, cr := figure.SplitCredit(t)
		caption = appendSpaced(caption, c)
		credit = appendSpaced(credit, cr)
	}
	d.addBlock(Block{Kind: Figure, Src: src, Caption: string(caption), Credit: string(credit)}, "", nil)
}

// appendSpaced appends s to dst, a space apart from what dst holds.
func appendSpaced(dst []byte, s string) []byte {
	if s == "" {
		return dst
	}
	if len(dst) > 0 {
		dst = append(dst, ' ')
	}
	return append(dst, s...)
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
	var seen map[string]bool // the figures' pictures: one a picture
	for i, b := range d.blocks {
		if i%checkBlocks == checkBlocks-1 && dl.passed() {
			return Article{}, ErrTimeout
		}
		if b.Kind == Figure {
			if seen[b.Src] {
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[b.Src] = true
			b.Caption, b.Credit = disp(b.Caption), disp(b.Credit)
			a.Blocks = append(a.Blocks, b)
			continue
		}
		raw := b.Text
		if b.Text = disp(raw); b.Text == "" {
			continue
		}
		if d.links != nil && len(d.links[i]) > 0 {
			b.Links = displayLinks(raw, b.Text, d.links[i], d.base, arabic)
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
