package host_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/nazif/nazif/host"
	"github.com/nazif/nazif/wasm/nazif"
)

const examplePage = `<html lang="ar"><head><title>الحكومة تقرّ خطة الإصلاح - موقع الأخبار</title>
<meta property="og:title" content="الحكومة تقرّ خطة الإصلاح">
<meta property="article:published_time" content="2024-03-05T10:30:00+03:00"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/s">سياسة</a></nav>
<article><h1>الحكومة تقرّ خطة الإصلاح</h1>
<p>أقرّ مجلس الوزراء في جلسته الأسبوعية اليوم خطة الإصلاح الاقتصادي التي أعدتها وزارة المالية، بعد نقاش استمر عدة أسابيع.</p>
<p>وقال المتحدث باسم الحكومة إن الخطة تهدف إلى خفض العجز وتحفيز الاستثمار، وإن تنفيذها سيبدأ مطلع العام المقبل.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>`

// Example cleans one page in the sandbox. New compiles nazif.wasm (about a
// second the first time; the compilation cache makes later processes
// start in a tenth of that), so make one Cleaner per process and share it.
func Example() {
	ctx := context.Background()
	c, err := host.New(ctx, host.NewConfig())
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close(ctx)

	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	a, err := c.Clean(ctx, []byte(examplePage), nazif.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published)
	fmt.Println(len(a.Blocks), "paragraphs")
	// Output:
	// الحكومة تقرّ خطة الإصلاح
	// 2024-03-05T10:30:00+03:00
	// 2 paragraphs
}

// ExampleConfig_WithMaxInputBytes: limits fail with typed errors that
// errors.Is recognizes, and a Cleaner goes on working after them.
func ExampleConfig_WithMaxInputBytes() {
	ctx := context.Background()
	c, err := host.New(ctx, host.NewConfig().WithMaxInputBytes(512).WithPoolSize(1))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close(ctx)

	_, err = c.Clean(ctx, []byte(examplePage), nazif.Options{})
	var e *host.Error
	fmt.Println(errors.Is(err, host.ErrInputTooLarge), errors.As(err, &e) && e.Code == host.CodeInputTooLarge)

	_, err = c.Clean(ctx, []byte("\x89PNG\r\n\x1a\n"), nazif.Options{})
	fmt.Println(errors.Is(err, host.ErrNotText))
	// Output:
	// true true
	// true
}
