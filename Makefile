# Two commands on a fresh machine: `make demo` and `make test`. Both are idempotent: each
# install step leaves a stamp in .venv and is skipped while its inputs are unchanged.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
SEED   := seeds/000_4d4a1b028e6d6d4a.txt

.PHONY: demo test lint bench clean

demo: $(VENV)/.installed
	$(VENV)/bin/mtqe check $(SEED)

test: $(VENV)/.installed
	$(VENV)/bin/pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check mtqe tests bench

bench: $(VENV)/.installed
	$(PY) bench/checks_speed.py

$(PY):
	$(PYTHON) -m venv $(VENV)

# CPU torch first, pinned: a bare `torch` requirement would pull a multi-GB CUDA build.
$(VENV)/.torch: | $(PY)
	$(PIP) install torch==2.13.0
	touch $@

$(VENV)/.installed: $(VENV)/.torch pyproject.toml
	$(PIP) install -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info
