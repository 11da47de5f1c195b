#!/usr/bin/env bash
# Installs the Debian 12 packages Tanhui needs (only those missing, as root or through sudo), then
# configures and builds a CMake preset with all cores.
#
#   scripts/setup.sh [PRESET]      PRESET: release (default), debug, asan, ci
#
# Set TANHUI_SKIP_APT=1 to skip the package step (e.g. on a machine managed otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."

PRESET="${1:-release}"

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libgdal-dev libproj-dev libgeos-dev gdal-bin
  xvfb fonts-noto-cjk fonts-dejavu-core fonts-dejavu-extra clang-format poppler-utils chromium
  clang libclang-rt-14-dev
  python3-gdal python3-numpy
  libxlsxwriter-dev python3-openpyxl
  qt6-translations-l10n
  poppler-utils
)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#PACKAGES[@]} required Debian packages are installed"
    return
  fi
  echo "setup: installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "setup: error: missing packages (${missing[*]}) and neither root nor sudo; install them and rerun" >&2
      exit 1
    fi
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if [ "${TANHUI_SKIP_APT:-0}" != "1" ]; then
  if command -v dpkg-query >/dev/null 2>&1; then
    install_missing
  else
    echo "setup: not a Debian system; install the equivalents of: ${PACKAGES[*]}" >&2
  fi
fi

echo "setup: configuring and building preset '$PRESET' with $(nproc) cores"
cmake --preset "$PRESET" -G Ninja >/dev/null
cmake --build --preset "$PRESET" -j "$(nproc)"
