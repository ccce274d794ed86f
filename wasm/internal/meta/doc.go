// Package meta reads an article's metadata from a parsed page: title,
// publication and modification dates, section, site, author, description,
// lead image and canonical URL.
//
// Every field has a cascade of sources, from the most explicit (JSON-LD,
// Open Graph and article:* meta, itemprop microdata) to the visible page
// (the h1, breadcrumbs, the Arabic date line, bylines) and finally the URL.
// Titles are reconciled across h1, og:title, the JSON-LD headline and
// <title>, with the site's name cut from either end.
//
// It runs last of the extraction stages, on the page's tree, its JSON-LD
// article (jsonld) and the blocks classification marked (block), reading
// the date lines and bylines where the body starts. It imports neither
// classify nor segment: the blocks carry what it needs, and a block's
// dates and byline are parsed once, whichever stage asks first.
package meta
