// Package block is the unit of text that the extraction stages hand down
// the pipeline: segment cuts a page into Blocks, classify measures them and
// marks the article's body among them, and meta reads the head of the
// article (its date line, byline and section label) from them.
//
// A Block is filled stage by stage, and what a stage reads of one it does
// not read again: a byline or the dates on a line are parsed once, on first
// asking, whichever stage asks first.
package block
