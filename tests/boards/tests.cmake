# Test boards: board_pty puts a board program (the sim board, MicroPython's unix port, QEMU's
# micro:bit) behind a pty, so clients open a real tty as they open a board's serial port.
add_executable(board_pty ${CMAKE_CURRENT_LIST_DIR}/board_pty.cc)
target_link_libraries(board_pty PRIVATE util)

# The sim board's parts that need no runtime (receive ring, transmit side, errno table).
find_program(MPYTOOLS_NODE node)
if(MPYTOOLS_NODE)
  add_test(NAME boards_sim_parts
           COMMAND ${MPYTOOLS_NODE} --test ${CMAKE_CURRENT_LIST_DIR}/sim_parts_test.mjs)
  set_tests_properties(boards_sim_parts PROPERTIES LABELS "boards" TIMEOUT 60)
else()
  mpytools_missing_test_dependency(boards_sim_parts node)
endif()
