# End-to-end tests: the test boards (proven with our own raw-REPL client, tests/e2e/boardlib.py)
# and mpr against them, each board behind a pty.  They need node (+ npm install) and QEMU with
# the micro:bit firmware, and exit 77 (skipped) with a message when those are missing: a skip that
# scripts/test.sh names locally and counts as a failure in CI.
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  mpytools_missing_test_dependency(e2e python3)
  return()
endif()

set(e2e_dir ${CMAKE_CURRENT_LIST_DIR})
foreach(board sim microbit)
  add_test(NAME e2e_boards_${board}
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_boards.py
                   --board-pty $<TARGET_FILE:board_pty> --board ${board})
  add_test(NAME e2e_mpr_${board}
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mpr.py
                   --mpr $<TARGET_FILE:mpr> --board-pty $<TARGET_FILE:board_pty> --board ${board})
  set_tests_properties(e2e_boards_${board} e2e_mpr_${board} PROPERTIES
                       SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endforeach()
# What mpremote's own test suite showed mpr doing differently (tests/compat/run_mpremote_tests.sh
# runs that suite itself, given a MicroPython checkout).
add_test(NAME e2e_mpr_compat_sim
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mpr_compat.py
                 --mpr $<TARGET_FILE:mpr> --board-pty $<TARGET_FILE:board_pty> --board sim)
set_tests_properties(e2e_mpr_compat_sim PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                     ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
# mpr's command-line usage errors against mpremote 1.27.0's (no board needed).
add_test(NAME e2e_mpr_usage COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mpr_usage.py --mpr $<TARGET_FILE:mpr>)
set_tests_properties(e2e_mpr_usage PROPERTIES TIMEOUT 120 LABELS "e2e" ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
# QEMU's emulated micro:bit UART drops input bytes when the host is starved of CPU; mpr copes
# (checksummed, resent chunks), but the tests run alone so that the emulator is not starved.
set_tests_properties(e2e_boards_microbit e2e_mpr_microbit PROPERTIES RUN_SERIAL TRUE)

# mpr mount: every file operation from board code through the mount, on the sim board (`connect
# sim` and behind board_pty); the micro:bit only gets the one-line refusal.
add_test(NAME e2e_mount_sim
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mount.py --mpr $<TARGET_FILE:mpr>
                 --board-pty $<TARGET_FILE:board_pty> --board sim --mpyc $<TARGET_FILE:mpyc>)
add_test(NAME e2e_mount_microbit
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mount.py --mpr $<TARGET_FILE:mpr>
                 --board-pty $<TARGET_FILE:board_pty> --board microbit)
set_tests_properties(e2e_mount_sim e2e_mount_microbit PROPERTIES
                     SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e" ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
set_tests_properties(e2e_mount_microbit PROPERTIES RUN_SERIAL TRUE)

# mpr sync and watch: a 60-file project, re-syncs, --dry-run, --delete, --exclude, --compile, a
# killed sync, watch --run (three edits, each re-run timed); the board's files checked by sha256
# from bytes read by boardlib's own raw-REPL client.  The micro:bit: a flat project, and folders
# refused.
add_test(NAME e2e_sync_sim
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_sync.py --mpr $<TARGET_FILE:mpr>
                 --board-pty $<TARGET_FILE:board_pty> --board sim)
add_test(NAME e2e_sync_microbit
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_sync.py --mpr $<TARGET_FILE:mpr>
                 --board-pty $<TARGET_FILE:board_pty> --board microbit)
set_tests_properties(e2e_sync_sim e2e_sync_microbit PROPERTIES
                     SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e" ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
set_tests_properties(e2e_sync_microbit PROPERTIES RUN_SERIAL TRUE)

# board_pty on its own (binary transparency, clients coming and going, exit status).
add_test(NAME e2e_boards_pty
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_boards.py --board-pty $<TARGET_FILE:board_pty> --board pty)
set_tests_properties(e2e_boards_pty PROPERTIES TIMEOUT 60 LABELS "e2e" ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")

# MicroPython's unix port is not built by this project; point MPYTOOLS_UNIX_PORT at one to
# also test the board_pty --restart harness with it.
set(MPYTOOLS_UNIX_PORT "" CACHE FILEPATH "MicroPython unix port binary for the e2e board tests (optional)")
if(MPYTOOLS_UNIX_PORT)
  add_test(NAME e2e_boards_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_boards.py
                   --board-pty $<TARGET_FILE:board_pty> --board unix --unix-port ${MPYTOOLS_UNIX_PORT})
  set_tests_properties(e2e_boards_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
  add_test(NAME e2e_mpr_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mpr.py
                   --mpr $<TARGET_FILE:mpr> --board-pty $<TARGET_FILE:board_pty> --board unix
                   --unix-port ${MPYTOOLS_UNIX_PORT})
  set_tests_properties(e2e_mpr_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
  add_test(NAME e2e_mpr_compat_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mpr_compat.py
                   --mpr $<TARGET_FILE:mpr> --board-pty $<TARGET_FILE:board_pty> --board unix
                   --unix-port ${MPYTOOLS_UNIX_PORT})
  set_tests_properties(e2e_mpr_compat_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
  add_test(NAME e2e_mount_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mount.py --mpr $<TARGET_FILE:mpr>
                   --board-pty $<TARGET_FILE:board_pty> --board unix --mpyc $<TARGET_FILE:mpyc>
                   --unix-port ${MPYTOOLS_UNIX_PORT})
  set_tests_properties(e2e_mount_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
  add_test(NAME e2e_sync_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_sync.py --mpr $<TARGET_FILE:mpr>
                   --board-pty $<TARGET_FILE:board_pty> --board unix --unix-port ${MPYTOOLS_UNIX_PORT})
  set_tests_properties(e2e_sync_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()

# mpr mip: installs from an index v2 built at test time from our own packages, served on
# 127.0.0.1 over HTTP and HTTPS (test_mip.py, mip_index.py); the sim board, and the unix port
# when MPYTOOLS_UNIX_PORT is set.
add_test(NAME e2e_mip_sim
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mip.py --mpr $<TARGET_FILE:mpr> --mpyc $<TARGET_FILE:mpyc>
                 --board-pty $<TARGET_FILE:board_pty> --board sim)
set_tests_properties(e2e_mip_sim PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                     ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
add_test(NAME e2e_mip_microbit
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mip.py --mpr $<TARGET_FILE:mpr> --mpyc $<TARGET_FILE:mpyc>
                 --board-pty $<TARGET_FILE:board_pty> --board microbit)
set_tests_properties(e2e_mip_microbit PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e" RUN_SERIAL TRUE
                     ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
if(MPYTOOLS_UNIX_PORT)
  add_test(NAME e2e_mip_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_mip.py --mpr $<TARGET_FILE:mpr> --mpyc $<TARGET_FILE:mpyc>
                   --board-pty $<TARGET_FILE:board_pty> --board unix --unix-port ${MPYTOOLS_UNIX_PORT})
  set_tests_properties(e2e_mip_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()

# mpr romfs: deploy and import from /rom on the sim board's ROM partitions; query and the
# too-big error on the unix port when MPYTOOLS_UNIX_PORT is set (its coverage variant has a
# 4-byte ROM partition; other variants get the "not enabled" message checked).
add_test(NAME e2e_romfs_sim
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_romfs.py --mpr $<TARGET_FILE:mpr>
                 --board-pty $<TARGET_FILE:board_pty> --board sim)
set_tests_properties(e2e_romfs_sim PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                     ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
if(MPYTOOLS_UNIX_PORT)
  add_test(NAME e2e_romfs_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_romfs.py --mpr $<TARGET_FILE:mpr>
                   --board-pty $<TARGET_FILE:board_pty> --board unix --unix-port ${MPYTOOLS_UNIX_PORT})
  set_tests_properties(e2e_romfs_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()
# mpr flash: .uf2 copies onto folders laid out as UF2 drives (byte-equal; another family refused),
# damaged files named, `flash --list` enumerating USB with no device present, and (when the sim
# board can run) the sim put into its bootloader before the drive appears.
add_test(NAME e2e_flash COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_flash.py --mpr $<TARGET_FILE:mpr>)
set_tests_properties(e2e_flash PROPERTIES TIMEOUT 240 LABELS "e2e" ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")

# mpr's link with the board (test_link.py): `reset`/`bootloader` + more commands (auto-reconnect),
# boards printing in the background, deflate-compressed `fs cp` both ways (sha256 checked by a
# separate exec), a board without deflate (the micro:bit).
add_test(NAME e2e_link_sim
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_link.py --mpr $<TARGET_FILE:mpr>
                 --board-pty $<TARGET_FILE:board_pty> --board sim)
add_test(NAME e2e_link_microbit
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_link.py --mpr $<TARGET_FILE:mpr>
                 --board-pty $<TARGET_FILE:board_pty> --board microbit)
set_tests_properties(e2e_link_sim e2e_link_microbit PROPERTIES
                     SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e" ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
# The sim board's restart (a fresh webassembly runtime) outlasts mpr's 10 s wait for a board to
# come back when the other e2e tests load the machine (CI: "did not come back after it
# restarted"), so the restart and compression checks run alone, as the micro:bit's do.
set_tests_properties(e2e_link_sim e2e_link_microbit PROPERTIES RUN_SERIAL TRUE)
if(MPYTOOLS_UNIX_PORT)
  add_test(NAME e2e_link_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_link.py --mpr $<TARGET_FILE:mpr>
                   --board-pty $<TARGET_FILE:board_pty> --board unix --unix-port ${MPYTOOLS_UNIX_PORT})
  set_tests_properties(e2e_link_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()

# mpr over MicroPython's WebREPL (test_webrepl.py, issue #11): `connect ws://127.0.0.1:PORT
# --password PW` to the sim board's WebREPL listener: exec, eval, fs cp both ways (sha256 checked
# by a separate exec), fs ls/rm, mount, wrong/missing password, a server that is gone.  With
# MPYTOOLS_UNIX_PORT_WEBREPL (a unix port built with WebREPL, see tests/compat/webrepl_unix.sh)
# the same checks run against MicroPython's own WebREPL code.
add_test(NAME e2e_webrepl_sim
         COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_webrepl.py --mpr $<TARGET_FILE:mpr> --board sim)
set_tests_properties(e2e_webrepl_sim PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                     ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
set(MPYTOOLS_UNIX_PORT_WEBREPL "" CACHE FILEPATH
    "MicroPython unix port built with webrepl (tests/compat/webrepl_unix.sh), for e2e_webrepl_unix (optional)")
if(MPYTOOLS_UNIX_PORT_WEBREPL)
  add_test(NAME e2e_webrepl_unix
           COMMAND ${Python3_EXECUTABLE} ${e2e_dir}/test_webrepl.py --mpr $<TARGET_FILE:mpr> --board unix
                   --unix-port ${MPYTOOLS_UNIX_PORT_WEBREPL})
  set_tests_properties(e2e_webrepl_unix PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "e2e"
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()
