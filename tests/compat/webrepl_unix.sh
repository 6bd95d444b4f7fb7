#!/usr/bin/env bash
# mpr over MicroPython's own WebREPL: tests/e2e/test_webrepl.py's checks (exec, eval, fs cp both
# ways with sha256 checked by a separate exec, fs ls/rm, mount, wrong/missing password, a server
# that is gone) against MicroPython's unix port running micropython-lib's webrepl.py
# (webrepl.start_foreground on 127.0.0.1, a free port) with a scratch folder of its own as `/`
# (boardlib.py's UNIX_CONFINE: paths with '..' refused, so `rm -r :/` cannot reach host files).
# Builds nothing; takes paths:
#
#   tests/compat/webrepl_unix.sh MICROPYTHON_WEBREPL_BINARY [MPR]
#
# MICROPYTHON_WEBREPL_BINARY is MicroPython v1.27.0's unix port built with WebREPL, os.dupterm
# and webrepl.py frozen in, for example (a checkout at $MP, micropython-lib at $MPLIB; ssl,
# btree and ffi off because a plain checkout lacks their submodules; -Wno-error=sign-compare
# because modwebrepl.c does not build warning-free on unix):
#
#   mkdir -p /tmp/webrepl-unix
#   printf '%s\n' 'include("$(MPY_DIR)/extmod/asyncio")' \
#     'module("webrepl.py", base_path="'"$MPLIB"'/micropython/net/webrepl")' > /tmp/webrepl-unix/manifest.py
#   nice make -C $MP/ports/unix -j2 BUILD=/tmp/webrepl-unix/build VARIANT=standard PROG=micropython-webrepl \
#     MICROPY_PY_SSL=0 MICROPY_PY_BTREE=0 MICROPY_PY_FFI=0 MPY_LIB_DIR=$MPLIB \
#     CFLAGS_EXTRA="-DMICROPY_PY_WEBREPL=1 -DMICROPY_PY_OS_DUPTERM=1 -Wno-error=sign-compare" \
#     FROZEN_MANIFEST=/tmp/webrepl-unix/manifest.py
#   # -> /tmp/webrepl-unix/build/micropython-webrepl
#
# What the unix port lacks for webrepl.py is stood in by test_webrepl.py's UNIX_WEBREPL (its
# comment says why): hashlib.sha1 (built only with an SSL library), a `network` module, a
# socket.makefile() that does not close the socket, sys.stdin reading the dupterm (for mount).
# The websocket framing, the password check and the REPL are MicroPython's.  A client leaving
# ends the unix port's REPL, so the test starts it again for the next command, as a board
# restarting.  MPR defaults to build/remote/mpr of this repository.
# Prints one line per check and "webrepl/unix: N passed, M failed"; exit status 0 when every
# check passed, 1 otherwise, 2 when something is missing.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# -lt 1 ]; then
    echo "usage: $0 MICROPYTHON_WEBREPL_BINARY [MPR]" >&2
    exit 2
fi
binary=$1
mpr=${2:-$repo/build/remote/mpr}
if [ ! -x "$binary" ]; then
    echo "$0: $binary: not an executable (build it as this script's header says)" >&2
    exit 2
fi
if ! "$binary" -c "import _webrepl, websocket, os; os.dupterm" >/dev/null 2>&1; then
    echo "$0: $binary has no _webrepl/websocket modules or no os.dupterm (see this script's header)" >&2
    exit 2
fi
if [ ! -x "$mpr" ]; then
    echo "$0: $mpr: not an executable (build mpr first: scripts/build.sh)" >&2
    exit 2
fi
python3 "$repo/tests/e2e/test_webrepl.py" --mpr "$mpr" --board unix --unix-port "$binary"
status=$?
[ $status -eq 77 ] && exit 2
exit $status
