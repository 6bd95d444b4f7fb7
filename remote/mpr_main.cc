// Entry point of mpr: parses the command line (CLI11) and calls the library; no logic of its own.
#include <cstdio>

int main() {
    std::fputs("mpr: under construction\n", stderr);
    return 2;
}
