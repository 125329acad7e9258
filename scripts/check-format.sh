#!/usr/bin/env bash
# Checks that every C++ source and header under src/, tests/, bench/ and fuzz/ is laid out as
# clang-format (.clang-format: Google base, 100 columns) would lay it out. Prints each file
# that differs and exits 1; `make format` rewrites them. Run by the test suite (label style).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
clang_format="${CLANG_FORMAT:-clang-format}"
if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "check-format: $clang_format not found (scripts/install-deps.sh installs it)" >&2
  exit 2
fi
mapfile -t files < <(find src tests bench fuzz \( -name '*.cc' -o -name '*.h' \) \
                       -not -path '*/node_modules/*' | sort)
bad=()
for file in "${files[@]}"; do
  if ! "$clang_format" --dry-run --Werror "$file" >/dev/null 2>&1; then bad+=("$file"); fi
done
if [ ${#bad[@]} -ne 0 ]; then
  echo "check-format: ${#bad[@]} of ${#files[@]} files differ from clang-format's layout:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "Run 'make format' and review the change." >&2
  exit 1
fi
echo "check-format: all ${#files[@]} files match clang-format's layout"
