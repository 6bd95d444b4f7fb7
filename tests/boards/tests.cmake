# Test boards: board_pty puts a board program (the sim board, MicroPython's unix port, QEMU's
# micro:bit) behind a pty, so clients open a real tty as they open a board's serial port.
add_executable(board_pty ${CMAKE_CURRENT_LIST_DIR}/board_pty.cc)
target_compile_options(board_pty PRIVATE -Wall -Wextra)
target_link_libraries(board_pty PRIVATE util)
