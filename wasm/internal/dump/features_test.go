package dump

import "testing"

func TestTrim(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  نص  ", "نص"},
		{"\u00a0\ufeffنص\u200f\u00a0", "نص"},
		{"\t a  b \r", "a  b"},
		{"   ", ""},
		{"\u200f", ""},
		{"«نص»", "«نص»"},
	}
	for _, tt := range tests {
		if got := trim(tt.in); got != tt.want {
			t.Errorf("trim(%q): got %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitLines(t *testing.T) {
	ls, _, _ := splitLines("a\r\n  • b\n\nc", nil)
	if len(ls) != 4 {
		t.Fatalf("got %d lines; want 4", len(ls))
	}
	for i, want := range []string{"a", "• b", "", "c"} {
		if ls[i].text != want {
			t.Errorf("line %d: got %q; want %q", i, ls[i].text, want)
		}
	}
	if ls[1].indent != 2 {
		t.Errorf("indent: got %d; want 2", ls[1].indent)
	}
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		in                             string
		letters, arabic, digits, words int32
		commas, stops                  int32
		endStop, trunc                 bool
	}{
		{"قالت الوزارة، في بيان، إن 30 حالة سُجّلت.", 27, 27, 2, 7, 2, 0, true, false},
		{"هل يعود الهدوء؟", 12, 12, 0, 3, 0, 0, true, false},
		{"وقال: «لن نتراجع»", 12, 12, 0, 3, 0, 0, true, false},
		{"تعرف على الضوابط...", 14, 14, 0, 3, 0, 0, false, true},
		{"GMT 17:27 17.03.2020", 3, 0, 12, 1, 0, 0, false, false},
		{"٢٠٢٤ الـ20", 2, 2, 6, 1, 0, 0, false, false},
	}
	for _, tt := range tests {
		l := line{text: tt.in}
		measure(&l)
		got := []int32{l.letters, l.arabic, l.digits, l.words, l.commas, l.stops}
		want := []int32{tt.letters, tt.arabic, tt.digits, tt.words, tt.commas, tt.stops}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("measure(%q): letters, arabic, digits, words, commas, stops = %v; want %v", tt.in, got, want)
				break
			}
		}
		if l.endStop != tt.endStop || l.trunc != tt.trunc {
			t.Errorf("measure(%q): endStop, trunc = %v, %v; want %v, %v", tt.in, l.endStop, l.trunc, tt.endStop, tt.trunc)
		}
	}
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		in                            string
		bullet, form, bracket, halves bool
		url, copy                     bool
		pipes                         int32
	}{
		{"• الرئيسية", true, false, false, false, false, false, 0},
		{"□ عن الموقع", true, false, false, false, false, false, 0},
		{"* ", true, false, false, false, false, false, 0},
		{"*ما الذي يحدث في السودان؟", false, false, false, false, false, false, 0},
		{"-نحن في السودان", false, false, false, false, false, false, 0},
		{"[صورة الوزير]", false, false, true, false, false, false, 0},
		{"[logo] [rss]", false, false, true, false, false, false, 0},
		{"‏بحث ‏ [               ]", false, true, false, false, false, false, 0},
		{"Poll ( ) نعم Poll ( ) لا", false, true, false, false, false, false, 0},
		{"خبر عاجل هنا خبر عاجل هنا", false, false, false, true, false, false, 0},
		{"خبر عاجل هنا  خبر عاجل هنا", false, false, false, true, false, false, 0},
		{"خبر عاجل هنا خبر عاجل آخر", false, false, false, false, false, false, 0},
		{"راسلونا على news@example.org", false, false, false, false, true, false, 0},
		{"https://example.org/a", false, false, false, false, true, false, 0},
		{"© 2024 جميع الحقوق محفوظة", false, false, false, false, false, true, 0},
		{"أخبار | رياضة | فن", false, false, false, false, false, false, 2},
	}
	for _, tt := range tests {
		l := line{text: tt.in}
		measure(&l)
		if l.bullet != tt.bullet || l.form != tt.form || l.bracketOnly() != tt.bracket || isHalves(tt.in) != tt.halves ||
			l.url != tt.url || l.copy != tt.copy || l.pipes != tt.pipes {
			t.Errorf("%q: bullet %v form %v bracket %v halves %v url %v copy %v pipes %d; want %v %v %v %v %v %v %d",
				tt.in, l.bullet, l.form, l.bracketOnly(), isHalves(tt.in), l.url, l.copy, l.pipes,
				tt.bullet, tt.form, tt.bracket, tt.halves, tt.url, tt.copy, tt.pipes)
		}
	}
}

