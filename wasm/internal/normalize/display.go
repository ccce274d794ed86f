package normalize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Display returns s normalized for display. arabic reports whether the text
// is Arabic-language (true for "ar"); Persian/Urdu text (false) keeps its own
// letters and ZWNJ.
//
// The rules, applied in one pass over s:
//   - NFC; NFKC only for Arabic presentation forms (U+FB50–FDFF,
//     U+FE70–FEFE), without the space NFKC puts before isolated harakat, with
//     ﷼ as «ريال» in Arabic text, and with ﷺ ﷻ ﷽ kept as they are;
//   - in Arabic text, ی ے → ي, ک → ك, ہ ە → ه, and ZWNJ deleted (پ چ ژ گ ڤ are
//     kept: they spell foreign names);
//   - a tatweel between two joining letters (a kashida, «جـــداً») is
//     deleted; any other run of tatweels («الـ20»، «بـ"إنشاء"»، «1445 هـ») is
//     a connector and becomes one tatweel;
//   - bidi controls, LRM/RLM/ALM, ZWSP, BOM, soft hyphen, U+2060–2064, the C0
//     and C1 controls that are not space (NUL, ESC, DEL …), and the other
//     invisible format characters (isDeleted) are deleted, and ZWJ too
//     unless it joins two emoji;
//   - every space character becomes one U+0020, runs collapse, both ends are
//     trimmed, and no space is left before ، ؛ ؟;
//   - invalid UTF-8 becomes U+FFFD.
//
// Everything else is kept: hamza forms, ى, ة, harakat, digits in their script,
// quotes and ASCII punctuation spacing. NFC is applied last, so that deleting
// a control between a letter and its hamza still composes them and the
// result is stable: Display(Display(s, a), a) == Display(s, a).
//
// Text that is already clean is returned as is, without allocating.
func Display(s string, arabic bool) string {
	i := cleanPrefix(s)
	if i == len(s) {
		return s
	}
	return string(appendDisplay(make([]byte, 0, len(s)+8), s, i, arabic))
}

// AppendDisplay appends Display(s, arabic) to dst and returns the extended
// buffer.
func AppendDisplay(dst []byte, s string, arabic bool) []byte {
	i := cleanPrefix(s)
	if i == len(s) {
		return append(dst, s...)
	}
	return appendDisplay(dst, s, i, arabic)
}

// appendDisplay appends Display(s) given that s[:clean] is already clean.
func appendDisplay(dst []byte, s string, clean int, arabic bool) []byte {
	start := len(dst)
	dst = append(dst, s[:clean]...)
	out, ok := display(dst, start, s, clean, arabic, true)
	if ok {
		return out
	}
	// Presentation forms are rare enough that expanding them in a separate
	// pass, and starting again, costs less than handling them in the loop.
	out, _ = display(out[:start], start, expandForms(s, arabic), 0, arabic, false)
	return out
}

// cleanPrefix returns the length of the longest prefix of s that Display
// leaves unchanged and after which it can start with no pending state: it
// holds only printable ASCII, single inner spaces, Latin-1 symbols, plain
// Arabic letters and digits, harakat in canonical order, general punctuation
// and ، ؛ ؟ not after a space.
func cleanPrefix(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if i == 0 || s[i-1] == ' ' {
					break
				}
			} else if asciiSpace[c] || asciiControl[c] {
				break
			}
			i++
			continue
		}
		if i+1 < len(s) && plainLetter(c, s[i+1]) {
			i += 2 // the bulk of Arabic text, without the general decode
			continue
		}
		r, n := decode(s[i:])
		if isHaraka(r) {
			if p, _ := utf8.DecodeLastRuneInString(s[:i]); !harakaInOrder(p, r) {
				break
			}
		} else if !cleanRune(r) || (r == comma || r == semicolon || r == question) && i > 0 && s[i-1] == ' ' {
			break
		}
		i += n
	}
	return cleanEnd(s, i) // a trailing space, or one before the first change, is pending
}

