#!/usr/bin/env bash
# Chromium for the browser tests (tests/browser): Debian's `chromium` package, driven by
# Playwright through its executable path. Playwright never downloads a browser here.
#
# Idempotent: does nothing when Chromium is installed. As root it installs the package
# with apt-get; otherwise it prints how to install it and exits 0 (the browser tests then
# skip with the same instruction, except under CI=true, where they fail).
set -euo pipefail

# The same words as the browser tests' skip reason (tests/browser/conftest.py).
HINT="Chromium is not installed, so the browser tests cannot run. Install it with: sudo bash scripts/install-browser.sh (or: sudo apt-get install chromium)"

find_chromium() {
    command -v chromium 2>/dev/null || { [ -x /usr/bin/chromium ] && echo /usr/bin/chromium; }
}

if path=$(find_chromium); then
    echo "Chromium is installed: $path ($("$path" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "$HINT"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-get is not available: install Chromium with this system's package manager." >&2
    echo "$HINT" >&2
    exit 1
fi

echo "Installing Chromium (apt-get install chromium)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium

if ! path=$(find_chromium); then
    echo "apt-get finished but no chromium executable was found." >&2
    exit 1
fi
echo "Chromium is installed: $path ($("$path" --version 2>/dev/null || echo 'version unknown'))"
