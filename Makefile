# nazif: see README.md. Every target works on a fresh machine with Go 1.26.
GO ?= go
SEED := testdata/corpus/seed-mawazin-2025-06-11.dump.txt

.PHONY: all test eval demo bench wasm-build check

all: test

## test: every test, plus the wasip1 build of the guest packages.
test: wasm-build
	$(GO) vet ./...
	$(GO) test ./...

## wasm-build: the guest packages must compile for GOOS=wasip1.
wasm-build:
	GOOS=wasip1 GOARCH=wasm $(GO) build ./wasm/...

## eval: the per-page score table on the corpus (HTML and text dumps).
eval:
	$(GO) test ./wasm/nazif -run 'TestCorpusScores$$' -count=1 -v | sed -n '/page /,/total/p'

## demo: clean the bundled seed dump and one real HTML page.
demo:
	$(GO) run ./cmd/nazif clean -f text $(SEED)
	$(GO) run ./cmd/nazif clean -f json testdata/corpus/youm7-2020-08-24.html

## bench: extraction throughput on the corpus, natively (MB/s).
bench:
	$(GO) test ./wasm/... -run '^$$' -bench . -benchmem -count=1

## check: formatting, tidy go.mod, vet, tests and the wasip1 build, then
## a clean tree: nothing the checks ran may have changed a tracked file.
check: test
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt needed"; exit 1; }
	$(GO) mod tidy -diff
	git diff --exit-code
