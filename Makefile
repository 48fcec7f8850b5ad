# auditor — common tasks. `make demo` and `make test` work on a fresh machine.
# `make demo` installs the light core only (about 20 s); `make test` adds the extras the tests
# exercise (transformers, torch, CTranslate2, spaCy), which users install only when they want them.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
CORE    = $(VENV)/.core-installed
STAMP   = $(VENV)/.installed

.PHONY: install install-core demo test bench bench-accuracy bench-speed bench-roundtrip bench-qe bench-names clean

$(CORE): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $(CORE)

$(STAMP): $(CORE)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,hf,ct2,serve,batch]'
	touch $(STAMP)

install-core: $(CORE)

install: $(STAMP)

demo: $(CORE)
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
