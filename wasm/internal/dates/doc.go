// Package dates reads publication dates from Arabic news pages: machine
// values from meta tags and JSON-LD (ParseMachine), dates in URL paths
// (FromURL), and dates written in running Arabic text (FindAll, ParseText).
//
// The text reader knows every regional month set at once, with no locale
// switch: Egyptian and Gulf (يناير … ديسمبر and spellings such as يونيه,
// إبريل, أغسطص), Levantine and Iraqi (كانون الثاني … كانون الأول, ك2, ت1,
// مايس), Algerian and Tunisian (جانفي, فيفري, أفريل, جوان, جويلية, أوت),
// Moroccan (يوليوز, غشت, شتنبر, نونبر, دجنبر) and Mauritanian (شتمبر,
// دجمبر, أغشت), plus the Hijri months. Words are compared on a folded key
// (أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی ک → ي ك, harakat and tatweel
// dropped), so hamza and ta marbuta spellings need no separate entries; the
// input itself is never rewritten, and Match offsets point into it.
//
// A date needs a day: "يونيو 2020" alone is not a date. Numeric dates are
// read day first (the Arab convention) unless only the other order is
// valid. ASCII, Arabic-Indic (٠-٩) and Persian (۰-۹) digits are read
// everywhere, also mixed. Hijri dates are converted with the tabular
// (civil) Islamic calendar, which can differ from the Umm al-Qura calendar
// or a sighted month by a day or two.
//
// A time of day is attached to a date when it stands within a few words of
// it on the same line, before or after ("12:27 - 11/06/2025", "28 آب 2013،
// آخر تحديث 14:00"). A UTC offset is recorded only when the text states one.
//
// Relative forms (منذ 3 ساعات, أمس, قبل قليل) and dates without a year
// ("10 حزيران الجاري") need a reference time, which the caller passes in:
// the package never reads the clock.
//
// Every reader runs in time linear in its input and keeps no state between
// calls, so all functions are safe for concurrent use.
package dates
