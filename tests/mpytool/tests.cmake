# mpytool end-to-end tests (owned by helper "format").  Data: tests/mpytool/README.md.
set(mpyt_dir "${CMAKE_CURRENT_SOURCE_DIR}/mpytool")
set(mpyt_data "${mpyt_dir}/mpy")
set(mpyt_check "${mpyt_dir}/run_check.cmake")

# mpyt_check(NAME WORKDIR ARGS <a|b|c> [more -DVAR=value ...]): runs mpytool with ARGS in WORKDIR.
function(mpyt_check name workdir args)
  add_test(NAME mpytool.${name}
    COMMAND ${CMAKE_COMMAND} -DPROG=$<TARGET_FILE:mpytool> "-DARGS=${args}" -DWORKDIR=${workdir}
            -DACTUAL_DIR=${CMAKE_CURRENT_BINARY_DIR} ${ARGN}
            -P ${mpyt_check})
  set_tests_properties(mpytool.${name} PROPERTIES LABELS mpytool)
endfunction()

# ---- golden listings of our own programs (compiled by the reference mpy-cross 1.27.0) ----
# After an intended change of the output, regenerate inside tests/mpytool/mpy and review the diff:
#   mpytool info X.mpy > ../golden/X.info;  mpytool dis X.mpy > ../golden/X.dis
#   mpytool dis shapes.mpy --source ../src/shapes.py > ../golden/shapes.dis
#   mpytool diff part_two.mpy part_two_v2.mpy > ../golden/part_two.diff
# (a failing golden test leaves the actual output in the build's tests/ directory as <file>.actual)
foreach(f shapes fastpath-x64 fastpath-rv32imc-zba asm_thumb_demo-armv7m part_one)
  mpyt_check(info.${f} ${mpyt_data} "info|${f}.mpy" -DEXPECT_STDOUT=${mpyt_dir}/golden/${f}.info)
endforeach()
foreach(f part_three fastpath-armv6m fastpath-xtensa fastpath-rv32imc asm_rv32_demo-rv32imc asm_xtensa_demo-xtensa)
  mpyt_check(dis.${f} ${mpyt_data} "dis|${f}.mpy" -DEXPECT_STDOUT=${mpyt_dir}/golden/${f}.dis)
endforeach()
mpyt_check(dis.shapes_with_source ${mpyt_data} "dis|shapes.mpy|--source|../src/shapes.py"
  -DEXPECT_STDOUT=${mpyt_dir}/golden/shapes.dis)
mpyt_check(info.other_version ${mpyt_dir}/bad "info|version5.mpy" -DEXPECT_RC=1
  "-DEXPECT_REGEX=version 5 .written by MicroPython 1.12 to 1.18.")
mpyt_check(diff.changed ${mpyt_data} "diff|part_two.mpy|part_two_v2.mpy" -DEXPECT_RC=1
  -DEXPECT_STDOUT=${mpyt_dir}/golden/part_two.diff)
mpyt_check(diff.same ${mpyt_data} "diff|shapes.mpy|shapes.mpy" -DEXPECT_REGEX=^$)

