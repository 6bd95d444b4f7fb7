# Golden tests (owned by corpus): mpyc must reproduce, byte for byte, the .mpy files that the
# reference mpy-cross 1.27.0 made from our programs in tests/corpus (see tests/golden/README.md).
# One test per golden file: golden_<program>[.<flags>].
set(golden_dir "${CMAKE_CURRENT_LIST_DIR}")
set(corpus_dir "${CMAKE_CURRENT_LIST_DIR}/../corpus")
set(golden_out "${PROJECT_BINARY_DIR}/golden-out")
if(TARGET mpytool)
  set(golden_mpytool "$<TARGET_FILE:mpytool>")
else()
  set(golden_mpytool "-")
endif()

# Default-flag goldens: every corpus program.
file(GLOB_RECURSE golden_sources RELATIVE "${corpus_dir}" CONFIGURE_DEPENDS "${corpus_dir}/*.py")
list(SORT golden_sources)
foreach(rel ${golden_sources})
  string(REGEX REPLACE "\\.py$" "" stem "${rel}")
  add_test(NAME golden_${stem}
           COMMAND bash "${golden_dir}/check_golden.sh" $<TARGET_FILE:mpyc> ${golden_mpytool}
                   "${corpus_dir}/${rel}" "${rel}" "${golden_dir}/${stem}.mpy" "${golden_out}/${stem}.mpy")
  set_tests_properties(golden_${stem} PROPERTIES LABELS "golden" TIMEOUT 30)
endforeach()

# Flagged goldens: one line "<name> <source> <flags...>" per variant in variants.txt.
file(STRINGS "${golden_dir}/variants.txt" golden_variant_lines)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${golden_dir}/variants.txt")
foreach(line ${golden_variant_lines})
  string(STRIP "${line}" line)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  string(REGEX REPLACE "[ \t]+" ";" fields "${line}")
  list(POP_FRONT fields name source)
  add_test(NAME golden_${name}
           COMMAND bash "${golden_dir}/check_golden.sh" $<TARGET_FILE:mpyc> ${golden_mpytool}
                   "${corpus_dir}/${source}" "${source}" "${golden_dir}/${name}.mpy" "${golden_out}/${name}.mpy"
                   ${fields})
  set_tests_properties(golden_${name} PROPERTIES LABELS "golden" TIMEOUT 30)
endforeach()

# With a reference mpy-cross configured (tests/CMakeLists.txt), also check that the committed goldens are
# exactly what it makes from the current corpus (no stale goldens). 1.27.0 and 1.28.0 write the same
# bytecode, so one set of goldens serves both.
foreach(pair "golden_up_to_date;${MPYTOOLS_REFERENCE_MPY_CROSS}" "golden_128_up_to_date;${MPYTOOLS_REFERENCE_MPY_CROSS_128}")
  list(GET pair 0 test_name)
  list(LENGTH pair n)
  if(n LESS 2)
    continue()
  endif()
  list(GET pair 1 reference)
  if(NOT reference)
    continue()
  endif()
  add_test(NAME ${test_name}
           COMMAND bash -c "rm -rf \"$1\" && \"$0/regenerate.sh\" \"$2\" \"$1\" >/dev/null && diff -r -q -x '*.sh' -x '*.md' -x '*.txt' -x '*.cmake' \"$0\" \"$1\" && echo 'golden files are current'"
                   "${golden_dir}" "${PROJECT_BINARY_DIR}/${test_name}-regenerated" "${reference}")
  set_tests_properties(${test_name} PROPERTIES LABELS "golden" TIMEOUT 120)
endforeach()

# Harness self-test: comparing against the wrong golden file must fail (WILL_FAIL).
add_test(NAME golden_harness_selftest
         COMMAND bash "${golden_dir}/check_golden.sh" $<TARGET_FILE:mpyc> ${golden_mpytool}
                 "${corpus_dir}/ops_fold.py" "ops_fold.py" "${golden_dir}/ops_fold.sib15.mpy"
                 "${golden_out}/selftest/ops_fold.mpy")
set_tests_properties(golden_harness_selftest PROPERTIES LABELS "golden" TIMEOUT 30 WILL_FAIL TRUE)
