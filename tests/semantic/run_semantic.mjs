// Semantic equivalence runner: a corpus program must behave the same whether MicroPython runs
// its source (.py), the reference compiler's .mpy (tests/golden), or mpyc's .mpy.
//
// Each program runs in a FRESH instance of MicroPython 1.27's webassembly runtime (the npm
// package), so programs cannot disturb each other; many cases can share one node process.
//
//   node run_semantic.mjs --corpus DIR --golden DIR [--mpyc PATH] [--work DIR] [--runtime MJS]
//                         [--no-mpyc] [--print-output] CASE...
//
// A CASE is the basename of a golden file without ".mpy", relative to the golden dir:
// "ops_fold", "pkg/sub", or a flagged variant listed in golden/variants.txt ("assert_stmt.O1").
//
// For every case the runner:
//   1. runs the .py source (with micropython.opt_level() set to the variant's -O level) and
//      records which corpus modules it imported;
//   2. runs the reference .mpy files of those modules (the case's own flagged .mpy for the main
//      module) and requires the same output as 1 (otherwise the corpus or golden data is wrong);
//   3. compiles those modules with mpyc (same flags, -s so the stored source name matches) and
//      requires the same output again.
// Exit status: 0 if every case passed, 1 if any failed, 77 if the runtime is missing (skip).
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
    const opts = { cases: [], mpyc: null, work: null, runtime: null, corpus: null, golden: null };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const val = () => {
            if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
            return argv[++i];
        };
        if (a === "--corpus") opts.corpus = val();
        else if (a === "--golden") opts.golden = val();
        else if (a === "--mpyc") opts.mpyc = val();
        else if (a === "--work") opts.work = val();
        else if (a === "--runtime") opts.runtime = val();
        else if (a === "--no-mpyc") opts.mpyc = null;
        else if (a === "--print-output") opts.printOutput = true;
        else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
        else opts.cases.push(a);
    }
    opts.corpus ??= path.resolve(here, "../corpus");
    opts.golden ??= path.resolve(here, "../golden");
    opts.runtime ??= path.resolve(here, "../../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs");
    return opts;
}

// golden/variants.txt: "<golden name> <source .py relative to corpus> <flags...>" per line.
function readVariants(goldenDir) {
    const variants = new Map();
    const file = path.join(goldenDir, "variants.txt");
    if (!fs.existsSync(file)) return variants;
    for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
        const line = raw.replace(/#.*/, "").trim();
        if (!line) continue;
        const [name, source, ...flags] = line.split(/\s+/);
        variants.set(name, { source, flags });
    }
    return variants;
}

// The -O level mpy-cross derives from its flags: -O<digit>, or one per 'O' in -O, -OO, ...
function optLevel(flags) {
    let level = 0;
    for (const f of flags) {
        const m = /^-O(\d)/.exec(f);
        if (m) level = Number(m[1]);
        else if (/^-O+$/.test(f)) level = f.length - 1;
    }
    return level;
}

