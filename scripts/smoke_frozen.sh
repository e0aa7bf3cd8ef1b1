#!/usr/bin/env bash
# Build the frozen one-folder program for this platform and run its own checks
# (`--version` and `--self-test`). Slow (a full PyInstaller build, about a
# minute on two cores), so it is not part of the pytest run.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install -q --disable-pip-version-check -e ".[build]"
export QT_QPA_PLATFORM=offscreen
python3 installer/build.py --smoke "$@"
