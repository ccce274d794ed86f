package lexicon

import (
	"slices"
	"strings"

	"github.com/nazif/nazif/wasm/internal/normalize"
)

// table is the phrase list of one category. Phrases are written as sites
// spell them, with their common variants; buildIndex folds them to
// search-key form, so variants that differ only in hamza, ى, ة, harakat or
// tatweel fold together.
type table struct {
	cat Category
	// clitic: the phrases also match with و or ف glued to the first word,
	// as they occur mid-text ("واقرأ أيضاً", "وتابعونا على").
	clitic bool
	strong []string // chrome wherever they occur in a short block
	weak   []string // also ordinary words; count only when they fill a block
}

// readAlso: inline links to another article, usually in the body itself.
var readAlso = table{cat: ReadAlso, clitic: true,
	strong: []string{
		"اقرأ أيضا", "اقرأ أيضاً", "اقرأ أيضًا", "إقرأ أيضا", "اقرا ايضا", "اقرأ كذلك",
		"طالع أيضا", "شاهد أيضا", "تابع أيضا", "اقرأ المزيد", "اقرأ التفاصيل", "لمزيد من التفاصيل",
		"للمزيد من التفاصيل", "اقرأ الخبر كاملا", "اقرأ المقال كاملا", "ننصحك بقراءة", "قد يهمك",
		"قد يهمك أيضا", "قد يعجبك", "قد يعجبك أيضا", "اخترنا لك", "read more", "read also", "see also",
		"continue reading",
	},
	weak: []string{"التفاصيل", "المزيد", "للمزيد", "مختارات"},
}

// related: lists of related articles after the body.
var related = table{cat: Related,
	strong: []string{
		"أخبار ذات صلة", "أخبار ذات الصلة", "مواضيع ذات صلة", "مواضيع ذات الصلة", "مقالات ذات صلة",
		"مقالات ذات الصلة", "موضوعات ذات صلة", "روابط ذات صلة", "أخبار متعلقة", "موضوعات متعلقة",
		"مواضيع متعلقة", "مقالات متعلقة", "المزيد من الأخبار", "المزيد من المقالات", "أخبار مشابهة",
		"مواضيع مشابهة", "related articles", "related news", "related posts", "you may also like",
	},
	weak: []string{"ذات صلة", "related"},
}

// popular: most-read, latest and breaking-news lists.
var popular = table{cat: Popular,
	strong: []string{
		"الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا", "الأكثر مشاركة",
		"الأكثر شعبية", "الأكثر قراءة اليوم", "آخر الأخبار", "أحدث الأخبار", "أخبار عاجلة",
		"آخر الأخبار العاجلة", "most read", "most popular", "latest news", "breaking news", "trending",
	},
	weak: []string{"عاجل", "الأحدث", "الأكثر"},
}

// share: share bars and article tools.
var share = table{cat: Share,
	strong: []string{
		"شارك الخبر", "شارك المقال", "شارك هذا الخبر", "شارك هذا المقال", "شارك الموضوع",
		"شارك على فيسبوك", "شارك على تويتر", "شارك عبر فيسبوك", "شارك عبر تويتر", "شارك عبر واتساب",
		"شارك عبر", "شارك على", "مشاركة الخبر", "مشاركة المقال", "انشر على", "نسخ الرابط",
		"تم نسخ الرابط", "انسخ الرابط", "أرسل لصديق", "أرسل إلى صديق", "حجم الخط", "تكبير الخط",
		"تصغير الخط", "share on facebook", "share on twitter", "share on whatsapp", "share this",
		"share this article", "copy link", "link copied",
	},
	weak: []string{"شارك", "مشاركة", "طباعة", "اطبع", "share", "print", "email", "tweet"},
}

// social: bare names of social networks, as link labels in share and follow
// bars.
var social = table{cat: Social,
	weak: []string{
		"فيسبوك", "فيس بوك", "تويتر", "إكس", "واتساب", "واتس اب", "واتس آب", "انستغرام", "إنستغرام",
		"انستجرام", "إنستجرام", "انستقرام", "يوتيوب", "تيك توك", "تلغرام", "تليغرام", "تليجرام",
		"تيليجرام", "تيليغرام", "لينكد إن", "لينكدين", "سناب شات", "ماسنجر", "facebook", "twitter", "whatsapp", "whats app",
		"instagram", "youtube", "telegram", "tiktok", "linkedin", "snapchat", "pinterest",
	},
}

// follow: follow-us and join-our-channel boxes.
var follow = table{cat: Follow, clitic: true,
	strong: []string{
		"تابعونا على", "تابعنا على", "تابعونا عبر", "تابعنا عبر", "تابعوا آخر الأخبار عبر",
		"تابعوا آخر الأخبار على", "تابعونا", "تابعوا صفحتنا", "انضم إلى قناتنا", "انضموا إلى قناتنا",
		"انضم لقناتنا", "اشترك في قناتنا", "follow us", "follow us on",
	},
	weak: []string{"تابعنا"},
}

