# cmake -DIN=file.py -DOUT=file.cc -DNAME=function -P embed_text.cmake
# Writes OUT defining `std::string_view mpy::agent::NAME()` that returns IN's text, so that a
# device-side agent stays a readable .py file in the source tree and is still part of mpr.
file(READ "${IN}" text)
string(FIND "${text}" ")mpr_agent\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )mpr_agent\"")
endif()
file(WRITE "${OUT}.tmp"
     "// Generated from ${IN} by embed_text.cmake: do not edit.\n"
     "#include \"remote/agent/agent_sources.h\"\n\n"
     "namespace mpy::agent {\n\n"
     "std::string_view ${NAME}() {\n"
     "    static constexpr char text[] = R\"mpr_agent(${text})mpr_agent\";\n"
     "    return {text, sizeof text - 1};\n"
     "}\n\n"
     "}  // namespace mpy::agent\n")
# Only touch OUT when it changed, so that an unchanged agent recompiles nothing.
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
