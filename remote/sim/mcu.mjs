// The sim board's processor: a worker thread that runs MicroPython 1.27's webassembly runtime
// and feeds it the bytes that arrive on the "UART" (see board.mjs for the whole picture).
//
// The runtime's REPL already does most of what a board does (friendly REPL, raw REPL, paste
// mode).  This file adds what the runtime cannot do by itself:
//   - reading sys.stdin inside running code: the runtime's stdin callback is synchronous, so
//     it blocks this thread on the shared receive ring until a byte arrives;
//   - Ctrl-C while code runs: the runtime's VM never polls for input, but it calls back into
//     JavaScript for output, for the clock (time.sleep busy-waits on Date.now) and for input;
//     at each callback we look for a Ctrl-C in the ring and schedule a KeyboardInterrupt.
//     Code that never calls back (`while True: pass`) cannot be interrupted; the main thread
//     restarts the worker then (board.mjs);
//   - raw-paste mode (the runtime answers it but cannot read the data): done here;
//   - soft reset: a fresh runtime instance (files are kept, see flash.mjs), then
//     "MPY: soft reboot", boot.py, main.py (friendly REPL only) and the REPL banner;
//   - "\r\n" line endings (serial_out.mjs), MicroPython's errno numbers (errno_map.mjs), the
//     flash (flash.mjs, flash_vfs.py), a working input() (board_input.py), a small
//     `machine` module (machine_module.py: RTC, reset, bootloader) and ROM partitions
//     (rom_boot.py, rom_partition.py: vfs.rom_ioctl, vfs.VfsRom, /rom).
import { workerData } from 'node:worker_threads';
import { readFileSync, writeSync } from 'node:fs';
import { InputRing, BoardState, CTRL_C } from './input_ring.mjs';
import { SerialOut } from './serial_out.mjs';
import { Flash } from './flash.mjs';
import { runtimeLoader } from './runtime.mjs';
import { translateSyscallErrors } from './errno_map.mjs';

const CTRL_A = 0x01, CTRL_B = 0x02, CTRL_D = 0x04, CTRL_E = 0x05;
const RAW_BANNER = 'raw REPL; CTRL-B to exit\r\n';

const FLASH_VFS_PY = readFileSync(new URL('./flash_vfs.py', import.meta.url), 'utf8');
const BOARD_INPUT_PY = readFileSync(new URL('./board_input.py', import.meta.url), 'utf8');
const MACHINE_PY = readFileSync(new URL('./machine_module.py', import.meta.url), 'utf8');
const ROM_BOOT_PY = readFileSync(new URL('./rom_boot.py', import.meta.url), 'utf8');
// Compiled by rom_boot.py only when a ROM partition is used (it reads it from here).
globalThis.simRomPartitionSource = readFileSync(new URL('./rom_partition.py', import.meta.url), 'utf8');
// Runs boot.py / main.py as a board does: in __main__, errors printed, Ctrl-C enabled.
const RUN_FILE_PY = `
def _sim_run_file(name):
    import os, sys, micropython
    try:
        os.stat(name)
    except OSError:
        return
    micropython.kbd_intr(3)
    try:
        exec(open(name).read(), globals())
    except BaseException as e:
        micropython.kbd_intr(-1)
        sys.print_exception(e)
    micropython.kbd_intr(-1)
`;

// MPYTOOLS_SIM_TRACE=1: start-up milestones on stderr, in ms since the process started.
const trace = process.env.MPYTOOLS_SIM_TRACE
    ? (what) => writeSync(2, `sim board: ${performance.now().toFixed(1)} ms (worker clock) ${what}\n`)
    : () => {};
trace('worker started');

class Board {
    constructor({ ring, stateDir, heapSize, pasteWindow }) {
        this.ring = new InputRing(ring);
        this.out = new SerialOut(1);
        this.flash = new Flash(stateDir);
        this.heapSize = heapSize;
        this.pasteWindow = pasteWindow;
        this.mp = null;
        this.raw = false;
        this.rawLineLen = 0;   // bytes in the raw REPL's line buffer, for raw-paste detection
        this.watchClock();
    }

