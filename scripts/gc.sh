#!/usr/bin/env bash
# One entry point for README's two commands and CI:
#   scripts/gc.sh run [county.gpkg]   install, build, open the app (demo county by default)
#   scripts/gc.sh test                install, build, run every test
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

bash scripts/setup.sh

preset=${GC_PRESET:-dev}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j2

case "${1:-}" in
  run)
    shift
    exec "build/$preset/app/gridcommand/gridcommand" "$@"
    ;;
  test)
    cd "build/$preset"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 600
    ;;
  *)
    echo "usage: scripts/gc.sh run [county.gpkg] | test" >&2
    exit 2
    ;;
esac
