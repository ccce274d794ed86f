# nazif: see README.md. Every target works on a fresh machine with Go 1.26.
GO ?= go
SEED := testdata/corpus/seed-mawazin-2025-06-11.dump.txt

CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

.PHONY: all test test-go test-race fuzz hostile load test-js test-pack test-hosts test-browser test-beam eval compare scale demo bench bench-base profile wasm wasm-build wasm-check wasm-command extension check

all: test

## test: every test: the wasip1 build of the guest packages, the check
## that the committed nazif.wasm and nazif-extism.wasm are what the
## sources build, the Go tests, the JS package's tests in Node, its tarball
## installed in a scratch project, other hosts on the conformance vectors,
## and the browser tests in Chromium.
test: test-go test-race test-js test-pack test-hosts test-browser

## test-go also vets and tests the Extism exports (wasm/reactor's files
## behind the extism tag), which ./... leaves out.
test-go: wasm-build wasm-check
	$(GO) vet ./...
	GOOS=wasip1 GOARCH=wasm $(GO) vet -tags extism ./wasm/reactor
	$(GO) test ./...
	$(GO) test -tags extism -run Extism ./wasm/reactor

## test-race: the concurrent parts under the race detector: the sandbox
## proofs, 10,000 calls in a loop and 10,000 from 8 goroutines with memory
## steady (TestSteadyMemory runs a fifth of that without -race), and the
## server's load, abuse and shutdown tests.
## The race detector needs cgo, so a C compiler: without one it is
## skipped, except under CI.
test-race:
	@if [ "$$($(GO) env CGO_ENABLED)" = 1 ]; then \
		$(GO) test -race -run 'TestSteady|TestConcurrent|TestSandbox' ./host && \
		$(GO) test -race -run 'TestLoad|TestServe' ./cmd/nazif; \
	elif [ -n "$$CI" ]; then \
		echo "test-race: FAILED: the race detector needs cgo (apt-get install gcc), and CI must run it"; exit 1; \
	else \
		echo "test-race: SKIPPED: the race detector needs cgo (apt-get install gcc)"; \
	fi

