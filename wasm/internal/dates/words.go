package dates

import "strings"

// kind is the role a folded word plays in a date expression.
type kind uint8

const (
	kNone       kind = iota
	kMonth           // Gregorian month name; val 1–12
	kMonthHead       // first part of a Levantine two-part month; val headKanun … headT
	kOrd             // second part: val 1 = الأول/الأولى, 2 = الثاني/الآخر/الآخرة
	kHijri           // Hijri month name; val 1–12
	kHijriHead       // ربيع (3), جمادى (5), ذو/ذي (11): the second part picks the month
	kHijriTail       // القعدة (11), الحجة (12)
	kEpithet         // honorifics after a Hijri month: صفر الخير, رمضان المبارك
	kWeekday         // val 0 = Sunday, as time.Weekday
	kEraG            // م, ميلادي: a Gregorian year marker
	kEraH            // هـ, هجري: a Hijri year marker; val 1 for the abbreviation
	kFrom            // من: "15 من يناير"
	kCorrespond      // الموافق: joins a Hijri date to its Gregorian one
	kQualifier       // after a yearless date: val 0 this month, -1 past, +1 coming
	kAgo             // منذ (val 0), قبل (val 1)
	kNow             // الآن
	kYesterday       // أمس, البارحة
	kFew             // قليل, لحظات: "قبل قليل", "منذ لحظات"
	kHalf            // نصف: "منذ نصف ساعة"
	kNumber          // واحد … عشرة; val 1–10
	kUnit            // val unit<<2 | form
	kBlocker         // حتى, إلى: "حتى الآن" means "so far", not now
	kZone            // GMT, UTC, غرينتش
	kTiming          // بتوقيت
	kCity            // a city or country whose clock has no DST; val = UTC offset in hours
	kCityTail        // المكرمة
)

// Units of relative forms, and the grammatical number of the unit word.
const (
	unitSecond = iota + 1
	unitMinute
	unitHour
	unitDay
	unitWeek
	unitMonth

	formSing   = 0
	formDual   = 1
	formPlural = 2
)

// Heads of Levantine two-part months (kMonthHead vals).
const (
	headKanun   = 1 // كانون: الأول = December, الثاني = January
	headTishrin = 2 // تشرين: الأول = October, الثاني = November
	headK       = 3 // ك1, ك2
	headT       = 4 // ت1, ت2
)

// meridiem is what a word after a time of day says about the hour.
type meridiem uint8

const (
	merNone  meridiem = iota
	merAM             // ص, صباحاً, فجراً, AM: 12 is midnight
	merPM             // م, مساءً, عصراً, PM: 1–11 move to the afternoon
	merNoon           // ظهراً: 1–6 move to the afternoon, 11 and 12 stay
	merNight          // ليلاً: 6–11 move to the evening, 12 is midnight
)

// info is the table entry of a folded word.
type info struct {
	kind kind
	val  int8
	mer  meridiem
	amb  bool // the key is also a common word (اب "father"): needs a year, or the madda of آب
}

