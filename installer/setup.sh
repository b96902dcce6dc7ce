#!/usr/bin/env bash
# Sets up LiveConsole on Debian/Ubuntu from a fresh clone, then runs the app or the whole test suite.
#   bash installer/setup.sh app [liveconsole arguments…]   # system packages, venv, install, run the app
#   bash installer/setup.sh test [pytest arguments…]       # the same set-up, then every test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MODE="${1:-app}"
shift || true

# Qt's runtime libraries, a CJK font, and what the xcb platform needs on a desktop.
APP_PACKAGES=(python3 python3-venv python3-pip libportaudio2 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
  libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-wqy-microhei libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1)
# The real services the tests run against.
TEST_PACKAGES=(postgresql xvfb obs-studio pulseaudio pulseaudio-utils libasound2-plugins)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

packages=("${APP_PACKAGES[@]}")
[ "$MODE" = test ] && packages+=("${TEST_PACKAGES[@]}")
install_packages "${packages[@]}"

PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "setup: LiveConsole needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version))" >&2; exit 1; }
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv

# Reinstall only when the declared dependencies change.
stamp=".venv/.liveconsole-deps-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  rm -f .venv/.liveconsole-deps-* && touch "$stamp"
fi
.venv/bin/python resources/translations/build.py release

case "$MODE" in
  app)
    exec .venv/bin/liveconsole "$@" ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@" ;;
  *)
    echo "usage: bash installer/setup.sh app|test [arguments…]" >&2; exit 2 ;;
esac