function listCorpus(dir, rel = "") {
    const out = [];
    for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${ent.name}` : ent.name;
        if (ent.isDirectory()) out.push(...listCorpus(dir, r));
        else if (ent.name.endsWith(".py")) out.push(r);
    }
    return out.sort();
}

// "pkg/deep/leaf.py" -> "pkg.deep.leaf"; "pkg/__init__.py" -> "pkg".
function moduleName(rel) {
    return rel.replace(/\.py$/, "").replace(/\/__init__$/, "").split("/").join(".");
}

let loadMicroPython;
const OUTPUT_LIMIT = 256 * 1024;

// Runs `import <main>` in a fresh runtime whose working directory holds `files`
// (relative path -> bytes). Returns { output, modules } where output is everything written to
// stdout/stderr plus the text of an uncaught exception, and modules lists sys.modules afterwards.
async function runInFreshRuntime(files, mainModule, level) {
    const chunks = [];
    let total = 0;
    const sink = (bytes) => {
        chunks.push(Buffer.from(bytes));
        total += bytes.length;
        // A miscompiled loop that prints forever would exhaust memory; throwing out of the
        // output callback aborts the running code instead.
        if (total > OUTPUT_LIMIT) throw new Error(`output limit of ${OUTPUT_LIMIT} bytes exceeded`);
    };
    const mp = await loadMicroPython({ stdout: sink, stderr: sink, linebuffer: false, heapsize: 4 * 1024 * 1024 });
    mp.FS.mkdirTree("/run");
    mp.FS.chdir("/run");
    for (const [rel, data] of files) {
        const dir = path.posix.dirname(rel);
        if (dir !== ".") mp.FS.mkdirTree(`/run/${dir}`);
        mp.FS.writeFile(`/run/${rel}`, data);
    }
    let uncaught = "";
    try {
        mp.runPython(`import micropython\nmicropython.opt_level(${level})\nimport ${mainModule}\n`);
    } catch (e) {
        uncaught = `UNCAUGHT EXCEPTION:\n${e.message}\n`;
    }
    let modules = [];
    try {
        mp.runPython("import sys\n_semantic_mods = ','.join(sys.modules)\n");
        modules = String(mp.globals.get("_semantic_mods")).split(",").filter(Boolean);
    } catch (e) {
        modules = [];
    }
    // Kept as bytes: compared exactly, decoded as UTF-8 only for display.
    return { output: Buffer.concat([...chunks, Buffer.from(uncaught)]), modules };
}

// Describes the first difference between two outputs, with a little context from each side.
function describeDiff(labelA, a, labelB, b) {
    const la = a.toString("utf8").split("\n");
    const lb = b.toString("utf8").split("\n");
    let i = 0;
    while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
    const from = Math.max(0, i - 2);
    const show = (lines) => lines.slice(from, i + 3).map((l, k) => `      ${from + k + 1}| ${l}`).join("\n");
    return `    outputs differ at line ${i + 1}\n    --- ${labelA}:\n${show(la)}\n    --- ${labelB}:\n${show(lb)}`;
}

function compileWithMpyc(opts, rel, flags, outPath) {
    fs.mkdirSync(path.dirname(outPath), { recursive: true });
    if (fs.existsSync(outPath)) fs.rmSync(outPath);
    // The runtime is MicroPython 1.27's, so mpyc reproduces 1.27 (whose goldens these are).
    const args = ["--compat=1.27", ...flags, "-s", rel, "-o", outPath, path.join(opts.corpus, rel)];
    try {
        execFileSync(opts.mpyc, args, { stdio: ["ignore", "pipe", "pipe"], timeout: 20000 });
    } catch (e) {
        const err = (e.stderr ? e.stderr.toString() : "") + (e.stdout ? e.stdout.toString() : "");
        throw new Error(`mpyc ${args.join(" ")} failed (${e.status ?? e.signal ?? e.code}):\n${err.trim().split("\n").slice(0, 8).map((l) => "      " + l).join("\n")}`);
    }
    if (!fs.existsSync(outPath)) throw new Error(`mpyc ${args.join(" ")} exited 0 but wrote no ${outPath}`);
    return fs.readFileSync(outPath);
}

// The webassembly runtime has 31-bit small ints and refuses .mpy files that assume more, and it
// refuses files whose header carries architecture flags (-march-flags=, e.g. rv32imc's zba).
const RUNTIME_SMALL_INT_BITS = 31;
function unloadableReason(flags) {
    for (const f of flags) {
        const m = /^-msmall-int-bits=(\d+)$/.exec(f);
        if (m && Number(m[1]) > RUNTIME_SMALL_INT_BITS)
            return `${f} is not loadable on a ${RUNTIME_SMALL_INT_BITS}-bit runtime`;
        if (f.startsWith("-march-flags="))
            return `${f} puts architecture flags in the header, which this runtime refuses`;
    }
    return null;
}

async function runCase(opts, variants, corpusFiles, caseName, workDir) {
    const variant = variants.get(caseName) ?? { source: `${caseName}.py`, flags: [] };
    const unloadable = unloadableReason(variant.flags);
    if (unloadable) return { skipped: unloadable, failures: [], modules: [] };
    const mainRel = variant.source;
    if (!corpusFiles.includes(mainRel)) throw new Error(`no corpus file ${mainRel} for case ${caseName}`);
    const mainMod = moduleName(mainRel);
    const level = optLevel(variant.flags);

    // 1. The source itself; every corpus module is available as .py.
    const pyFiles = new Map(corpusFiles.map((rel) => [rel, fs.readFileSync(path.join(opts.corpus, rel))]));
    const py = await runInFreshRuntime(pyFiles, mainMod, level);
    const byModule = new Map(corpusFiles.map((rel) => [moduleName(rel), rel]));
    const used = py.modules.filter((m) => byModule.has(m)).map((m) => byModule.get(m));
    if (!used.includes(mainRel)) used.push(mainRel);
    const failures = [];
    // Corpus programs are written to run to completion; an escaping exception means the program
    // (or the runtime it was written for) is broken, and the comparison would prove little.
    const pyText = py.output.toString("utf8");
    if (pyText.includes("UNCAUGHT EXCEPTION:"))
        failures.push(`the .py program itself ends with an uncaught exception (fix the corpus program)\n` +
            pyText.slice(pyText.indexOf("UNCAUGHT EXCEPTION:")).split("\n").map((l) => "      " + l).join("\n"));

    // 2. The reference .mpy files (the main module with the case's flags, the others default).
    const refFiles = new Map();
    for (const rel of used) {
        const g = rel === mainRel ? `${caseName}.mpy` : rel.replace(/\.py$/, ".mpy");
        const gp = path.join(opts.golden, g);
        if (!fs.existsSync(gp)) {
            failures.push(`missing golden file ${g} (run tests/golden/regenerate.sh)`);
            continue;
        }
        refFiles.set(rel.replace(/\.py$/, ".mpy"), fs.readFileSync(gp));
    }
    if (failures.length === 0) {
        const ref = await runInFreshRuntime(refFiles, mainMod, level);
        if (!ref.output.equals(py.output))
            failures.push(`reference .mpy output differs from .py output (corpus or golden data is wrong)\n` +
                describeDiff(".py", py.output, "reference .mpy", ref.output));
    }

    // 3. mpyc's .mpy files, compiled with the same flags.
    if (opts.mpyc) {
        const mpycFiles = new Map();
        let compileError = null;
        for (const rel of used) {
            const flags = rel === mainRel ? variant.flags : [];
            const out = path.join(workDir, rel === mainRel ? `${caseName}.mpy` : rel.replace(/\.py$/, ".mpy"));
            try {
                mpycFiles.set(rel.replace(/\.py$/, ".mpy"), compileWithMpyc(opts, rel, flags, out));
            } catch (e) {
                compileError = e.message;
                break;
            }
        }
        if (compileError) failures.push(compileError);
        else {
            const got = await runInFreshRuntime(mpycFiles, mainMod, level);
            if (!got.output.equals(py.output))
                failures.push(`mpyc .mpy output differs from the reference\n` +
                    describeDiff(".py / reference .mpy", py.output, "mpyc .mpy", got.output));
        }
    }
    return { failures, modules: used, output: pyText };
}

async function main() {
    const opts = parseArgs(process.argv.slice(2));
    if (!fs.existsSync(opts.runtime)) {
        console.log(`SKIP: MicroPython webassembly runtime not found at ${opts.runtime} (run npm install in the repo)`);
        process.exit(77);
    }
    ({ loadMicroPython } = await import(pathToFileURL(opts.runtime).href));
    const variants = readVariants(opts.golden);
    const corpusFiles = listCorpus(opts.corpus);
    if (opts.cases.length === 1 && opts.cases[0] === "all")
        opts.cases = [...corpusFiles.map((r) => r.replace(/\.py$/, "")), ...variants.keys()];
    const workDir = opts.work ?? fs.mkdtempSync(path.join(os.tmpdir(), "semantic-"));
    let failed = 0;
    let skipped = 0;
    for (const c of opts.cases) {
        const t0 = Date.now();
        // Announce each case first: if compiled code hangs, the test log shows which case it was.
        console.log(`RUN  ${c}`);
        let res;
        try {
            res = await runCase(opts, variants, corpusFiles, c, path.join(workDir, "mpyc"));
        } catch (e) {
            res = { failures: [`harness error: ${e.stack || e}`], modules: [] };
        }
        const ms = Date.now() - t0;
        if (res.skipped) {
            skipped++;
            console.log(`SKIP ${c}: ${res.skipped}`);
        } else if (res.failures.length) {
            failed++;
            console.log(`FAIL ${c} (${ms} ms; modules: ${res.modules.join(" ")})`);
            for (const f of res.failures) console.log(`  - ${f}`);
        } else {
            console.log(`PASS ${c} (${ms} ms; ${res.output.split("\n").length - 1} lines of output)`);
        }
        if (opts.printOutput && res.output !== undefined) console.log(res.output);
    }
    if (!opts.work) fs.rmSync(workDir, { recursive: true, force: true });
    const ran = opts.cases.length - skipped;
    console.log(`${ran - failed} of ${ran} cases passed` + (skipped ? `, ${skipped} skipped` : ""));
    process.exit(failed ? 1 : ran === 0 ? 77 : 0);
}

main().catch((e) => {
    console.log(`harness error: ${e.stack || e}`);
    process.exit(2);
});
