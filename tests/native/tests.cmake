# Native-code goldens (owned by asm): mpyc must reproduce, byte for byte, the .mpy files the
# reference mpy-cross 1.27.0 made from our programs in tests/native (see README.md).
# One test per golden, label "native": native_<program> (flags -march=x64), native_<arch>_<program>
# for each program an archs.txt line gives for <arch>, and native_<name> for each line
# "<name> <source> <flags...>" of variants.txt (`/` in a name becomes `_`).
# The comparison script is the golden tests' (tests/golden/check_golden.sh), not a copy.
set(native_dir "${CMAKE_CURRENT_LIST_DIR}")
set(native_check "${CMAKE_CURRENT_LIST_DIR}/../golden/check_golden.sh")
set(native_out "${PROJECT_BINARY_DIR}/native-out")
if(TARGET mpytool)
  set(native_mpytool "$<TARGET_FILE:mpytool>")
else()
  set(native_mpytool "-")
endif()

file(GLOB native_sources RELATIVE "${native_dir}" CONFIGURE_DEPENDS "${native_dir}/*.py")
list(SORT native_sources)
foreach(rel ${native_sources})
  string(REGEX REPLACE "\\.py$" "" stem "${rel}")
  add_test(NAME native_${stem}
           COMMAND bash "${native_check}" $<TARGET_FILE:mpyc> ${native_mpytool}
                   "${native_dir}/${rel}" "${rel}" "${native_dir}/${stem}.mpy" "${native_out}/${stem}.mpy"
                   -march=x64)
  set_tests_properties(native_${stem} PROPERTIES LABELS "native" TIMEOUT 30)
endforeach()

file(STRINGS "${native_dir}/archs.txt" native_arch_lines)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${native_dir}/archs.txt")
foreach(line ${native_arch_lines})
  string(STRIP "${line}" line)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  string(REGEX REPLACE "[ \t]+" ";" fields "${line}")
  list(POP_FRONT fields arch)
  set(arch_sources "")
  foreach(pattern ${fields})
    file(GLOB matched RELATIVE "${native_dir}" CONFIGURE_DEPENDS "${native_dir}/${pattern}")
    list(APPEND arch_sources ${matched})
  endforeach()
  list(SORT arch_sources)
  foreach(rel ${arch_sources})
    get_filename_component(stem "${rel}" NAME_WE)
    get_filename_component(stored "${rel}" NAME)
    add_test(NAME native_${arch}_${stem}
             COMMAND bash "${native_check}" $<TARGET_FILE:mpyc> ${native_mpytool}
                     "${native_dir}/${rel}" "${stored}" "${native_dir}/${arch}/${stem}.mpy"
                     "${native_out}/${arch}/${stem}.mpy" -march=${arch})
    set_tests_properties(native_${arch}_${stem} PROPERTIES LABELS "native" TIMEOUT 30)
  endforeach()
endforeach()

file(STRINGS "${native_dir}/variants.txt" native_variant_lines)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${native_dir}/variants.txt")
foreach(line ${native_variant_lines})
  string(STRIP "${line}" line)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  string(REGEX REPLACE "[ \t]+" ";" fields "${line}")
  list(POP_FRONT fields name source)
  string(REPLACE "/" "_" test_name "${name}")
  add_test(NAME native_${test_name}
           COMMAND bash "${native_check}" $<TARGET_FILE:mpyc> ${native_mpytool}
                   "${native_dir}/${source}" "${source}" "${native_dir}/${name}.mpy" "${native_out}/${name}.mpy"
                   ${fields})
  set_tests_properties(native_${test_name} PROPERTIES LABELS "native" TIMEOUT 30)
endforeach()

# Error cases: errors/<case>.py that the reference rejects (ViperTypeError, ...), with its exact
# output in errors/<case>.expected; checked by tests/errors/check_error.sh (same message,
# line, non-zero exit, no output file).  Test names: native_error_<case>.
file(GLOB native_error_sources RELATIVE "${native_dir}/errors" CONFIGURE_DEPENDS "${native_dir}/errors/*.py")
list(SORT native_error_sources)
foreach(src ${native_error_sources})
  string(REGEX REPLACE "\\.py$" "" name "${src}")
  add_test(NAME native_error_${name}
           COMMAND bash "${native_dir}/../errors/check_error.sh" $<TARGET_FILE:mpyc>
                   "${native_dir}/errors" "${name}" "${native_out}/errors")
  set_tests_properties(native_error_${name} PROPERTIES LABELS "native" TIMEOUT 30)
endforeach()

# With -DMPYTOOLS_REFERENCE_MPY_CROSS=/path/to/mpy-cross (1.27.0; the cache variable is declared by
# tests/golden/tests.cmake), also check the committed goldens are what that reference makes now.
if(MPYTOOLS_REFERENCE_MPY_CROSS)
  add_test(NAME native_up_to_date
           COMMAND bash -c "rm -rf \"$1\" && \"$0/regenerate.sh\" \"$2\" \"$1\" >/dev/null && diff -r -q -x '*.sh' -x '*.md' -x '*.txt' -x '*.cmake' -x '*.py' -x differential -x asm_thumb \"$0\" \"$1\" && echo 'native golden files are current'"
                   "${native_dir}" "${PROJECT_BINARY_DIR}/native-regenerated" "${MPYTOOLS_REFERENCE_MPY_CROSS}")
  set_tests_properties(native_up_to_date PROPERTIES LABELS "native" TIMEOUT 120)
endif()

# Differential test on generated viper functions (differential/run_differential.sh): needs the
# reference compiler, so it exists only when MPYTOOLS_REFERENCE_MPY_CROSS is set.
if(MPYTOOLS_REFERENCE_MPY_CROSS)
  add_test(NAME native_differential_viper
           COMMAND bash "${native_dir}/differential/run_differential.sh" "${MPYTOOLS_REFERENCE_MPY_CROSS}"
                   $<TARGET_FILE:mpyc> 1 25)
  set_tests_properties(native_differential_viper PROPERTIES LABELS "native" TIMEOUT 120
                       ENVIRONMENT "KEEP=${PROJECT_BINARY_DIR}/native-differential-viper")
  add_test(NAME native_differential_native
           COMMAND bash "${native_dir}/differential/run_differential.sh" "${MPYTOOLS_REFERENCE_MPY_CROSS}"
                   $<TARGET_FILE:mpyc> 1 25)
  set_tests_properties(native_differential_native PROPERTIES LABELS "native" TIMEOUT 120
                       ENVIRONMENT "GEN=native;KEEP=${PROJECT_BINARY_DIR}/native-differential-native")
  # The Thumb back end and the Thumb inline assembler, on Thumb-1 and on the full instruction set.
  foreach(combo "viper;armv6m" "native;armv7m" "asm_thumb;armv6m" "asm_thumb;armv7emsp")
    list(GET combo 0 gen)
    list(GET combo 1 arch)
    add_test(NAME native_differential_${gen}_${arch}
             COMMAND bash "${native_dir}/differential/run_differential.sh" "${MPYTOOLS_REFERENCE_MPY_CROSS}"
                     $<TARGET_FILE:mpyc> 1 25)
    set_tests_properties(native_differential_${gen}_${arch} PROPERTIES LABELS "native" TIMEOUT 120
                         ENVIRONMENT "GEN=${gen};ARCH=${arch};KEEP=${PROJECT_BINARY_DIR}/native-differential-${gen}-${arch}")
  endforeach()
endif()