// cleanRune reports whether Display copies r unchanged whatever surrounds it
// (apart from the space before ، ؛ ؟), and r needs no NFC check.
func cleanRune(r rune) bool {
	switch {
	case 0x0621 <= r && r <= 0x063A, 0x0641 <= r && r <= 0x064A, 0x0660 <= r && r <= 0x066D,
		r == comma, r == semicolon, r == question, 0x06F0 <= r && r <= 0x06F9:
		return true
	case 0x00A1 <= r && r <= 0x00FF:
		return r != 0x00AD
	case 0x2010 <= r && r <= 0x2027, 0x2030 <= r && r <= 0x205E, 0x20A0 <= r && r <= 0x20C0,
		r == 0xFD3E, r == 0xFD3F: // ﴾ ﴿ around Quran quotes
		return true
	}
	return false
}

// display appends the display form of s[i:] to dst, where dst[start:] is the
// display form of s[:i]. If expand is set and s holds a presentation form it
// stops and returns false, so the caller can expand the forms and retry.
func display(dst []byte, start int, s string, i int, arabic, expand bool) ([]byte, bool) {
	pending := false // a space is owed before the next visible character
	// nfcFrom is where the first rune that may need NFC was appended; the
	// text before it is NFC already.
	nfcFrom := -1
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				pending = len(dst) > start
			} else if !asciiControl[c] {
				if pending {
					dst = append(dst, ' ')
					pending = false
				}
				dst = append(dst, c)
			}
			i++
			continue
		}
		if i+1 < len(s) && plainLetter(c, s[i+1]) {
			// The bulk of Arabic text, without the general decode.
			if pending {
				dst = append(dst, ' ')
				pending = false
			}
			dst = append(dst, c, s[i+1])
			i += 2
			continue
		}
		r, n := decode(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			if pending {
				dst = append(dst, ' ')
				pending = false
			}
			dst = append(dst, "\uFFFD"...)
			i++
			continue
		case isSpace(r):
			pending = len(dst) > start
			i += n
			continue
		case isDeleted(r, arabic):
			i += n
			continue
		case r == comma || r == semicolon || r == question:
			pending = false
		case r == zwj:
			if !pending && emojiBefore(dst, start) && emojiAfter(s, i+n, arabic) {
				dst = append(dst, s[i:i+n]...)
			}
			i += n
			continue
		case r == tatweel:
			if pending {
				dst = append(dst, ' ')
				pending = false
			}
			at := len(dst)
			var marks bool
			dst, i, marks = tatweelRun(dst, start, s, i, arabic)
			if marks && nfcFrom < 0 {
				nfcFrom = at
			}
			continue
		case expand && expandable(r):
			return dst, false
		default:
			if arabic {
				if f := persianFold(r); f != "" {
					if pending {
						dst = append(dst, ' ')
						pending = false
					}
					if len(f) > 2 && nfcFrom < 0 { // ends with a hamza mark
						nfcFrom = len(dst)
					}
					dst = append(dst, f...)
					i += n
					continue
				}
			}
			if r >= 0x0300 && !nfcSafe(r) && !(isHaraka(r) && harakaInOrder(lastRune(dst, start), r)) {
				if nfcFrom < 0 {
					nfcFrom = len(dst)
				}
			}
		}
		if pending {
			dst = append(dst, ' ')
			pending = false
		}
		dst = append(dst, s[i:i+n]...)
		i += n
	}
	if nfcFrom >= 0 {
		// Back up to the last boundary: the first suspect rune may compose
		// with the letter before it.
		if b := norm.NFC.LastBoundary(dst[start:nfcFrom]); b > 0 {
			nfcFrom = start + b
		} else {
			nfcFrom = start
		}
		if !norm.NFC.IsNormal(dst[nfcFrom:]) {
			nfc := norm.NFC.Append(nil, dst[nfcFrom:]...)
			dst = append(dst[:nfcFrom], nfc...)
		}
	}
	return dst, true
}

