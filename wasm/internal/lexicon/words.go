package lexicon

import (
	"strings"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

// functionLemmas are Arabic function words without proclitics, as written.
// They are folded at init, so hamza-less, ى and ة spellings are covered.
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

// functionWords holds the folded lemmas; articleWords holds the lemmas that
// start with ال, without it, for ل + الذي = للذي. A stem found only after
// stripping ال must be in articleWords: ال marks a noun ("الوسط" = the
// centre), so the article is no proclitic for prepositions.
var functionWords, articleWords = buildFunctionWords()

func buildFunctionWords() (words, withArticle map[string]bool) {
	words = make(map[string]bool, len(functionLemmas))
	withArticle = make(map[string]bool, 16)
	for _, w := range functionLemmas {
		k := normalize.SearchKey(w)
		words[k] = true
		if rest, ok := strings.CutPrefix(k, article); ok && len(rest) >= minStem {
			withArticle[rest] = true
		}
	}
	return words, withArticle
}
