# Runs one mpytool command and checks what it did.  Used by tests.cmake (cmake -P run_check.cmake).
#   PROG          the program to run
#   ARGS          its arguments, separated by '|' (add_test would split on ';')
#   WORKDIR       directory to run in (so paths printed in reports are short and stable)
#   EXPECT_RC     expected exit status (default 0)
#   EXPECT_STDOUT file whose content stdout must equal (on mismatch the output goes to ACTUAL_DIR)
#   EXPECT_REGEX  regular expression that stdout + stderr must match
#   OUTPUT_FILE + EXPECT_FILE   a file the command writes and the file it must equal byte for byte
if(NOT DEFINED EXPECT_RC)
  set(EXPECT_RC 0)
endif()
string(REPLACE "|" ";" arg_list "${ARGS}")
execute_process(COMMAND ${PROG} ${arg_list}
  WORKING_DIRECTORY "${WORKDIR}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL "${EXPECT_RC}")
  message(FATAL_ERROR "exit status ${rc}, expected ${EXPECT_RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_STDOUT)
  file(READ "${EXPECT_STDOUT}" expected)
  if(NOT out STREQUAL expected)
    get_filename_component(expect_name "${EXPECT_STDOUT}" NAME)
    set(actual "${ACTUAL_DIR}/${expect_name}.actual")
    file(WRITE "${actual}" "${out}")
    message(FATAL_ERROR "stdout differs from ${EXPECT_STDOUT}; actual output written to ${actual} "
                        "(diff them to see the change)")
  endif()
endif()
if(DEFINED EXPECT_REGEX)
  if(NOT "${out}${err}" MATCHES "${EXPECT_REGEX}")
    message(FATAL_ERROR "output does not match '${EXPECT_REGEX}'\nstdout:\n${out}\nstderr:\n${err}")
  endif()
endif()
if(DEFINED OUTPUT_FILE)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUTPUT_FILE}" "${EXPECT_FILE}" RESULT_VARIABLE same)
  if(NOT same EQUAL 0)
    message(FATAL_ERROR "${OUTPUT_FILE} differs from ${EXPECT_FILE}")
  endif()
endif()
