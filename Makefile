# Entente: the two commands a new machine needs are `make demo` and `make test`.
# Both install what is missing first (Graphviz's libraries and Chromium through apt, networkx and
# Playwright through pip).

SWIFT ?= swift
PYTHON ?= python3
OUT ?= out
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release test demo install uninstall bench bench-frustration bench-quick docs fuzz sanitize clean

# Graphviz's development files (libgvc, libcgraph, pkg-config metadata), COIN-OR CBC (exact
# frustration index), fontconfig's (the glyph
# check of png and pdf diagrams) and Graphviz's programs for the
# benchmark comparison; networkx and jsonschema for the tests that check GraphML and JSON output;
# Debian's chromium and Playwright for the browser tests of the explorer page (Playwright drives the
# installed chromium: no browser is downloaded). If chromium cannot be installed, the browser tests
# say so and skip.
deps:
	@if ! pkg-config --exists libgvc fontconfig 2>/dev/null; then \
	    echo "installing graphviz libgraphviz-dev libfontconfig-dev pkg-config"; \
	    $(SUDO) apt-get update && $(SUDO) apt-get install -y graphviz libgraphviz-dev libfontconfig-dev pkg-config; \
	fi
	@# COIN-OR CBC (EPL-2.0): the exact frustration solver of `entente balance`, loaded at run time.
	@if ! ldconfig -p 2>/dev/null | grep -q libCbcSolver.so; then \
	    echo "installing coinor-libcbc-dev"; \
	    $(SUDO) apt-get update && $(SUDO) apt-get install -y coinor-libcbc-dev; \
	fi
	@if ! $(PYTHON) -c "import networkx, jsonschema" 2>/dev/null; then \
	    echo "installing networkx jsonschema"; \
	    $(PYTHON) -m pip install --quiet networkx jsonschema; \
	fi
	@if ! command -v chromium >/dev/null 2>&1; then \
	    echo "installing chromium"; \
	    ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium) || echo "chromium could not be installed"; \
	fi
	@if ! $(PYTHON) -c "import playwright.sync_api" 2>/dev/null; then \
	    echo "installing playwright"; \
	    $(PYTHON) -m pip install --quiet playwright; \
	fi

# The libraries (this package) and the CLI (the package in CLI/, which depends on this one by path).
build: deps
	$(SWIFT) build
	$(SWIFT) build --package-path CLI

# The release binary, CLI/.build/release/entente.
release: deps
	$(SWIFT) build -c release --package-path CLI

# Every test: the library tests and the CLI's (Swift Testing; the CLI's package in CLI/), the check
# that the library's layers depend one way, the browser tests of the explorer page (Tests/Browser),
# the evidence check of Graphs/ (in the suite, and by the shared checker when it is next to this
# clone), and the Examples package (relations-query, quick-start, custom-diagram).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) build --build-tests --package-path CLI
	$(SWIFT) test --skip-build
	$(SWIFT) test --skip-build --package-path CLI
	$(PYTHON) Tests/check_layers.py
	@if [ -n "$$CI" ] && ! command -v chromium >/dev/null 2>&1; then \
	    echo "chromium is missing: the browser tests cannot run, and CI must not skip them" >&2; exit 1; fi
	OUT=$(OUT) ENTENTE_NO_CHROMIUM=$$(command -v chromium >/dev/null 2>&1 || echo 1) \
	    $(PYTHON) Tests/Browser/test_explorer.py CLI/.build/debug/entente
	@if [ -f ../shared/tools/check_evidence.py ]; then $(PYTHON) ../shared/tools/check_evidence.py; fi
	cd Examples && $(SWIFT) build && $(SWIFT) run --skip-build relations-query
	@mkdir -p $(OUT)
	"$$($(SWIFT) build --package-path Examples --show-bin-path)/quick-start" && mv pakistan.svg $(OUT)/quick-start.svg
	@mkdir -p $(OUT)
	cd Examples && $(SWIFT) run --skip-build custom-diagram $(CURDIR)/$(OUT)/custom-diagram.svg

