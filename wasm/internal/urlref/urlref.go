package urlref

// This file is a stripped-down port of Go 1.26's net/url (BSD licence,
// Copyright The Go Authors): just enough of Parse, ResolveReference and
// String to resolve one URL against another. net/url alone kept fmt,
// reflect, net/netip and unique in the WebAssembly guest, and wazero
// validates every byte of guest code at each start. resolve_test.go checks
// this port against net/url itself, so any change here must keep the two
// in lockstep, quirks included; the GODEBUG settings net/url honours are
// fixed at their Go 1.26 defaults.

import (
	"bytes"
	"strings"
)

// Resolve makes ref absolute against base where it can. It returns
// exactly what url.Parse(base).ResolveReference(url.Parse(ref)).String()
// does, and ref itself when either is empty or fails to parse.
func Resolve(ref, base string) string {
	if ref == "" || base == "" {
		return ref
	}
	// Values, not pointers, keep both off the heap.
	var b, r link
	if !b.parse(base) || !r.parse(ref) {
		return ref
	}
	out := b.resolveReference(&r)
	return out.String()
}

// link is net/url's URL, without the fields and methods resolve never
// needs. hasUser stands for a non-nil URL.User.
type link struct {
	scheme, opaque        string
	hasUser, passwordSet  bool
	username, password    string
	host, path, rawPath   string
	rawQuery              string
	fragment, rawFragment string
	forceQuery, omitHost  bool
}

// encoding is a part of a URL that strings are escaped for, as a bit so
// that unescaped can hold all of them.
type encoding uint8

// The modes of net/url that resolve uses; query components and path
// segments are never escaped or unescaped here.
const (
	encodePath encoding = 1 << iota
	encodeHost
	encodeZone
	encodeUserPassword
	encodeFragment
)

// unescaped holds, for each ASCII byte other than letters and digits
// (which no mode escapes), the modes that leave it as is. It is net/url's
// generated table cut down to these modes; resolve_test.go checks it
// against the generator's rules.
var unescaped = [256]encoding{
	'!':  encodeFragment | encodeZone | encodeHost,
	'"':  encodeZone | encodeHost,
	'$':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	'&':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	'\'': encodeZone | encodeHost,
	'(':  encodeFragment | encodeZone | encodeHost,
	')':  encodeFragment | encodeZone | encodeHost,
	'*':  encodeFragment | encodeZone | encodeHost,
	'+':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	',':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	'-':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	'.':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	'/':  encodeFragment | encodePath,
	':':  encodeFragment | encodeZone | encodeHost | encodePath,
	';':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	'<':  encodeZone | encodeHost,
	'=':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	'>':  encodeZone | encodeHost,
	'?':  encodeFragment,
	'@':  encodeFragment | encodePath,
	'[':  encodeZone | encodeHost,
	']':  encodeZone | encodeHost,
	'_':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
	'~':  encodeFragment | encodeUserPassword | encodeZone | encodeHost | encodePath,
}

func shouldEscape(c byte, mode encoding) bool {
	if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
		return false
	}
	return unescaped[c]&mode == 0
}

const upperhex = "0123456789ABCDEF"

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unhex's argument must satisfy ishex.
func unhex(c byte) byte {
	return 9*(c>>6) + (c & 15)
}

// unescape decodes %XX escapes, reporting false where net/url returns
// an error.
func unescape(s string, mode encoding) (string, bool) {
	n := 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '%':
			n++
			if i+2 >= len(s) || !ishex(s[i+1]) || !ishex(s[i+2]) {
				return "", false
			}
			// Hosts may escape only non-ASCII bytes, but RFC 6874 lets
			// %25 introduce an IPv6 zone.
			if mode == encodeHost && unhex(s[i+1]) < 8 && s[i:i+3] != "%25" {
				return "", false
			}
			if mode == encodeZone {
				v := unhex(s[i+1])<<4 | unhex(s[i+2])
				if s[i:i+3] != "%25" && v != ' ' && shouldEscape(v, encodeHost) {
					return "", false
				}
			}
			i += 3
		default:
			if (mode == encodeHost || mode == encodeZone) && s[i] < 0x80 && shouldEscape(s[i], mode) {
				return "", false
			}
			i++
		}
	}
	if n == 0 {
		return s, true
	}
	// Short results are built on the stack, as net/url does.
	var buf [64]byte
	var t []byte
	if need := len(s) - 2*n; need <= len(buf) {
		t = buf[:need]
	} else {
		t = make([]byte, need)
	}
	for i, j := 0, 0; i < len(s); i, j = i+1, j+1 {
		if s[i] == '%' {
			t[j] = unhex(s[i+1])<<4 | unhex(s[i+2])
			i += 2
		} else {
			t[j] = s[i]
		}
	}
	return string(t), true
}

