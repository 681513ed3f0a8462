# Every command a contributor or CI needs. `make build` and `make test` set up
# everything themselves on a machine with Python 3.11+, make and Node.js.
PYTHON ?= python3
# The lock the virtualenv installs: `test` (the build, the tests and the linters) by default; `build`
# (what building the site needs, nothing more: the deploy's `make build LOCK=build`) in .venv-build/.
LOCK ?= test
VENV := $(if $(filter build,$(LOCK)),.venv-build,.venv)
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# The generator: mkdocs (MkDocs 1.6.1) or properdocs (ProperDocs, its maintained continuation; README,
# "The generator's future"). Exported: the tests' builds use the same one.
export GENERATOR ?= mkdocs
ifeq ($(filter $(GENERATOR),mkdocs properdocs),)
$(error GENERATOR is "$(GENERATOR)": it must be mkdocs or properdocs)
endif
# `make test PYTEST_ARGS=tests/test_build.py` runs part of the tests.
PYTEST_ARGS ?=
# Where the preview listens; override with `make serve ADDR=0.0.0.0:8000`.
ADDR ?= 127.0.0.1:8000
# Material's end-of-life banner is printed at every build; the README says it once.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test test-quick lint check i18n-status bench mutate lock clean

# The virtualenv is rebuilt whenever the lock files change.
$(READY): requirements/$(LOCK).txt package-lock.json pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/$(LOCK).txt
	@# The project's own packages (alliance/, hooks/), importable from the hooks, scripts and tests.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Builds every language into site/; on any error site/ is left as it was.
build: $(READY)
	@rm -rf site.tmp
	$(BIN)/$(GENERATOR) build --strict --config-file mkdocs.yml --site-dir site.tmp || { rm -rf site.tmp; exit 1; }
	@rm -rf site && mv site.tmp site
	@echo "Site built in site/ (open site/index.html, or run: make serve)"

# The preview answers at http://$(ADDR)/ and rebuilds when content/, data/ or theme/ change. Ctrl-C
# stops it; `exec` makes the server make's own child, so a signal to make (kill) stops it too.
serve: $(READY)
	SITE_URL=http://$(ADDR)/ exec $(BIN)/$(GENERATOR) serve --config-file mkdocs.yml --strict --dev-addr $(ADDR) --watch data --watch theme

# Every rule the build enforces (data, pages, translations, links, file kinds), by the build's own
# code (alliance/assembly/sitecheck.py), faster than a build; reports every problem in one run.
check: $(READY)
	$(BIN)/python -m scripts.check

# Which pages and data texts are translated, missing or older than French; always exits 0.
i18n-status: $(READY)
	@$(BIN)/python -m scripts.i18n_status

# Every test, after the static checks, on every core (pytest-xdist); one line per test, so that the
# browser checks show their progress; the slowest tests are listed at the end.
test: lint
	$(BIN)/python -m pytest -n auto --dist worksteal -o verbosity_test_cases=1 --durations=15 $(PYTEST_ARGS)

# The tests write Python's bytecode caches (git-ignored) even where PYTHONDONTWRITEBYTECODE is set (an
# empty value unsets it): without them each xdist worker rewrites the tests' assertions and compiles
# the project again, about 2 s of CPU each.
test test-quick: export PYTHONDONTWRITEBYTECODE :=

# The loop while editing, in seconds: the unit tests (no site build, no browser, no fuzzing), then make check.
# `make test` stays the full suite, which CI runs.
test-quick: $(READY)
	$(BIN)/python -m pytest -n auto -q -m "not site_build and not fuzz" $(PYTEST_ARGS)
	$(MAKE) --no-print-directory check

# Static checks: ruff (lint and format), mypy, deptry (imports match the declared dependencies),
# vulture (code nothing uses) and zizmor (the GitHub workflows); their settings are in pyproject.toml.
lint: $(READY)
	$(BIN)/ruff check --quiet
	$(BIN)/ruff format --check --quiet
	$(BIN)/mypy
	$(BIN)/deptry --no-ansi .
	$(BIN)/vulture
	$(BIN)/zizmor --offline --quiet --collect=workflows --collect=dependabot .github

bench: $(READY)
	$(BIN)/python -m scripts.bench

# Mutation testing ([tool.mutmut] in pyproject.toml): each mutant of the listed modules against their
# unit tests, then the score per module; exits 1 while a survivor is neither killed nor explained.
# MUTANTS: a part of the modules, as patterns of mutant names ("alliance.pages.*"); all of them when empty.
mutate: $(READY)
	$(BIN)/mutmut run --max-children 2 $(foreach pattern,$(MUTANTS),'$(pattern)') > /dev/null
	$(BIN)/python -m scripts.mutation_score

# Regenerates the lock files after a change of pyproject.toml or package.json: requirements/build.txt
# (the dependencies and the `build` group), then requirements/test.txt (those same versions, plus the
# `test` and `tools` groups).
PIP_COMPILE = $(BIN)/pip-compile --quiet --allow-unsafe --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip-tools
	$(PYTHON) scripts/dependency_groups.py build \
		| $(PIP_COMPILE) --output-file=requirements/build.txt pyproject.toml -
	$(PYTHON) scripts/dependency_groups.py build test tools \
		| $(PIP_COMPILE) --constraint=requirements/build.txt --output-file=requirements/test.txt pyproject.toml -
	npm install --package-lock-only --no-audit --no-fund

clean:
	rm -rf .venv .venv-build node_modules site site.tmp mutants .cache
