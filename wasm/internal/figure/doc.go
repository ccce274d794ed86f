// Package figure reads an <img> for the article's figures: which URL it
// shows (a lazy page keeps the picture in data-src or srcset and a
// placeholder in src), whether it is decoration rather than a picture (a
// tracking pixel, an icon, a logo), whether a link around it opens the
// picture or another page, and the photo credit a caption line holds
// («تصوير: …», «(رويترز)», «Getty Images»).
//
// Every rule reads what HTML and news pages mean by their markup and
// words, never a site's own names.
package figure