// escape percent-encodes the bytes of s that mode does not allow.
func escape(s string, mode encoding) string {
	hexCount := 0
	for i := 0; i < len(s); i++ {
		if shouldEscape(s[i], mode) {
			hexCount++
		}
	}
	if hexCount == 0 {
		return s
	}
	// Short results are built on the stack, as net/url does.
	var buf [64]byte
	var t []byte
	if need := len(s) + 2*hexCount; need <= len(buf) {
		t = buf[:need]
	} else {
		t = make([]byte, need)
	}
	j := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; shouldEscape(c, mode) {
			t[j], t[j+1], t[j+2] = '%', upperhex[c>>4], upperhex[c&15]
			j += 3
		} else {
			t[j] = c
			j++
		}
	}
	return string(t)
}

// getScheme splits off a leading scheme: [a-zA-Z][a-zA-Z0-9+.-]*. A
// colon with no scheme before it is an error.
func getScheme(raw string) (scheme, rest string, ok bool) {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", raw, true
			}
		case c == ':':
			if i == 0 {
				return "", "", false
			}
			return raw[:i], raw[i+1:], true
		default:
			return "", raw, true
		}
	}
	return "", raw, true
}

// parse is url.Parse into the zero link u, reporting false where
// url.Parse fails.
func (u *link) parse(raw string) bool {
	raw, frag, _ := strings.Cut(raw, "#")
	if !u.parseNoFragment(raw) {
		return false
	}
	return frag == "" || u.setFragment(frag)
}

// parseNoFragment is net/url's parse with viaRequest false.
func (u *link) parseNoFragment(raw string) bool {
	if containsCTL(raw) {
		return false
	}
	if raw == "*" {
		u.path = "*"
		return true
	}
	var rest string
	var ok bool
	if u.scheme, rest, ok = getScheme(raw); !ok {
		return false
	}
	u.scheme = strings.ToLower(u.scheme)

	if strings.HasSuffix(rest, "?") && strings.Count(rest, "?") == 1 {
		u.forceQuery = true
		rest = rest[:len(rest)-1]
	} else {
		rest, u.rawQuery, _ = strings.Cut(rest, "?")
	}

	if !strings.HasPrefix(rest, "/") {
		if u.scheme != "" {
			// Rootless paths are opaque (RFC 3986).
			u.opaque = rest
			return true
		}
		// A colon in the first segment of a relative path would read
		// as a scheme.
		if segment, _, _ := strings.Cut(rest, "/"); strings.Contains(segment, ":") {
			return false
		}
	}

	if (u.scheme != "" || !strings.HasPrefix(rest, "///")) && strings.HasPrefix(rest, "//") {
		authority := rest[2:]
		rest = ""
		if i := strings.IndexByte(authority, '/'); i >= 0 {
			authority, rest = authority[:i], authority[i:]
		}
		if !u.parseAuthority(authority) {
			return false
		}
	} else if u.scheme != "" && strings.HasPrefix(rest, "/") {
		u.omitHost = true
	}
	return u.setPath(rest)
}

