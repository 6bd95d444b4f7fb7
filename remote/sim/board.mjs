#!/usr/bin/env node
// The `sim` board: a virtual MicroPython 1.27 board made of MicroPython's webassembly runtime
// (npm @micropython/micropython-webassembly-pyscript).  It speaks on stdin/stdout exactly the
// byte stream a real board sends and receives on its UART, so a client (mpr, mpremote) talks
// to it through a pty as to a board.
//
//   node board.mjs [--state DIR] [--heap BYTES] [--paste-window BYTES] [--stty-raw]
//
//   --state DIR   the board's flash: its files are kept in DIR (created if missing), so they
//                 survive soft resets, restarts and separate client sessions.  Without it the
//                 board gets an empty temporary directory that is removed at exit.
//   --heap BYTES  MicroPython heap size (default 1 MiB; suffix k or m allowed).
//   --paste-window BYTES
//                 raw-paste flow-control window (default 1024).  Boards with a 256-byte
//                 receive buffer say 128; a virtual board can take more at once, and every
//                 window costs the client a round trip (128 makes uploads about 8 times slower).
//   --stty-raw    put the tty on stdin into raw mode first (for running the board by hand in a
//                 terminal; mpr and board_pty hand over a raw pty already, and the board does
//                 not touch the tty mode unless asked).
//   --dir DIR     the same as --state DIR.
//   --webrepl PORT
//                 serve MicroPython's WebREPL protocol on 127.0.0.1:PORT (0: any free port,
//                 printed on stdout as "WebREPL listening on ws://127.0.0.1:PORT") in front of
//                 the board's REPL instead of using stdin/stdout (webrepl_listener.mjs).
//   --webrepl-password PW
//                 the password the WebREPL asks for (default: none, an empty line).
//
// Two threads, like a board's UART and its CPU:
//   - this main thread receives bytes from stdin into a shared ring buffer at any time, and
//     watches the worker;
//   - the worker (mcu.mjs) runs the runtime, reads the ring (blocking, even inside running
//     code) and writes its output straight to stdout.
// If a Ctrl-C stays unanswered while the worker runs code that never calls back to
// JavaScript (the runtime's VM cannot be interrupted), the main thread ends the worker after
// INTERRUPT_GRACE_MS and starts a new one: the board then reports a KeyboardInterrupt and does
// a soft reset (variables are lost, files are kept).  The board exits when stdin ends.
import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { isatty } from 'node:tty';
import { InputRing, BoardState } from './input_ring.mjs';

const INTERRUPT_GRACE_MS = 1000;
const END_OF_INPUT_GRACE_MS = 10000;
const USAGE = 'usage: board.mjs [--state DIR] [--heap BYTES] [--paste-window BYTES] [--stty-raw]'
    + ' [--webrepl PORT [--webrepl-password PW]]\n';

function parseSize(text) {
    const m = /^(\d+)([kKmM]?)$/.exec(text ?? '');
    if (!m) throw new Error(`bad size: ${text}`);
    return Number(m[1]) * ({ '': 1, k: 1024, m: 1048576 }[m[2].toLowerCase()]);
}

function parseArgs(argv) {
    const opts = { state: null, heap: 1024 * 1024, pasteWindow: 1024, sttyRaw: false, webrepl: null,
                   webreplPassword: '', boardArgs: [] };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--webrepl') { opts.webrepl = Number(argv[++i]); continue; }
        if (a === '--webrepl-password') { opts.webreplPassword = argv[++i] ?? ''; continue; }
        const first = i;
        if (a === '--state' || a === '--dir') opts.state = argv[++i];
        else if (a.startsWith('--state=')) opts.state = a.slice(8);
        else if (a.startsWith('--dir=')) opts.state = a.slice(6);
        else if (a === '--stty-raw') opts.sttyRaw = true;
        else if (a === '--paste-window') opts.pasteWindow = parseSize(argv[++i]);
        else if (a === '--heap') opts.heap = parseSize(argv[++i]);
        else if (a.startsWith('--heap=')) opts.heap = parseSize(a.slice(7));
        else if (a === '-h' || a === '--help') { process.stderr.write(USAGE); process.exit(0); }
        else throw new Error(`unknown argument: ${a}`);
        opts.boardArgs.push(...argv.slice(first, i + 1));  // for the board behind a WebREPL
    }
    if (opts.state === undefined) throw new Error('--state needs a directory');
    if (!(opts.pasteWindow >= 1 && opts.pasteWindow <= 32768)) throw new Error('--paste-window: 1 to 32768');
    if (opts.webrepl !== null && !(Number.isInteger(opts.webrepl) && opts.webrepl >= 0 && opts.webrepl < 65536))
        throw new Error('--webrepl: a TCP port, 0 to 65535');
    return opts;
}

