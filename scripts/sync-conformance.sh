#!/usr/bin/env bash
# Copies the team's shared conformance scenarios (../shared/conformance, read-only) into
# conformance/typescript/. The repository's tests read only the copy, so a lone clone passes.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/conformance}
[ -d "$src" ] || { echo "no $src to sync from" >&2; exit 1; }
for dir in "$src"/*/; do
  name=$(basename "$dir")
  rm -rf "conformance/typescript/$name"
  cp -r "$dir" "conformance/typescript/$name"
  chmod -R u+w "conformance/typescript/$name"
done
echo "synced $(ls -d "$src"/*/ | wc -l) scenarios from $src"