// parseAuthority sets host and userinfo from [userinfo@]host[:port].
func (u *link) parseAuthority(authority string) bool {
	i := strings.LastIndexByte(authority, '@')
	host, ok := parseHost(u.scheme, authority[i+1:])
	if !ok {
		return false
	}
	if i < 0 {
		u.host = host
		return true
	}
	userinfo := authority[:i]
	if !validUserinfo(userinfo) {
		return false
	}
	username, password, hasPassword := strings.Cut(userinfo, ":")
	if username, ok = unescape(username, encodeUserPassword); !ok {
		return false
	}
	if hasPassword {
		if password, ok = unescape(password, encodeUserPassword); !ok {
			return false
		}
	}
	u.host = host
	u.hasUser, u.username, u.password, u.passwordSet = true, username, password, hasPassword
	return true
}

// parseHost checks and unescapes host[:port].
func parseHost(scheme, host string) (string, bool) {
	if open := strings.LastIndexByte(host, '['); open > 0 {
		return "", false
	} else if open == 0 {
		// An IP-literal (RFC 3986, RFC 6874): "[fe80::1%25en0]:80".
		closing := strings.LastIndexByte(host, ']')
		if closing < 0 {
			return "", false
		}
		colonPort := host[closing+1:]
		if !validOptionalPort(colonPort) {
			return "", false
		}
		// A valid port has nothing to unescape.
		hostname := host[1:closing]
		var addr string
		if zone := strings.Index(hostname, "%25"); zone >= 0 {
			hostPart, ok := unescape(hostname[:zone], encodeHost)
			if !ok {
				return "", false
			}
			zonePart, ok := unescape(hostname[zone:], encodeZone)
			if !ok {
				return "", false
			}
			addr = hostPart + zonePart
		} else {
			var ok bool
			if addr, ok = unescape(hostname, encodeHost); !ok {
				return "", false
			}
		}
		if !validIPLiteral(addr) {
			return "", false
		}
		return "[" + addr + "]" + colonPort, true
	} else if i := strings.IndexByte(host, ':'); i != -1 {
		// Only http and https forbid several colons (Go 1.26's default
		// urlstrictcolons); elsewhere the port follows the last one.
		if scheme != "http" && scheme != "https" {
			i = strings.LastIndexByte(host, ':')
		}
		if !validOptionalPort(host[i:]) {
			return "", false
		}
	}
	return unescape(host, encodeHost)
}

// validIPLiteral reports whether net/netip parses s as an address that is
// not plain IPv4, as net/url requires of a bracketed host.
func validIPLiteral(s string) bool {
	if i := strings.IndexAny(s, ".:%"); i < 0 || s[i] != ':' {
		return false // IPv4, a bare zone, or not an address
	}
	return validIPv6(s)
}

// validIPv6 is netip's parseIPv6, reporting only success.
func validIPv6(s string) bool {
	if i := strings.IndexByte(s, '%'); i != -1 {
		if i == len(s)-1 {
			return false // empty zone
		}
		s = s[:i]
	}
	ellipsis := -1
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		ellipsis = 0
		s = s[2:]
		if len(s) == 0 {
			return true
		}
	}
	i := 0
	for i < 16 {
		off := 0
		for ; off < len(s) && ishex(s[off]); off++ {
			if off > 3 {
				return false // more than four digits
			}
		}
		if off == 0 {
			return false
		}
		if off < len(s) && s[off] == '.' {
			if ellipsis < 0 && i != 12 || i+4 > 16 || !validIPv4(s) {
				return false
			}
			s = ""
			i += 4
			break
		}
		i += 2
		s = s[off:]
		if len(s) == 0 {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return false
		}
		s = s[1:]
		if s[0] == ':' {
			if ellipsis >= 0 {
				return false // a second ::
			}
			ellipsis = i
			s = s[1:]
			if len(s) == 0 {
				break
			}
		}
	}
	if len(s) != 0 {
		return false
	}
	if i < 16 {
		return ellipsis >= 0
	}
	// A :: must stand for at least one group of zeros.
	return ellipsis < 0
}

// validIPv4 is netip's parseIPv4Fields, reporting only success.
func validIPv4(s string) bool {
	val, pos, digits := 0, 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			if digits == 1 && val == 0 {
				return false // leading zero
			}
			val = val*10 + int(c-'0')
			digits++
			if val > 255 {
				return false
			}
		case c == '.':
			if i == 0 || i == len(s)-1 || s[i-1] == '.' || pos == 3 {
				return false
			}
			pos++
			val, digits = 0, 0
		default:
			return false
		}
	}
	return pos == 3
}

