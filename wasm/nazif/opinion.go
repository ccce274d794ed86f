package nazif

import (
	"strings"
	"time"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dump"
)

// The second opinion. The container choice reads the markup; the
// text-dump extractor reads only text lines, their language and their
// layout, so class names, wrappers and the way paragraphs are set do not
// reach it. When the container's body is empty, or much smaller than the
// page's largest run of prose, the page's blocks are laid out as a text
// browser lays them out, one a line, and read by the dump extractor; the
// two readings are compared, and their agreement decides.

// Thresholds of the second opinion.
const (
	// smallBody: a body under this share of the page's largest run of
	// prose may have missed most of the article.
	smallBody = 0.5
	// runBridge is how many blocks that are not prose (a crosshead, a
	// caption, an image's credit) a run of prose passes over.
	runBridge = 2
	// agree: the dump reading agrees with the container's body when it
	// holds this share of it.
	agree = 0.8
)

// proseRun returns the bytes of the page's largest run of prose: sentence
// blocks in a row, over up to runBridge other blocks at a time.
func proseRun(blocks []block.Block) int {
	best, run, gap := 0, 0, 0
	for i := range blocks {
		b := &blocks[i]
		switch {
		case b.Sentence:
			run += b.Chars
			gap = 0
		case gap < runBridge && b.LinkDensity() <= 0.5:
			gap++
		default:
			run, gap = 0, 0
		}
		best = max(best, run)
	}
	return best
}

// layOut writes the blocks as a text browser lays a page out: a block a
// line, list items bulleted, a blank line between blocks. Block i is on
// line 2i.
func layOut(blocks []block.Block) string {
	n := 0
	for i := range blocks {
		n += len(blocks[i].Text) + 8
	}
	var b strings.Builder
	b.Grow(n)
	for i := range blocks {
		if blocks[i].Kind == block.ListItem {
			b.WriteString("  • ")
		}
		b.WriteString(blocks[i].Text)
		b.WriteString("\n\n")
	}
	return b.String()
}

// secondOpinion checks the container's body in blocks against the dump
// extractor's reading of the page, when the body is empty or small, and
// sets the body the agreement gives. It returns the pass that won:
// "dump" when the dump reading replaced or extended the body, else pass.
func secondOpinion(blocks []block.Block, pass string, stop func() bool) (string, bool) {
	body := 0
	for i := range blocks {
		if blocks[i].Body {
			body += blocks[i].Chars
		}
	}
	if body > 0 && float64(body) >= smallBody*float64(proseRun(blocks)) {
		return pass, true
	}
	doc, done := dump.ExtractUntil(layOut(blocks), time.Time{}, stop)
	if !done {
		return pass, false
	}
	in := make([]bool, len(blocks))
	opinion, shared := 0, 0
	for _, l := range doc.Lines {
		i := l / 2
		if blocks[i].Unlikely && !blocks[i].Body {
			// The markup names it as comments or a sidebar: the text
			// reading, which cannot see that, does not add it.
			continue
		}
		in[i] = true
		opinion += blocks[i].Chars
		if blocks[i].Body {
			shared += blocks[i].Chars
		}
	}
	// The dump reading wins when the container found nothing, or when it
	// holds the container's body and finds more: the same article, read
	// whole. Otherwise the two disagree on where the article is, and the
	// container's choice, which reads more evidence, stands.
	if opinion <= body || body > 0 && float64(shared) < agree*float64(body) {
		return pass, true
	}
	// The dump reading extends the body; it does not judge the
	// container's own paragraphs, which stay.
	for i := range blocks {
		if in[i] {
			blocks[i].Body, blocks[i].Reason = true, ""
		}
	}
	return "dump", true
}