    // time.sleep in this runtime spins on Date.now: each call is a chance to send output and
    // to notice Ctrl-C, and proves to the watchdog that the runtime is alive.
    watchClock() {
        const now = Date.now;
        Date.now = () => {
            this.callback();
            if (this.out.pending) this.out.flush();
            return now();
        };
    }

    // Called whenever the runtime calls out to JavaScript.
    callback() {
        this.ring.beat();
        if (this.mp && this.ring.ctrlcPending() &&
            this.mp._module._mp_hal_get_interrupt_char() === CTRL_C && this.ring.takeCtrlC()) {
            this.mp._module._mp_sched_keyboard_interrupt();
            return true;
        }
        return false;
    }

    // Next received byte; sends pending output and blocks while there is none.
    readByte() {
        for (;;) {
            const c = this.ring.tryRead();
            if (c >= 0) return c;
            if (this.out.pending) this.out.flush();
            this.ring.waitForData(1000);
        }
    }

    // The runtime's stdin callback (sys.stdin inside running code): blocks for one byte.
    // Returns null (end of input) when a Ctrl-C interrupts the wait.
    stdinByte() {
        this.ring.state = BoardState.READING;
        try {
            for (;;) {
                if (this.callback()) return null;
                const c = this.ring.tryRead();
                if (c >= 0) return c;
                if (this.out.pending) this.out.flush();
                this.ring.waitForData(100);
            }
        } finally {
            this.ring.state = BoardState.RUNNING;
        }
    }

    async newRuntime() {
        const loadMicroPython = await runtimeLoader(translateSyscallErrors);
        const put = (bytes) => {
            for (const b of bytes) this.out.putByte(b);
            this.callback();
        };
        trace('runtime module imported');
        this.mp = await loadMicroPython({
            heapsize: this.heapSize, linebuffer: false,
            stdin: () => this.stdinByte(), stdout: put, stderr: put,
        });
        this.processChar = this.mp._module._mp_js_repl_process_char ?? ((c) => this.mp.replProcessChar(c));
        trace('runtime instance made');
        this.flash.attach(this.mp.FS);
        this.mp.runPython(FLASH_VFS_PY);
        this.mp.runPython(BOARD_INPUT_PY);
        this.mp.runPython(MACHINE_PY);
        this.mp.runPython(ROM_BOOT_PY);
        this.mp.runPython(RUN_FILE_PY);
    }

    runFile(name) {
        this.ring.state = BoardState.RUNNING;
        try {
            this.mp.runPython(`_sim_run_file(${JSON.stringify(name)})`);
        } catch (e) {
            // A second Ctrl-C that came while the first one's traceback was being printed (a
            // client that sends Ctrl-C twice): as on a board, the boot goes on to the REPL.
            this.mp.runPython('import micropython\nmicropython.kbd_intr(-1)');
        }
        this.ring.state = BoardState.BOOTING;
    }

    // Starts a runtime and its REPL, in raw mode if the board was in raw mode before.
    // `reason`: 'power-on', 'soft-reset', 'hard-reset' (machine.reset()) or 'interrupted'
    // (restarted by the watchdog).
    async boot(reason) {
        this.ring.state = BoardState.BOOTING;
        if (reason === 'hard-reset') {
            // As a board after a reset: no "soft reboot" line, banner, friendly REPL.
            globalThis.simHardReset = false;
            this.raw = false;
        }
        if (reason === 'interrupted') {
            // The Ctrl-C that could not stop the code: consumed here, as the interrupt it was.
            this.ring.takeCtrlC();
            if (this.raw) this.out.write('\x04');
            this.out.write('Traceback (most recent call last):\r\n' +
                'KeyboardInterrupt: running code cannot be interrupted on the sim board, ' +
                'so it was restarted\r\n');
            if (this.raw) this.out.write('\x04');
        }
        if (reason === 'soft-reset' || reason === 'interrupted') this.out.write('MPY: soft reboot\r\n');
        await this.newRuntime();
        this.runFile('boot.py');
        if (!this.raw) this.runFile('main.py');
        this.out.beginCapture();
        this.mp.replInit();
        if (this.raw) this.processChar(CTRL_A);
        const greeting = this.out.endCapture();
        if (this.raw) {
            this.out.write(RAW_BANNER + '>');
        } else {
            this.out.write(greeting.replace(/^\r\n/, ''));
        }
        this.rawLineLen = 0;
        this.ring.rawMode = this.raw;
        this.ring.state = BoardState.IDLE;
        trace(`${reason}: REPL ready`);
    }

