#!/usr/bin/env bash
# HTML checks of a generated verklaar site: the Nu HTML Checker (vnu), axe-core in headless
# Chromium and a reflow check (no sideways scrolling at 390 px and 1280 px, reflow.mjs), on every
# page and every fragment. Installs what it needs on a fresh Debian machine:
# Debian's chromium (apt) when /usr/bin/chromium is missing, and the npm packages pinned in
# package-lock.json (npm ci, skipped when node_modules already matches the lock file).
#
#   ci/html-checks/run.sh SITE_DIR
#
# REFLOW_SCREENSHOTS=DIR (environment) also writes a full-page PNG of every page at both widths.
# Exits non-zero when a check fails. Needs java (vnu.jar) and node/npm on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
site="${1:?usage: ci/html-checks/run.sh SITE_DIR}"
site="$(cd "$site" && pwd)"

if [[ ! -x /usr/bin/chromium && -z "${CHROMIUM:-}" ]]; then
  echo "== html-checks: installing Debian's chromium (apt-get)"
  t0=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  echo "chromium installed in $((SECONDS - t0)) s"
fi
"${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null || true
java -version 2>&1 | head -1

# npm ci from the lock file. --ignore-scripts: none of the packages needs an install script, and
# vnu-jar's would look for (and could try to download) a Java runtime; the machine has Java.
stamp="$here/node_modules/.verklaar-lock.sha256"
want="$(cat "$here/package-lock.json" "$here/package.json" | sha256sum | cut -d' ' -f1) node-$(node --version)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -f "$here/node_modules/vnu-jar/build/dist/vnu.jar" ]]; then
  echo "== html-checks: node_modules matches package-lock.json, npm ci skipped"
else
  echo "== html-checks: npm ci (vnu-jar, playwright-core, @axe-core/playwright)"
  t0=$SECONDS
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error)
  echo "$want" >"$stamp"
  echo "npm ci took $((SECONDS - t0)) s"
fi

status=0
echo "== html-checks: Nu HTML Checker (vnu --errors-only) on every page and fragment of $site"
t0=$SECONDS
node "$here/vnu.mjs" "$site" || status=1
echo "vnu took $((SECONDS - t0)) s"

echo "== html-checks: axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) in headless Chromium on every page and fragment"
t0=$SECONDS
node "$here/axe.mjs" "$site" || status=1
echo "axe took $((SECONDS - t0)) s"

echo "== html-checks: reflow in headless Chromium at 390 px and 1280 px on every page and fragment (no sideways scrolling, nothing beyond the right edge)"
t0=$SECONDS
node "$here/reflow.mjs" "$site" ${REFLOW_SCREENSHOTS:+"--screenshots=$REFLOW_SCREENSHOTS"} || status=1
echo "reflow took $((SECONDS - t0)) s"

if [[ $status -ne 0 ]]; then
  echo "== html-checks: FAILED (see the errors, violations and overflowing elements above)"
else
  echo "== html-checks: passed"
fi
exit "$status"
