# Merges .mpy files with mpytool, then imports the result in the npm MicroPython runtime and
# compares what it prints with EXPECT_STDOUT.
#   PROG, NODE, RUNTIME_DIR, WORKDIR, INPUTS ('|'-separated), OUT (merged file), EXPECT_STDOUT
string(REPLACE "|" ";" inputs "${INPUTS}")
execute_process(COMMAND ${PROG} merge ${inputs} -o "${OUT}" WORKING_DIRECTORY "${WORKDIR}"
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mpytool merge failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${NODE} "${CMAKE_CURRENT_LIST_DIR}/run_merged.mjs" "${RUNTIME_DIR}" "${OUT}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 77)
  message("SKIP: ${err}")
  return()
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "running the merged file failed (${rc}):\n${out}\n${err}")
endif()
file(READ "${EXPECT_STDOUT}" expected)
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "the merged program printed\n${out}\nexpected\n${expected}")
endif()
