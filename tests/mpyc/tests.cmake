# End-to-end tests of the mpyc program (owned by mpyc-driver): each case of tests/mpyc/e2e.sh is
# one test, run against the built mpyc in a scratch directory.
set(mpyc_e2e_cases
  version usage arg_errors missing_file compile_error rich_error compile_ok stdin many_files
  tree_incremental depfile json parallel_determinism future_source deep_inputs)
foreach(case ${mpyc_e2e_cases})
  add_test(NAME mpyc_e2e_${case}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/e2e.sh $<TARGET_FILE:mpyc> ${case})
  set_tests_properties(mpyc_e2e_${case} PROPERTIES LABELS "mpyc" TIMEOUT 60)
endforeach()

# With a reference mpy-cross configured (-DMPYTOOLS_REFERENCE_MPY_CROSS=1.27.0's,
# -DMPYTOOLS_REFERENCE_MPY_CROSS_128=1.28.0's), run mpyc and each reference side by side on ~55 command
# lines (flags, errors, naming, stdin) and require the same status, stdout, stderr and files.
if(MPYTOOLS_REFERENCE_MPY_CROSS)
  add_test(NAME mpyc_cli_vs_reference
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cli_compat.sh $<TARGET_FILE:mpyc> ${MPYTOOLS_REFERENCE_MPY_CROSS})
  set_tests_properties(mpyc_cli_vs_reference PROPERTIES LABELS "mpyc" TIMEOUT 300)
endif()
if(MPYTOOLS_REFERENCE_MPY_CROSS_128)
  add_test(NAME mpyc_cli_vs_reference_128
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cli_compat.sh $<TARGET_FILE:mpyc> ${MPYTOOLS_REFERENCE_MPY_CROSS_128})
  set_tests_properties(mpyc_cli_vs_reference_128 PROPERTIES LABELS "mpyc" TIMEOUT 300)
endif()
