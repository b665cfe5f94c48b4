#!/usr/bin/env bash
# Runs every benchmark (bench/**/*.bench-run.ts, as Vitest files in plain Node, one at a time),
# writes one JSON line per figure to bench/results/latest.jsonl and prints those lines on stdout
# (Vitest's progress goes to stderr). Figures are printed, never asserted: the run fails only
# when a bench itself breaks. Extra arguments go to Vitest, e.g. `npm run bench -- library`.
#   BENCH_SKIP_BUILD=1  do not (re)build out/ for the renderer figure
#   BENCH_POSTS=N       fixture size (default 100000; cached per size in bench/results/.cache/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
results=bench/results
cache="$results/.cache"
mkdir -p "$cache"
: >"$results/latest.jsonl"

# The renderer figure needs a current production build: build when out/renderer is missing or
# older than its sources or the build config. A failed build is reported as a missing figure.
build_log="$PWD/$cache/electron-vite-build.log"
status=up-to-date
if [ "${BENCH_SKIP_BUILD:-}" = 1 ]; then
  status=skipped
elif [ ! -f out/renderer/index.html ] ||
  [ -n "$(find src/renderer electron.vite.config.ts -newer out/renderer/index.html -print -quit)" ]; then
  echo "bench: building with electron-vite (log: ${build_log#"$PWD/"})" >&2
  if npx --no-install electron-vite build >"$build_log" 2>&1; then status=built; else status=failed; fi
fi
[ "$status" = skipped ] || export BENCH_RENDERER_BUILD="$status" BENCH_RENDERER_BUILD_LOG="$build_log"

set +e
npx --no-install vitest run --config bench/vitest.bench.config.ts "$@" >&2
code=$?
set -e
cat "$results/latest.jsonl"
exit "$code"