// tatweelRun handles the run of tatweels (with any marks and deleted controls
// among them) starting at s[i]. It appends the run's display form to dst and
// returns the index after the run and whether it appended a mark.
//
// The run is a kashida, and dropped, when the letter before it joins forward
// and the character after it is a letter that joins back, except after a
// standalone ه (the Hijri-year abbreviation هـ). Otherwise it is a connector
// and kept as one tatweel.
func tatweelRun(dst []byte, start int, s string, i int, arabic bool) ([]byte, int, bool) {
	j := i
	next := rune(-1)
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		// What display deletes does not stand between the run and the
		// letter after it: with it dropped, a second pass would see that
		// letter next and judge the run otherwise.
		if r == tatweel || isMark(r) || r == zwj || isDeleted(r, arabic) || r < utf8.RuneSelf && asciiControl[r] {
			j += n
			continue
		}
		next = r
		if r == utf8.RuneError {
			next = -1 // not a letter, however it is spelled
		}
		break
	}
	prev, before := lastBases(dst[start:])
	kashida := joining(prev) == joinDual && joining(next) != joinNone &&
		!(prev == heh && !isWordRune(before))
	kept, marks := false, false
	for k := i; k < j; {
		r, n := utf8.DecodeRuneInString(s[k:])
		switch {
		case r == tatweel:
			if !kashida && !kept {
				dst = append(dst, s[k:k+n]...)
				kept = true
			}
		case isMark(r):
			dst = append(dst, s[k:k+n]...)
			marks = true
		}
		k += n
	}
	return dst, j, marks
}

// lastBases returns the last non-mark rune of b and the non-mark rune before
// it; -1 stands for the start of the text.
func lastBases(b []byte) (last, before rune) {
	last, before = -1, -1
	for len(b) > 0 {
		r, n := utf8.DecodeLastRune(b)
		b = b[:len(b)-n]
		if isMark(r) {
			continue
		}
		if last < 0 {
			last = r
			continue
		}
		before = r
		break
	}
	return last, before
}

// lastRune returns the last rune of dst[start:], or -1 if it is empty.
func lastRune(dst []byte, start int) rune {
	if len(dst) <= start {
		return -1
	}
	r, _ := utf8.DecodeLastRune(dst[start:])
	return r
}

// isWordRune reports whether r is part of a word (letter, digit or mark).
func isWordRune(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r))
}

// emojiBefore reports whether the display text so far ends with an emoji.
func emojiBefore(dst []byte, start int) bool {
	return isEmojiTail(lastRune(dst, start))
}

// emojiAfter reports whether the next character of s[i:] that Display keeps
// is an emoji.
func emojiAfter(s string, i int, arabic bool) bool {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isDeleted(r, arabic) {
			return isEmoji(r)
		}
		i += n
	}
	return false
}

// expandForms returns s with invalid UTF-8 replaced by U+FFFD and each
// expandable presentation form replaced by its NFKC decomposition, fixed as
// Display documents.
func expandForms(s string, arabic bool) string {
	buf := make([]byte, 0, len(s)+len(s)/4)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			buf = append(buf, "\uFFFD"...)
		case r == 0xFDFC && arabic:
			// NFKC spells the rial sign with Farsi yeh.
			buf = append(buf, "ريال"...)
		case expandable(r):
			k := len(buf)
			buf = norm.NFKC.AppendString(buf, s[i:i+n])
			if len(buf) > k+1 && buf[k] == ' ' {
				// NFKC puts a space before isolated harakat (FE70…FE7E,
				// FC5E–FC63); the mark belongs to the letter before.
				buf = append(buf[:k], buf[k+1:]...)
			}
		default:
			buf = append(buf, s[i:i+n]...)
		}
		i += n
	}
	return string(buf)
}
