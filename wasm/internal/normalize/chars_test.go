package normalize

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNFCSafe checks the NFC shortcut's table against x/text: every rune
// below U+0300 and every nfcSafe rune must be a starter that never composes
// with what precedes it.
func TestNFCSafe(t *testing.T) {
	for r := rune(0); r <= 0x1FFFF; r++ {
		if r >= 0x0300 && !nfcSafe(r) || 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		p := norm.NFC.PropertiesString(string(r))
		if !p.BoundaryBefore() || p.CCC() != 0 || !norm.NFC.IsNormalString(string(r)) {
			t.Errorf("nfcSafe(%U): got true; want false", r)
		}
	}
}

// TestCleanRune checks that the clean-prefix runes pass through Display
// unchanged in any position.
func TestCleanRune(t *testing.T) {
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if !cleanRune(r) {
			continue
		}
		if r >= 0x0300 && !nfcSafe(r) {
			t.Errorf("cleanRune(%U) but not nfcSafe", r)
		}
		for _, s := range []string{string(r), "ب" + string(r) + "ب", "a" + string(r) + "a"} {
			if got := string(appendDisplay(nil, s, 0, true)); got != s {
				t.Errorf("Display(%q) = %q; want %q", s, got, s)
			}
		}
	}
}

func TestExpandable(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want bool
	}{{0xFEFB, true}, {0xFB8E, true}, {0xFE70, true}, {0xFDFC, true}, {0xFDFA, false}, {0xFDFD, false}, {0xFE73, false}, {0xFD3E, false}, {0xFEFF, false}, {0x0627, false}} {
		if got := expandable(c.r); got != c.want {
			t.Errorf("expandable(%U) = %v; want %v", c.r, got, c.want)
		}
	}
}

func TestHarakaCCC(t *testing.T) {
	for r := rune(0x064B); r <= 0x0670; r++ {
		if !isHaraka(r) {
			continue
		}
		if got, want := harakaCCC(r), norm.NFC.PropertiesString(string(r)).CCC(); got != want {
			t.Errorf("harakaCCC(%U) = %d; want %d", r, got, want)
		}
	}
}

func TestFoldsInKey(t *testing.T) {
	for r := rune(0x0600); r <= 0x067F; r++ {
		b := []byte(string(r))
		if !plainLetter(b[0], b[1]) {
			continue
		}
		if got, want := foldsInKey(b[0], b[1]), alefFold(r) != r; got != want {
			t.Errorf("foldsInKey(%U) = %v; want %v", r, got, want)
		}
	}
}
