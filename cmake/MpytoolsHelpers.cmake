# mpytools_library(NAME DIR DEPS...): a static library of every .cc in DIR except *_main.cc
# and *_fuzz.cc, with DIR's parent on the include path (so code says #include "common/x.h").
function(mpytools_library name dir)
  file(GLOB srcs CONFIGURE_DEPENDS "${dir}/*.cc")
  list(FILTER srcs EXCLUDE REGEX "_(main|fuzz)\\.cc$")
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC ${ARGN})
  else()  # a directory with no library code yet
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} INTERFACE ${ARGN})
  endif()
endfunction()

# mpytools_fuzzers(DIR LIBS...): one libFuzzer executable per DIR/*_fuzz.cc (only with MPYTOOLS_FUZZ).
function(mpytools_fuzzers dir)
  if(NOT MPYTOOLS_FUZZ)
    return()
  endif()
  file(GLOB fuzzers CONFIGURE_DEPENDS "${dir}/*_fuzz.cc")
  foreach(src ${fuzzers})
    get_filename_component(fname ${src} NAME_WE)
    add_executable(${fname} ${src})
    target_compile_options(${fname} PRIVATE -fsanitize=fuzzer)
    target_link_options(${fname} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${fname} PRIVATE ${ARGN})
    set_property(GLOBAL APPEND PROPERTY MPYTOOLS_FUZZERS ${fname})
  endforeach()
endfunction()

# mpytools_missing_test_dependency(AREA WHAT): WHAT (a program the AREA tests need) was not found.
# With MPYTOOLS_STRICT_TESTS (CI) that stops the configure step; otherwise one placeholder test,
# AREA_unavailable, reports the skip, so that the run's summary names what did not run.
function(mpytools_missing_test_dependency area what)
  if(MPYTOOLS_STRICT_TESTS)
    message(FATAL_ERROR "${what} not found: the ${area} tests cannot run "
                        "(MPYTOOLS_STRICT_TESTS is on, as it is when CI=true; scripts/setup.sh installs it)")
  endif()
  message(STATUS "${what} not found: the ${area} tests are skipped")
  add_test(NAME ${area}_unavailable COMMAND sh -c "echo 'SKIP: ${what} not found'; exit 77")
  set_tests_properties(${area}_unavailable PROPERTIES SKIP_RETURN_CODE 77 LABELS unavailable)
endfunction()
