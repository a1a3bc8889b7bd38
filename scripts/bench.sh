#!/usr/bin/env bash
# Micro-benchmarks of verklaar per stage (divan: load, lint, compose, report, HTML, PDF) and
# the whole CLI run over organisations/ (hyperfine when installed). The comparison with the
# Python peers on a generated corpus is scripts/bench. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench lint
cargo bench --bench render
cargo build --release --quiet
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 'target/release/verklaar lint organisations --exit-zero --format json'
else
  echo "(install hyperfine for the end-to-end timing: apt-get install hyperfine)"
fi
