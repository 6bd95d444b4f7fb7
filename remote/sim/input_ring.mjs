// The sim board's receive buffer: the bytes that arrived on the "UART" (stdin) and that the
// MicroPython runtime has not read yet.
//
// It lives in a SharedArrayBuffer because the board runs on two threads: the main thread
// receives bytes from the tty at any time, while the MicroPython runtime (a worker thread)
// may be deep inside running code that reads sys.stdin synchronously.  One producer (main)
// and one consumer (the worker): `head` and `tail` only ever grow, each is written by one
// side only, so no lock is needed.
//
// Besides the bytes, the header carries what the main thread's watchdog needs to know about
// the worker: how many Ctrl-C bytes arrived and how many the worker has seen, a heartbeat
// the worker bumps whenever the runtime calls back into JavaScript, and what it is doing.

const HEAD = 0;          // total bytes written (producer)
const TAIL = 1;          // total bytes consumed (consumer)
const CTRLC_IN = 2;      // Ctrl-C bytes written (producer)
const CTRLC_SEEN = 3;    // Ctrl-C bytes consumed or taken as an interrupt (consumer)
const HEARTBEAT = 4;     // bumped by the consumer on every call from the runtime
const STATE = 5;         // what the consumer does: one of BoardState
const MODE = 6;          // the REPL the board is in: 0 friendly, 1 raw
const HEADER_INTS = 8;

export const BoardState = Object.freeze({ IDLE: 0, RUNNING: 1, READING: 2, BOOTING: 3 });
export const CTRL_C = 0x03;

export class InputRing {
    // `shared` is the SharedArrayBuffer of an existing ring (in the worker), or undefined to
    // make a new one of `capacity` bytes (a power of two).
    constructor(shared, capacity = 1 << 16) {
        if (!shared) {
            shared = new SharedArrayBuffer(HEADER_INTS * 4 + capacity);
        }
        this.shared = shared;
        this.header = new Int32Array(shared, 0, HEADER_INTS);
        this.data = new Uint8Array(shared, HEADER_INTS * 4);
        this.mask = this.data.length - 1;
    }

    get size() { return Atomics.load(this.header, HEAD) - Atomics.load(this.header, TAIL); }
    get free() { return this.data.length - this.size; }

    // Producer: appends as many bytes of `bytes` as fit; returns how many.
    push(bytes) {
        const n = Math.min(bytes.length, this.free);
        let head = Atomics.load(this.header, HEAD);
        let ctrlc = 0;
        for (let i = 0; i < n; i++, head++) {
            this.data[head & this.mask] = bytes[i];
            if (bytes[i] === CTRL_C) ctrlc++;
        }
        if (ctrlc) Atomics.add(this.header, CTRLC_IN, ctrlc);
        Atomics.store(this.header, HEAD, head);
        Atomics.notify(this.header, HEAD);
        return n;
    }

    // Consumer: the next byte, or -1 when empty.
    tryRead() {
        const tail = Atomics.load(this.header, TAIL);
        if (tail === Atomics.load(this.header, HEAD)) return -1;
        const c = this.data[tail & this.mask];
        Atomics.store(this.header, TAIL, tail + 1);
        if (c === CTRL_C) Atomics.add(this.header, CTRLC_SEEN, 1);
        return c;
    }

    // Consumer: blocks up to `ms` milliseconds for the ring to become non-empty.
    waitForData(ms) {
        const head = Atomics.load(this.header, HEAD);
        if (head !== Atomics.load(this.header, TAIL)) return;
        Atomics.wait(this.header, HEAD, head, ms);
    }

    // Consumer: whether a Ctrl-C byte sits in the ring.
    ctrlcPending() {
        return Atomics.load(this.header, CTRLC_IN) !== Atomics.load(this.header, CTRLC_SEEN);
    }

    // Consumer: removes the oldest Ctrl-C byte from the ring, keeping the bytes before and
    // after it in order (a UART driver does the same: the interrupt character never reaches
    // the receive buffer).  Shifts the bytes before it up by one, a region the producer never
    // touches.  Returns whether one was found.
    takeCtrlC() {
        const tail = Atomics.load(this.header, TAIL);
        const head = Atomics.load(this.header, HEAD);
        for (let p = tail; p !== head; p++) {
            if (this.data[p & this.mask] !== CTRL_C) continue;
            for (let q = p; q !== tail; q--) {
                this.data[q & this.mask] = this.data[(q - 1) & this.mask];
            }
            Atomics.store(this.header, TAIL, tail + 1);
            Atomics.add(this.header, CTRLC_SEEN, 1);
            return true;
        }
        return false;
    }

    beat() { Atomics.add(this.header, HEARTBEAT, 1); }
    get heartbeat() { return Atomics.load(this.header, HEARTBEAT); }
    set state(s) { Atomics.store(this.header, STATE, s); }
    get state() { return Atomics.load(this.header, STATE); }
    set rawMode(on) { Atomics.store(this.header, MODE, on ? 1 : 0); }
    get rawMode() { return Atomics.load(this.header, MODE) === 1; }
}