// setPath sets path from the escaped p, keeping p as rawPath only where
// it differs from path's default escaping. On false u is unchanged.
func (u *link) setPath(p string) bool {
	path, raw, ok := parseEscaped(p, encodePath)
	if ok {
		u.path, u.rawPath = path, raw
	}
	return ok
}

// escapedPath is URL.EscapedPath: rawPath when it is a valid escaping of
// path, else path escaped afresh.
func (u *link) escapedPath() string {
	if u.path == "*" && !keepsRaw(u.path, u.rawPath, encodePath) {
		return "*"
	}
	return escapedForm(u.path, u.rawPath, encodePath)
}

// parseEscaped unescapes s in mode and returns, with the result, the raw
// form to keep: s itself where it differs from the default escaping, else
// "".
func parseEscaped(s string, mode encoding) (plain, raw string, ok bool) {
	plain, ok = unescape(s, mode)
	if !ok {
		return "", "", false
	}
	if s != escape(plain, mode) {
		raw = s
	}
	return plain, raw, true
}

// escapedForm is raw when it is a valid escaping of plain, else plain
// escaped afresh: net/url's rule for paths and fragments.
func escapedForm(plain, raw string, mode encoding) string {
	if keepsRaw(plain, raw, mode) {
		return raw
	}
	return escape(plain, mode)
}

// keepsRaw reports whether raw is a valid escaping of plain.
func keepsRaw(plain, raw string, mode encoding) bool {
	if raw == "" || !validEncoded(raw, mode) {
		return false
	}
	p, ok := unescape(raw, mode)
	return ok && p == plain
}

// validEncoded reports whether s holds no byte that escaping would change,
// sub-delims, brackets and % aside.
func validEncoded(s string, mode encoding) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '%':
		default:
			if shouldEscape(s[i], mode) {
				return false
			}
		}
	}
	return true
}

// setFragment is setPath for the fragment.
func (u *link) setFragment(f string) bool {
	frag, raw, ok := parseEscaped(f, encodeFragment)
	if ok {
		u.fragment, u.rawFragment = frag, raw
	}
	return ok
}

// escapedFragment is escapedPath for the fragment.
func (u *link) escapedFragment() string {
	return escapedForm(u.fragment, u.rawFragment, encodeFragment)
}

// validOptionalPort reports whether port is empty or matches ^:\d*$.
func validOptionalPort(port string) bool {
	if port == "" {
		return true
	}
	if port[0] != ':' {
		return false
	}
	for i := 1; i < len(port); i++ {
		if port[i] < '0' || port[i] > '9' {
			return false
		}
	}
	return true
}

// validUserinfo reports whether s holds only RFC 3986 userinfo bytes,
// plus '@', which net/url tolerates.
func validUserinfo(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			continue
		}
		switch c {
		case '-', '.', '_', ':', '~', '!', '$', '&', '\'',
			'(', ')', '*', '+', ',', ';', '=', '%', '@':
		default:
			return false
		}
	}
	return true
}

// containsCTL reports an ASCII control byte, which net/url refuses
// anywhere in a URL.
func containsCTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// String is URL.String. It concatenates parts rather than filling a
// strings.Builder: the result is the same, and in WebAssembly the code is
// under a third of the size.
func (u *link) String() string {
	var scheme, colon, body, qmark, hash, frag string
	if u.scheme != "" {
		scheme, colon = u.scheme, ":"
	}
	if u.opaque != "" {
		body = u.opaque
	} else {
		var slashes, user, at, host string
		if (u.scheme != "" || u.host != "" || u.hasUser) && !(u.omitHost && u.host == "" && !u.hasUser) {
			if u.host != "" || u.path != "" || u.hasUser {
				slashes = "//"
			}
			if u.hasUser {
				user, at = escape(u.username, encodeUserPassword), "@"
				if u.passwordSet {
					user += ":" + escape(u.password, encodeUserPassword)
				}
			}
			host = escape(u.host, encodeHost)
		}
		// A resolved path is empty or rooted, so URL.String's cases for
		// relative paths ("/" after the host, "./" before a colon) never
		// apply.
		body = slashes + user + at + host + u.escapedPath()
	}
	if u.forceQuery || u.rawQuery != "" {
		qmark = "?"
	}
	if u.fragment != "" {
		hash, frag = "#", u.escapedFragment()
	}
	return scheme + colon + body + qmark + u.rawQuery + hash + frag
}

