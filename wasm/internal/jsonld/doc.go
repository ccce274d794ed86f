// Package jsonld reads the article a page describes in its JSON-LD
// (schema.org NewsArticle, Article, BlogPosting, ReportageNews …, alone,
// in an array or in an @graph): headline, dates, section, body, authors,
// publisher, image and URL.
//
// It runs right after parsing, before the body is chosen: classification
// checks its choice against the articleBody and finds the headline by
// it, and metadata takes its fields as the most explicit source.
package jsonld
