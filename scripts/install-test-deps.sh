#!/usr/bin/env bash
# Python packages the test suite uses to cross-check Digits (model files open in Python's
# `safetensors`). Installed with pip for the current user when missing.
set -euo pipefail
python=${PYTHON:-python3}
if ! "$python" -c "import safetensors, numpy" 2>/dev/null; then
    "$python" -m pip install --quiet --disable-pip-version-check safetensors numpy
fi

# The browser tests (scripts/browser/test_pages.py): headless Chromium and its driver from
# Debian, Selenium from PyPI; each only when missing.
if ! command -v chromium >/dev/null || ! { command -v chromedriver >/dev/null || [ -x /usr/lib/chromium/chromedriver ]; }; then
    sudo_=""
    [ "$(id -u)" -ne 0 ] && sudo_="sudo"
    $sudo_ apt-get update -qq
    $sudo_ apt-get install -y -qq chromium chromium-driver
fi
if ! "$python" -c "import selenium" 2>/dev/null; then
    "$python" -m pip install --quiet --disable-pip-version-check selenium
fi
