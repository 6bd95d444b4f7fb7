// WebREPL's binary records as the sim's WebREPL listener answers them.  A record starts with
// an 82-byte header, little-endian: "WA", type (1 put file, 2 get file, 3 get version), flags,
// offset (u64), size (u32), name length (u16), name (64 bytes, NUL-padded).
//
// Only "get version" is served (answered with 3 bytes: 1, 27, 0, the board's MicroPython
// version); file records are answered with status 1 ("WB" + u16 error), which a client must
// treat as "use the REPL instead".  mpr copies files over the raw REPL on WebREPL boards.
const HEADER = 82;
const GET_VERSION = 3;

export class WebReplRecords {
    constructor(sendBinary) { this.send = sendBinary; this.pending = Buffer.alloc(0); }

    push(bytes) {
        this.pending = Buffer.concat([this.pending, bytes]);
        while (this.pending.length >= HEADER) {
            const header = this.pending.subarray(0, HEADER);
            this.pending = this.pending.subarray(HEADER);
            if (header[0] !== 0x57 || header[1] !== 0x41) {  // not "WA": out of step, drop it all
                this.pending = Buffer.alloc(0);
                return;
            }
            if (header[2] === GET_VERSION) this.send(Buffer.from([1, 27, 0]));
            else this.send(Buffer.from([0x57, 0x42, 1, 0]));
        }
    }

    abort() { this.pending = Buffer.alloc(0); }
}
