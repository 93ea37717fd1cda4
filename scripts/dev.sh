#!/usr/bin/env bash
# One entry point for a fresh machine: installs what jixiao needs, then runs a job.
#   bash scripts/dev.sh demo   - the web app with demo data on SQLite (prints URL and logins)
#   bash scripts/dev.sh test   - the whole test suite (SQLite, and PostgreSQL when it answers)
#   bash scripts/dev.sh setup  - only the installation
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=${JIXIAO_VENV:-$ROOT/.venv}
PY=${PYTHON:-python3}

# Debian packages: Chromium for browser tests, poppler for PDF->PNG/text, Noto CJK for PDF
# output, Pango for WeasyPrint, LibreOffice for the accuracy benchmark's renditions.
APT_PACKAGES="chromium poppler-utils fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext"

need_apt() {
  for p in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || return 0
  done
  return 1
}

setup() {
  if command -v apt-get >/dev/null 2>&1 && need_apt; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing Debian packages: $APT_PACKAGES"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $APT_PACKAGES >/dev/null
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating virtual environment $VENV"
    "$PY" -m venv "$VENV"
  fi
  stamp="$VENV/.jixiao-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing jixiao and its Python dependencies"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[dev]"
    touch "$stamp"
  fi
}

pg_url() {
  # PostgreSQL on 127.0.0.1:5432 (trust auth, database test), when it answers.
  "$VENV/bin/python" - <<'PY' 2>/dev/null
import psycopg
try:
    psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", connect_timeout=3).close()
    print("postgresql://postgres@127.0.0.1:5432/test")
except Exception:
    pass
PY
}

case "${1:-}" in
  setup) setup ;;
  demo)
    setup
    shift
    exec "$VENV/bin/jixiao" serve --demo "$@"
    ;;
  test)
    setup
    shift
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    "$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
    url=$(pg_url || true)
    if [ -n "$url" ] && [ -z "${DATABASE_URL:-}" ] && [ -d tests/web ]; then
      echo "== PostgreSQL: the database-backed tests again against $url"
      DATABASE_URL="$url" "$VENV/bin/python" -m pytest -p no:cacheprovider -m "not browser" tests/web "$@"
    fi
    ;;
  *)
    echo "usage: bash scripts/dev.sh demo|test|setup" >&2
    exit 2
    ;;
esac
