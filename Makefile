# auditor — common tasks. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install demo test bench bench-accuracy bench-speed bench-roundtrip bench-qe bench-names clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,hf,ct2]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/auditor check samples/ --fail-on never

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: bench-accuracy bench-speed bench-roundtrip bench-qe bench-names

bench-accuracy: $(STAMP)
	$(BIN)/python bench/accuracy.py

bench-speed: $(STAMP)
	$(BIN)/python bench/speed.py

bench-roundtrip: $(STAMP)
	$(BIN)/python bench/roundtrip.py

bench-qe: $(STAMP)
	$(BIN)/python bench/qe.py

bench-names: $(STAMP)
	$(BIN)/python bench/names.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
