package classify

import "github.com/nazif/nazif/wasm/internal/classwords"

// The rules of classification: every vocabulary and threshold of the
// stage, each with the reason it has the value it has. The code that
// applies them is in classify.go (choosing the container) and filter.go
// (filtering inside it).

// Flags of class and id words.
const (
	// hintContent names the article's text: the container scores more.
	hintContent uint32 = 1 << iota
	// hintChrome names site chrome: the container scores less, and a
	// subtree inside the article so named is dropped unless it reads as
	// prose.
	hintChrome
	// hintUnlikely names chrome that rarely holds an article (comments,
	// sidebars, menus): its prose counts for little in the first pass.
	hintUnlikely
	// hintLikely names a main container, and cancels hintUnlikely
	// ("widget-content", "sidebar-layout main").
	hintLikely
	// hintCaption names a figure caption or photo credit.
	hintCaption
	// hintCredit names a photo credit, within a caption.
	hintCredit
)

// hintVocab is what class and id words say, after Readability's lists,
// extended with the transliterated names Arabic CMSs use (matn and nass
// "text", khabar "news", tafasil "details", maqal "article"). Words are
// matched whole (classwords); Prefix entries also match their plural and
// compound forms.
var hintVocab = classwords.New([]classwords.Entry{
	// The article's text.
	{Word: "article", Flags: hintContent | hintLikely},
	{Word: "articlebody", Flags: hintContent | hintLikely},
	{Word: "body", Flags: hintContent | hintLikely},
	{Word: "content", Prefix: true, Flags: hintContent | hintLikely},
	{Word: "entry", Flags: hintContent | hintLikely},
	{Word: "hentry", Flags: hintContent | hintLikely},
	{Word: "main", Flags: hintContent | hintLikely},
	{Word: "post", Flags: hintContent | hintLikely},
	{Word: "text", Flags: hintContent | hintLikely},
	{Word: "story", Flags: hintContent | hintLikely},
	{Word: "column", Flags: hintLikely},
	{Word: "detail", Prefix: true, Flags: hintContent},
	{Word: "blog", Flags: hintContent},
	{Word: "prose", Flags: hintContent},
	{Word: "matn", Flags: hintContent},
	{Word: "nass", Flags: hintContent},
	{Word: "khabar", Flags: hintContent},
	{Word: "tafasil", Flags: hintContent},
	{Word: "maqal", Prefix: true, Flags: hintContent},

	// Chrome that rarely holds the article.
	{Word: "comment", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "disqus", Flags: hintChrome | hintUnlikely},
	{Word: "replies", Flags: hintChrome | hintUnlikely},
	{Word: "respond", Flags: hintChrome | hintUnlikely},
	{Word: "community", Flags: hintChrome | hintUnlikely},
	{Word: "modal", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "popup", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "sidebar", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "footer", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "related", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "share", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "sharing", Flags: hintChrome | hintUnlikely},
	{Word: "social", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "widget", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "menu", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "nav", Flags: hintChrome | hintUnlikely},
	{Word: "navbar", Flags: hintChrome | hintUnlikely},
	{Word: "navigation", Flags: hintChrome | hintUnlikely},
	{Word: "breadcrumb", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "banner", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "sponsor", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "cookie", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "consent", Flags: hintChrome | hintUnlikely},
	{Word: "gdpr", Flags: hintChrome | hintUnlikely},
	{Word: "newsletter", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "subscribe", Prefix: true, Flags: hintChrome | hintUnlikely},
	{Word: "subscription", Flags: hintChrome | hintUnlikely},
	{Word: "pagination", Flags: hintChrome | hintUnlikely},
	{Word: "pager", Flags: hintChrome | hintUnlikely},
	{Word: "ticker", Flags: hintChrome | hintUnlikely},
	{Word: "mostread", Flags: hintChrome | hintUnlikely},
	{Word: "popular", Flags: hintChrome | hintUnlikely},
	{Word: "trending", Flags: hintChrome | hintUnlikely},
	{Word: "outbrain", Flags: hintChrome | hintUnlikely},
	{Word: "taboola", Flags: hintChrome | hintUnlikely},
	{Word: "shoutbox", Flags: hintChrome | hintUnlikely},
	{Word: "masthead", Flags: hintChrome | hintUnlikely},
	{Word: "ad", Flags: hintChrome | hintUnlikely},
	{Word: "ads", Flags: hintChrome | hintUnlikely},
	{Word: "adsense", Flags: hintChrome | hintUnlikely},
	{Word: "advert", Prefix: true, Flags: hintChrome | hintUnlikely},

	// Chrome that may stand inside an article.
	{Word: "promo", Prefix: true, Flags: hintChrome},
	{Word: "tags", Flags: hintChrome},
	{Word: "tag", Flags: hintChrome},
	{Word: "keyword", Prefix: true, Flags: hintChrome},
	{Word: "author", Prefix: true, Flags: hintChrome},
	{Word: "byline", Prefix: true, Flags: hintChrome},
	{Word: "writer", Flags: hintChrome},
	{Word: "meta", Flags: hintChrome},
	{Word: "metadata", Flags: hintChrome},
	{Word: "copyright", Flags: hintChrome},
	{Word: "follow", Flags: hintChrome},
	{Word: "print", Flags: hintChrome},
	{Word: "rating", Flags: hintChrome},
	{Word: "poll", Flags: hintChrome},
	{Word: "weather", Flags: hintChrome},
	{Word: "prayer", Flags: hintChrome},
	{Word: "currency", Flags: hintChrome},
	{Word: "breaking", Flags: hintChrome},
	{Word: "login", Flags: hintChrome},
	{Word: "signin", Flags: hintChrome},
	{Word: "signup", Flags: hintChrome},
	{Word: "search", Flags: hintChrome},
	{Word: "recommend", Prefix: true, Flags: hintChrome},
	{Word: "readalso", Flags: hintChrome},
	{Word: "readmore", Flags: hintChrome},
	{Word: "seealso", Flags: hintChrome},
	{Word: "gallery", Flags: hintChrome},
	{Word: "subtitle", Flags: hintChrome},
	{Word: "toolbar", Flags: hintChrome},
	{Word: "tools", Flags: hintChrome},
	{Word: "date", Flags: hintChrome},
	{Word: "dateline", Flags: hintChrome},
	{Word: "timestamp", Flags: hintChrome},
	{Word: "source", Flags: hintChrome},
	{Word: "skip", Flags: hintChrome},
	{Word: "hidden", Flags: hintChrome},
	{Word: "caption", Prefix: true, Flags: hintChrome | hintCaption},
	{Word: "credit", Prefix: true, Flags: hintChrome | hintCaption | hintCredit},
})