func TestProse(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"وأكد الوزير في تصريح للصحفيين أن الحكومة ماضية في تنفيذ الخطة التي أقرها البرلمان، وأن العمل سيبدأ خلال الأسابيع المقبلة.", true},
		{"الوزير يفتتح مشروع تطوير الطرق في المحافظة غدا بحضور المحافظ وعدد من النواب والقيادات التنفيذية", false},
		{"• إذا كان التعليق يحتوي على شتائم أو تهديدات موجهة للمستخدمين الآخرين، فسيتم حذفه من الموقع.", false},
		{"هل تؤيد القرار؟", false},
		{"وقال إنه لن يتراجع عن قراره.", true},
		{"The minister said on Monday that the plan, which parliament approved, would start soon.", true},
	}
	for _, tt := range tests {
		ls, _, _ := splitLines(tt.in, nil)
		scan(ls, nil)
		if got := ls[0].prose; got != tt.want {
			l := ls[0]
			t.Errorf("prose(%q) = %v; want %v (words %d, function %d/%d)", tt.in, got, tt.want, l.words, l.function, l.fwords)
		}
	}
}

func TestCrumbs(t *testing.T) {
	tests := []struct {
		in   string
		want string // last crumb, "" for none
	}{
		{"الرئيسية > اقتصاد > أسواق", "أسواق"},
		{"الرئيسية [arrowBread] تقارير مصرية", "تقارير مصرية"},
		{"الصفحة الرئيسية » رياضة", "رياضة"},
		{"Home / World", "World"},
		{"اقتصاد > أسواق", ""},
		{"الرئيسية", ""},
		{"الرئيسية من نحن الخدمات", ""},
	}
	for _, tt := range tests {
		got := ""
		if c := crumbs(tt.in); c != nil {
			got = c[len(c)-1]
		}
		if got != tt.want {
			t.Errorf("crumbs(%q): got %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSiteCredit(t *testing.T) {
	tests := []struct {
		in, site, credit string
		ok               bool
	}{
		{"موازين نيوز - متابعة", "موازين نيوز", "متابعة", true},
		{"وكالة الأنباء – خاص", "وكالة الأنباء", "خاص", true},
		{"(أبوظبي - البيان)", "", "", false},
		{"عربي - أخبار وآراء وراديو Sputnik", "", "", false},
		{"بدون فاصل هنا", "", "", false},
	}
	for _, tt := range tests {
		l := line{text: tt.in}
		measure(&l)
		site, credit, ok := splitSiteCredit(&l)
		if site != tt.site || credit != tt.credit || ok != tt.ok {
			t.Errorf("splitSiteCredit(%q) = %q, %q, %v; want %q, %q, %v", tt.in, site, credit, ok, tt.site, tt.credit, tt.ok)
		}
	}
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		in   string
		kind dateKind
		at   string // the text from the stated date on
	}{
		{"العالم |   12:27 - 11/06/2025", dateStated, "12:27 - 11/06/2025"},
		{"التاريخ: 03 يونيو 2020", dateStated, "03 يونيو 2020"},
		{"آخر تحديث: 13 يونيو 2024", dateUpdated, ""},
		{"آخر تحديث 13 يونيو 2024 - نشر في 12 يونيو 2024", dateStated, "12 يونيو 2024"},
		{"منذ 3 ساعات", dateRelative, ""},
		{"الموضوع: فيروس كورونا", dateNone, ""},
	}
	for _, tt := range tests {
		kind, at, _ := dateOf(tt.in)
		got := ""
		if at >= 0 {
			got = tt.in[at:]
		}
		if kind != tt.kind || !hasPrefix(got, tt.at) || (tt.at == "") != (at < 0) {
			t.Errorf("dateOf(%q) = %d, %q; want %d, %q", tt.in, kind, got, tt.kind, tt.at)
		}
	}
}

func TestWeight(t *testing.T) {
	ls, _, _ := splitLines("أخبار ذات صلة\n• الرئيسية\nصورة الوزير\n\nوأكد الوزير في تصريح للصحفيين أن الحكومة ماضية في تنفيذ الخطة، وأن العمل سيبدأ قريبا.", nil)
	scan(ls, nil)
	if w := ls[0].weight(); w != -wall {
		t.Errorf("heading weight %v; want %v", w, -wall)
	}
	if w := ls[1].weight(); w >= ls[2].weight() {
		t.Errorf("menu item weight %v; want below the plain short line's %v", w, ls[2].weight())
	}
	if w := ls[3].weight(); w != 0 {
		t.Errorf("blank line weight %v; want 0", w)
	}
	if w := ls[4].weight(); w != float64(ls[4].letters) {
		t.Errorf("prose weight %v; want its letters, %d", w, ls[4].letters)
	}
}
