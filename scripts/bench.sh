#!/usr/bin/env bash
# Benchmarks of verklaar: per-organisation load and lint (divan), and the whole CLI run over
# organisations/ (hyperfine when installed). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench lint
cargo build --release --quiet
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 'target/release/verklaar lint organisations --exit-zero --format json'
else
  echo "(install hyperfine for the end-to-end timing: apt-get install hyperfine)"
fi