    // Feeds one byte to the runtime's REPL; returns true if it asked for a soft reset.
    feed(c) {
        this.ring.state = BoardState.RUNNING;
        const watch = c === CTRL_A && !this.raw;
        if (watch) this.out.beginCapture();
        const ret = this.processChar(c);
        if (watch) {
            const text = this.out.endCapture();
            this.out.write(text);
            if (text.endsWith(RAW_BANNER + '>')) this.raw = true;
        } else if (this.raw && c === CTRL_B) {
            this.raw = false;
        }
        if (this.raw) {
            this.rawLineLen = (c === CTRL_A || c === CTRL_C || c === CTRL_D) ? 0 : this.rawLineLen + 1;
        }
        this.ring.rawMode = this.raw;
        this.ring.state = BoardState.IDLE;
        return ret !== 0;
    }

    // Raw-paste mode ("\x05A\x01" at the start of a raw REPL line), done as a board does it:
    // flow-controlled reception until Ctrl-D, then compile and run.  The code is handed to the
    // runtime's raw REPL (which does not echo), with its "OK" reply hidden.
    rawPaste() {
        const window = this.pasteWindow;
        this.out.write('R\x01' + String.fromCharCode(window & 0xff, window >> 8) + '\x01');
        const code = [];
        let remain = window;
        for (;;) {
            const c = this.readByte();
            if (c === CTRL_D) break;
            if (c === CTRL_C) {
                // The host aborted: end of data, then the KeyboardInterrupt as the result.
                this.out.write('\x04\x04KeyboardInterrupt: \r\n\x04>');
                return false;
            }
            code.push(c);
            if (--remain === 0) {
                this.out.write('\x01');
                remain = window;
            }
        }
        this.out.write('\x04');
        if (code.length === 0) {
            // Nothing to run (the runtime's raw REPL would take an empty Ctrl-D as a soft reset).
            this.out.write('\x04\x04>');
            return false;
        }
        this.ring.state = BoardState.RUNNING;
        for (const c of code) this.processChar(c);
        this.out.swallow('OK');
        return this.feed(CTRL_D);
    }

    async run() {
        await this.boot(workerData.reason);
        let held = [];   // "\x05" and "\x05A" at the start of a raw REPL line, maybe raw-paste
        for (;;) {
            const c = this.readByte();
            let reset = false;
            if (this.raw && this.rawLineLen === 0 && held.length === 0 && c === CTRL_E) {
                held.push(c);
                continue;
            }
            if (held.length === 1 && c === 0x41 /* A */) {
                held.push(c);
                continue;
            }
            if (held.length === 2 && c === CTRL_A) {
                held = [];
                reset = this.rawPaste();
            } else {
                for (const h of held) {
                    if (this.feed(h)) reset = true;
                }
                held = [];
                if (!reset) reset = this.feed(c);
            }
            if (reset) await this.boot(globalThis.simHardReset ? 'hard-reset' : 'soft-reset');
        }
    }
}

const board = new Board(workerData);
board.raw = workerData.raw;
board.run().catch((e) => {
    process.stderr.write(`sim board: ${(process.env.MPYTOOLS_SIM_TRACE && e.stack) || e.message || e}\n`);
    process.exit(1);
});
