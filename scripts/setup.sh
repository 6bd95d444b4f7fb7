#!/usr/bin/env bash
# Installs everything mpytools needs to build and test on Debian 12: compilers and libraries
# from Debian's packages, QEMU and the micro:bit firmware for the board tests, and the
# MicroPython webassembly runtime from npm.  Safe to run again; skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  libserialport-dev libusb-1.0-0-dev libcli11-dev libfmt-dev nlohmann-json3-dev libcurl4-openssl-dev openssl
  zlib1g-dev libssl-dev
  libgtest-dev libgmock-dev libcapstone-dev
  binutils-arm-none-eabi binutils-riscv64-unknown-elf binutils-xtensa-lx106
  qemu-system-arm firmware-microbit-micropython
  nodejs npm python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from outside Debian's packages (as on these machines): accept any node >= 18.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs ]; then
  echo "setup: installing the MicroPython webassembly runtime (npm)"
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
echo "setup: done"
