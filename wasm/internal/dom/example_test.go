package dom_test

import (
	"fmt"

	"github.com/nazif/nazif/wasm/internal/dom"
)

func ExampleParse() {
	d := dom.Parse(`<html lang="ar"><title>خبر &amp; تعليق</title>
<p class="lead" onclick="f()">نص <b>مهم</b> هنا<p>فقرة ثانية`)
	fmt.Printf("lang=%s title=%q\n", d.Lang, d.Title)
	for n := d.Root.FirstChild; n != nil; n = n.Next {
		if n.Type == dom.Element {
			fmt.Printf("<%s class=%q onclick kept: %v> %d children\n",
				n.Tag, n.Attr("class"), n.HasAttr("onclick"), countChildren(n))
		}
	}
	// Output:
	// lang=ar title="خبر & تعليق"
	// <p class="lead" onclick kept: false> 3 children
	// <p class="" onclick kept: false> 1 children
}

func countChildren(n *dom.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.Next {
		k++
	}
	return k
}
