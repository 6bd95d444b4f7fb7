# Error tests (owned by corpus): sources the reference mpy-cross 1.27.0 rejects (tests/errors/cases,
# expected output recorded by record_expected.sh). errors_<name> requires mpyc to reject the
# source with the same error class and line, a non-zero exit and no output file;
# errors_exact_<name> (label errors-exact) also requires the same message text.
set(errors_cases_dir "${CMAKE_CURRENT_LIST_DIR}/cases")
file(GLOB errors_sources RELATIVE "${errors_cases_dir}" CONFIGURE_DEPENDS "${errors_cases_dir}/*.py")
list(SORT errors_sources)
foreach(src ${errors_sources})
  string(REGEX REPLACE "\\.py$" "" name "${src}")
  add_test(NAME errors_${name}
           COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/check_error.sh" $<TARGET_FILE:mpyc>
                   "${errors_cases_dir}" "${name}" "${PROJECT_BINARY_DIR}/errors-out")
  set_tests_properties(errors_${name} PROPERTIES LABELS "errors" TIMEOUT 30)
  add_test(NAME errors_exact_${name}
           COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/check_error.sh" --exact $<TARGET_FILE:mpyc>
                   "${errors_cases_dir}" "${name}" "${PROJECT_BINARY_DIR}/errors-out-exact")
  set_tests_properties(errors_exact_${name} PROPERTIES LABELS "errors-exact" TIMEOUT 30)
endforeach()
