#!/usr/bin/env bash
# Python packages the test suite uses to cross-check Digits (model files open in Python's
# `safetensors`). Installed with pip for the current user when missing.
set -euo pipefail
python=${PYTHON:-python3}
if ! "$python" -c "import safetensors, numpy" 2>/dev/null; then
    "$python" -m pip install --quiet --disable-pip-version-check safetensors numpy
fi
