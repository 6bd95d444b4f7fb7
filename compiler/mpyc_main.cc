// Entry point of mpyc: parses the command line (CLI11) and calls the library; no logic of its own.
#include <cstdio>

int main() {
    std::fputs("mpyc: under construction\n", stderr);
    return 2;
}
