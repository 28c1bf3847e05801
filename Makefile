# Set-up is part of every target: a fresh machine needs only `make demo` or `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench scores install gazetteer bytecode constraints clean

# The versions installed are the pinned ones of constraints.txt (pyproject.toml has the ranges).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
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

# Re-record the score floors (eval/scores.json, which tests/test_score_floor.py holds dev to: the
# dev and test figures of LGL and GeoVirus from ../shared/corpora; eval/event-scores.json, which
# tests/test_event_score_floor.py holds to: the events' dev figures). Commit them with the change.
scores: gazetteer
	$(BIN)/python -m geomap.evaluation.record
	$(BIN)/python -m geomap.evaluation.events $(sort $(wildcard eval/events-dev*.jsonl)) \
		--format json > eval/event-scores.json.tmp && mv eval/event-scores.json.tmp eval/event-scores.json

# An editable install leaves the project's own modules uncompiled (pip compiles only what it
# copies), and with PYTHONDONTWRITEBYTECODE set every start would compile them again.
bytecode:
	$(BIN)/python -m compileall -q geomap gazetteer benchmarks

# Re-pin after changing a dependency in pyproject.toml: resolve the ranges afresh in a venv of
# their own and keep every version installed there, transitive ones included. Commit the result.
constraints:
	rm -rf $(VENV).pins
	$(PYTHON) -m venv $(VENV).pins
	$(VENV).pins/bin/pip install --quiet --upgrade pip
	$(VENV).pins/bin/pip install --quiet '.[test]'
	{ grep '^#' constraints.txt; $(VENV).pins/bin/pip freeze --exclude geomap; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf $(VENV).pins

clean:
	rm -rf $(VENV) output/*.html
