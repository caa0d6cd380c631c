#!/usr/bin/env bash
# The side-by-side benchmark on a many-core machine that has no Swift toolchain and no network.
#
#   scripts/many_core_bench.sh pack   # here: fills .many-core/ (ignored by git, about 40 MB)
#   scripts/many_core_bench.sh run    # there, from the repository's root, with .many-core/
#
# `pack` builds `diplograph` in release mode with the Swift standard library linked in
# statically, strips and compresses it, copies the shared libraries it still links (Graphviz,
# zlib, the C++ runtime; not the C library) beside it, the peer benchmark's generator and
# DuckDB script (../shared/bench), and downloads a DuckDB wheel for CPython 3.12.
#
# `run` unpacks them under /tmp, generates ACTIONS actions among ACTORS actors (default 10M and
# 2,000, seed 42; gen_actions.py takes about a minute per 10M), and runs
# scripts/bench_side_by_side.py with `--threads` 1, 2, 4, … up to the cores, RUNS runs each
# (default 3), beside DuckDB on all threads (the wheel's, or DUCKDB_PYTHON's). The tables go to
# standard output and, when OUT is set, to $OUT/many_core.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pack=$root/.many-core

case "${1:-}" in
pack)
  cd "$root"
  rm -rf "$pack"
  mkdir -p "$pack/lib" "$pack/wheels"
  swift build -c release --static-swift-stdlib --product diplograph
  strip -o "$pack/diplograph" .build/release/diplograph
  xz -T0 -6 -f "$pack/diplograph"
  # Every shared library the binary resolves, but the C library's own.
  ldd .build/release/diplograph | awk '$3 ~ /^\// { print $3 }' |
    grep -Ev '/(libc|libm|libpthread|libdl|librt)\.so|/ld-linux' |
    while read -r lib; do cp -L "$lib" "$pack/lib/"; done
  cp "$root/../shared/bench/gen_actions.py" "$root/../shared/bench/anchors_columnar.py" "$pack/"
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 \
    --implementation cp --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 \
    --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
    -d "$pack/wheels" "duckdb==${DUCKDB_VERSION:-1.5.6}"
  du -sh "$pack"
  ;;
run)
  [ -f "$pack/diplograph.xz" ] || {
    echo "many_core_bench: no $pack/diplograph.xz; run '$0 pack' first" >&2
    exit 2
  }
  work=/tmp/many-core
  mkdir -p "$work"
  xz -dc "$pack/diplograph.xz" >"$work/diplograph"
  chmod +x "$work/diplograph"
  export LD_LIBRARY_PATH="$pack/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  "$work/diplograph" --version >/dev/null
  # DuckDB from the wheel, unless DUCKDB_PYTHON names a Python that has it.
  duckdb_python=${DUCKDB_PYTHON:-}
  if [ -z "$duckdb_python" ]; then
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
      --target "$work/site" "$pack"/wheels/*.whl
    export PYTHONPATH="$work/site${PYTHONPATH:+:$PYTHONPATH}"
    duckdb_python=python3
  fi
  actions=${ACTIONS:-10000000}
  actors=${ACTORS:-2000}
  data="$work/n${actions}_k${actors}"
  [ -f "$data/actions.csv" ] ||
    python3 "$pack/gen_actions.py" --actions "$actions" --actors "$actors" --seed 42 --out "$data"
  cores=$(nproc)
  threads=""
  for ((t = 1; t < cores; t *= 2)); do threads="$threads $t"; done
  threads="$threads $cores"
  {
    echo "$(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $cores cores"
    # shellcheck disable=SC2086 # the thread counts are separate arguments
    python3 "$root/scripts/bench_side_by_side.py" --data "$data" --after "$work/diplograph" \
      --threads $threads --runs "${RUNS:-3}" --duckdb-python "$duckdb_python" \
      --columnar "$pack/anchors_columnar.py" --scratch "$work/out.json"
  } | tee "${OUT:-$work}/many_core.md"
  ;;
*)
  echo "usage: $0 pack|run" >&2
  exit 2
  ;;
esac