## test-js: the JS package in Node: its API, its types against the
## schema, the vendored WASI shim, and the same bytes as the Go host on
## every testdata page (testdata/crossruntime.json).
test-js: wasm/js/node_modules/.installed
	cd wasm/js && node --test --test-reporter=spec test/*.test.js

## test-pack: npm pack's tarball holds the package's files (article.css and
## LICENSE too), leaves the repository as it was, and installs offline in a
## scratch project where "nazif" gives the Go host's bytes. A target of its
## own, run after test-js: packing swaps wasm/js/nazif.wasm for a copy, which
## the tests of test-js read.
test-pack: wasm/js/node_modules/.installed
	cd wasm/js && node --test --test-reporter=spec test/pack/*.test.js

## test-hosts: hosts other than nazif's own on the conformance vectors
## (wasm/HOSTS.md), byte for byte the Go host's: nazif.wasm on
## @wasmer/wasi, a second WASI implementation, and nazif-extism.wasm on
## Extism's JS SDK.
test-hosts: wasm/hosts/node_modules/.installed
	cd wasm/hosts && node --test --test-reporter=spec test/*.test.js

## The pinned npm packages of a Node directory (wasm/js, wasm/hosts and
## cmd/nazif-compare/node), installed again when its lock file changes.
%/node_modules/.installed: %/package.json %/package-lock.json
	@command -v node >/dev/null || { echo "node not found: the JS tests and make compare need Node 20 or later"; exit 1; }
	cd $* && npm ci --no-audit --no-fund
	touch $@

## test-browser: the extension and the demo page in real Chromium, when
## $(CHROMIUM) exists (apt-get install chromium); CI must have it.
test-browser: wasm/js/node_modules/.installed
	@if [ -x "$(CHROMIUM)" ]; then \
		cd wasm/js && node --test --test-reporter=spec --test-concurrency=1 test/browser/*.test.js; \
	elif [ -n "$$CI" ]; then \
		echo "test-browser: FAILED: no chromium at $(CHROMIUM), and CI must run the browser tests"; exit 1; \
	else \
		echo "test-browser: SKIPPED: no chromium at $(CHROMIUM) (apt-get install chromium, or make CHROMIUM=/path/to/chromium)"; \
	fi

## test-beam: the Beam pipeline (cmd/nazif-beam, a module of its own, so
## that the Beam SDK stays out of go.mod) on Prism, in this process: its
## articles and dead letters beside nazif clean's lines for the same WARC
## files, sorted, byte for byte; its counters; --lang and --dedup. Not part
## of make test: the SDK's first build fetches about 180 modules and takes
## minutes on two cores (CI runs it after make test).
test-beam:
	cd cmd/nazif-beam && $(GO) vet ./... && $(GO) test -count=1 ./...

## scale: nazif clean and nazif-beam on Prism over one crawl of
## SCALE_RECORDS HTML records (the corpus pages repeated under distinct
## URIs, cmd/internal/warcfix.Repeat), each with -j 1 and 2 (--pool for
## the pipeline): pages/s and peak RSS, after a warm-up run of each; it
## fails unless every run wrote the same lines.
SCALE_RECORDS ?= 2000
scale:
	@bin=$$(mktemp -d) && trap 'rm -rf $$bin' EXIT && \
	$(GO) build -o $$bin/nazif ./cmd/nazif && \
	cd cmd/nazif-beam && $(GO) build -o $$bin/nazif-beam . && \
	$(GO) run ./scale -cli $$bin/nazif -beam $$bin/nazif-beam -records $(SCALE_RECORDS) -corpus ../../testdata/corpus

## fuzz: every fuzz target for FUZZTIME each (default 10s; make fuzz
## FUZZTIME=10m for a long run). A crasher is written to the package's
## testdata/fuzz/<Target>/ and fails the run: commit it with the fix, and
## it stays a regression test of go test. Each package is built once with
## coverage instrumentation; a target's new interesting inputs are
## minimized for at most 100 runs, so big pages do not stall the run.
FUZZTIME ?= 10s
FUZZ_TARGETS = \
	wasm/internal/decode:FuzzDecode wasm/internal/decode:FuzzLookupLabel \
	wasm/nazif:FuzzExtract wasm/nazif:FuzzExtractDump wasm/nazif:FuzzAppendJSON wasm/nazif:FuzzRenderHTML \
	wasm/internal/dates:FuzzDates \
	wasm/internal/normalize:FuzzDisplay wasm/internal/normalize:FuzzSearchKey \
	wasm/reactor:FuzzCall wasm/reactor:FuzzParseOptions \
	wasm/internal/dom:FuzzParse wasm/internal/dom:FuzzUnescape \
	wasm/internal/jsonv:FuzzParse wasm/internal/urlref:FuzzResolve
fuzz:
	@bin=$$(mktemp -d) && trap 'rm -rf $$bin' EXIT && cache=$${FUZZCACHE:-$$bin/cache} && \
	for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; exe=$$bin/$$(echo $$pkg | tr / _).test; crashers=$$pkg/testdata/fuzz/$$fn; \
		[ -x $$exe ] || $(GO) test -c -fuzz . -o $$exe ./$$pkg || exit 1; \
		before=$$(ls $$crashers 2>/dev/null | wc -l); \
		( cd $$pkg && $$exe -test.run '^$$' -test.fuzz "^$$fn$$" -test.fuzztime $(FUZZTIME) \
			-test.fuzzminimizetime 100x -test.fuzzcachedir $$cache >$$bin/log 2>&1 ); rc=$$?; \
		printf '%-40s %s\n' "$$pkg $$fn" "$$(grep -o 'elapsed: [^,]*, execs: [0-9]*' $$bin/log | tail -1)"; \
		[ $$rc = 0 ] && continue; \
		if [ "$$(ls $$crashers 2>/dev/null | wc -l)" = "$$before" ] && grep -q 'context deadline exceeded' $$bin/log; then \
			echo "  (no crasher: Go 1.26's fuzz coordinator misreports the end of -fuzztime, go.dev/issue/75804)"; continue; \
		fi; \
		cat $$bin/log; echo "fuzz: $$fn failed: its crasher is in $$crashers/"; exit 1; \
	done

## hostile: the hostile corpus (wasm/naziftest) natively and in the
## sandbox, with each page's outcome, time and peak memory.
hostile:
	$(GO) test ./wasm/nazif ./host -run 'TestHostile' -count=1 -v | grep -E '^(--- FAIL|ok|FAIL)|bytes,|past it'

## load: nazif serve under load on loopback, in-process: 64 clients, 2,000
## corpus pages, a pool and queue they overload; requests by status,
## latency percentiles and peak memory (nazif load -h for the knobs).
load:
	$(GO) run ./cmd/nazif load

## extension: assemble the reader-view extension into wasm/js/dist/extension,
## to load unpacked in Chromium (chrome://extensions, developer mode).
extension:
	node wasm/js/scripts/extension.mjs wasm/js/dist/extension

## wasm-build: the guest packages must compile for GOOS=wasip1.
wasm-build:
	GOOS=wasip1 GOARCH=wasm $(GO) build ./wasm/...

## wasm: rebuild wasm/module/nazif.wasm from wasm/reactor, and
## nazif-extism.wasm, the same package with Extism's exports added
## (-tags extism; wasm/HOSTS.md). The build is reproducible: -trimpath
## drops paths, -buildvcs=false the commit, and an empty GOFLAGS keeps the
## caller's flags out.
WASM_BUILD = GOFLAGS= GOOS=wasip1 GOARCH=wasm $(GO) build -buildmode=c-shared -trimpath -buildvcs=false
# Each module: its file under wasm/module, then its build tags.
WASM_MODULES = nazif.wasm: nazif-extism.wasm:extism
wasm:
	@for m in $(WASM_MODULES); do \
		echo "building wasm/module/$${m%%:*}"; \
		$(WASM_BUILD) -tags "$${m#*:}" -o wasm/module/$${m%%:*} ./wasm/reactor || exit 1; \
	done
	$(GO) env GOVERSION > wasm/module/go.version

## wasm-command: nazif as a WASI command (stdin to stdout), for WASI
## command-line runtimes; not committed, as nothing embeds it.
wasm-command:
	GOFLAGS= GOOS=wasip1 GOARCH=wasm $(GO) build -trimpath -buildvcs=false -o nazif-command.wasm ./wasm/command

## wasm-check: rebuild nazif.wasm and nazif-extism.wasm and fail if either
## differs from the committed one. Only a Go of the version recorded in
## go.version builds the same bytes, so with another Go this says so and
## checks nothing.
wasm-check:
	@want=$$(cat wasm/module/go.version); have=$$($(GO) env GOVERSION); \
	if [ "$$want" != "$$have" ]; then \
		echo "wasm-check: SKIPPED: the modules were built by $$want, this is $$have"; \
	else \
		tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
		for m in $(WASM_MODULES); do \
			f=$${m%%:*}; \
			$(WASM_BUILD) -tags "$${m#*:}" -o $$tmp/$$f ./wasm/reactor || exit 1; \
			if cmp -s $$tmp/$$f wasm/module/$$f; then \
				echo "wasm-check: $$f is up to date ($$have)"; \
			else \
				echo "wasm-check: wasm/module/$$f is stale: run make wasm and commit it"; exit 1; \
			fi; \
		done; \
	fi

## eval: the per-page score tables, sandboxed (make eval EVALFLAGS=-native
## for native), each set headed by a line that names it: the Arabic corpus
## (HTML pages and text dumps), Readability's 130 test pages, those of them
## of 10 kB or more (its real captured pages), then the corpus's HTML pages
## under each eval.Variant. It is a report: a low score does not fail it,
## only an input that cannot be scored does (after every set has printed).
## nazif eval -h scores other tools' outputs too.
EVALFLAGS ?=
EVAL_VARIANTS = noattrs renamed brruns wrapped
eval:
	@bin=$$(mktemp -d) && trap 'rm -rf $$bin' EXIT && \
	$(GO) build -o $$bin/nazif ./cmd/nazif && \
	rc=0 && \
	set_() { name=$$1; shift; printf '\n== %s\n\n' "$$name"; $$bin/nazif eval $(EVALFLAGS) "$$@" || rc=1; } && \
	set_ "the Arabic corpus: HTML pages and text dumps (testdata/corpus)" --truth testdata/corpus && \
	set_ "Readability's test pages, all (testdata/readability)" --truth testdata/readability && \
	set_ "Readability's test pages of 10 kB or more: the real captures (testdata/readability, --min-bytes 10000)" \
		--truth testdata/readability --min-bytes 10000 && \
	for v in $(EVAL_VARIANTS); do \
		set_ "the Arabic corpus's HTML pages under the variant $$v (--variant $$v)" \
			--truth testdata/corpus --variant $$v testdata/corpus/*.html; \
	done && \
	if [ $$rc != 0 ]; then echo; echo "eval: FAILED: a set above could not be scored in full (its error lines say why)"; fi && \
	exit $$rc

## compare: nazif beside go-readability, Mozilla Readability (Node) and,
## when python3 can import it, trafilatura, on the corpus: accuracy and
## pages/s in one run (cmd/nazif-compare, a module of its own so that the
## peers stay out of go.mod). It fails unless nazif leads every peer on
## F1, titles, dates and leaks. Then the same tools on Readability's test
## pages: token F1 (all, real captures, synthetic), 4-token shingle F1,
## empty bodies, titles, pages/s; printed, never gated, as Readability.js's
## output is their truth.
compare: cmd/nazif-compare/node/node_modules/.installed
	cd cmd/nazif-compare && $(GO) vet . && $(GO) test . && \
		$(GO) run . -corpus ../../testdata/corpus -readability ../../testdata/readability

## demo: clean the bundled seed dump and one real HTML page, in the sandbox.
## One process, so the CLI is built and the module compiled once; the
## first run also fetches the Go modules, hence the line before it.
demo:
	@echo "demo: building nazif; the first time, fetching modules and compiling takes 1 to 3 minutes" >&2
	$(GO) run ./cmd/nazif clean -v -f text $(SEED) testdata/corpus/youm7-2020-08-24.html

## bench: the figures of the sandbox issue, side by side in one run (native
## vs sandboxed, the pool, hard-kill mode, steady memory, CLI start-up),
## then every Go benchmark once (per-stage and per-package times).
bench:
	$(GO) run ./cmd/nazif-bench
	$(GO) test ./wasm/... ./host/... -run '^$$' -bench . -benchmem -count=1

## bench-base: this tree's throughput on the corpus beside a base revision's
## (make bench-base BASE=d3cd21b), native and sandboxed: the base's
## nazif-bench is built in a temporary worktree, and the two run in turn
## ROUNDS times each; per figure, the best page-set time of each and the
## ratio (this tree / base; under 1 is faster), then the median ones.
BASE ?= HEAD~1
ROUNDS ?= 4
bench-base:
	@tmp=$$(mktemp -d) && trap 'git worktree remove --force $$tmp/base >/dev/null 2>&1; rm -rf $$tmp' EXIT && \
	git worktree add -q --detach $$tmp/base $(BASE) && \
	(cd $$tmp/base && $(GO) build -o $$tmp/old ./cmd/nazif-bench) && $(GO) build -o $$tmp/new ./cmd/nazif-bench && \
	for i in $$(seq $(ROUNDS)); do \
		(cd $$tmp/base && $$tmp/old -skip-cli -time 2s -dir $(CURDIR)/testdata/corpus) | grep -E '^  (HTML|dumps|all), (native|sandboxed)' | sed 's/^/base/'; \
		$$tmp/new -skip-cli -time 2s | grep -E '^  (HTML|dumps|all), (native|sandboxed)' | sed 's/^/this/'; \
	done > $$tmp/runs && \
	echo "this tree beside $(BASE), $(ROUNDS) interleaved runs each (ms per page set; ratio = this / base):" && \
	awk '{ who=$$1; fig=$$2" "$$3; sub(",","",fig); \
		for (i=1;i<=NF;i++) { if ($$i=="median") med=$$(i+1); if ($$i=="best") best=$$(i+1) } \
		k=fig; figs[k]=1; if (!((who,k) in b) || best<b[who,k]) b[who,k]=best; m[who,k]=m[who,k]" "med } \
		function median(s,  a,n,i,j,t) { n=split(s,a," "); for(i=1;i<=n;i++)for(j=i+1;j<=n;j++)if(a[j]+0<a[i]+0){t=a[i];a[i]=a[j];a[j]=t}; return a[int((n+1)/2)] } \
		END { for (k in figs) printf "  %-18s best %7.1f vs %7.1f  ratio %.3f   median %7.1f vs %7.1f  ratio %.3f\n", k, b["this",k], b["base",k], b["this",k]/b["base",k], median(m["this",k]), median(m["base",k]), median(m["this",k])/median(m["base",k]) }' $$tmp/runs | sort

## profile: where nazif.wasm's own time goes, by function and by stage,
## from V8's sampling profiler under Node (needs Node 20 or later).
profile:
	node --no-warnings cmd/nazif-bench/profile/profile.mjs wasm/module/nazif.wasm testdata/corpus 30

## check: formatting, tidy go.mod, vet, tests and the wasip1 build, then
## a clean tree: nothing the checks ran may have changed a tracked file.
check: test
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt needed"; exit 1; }
	$(GO) mod tidy -diff
	git diff --exit-code