// A UART moves bytes unchanged: no echo, no line editing, no signals, no "\n" -> "\r\n"
// (the board adds its own "\r").  Node's setRawMode keeps output post-processing on, so ask
// stty.  Only on request (--stty-raw): the callers (mpr, board_pty) hand over a raw pty.
async function makeTtyRaw() {
    if (!isatty(0)) return;
    const { spawnSync } = await import('node:child_process');
    spawnSync('stty', ['raw', '-echo'], { stdio: [0, 'ignore', 'ignore'] });
}

async function main() {
    let opts;
    try {
        opts = parseArgs(process.argv.slice(2));
    } catch (e) {
        process.stderr.write(`sim board: ${e.message}\n${USAGE}`);
        process.exit(2);
    }
    if (opts.webrepl !== null) {
        // The board runs as a child of the listener, with the other arguments.
        const { runWebReplListener } = await import('./webrepl_listener.mjs');
        await runWebReplListener({ port: opts.webrepl, password: opts.webreplPassword, boardArgs: opts.boardArgs });
        return;
    }
    let stateDir = opts.state ? resolve(opts.state) : null;
    let tempState = false;
    if (!stateDir) {
        stateDir = fs.mkdtempSync(join(os.tmpdir(), 'mpytools-sim-'));
        tempState = true;
    }
    fs.mkdirSync(stateDir, { recursive: true });
    const cleanup = () => { if (tempState) fs.rmSync(stateDir, { recursive: true, force: true }); };

    if (opts.sttyRaw) await makeTtyRaw();
    const ring = new InputRing();
    ring.state = BoardState.BOOTING;   // until the worker's REPL is up (it sets IDLE)
    let worker = null;
    let restarting = false;

    const startWorker = (reason) => {
        worker = new Worker(new URL('./mcu.mjs', import.meta.url), {
            workerData: {
                ring: ring.shared, stateDir, heapSize: opts.heap, pasteWindow: opts.pasteWindow,
                reason, raw: ring.rawMode,
            },
            stdout: false, stderr: false,
        });
        worker.on('error', (e) => {
            process.stderr.write(`sim board: ${e.stack || e}\n`);
        });
        worker.on('exit', (code) => {
            if (restarting) {
                restarting = false;
                startWorker('interrupted');
                return;
            }
            cleanup();
            process.exit(code);
        });
    };
    startWorker('power-on');
    if (process.env.MPYTOOLS_SIM_TRACE) {
        fs.writeSync(2, `sim board: ${performance.now().toFixed(1)} ms (main clock) worker requested\n`);
    }

    // Receive: everything from stdin goes to the ring; when it is full, wait for the worker.
    const backlog = [];
    const pump = () => {
        while (backlog.length) {
            const chunk = backlog[0];
            const n = ring.push(chunk);
            if (n < chunk.length) {
                backlog[0] = chunk.subarray(n);
                process.stdin.pause();
                setTimeout(pump, 2);
                return;
            }
            backlog.shift();
        }
        process.stdin.resume();
    };
    process.stdin.on('data', (chunk) => { backlog.push(chunk); pump(); });
    const hangUp = () => { cleanup(); process.exit(0); };
    // End of input (a pipe closed): finish what was received, then stop.  A pty whose other
    // end closed reports an error (EIO) instead: nobody is listening, stop at once.
    process.stdin.on('end', () => {
        const started = Date.now();
        setInterval(() => {
            const done = backlog.length === 0 && ring.size === 0 && ring.state === BoardState.IDLE;
            if (done || Date.now() - started > END_OF_INPUT_GRACE_MS) hangUp();
        }, 20);
    });
    process.stdin.on('error', hangUp);

    // Watchdog: a Ctrl-C pending while the worker runs code and shows no sign of life.
    let pendingSince = 0, beatSeen = -1;
    setInterval(() => {
        if (restarting || !ring.ctrlcPending() || ring.state !== BoardState.RUNNING) {
            pendingSince = 0;
            return;
        }
        const beat = ring.heartbeat;
        if (!pendingSince || beat !== beatSeen) {
            pendingSince = Date.now();
            beatSeen = beat;
            return;
        }
        if (Date.now() - pendingSince >= INTERRUPT_GRACE_MS) {
            pendingSince = 0;
            restarting = true;
            worker.terminate();
        }
    }, 100).unref();
}

await main();
