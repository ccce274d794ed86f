// Package segment cuts a page's tree into candidate blocks of text.
//
// A block ends at every block-level element boundary and at every <br>, so
// that a paragraph built from <br>-separated lines yields one block a line.
// Inline markup (links, emphasis, spans, unknown tags) stays inside its
// block, and the characters under links are counted for link density.
// Hidden elements and non-content elements (scripts, form controls,
// buttons, embedded frames) give no blocks; a <form> itself is a container
// like any other, since some sites wrap the whole page in one.
//
// Cut also finds, for the article's figures and links, the visible <img>
// elements with the place each stands among the blocks, and the text each
// hyperlink covers in its block, in bytes of the block's Text.
package segment
