# Golden tests (owned by corpus): mpyc must reproduce, byte for byte, the .mpy files that the
# reference mpy-cross made from our programs in tests/corpus (see tests/golden/README.md).
# <name>.mpy is mpy-cross 1.27.0's; 1.28/<name>.mpy is 1.28.0's where its bytes differ (or the
# program is in 1.28's language only).  One test per golden file: golden_<program>[.<flags>]
# checks mpyc's default (1.28) output against the 1.28 golden if there is one, else the common
# one; golden_127_<program>[.<flags>] checks mpyc --compat=1.27 where the two releases differ.
set(golden_dir "${CMAKE_CURRENT_LIST_DIR}")
set(corpus_dir "${CMAKE_CURRENT_LIST_DIR}/../corpus")
set(golden_out "${PROJECT_BINARY_DIR}/golden-out")
if(TARGET mpytool)
  set(golden_mpytool "$<TARGET_FILE:mpytool>")
else()
  set(golden_mpytool "-")
endif()
# Re-run CMake when a 1.28 override appears or goes.
file(GLOB_RECURSE golden_128_files CONFIGURE_DEPENDS "${golden_dir}/1.28/*.mpy")

# golden_tests(NAME SOURCE FLAGS...): the test(s) of one golden file.
function(golden_tests name source)
  if(EXISTS "${golden_dir}/1.28/${name}.mpy")
    set(default_golden "${golden_dir}/1.28/${name}.mpy")
  else()
    set(default_golden "${golden_dir}/${name}.mpy")
  endif()
  add_test(NAME golden_${name}
           COMMAND bash "${golden_dir}/check_golden.sh" $<TARGET_FILE:mpyc> ${golden_mpytool}
                   "${corpus_dir}/${source}" "${source}" "${default_golden}" "${golden_out}/${name}.mpy" ${ARGN})
  set_tests_properties(golden_${name} PROPERTIES LABELS "golden" TIMEOUT 30)
  if(EXISTS "${golden_dir}/1.28/${name}.mpy" AND EXISTS "${golden_dir}/${name}.mpy")
    add_test(NAME golden_127_${name}
             COMMAND bash "${golden_dir}/check_golden.sh" $<TARGET_FILE:mpyc> ${golden_mpytool}
                     "${corpus_dir}/${source}" "${source}" "${golden_dir}/${name}.mpy" "${golden_out}/1.27/${name}.mpy"
                     --compat=1.27 ${ARGN})
    set_tests_properties(golden_127_${name} PROPERTIES LABELS "golden" TIMEOUT 30)
  endif()
endfunction()

# Default-flag goldens: every corpus program.
file(GLOB_RECURSE golden_sources RELATIVE "${corpus_dir}" CONFIGURE_DEPENDS "${corpus_dir}/*.py")
list(SORT golden_sources)
foreach(rel ${golden_sources})
  string(REGEX REPLACE "\\.py$" "" stem "${rel}")
  golden_tests(${stem} ${rel})
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
  golden_tests(${name} ${source} ${fields})
endforeach()

# With a reference mpy-cross configured (tests/CMakeLists.txt), also check that the committed goldens are
# exactly what it makes from the current corpus (no stale goldens): 1.27.0 the common ones (the
# 1.28 directory aside), 1.28.0 the 1.28 overrides.
# golden_provenance_test(NAME REFERENCE COMPARISON): regenerate with REFERENCE into a scratch
# directory ($1; the goldens are $0), then run the bash COMPARISON.
function(golden_provenance_test name reference comparison)
  add_test(NAME ${name}
           COMMAND bash -c "rm -rf \"$1\" && \"$0/regenerate.sh\" \"$2\" \"$1\" >/dev/null && ${comparison}"
                   "${golden_dir}" "${PROJECT_BINARY_DIR}/${name}-regenerated" "${reference}")
  set_tests_properties(${name} PROPERTIES LABELS "golden" TIMEOUT 300)
endfunction()
if(MPYTOOLS_REFERENCE_MPY_CROSS)
  golden_provenance_test(golden_up_to_date "${MPYTOOLS_REFERENCE_MPY_CROSS}"
    "diff -r -q -x 1.28 -x '*.sh' -x '*.md' -x '*.txt' -x '*.cmake' \"$0\" \"$1\" && echo 'golden files are current'")
endif()
if(MPYTOOLS_REFERENCE_MPY_CROSS_128)
  golden_provenance_test(golden_128_up_to_date "${MPYTOOLS_REFERENCE_MPY_CROSS_128}"
    "mkdir -p \"$1/1.28\" && diff -r -q \"$0/1.28\" \"$1/1.28\" && echo '1.28 golden files are current'")
endif()

# Harness self-test: comparing against the wrong golden file must fail (WILL_FAIL).
add_test(NAME golden_harness_selftest
         COMMAND bash "${golden_dir}/check_golden.sh" $<TARGET_FILE:mpyc> ${golden_mpytool}
                 "${corpus_dir}/ops_fold.py" "ops_fold.py" "${golden_dir}/ops_fold.sib15.mpy"
                 "${golden_out}/selftest/ops_fold.mpy")
set_tests_properties(golden_harness_selftest PROPERTIES LABELS "golden" TIMEOUT 30 WILL_FAIL TRUE)