// resolveReference is URL.ResolveReference (RFC 3986 §5.2).
func (u *link) resolveReference(ref *link) link {
	url := *ref
	if ref.scheme == "" {
		url.scheme = u.scheme
	}
	if ref.scheme != "" || ref.host != "" || ref.hasUser {
		// The path was escaped validly, so setPath cannot fail.
		url.setPath(resolvePath(ref.escapedPath(), ""))
		return url
	}
	// An opaque ref has a scheme, so URL.ResolveReference's case for one
	// without is gone.
	if ref.path == "" && !ref.forceQuery && ref.rawQuery == "" {
		url.rawQuery = u.rawQuery
		if ref.fragment == "" {
			url.fragment = u.fragment
			url.rawFragment = u.rawFragment
		}
	}
	if ref.path == "" && u.opaque != "" {
		// ref has no host, user or path to clear.
		url.opaque = u.opaque
		return url
	}
	url.host = u.host
	url.hasUser, url.username, url.password, url.passwordSet = u.hasUser, u.username, u.password, u.passwordSet
	url.setPath(resolvePath(u.escapedPath(), ref.escapedPath()))
	return url
}

// resolvePath merges ref into base and removes dot segments the way
// net/url does (RFC 3986 §5.2, with its quirks).
func resolvePath(base, ref string) string {
	var full string
	if ref == "" {
		full = base
	} else if ref[0] != '/' {
		i := strings.LastIndexByte(base, '/')
		full = base[:i+1] + ref
	} else {
		full = ref
	}
	if full == "" {
		return ""
	}

	dst := make([]byte, 0, len(full)+1)
	dst = append(dst, '/')
	elem := ""
	remaining := full
	found := true
	first := true
	for found {
		elem, remaining, found = strings.Cut(remaining, "/")
		switch elem {
		case ".":
			first = false
			continue
		case "..":
			if i := bytes.LastIndexByte(dst[1:], '/'); i >= 0 {
				dst = dst[:i+1]
			} else {
				dst = dst[:1]
			}
			first = len(dst) == 1
		default:
			if !first {
				dst = append(dst, '/')
			}
			dst = append(dst, elem...)
			first = false
		}
	}
	if elem == "." || elem == ".." {
		dst = append(dst, '/')
	}
	// An initial '/' was written; don't return two.
	if len(dst) > 1 && dst[1] == '/' {
		return string(dst[1:])
	}
	return string(dst)
}

// Web reports whether u is an absolute http or https URL with a host, and
// no control, space or bidirectional formatting character anywhere: one
// that a reader can follow and a consumer can link without the link
// running script (javascript:), carrying a document (data:) or showing a
// different address than it goes to (U+202E).
func Web(u string) bool {
	var rest string
	switch {
	case len(u) > 8 && strings.EqualFold(u[:8], "https://"):
		rest = u[8:]
	case len(u) > 7 && strings.EqualFold(u[:7], "http://"):
		rest = u[7:]
	default:
		return false
	}
	if rest == "" || rest[0] == '/' || rest[0] == '?' || rest[0] == '#' {
		return false // no host
	}
	for _, r := range u {
		if r <= ' ' || r == 0x7f || 0x80 <= r && r <= 0x9f || r == 0xa0 ||
			0x200b <= r && r <= 0x200f || 0x2028 <= r && r <= 0x202e || 0x2060 <= r && r <= 0x206f || r == 0xfeff {
			return false
		}
	}
	return true
}