// wordTable lists the words by role. Spellings are written as they occur;
// buildWords folds them, so أبريل covers ابريل and إبريل.
var wordTable = []struct {
	k    kind
	val  int8
	list string
}{
	// Gregorian months, every regional set: Egypt and the Gulf, the Levant
	// and Iraq, Algeria and Tunisia, Morocco, Mauritania, with press typos.
	{kMonth, 1, "يناير جانفي"},
	{kMonth, 2, "فبراير فيفري شباط"},
	{kMonth, 3, "مارس آذار"},
	{kMonth, 4, "أبريل ايريل أفريل نيسان"},
	{kMonth, 5, "مايو ماي أيار مايس"},
	{kMonth, 6, "يونيو يونيه جوان حزيران حريزان"},
	{kMonth, 7, "يوليو يوليه جويلية يوليوز تموز"},
	{kMonth, 8, "أغسطس أغسطص اغطس أوت غشت أغشت آب"},
	{kMonth, 9, "سبتمبر شتنبر شتمبر أيلول"},
	{kMonth, 10, "أكتوبر"},
	{kMonth, 11, "نوفمبر نونبر نوفنبر"},
	{kMonth, 12, "ديسمبر دجنبر دجمبر"},
	{kMonthHead, headKanun, "كانون"},
	{kMonthHead, headTishrin, "تشرين"},
	{kMonthHead, headK, "ك"},
	{kMonthHead, headT, "ت"},
	{kOrd, 1, "الأول أول الأولى أولى"},
	{kOrd, 2, "الثاني ثاني الثانية الآخر آخر الآخرة"},

	{kHijri, 1, "محرم المحرم"},
	{kHijri, 2, "صفر"},
	{kHijri, 7, "رجب"},
	{kHijri, 8, "شعبان"},
	{kHijri, 9, "رمضان"},
	{kHijri, 10, "شوال"},
	{kHijriHead, 3, "ربيع"},
	{kHijriHead, 5, "جمادى"},
	{kHijriHead, 11, "ذو ذي ذا"},
	{kHijriTail, 11, "القعدة"},
	{kHijriTail, 12, "الحجة"},
	{kEpithet, 0, "الخير الفرد المبارك المعظم الحرام"},

	{kWeekday, 0, "الأحد"},
	{kWeekday, 1, "الاثنين"},
	{kWeekday, 2, "الثلاثاء الثلثاء"},
	{kWeekday, 3, "الأربعاء"},
	{kWeekday, 4, "الخميس"},
	{kWeekday, 5, "الجمعة"},
	{kWeekday, 6, "السبت"},

	{kEraG, 1, "م"},
	{kEraG, 0, "ميلادي ميلادية"},
	{kEraH, 1, "هـ"},
	{kEraH, 0, "هجري هجرية"},
	{kFrom, 0, "من"},
	{kCorrespond, 0, "الموافق موافق والموافق ل"},
	{kQualifier, 0, "الجاري الحالي"},
	{kQualifier, -1, "الماضي المنصرم الفائت"},
	{kQualifier, 1, "المقبل القادم"},

	{kAgo, 0, "منذ"},
	{kAgo, 1, "قبل"},
	{kNow, 0, "الآن"},
	{kYesterday, 0, "أمس البارحة"},
	{kFew, 0, "قليل لحظات"},
	{kHalf, 0, "نصف"},
	{kNumber, 1, "واحد واحدة"},
	{kNumber, 2, "اثنين اثنتين اثنان اثنتان"},
	{kNumber, 3, "ثلاث ثلاثة"},
	{kNumber, 4, "أربع أربعة"},
	{kNumber, 5, "خمس خمسة"},
	{kNumber, 6, "ست ستة"},
	{kNumber, 7, "سبع سبعة"},
	{kNumber, 8, "ثماني ثمانية ثمان"},
	{kNumber, 9, "تسع تسعة"},
	{kNumber, 10, "عشر عشرة"},
	{kUnit, unitSecond<<2 | formSing, "ثانية"},
	{kUnit, unitSecond<<2 | formDual, "ثانيتين ثانيتان"},
	{kUnit, unitSecond<<2 | formPlural, "ثوان ثواني"},
	{kUnit, unitMinute<<2 | formSing, "دقيقة"},
	{kUnit, unitMinute<<2 | formDual, "دقيقتين دقيقتان"},
	{kUnit, unitMinute<<2 | formPlural, "دقائق"},
	{kUnit, unitHour<<2 | formSing, "ساعة"},
	{kUnit, unitHour<<2 | formDual, "ساعتين ساعتان"},
	{kUnit, unitHour<<2 | formPlural, "ساعات"},
	{kUnit, unitDay<<2 | formSing, "يوم يوماً"},
	{kUnit, unitDay<<2 | formDual, "يومين يومان"},
	{kUnit, unitDay<<2 | formPlural, "أيام"},
	{kUnit, unitWeek<<2 | formSing, "أسبوع أسبوعاً"},
	{kUnit, unitWeek<<2 | formDual, "أسبوعين أسبوعان"},
	{kUnit, unitWeek<<2 | formPlural, "أسابيع"},
	{kUnit, unitMonth<<2 | formSing, "شهر شهراً"},
	{kUnit, unitMonth<<2 | formDual, "شهرين شهران"},
	{kUnit, unitMonth<<2 | formPlural, "أشهر شهور"},
	{kBlocker, 0, "حتى إلى لحد لغاية"},

	{kZone, 0, "GMT UTC غرينتش جرينتش غرينيتش جرينيتش"},
	{kTiming, 0, "بتوقيت توقيت"},
	{kCity, 3, "مكة الرياض السعودية الدوحة قطر الكويت"},
	{kCity, 4, "الإمارات أبوظبي دبي"},
	{kCityTail, 0, "المكرمة"},
}

// meridiemTable lists the words that may follow a time of day. م is also
// the Gregorian year marker; the parser knows which one it expects.
var meridiemTable = []struct {
	mer  meridiem
	list string
}{
	{merAM, "ص صباحاً فجراً AM"},
	{merPM, "م مساءً مساءاً عصراً PM"},
	{merNoon, "ظهراً"},
	{merNight, "ليلاً"},
}

// words maps a folded key to its entry; wordFilter is a Bloom filter of
// its keys. Nearly every word of running text is absent from the table, and
// the filter turns those lookups away at a fifth of the cost of the map.
var wordFilter, words = buildWords()

// wordFilterBits is the size of wordFilter: with about 200 keys, about one
// absent word in twenty passes it.
const wordFilterBits = 4096

// mayBeWord reports whether the folded key may be in words.
func mayBeWord(key []byte) bool {
	h := keyHash(key)
	return wordFilter[h/64%(wordFilterBits/64)]&(1<<(h%64)) != 0
}

// keyHash is 32-bit FNV-1a.
func keyHash(key []byte) uint32 {
	h := uint32(2166136261)
	for _, b := range key {
		h = (h ^ uint32(b)) * 16777619
	}
	return h
}

func buildWords() (*[wordFilterBits / 64]uint64, map[string]info) {
	m := make(map[string]info, 200)
	for _, e := range wordTable {
		for _, w := range strings.Fields(e.list) {
			k := fold(w)
			if _, dup := m[k]; dup {
				panic("dates: duplicate word " + w)
			}
			m[k] = info{kind: e.k, val: e.val}
		}
	}
	for _, e := range meridiemTable {
		for _, w := range strings.Fields(e.list) {
			k := fold(w)
			i := m[k]
			i.mer = e.mer
			m[k] = i
		}
	}
	i := m[fold("آب")]
	i.amb = true
	m[fold("آب")] = i
	var filter [wordFilterBits / 64]uint64
	for k := range m {
		h := keyHash([]byte(k))
		filter[h/64%(wordFilterBits/64)] |= 1 << (h % 64)
	}
	return &filter, m
}
