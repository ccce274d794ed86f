package normalize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Code points the loops single out.
const (
	tatweel   = 0x0640
	zwnj      = 0x200C
	zwj       = 0x200D
	heh       = 0x0647
	comma     = 0x060C // ،
	semicolon = 0x061B // ؛
	question  = 0x061F // ؟
)

// decode is utf8.DecodeRuneInString with the two-byte case (all of Arabic)
// inlined, because the wasm hot path pays for every non-inlined call.
func decode(s string) (rune, int) {
	if len(s) > 1 && s[0] >= 0xC2 && s[0] <= 0xDF && s[1]&0xC0 == 0x80 {
		return rune(s[0]&0x1F)<<6 | rune(s[1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s)
}

// decodeBytes is decode for a byte slice.
func decodeBytes(b []byte) (rune, int) {
	if len(b) > 1 && b[0] >= 0xC2 && b[0] <= 0xDF && b[1]&0xC0 == 0x80 {
		return rune(b[0]&0x1F)<<6 | rune(b[1]&0x3F), 2
	}
	return utf8.DecodeRune(b)
}

// plainLetter reports whether the two bytes c, c1 encode an Arabic letter
// U+0621–063A (D8 A1–BA) or U+0641–064A (D9 81–8A): the letters no rule
// touches in display text. It compares the bytes as they are, without
// decoding, because it runs on every letter.
func plainLetter(c, c1 byte) bool {
	return c == 0xD8 && c1-0xA1 <= 0xBA-0xA1 || c == 0xD9 && c1-0x81 <= 0x8A-0x81
}

// asciiSpace marks the ASCII bytes Display turns into a word gap.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// isSpace reports whether a non-ASCII r is a space character. Go's regexp \s
// and strings.Fields disagree on several of these, so the set is explicit.
func isSpace(r rune) bool {
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// asciiControl marks the ASCII controls Display removes: all but the ones
// that are space (tab, line feed, form feed …), and NUL and DEL. In a
// terminal they set titles, clear screens and write the clipboard.
var asciiControl = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = !asciiSpace[c]
	}
	t[0x7F] = true
	return t
}()

// isDeleted reports whether Display always removes r: invisible controls that
// carry no text. ZWNJ is a letter-shaping control in Persian and Urdu, so it
// goes only from Arabic text. ZWJ is decided by its neighbours (see isEmoji).
// The C1 controls (NEL is a space), the deprecated format controls
// U+206A–206F, the Mongolian vowel separator, the interlinear annotation
// controls, the noncharacters U+FFFE and U+FFFF, the Arabic number signs
// U+0600–0605 and the tag characters (U+E0001, U+E0020–E007F, which can
// smuggle ASCII text) go too: none is text a reader sees.
func isDeleted(r rune, arabic bool) bool {
	switch {
	case r == 0x00AD, r == 0x061C, r == 0x200B, r == 0x200E, r == 0x200F, r == 0xFEFF:
		return true
	case 0x202A <= r && r <= 0x202E, 0x2060 <= r && r <= 0x2064, 0x2066 <= r && r <= 0x2069:
		return true
	case 0x80 <= r && r <= 0x9F && r != 0x85, 0x206A <= r && r <= 0x206F, r == 0x180E,
		0xFFF9 <= r && r <= 0xFFFB, r == 0xFFFE, r == 0xFFFF, 0x0600 <= r && r <= 0x0605,
		r == 0xE0001, 0xE0020 <= r && r <= 0xE007F:
		return true
	case r == zwnj:
		return arabic
	}
	return false
}

// persianFold is the spelling of a Persian/Urdu letter in Arabic text, or ""
// if r is not folded. ۀ ۂ ۓ are the precomposed hamza forms of ە ہ ے, folded
// the same way so that NFC and NFD input give the same output.
func persianFold(r rune) string {
	switch r {
	case 0x06CC, 0x06D2: // ی ے
		return "ي"
	case 0x06A9: // ک
		return "ك"
	case 0x06C1, 0x06D5: // ہ ە
		return "ه"
	case 0x06D3: // ۓ
		return "ئ"
	case 0x06C0, 0x06C2: // ۀ ۂ
		return "ه\u0654"
	}
	return ""
}

// Joining types, from Unicode ArabicShaping.txt, for deciding whether a
// tatweel sits inside a word (a kashida) or after it (a connector).
const (
	joinNone  = iota
	joinRight // joins only to the preceding letter: ا د ذ ر ز و ة ...
	joinDual  // joins on both sides: ب ت ث ج ...
)

// joining returns the joining type of r (joinNone for non-letters).
func joining(r rune) int {
	switch {
	case r < 0x0620:
		return joinNone
	case r <= 0x064A:
		switch r {
		case 0x0621:
			return joinNone
		case 0x0622, 0x0623, 0x0624, 0x0625, 0x0627, 0x0629, 0x062F, 0x0630, 0x0631, 0x0632, 0x0648:
			return joinRight
		}
		return joinDual
	case r == 0x066E, r == 0x066F:
		return joinDual
	case r < 0x0671:
		return joinNone
	case r <= 0x06D5:
		switch {
		case r <= 0x0673, 0x0675 <= r && r <= 0x0677, 0x0688 <= r && r <= 0x0699,
			r == 0x06C0, 0x06C3 <= r && r <= 0x06CB, r == 0x06CD, r == 0x06CF,
			r == 0x06D2, r == 0x06D3, r == 0x06D5:
			return joinRight
		case r == 0x0674, r == 0x06D4:
			return joinNone
		}
		return joinDual
	case r == 0x06EE, r == 0x06EF:
		return joinRight
	case 0x06FA <= r && r <= 0x06FC, r == 0x06FF:
		return joinDual
	case 0x0750 <= r && r <= 0x077F:
		switch {
		case 0x0759 <= r && r <= 0x075B, r == 0x076B, r == 0x076C, r == 0x0771,
			r == 0x0773, r == 0x0774, r == 0x0778, r == 0x0779:
			return joinRight
		}
		return joinDual
	}
	return joinNone
}

// isMark reports whether r is a combining mark (it rides on the letter before
// it, so it is skipped when looking for a tatweel's neighbours).
func isMark(r rune) bool {
	switch {
	case r < 0x0300:
		return false
	case r <= 0x036F:
		return true
	case 0x0610 <= r && r <= 0x061A, 0x064B <= r && r <= 0x065F, r == 0x0670,
		0x06D6 <= r && r <= 0x06DC, 0x06DF <= r && r <= 0x06E4, r == 0x06E7, r == 0x06E8,
		0x06EA <= r && r <= 0x06ED:
		return true
	case r < 0x0800:
		return false
	}
	return unicode.Is(unicode.Mn, r)
}

// isEmoji reports whether r can start an emoji in a ZWJ sequence.
func isEmoji(r rune) bool {
	switch {
	case 0x1F000 <= r && r <= 0x1FAFF, 0x2600 <= r && r <= 0x27BF,
		0x2300 <= r && r <= 0x23FF, 0x2B00 <= r && r <= 0x2BFF, 0x2194 <= r && r <= 0x21AA:
		return true
	}
	switch r {
	case 0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139:
		return true
	}
	return false
}

// isEmojiTail reports whether r can end an emoji before a ZWJ: an emoji, the
// emoji presentation selector, the keycap mark or a tag character.
func isEmojiTail(r rune) bool {
	return isEmoji(r) || r == 0xFE0F || r == 0x20E3 || 0xE0020 <= r && r <= 0xE007F
}

// nfcSafe reports whether r (>= U+0300) is an NFC starter that never
// composes with what precedes it, so text made only of such runes (and runes
// below U+0300) is already NFC. It lets Display skip the NFC check on
// unvocalized Arabic; anything not listed only costs that check.
func nfcSafe(r rune) bool {
	switch {
	case 0x0600 <= r && r <= 0x060F, 0x061B <= r && r <= 0x064A, 0x0660 <= r && r <= 0x066F,
		0x0671 <= r && r <= 0x06D5, 0x06E5 <= r && r <= 0x06E6, 0x06EE <= r && r <= 0x06FF,
		0x0750 <= r && r <= 0x077F, 0x200C <= r && r <= 0x200D, 0x2010 <= r && r <= 0x2027,
		0x2030 <= r && r <= 0x205E, 0x20A0 <= r && r <= 0x20C0, 0xFB50 <= r && r <= 0xFDFF,
		0xFE70 <= r && r <= 0xFEFE, 0x1F300 <= r && r <= 0x1FAFF, r == 0xFFFD,
		// Cyrillic, and the arrows, box drawing, geometric shapes and
		// dingbats that text browsers use as bullets (□ ● ☆ ➤).
		0x0400 <= r && r <= 0x0482, 0x048A <= r && r <= 0x052F, 0x2190 <= r && r <= 0x21FF,
		0x2500 <= r && r <= 0x27BF:
		return true
	}
	return false
}

// keptLigature reports whether r is an honorific ligature kept as written:
// ﷺ ﷻ expand to whole phrases under NFKC and ﷽ has no decomposition.
func keptLigature(r rune) bool {
	return r == 0xFDFA || r == 0xFDFB || r == 0xFDFD
}

// expandable reports whether r is an Arabic presentation form that Display
// replaces by its NFKC decomposition.
func expandable(r rune) bool {
	if !(0xFB50 <= r && r <= 0xFDFF || 0xFE70 <= r && r <= 0xFEFE) || keptLigature(r) {
		return false
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	return len(norm.NFKC.Properties(b[:n]).Decomposition()) > 0
}

// isHaraka reports whether r is one of the marks the search key strips:
// tanwin, short vowels, shadda, sukun (U+064B–0652) and dagger alef (U+0670).
// Hamza above/below (U+0654/0655) and madda are not in the set: they are
// letters' parts, not vocalization.
func isHaraka(r rune) bool {
	return 0x064B <= r && r <= 0x0652 || r == 0x0670
}

// harakaCCC is the canonical combining class of haraka r: 27 (fathatan)
// to 34 (sukun), 35 for dagger alef. Harakat never compose, so a haraka
// after a base letter or a haraka of lower class keeps text NFC.
func harakaCCC(r rune) uint8 {
	if r == 0x0670 {
		return 35
	}
	return uint8(r-0x064B) + 27
}

// harakaInOrder reports whether haraka r may follow prev (the last rune of
// the display text so far) without breaking canonical order.
func harakaInOrder(prev, r rune) bool {
	if isHaraka(prev) {
		return harakaCCC(prev) <= harakaCCC(r)
	}
	return !isMark(prev)
}

// alefFold is the search-key letter for r, or r itself.
func alefFold(r rune) rune {
	switch r {
	case 0x0622, 0x0623, 0x0625, 0x0671: // آ أ إ ٱ
		return 0x0627 // ا
	case 0x0649: // ى
		return 0x064A // ي
	case 0x0629: // ة
		return 0x0647 // ه
	}
	return r
}

// asciiDigit is the ASCII digit for an Arabic-Indic or Persian digit, or r.
func asciiDigit(r rune) rune {
	switch {
	case 0x0660 <= r && r <= 0x0669:
		return r - 0x0660 + '0'
	case 0x06F0 <= r && r <= 0x06F9:
		return r - 0x06F0 + '0'
	}
	return r
}
