// WebREPL's binary records as the sim's WebREPL listener serves them.  A record starts with an
// 82-byte header, little-endian: "WA", type (1 put file, 2 get file, 3 get version), flags,
// offset (u64), size (u32), name length (u16), name (64 bytes, NUL-padded).  What a board
// answers (MicroPython's modwebrepl.c):
//   put: "WB" + u16 status (0) once the file is open; then `size` bytes of file data in binary
//        messages; "WB" 0 again once they are written;
//   get: "WB" 0 once the file is open; then for each 1-byte binary message from the client, a
//        chunk: u16 length + data, length 0 at the end, followed by "WB" 0;
//   version: 3 bytes, major, minor, micro (1, 27, 0 here).
// A board whose open() fails raises inside its REPL and answers nothing; this one answers
// "WB" with status 1 instead, so a client is not left waiting.
//
// The sim's files live inside the MicroPython runtime, so each file operation is done by the
// board itself, through its raw REPL: the listener enters it (Ctrl-A), runs a line of code,
// reads the answer, and goes back to the friendly REPL afterwards (Ctrl-B) unless the client
// had the raw REPL entered.  Meanwhile the board's output does not reach the client.
const HEADER = 82;
const PUT_FILE = 1, GET_FILE = 2, GET_VERSION = 3;
const WB_OK = Buffer.from([0x57, 0x42, 0, 0]);
const WB_ERROR = Buffer.from([0x57, 0x42, 1, 0]);
const CHUNK = 256;  // bytes per get chunk, as the board's modwebrepl reads them

export class WebReplRecords {
    // sendBinary(bytes): to the client; toBoard(bytes): into the board's REPL input.
    constructor(sendBinary, toBoard) {
        this.send = sendBinary;
        this.toBoard = toBoard;
        this.pending = Buffer.alloc(0);
        this.chain = Promise.resolve();
        this.captured = '';
        this.waiter = null;
        this.busy = false;       // while true, the board's output comes to capture()
        this.clientRaw = false;  // whether the client's last mode switch was Ctrl-A (raw REPL)
        this.op = null;          // the put or get in progress
    }

    // The client's REPL input passes here first, to know which REPL mode to come back to.
    noteClientText(bytes) {
        for (const b of bytes) {
            if (b === 1) this.clientRaw = true;
            else if (b === 2) this.clientRaw = false;
        }
    }

    capture(text) {
        this.captured += text;
        if (this.waiter) this.waiter();
    }

    async waitFor(marker) {
        while (!this.captured.includes(marker)) await new Promise((resolve) => { this.waiter = resolve; });
        this.waiter = null;
        const at = this.captured.indexOf(marker) + marker.length;
        const before = this.captured.slice(0, at);
        this.captured = this.captured.slice(at);
        return before;
    }

    // Runs one piece of code in the board's raw REPL: [output, error text].
    async boardExec(code) {
        this.toBoard(Buffer.from(code + '\x04', 'latin1'));
        await this.waitFor('OK');
        const out = (await this.waitFor('\x04')).slice(0, -1);
        const err = (await this.waitFor('\x04>')).slice(0, -2);
        return [out, err];
    }

    async begin() {
        this.busy = true;
        this.captured = '';
        // A client in the raw REPL left the board at its prompt: nothing to enter.
        if (this.clientRaw) return;
        this.toBoard(Buffer.from('\r\x01'));
        await this.waitFor('raw REPL; CTRL-B to exit\r\n>');
    }

    async end() {
        if (!this.clientRaw) {
            this.toBoard(Buffer.from('\x02'));
            await this.waitFor('>>> ');
        }
        this.busy = false;
        this.captured = '';
    }

    push(bytes) {
        this.chain = this.chain.then(() => this.handle(bytes)).catch((e) => {
            process.stderr.write(`sim WebREPL: ${e.stack || e}\n`);
        });
    }

    async handle(bytes) {
        if (this.op?.kind === PUT_FILE) return this.putData(bytes);
        if (this.op?.kind === GET_FILE) return this.getChunk();
        this.pending = Buffer.concat([this.pending, bytes]);
        if (this.pending.length < HEADER) return;
        const header = this.pending.subarray(0, HEADER);
        const rest = this.pending.subarray(HEADER);
        this.pending = Buffer.alloc(0);
        if (header[0] !== 0x57 || header[1] !== 0x41) return;  // not "WA": out of step, dropped
        const type = header[2];
        const size = header.readUInt32LE(12);
        const nameLength = Math.min(header.readUInt16LE(16), 64);
        let name = header.subarray(18, 18 + nameLength).toString('latin1');
        if (name.includes('\0')) name = name.slice(0, name.indexOf('\0'));
        if (type === GET_VERSION) { this.send(Buffer.from([1, 27, 0])); return; }
        if (type !== PUT_FILE && type !== GET_FILE) { this.send(WB_ERROR); return; }
        await this.begin();
        const [, err] = await this.boardExec(`_wr_f=open(${JSON.stringify(name)},'${type === PUT_FILE ? 'wb' : 'rb'}')`);
        if (err) { await this.end(); this.send(WB_ERROR); return; }
        this.send(WB_OK);
        if (type === PUT_FILE) {
            this.op = { kind: PUT_FILE, left: size, data: [] };
            if (rest.length) await this.putData(rest);
            else if (size === 0) await this.putData(Buffer.alloc(0));
        } else {
            this.op = { kind: GET_FILE };
        }
    }

    async putData(bytes) {
        const op = this.op;
        const take = bytes.subarray(0, op.left);
        op.data.push(take);
        op.left -= take.length;
        if (op.left > 0) return;
        const data = Buffer.concat(op.data);
        let failed = false;
        for (let at = 0; at < data.length && !failed; at += 3072) {
            const b64 = data.subarray(at, at + 3072).toString('base64');
            const [, err] = await this.boardExec(`import binascii;_wr_f.write(binascii.a2b_base64(b'${b64}'))`);
            failed = err !== '';
        }
        await this.boardExec('_wr_f.close();del _wr_f');
        this.op = null;
        await this.end();
        this.send(failed ? WB_ERROR : WB_OK);
    }

    async getChunk() {
        const [out] = await this.boardExec(
            `import binascii;print(binascii.b2a_base64(_wr_f.read(${CHUNK})).decode().strip(),end='')`);
        const data = Buffer.from(out, 'base64');
        const head = Buffer.from([data.length & 0xff, data.length >> 8]);
        this.send(Buffer.concat([head, data]));
        if (data.length === 0) {
            await this.boardExec('_wr_f.close();del _wr_f');
            this.op = null;
            await this.end();
            this.send(WB_OK);
        }
    }

    abort() {
        this.pending = Buffer.alloc(0);
        this.op = null;
    }
}
