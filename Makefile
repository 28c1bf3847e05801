# Set-up is part of every target: a fresh machine needs only `make demo` or `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench install gazetteer clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

gazetteer: $(STAMP)
	$(BIN)/geomap gazetteer build --if-missing

demo: gazetteer
	$(BIN)/geomap demo -o output/demo.html

test: gazetteer
	$(BIN)/python -m pytest

bench: gazetteer
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) output/*.html
