# DiploGraph — the two commands: `make demo` and `make test`.
# Both install what is missing on a Debian machine (libgraphviz-dev via apt-get), then build.

SWIFT        ?= swift
OUT          ?= out
DATA         ?= Graphs/skripal-2018.json
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET      := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
CLI          := .build/debug/diplograph

.PHONY: demo test setup build lint format clean fuzz

# Install the system packages the build needs, only when they are missing.
setup:
	@if ! pkg-config --exists libgvc 2>/dev/null; then \
	  echo "setup: installing libgraphviz-dev (apt-get)"; \
	  $(APT_GET) update -qq && \
	  $(APT_GET) install -y -qq --no-install-recommends libgraphviz-dev pkg-config >/dev/null; \
	fi
	@pkg-config --exists libgvc || { echo "setup: libgvc still not found by pkg-config" >&2; exit 1; }
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "setup: installing chromium for the report's browser tests (apt-get)"; \
	  $(APT_GET) update -qq && \
	  $(APT_GET) install -y -qq --no-install-recommends chromium >/dev/null; \
	fi

# The Python tools some tests compare against (networkx, DuckDB), in a virtual environment of
# the project's own (.venv-test/), made once; the tests that need it say so when it is missing.
VENV         := .venv-test
PYTHON_TOOLS := networkx==3.6.1 duckdb==1.5.6
.PHONY: venv
venv: $(VENV)/.installed
$(VENV)/.installed:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check $(PYTHON_TOOLS)
	@touch $@

build: setup
	$(SWIFT) build

# The main job on Graphs/: validate the 2018 data set, print its summary, draw it (the SVG and
# DOT beside the data, committed) and write its reports into $(OUT)/.
STYLE_DEMO   := --colour-blocs EU,EUROPE_NON_EU,OTHER,ORGANISATIONS
demo: build
	$(CLI) validate $(DATA)
	$(CLI) stats $(DATA)
	$(CLI) render $(DATA) $(STYLE_DEMO) -o $(DATA:.json=.svg)
	$(CLI) render $(DATA) $(STYLE_DEMO) --format dot -o $(DATA:.json=.dot)
	@mkdir -p $(OUT)
	$(CLI) report $(DATA) $(STYLE_DEMO) -o $(OUT)/report.html
	$(CLI) report $(DATA) $(STYLE_DEMO) -o $(OUT)/report.md
	@for f in Graphs/*.json; do n=$$(basename $$f .json); \
	  $(CLI) render $$f -o $(OUT)/$$n.svg && $(CLI) report $$f -o $(OUT)/$$n.html || exit 1; \
	done
	@echo "demo: diagram  $(CURDIR)/$(DATA:.json=.svg) (DOT: $(DATA:.json=.dot))"
	@echo "demo: reports  $(CURDIR)/$(OUT)/report.html and report.md (its pictures beside it)"
	@echo "demo: every data set of Graphs/ drawn and reported: $(CURDIR)/$(OUT)/NAME.svg, NAME.html"

# Style first (fast), then the whole suite, then a few seconds of each fuzz target
# (docs/robustness.md; skipped, with a note, where the toolchain has no libFuzzer).
FUZZ_SMOKE_SECONDS ?= 5
test: setup lint venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	SWIFT=$(SWIFT) Tests/Fuzz/fuzz.sh --if-supported $(FUZZ_SMOKE_SECONDS)

# Fuzz the JSON reader, the CSV reader and data → DOT → Graphviz → SVG with libFuzzer and
# AddressSanitizer, FUZZ_SECONDS each (a separate release build in .build-fuzz); fails on any
# crash, trap, failed check, leak, timeout or memory blow-up (inputs saved in fuzz-artifacts/).
FUZZ_SECONDS ?= 60
fuzz: setup
	SWIFT=$(SWIFT) Tests/Fuzz/fuzz.sh $(FUZZ_SECONDS)

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Examples

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Examples

clean:
	rm -rf .build $(OUT) .build-fuzz fuzz-artifacts $(VENV)

# The performance benchmark (BENCHMARKS.md): a release build, synthetic data generated once in
# .bench-data/, each phase timed (medians), the stats command end to end with its peak memory,
# and the in-process renderer against `dot -Tsvg`. Pass options with BENCH_ARGS="--runs 3 …".
BENCH_ARGS ?=
.PHONY: bench
bench: setup
	$(SWIFT) build -c release --product diplograph
	$(SWIFT) build -c release --product diplograph-bench
	.build/release/diplograph-bench $(BENCH_ARGS)
