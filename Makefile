# Two commands a newcomer needs: `make run` and `make test`. Every target creates .venv if missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: run test bench lint install-desktop clean

# The base install (app only) and the test install are tracked by stamp files so that
# editing pyproject.toml triggers a reinstall and nothing else does.
$(VENV)/.base-installed: pyproject.toml
	@sh tools/check-python.sh $(PYTHON)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-installed: $(VENV)/.base-installed
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

run: $(VENV)/.base-installed
	@$(PY) -m desktop_app.qt_check
	$(PY) main.py $(ARGS)

test: $(VENV)/.test-installed
	$(PY) -m ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks $(ARGS)

lint: $(VENV)/.test-installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

install-desktop: $(VENV)/.base-installed
	$(PY) -m desktop_app.install_desktop

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