# The main job: information about Graphs/pakistan.json, a path query and its diagram.
demo: release
	CLI/.build/release/entente info Graphs/pakistan.json
	CLI/.build/release/entente path Graphs/pakistan.json Pakistan EU --types economic
	CLI/.build/release/entente centrality Graphs/pakistan.json --measure betweenness --top 5
	@mkdir -p $(OUT)
	CLI/.build/release/entente render Graphs/pakistan.json -o $(OUT)/pakistan.svg
	CLI/.build/release/entente render Graphs/pakistan.json -o $(OUT)/pakistan-highlight.svg --highlight RUS EU
	CLI/.build/release/entente render Graphs/pakistan.json -o $(OUT)/pakistan.html
	@echo "diagrams written to $(OUT)/pakistan.svg and $(OUT)/pakistan-highlight.svg;"
	@echo "the interactive explorer to $(OUT)/pakistan.html (open it in a browser)"
	@echo "the entente binary is CLI/.build/release/entente (make install copies it to $(PREFIX)/bin)"

# Copies the release binary to $(DESTDIR)$(PREFIX)/bin (PREFIX=/usr/local unless given; DESTDIR for
# staged installs and packaging). The binary links Graphviz's shared libraries, which stay installed.
PREFIX ?= /usr/local
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 CLI/.build/release/entente "$(DESTDIR)$(PREFIX)/bin/entente"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/entente"

# The README's "What the agenda would change": the scenario, its diff from today with the betweenness
# change, the balance before and after, and the diff, balance and community diagrams in docs/images.
.PHONY: agenda
agenda: release
	@mkdir -p $(OUT)
	CLI/.build/release/entente diff Graphs/pakistan.json Graphs/awaam-agenda.json
	CLI/.build/release/entente merge Graphs/pakistan.json Graphs/awaam-agenda.json -o $(OUT)/scenario.json
	CLI/.build/release/entente diff Graphs/pakistan.json $(OUT)/scenario.json --measure betweenness
	CLI/.build/release/entente balance Graphs/pakistan.json --sign-rule net
	CLI/.build/release/entente balance $(OUT)/scenario.json --sign-rule net
	CLI/.build/release/entente render $(OUT)/scenario.json --diff Graphs/pakistan.json -o docs/images/agenda-diff.svg \
	    --title "What the agenda would change (scenario against today)"
	CLI/.build/release/entente balance Graphs/pakistan.json --types security --kinds state --weighted
	CLI/.build/release/entente render $(OUT)/scenario.json --balance --weighted --types security --kinds state \
	    -o docs/images/agenda-balance.svg --title "Security camps if the agenda is adopted"
	CLI/.build/release/entente render Graphs/pakistan.json --color-by community -o docs/images/pakistan-communities.svg

# Entente against igraph and networkit on the benchmark graphs, in one run (see Benchmarks/README.md).
bench: deps
	Benchmarks/compare.sh

# Exact frustration of the world's security network, every year 1946-2014, against HiGHS (highspy).
bench-frustration: release
	@$(PYTHON) -c "import highspy" 2>/dev/null || $(PYTHON) -m pip install --quiet highspy
	Benchmarks/frustration.sh

# libFuzzer on each reader (JSON, CSV, DOT through cgraph, GraphML) for SECONDS each, one after
# another, with AddressSanitizer and LeakSanitizer; the Fuzz/ package is not part of the normal build.
# Findings stop the run and land in Fuzz/.artifacts/READER/ (see the README's Fuzzing section).
SECONDS ?= 60
fuzz: deps
	Fuzz/run.sh $(SECONDS)

# The test suite under ThreadSanitizer, then AddressSanitizer (with LeakSanitizer), each in its own
# build folder; suppressions, each with its reason, in Tests/tsan.supp and Tests/lsan.supp.
# Not part of `make test`: it builds everything twice more (see the README for its duration).
sanitize: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS="suppressions=$(CURDIR)/Tests/tsan.supp halt_on_error=1" \
	    $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS="detect_leaks=1" LSAN_OPTIONS="suppressions=$(CURDIR)/Tests/lsan.supp print_suppressions=0" \
	    $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

# DocC archives of both libraries (.build/plugins/Swift-DocC/outputs/); a warning, such as a link
# that does not resolve, fails the build.
docs:
	$(SWIFT) package generate-documentation --target Entente --target EntenteGraphviz --warnings-as-errors

clean:
	rm -rf .build .build-tsan .build-asan CLI/.build Fuzz/.build Examples/.build $(OUT)
