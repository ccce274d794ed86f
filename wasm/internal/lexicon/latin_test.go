package lexicon

import (
	"testing"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

// TestLatinFunctionWords checks that running text in each Latin-script
// language reads as prose (a quarter of its words or more are function
// words) and that a menu or a headline list does not.
func TestLatinFunctionWords(t *testing.T) {
	for _, c := range []struct {
		text     string
		min, max float64
	}{
		{"The minister said on Tuesday that the talks would continue, and that he hoped for a deal before the end of the month.", 0.4, 1},
		{"Le ministre a déclaré mardi que les négociations se poursuivraient et qu'il espérait un accord avant la fin du mois.", 0.35, 1},
		{"El ministro dijo el martes que las negociaciones continuarían y que esperaba un acuerdo antes de fin de mes.", 0.3, 1},
		{"O ministro disse na terça-feira que as negociações continuariam e que esperava um acordo antes do fim do mês.", 0.3, 1},
		{"Il ministro ha detto martedì che i negoziati continueranno e che spera in un accordo prima della fine del mese.", 0.3, 1},
		{"Der Minister sagte am Dienstag, dass die Verhandlungen fortgesetzt würden und er auf eine Einigung vor Ende des Monats hoffe.", 0.3, 1},
		{"Home News Sport Business Technology Science Health Entertainment Video", 0, 0.01},
		{"Accueil Actualités Économie Culture Sport Vidéos Podcasts", 0, 0.01},
	} {
		words, fn := FunctionWords(normalize.SearchKey(c.text))
		d := float64(fn) / float64(words)
		if d < c.min || d > c.max {
			t.Errorf("%q: function word density %.2f; want %.2f to %.2f", c.text, d, c.min, c.max)
		}
	}
	for lang, list := range latinFunctionWords {
		for _, w := range list {
			k := normalize.SearchKey(w)
			if s, e := nextWord(k, 0); s != 0 || e != len(k) {
				t.Errorf("language %d: %q is not one word", lang, w)
			}
		}
	}
}
