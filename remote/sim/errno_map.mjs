// Error numbers: the runtime's C library is Emscripten's, which numbers errors as WASI does
// (ENOENT 44, EEXIST 20, ...), and MicroPython raises OSError with whatever number the C
// library reports.  A board's MicroPython uses Linux's numbers (ENOENT 2, EEXIST 17, ...) and
// clients test for them.  The runtime reaches the file system only through the system calls
// it imports from JavaScript, so we wrap those imports and translate the numbers they return:
// the C code, and so every OSError, sees Linux's numbers.

// WASI errno -> Linux errno.  EAGAIN (6) and EINTR (27) stay as they are: the C library and
// MicroPython's stream code compare them with their own constants to retry or to stop reading.
const WASI_TO_LINUX = new Map([
    [1, 7], [2, 13], [3, 98], [4, 99], [8, 9], [10, 16], [18, 33], [20, 17], [21, 14], [22, 27],
    [28, 22], [29, 5], [31, 21], [32, 40], [33, 24], [37, 36], [41, 23], [43, 19], [44, 2],
    [48, 12], [51, 28], [52, 38], [54, 20], [55, 39], [58, 95], [59, 25], [60, 6], [61, 75],
    [63, 1], [64, 32], [68, 34], [69, 30], [70, 29], [71, 3], [73, 110], [74, 26], [75, 18],
]);

export function linuxErrno(wasi) {
    return WASI_TO_LINUX.get(wasi) ?? wasi;
}

// Wraps the system-call imports of an Emscripten module in place:
//   __syscall_* return -errno on failure; fd_* (WASI) return errno, 0 on success.
export function translateSyscallErrors(imports) {
    for (const space of Object.values(imports)) {
        if (!space || typeof space !== 'object' || space.mpytoolsErrnoMapped) continue;
        for (const [name, fn] of Object.entries(space)) {
            if (typeof fn !== 'function') continue;
            if (name.startsWith('__syscall_')) {
                space[name] = (...args) => {
                    const r = fn(...args);
                    return typeof r === 'number' && r < 0 ? -linuxErrno(-r) : r;
                };
            } else if (name.startsWith('fd_')) {
                space[name] = (...args) => {
                    const r = fn(...args);
                    return typeof r === 'number' && r > 0 ? linuxErrno(r) : r;
                };
            }
        }
        space.mpytoolsErrnoMapped = true;
    }
    return imports;
}
