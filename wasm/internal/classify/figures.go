package classify

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/figure"
	"github.com/nazif/nazif/wasm/internal/segment"
	"golang.org/x/net/html/atom"
)

// Figure is a picture of the article, with the blocks that caption it.
type Figure struct {
	segment.Image
	// Src is the picture's URL as the page wrote it (figure.Source).
	Src string
	// Captions are the indexes of the blocks, none of them body, that
	// caption the picture or credit it: the text of its <figure>, or the
	// caption and credit lines right after it. Credits are those among
	// them that the markup names as the photo credit.
	Captions, Credits []int
}

// figures chooses the article's pictures among the page's images: those
// inside the article's elements that are not decoration (figure.
// Decorative), not in a link to another page (a teaser or a button), not
// under an element named as chrome that rarely holds an article (a share
// bar, a related box), and not in a box whose text is all chrome (an
// author box, a teaser). It returns false when stop ended it.
func figures(blocks []block.Block, images []segment.Image, st *stats, in map[*dom.Node]bool, stop func() bool) ([]Figure, bool) {
	var out []Figure
	var sums []figureTotals
	claimed := map[int]bool{}
	for k, im := range images {
		if due(k, stop) {
			return nil, false
		}
		root := includedRoot(im.Elem, in)
		if root == nil {
			continue
		}
		src := figure.Source(im.Elem)
		if src == "" || figure.Decorative(im.Elem, src) {
			continue
		}
		fig, ok := imageContext(im.Elem, root, st)
		if !ok {
			continue
		}
		group := fig
		if group == nil {
			group = textBox(im.Elem, root, st)
		}
		if sums == nil {
			sums = figureSums(blocks)
		}
		if gs := lookupNil(st, group); gs != nil && gs.first >= 0 {
			t := sums[gs.last+1].minus(sums[gs.first])
			if t.body == 0 && t.caption == 0 && t.chrome > 0 {
				continue // a box of chrome: an author's photo, a teaser
			}
		}
		f := Figure{Image: im, Src: src}
		if fs := lookupNil(st, fig); fs != nil && fs.first >= 0 {
			for i := fs.first; i <= fs.last; i++ {
				if b := &blocks[i]; !b.Body && !claimed[i] && inFigure(b) {
					f.add(i, namedCredit(b.Elem, fig, st))
					claimed[i] = true
				}
			}
		} else {
			for i := im.At; i < len(blocks) && !claimed[i] && captionLine(&blocks[i]) && (group == nil || within(blocks[i].Elem, group)); i++ {
				f.add(i, namedCredit(blocks[i].Elem, group, st))
				claimed[i] = true
			}
		}
		out = append(out, f)
	}
	return out, true
}

// add adds block i to the figure's captions, and to its credits too.
func (f *Figure) add(i int, credit bool) {
	f.Captions = append(f.Captions, i)
	if credit {
		f.Credits = append(f.Credits, i)
	}
}

// namedCredit reports whether the element of a caption block, or one
// above it below top (the figure, the box), is named as a credit: the
// markup's word for which caption line is the photographer's.
func namedCredit(n, top *dom.Node, st *stats) bool {
	for k := 0; n != nil && n != top && k < boxReach; n, k = n.Parent, k+1 {
		if s := st.lookup(n); s != nil && s.credit || s == nil && hintOf(n).credit {
			return true
		}
	}
	return false
}

// lookupNil is st.lookup that takes nil for an element, and has nothing
// for it.
func lookupNil(st *stats, n *dom.Node) *node {
	if n == nil {
		return nil
	}
	return st.lookup(n)
}

// imageContext walks up from an image to the article's element root: it
// returns the nearest <figure>, and false when a link to another page or
// an element named as unlikely chrome holds the image. The walk reads
// class and id hints for at most hintReach levels: deeper, a chrome box
// would have said so already, and a hostile page of nested images must
// not cost a hint per level per image.
func imageContext(img, root *dom.Node, st *stats) (fig *dom.Node, ok bool) {
	for n, k := img.Parent, 0; n != nil && n != root; n, k = n.Parent, k+1 {
		switch n.Tag {
		case atom.A:
			if n.HasAttr("href") && !figure.Opens(n.Attr("href")) {
				return nil, false
			}
		case atom.Figure:
			if fig == nil {
				fig = n
			}
		}
		if k < hintReach {
			h := hint{}
			if s := st.lookup(n); s != nil {
				h = s.hint
			} else {
				h = hintOf(n)
			}
			if h.unlikely {
				return nil, false
			}
		}
	}
	return fig, true
}

// textBox returns the nearest element above img, up to boxReach levels
// and root at most, that holds text, or nil.
func textBox(img, root *dom.Node, st *stats) *dom.Node {
	for n, k := img.Parent, 0; n != nil && k < boxReach; n, k = n.Parent, k+1 {
		if s := st.lookup(n); s != nil && s.chars > 0 {
			return n
		}
		if n == root {
			break
		}
	}
	return nil
}

// captionLine reports a block, right after a picture, that captions or
// credits it: one classify set aside as a caption or a credit, or as
// something else that reads as a photo credit («تصوير فلان» reads as a
// byline, «© Getty Images» as a copyright).
func captionLine(b *block.Block) bool {
	switch b.Reason {
	case "caption", "credit":
		return true
	case "", "no-text", "links":
		return false
	}
	return figure.Credit(b.Text)
}

// inFigure reports a block of a <figure> that belongs to its caption:
// any text set aside but links and text with no letters.
func inFigure(b *block.Block) bool {
	return b.Reason != "" && b.Reason != "no-text" && b.Reason != "links"
}

// figureTotals count blocks, as prefix sums over the page, so that the
// text around each image is read in constant time.
type figureTotals struct {
	body, caption, chrome int
}

func (t figureTotals) minus(u figureTotals) figureTotals {
	return figureTotals{t.body - u.body, t.caption - u.caption, t.chrome - u.chrome}
}

// figureSums returns the prefix sums of body, caption and chrome blocks:
// sums[i] totals the blocks before block i. Blocks with no letters and
// labels too short to say anything count as neither.
func figureSums(blocks []block.Block) []figureTotals {
	sums := make([]figureTotals, len(blocks)+1)
	for i := range blocks {
		b := &blocks[i]
		t := sums[i]
		switch {
		case b.Body:
			t.body++
		case b.Reason == "caption" || b.Reason == "credit":
			t.caption++
		case b.Reason == "no-text" || b.Reason == "short" || strings.HasPrefix(b.Reason, "class:caption") || strings.HasPrefix(b.Reason, "class:credit"):
		default:
			t.chrome++
		}
		sums[i+1] = t
	}
	return sums
}
