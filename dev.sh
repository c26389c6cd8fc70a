#!/usr/bin/env bash
# One entry point for a fresh Debian 12 / Ubuntu 22.04+ machine with Python 3.11:
#   ./dev.sh run    set everything up, then start the station app on its embedded default
#   ./dev.sh test   set everything up, then run the whole test suite (what CI runs)
# Idempotent: a second run installs nothing new.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
# The Qt line: 6.8 LTS is what the installers ship and what the suite runs on by default (its wheels
# need only glibc 2.28); SUYUAN_QT=6.11 runs everything on the newest supported line in .venv-qt6.11.
case "${SUYUAN_QT:-6.8}" in
  6.8)  QT_PIN=6.8.3;  VENV="$ROOT/.venv" ;;
  6.11) QT_PIN=6.11.3; VENV="$ROOT/.venv-qt6.11" ;;
  *) echo "SUYUAN_QT must be 6.8 or 6.11" >&2; exit 2 ;;
esac
APT_PACKAGES=(
  python3-venv xvfb xauth poppler-utils fonts-arphic-uming fonts-wqy-zenhei
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 libnss3
  libpulse0 faketime zbar-tools chromium
  patchelf binutils file desktop-file-utils dbus gnome-keyring nsis wine64 gcc-mingw-w64-x86-64 gcc libc6-dev
  postgresql
)

say() { printf '\033[1;34m[dev]\033[0m %s\n' "$*" >&2; }

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_setup() {
  command -v dpkg >/dev/null || { say "not a Debian/Ubuntu system: install ${APT_PACKAGES[*]} by hand"; return; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

python_bin() {
  for c in "${PYTHON:-}" python3.11 python3; do
    [ -n "$c" ] && command -v "$c" >/dev/null && "$c" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' && { echo "$c"; return; }
  done
  say "Python 3.11 or newer is required"; exit 3
}

venv_setup() {
  local stamp="$VENV/.installed" want
  want=$( (cat pyproject.toml; echo "$QT_PIN") | sha256sum | cut -c1-16)
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating virtual environment"
    "$(python_bin)" -m venv "$VENV"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing Python packages"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[dev,server]" "PySide6-Essentials==$QT_PIN" "PySide6-Addons==$QT_PIN"
    echo "$want" > "$stamp"
  fi
  # The document fonts are built from Debian's font packages, not committed (docs/packaging.md).
  "$VENV/bin/python" installer/tools/build_fonts.py
}

# The station key lives in the OS keyring. A desktop session has one (Secret Service, KWallet,
# Windows, macOS). A bare server has none: there we choose keyrings.alt's file backend out loud,
# for trying the app only; the app itself refuses an insecure backend nobody chose.
keyring_setup() {
  if [ -z "${PYTHON_KEYRING_BACKEND:-}" ] && ! "$VENV/bin/python" - <<'PY' 2>/dev/null
import sys, keyring
from keyring.backends import fail
kr = keyring.get_keyring()
sys.exit(0 if not isinstance(kr, fail.Keyring) and getattr(kr, "priority", 0) >= 1
         and type(kr).__module__.split(".")[0] != "keyrings" else 1)
PY
  then
    export PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring
    say "no system keyring on this machine: using a PLAINTEXT file keyring for trying the app (not for real data)"
  fi
}

case "${1:-}" in
  run)
    apt_setup; venv_setup; keyring_setup
    exec "$VENV/bin/python" -m suyuan_desktop.launch "${@:2}"
    ;;
  test)
    apt_setup; venv_setup
    exec "$VENV/bin/python" -m tests.run "${@:2}"
    ;;
  *)
    echo "usage: ./dev.sh run | ./dev.sh test" >&2; exit 2
    ;;
esac
