# Every target sets up what it needs; a fresh machine needs only Python 3.10+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WHEEL_VENV := .venv-wheel
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit wheel-test test-thorough images clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## demo: the main job, on the bundled data
demo: $(STAMP)
	$(BIN)/python examples/demo.py

## test: every check: lint, format, types, tests and doctests, then the tests against the wheel
test: lint typecheck unit wheel-test

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest --doctest-modules --doctest-glob='*.md' src tests README.md docs

## wheel-test: build the wheel, install it in a fresh environment, run the suite against it
wheel-test: $(STAMP)
	rm -rf dist $(WHEEL_VENV)
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(WHEEL_VENV)/bin/python -m pip install --quiet "$$(ls dist/policegrades-*.whl)[hypothesis,pandas,plot]" pytest
	POLICEGRADES_TEST_INSTALLED=1 $(WHEEL_VENV)/bin/python -m pytest tests

## test-thorough: the property tests with many more examples
test-thorough: $(STAMP)
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest tests

## images: redraw the chart shown in the README from the bundled data
images: $(STAMP)
	$(BIN)/policegrades plot history cleveland -o docs/images/cleveland-history.png

clean:
	rm -rf $(VENV) $(WHEEL_VENV) dist build .mypy_cache .ruff_cache
