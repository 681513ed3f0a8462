# Every command a contributor or CI needs. `make build` and `make test` set up
# everything themselves on a machine with Python 3.11+, make and Node.js.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# Where the preview listens; override with `make serve ADDR=0.0.0.0:8000`.
ADDR ?= 127.0.0.1:8000
# Material's end-of-life banner is printed at every build; the README says it once.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test check i18n-status bench mutate lock clean

# The virtualenv is rebuilt whenever the lock files change.
$(READY): requirements.lock package-lock.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@# The project's own modules (alliance/) are importable from the hooks and scripts.
	@$(BIN)/python -c 'import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()["purelib"], "alliance_site.pth").write_text(str(pathlib.Path.cwd()) + "\n")'
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Builds every language into site/; on any error site/ is left as it was.
build: $(READY)
	@rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp || { rm -rf site.tmp; exit 1; }
	@rm -rf site && mv site.tmp site
	@echo "Site built in site/ (open site/index.html, or run: make serve)"

# The preview answers at http://$(ADDR)/ and rebuilds when content/, data/ or theme/ change.
serve: $(READY)
	SITE_URL=http://$(ADDR)/ $(BIN)/mkdocs serve --strict --dev-addr $(ADDR) --watch data --watch theme

# Validates data/ and the translations' structure, faster than a build; exits 1 on the first report.
check: $(READY)
	$(BIN)/python -m scripts.check_data
	$(BIN)/python -m scripts.check_translations

# Which pages and data texts are translated, missing or older than French; always exits 0.
i18n-status: $(READY)
	@$(BIN)/python -m scripts.i18n_status

test: $(READY)
	$(BIN)/python -m pytest

bench: $(READY)
	$(BIN)/python -m scripts.bench

# Mutation testing ([tool.mutmut] in pyproject.toml): each mutant of the listed modules against their
# unit tests, then the score per module; exits 1 while a survivor is neither killed nor explained.
mutate: $(READY)
	$(BIN)/mutmut run --max-children 2 > /dev/null
	$(BIN)/python -m scripts.mutation_score

# Regenerates the lock files after a change of pyproject.toml or package.json.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --allow-unsafe --extra=test --generate-hashes --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file=requirements.lock pyproject.toml
	npm install --package-lock-only --no-audit --no-fund

clean:
	rm -rf $(VENV) node_modules site site.tmp mutants
