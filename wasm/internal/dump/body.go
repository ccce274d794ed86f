package dump

import "github.com/nazif/nazif/wasm/internal/lexicon"

// Body selection weights. A prose line adds its letters; a line of chrome
// takes away a base plus its letters, so that a menu or a list of related
// headlines between two prose blocks splits them; a short plain line (a
// caption, a photo credit, a stray label) costs little, so that the body
// bridges it.
const (
	chromeBase = 20
	shortBase  = 8
	shortShare = 3 // a short line costs 1/shortShare of its letters
	// minBody is the least weight a run must reach to be an article.
	minBody = 80
	// headCut is the share of the run's prose that may sit above a byline
	// or date line for that head to be cut off as a standfirst.
	headCut = 0.4
	// headlineWords bounds a headline that opens a run without a sentence
	// end.
	headlineWords = 20
	// wall is the cost of a heading that opens a list of other articles or
	// the comments («أخبار ذات صلة»، «التعليقات»): a body does not go on
	// past one unless a long stretch of prose follows.
	wall = 400
	// asideReach bounds a «read also» box set into the body: the lines
	// from its heading to the prose that resumes after it.
	asideReach = 16
	// asideBefore is how far above the box's heading the body's prose
	// must stand for the box to count as set into it.
	asideBefore = 4
	// asideCost is what each line of such a box takes away: little, so
	// that the body bridges the box instead of ending at it.
	asideCost = 2
	// resumeLetters is the least a line must hold to count as the body's
	// prose resuming after a box.
	resumeLetters = 60
)

// markAsides finds «read also» boxes set into the body: a short heading of
// the read-also kind with the body's prose just above it and again a few
// lines below. The lines from the heading to where the prose resumes are
// marked aside: the body bridges them but does not keep them. A box at
// the end of the article, with no prose after it, is left to end the body.
func markAsides(lines []line) {
	for i := range lines {
		l := &lines[i]
		if l.cat != lexicon.ReadAlso || l.words > 5 || !l.boilerHeavy() || !proseAbove(lines, i) {
			continue
		}
		for j := i + 1; j < len(lines) && j <= i+asideReach; j++ {
			if r := &lines[j]; r.prose && r.letters >= resumeLetters && r.endStop {
				for k := i; k < j; k++ {
					lines[k].aside = true
				}
				break
			}
		}
	}
}

// proseAbove reports body prose among the few non-empty lines above i.
func proseAbove(lines []line, i int) bool {
	seen := 0
	for j := i - 1; j >= 0 && seen < asideBefore; j-- {
		if lines[j].text == "" {
			continue
		}
		if lines[j].prose {
			return true
		}
		seen++
	}
	return false
}

// weight is a line's contribution to a body run.
func (l *line) weight() float64 {
	switch {
	case l.text == "":
		return 0
	case l.aside:
		return -asideCost
	case l.prose:
		w := float64(l.letters)
		if l.repeated > 0 {
			w /= 2
		}
		if l.nested() {
			w /= 2
		}
		return w
	case l.heading():
		return -wall
	case l.chrome():
		return -(chromeBase + float64(l.letters))
	}
	return -(shortBase + float64(l.letters)/shortShare)
}

// findBody returns the first and last line of the body, or -1, -1.
func findBody(lines []line) (start, end int) {
	best, sum := 0.0, 0.0
	start, end = -1, -1
	s := 0
	footer := false
	for i := range lines {
		l := &lines[i]
		w := l.weight()
		// Prose under a copyright notice is the site's own blurb.
		if l.cat == lexicon.Copyright && l.boilerHeavy() {
			footer = true
		} else if footer && w > 0 {
			w /= 2
		}
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += w
		if sum > best {
			best, start, end = sum, s, i
		}
	}
	if best < minBody {
		return -1, -1
	}
	for start < end && !lines[start].prose {
		start++
	}
	// A first line that ends no sentence and is short is a headline or a
	// deck the run took in, not the first paragraph.
	if l := &lines[start]; start < end && !l.endStop && l.words <= headlineWords {
		for j := start + 1; j <= end; j++ {
			if lines[j].prose {
				start = j
				break
			}
		}
	}
	// A byline or date line in the head of the run closes the header: what
	// stands above it is a standfirst or a teaser, not the body.
	total, above := 0, 0
	for i := start; i <= end; i++ {
		if lines[i].prose {
			total += int(lines[i].letters)
		}
	}
	for i := start; i <= end; i++ {
		l := &lines[i]
		if l.prose {
			above += int(l.letters)
			if float64(above) > headCut*float64(total) {
				break
			}
			continue
		}
		if isMeta(l) {
			for j := i + 1; j <= end; j++ {
				if lines[j].prose {
					start = j
					break
				}
			}
		}
	}
	return start, end
}
