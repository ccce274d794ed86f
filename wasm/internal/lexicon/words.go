package lexicon

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

// functionLemmas are Arabic function words without proclitics, as written.
// They are folded when tables.go is generated, so hamza-less, ى and ة
// spellings are covered.
// Common forms with an attached pronoun (فيه، إنه، لها) are listed too,
// because FunctionWords strips only proclitics. Words that are mostly
// content words once a proclitic is stripped (لي in "ولي العهد") are left
// out.
var functionLemmas = []string{
	// Prepositions and prepositional adverbs.
	"في", "فى", "من", "إلى", "على", "عن", "مع", "عند", "لدى", "حتى", "منذ", "خلال", "حول",
	"دون", "بدون", "بين", "نحو", "ضد", "عبر", "تجاه", "إزاء", "حيال", "وسط", "أمام", "خلف", "وراء",
	"فوق", "تحت", "قبل", "بعد", "عدا", "سوى", "غير", "إثر", "جراء", "ضمن", "طوال", "طيلة", "أثناء",
	"حسب", "وفق", "وفقا", "مقابل", "رغم", "بشأن", "داخل", "خارج", "قرب", "عقب", "لأجل",
	// Prepositions with an attached pronoun.
	"فيه", "فيها", "فيهم", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "عنه", "عنها",
	"عنهم", "إليه", "إليها", "إليهم", "معه", "معها", "معهم", "له", "لها", "لهم", "به", "بها",
	"بهم", "لديه", "لديها", "لديهم", "بينهم",
	// Conjunctions and subordinators.
	"و", "ثم", "أو", "أم", "بل", "لكن", "لكنه", "لكنها", "إذ", "إذا", "إن", "أن", "إنه", "إنها", "أنه",
	"أنها", "إنهم", "أنهم", "لأن", "لأنه", "لأنها", "كي", "لكي", "لو", "لولا", "إما", "أما",
	"كما", "مثل", "مثلما", "بينما", "حيث", "حيثما", "عندما", "كلما", "لما", "طالما", "بعدما",
	"حينما", "فيما", "إنما", "كأن", "كأنه", "لعل", "ليت", "إلا", "ألا", "إذن", "لذا", "لذلك", "لهذا",
	// Negation, interrogation and other particles.
	"لا", "لم", "لن", "ليس", "ليست", "ما", "مما", "عما", "قد", "لقد", "سوف", "هل", "نعم", "كلا",
	"ماذا", "متى", "أين", "كيف", "كم", "لماذا", "أي", "أية", "أيها", "يا",
	// Pronouns.
	"هو", "هي", "هما", "هم", "هن", "أنا", "نحن", "أنت", "أنتم", "نفسه", "نفسها", "أنفسهم",
	// Demonstratives.
	"هذا", "هذه", "هذان", "هذين", "هؤلاء", "ذلك", "تلك", "ذاك", "أولئك", "هناك", "هنا", "هنالك",
	"هكذا", "كذلك",
	// Relatives.
	"الذي", "التي", "الذين", "اللذان", "اللتان", "اللاتي", "اللواتي", "اللي",
	// Quantifiers and determiners.
	"كل", "بعض", "جميع", "كافة", "عدة", "أحد", "إحدى", "معظم", "أغلب", "أكثر", "أقل", "ذات",
	"ذو", "ذي", "أيضا", "فقط", "جدا", "حوالي", "قرابة", "تقريبا", "نفس", "الكل", "البعض", "الغير",
	// Auxiliaries and copulas.
	"كان", "كانت", "كانوا", "يكون", "تكون", "تكن", "يكن", "كنت", "كنا", "أصبح", "أصبحت",
	"بات", "باتت", "ظل", "ظلت", "مازال", "مازالت", "زال", "يزال", "تزال", "صار", "صارت",
	"ليسوا", "يمكن", "يجب",
	// Adverbs of time and manner used as connectors.
	"الآن", "حاليا", "لاحقا", "سابقا", "دائما", "أبدا", "معا", "حين", "فور", "إضافة", "فضلا",
	"علاوة", "بدلا",
}

// Proclitics in UTF-8: و ف ب ل ك, and ال.
const (
	waw     = "\u0648"
	feh     = "\u0641"
	beh     = "\u0628"
	lam     = "\u0644"
	kaf     = "\u0643"
	article = "\u0627\u0644" // ال
	lamLam  = "\u0644\u0644" // لل (ل + ال)
	minStem = 4              // bytes: a stripped stem keeps two Arabic letters
)

// isFunctionWord reports whether w, or w without its proclitics, is a
// function word.
func isFunctionWord(w string) bool { return functionForms.has(w) }

// Proclitic combinations, outermost first: a conjunction, then a
// preposition.
var (
	conjunctions = [...]string{"", waw, feh}
	prepositions = [...]string{"", beh, lam, kaf}
)

// functionForms holds every spelling FunctionWords counts: each folded
// lemma as it is, and, when at least two letters remain, after one of و ف
// and then one of ب ل ك (وفي، بهذه، وبين). A lemma that starts with ال is
// also found behind ل with its alef dropped (للتي) and behind the other
// proclitics (وللذين، بالتي); no other stem takes the article, because ال
// marks a noun ("الوسط" = the centre, not وسط = amid).
//
// Listing the forms costs a few thousand short strings of static data and
// saves up to five lookups a word, one per way of stripping proclitics.
//
// The Latin-script function words (latin.go) take no clitics and are
// added as they are.
//
// buildFunctionForms returns the forms functionForms holds; spellings that
// fold together give the same forms twice. functionForms is
// newWordTable(buildFunctionForms()), generated into tables.go.
func buildFunctionForms() []string {
	var buf []byte
	var ends []int
	for _, lemma := range functionLemmas {
		k := normalize.SearchKey(lemma)
		buf = append(buf, k...)
		ends = append(ends, len(buf))
		var bodies [2]string
		if len(k) >= minStem {
			bodies[0] = k
		}
		if stem, ok := strings.CutPrefix(k, article); ok && len(stem) >= minStem {
			bodies[1] = lamLam + stem
		}
		for _, body := range bodies {
			if body == "" {
				continue
			}
			for _, c := range conjunctions {
				for _, p := range prepositions {
					buf = append(append(append(buf, c...), p...), body...)
					ends = append(ends, len(buf))
				}
			}
		}
	}
	for _, words := range latinFunctionWords {
		for _, w := range words {
			buf = append(buf, normalize.SearchKey(w)...)
			ends = append(ends, len(buf))
		}
	}
	all := string(buf)
	forms := make([]string, len(ends))
	for i, start := 0, 0; i < len(ends); i++ {
		forms[i], start = all[start:ends[i]], ends[i]
	}
	return forms
}
