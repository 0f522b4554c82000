#!/usr/bin/env bash
# Installs the system packages Digits builds and tests against, when they are missing.
# Debian/Ubuntu only; runs apt-get as root (or through passwordless sudo) and otherwise
# prints the command for you to run. Set DIGITS_NO_INSTALL=1 to only check.
set -euo pipefail

packages=(pkg-config libopenblas-dev zlib1g-dev libcurl4 libpng-dev libjpeg-dev libwebp-dev libtiff-dev libheif-dev libsqlite3-dev)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Missing system packages: ${missing[*]}"
if [ "${DIGITS_NO_INSTALL:-0}" = 1 ]; then
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
