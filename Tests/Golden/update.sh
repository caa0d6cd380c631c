#!/bin/sh
# Regenerates Tests/Golden/<data set>/ for every data set in Graphs/ with the debug build of
# the command line (`swift build` first), as GoldenOutputTests compares them.
set -eu
cd "$(dirname "$0")/../.."
cli=.build/debug/diplograph
[ -x "$cli" ] || { echo "update.sh: build first (swift build)" >&2; exit 1; }
for input in Graphs/*.json; do
  set_name=$(basename "$input" .json)
  golden=Tests/Golden/$set_name
  rm -rf "$golden"
  mkdir -p "$golden"
  grep -v '^#' Tests/Golden/commands.txt | grep -v '^ *$' | while read -r name args; do
    out=$(mktemp -d)
    # shellcheck disable=SC2086
    set -- $(echo "$args" | sed "s|{in}|$input|g; s|{out}|$out|g")
    "$cli" "$@" > "$golden/$name" 2>/dev/null || { echo "update.sh: $name failed" >&2; exit 1; }
    for file in "$out"/*; do
      [ -f "$file" ] || continue
      [ -s "$golden/$name" ] || rm -f "$golden/$name"
      cp "$file" "$golden/$name-$(basename "$file")"
    done
    rm -rf "$out"
  done
done
