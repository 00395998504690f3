#!/usr/bin/env bash
# One entry point for README's two commands and CI:
#   scripts/gc.sh run [county.gpkg]   install, build, open the app (demo county by default)
#   scripts/gc.sh test                install, build, run every test
#   scripts/gc.sh asan                CI's second step: the `asan` ctest group (hostile import
#                                     corpus, CLI end-to-end tests) under AddressSanitizer+UBSan
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

bash scripts/setup.sh

preset=${GC_PRESET:-dev}
if [ "${1:-}" = asan ]; then
  # Only what the group needs (gridctl and the labelled tests), to keep CI within its time.
  preset=asan
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j2 --target gridctl test_analyst_hostile test_analyst_import test_e2e_demo
else
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j2
fi

case "${1:-}" in
  run)
    shift
    exec "build/$preset/app/gridcommand/gridcommand" "$@"
    ;;
  test)
    cd "build/$preset"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 600
    ;;
  asan)
    cd build/asan
    # Leaks are not the question here (Qt and GDAL keep process-lifetime caches); memory errors
    # and undefined behaviour are, in gridctl too (it inherits these through the tests).
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      QT_QPA_PLATFORM=offscreen ctest -L asan --output-on-failure -j2 --timeout 1800
    ;;
  *)
    echo "usage: scripts/gc.sh run [county.gpkg] | test | asan" >&2
    exit 2
    ;;
esac
