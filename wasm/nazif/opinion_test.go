package nazif

import (
	"strings"
	"testing"

	"github.com/nazif/nazif/wasm/internal/block"
	"github.com/nazif/nazif/wasm/internal/classify"
	"github.com/nazif/nazif/wasm/internal/dom"
	"github.com/nazif/nazif/wasm/internal/segment"
)

var opinionParas = []string{
	"قالت وزارة الصحة في بيان صدر اليوم إن عدد الإصابات الجديدة ارتفع إلى مئة وعشرين حالة، وإن الفرق الطبية تعمل على تتبع المخالطين في المحافظات كافة.",
	"وأوضح البيان أن معظم الحالات المسجلة خفيفة ولا تحتاج إلى دخول المستشفى، داعياً المواطنين إلى الالتزام بالإجراءات الوقائية وتجنب التجمعات الكبيرة.",
	"وكانت الحكومة قد أعلنت الأسبوع الماضي عن حزمة من القرارات التي تهدف إلى الحد من انتشار الفيروس، من بينها تقليص ساعات العمل في المؤسسات العامة.",
	"ويأتي ذلك في وقت تشهد فيه المنطقة توتراً متصاعداً منذ أسابيع، بعد سلسلة من الحوادث الأمنية التي أودت بحياة العشرات من المدنيين والعسكريين على حد سواء.",
}

// opinionBlocks segments page and marks as body the blocks holding any
// of body, and as unlikely those holding any of unlikely.
func opinionBlocks(page string, body, unlikely []string) []block.Block {
	blocks := segment.Blocks(dom.Parse(page).Root)
	classify.Features(blocks)
	for i := range blocks {
		for _, s := range body {
			blocks[i].Body = blocks[i].Body || blocks[i].Text == s
		}
		for _, s := range unlikely {
			blocks[i].Unlikely = blocks[i].Unlikely || blocks[i].Text == s
		}
	}
	return blocks
}

func bodyOf(blocks []block.Block) []string {
	var out []string
	for _, b := range blocks {
		if b.Body {
			out = append(out, b.Text)
		}
	}
	return out
}

// TestSecondOpinion: the page read as text lines extends a body that is a
// small part of the run of prose holding it, and gives one where there
// was none; it neither moves the body elsewhere nor adds what the markup
// names as comments.
func TestSecondOpinion(t *testing.T) {
	ps := "<p>" + strings.Join(opinionParas, "</p><p>") + "</p>"
	menu := `<ul><li><a href="/1">الرئيسية</a></li><li><a href="/2">أخبار</a></li><li><a href="/3">رياضة</a></li></ul>`
	var other []string
	for _, p := range opinionParas {
		other = append(other, "وفي خبر آخر، "+p)
	}
	for _, c := range []struct {
		name           string
		page           string
		body, unlikely []string
		pass           string
		want           []string
	}{
		{"a small part of the run", "<h1>عنوان</h1>" + ps + menu, opinionParas[:1], nil, "dump", opinionParas},
		{"no body", "<h1>عنوان</h1>" + ps + menu, nil, nil, "dump", opinionParas},
		{"enough of the run", "<h1>عنوان</h1>" + ps + menu, opinionParas[:2], nil, "strict", opinionParas[:2]},
		{"elsewhere", "<h1>عنوان</h1><p>" + opinionParas[0] + "</p>" + menu + menu + "<div><p>" + strings.Join(other, "</p><p>") + "</p></div>",
			opinionParas[:1], nil, "strict", opinionParas[:1]},
		{"under comment names", "<h1>عنوان</h1>" + ps + menu, opinionParas[:1], opinionParas[1:], "strict", opinionParas[:1]},
	} {
		blocks := opinionBlocks(c.page, c.body, c.unlikely)
		pass, done := secondOpinion(blocks, "strict", nil)
		if got := bodyOf(blocks); !done || pass != c.pass || strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: pass %q, body %q; want %q, %q", c.name, pass, got, c.pass, c.want)
		}
	}
}