// Weights of the hints, as Readability weighs a class or id: a container
// named as content scores more, one named as chrome less, by the score of
// a few paragraphs.
const (
	hintWeight = 25
	// weightShare is the share of a hint's weight that adds to a
	// container's final score.
	weightShare = 0.2
	// unlikelyDamping is what a prose block under a container named as
	// chrome (and not as content) scores in the first pass: little, so
	// that comments longer than the article do not win, but not nothing,
	// so that a page whose every container is so named still has one.
	unlikelyDamping = 0.2
	// articleBodyBonus is the weight of an itemprop or property naming
	// the article body: markup for machines, not a style name.
	articleBodyBonus = 50
)

// Thresholds of the choice of the container.
const (
	// minProseRunes: a block shorter than this is no evidence of
	// running text (Readability's 25).
	minProseRunes = 25
	// scoreLevels: a paragraph scores its container and this many
	// ancestors above it, less at each level.
	scoreLevels = 5
	// topCandidates is how many of the best containers are compared
	// for a common ancestor (Readability's 5).
	topCandidates = 5
	// closeCandidate: a candidate scoring at least this share of the
	// best one is part of the same article, split over boxes.
	closeCandidate = 0.75
	// minCloseCandidates: the best container moves up to the ancestor
	// that holds this many close candidates (Readability's 3).
	minCloseCandidates = 3
	// climbFloor: while climbing from the best container, a parent
	// scoring below this share of it ends the climb (Readability's 1/3).
	climbFloor = 1.0 / 3
	// maxPageText bounds, in characters outside links, a page whose
	// lines are its text when none of them is prose: a note or a stub
	// is a few lines; a larger page with no prose is a list or a front
	// page, and has no article.
	maxPageText = 2000
	// growSlack is the text, in characters, that a parent may add
	// besides prose and still be more of the article: a headline, a
	// byline, a date line.
	growSlack = 200
	// maxGrowLinks: a parent whose addition has more of its text in
	// links adds a link list, not article text.
	maxGrowLinks = 0.25
	// siblingFloor and siblingShare: a sibling of the container joins it
	// when it scores this much, or this share of the container's score
	// (Readability's 10 and 0.2).
	siblingFloor = 10
	siblingShare = 0.2
	// minLDWords: a JSON-LD articleBody shorter than this is too short to
	// check the choice against; ldMostly is the share of an element's
	// words it must hold for the element to be mostly the article, and
	// ldMargin the words by which another candidate must cover more of it
	// (beyond a fifth more) to win.
	minLDWords = 30
	ldMostly   = 0.7
	ldMargin   = 20
	// minBody is the body length, in characters, below which a pass is
	// taken to have missed the article and the next one runs.
	minBody = 140
	// anchorDistance is the prose, in characters, between the headline
	// and a container that halves the container's score: a news page
	// sets its article right under its headline.
	anchorDistance = 800
)

