# The two commands: `make demo` and `make test`. Each sets itself up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
LINTED := $(wildcard src tests benchmarks scripts)

.PHONY: demo test lint typecheck setup system clean bench-overlap bench-text bench bench-render bench-explore eval-overlap docs docs-setup fuzz

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "din_graph needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Graphviz's `dot` renders the diagrams; Chromium and chromedriver open the HTML report in a
# test. Install them when missing and we can (root, apt); without them those tests are skipped.
APT_INSTALL = apt-get install -y -qq $(1) >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $(1) >/dev/null 2>&1)
system:
	@command -v dot >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    ($(call APT_INSTALL,graphviz)) || echo "note: could not install graphviz; diagrams fall back to matplotlib"; \
	  else echo "note: graphviz 'dot' not found; diagrams fall back to matplotlib"; fi; }
	@{ command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    ($(call APT_INSTALL,chromium chromium-driver)) || echo "note: could not install chromium; the browser test is skipped"; \
	  else echo "note: chromium not found; the browser test is skipped"; fi; }

demo: setup system
	@echo "== Validating the Almelo examples"
	$(BIN)/din validate examples/almelo
	@echo
	@echo "== Summary per programme"
	$(BIN)/din summary examples/almelo
	@echo
	@echo "== Findings (din check; every code is defined in docs/analyses.md)"
	$(BIN)/din check examples/almelo
	@echo
	@echo "== Overlap between the programmes (din overlap; see docs/overlap.md)"
	$(BIN)/din overlap examples/almelo
	@echo
	@echo "== DIN sheets, portfolio picture and overlap heatmap (din render; see docs/render.md)"
	$(BIN)/din render examples/almelo -o $(OUT)/din/ --highlight findings --formats svg,png,pdf
	@echo "The drawings are in $(OUT)/din/ (open $(OUT)/din/almelo-leefbare-wijken-en-dorpen.png)"
	@echo
	@echo "== Excel export and the report for the programme manager (din convert, din report)"
	$(BIN)/din convert examples/almelo $(OUT)/excel --programmes xlsx
	$(BIN)/din report examples/almelo -o $(OUT)/rapport-almelo.html
	@echo "Open $(OUT)/rapport-almelo.html (one file, works offline); the workbooks are in $(OUT)/excel/"
	@echo
	@echo "== The explorer: click a goal and see what serves it, across programmes (din explore; see docs/explore.md)"
	$(BIN)/din explore examples/almelo -o $(OUT)/verkenner-almelo.html
	@echo "Open $(OUT)/verkenner-almelo.html in a browser (one file, works offline)"

test: setup system
	$(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory lint

# The long fuzzing campaign of tests/test_fuzz.py (docs/reliability.md): hostile and broken files for
# FUZZ_MINUTES minutes; prints what it tried, fails with the smallest failing file if it finds one.
FUZZ_MINUTES ?= 10
fuzz: setup
	DIN_FUZZ_MINUTES=$(FUZZ_MINUTES) $(BIN)/python -m pytest -q -s -p no:cacheprovider -m slow tests/test_fuzz.py

bench: setup
	$(BIN)/python benchmarks/bench_check.py

lint: setup
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

DOCS_STAMP := $(VENV)/.docs-installed

$(DOCS_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,docs]'
	@touch $(DOCS_STAMP)

# The documentation site: pictures and the CLI page first, then a strict build (no broken links).
docs: $(DOCS_STAMP) system
	$(BIN)/python scripts/docs_assets.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict
	@echo "The site is in site/ (open site/index.html)"

bench-render: setup system
	$(BIN)/python benchmarks/bench_render.py

# Open and click times of the explorer in headless Chromium, against opening the plain render SVG.
bench-explore: setup system
	$(BIN)/python benchmarks/bench_explore.py

bench-overlap: setup
	$(BIN)/python benchmarks/bench_overlap.py

bench-text: setup
	$(BIN)/python benchmarks/bench_text.py

# The overlap finder against the reader-judged overlaps of the real portfolios (benchmarks/overlap_eval/).
eval-overlap: setup
	$(BIN)/python benchmarks/eval_overlap.py

clean:
	rm -rf $(VENV) $(OUT) site docs/images .pytest_cache .mypy_cache .ruff_cache .hypothesis
