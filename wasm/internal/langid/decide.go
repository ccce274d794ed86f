package langid

// Decision thresholds and weights. The corpus shows wide margins: Arabic
// news has ة at 3–4% of Arabic-script letters and no پ چ ژ گ beyond a foreign
// name; Persian has پ چ ژ گ at 2–3.5% and almost no ة; Urdu has ٹ ڈ ڑ ں ے ھ ہ
// at over 10%, where Persian and Arabic have none.
const (
	// minArabicPercent of all letters must be Arabic script for the text
	// to be ar, fa or ur at all.
	minArabicPercent = 30
	// urduPercent of Arabic-script letters being Urdu-only makes Urdu.
	urduPercent = 2
	// foreignPercent of Arabic-script letters from Kurdish, Pashto, Sindhi
	// or Uyghur makes Other.
	foreignPercent = 2
	// strongWeight is the weight of the letter one language uses and the
	// other does not (ة for Arabic, پ چ ژ گ for Persian), against 1 for the
	// keyboard-dependent pairs ي/ی and ك/ک, which Persian keyboards on
	// Arabic sites and Arabic keyboards on Persian sites swap.
	strongWeight = 4
	// wordWeight is the weight of one function word. Words are fewer than
	// letters but never appear by accident.
	wordWeight = 2
)

// decide turns counts into a language. Ties go to Arabic, the language
// nazif is built for.
func (c counts) decide() Lang {
	letters := c.arabic + c.latin + c.other
	if letters == 0 || c.arabic*100 < letters*minArabicPercent {
		return Other
	}
	n := &c.class
	if n[clsForeign]*100 >= c.arabic*foreignPercent && n[clsForeign] > n[clsUrdu] {
		return Other
	}
	if n[clsUrdu]*100 >= c.arabic*urduPercent ||
		c.wordsUr >= 2 && c.wordsUr > c.wordsFa && c.wordsUr > c.wordsAr {
		return Urdu
	}
	fa := wordWeight*c.wordsFa + strongWeight*n[clsPersian] + n[clsFarsiYeh] + n[clsKeheh]
	ar := wordWeight*c.wordsAr + strongWeight*n[clsTehMarbuta] + n[clsArabicYeh] + n[clsArabicKaf] + n[clsAlefMaksura]
	if fa > ar {
		return Persian
	}
	return Arabic
}