# ---- verify: every reference file is valid; every corrupted variant is rejected, with where ----
file(GLOB mpyt_good RELATIVE ${mpyt_data} CONFIGURE_DEPENDS ${mpyt_data}/*.mpy)
string(REPLACE ";" "|" mpyt_good_args "${mpyt_good}")
mpyt_check(verify.reference_files ${mpyt_data} "verify|${mpyt_good_args}" -DEXPECT_REGEX=shapes-native-x64.mpy:.ok)
set(mpyt_bad
  "child_index|in <module> at code offset 0x7 .file offset 0x91.: MAKE_FUNCTION makes child 5 but the function has 2 children"
  "const_index|LOAD_CONST_OBJ loads constant 9 but the constant table has 4 entries"
  "jump_mid_insn|in <module>.classify at code offset 0x10 .file offset 0xc1.: POP_JUMP_IF_FALSE jumps to 0x13, which is not the start of an instruction"
  "local_slot|STORE_FAST 15 uses local slot 15 but n_state is 10"
  "native_no_arch|the file contains native code but its header names no architecture"
  "qstr_length|offset 0x6: qstr length 4000000 exceeds file size"
  "trailing|4 bytes of trailing data after the module"
  "truncated|offset 0xaf: code length 60 exceeds file size"
  "unknown_opcode|at code offset 0x14 .file offset 0xc5.: unknown opcode 0x01"
  "version5|offset 0x1: .mpy version 5 is not supported"
  "stack_underflow|in <module> at code offset 0x22 .file offset 0xac.: POP_TOP pops more than the stack holds .depth would be -1."
  "stack_paths_disagree|in <module>.classify at code offset 0x34 .file offset 0xe5.: paths reach this instruction with different depths .stack 4 and 6"
  "stack_overflow|in <module>.<listcomp> at code offset 0xd .file offset 0xfc.: stack depth 8 exceeds the 7 slots n_state 9 leaves beside the locals"
  "exc_stack_overflow|in <module> at code offset 0x29 .file offset 0xb0.: exception-block depth 2 exceeds n_exc_stack 1")
foreach(entry ${mpyt_bad})
  string(FIND "${entry}" "|" bar)
  string(SUBSTRING "${entry}" 0 ${bar} bad_name)
  math(EXPR bar "${bar} + 1")
  string(SUBSTRING "${entry}" ${bar} -1 bad_regex)
  mpyt_check(verify.rejects_${bad_name} ${mpyt_dir}/bad "verify|${bad_name}.mpy" -DEXPECT_RC=1 "-DEXPECT_REGEX=${bad_regex}")
endforeach()

# ---- freeze: identical to what `mpy-tool.py -f` printed for the same files (expected/*.c) ----
set(mpyt_freeze
  "bytecode|shapes.mpy|part_one.mpy|part_two.mpy|part_three.mpy"
  "x64|fastpath-x64.mpy|shapes-native-x64.mpy"
  "armv6m|fastpath-armv6m.mpy|asm_thumb_demo-armv6m.mpy"
  "armv7m|fastpath-armv7m.mpy|asm_thumb_demo-armv7m.mpy"
  "xtensa|fastpath-xtensa.mpy|asm_xtensa_demo-xtensa.mpy"
  "rv32imc|fastpath-rv32imc.mpy|asm_rv32_demo-rv32imc.mpy"
  "longlong|--longint-impl|longlong|shapes.mpy"
  "mpz8|--mpz-dig-size|8|part_two.mpy|shapes.mpy"
  "qstr_header|-q|../qstrdefs_sample.h|shapes.mpy"
  "bytecode_port|--with-frozen-str|shapes.mpy|part_one.mpy|part_two.mpy|part_three.mpy")
foreach(entry ${mpyt_freeze})
  string(FIND "${entry}" "|" bar)
  string(SUBSTRING "${entry}" 0 ${bar} fz_name)
  math(EXPR bar "${bar} + 1")
  string(SUBSTRING "${entry}" ${bar} -1 fz_args)
  mpyt_check(freeze.${fz_name} ${mpyt_data} "freeze|${fz_args}|-o|-" -DEXPECT_STDOUT=${mpyt_dir}/expected/freeze_${fz_name}.c)
endforeach()

# ---- merge ----
# With --drop-line-info the output is byte-identical to mpy-tool.py --merge.
mpyt_check(merge.like_mpy_tool ${mpyt_data}
  "merge|part_one.mpy|part_two.mpy|part_three.mpy|--drop-line-info|-o|${CMAKE_CURRENT_BINARY_DIR}/merged_like_mpy_tool.mpy"
  -DOUTPUT_FILE=${CMAKE_CURRENT_BINARY_DIR}/merged_like_mpy_tool.mpy -DEXPECT_FILE=${mpyt_dir}/expected/merged_like_mpy_tool.mpy)
mpyt_check(merge.two_native_inputs ${mpyt_data}
  "merge|fastpath-x64.mpy|fastpath-xtensa.mpy|-o|${CMAKE_CURRENT_BINARY_DIR}/never.mpy" -DEXPECT_RC=1
  "-DEXPECT_REGEX=native architecture mismatch")
mpyt_check(usage.unknown_command ${mpyt_data} "frobnicate" -DEXPECT_RC=2)
mpyt_check(usage.missing_output ${mpyt_data} "merge|part_one.mpy" -DEXPECT_RC=2)

# The merged program imported and run by MicroPython 1.27 (npm webassembly runtime).
find_program(MPYT_NODE node)
if(NOT MPYT_NODE)
  mpytools_missing_test_dependency(mpytool_merge_runs node)
else()
  foreach(run "three|part_one.mpy|part_two.mpy|part_three.mpy|merged_run.txt"
              "traceback|part_one.mpy|part_four.mpy|merged_traceback.txt")
    string(REPLACE "|" ";" run_list "${run}")
    list(GET run_list 0 run_name)
    list(GET run_list -1 run_expect)
    list(SUBLIST run_list 1 -1 run_inputs)
    list(REMOVE_AT run_inputs -1)
    string(REPLACE ";" "|" run_inputs "${run_inputs}")
    add_test(NAME mpytool.merge_runs.${run_name}
      COMMAND ${CMAKE_COMMAND} -DPROG=$<TARGET_FILE:mpytool> -DNODE=${MPYT_NODE}
              -DRUNTIME_DIR=${PROJECT_SOURCE_DIR}/node_modules/@micropython/micropython-webassembly-pyscript
              -DWORKDIR=${mpyt_data} "-DINPUTS=${run_inputs}" -DOUT=${CMAKE_CURRENT_BINARY_DIR}/merged_${run_name}.mpy
              -DEXPECT_STDOUT=${mpyt_dir}/expected/${run_expect} -P ${mpyt_dir}/merge_and_run.cmake)
    set_tests_properties(mpytool.merge_runs.${run_name} PROPERTIES LABELS mpytool SKIP_REGULAR_EXPRESSION "SKIP:")
  endforeach()
endif()

# Every golden .mpy must verify: files the reference writes are, by definition, files a loader
# accepts.  Both releases' folders (tests/golden/README.md): mpy-cross 1.27.0's files from
# tests/corpus with flag variants, its package tree (pkg/), and 1.28.0's (1.28/).
file(GLOB_RECURSE mpyt_golden_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/golden/*.mpy")
add_test(NAME mpytool.verify_reference_golden COMMAND mpytool verify -q ${mpyt_golden_files})
set_tests_properties(mpytool.verify_reference_golden PROPERTIES LABELS mpytool)
