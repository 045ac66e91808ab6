# Two commands do all set-up on a fresh Debian machine: `make site` and `make test`.
# Python packages go into .venv (reinstalled only when pyproject.toml changes);
# Debian packages are installed with apt when run as root and missing,
# otherwise the exact command is printed and make stops.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

SITE_DEBS := fonts-noto-cjk fonts-arphic-ukai libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_DEBS := $(SITE_DEBS) chromium nginx-light poppler-utils default-jre-headless rsync openssh-server openssh-client

.PHONY: site test check bench lint clean debs-site debs-test

site: $(STAMP) debs-site
	$(PY) -m generator build

check: $(STAMP)
	$(PY) -m generator check

test: $(STAMP) debs-test
	$(PY) -m ruff check generator tests
	$(PY) -m pytest

bench: $(STAMP) debs-site
	$(PY) -m generator bench

lint: $(STAMP)
	$(PY) -m ruff check generator tests

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "需要 Python 的 venv 模块 / Python venv is missing:"; \
	  echo "  sudo apt-get install -y python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

debs-site:
	@$(MAKE) --no-print-directory _debs DEBS="$(SITE_DEBS)"

debs-test:
	@$(MAKE) --no-print-directory _debs DEBS="$(TEST_DEBS)"

_debs:
	@missing=""; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "安装系统软件包 / installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "缺少系统软件包，请运行 / missing Debian packages, run:"; \
	    echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf .cache .pytest_cache .ruff_cache
