# Every target sets up what it needs; a fresh machine needs only Python 3.10+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHECK := .dist-check

.PHONY: demo test lint typecheck unit docs dist dist-test test-thorough test-site bench images data clean

$(STAMP): pyproject.toml src/policegrades/_version.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## demo: the main job, on the bundled data
demo: $(STAMP)
	$(BIN)/python examples/demo.py

## test: every check: lint, format, types, tests and doctests, the docs, then the suite
## run against a wheel built from the sdist and installed in a fresh environment
test: lint typecheck unit docs dist-test

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest --doctest-modules --doctest-glob='*.md' src tests README.md docs/*.md

## docs: the documentation site, with warnings as errors
docs: $(STAMP)
	rm -rf docs/_build
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

## dist: the sdist and the wheel (built from the sdist), checked with twine
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

## dist-test: unpack the sdist, install its wheel in a fresh environment, run the sdist's tests
dist-test: dist
	rm -rf $(CHECK)
	$(PYTHON) -m venv $(CHECK)/venv
	$(CHECK)/venv/bin/python -m pip install --quiet --upgrade pip
	$(CHECK)/venv/bin/python -m pip install --quiet "$$(ls dist/policegrades-*.whl)[hypothesis,pandas,plot]" pytest frictionless
	tar -xzf dist/policegrades-*.tar.gz -C $(CHECK)
	cd $(CHECK)/policegrades-* && POLICEGRADES_TEST_INSTALLED=1 ../venv/bin/python -m pytest tests

## test-thorough: the property tests with many more examples
test-thorough: $(STAMP)
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest tests

## bench: speed and memory against plain cattrs, pydantic and msgspec; writes benchmarks/RESULTS.md
## (the whole programs, the command line among them, run from the wheel in an environment of its own)
bench: dist
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	rm -rf .bench
	$(PYTHON) -m venv .bench
	.bench/bin/python -m pip install --quiet "$$(ls dist/policegrades-*.whl)"
	$(BIN)/python benchmarks/run.py --installed .bench/bin/python --write benchmarks/RESULTS.md

## data: rewrite every bundled inspection and Engage period file canonically, then check them all
data: $(STAMP)
	$(BIN)/policegrades check --fix src/policegrades/data/inspections/*/*.json src/policegrades/data/engage/*.json

## test-site: build the site, serve it on 127.0.0.1 and test it in headless Chromium (Debian's
## chromium and chromium-driver, installed here when missing); screenshots in docs/_build/screenshots
test-site: $(STAMP)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver)
	$(MAKE) docs
	$(BIN)/pytest tests_site

## images: redraw the charts and the screenshot of a round page shown in the README and docs
images: test-site
	$(BIN)/policegrades plot history cleveland -o docs/images/cleveland-history.png
	$(BIN)/policegrades plot map 2023-25 "preventing crime" -o docs/images/map-2023-25-preventing-crime.png
	cp docs/_build/screenshots/round-peel-2018-19.png docs/images/round-peel-2018-19.png

clean:
	rm -rf $(VENV) $(CHECK) .bench dist build docs/_build .mypy_cache .ruff_cache
