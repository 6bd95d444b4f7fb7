// Imports a .mpy file into MicroPython 1.27's webassembly runtime (the npm package) and prints
// what the program prints.  Usage: node run_merged.mjs <runtime dir> <file.mpy>
// Exits 77 (ctest "skipped") when the runtime is not installed.
import fs from "node:fs";
import path from "node:path";

const [runtimeDir, mpyPath] = process.argv.slice(2);
const entry = path.join(runtimeDir, "micropython.mjs");
if (!fs.existsSync(entry)) {
    console.error(`runtime not installed: ${entry} (run npm install)`);
    process.exit(77);
}
const { loadMicroPython } = await import(entry);
let out = "";
const mp = await loadMicroPython({ stdout: (line) => { out += line + "\n"; }, linebuffer: true });
const name = path.basename(mpyPath, ".mpy");
mp.FS.mkdir("/lib");
mp.FS.writeFile(`/lib/${name}.mpy`, fs.readFileSync(mpyPath));
try {
    // A Python exception is printed as MicroPython prints it (the traceback shows the line
    // numbers the .mpy file carries), so tests can check them.
    mp.runPython(`import sys\nsys.path.insert(0, "/lib")\ntry:\n    import ${name}\nexcept Exception as e:\n    sys.print_exception(e)`);
} catch (e) {
    process.stdout.write(out);
    console.error(String(e));
    process.exit(1);
}
process.stdout.write(out);
