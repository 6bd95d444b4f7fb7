# Fails unless the GoogleTest suites of UNIT_TESTS (from --gtest_list_tests) are exactly SUITES
# (comma-separated): the suites tests/CMakeLists.txt registered one CTest test each, read from the
# sources.  A suite the source scan missed would otherwise never run; one registered that the
# binary lacks would pass with zero tests.
execute_process(COMMAND "${UNIT_TESTS}" --gtest_list_tests OUTPUT_VARIABLE listing RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${UNIT_TESTS} --gtest_list_tests failed (${status})")
endif()
string(REPLACE "\n" ";" lines "${listing}")
set(in_binary "")
foreach(line ${lines})
  # Suite lines start in column 0 and end in "."; parameterised ones carry "<Instantiation>/".
  if(line MATCHES "^([A-Za-z0-9_]+/)?([A-Za-z0-9_]+)\\.$")
    list(APPEND in_binary "${CMAKE_MATCH_2}")
  endif()
endforeach()
list(REMOVE_DUPLICATES in_binary)
string(REPLACE "," ";" registered "${SUITES}")
set(missing ${in_binary})
list(REMOVE_ITEM missing ${registered})
set(extra ${registered})
list(REMOVE_ITEM extra ${in_binary})
if(missing OR extra)
  message(FATAL_ERROR "unit suites not registered as CTest tests: [${missing}]; registered but not in the binary: [${extra}]")
endif()
list(LENGTH in_binary n)
message(STATUS "all ${n} suites of the unit tests are registered")
