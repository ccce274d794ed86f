package eval

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// gzExt marks a gzipped file: its content is what its name without it
// says. Test sets are stored gzipped (testdata/readability), and scoring
// them must not need them unpacked first.
const gzExt = ".gz"

// MaxTruthBytes caps a truth file, decompressed. The largest one in the
// repository (testdata/readability/wikipedia-2) is under 1 MB; the cap
// keeps a broken or hostile file from taking the memory.
const MaxTruthBytes = 16 << 20

// Errors of ReadFile and ReadTruth. Test for them with errors.Is.
var (
	// ErrTooLarge: the file's content, decompressed, is over the cap.
	ErrTooLarge = errors.New("nazif: eval: input too large")
	// ErrNoTruth: the page has no truth file, neither <stem>.truth.json
	// nor <stem>.truth.json.gz.
	ErrNoTruth = errors.New("nazif: eval: no truth file")
)

// Open opens the file name for reading its content: gunzipped when the
// name ends in ".gz", as it is otherwise. Closing the reader closes the
// file. Read it through io.LimitReader (as ReadFile does): a small
// gzipped file can unpack to any size.
func Open(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(name, gzExt) {
		return f, nil
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w (is it gzipped? name it without %s if not)", name, err, gzExt)
	}
	return gzFile{z, f}, nil
}

// gzFile is a gzipped file's content, closing both the reader and the file.
type gzFile struct {
	*gzip.Reader
	f *os.File
}

func (g gzFile) Close() error {
	err := g.Reader.Close()
	if ferr := g.f.Close(); err == nil {
		err = ferr
	}
	return err
}

// ReadFile returns the content of the file name, gunzipped when the name
// ends in ".gz" (see Open). Past max bytes of content it stops reading
// and fails with an error wrapping ErrTooLarge: the cap holds on the
// decompressed bytes, and a gzip bomb costs no more memory than a plain
// file at the cap.
func ReadFile(name string, max int) ([]byte, error) {
	r, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > max {
		return nil, fmt.Errorf("%w: %s holds more than %d bytes%s", ErrTooLarge, name, max, decompressed(name))
	}
	return data, nil
}

func decompressed(name string) string {
	if strings.HasSuffix(name, gzExt) {
		return " decompressed"
	}
	return ""
}

// ReadTruth reads and parses the truth file of the page stem in dir:
// dir/<stem>.truth.json, or else dir/<stem>.truth.json.gz. It returns the
// path it read, also on a failure to read or parse it. With neither file
// the error wraps ErrNoTruth (and fs.ErrNotExist).
func ReadTruth(dir, stem string) (Truth, string, error) {
	plain := filepath.Join(dir, stem+".truth.json")
	for _, path := range []string{plain, plain + gzExt} {
		data, err := ReadFile(path, MaxTruthBytes)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Truth{}, path, err
		}
		t, err := ParseTruth(data)
		if err != nil {
			return Truth{}, path, fmt.Errorf("%s: %w", path, err)
		}
		return t, path, nil
	}
	return Truth{}, plain, fmt.Errorf("%w %s (nor %s): to score the page, write one in the corpus format (as in testdata/corpus): %w",
		ErrNoTruth, plain, filepath.Base(plain)+gzExt, fs.ErrNotExist)
}
