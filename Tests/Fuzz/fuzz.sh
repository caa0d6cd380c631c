#!/bin/sh
# `make fuzz`: builds the fuzz targets with libFuzzer and AddressSanitizer (a release build in
# .build-fuzz, apart from the normal one) and runs each for a bounded time on a working copy of
# its seed corpus. Fails on any crash, trap, failed check, sanitizer or leak report, timeout or
# memory blow-up; the input that caused it is saved under fuzz-artifacts/.
#
#   Tests/Fuzz/fuzz.sh [SECONDS]            each target for SECONDS (default 60)
#   Tests/Fuzz/fuzz.sh --if-supported 5     the same, but a toolchain that cannot build with
#                                           -sanitize=fuzzer is skipped with a note (make test)
#   FUZZ_TARGETS="csv" Tests/Fuzz/fuzz.sh   some targets only (json, csv, render, style, events)
#   FUZZ_JOBS=2 Tests/Fuzz/fuzz.sh 600      run the targets two at a time
set -eu

if_supported=false
if [ "${1:-}" = "--if-supported" ]; then
  if_supported=true
  shift
fi
seconds=${1:-60}
targets=${FUZZ_TARGETS:-json csv render style events}
jobs=${FUZZ_JOBS:-1}
swift=${SWIFT:-swift}
build=.build-fuzz
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

product() {
  case $1 in
    json) echo FuzzJSON ;;
    csv) echo FuzzCSV ;;
    render) echo FuzzRender ;;
    style) echo FuzzStyle ;;
    events) echo FuzzEvents ;;
    *) echo "fuzz: unknown target $1 (json, csv, render, style, events)" >&2; exit 2 ;;
  esac
}

mkdir -p "$build"
if $if_supported; then
  # libFuzzer comes with the toolchain's clang runtime: try it on a one-line target.
  probe="$build/probe"
  mkdir -p "$probe"
  printf '%s\n' '@_cdecl("LLVMFuzzerTestOneInput")' \
    'public func probe(_ d: UnsafePointer<UInt8>?, _ n: Int) -> CInt { 0 }' >"$probe/probe.swift"
  if ! "${swift}c" -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" \
    -o "$probe/probe" >"$probe/log" 2>&1
  then
    echo "fuzz: skipped: this toolchain cannot build with -sanitize=fuzzer,address" \
      "(see $probe/log)"
    exit 0
  fi
fi
for target in $targets; do
  echo "fuzz: building $(product "$target") (release, -sanitize=fuzzer,address)"
  if ! "$swift" build -c release --build-path "$build" -Xswiftc -sanitize=fuzzer,address \
    -Xswiftc -DFUZZING --product "$(product "$target")" >"$build/build.log" 2>&1
  then
    # The linker's warnings about ASan's local symbols are noise; show the rest.
    grep -v "Cannot export local symbol" "$build/build.log" >&2
    echo "fuzz: the build failed" >&2
    exit 1
  fi
done

# The render target sends crash-prone layouts to the layout helper, a program of its own: built
# without the sanitizers (libFuzzer brings its own main, which a program cannot link beside its
# own), found through DIPLOGRAPH_LAYOUT.
case " $targets " in
  *" render "*)
    if ! "$swift" build --product diplograph-layout >"$build/helper.log" 2>&1; then
      cat "$build/helper.log" >&2
      echo "fuzz: the layout helper did not build" >&2
      exit 1
    fi
    DIPLOGRAPH_LAYOUT="$("$swift" build --show-bin-path)/diplograph-layout"
    export DIPLOGRAPH_LAYOUT
    ;;
esac

# Graphviz 2.43 leaks on purpose in places (global caches, the HTML-label parser); those leaks
# are suppressed by name, ours are not (Tests/Fuzz/lsan.supp).
# A finding's own report is enough: the Swift runtime's backtracer, reading memory under ASan,
# only adds noise. A small quarantine (freed memory kept poisoned, 256 MB by default) keeps
# use-after-free detection for recent frees, and spares each input the page faults of fresh
# memory: 460 → 120 MB resident, about twice the runs a second.
export SWIFT_BACKTRACE="enable=no"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:handle_abort=1:quarantine_size_mb=16:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$root/Tests/Fuzz/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"

# One libFuzzer run of a target: `fuzz TARGET SECONDS [OPTIONS...]` (0 seconds: replay the
# corpus only).
fuzz() {
  target=$1
  limit=$2
  shift 2
  work="$build/corpus/$target"
  mkdir -p "$work"
  dict=""
  if [ -f "Tests/Fuzz/$target.dict" ]; then dict="-dict=Tests/Fuzz/$target.dict"; fi
  time_or_runs="-max_total_time=$limit"
  if [ "$limit" = 0 ]; then time_or_runs="-runs=0"; fi
  # New inputs go to the working corpus (first folder); the seeds are only read.
  "$build/release/$(product "$target")" "$work" "Tests/Fuzz/Corpus/$target" $dict \
    $time_or_runs -timeout=20 -rss_limit_mb=3072 -malloc_limit_mb=2048 \
    -artifact_prefix="fuzz-artifacts/$target-" -print_final_stats=1 "$@" </dev/null
}

stat() {
  grep -o "stat::$1: *[0-9]*" "$2" | grep -o '[0-9]*$' || echo '?'
}

run() {
  target=$1
  log="$build/fuzz-$target.log"
  echo "fuzz: $target for ${seconds}s (log: $log)"
  if [ "$target" = render ]; then
    # Graphviz is built without frame pointers: its leaks are matched by name only in full
    # stacks (fast_unwind_on_malloc=0), which cost 50 times the run. So the render target fuzzes
    # without leak detection, then replays everything it found, and its seeds, with it.
    passed=false
    if ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" fuzz render "$seconds" >"$log" 2>&1 &&
      ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0" fuzz render 0 >"$log.leaks" 2>&1
    then passed=true; fi
  else
    passed=false
    if fuzz "$target" "$seconds" >"$log" 2>&1; then passed=true; fi
  fi
  if $passed; then
    echo "fuzz: $target: no finding in $(stat number_of_executed_units "$log") runs" \
      "($(stat average_exec_per_sec "$log") a second, corpus $(ls "$build/corpus/$target" | wc -l)" \
      "inputs found, peak $(stat peak_rss_mb "$log") MB)"
  else
    echo "fuzz: $target: FINDING (saved under fuzz-artifacts/)" >&2
    for file in "$log" "$log.leaks"; do
      if [ -f "$file" ]; then grep -v '^    #' "$file" | tail -40 >&2; fi
    done
    return 1
  fi
}

mkdir -p fuzz-artifacts
status=0
if [ "$jobs" -gt 1 ]; then
  pids=""
  for target in $targets; do
    run "$target" &
    pids="$pids $!"
  done
  for pid in $pids; do wait "$pid" || status=1; done
else
  for target in $targets; do run "$target" || status=1; done
fi
exit $status
