# Native-code goldens: mpyc must reproduce, byte for byte, the .mpy files the reference mpy-cross
# 1.28.0 and 1.27.0 made from our programs in tests/native (see README.md).
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

# The goldens of each reference release live in expected/<version>/ (1.28: the default; 1.27:
# checked with --compat=1.27).  Test names: native_<...> for 1.28, native_127_<...> for 1.27.
file(GLOB native_sources RELATIVE "${native_dir}" CONFIGURE_DEPENDS "${native_dir}/*.py")
list(SORT native_sources)
file(STRINGS "${native_dir}/archs.txt" native_arch_lines)
file(STRINGS "${native_dir}/variants.txt" native_variant_lines)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${native_dir}/archs.txt" "${native_dir}/variants.txt")

function(native_golden_test name source stored golden out)
  # -march=debug also prints a trace, checked against the .txt beside the golden.
  set(check "${native_check}")
  if("${ARGN}" MATCHES "-march=debug")
    set(check "${native_dir}/check_debug.sh")
  endif()
  add_test(NAME ${name}
           COMMAND bash "${check}" $<TARGET_FILE:mpyc> ${native_mpytool}
                   "${native_dir}/${source}" "${stored}" "${golden}" "${out}" ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS "native" TIMEOUT 30)
endfunction()

foreach(version 1.28 1.27)
  set(expected "${native_dir}/expected/${version}")
  set(out "${native_out}/${version}")
  if(version STREQUAL "1.28")
    set(prefix native)
  else()
    set(prefix native_127)
  endif()
  set(compat --compat=${version})

  foreach(rel ${native_sources})
    string(REGEX REPLACE "\\.py$" "" stem "${rel}")
    native_golden_test(${prefix}_${stem} "${rel}" "${rel}" "${expected}/${stem}.mpy" "${out}/${stem}.mpy"
                       ${compat} -march=x64)
  endforeach()

  foreach(line ${native_arch_lines})
    string(STRIP "${line}" line)
    if(line STREQUAL "" OR line MATCHES "^#")
      continue()
    endif()
    string(REGEX REPLACE "[ \t]+" ";" fields "${line}")
    list(POP_FRONT fields arch)
    # "<arch>@<release>": goldens of that release only.
    if(arch MATCHES "^(.*)@(.*)$")
      set(arch "${CMAKE_MATCH_1}")
      if(NOT CMAKE_MATCH_2 STREQUAL version)
        continue()
      endif()
    endif()
    set(arch_sources "")
    foreach(pattern ${fields})
      file(GLOB matched RELATIVE "${native_dir}" CONFIGURE_DEPENDS "${native_dir}/${pattern}")
      list(APPEND arch_sources ${matched})
    endforeach()
    list(SORT arch_sources)
    foreach(rel ${arch_sources})
      get_filename_component(stem "${rel}" NAME_WE)
      get_filename_component(stored "${rel}" NAME)
      native_golden_test(${prefix}_${arch}_${stem} "${rel}" "${stored}" "${expected}/${arch}/${stem}.mpy"
                         "${out}/${arch}/${stem}.mpy" ${compat} -march=${arch})
    endforeach()
  endforeach()

  foreach(line ${native_variant_lines})
    string(STRIP "${line}" line)
    if(line STREQUAL "" OR line MATCHES "^#")
      continue()
    endif()
    string(REGEX REPLACE "[ \t]+" ";" fields "${line}")
    list(POP_FRONT fields name source)
    string(REPLACE "/" "_" test_name "${name}")
    native_golden_test(${prefix}_${test_name} "${source}" "${source}" "${expected}/${name}.mpy"
                       "${out}/${name}.mpy" ${compat} ${fields})
  endforeach()
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

