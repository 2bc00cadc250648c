# kronika: `make demo` sets everything up and builds the bundled corpus; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
DB     ?= examples/serge.db

.PHONY: install demo test test-fast fuzz bench lock web clean

UV     := $(VENV)/bin/uv

# The installer is pinned too: the venv's own pip (whatever version python3 -m venv brings) installs only
# uv==<pinned>, checked by hash; uv then installs the hashed lock. A new upstream release cannot change this.
$(STAMP): requirements-bootstrap.txt requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq --disable-pip-version-check --no-deps --require-hashes -r requirements-bootstrap.txt
	$(UV) pip install --quiet --python $(PY) --require-hashes -r requirements.lock
	$(UV) pip install --quiet --python $(PY) --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP) web

# Front-end libraries for the web app, from the npm registry, pinned by package-lock.json.
web:
	@if [ -f src/kronika/serve/package-lock.json ] && command -v npm >/dev/null; then \
	  cd src/kronika/serve && npm ci --silent --no-audit --no-fund >/dev/null && node copy-vendor.js; \
	fi

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(VENV)/bin/kronika build examples/serge --db $(DB)
	$(VENV)/bin/kronika timeline "Victor Serge" --db $(DB)
	@echo
	@echo "The knowledge base is in $(DB); open it with any SQLite tool, or run: $(VENV)/bin/kronika serve --db $(DB)"

test: install
	$(PY) -m pytest -q -p no:cacheprovider

test-fast: install
	$(PY) -m pytest -q -p no:cacheprovider -m "not slow and not browser"

fuzz: install
	$(PY) -m pip install --quiet atheris
	$(PY) tests/fuzz/fuzz_ingest.py -max_total_time=60
	$(PY) tests/fuzz/fuzz_time.py -max_total_time=60

bench: install
	$(PY) bench/run_all.py

# Regenerate the hashed lock from pyproject.toml (needs network access to the package index).
lock: $(STAMP)
	$(UV) pip compile pyproject.toml requirements-build.in --extra test --extra dask --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) src/*.egg-info examples/serge.db*
