package normalize

import (
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
)

// RemoveHarakat returns a Transformer that removes tanwin, short vowels,
// shadda, sukun (U+064B–0652) and dagger alef (U+0670). Unlike removing every
// combining mark, it keeps hamza above/below and madda, so it is safe on NFD
// text. It is the harakat step of SearchKey.
func RemoveHarakat() transform.SpanningTransformer {
	return runes.Remove(runes.Predicate(isHaraka))
}

// RemoveTatweel returns a Transformer that removes every tatweel U+0640,
// kashida and connector alike, as SearchKey does. (Display removes only
// kashidas.)
func RemoveTatweel() transform.SpanningTransformer {
	return runes.Remove(runes.Predicate(func(r rune) bool { return r == tatweel }))
}

// FoldAlef returns a Transformer that folds أ إ آ ٱ to ا, ى to ي and ة to ه,
// as SearchKey does. Apply it after NFC: it does not see a hamza written as a
// separate combining mark.
func FoldAlef() transform.SpanningTransformer {
	return runes.Map(alefFold)
}

// ASCIIDigits returns a Transformer that maps Arabic-Indic digits ٠–٩ and
// Persian digits ۰–۹ to 0–9, as SearchKey does. Separators such as ٫ and ٬
// are left alone.
func ASCIIDigits() transform.SpanningTransformer {
	return runes.Map(asciiDigit)
}
