// Package urlref resolves a URL reference against a base URL, as net/url
// does (url.Parse(base).ResolveReference(url.Parse(ref)).String()), byte
// for byte: metadata makes canonical and image URLs absolute with it.
//
// It is a port of just that part of Go 1.26's net/url, because net/url
// alone kept fmt, reflect, net/netip and unique in the WebAssembly guest,
// and wazero validates every byte of guest code at each start. Its tests
// check it against net/url itself on a table of about 130,000 pairs, and
// FuzzResolve keeps checking.
package urlref
