// The sim board's transmit side: what the runtime prints, as a board's UART sends it.
//
// - Line endings: the webassembly runtime ends printed lines with "\n"; a board's UART
//   driver sends "\r\n".  A "\n" not preceded by "\r" gets one.  (A board sends bytes written
//   with sys.stdout.buffer.write unchanged; the runtime gives us no way to tell them apart, so
//   here those get the "\r" too.  Binary transfers should hex- or base64-encode, as clients do.)
// - Buffering: bytes are collected and written with one system call when the board is about
//   to wait (for input, or in time.sleep), at the end of a line, or when the buffer is full.
// - `swallow(text)`: drops the next bytes if they are exactly `text` (used to hide replies of
//   the runtime that a board would not send, e.g. the raw REPL's "OK" in raw-paste mode).
import * as fs from 'node:fs';

const FLUSH_AT = 8192;

export class SerialOut {
    constructor(fd = 1) {
        this.fd = fd;
        this.buf = Buffer.alloc(FLUSH_AT + 2);
        this.len = 0;
        this.last = 0;
        this.swallowing = null;
        this.swallowPos = 0;
        this.captured = null;
    }

    // Collects everything until the matching endCapture() instead of sending it.
    beginCapture() { this.captured = []; }
    endCapture() {
        const text = Buffer.from(this.captured).toString('latin1');
        this.captured = null;
        return text;
    }

    swallow(text) {
        this.swallowing = Buffer.from(text, 'latin1');
        this.swallowPos = 0;
    }

    putByte(c) {
        if (this.swallowing) {
            if (c === this.swallowing[this.swallowPos]) {
                if (++this.swallowPos === this.swallowing.length) this.swallowing = null;
                return;
            }
            // Not what we expected: send what was held back, then this byte.
            const held = this.swallowing.subarray(0, this.swallowPos);
            this.swallowing = null;
            for (const h of held) this.putByte(h);
        }
        if (this.captured) {
            this.captured.push(c);
            return;
        }
        if (c === 0x0a && this.last !== 0x0d) this.buf[this.len++] = 0x0d;
        this.buf[this.len++] = c;
        this.last = c;
        if (this.len >= FLUSH_AT || c === 0x0a) this.flush();
    }

    write(text) {
        for (const c of Buffer.from(text, 'latin1')) this.putByte(c);
    }

    get pending() { return this.len > 0; }

    flush() {
        let off = 0;
        while (off < this.len) {
            try {
                off += fs.writeSync(this.fd, this.buf, off, this.len - off);
            } catch (e) {
                if (e.code === 'EAGAIN') {
                    // The tty is full (nobody reads) or was made non-blocking: wait and retry.
                    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
                    continue;
                }
                // EIO/EPIPE: the other end of the line is gone; a board would not notice, but
                // a process has nothing left to do.
                process.exit(0);
            }
        }
        this.len = 0;
    }
}
