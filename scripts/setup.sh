#!/usr/bin/env bash
# Installs the Debian 12 packages GridCommand needs, only those missing, so a
# second run costs a dpkg query and nothing else.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-positioning-dev qt6-charts-dev
  qt6-websockets-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite qt6-qpa-plugins
  libqt6opengl6-dev libgl-dev
  libgdal-dev gdal-bin libproj-dev proj-bin libgeos-dev
  libsqlite3-dev sqlite3 python3-jsonschema
  xvfb xauth fonts-noto-cjk fonts-wqy-microhei imagemagick strace
  libxlsxwriter-dev poppler-utils python3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
