# Every target installs what it needs into .venv (created on first use with the machine's python3).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
UPSTREAM ?= ../shared/reference/cekura-openapi.json

.PHONY: install generate check-generated test typecheck record bench vendor-check lint drift demo clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

generate: $(STAMP)
	$(BIN)/python scripts/generate.py

check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check

test: $(STAMP)
	$(BIN)/python -m pytest -q

typecheck: $(STAMP)
	$(BIN)/python -m mypy --cache-dir "$${TMPDIR:-/tmp}/cekura-mypy-cache" cekura

record: $(STAMP)
	$(BIN)/python scripts/record.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

# the vendor's client (cekura 1.6.7, own venv) against `cekura sandbox serve`
vendor-check: $(STAMP)
	$(BIN)/python bench/vendor_check.py

lint: $(STAMP)
	$(BIN)/ruff check cekura scripts tests
	$(BIN)/python -c "import yaml, openapi_spec_validator as v; v.validate(yaml.safe_load(open('openapi/cekura-metrics.yaml')))"

drift: $(STAMP)
	$(BIN)/python scripts/drift.py $(UPSTREAM)

demo: $(STAMP)
	$(BIN)/cekura --sandbox predefined-metrics list

clean:
	rm -rf $(VENV) build *.egg-info
