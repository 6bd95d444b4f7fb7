# Semantic tests (owned by corpus): every corpus program must print the same thing when
# MicroPython 1.27's webassembly runtime runs its source, the reference .mpy (tests/golden) and
# mpyc's .mpy. Starting node and compiling the wasm takes a second or more, so cases run in a few
# batches (one node process each, a fresh runtime instance per case): semantic_<batch>.
find_program(MPYTOOLS_NODE node)
if(NOT MPYTOOLS_NODE)
  mpytools_missing_test_dependency(semantic node)
  return()
endif()
set(semantic_corpus "${CMAKE_CURRENT_LIST_DIR}/../corpus")
set(semantic_golden "${CMAKE_CURRENT_LIST_DIR}/../golden")

# Batch by program family; the first matching pattern wins, the rest go to "misc".
set(semantic_batches
  "literals:^(lit_|qstr_|int_|float_|bytes_|str_)"
  "operators:^(ops_|const_|slicing|builtins_|containers_|print_|unpack_)"
  "statements:^(assign_|ctl_|del_|stmt_|walrus|assert_|long_|line_|big_)"
  "functions:^(func_|scope_)"
  "classes:^class_"
  "generators:^(gen_|async_)"
  "exceptions:^(exc_|try_|with_)"
  "imports:^(import_|helper_|pkg/)"
  "comprehensions:^comp_")

file(GLOB_RECURSE semantic_sources RELATIVE "${semantic_corpus}" CONFIGURE_DEPENDS "${semantic_corpus}/*.py")
list(SORT semantic_sources)
set(semantic_cases "")
foreach(rel ${semantic_sources})
  # Programs in 1.28's language only (t-strings, nested f-strings) cannot run on the 1.27 runtime.
  file(STRINGS "${semantic_corpus}/${rel}" only_128 REGEX "^# compat: 1\\.28")
  if(only_128)
    continue()
  endif()
  string(REGEX REPLACE "\\.py$" "" stem "${rel}")
  list(APPEND semantic_cases "${stem}")
endforeach()
file(STRINGS "${semantic_golden}/variants.txt" semantic_variant_lines)
set(semantic_flagged "")
foreach(line ${semantic_variant_lines})
  if(line MATCHES "^[ \t]*([^# \t]+)")
    list(APPEND semantic_flagged "${CMAKE_MATCH_1}")
  endif()
endforeach()

set(semantic_misc "")
foreach(batch ${semantic_batches})
  string(REGEX MATCH "^[^:]+" bname "${batch}")
  set(semantic_${bname} "")
endforeach()
foreach(c ${semantic_cases})
  set(placed OFF)
  foreach(batch ${semantic_batches})
    string(REGEX MATCH "^[^:]+" bname "${batch}")
    string(REGEX REPLACE "^[^:]+:" "" pattern "${batch}")
    if(c MATCHES "${pattern}")
      list(APPEND semantic_${bname} "${c}")
      set(placed ON)
      break()
    endif()
  endforeach()
  if(NOT placed)
    list(APPEND semantic_misc "${c}")
  endif()
endforeach()

function(semantic_add_batch bname)
  if(NOT ARGN)
    return()
  endif()
  add_test(NAME semantic_${bname}
           COMMAND ${MPYTOOLS_NODE} "${CMAKE_CURRENT_LIST_DIR}/run_semantic.mjs"
                   --corpus "${semantic_corpus}" --golden "${semantic_golden}"
                   --mpyc $<TARGET_FILE:mpyc> --work "${PROJECT_BINARY_DIR}/semantic-work/${bname}"
                   ${ARGN})
  set_tests_properties(semantic_${bname} PROPERTIES LABELS "semantic" TIMEOUT 150 SKIP_RETURN_CODE 77)
endfunction()
foreach(batch ${semantic_batches})
  string(REGEX MATCH "^[^:]+" bname "${batch}")
  semantic_add_batch(${bname} ${semantic_${bname}})
endforeach()
semantic_add_batch(misc ${semantic_misc})
semantic_add_batch(flagged ${semantic_flagged})

# Harness self-test: a compiler that quietly adds -O1 must make the runner fail (WILL_FAIL), so a
# broken runner cannot pass everything vacuously.
add_test(NAME semantic_harness_selftest
         COMMAND ${CMAKE_COMMAND} -E env MPYC_REAL=$<TARGET_FILE:mpyc>
                 ${MPYTOOLS_NODE} "${CMAKE_CURRENT_LIST_DIR}/run_semantic.mjs"
                 --corpus "${semantic_corpus}" --golden "${semantic_golden}"
                 --mpyc "${CMAKE_CURRENT_LIST_DIR}/selftest_wrong_opt.sh"
                 --work "${PROJECT_BINARY_DIR}/semantic-work/selftest" assert_stmt)
set_tests_properties(semantic_harness_selftest PROPERTIES LABELS "semantic" TIMEOUT 60 WILL_FAIL TRUE
                     SKIP_RETURN_CODE 77)