// newsletter: newsletter and mailing-list sign-up.
var newsletter = table{cat: Newsletter, clitic: true,
	strong: []string{
		"اشترك في النشرة البريدية", "اشترك في النشرة الإخبارية", "الاشتراك في النشرة البريدية",
		"الاشتراك في النشرة الإخبارية", "اشترك في القائمة البريدية", "الاشتراك في القائمة البريدية",
		"اشترك في نشرتنا الإخبارية", "اشترك في نشرتنا البريدية", "اشترك في نشرتنا", "النشرة البريدية",
		"القائمة البريدية", "أدخل بريدك الإلكتروني", "بريدك الإلكتروني", "اشترك الآن",
		"sign up for our newsletter", "newsletter", "subscribe now",
	},
	weak: []string{"اشترك", "الاشتراك", "subscribe"},
}

// app: app downloads and push-notification prompts.
var app = table{cat: App, clitic: true,
	strong: []string{
		"تحميل التطبيق", "تنزيل التطبيق", "حمّل التطبيق", "حمّل تطبيق", "حملوا تطبيق", "حمل تطبيقنا",
		"متوفر على جوجل بلاي", "فعّل الإشعارات", "تفعيل الإشعارات", "تفعيل التنبيهات",
		"download the app", "get the app",
	},
	// The stores' names are chrome as badges, and news in a sentence
	// ("the game is available on Google Play").
	weak: []string{"جوجل بلاي", "غوغل بلاي", "آب ستور", "اب ستور", "google play", "app store"},
}

// copyright: copyright and reuse notices in the footer.
var copyright = table{cat: Copyright,
	strong: []string{
		"جميع الحقوق محفوظة", "كافة الحقوق محفوظة", "الحقوق محفوظة", "جميع حقوق النشر محفوظة",
		"حقوق النشر محفوظة", "حقوق النشر", "حقوق الطبع والنشر", "حقوق الطبع والنشر محفوظة",
		"جميع حقوق الطبع محفوظة", "يمنع النسخ", "يمنع نسخ", "يمنع إعادة النشر", "all rights reserved",
		"copyright",
	},
}

// footer: site-information links in the footer.
var footer = table{cat: Footer,
	strong: []string{
		"سياسة الخصوصية", "شروط الاستخدام", "الشروط والأحكام", "أعلن معنا", "خريطة الموقع",
		"اتصل بنا من نحن", "privacy policy", "terms of use", "terms of service", "terms and conditions",
		"contact us", "about us", "sitemap",
	},
	weak: []string{"اتصل بنا", "من نحن", "للإعلان", "هيئة التحرير", "فريق العمل", "الأرشيف", "الخصوصية"},
}

// comments: comment forms and comment disclaimers.
var comments = table{cat: Comments, clitic: true,
	strong: []string{
		"أضف تعليقك", "أضف تعليق", "اترك تعليقا", "اترك تعليقاً", "اكتب تعليقك", "لا توجد تعليقات",
		"كن أول من يعلق", "كن أول من يعلّق", "التعليقات لا تعبر عن رأي الموقع",
		"الآراء الواردة تعبر عن أصحابها",
		"لا تعبر عن رأي الموقع", "لا تعبر عن رأي موقع", "تعكس وجهات نظر أصحابها", "الآراء الواردة في التعليقات", "عدد التعليقات",
		"إرسال التعليق", "leave a comment", "add comment", "no comments",
	},
	weak: []string{"التعليقات", "تعليقات", "تعليق", "comments"},
}

// ads: advertising slots and sponsored content.
var ads = table{cat: Ads,
	strong: []string{
		"مساحة إعلانية", "محتوى مدفوع", "محتوى ممول", "تخطي الإعلان", "advertisement", "sponsored content",
	},
	weak: []string{"إعلان", "إعلانات", "برعاية", "ممول", "sponsored", "ads"},
}

// consent: cookie and consent banners.
var consent = table{cat: Consent,
	strong: []string{
		"يستخدم هذا الموقع ملفات تعريف الارتباط", "ملفات تعريف الارتباط", "ملفات الكوكيز",
		"الكوكيز", "نستخدم ملفات تعريف الارتباط", "we use cookies", "cookie policy", "cookie",
		"cookies",
	},
	weak: []string{"أوافق", "موافق", "قبول", "رفض", "إغلاق", "accept"},
}

// widget: sidebar widgets, very common on Egyptian and Gulf sites.
var widget = table{cat: Widget,
	strong: []string{
		"مواقيت الصلاة", "أوقات الصلاة", "حالة الطقس", "أسعار العملات", "prayer times",
	},
	weak: []string{
		"الفجر", "الشروق", "الظهر", "العصر", "المغرب", "العشاء", "درجات الحرارة", "درجة الحرارة",
		"سعر الدولار", "أسعار الذهب", "عيار 21", "البورصة", "الطقس", "weather",
	},
}

