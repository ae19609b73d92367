#!/usr/bin/env bash
# Builds the flow board and analytics pages from web/ into services/Tracking/PatientFlow.Tracking/wwwroot/.
# Does nothing when the built pages are newer than every source. Installs Debian's nodejs and npm when npm is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

web=web
output=services/Tracking/PatientFlow.Tracking/wwwroot
# The build writes index.html last, so its time is the time of the whole build.
stamp="$output/index.html"

up_to_date() {
    local file
    for file in "$stamp" "$output/analytics.html" "$output/assets/board.js" "$output/assets/analytics.js" "$output/assets/styles.css"; do
        [ -f "$file" ] || return 1
    done
    [ -z "$(find "$web/src" "$web/build.mjs" "$web/package.json" "$web/package-lock.json" -newer "$stamp" -print -quit)" ]
}

if up_to_date; then
    exit 0
fi

if ! command -v npm >/dev/null; then
    as_root=()
    [ "$(id -u)" -ne 0 ] && as_root=(sudo)
    echo "installing nodejs npm" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! "${as_root[@]}" apt-get install -y --no-install-recommends nodejs npm >/dev/null 2>&1; then
        "${as_root[@]}" apt-get update -qq
        "${as_root[@]}" apt-get install -y --no-install-recommends nodejs npm
    fi
fi

echo "Building the web pages..."
cd "$web"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
