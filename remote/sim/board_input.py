# Runs in every fresh runtime of the sim board: a working input().
#
# The runtime's input() reads through its line editor from a stub that never returns a
# character, so it would spin forever.  This one reads sys.stdin (which works, see mcu.mjs)
# and behaves as input() on a board's UART: echoes what is typed, handles backspace, ends at
# Enter (echoing "\r\n"), Ctrl-D on an empty line raises EOFError, Ctrl-C raises
# KeyboardInterrupt.


def _sim_install_input():
    import builtins, sys

    def input(prompt=""):
        out = sys.stdout.buffer.write
        read = sys.stdin.buffer.read
        if prompt:
            sys.stdout.write(prompt)
        line = bytearray()
        while True:
            c = read(1)
            if not c:
                continue  # interrupted by Ctrl-C: the KeyboardInterrupt comes at once
            b = c[0]
            if b == 13 or b == 10:
                out(b"\r\n")
                return line.decode()
            if b == 8 or b == 127:
                if line:
                    # Drop a whole UTF-8 character.
                    n = len(line) - 1
                    while n > 0 and line[n] & 0xC0 == 0x80:
                        n -= 1
                    line = line[:n]
                    out(b"\b \b")
            elif b == 3:
                raise KeyboardInterrupt
            elif b == 4:
                if not line:
                    raise EOFError
            elif b >= 32:
                line.append(b)
                out(c)

    builtins.input = input


_sim_install_input()
del _sim_install_input
