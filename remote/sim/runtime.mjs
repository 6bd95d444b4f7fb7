// Finds and loads MicroPython's webassembly runtime (npm package
// @micropython/micropython-webassembly-pyscript 1.27).
//
// Where it is depends on how mpytools runs:
//   - installed: the package's files are copied beside this script (or into a node_modules
//     directory beside it);
//   - from the source tree: `npm install` put it in node_modules at the repository root,
//     two directories up from remote/sim/;
//   - anywhere: MPYTOOLS_MICROPYTHON_WASM names micropython.mjs (or its directory).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE = join('@micropython', 'micropython-webassembly-pyscript');
const ENTRY = 'micropython.mjs';

export function findRuntime() {
    const candidates = [];
    const fromEnv = process.env.MPYTOOLS_MICROPYTHON_WASM;
    if (fromEnv) {
        // Named explicitly: that one or none.
        const p = resolve(fromEnv);
        const entry = existsSync(p) && statSync(p).isDirectory() ? join(p, ENTRY) : p;
        if (existsSync(entry)) return entry;
        throw new Error(`MPYTOOLS_MICROPYTHON_WASM names ${fromEnv}, which has no ${ENTRY}`);
    }
    const here = dirname(fileURLToPath(import.meta.url));
    candidates.push(join(here, ENTRY));
    for (let dir = here; ; dir = dirname(dir)) {
        candidates.push(join(dir, 'node_modules', PACKAGE, ENTRY));
        if (dirname(dir) === dir) break;
    }
    for (const c of candidates) {
        if (existsSync(c) && existsSync(join(dirname(c), 'micropython.wasm'))) return c;
    }
    throw new Error('MicroPython webassembly runtime not found (looked for ' +
                    `${PACKAGE}/${ENTRY} beside ${here} and in node_modules above it; ` +
                    'run `npm install` in the mpytools source tree or set MPYTOOLS_MICROPYTHON_WASM)');
}

// Compiling the 300 KB wasm module costs tens of milliseconds; a soft reset makes a fresh
// runtime instance, so compile once per process and instantiate the compiled module again.
// Emscripten's loader calls WebAssembly.instantiate(bytes, imports); we answer from a cache.
// `filterImports` may rewrite the module's imports before each instantiation.
function cacheWasmCompilation(filterImports) {
    if (WebAssembly.instantiate.mpytoolsCached) return;
    const instantiate = WebAssembly.instantiate.bind(WebAssembly);
    let compiled = null;
    const cached = async (source, imports) => {
        if (source instanceof WebAssembly.Module) return instantiate(source, imports);
        if (!compiled) compiled = await WebAssembly.compile(source);
        const instance = await instantiate(compiled, filterImports ? filterImports(imports) : imports);
        return { module: compiled, instance };
    };
    cached.mpytoolsCached = true;
    WebAssembly.instantiate = cached;
}

let loader = null;

// Returns the package's loadMicroPython function.  `filterImports` (optional) may rewrite the
// wasm module's imports of every instance it makes.
export async function runtimeLoader(filterImports) {
    if (!loader) {
        cacheWasmCompilation(filterImports);
        const mod = await import(pathToFileURL(findRuntime()).href);
        loader = mod.loadMicroPython;
    }
    return loader;
}
