#!/usr/bin/env bash
# Readability of the statements verklaar writes: Flesch-Douma (goal ≥ 65, B1) and words per
# sentence (goal ≤ 15) per organisation, and the longest sentences.
#   scripts/readability.sh [FILE.yaml…]   (default: organisations/*.yaml and the je reference)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -eq 0 ]]; then
  set -- organisations/*.yaml tests/fixtures/statements/*.yaml
fi
exec cargo run --release --quiet --example readability -- "$@"
