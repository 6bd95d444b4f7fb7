#!/usr/bin/env bash
# A planted fault for the error-test harness: the real mpyc ($MPYC_REAL) prints its message, then
# this "compiler" dies of SIGSEGV.  check_error.sh must reject that (errors_harness_selftest_crash).
"$MPYC_REAL" "$@"
kill -SEGV $$
