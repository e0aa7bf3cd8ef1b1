#!/usr/bin/env bash
# Install everything the test suite needs and run it: lint, then all tests,
# database tests on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_DEBS="libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils"
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    missing=$(for p in $QT_DEBS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
    if [ -n "$missing" ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq $missing >/dev/null
    fi
fi

python3 -m pip install -q --disable-pip-version-check -e ".[test]"

# The PostgreSQL half of the database tests: the local server, database "test".
export LOANDESK_TEST_DATABASE_URL="${LOANDESK_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
if [[ "$LOANDESK_TEST_DATABASE_URL" == *127.0.0.1* ]] && command -v pg_ctlcluster >/dev/null \
        && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
fi
python3 - <<'PY'
import os, sys
import psycopg
url = os.environ["LOANDESK_TEST_DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://")
try:
    psycopg.connect(url, connect_timeout=10).close()
except Exception as exc:
    sys.exit(f"PostgreSQL for the database tests is unreachable ({exc}); the suite needs it.")
PY

export QT_QPA_PLATFORM=offscreen
python3 -m ruff check .
python3 -m pytest -q "$@"
