#!/usr/bin/env bash
# Installs what the test run needs from Debian when it is missing: a PostgreSQL server (the API
# suite runs on it as well as on the embedded database), Chromium (browser tests) and a CJK font
# (so screenshots show Chinese). Needs root and apt; otherwise it says what to install.
set -euo pipefail

need=()
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need+=(postgresql); fi
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if ! fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk'; then need+=(fonts-wqy-microhei); fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${need[*]}. Install them (Debian/Ubuntu: sudo apt-get install -y ${need[*]}) and run again." >&2
  exit 1
fi
echo "Installing from apt: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || true
# The cluster is created per test run; the package's own cluster and service are not used.
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
