# Set-up is part of every target: a fresh machine needs only `make demo` or `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench scores install gazetteer bytecode clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(MAKE) bytecode
	touch $(STAMP)

install: $(STAMP)

gazetteer: $(STAMP)
	$(BIN)/geomap gazetteer build --if-missing

demo: gazetteer
	$(BIN)/geomap demo -o output/demo.html

test: gazetteer
	$(BIN)/python -m pytest

bench: gazetteer bytecode
	$(BIN)/python -m benchmarks

# Re-record the score floor (eval/scores.json, which tests/test_score_floor.py holds dev to): the
# dev and test figures of LGL and GeoVirus from ../shared/corpora. Commit it with the change.
scores: gazetteer
	$(BIN)/python -m geomap.evaluation.record

# An editable install leaves the project's own modules uncompiled (pip compiles only what it
# copies), and with PYTHONDONTWRITEBYTECODE set every start would compile them again.
bytecode:
	$(BIN)/python -m compileall -q geomap gazetteer benchmarks

clean:
	rm -rf $(VENV) output/*.html
