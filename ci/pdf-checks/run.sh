#!/usr/bin/env bash
# PDF checks for a built site: installs poppler-utils (pdftotext) and pypdf when missing,
# then runs check.py. Usage: bash ci/pdf-checks/run.sh SITE_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
site="$1"
if ! command -v pdftotext >/dev/null; then
  echo "== pdf-checks: installing poppler-utils"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi
venv="${PDF_CHECKS_VENV:-$HOME/.cache/verklaar-pdf-checks}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pypdf" 2>/dev/null; then
  echo "== pdf-checks: installing pypdf"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pypdf==5.1.0"
fi
echo "== pdf-checks: section order (pdftotext), tagging, /Lang, title, embedded fonts, word boxes in the text area"
"$venv/bin/python" "$here/check.py" "$site"
