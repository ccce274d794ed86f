package lexicon

// latinFunctionWords are the function words of the Latin-script languages
// news pages mix with Arabic or are written in: English, and French, which
// Maghreb sites mix with Arabic, at least; Spanish, Portuguese, Italian and
// German too, so that running text in them reads as prose.
//
// They are what an article's sentences are made of and a menu, a link list
// or a headline lacks: articles, prepositions, conjunctions, pronouns,
// auxiliaries and common adverbs, as SearchKey folds them (ASCII
// lowercased; other letters as written). A word that is also a content
// word in another of the languages stays when that use is rare there
// (German «die», English "die"). Elided forms are split by the word scan
// («l'homme» is «l» and «homme», «don't» is «don» and «t»), so the elided
// letters are listed.
//
// They join the Arabic forms in functionForms, generated into tables.go:
// one lookup a word whatever the script.
var latinFunctionWords = [...][]string{
	english: {
		"the", "a", "an", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to",
		"for", "from", "by", "with", "about", "as", "into", "onto", "over", "under", "after",
		"before", "between", "through", "during", "without", "within", "against", "among",
		"upon", "than", "then", "that", "this", "these", "those", "there", "here", "which",
		"who", "whom", "whose", "what", "when", "where", "why", "how", "whether", "if",
		"because", "while", "although", "though", "since", "until", "unless", "is", "are",
		"was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do",
		"does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
		"must", "not", "no", "it", "its", "he", "him", "his", "she", "her", "hers", "they",
		"them", "their", "we", "us", "our", "you", "your", "i", "me", "my", "all", "any",
		"some", "each", "every", "both", "either", "such", "other", "more", "most",
		"many", "much", "also", "only", "very", "just", "even", "still", "too", "s", "t",
	},
	french: {
		"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "mais",
		"donc", "ni", "car", "à", "au", "aux", "en", "dans", "par", "pour", "sur", "sous",
		"avec", "sans", "chez", "vers", "entre", "contre", "depuis", "pendant", "avant",
		"après", "selon", "que", "qu", "qui", "quoi", "dont", "où", "quand", "comme", "si",
		"ce", "cet", "cette", "ces", "c", "il", "elle", "ils", "elles", "nous", "vous",
		"je", "j", "tu", "te", "se", "lui", "leur", "leurs", "son", "sa", "ses", "mon",
		"ma", "mes", "notre", "nos", "votre", "vos", "y", "ne", "n", "pas", "plus",
		"moins", "très", "aussi", "tout", "tous", "toute", "toutes", "est", "sont",
		"était", "été", "être", "ont", "avait", "avoir", "peut", "sera", "cela", "ça",
	},
	spanish: {
		"el", "los", "las", "una", "unos", "unas", "del", "al", "e", "pero", "sino",
		"con", "por", "para", "sin", "sobre", "hasta", "desde", "como", "cuando", "donde",
		"su", "sus", "lo", "le", "es", "son", "fue", "era", "ha", "han", "este", "esta",
		"estos", "estas", "ese", "esa", "más", "muy", "también", "ya", "porque", "qué",
		"cual", "quien", "mi",
	},
	portuguese: {
		"o", "os", "as", "um", "uma", "do", "da", "dos", "das", "em", "na", "nas",
		"pelo", "pela", "com", "sem", "não", "é", "são", "foi", "ao", "seu", "sua",
		"mais", "também", "muito", "isso", "isto", "ele", "ela", "eles", "elas",
	},
	italian: {
		"il", "gli", "uno", "di", "della", "dei", "delle", "alla", "dal", "nel", "nella",
		"tra", "fra", "ed", "ma", "che", "non", "è", "sono", "anche", "più", "questo",
		"questa", "ci",
	},
	german: {
		"der", "die", "das", "den", "dem", "ein", "eine", "einen", "einem", "einer",
		"eines", "und", "oder", "aber", "doch", "denn", "im", "auf", "aus", "bei", "mit",
		"nach", "von", "vom", "zu", "zum", "zur", "für", "über", "unter", "durch", "gegen",
		"ohne", "um", "vor", "ist", "sind", "war", "waren", "wird", "werden", "wurde",
		"hat", "haben", "hatte", "sein", "nicht", "auch", "noch", "nur", "schon", "sich",
		"er", "sie", "es", "wir", "ihr", "ich", "du", "man", "dass", "daß", "wenn", "als",
		"wie", "was", "wer", "sehr", "kein", "keine",
	},
}

// The languages of latinFunctionWords. A word common to several is listed
// under the first.
const (
	english = iota
	french
	spanish
	portuguese
	italian
	german
	latinLanguages
)
