# DiploGraph — the two commands: `make demo` and `make test`.
# Both install what is missing on a Debian machine (libgraphviz-dev, zlib1g-dev via apt-get),
# then build.

SWIFT        ?= swift
OUT          ?= out
DATA         ?= Graphs/skripal-2018.json
# The data sets `make demo` validates, analyses, draws and reports: every one in Graphs/
# (DATASETS=… for some).
DATASETS     ?= $(sort $(wildcard Graphs/*.json))
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET      := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
CLI          := .build/debug/diplograph

.PHONY: demo test setup build release lint format clean fuzz

# Install the system packages the build needs, only when they are missing.
setup:
	@if ! pkg-config --exists libgvc zlib 2>/dev/null; then \
	  echo "setup: installing libgraphviz-dev and zlib1g-dev (apt-get)"; \
	  $(APT_GET) update -qq && \
	  $(APT_GET) install -y -qq --no-install-recommends libgraphviz-dev zlib1g-dev pkg-config \
	    >/dev/null; \
	fi
	@pkg-config --exists libgvc || { echo "setup: libgvc still not found by pkg-config" >&2; exit 1; }
	@pkg-config --exists zlib || { echo "setup: zlib still not found by pkg-config" >&2; exit 1; }
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

# The command line for use: an optimised build with the Swift runtime and Foundation linked in
# (.build/release/diplograph and its layout helper beside it). It needs no toolchain libraries
# at run time (only the C library, Graphviz and zlib) and starts in about 6 ms instead of 14:
# 27 shared libraries are not loaded and bound. The output is the same bytes.
RELEASE_FLAGS := -c release --static-swift-stdlib
release: setup
	$(SWIFT) build $(RELEASE_FLAGS) --product diplograph

# The main job on Graphs/: validate each data set, print its summary, draw it (the SVG and DOT
# beside the data, committed) and write its reports into $(OUT)/. The 2018 data set colours
# its four blocs; the others take the default style.
STYLE_DEMO   := --colour-blocs EU,EUROPE_NON_EU,OTHER,ORGANISATIONS
demo: build
	@mkdir -p $(OUT)
	@for data in $(DATASETS); do \
	  name=$$(basename $$data .json); \
	  style=; [ $$name = skripal-2018 ] && style="$(STYLE_DEMO)"; \
	  echo "demo: $$name"; \
	  $(CLI) validate $$data && \
	  $(CLI) stats $$data && \
	  $(CLI) render $$data $$style -o $${data%.json}.svg && \
	  $(CLI) render $$data $$style --format dot -o $${data%.json}.dot && \
	  $(CLI) report $$data $$style -o $(OUT)/$$name.html && \
	  $(CLI) report $$data $$style -o $(OUT)/$$name.md || exit 1; \
	done
	@echo "demo: diagrams Graphs/*.svg (DOT beside them)"
	@echo "demo: reports  $(CURDIR)/$(OUT)/<data set>.html and .md (their pictures beside them)"

# Style first (fast), then the whole suite, then a few seconds of each fuzz target
# (docs/robustness.md; skipped, with a note, where the toolchain has no libFuzzer).
FUZZ_SMOKE_SECONDS ?= 5
test: setup lint venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	SWIFT=$(SWIFT) Tests/Fuzz/fuzz.sh --if-supported $(FUZZ_SMOKE_SECONDS)

# Fuzz the JSON, CSV, GDELT and style readers and data → DOT → Graphviz → SVG with libFuzzer and
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
	$(SWIFT) build $(RELEASE_FLAGS) --product diplograph
	$(SWIFT) build $(RELEASE_FLAGS) --product diplograph-bench
	.build/release/diplograph-bench $(BENCH_ARGS)
