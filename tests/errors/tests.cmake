# Error tests (owned by corpus): sources the reference mpy-cross 1.27.0 rejects (tests/errors/cases,
# expected output recorded by record_expected.sh). errors_<name> requires mpyc to reject the
# source with the same message text (so the same error class and line), exit status 1 and no
# output file.
set(errors_cases_dir "${CMAKE_CURRENT_LIST_DIR}/cases")
file(GLOB errors_sources RELATIVE "${errors_cases_dir}" CONFIGURE_DEPENDS "${errors_cases_dir}/*.py")
list(SORT errors_sources)
foreach(src ${errors_sources})
  string(REGEX REPLACE "\\.py$" "" name "${src}")
  add_test(NAME errors_${name}
           COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/check_error.sh" $<TARGET_FILE:mpyc>
                   "${errors_cases_dir}" "${name}" "${PROJECT_BINARY_DIR}/errors-out")
  set_tests_properties(errors_${name} PROPERTIES LABELS "errors" TIMEOUT 30)
endforeach()

# With a reference mpy-cross configured (tests/CMakeLists.txt), check that every recorded .expected is
# still exactly what that reference prints for its case (1.27.0 and 1.28.0 print the same).
foreach(pair "errors_expected_up_to_date;${MPYTOOLS_REFERENCE_MPY_CROSS}" "errors_expected_128_up_to_date;${MPYTOOLS_REFERENCE_MPY_CROSS_128}")
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
           COMMAND bash -c "fail=0; for src in \"$0\"/*.py; do n=$(basename \"$src\" .py); bash \"$1/check_error.sh\" \"$2\" \"$0\" \"$n\" \"$3\" >/dev/null || { echo \"stale: $n.expected\"; fail=1; }; done; [ $fail = 0 ] && echo 'expected outputs are current'; exit $fail"
                   "${errors_cases_dir}" "${CMAKE_CURRENT_LIST_DIR}" "${reference}" "${PROJECT_BINARY_DIR}/${test_name}-out")
  set_tests_properties(${test_name} PROPERTIES LABELS "errors" TIMEOUT 300)
endforeach()

# Harness self-tests (WILL_FAIL): the check must fail for a "compiler" that accepts everything
# (true), and for one that prints exactly the right message and then crashes.
add_test(NAME errors_harness_selftest
         COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/check_error.sh" true
                 "${errors_cases_dir}" syntax_double_equals "${PROJECT_BINARY_DIR}/errors-out-selftest")
add_test(NAME errors_harness_selftest_crash
         COMMAND ${CMAKE_COMMAND} -E env MPYC_REAL=$<TARGET_FILE:mpyc>
                 bash "${CMAKE_CURRENT_LIST_DIR}/check_error.sh" "${CMAKE_CURRENT_LIST_DIR}/selftest_crash_after_error.sh"
                 "${errors_cases_dir}" syntax_double_equals "${PROJECT_BINARY_DIR}/errors-out-selftest-crash")
set_tests_properties(errors_harness_selftest errors_harness_selftest_crash PROPERTIES
                     LABELS "errors" TIMEOUT 30 WILL_FAIL TRUE)
