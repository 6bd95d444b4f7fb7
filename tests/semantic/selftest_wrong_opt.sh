#!/usr/bin/env bash
# Harness self-test helper: behaves like mpyc but always compiles with -O1, so programs that use
# assert or __debug__ behave differently. semantic_harness_selftest expects the runner to notice.
exec "$MPYC_REAL" -O1 "$@"