// Thresholds of the filter inside the article.
const (
	// maxLinkDensity: above it a block is a link list, not text.
	maxLinkDensity = 0.5
	// teaserLinks: a heading this much in a link is a teaser for another
	// article, not a crosshead.
	teaserLinks = 0.9
	// maxChromeLinkDensity: a subtree named as chrome is dropped when
	// its link density is above this, prose or not (a related-articles
	// box of teasers).
	maxChromeLinkDensity = 0.3
	// shortWords: a block this short is a label, a byline or a credit
	// rather than a paragraph, unless it reads as a sentence.
	shortWords = 4
	// chromeWords: a strong boilerplate phrase marks a block of at most
	// this many words as chrome wherever it stands.
	chromeWords = 30
	// strongCover: a strong phrase marks a longer block whose words it
	// covers this share of; weakCover: weak phrases ("شارك", "print")
	// mark a block only when they are most of it.
	strongCover = 0.3
	weakCover   = 0.6
	// leadReach is how many blocks above the body a lead-image caption
	// may stand.
	leadReach = 6
	// crossheadWords bounds a bold line read as a crosshead.
	crossheadWords = 12
	// passOver is the text length, in characters, under which a sibling
	// that is not prose is passed over rather than ending the walk.
	passOver = 20
	// captionWords bounds a caption named as such by its class;
	// besideWords a line read as a caption for standing by an image,
	// within imageReach levels up.
	captionWords = 40
	besideWords  = 25
	imageReach   = 2
	// hintReach is how many levels above a picture its class and id
	// hints are read; boxReach how far up the box whose text says what
	// the picture is (a caption, body text, an author's name) is looked
	// for.
	hintReach = 8
	boxReach  = 3
	// proseShare: an element reads as prose when sentences are at least
	// this share of its text.
	proseShare = 1.0 / 3
	// dateWords bounds a date line.
	dateWords = 12
)

// Thresholds of running text.
const (
	// sentenceWords: a sentence in a language whose function words are
	// known has at least this many words, and sentenceFunc of them are
	// function words.
	sentenceWords = 10
	sentenceFunc  = 0.05
	// neutralWords and neutralRunes: in a language whose function words
	// are not known, a sentence is at least this long, in words where
	// words are spaced, in characters where they are not (Chinese,
	// Japanese).
	neutralWords = 12
	neutralRunes = 40
	// unspaced: text averaging this many characters a word or more is
	// written without spaces (English averages about 6 with its spaces).
	unspaced = 8
	// sentenceLinks: a sentence has at most this share of its text in
	// links.
	sentenceLinks = 0.2
	// fullFunc is the share of function words of ordinary running text
	// (Arabic, after proclitics; Latin languages go higher).
	fullFunc = 0.25
	// bareText is what text with no function words weighs against
	// running text, which weighs 1.
	bareText = 0.5
	// maxCommas, runesPerPoint and maxLengthPoints: a paragraph scores
	// 1, plus a point a comma or full stop up to maxCommas, plus a point
	// per runesPerPoint characters up to maxLengthPoints (Readability's
	// 100 and 3; it counts every comma, which lets one long list of
	// names outweigh an article).
	maxCommas       = 10
	runesPerPoint   = 100
	maxLengthPoints = 3
)
