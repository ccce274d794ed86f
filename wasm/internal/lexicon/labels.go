package lexicon

import "strings"

// homeKeys are search keys naming a site's home page: the root of every
// breadcrumb, never a section.
var homeKeys = [...]string{"الرئيسيه", "الصفحه الرئيسيه", "الرئيسي", "home", "accueil"}

// IsHome reports whether key, a search key, names the home page.
func IsHome(key string) bool {
	for _, h := range homeKeys {
		if key == h {
			return true
		}
	}
	return false
}

// updateKeys are search keys of the words that mark a date as a revision
// rather than the publication: «آخر تحديث», «محدثة», «تم التعديل».
var updateKeys = [...]string{"تحديث", "محدث", "حدث في", "تعديل", "updated", "update", "modified"}

// UpdateLabel reports whether key, the search key of the text before a
// date, ends in a revision label, within its last few words.
func UpdateLabel(key string) bool {
	if n := len(key) - 40; n > 0 {
		key = key[n:]
	}
	for _, u := range updateKeys {
		if strings.Contains(key, u) {
			return true
		}
	}
	return false
}
