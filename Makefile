# Two commands on a fresh machine: `make demo` and `make test`. Both are idempotent: each
# install step leaves a stamp in .venv and is skipped while its inputs are unchanged.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
SEED   := seeds/000_4d4a1b028e6d6d4a.txt

.PHONY: demo test lint bench reproduce clean
DATA   ?= ../shared/data

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

# The shipped model, from the clean corpora (see README: about 90 minutes on 2 CPU cores).
reproduce: $(VENV)/.installed
	$(VENV)/bin/mtqe corrupt --corpus $(DATA)/train/reuters21578.jsonl $(DATA)/train/wmt_news_en.jsonl \
		--config configs/corrupt-v1.json --out runs/corpus-v1
	$(VENV)/bin/mtqe train --config configs/news-v1.json --data runs/corpus-v1 \
		--dev $(DATA)/dev/mqm_zhen_2020.jsonl.gz --out models/news-v1-synth
	$(VENV)/bin/mtqe finetune --model models/news-v1-synth --config configs/finetune-v1.json \
		--data $(DATA)/dev/mqm_zhen_2020.jsonl.gz --out models/news-v1

clean:
	rm -rf $(VENV) build *.egg-info