// nav: menus, section names and breadcrumbs.
var nav = table{cat: Nav,
	strong: []string{
		"الصفحة الرئيسية", "تسجيل الدخول", "إنشاء حساب", "الوضع الليلي", "القائمة الرئيسية",
		"toggle navigation", "skip to content", "skip to main content", "main menu", "sign in", "log in",
	},
	weak: []string{
		"الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "فن", "منوعات", "ثقافة", "تكنولوجيا", "صحة",
		"محليات", "عربي ودولي", "مقالات", "رأي", "كتاب", "إنفوجراف", "بث مباشر", "القائمة", "بحث",
		"home", "menu", "search", "login",
	},
}

// byline: publication-metadata lines, extracted before they are removed.
var byline = table{cat: Byline,
	strong: []string{
		"تاريخ النشر", "آخر تحديث", "نشر بتاريخ", "تاريخ التحديث", "المصدر وكالات", "دقائق للقراءة",
		"دقيقة للقراءة", "وقت القراءة", "مدة القراءة", "عدد المشاهدات", "min read", "posted on",
	},
	weak: []string{
		"نشر في", "تم النشر", "تم التحديث", "بتوقيت", "بواسطة", "كتب", "كتبت", "بقلم", "المحرر",
		"مراسل", "المصدر", "مشاهدات", "published", "updated", "by",
	},
}

// dateline: news-agency credits, as in "(رويترز)" or "القاهرة (أ ف ب)".
var dateline = table{cat: Dateline,
	weak: []string{
		"رويترز", "أ ف ب", "د ب أ", "واس", "وام", "قنا", "كونا", "بترا", "سانا", "وفا", "واج", "ومع",
		"الأناضول", "أسوشيتد برس", "يو بي آي", "reuters", "afp",
	},
}

// media: prompts around embedded video and photos.
var media = table{cat: Media, clitic: true,
	strong: []string{
		"شاهد الفيديو", "شاهد بالفيديو", "اضغط هنا", "انقر هنا", "للمزيد اضغط هنا",
		"لمشاهدة الفيديو اضغط هنا", "لمشاهدة الفيديو", "اضغط هنا لمشاهدة الفيديو", "click here",
		"watch video",
	},
	weak: []string{"بالفيديو", "بالصور", "فيديو", "صور", "شاهد", "video"},
}

// photo: photo credits and caption labels set as lines of their own
// («مصدر الصورة، Getty Images», «التعليق على الصورة، …»).
var photo = table{cat: Photo,
	strong: []string{
		"مصدر الصورة", "حقوق الصورة", "التعليق على الصورة", "صورة أرشيفية", "صورة تعبيرية",
		"getty images", "image source", "image caption", "photo credit", "image credit",
	},
}

// tables lists every phrase table; a phrase belongs to one table only.
var tables = []*table{
	&readAlso, &related, &popular, &share, &social, &follow, &newsletter, &app, &copyright, &footer,
	&comments, &ads, &consent, &widget, &nav, &byline, &dateline, &media, &photo,
}

// phrase is one indexed phrase: the words after its first word.
type phrase struct {
	rest   []string
	cat    Category
	strong bool
}

// buildIndex folds the phrase tables and indexes them: it returns
// firstWords, the table of the phrases' first words, and phraseLists,
// where phraseLists[i] holds the phrases whose first word has index i,
// longest first. Both are static data in tables.go, generated from it, so
// that the module's start-up does not fold and sort every phrase.
func buildIndex() (wordTable, [][]phrase) {
	idx := make(map[string][]phrase, 1024)
	var order []string // first words in the order met, so the index is stable
	seen := make(map[string]bool, 1024)
	add := func(words []string, cat Category, strong bool) {
		k := strings.Join(words, " ")
		if seen[k] {
			return // a spelling variant that folds to an earlier phrase
		}
		seen[k] = true
		if _, ok := idx[words[0]]; !ok {
			order = append(order, words[0])
		}
		idx[words[0]] = append(idx[words[0]], phrase{rest: words[1:], cat: cat, strong: strong})
	}
	for _, t := range tables {
		for i, list := range [][]string{t.strong, t.weak} {
			for _, p := range list {
				words := strings.Fields(normalize.SearchKey(p))
				add(words, t.cat, i == 0)
				if t.clitic && words[0][0] >= 0x80 {
					for _, c := range []string{waw, feh} {
						add(append([]string{c + words[0]}, words[1:]...), t.cat, i == 0)
					}
				}
			}
		}
	}
	lists := make([][]phrase, len(order))
	for i, w := range order {
		ps := idx[w]
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.rest) - len(a.rest) })
		lists[i] = ps
	}
	return newWordTable(order), lists
}