# With -DMPYTOOLS_REFERENCE_MPY_CROSS=/path/to/mpy-cross (1.27.0) and/or -DMPYTOOLS_REFERENCE_MPY_CROSS_128
# (1.28.0), both declared in tests/CMakeLists.txt, also check that
# the committed goldens are what that reference makes now, and run the differential tests on it.
foreach(pair "1.27;${MPYTOOLS_REFERENCE_MPY_CROSS}" "1.28;${MPYTOOLS_REFERENCE_MPY_CROSS_128}")
  list(GET pair 0 version)
  list(LENGTH pair n)
  if(n LESS 2)
    continue()
  endif()
  list(GET pair 1 ref)
  if(NOT ref)
    continue()
  endif()
  string(REPLACE "." "" tag "${version}")
  set(regen "${PROJECT_BINARY_DIR}/native-regenerated-${version}")
  add_test(NAME native_${tag}_up_to_date
           COMMAND bash -c "rm -rf \"$1\" && \"$0/regenerate.sh\" \"$2\" \"$1\" >/dev/null && diff -r -q -x errors \"$0/expected/$3\" \"$1\" && diff -r -q -x '*.py' \"$0/errors\" \"$1/errors\" && echo \"native golden files of $3 are current\""
                   "${native_dir}" "${regen}" "${ref}" "${version}")
  set_tests_properties(native_${tag}_up_to_date PROPERTIES LABELS "native" TIMEOUT 300)

  # Differential tests on generated functions (differential/run_differential.sh): the x64 and x86
  # viper and native emitters, the Thumb and ARM-mode back ends and the Thumb inline assembler.
  foreach(combo "viper;x64" "native;x64" "viper;armv6m" "native;armv7m" "asm_thumb;armv6m" "asm_thumb;armv7emsp"
                "viper;x86" "native;x86" "viper;armv6" "native;armv6")
    list(GET combo 0 gen)
    list(GET combo 1 arch)
    set(name native_${tag}_differential_${gen}_${arch})
    add_test(NAME ${name}
             COMMAND bash "${native_dir}/differential/run_differential.sh" "${ref}" $<TARGET_FILE:mpyc> 1 25)
    set_tests_properties(${name} PROPERTIES LABELS "native" TIMEOUT 120
                         ENVIRONMENT "GEN=${gen};ARCH=${arch};KEEP=${PROJECT_BINARY_DIR}/${name}")
  endforeach()

  # Xtensa: the call0 and the windowed ABI (literal pools, long branches, parent registers).
  foreach(combo "viper;xtensa" "native;xtensa" "viper;xtensawin" "native;xtensawin")
    list(GET combo 0 gen)
    list(GET combo 1 arch)
    set(name native_${tag}_differential_${gen}_${arch})
    add_test(NAME ${name}
             COMMAND bash "${native_dir}/differential/run_differential.sh" "${ref}" $<TARGET_FILE:mpyc> 1 25)
    set_tests_properties(${name} PROPERTIES LABELS "native" TIMEOUT 300
                         ENVIRONMENT "GEN=${gen};ARCH=${arch};KEEP=${PROJECT_BINARY_DIR}/${name}")
  endforeach()

  # rv32imc, plain and with -march-flags (zba; zba,zcmp, which 1.27 reads as zba); the inline
  # assembler plain and with zba (its sh1add..sh3add).
  foreach(combo "viper;" "native;" "viper;zba" "native;zba,zcmp" "asm_rv32;" "asm_rv32;zba")
    list(GET combo 0 gen)
    list(GET combo 1 flags)
    set(name native_${tag}_differential_${gen}_rv32imc)
    set(flags_env "FLAGS=")
    if(flags)
      string(REPLACE "," "_" flags_tag "${flags}")
      set(name ${name}_${flags_tag})
      set(flags_env "FLAGS=-march-flags=${flags}")
    endif()
    add_test(NAME ${name}
             COMMAND bash "${native_dir}/differential/run_differential.sh" "${ref}" $<TARGET_FILE:mpyc> 1 25)
    # 25 seeds take ~10 s of CPU, but start-up of python3 per seed dominates on a loaded machine.
    set_tests_properties(${name} PROPERTIES LABELS "native" TIMEOUT 300
                         ENVIRONMENT "GEN=${gen};ARCH=rv32imc;${flags_env};KEEP=${PROJECT_BINARY_DIR}/${name}")
  endforeach()
endforeach()
