// Package byline recognizes the short lines that credit an article: a
// byline with its label word («كتب»، «بقلم»، «حوار:») and a trailing agency
// credit such as «--(بترا)» or «(رويترز)».
//
// Both checks are on the shape of a short line, not on names: any name
// after a label is a byline, any short parenthesized line at the end of a
// body is a credit.
package byline
