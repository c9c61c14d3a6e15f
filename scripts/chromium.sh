#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/Web.Tests). Source this file, then:
#   chromium_ensure   # installs the `chromium` package when /usr/bin/chromium is missing
# Playwright drives this browser by its path and never downloads one of its own.
# Uses apt_install from scripts/postgres.sh (source that first).

CHROMIUM_PATH=/usr/bin/chromium

chromium_ensure() {
  if [[ -x $CHROMIUM_PATH ]]; then
    return 0
  fi
  echo "Chromium not found at $CHROMIUM_PATH; installing the chromium package." >&2
  apt_install chromium
  [[ -x $CHROMIUM_PATH ]] || { echo "error: $CHROMIUM_PATH still missing after installing chromium" >&2; return 1; }
}
