// The sim board's optional WebREPL listener (`board.mjs --webrepl PORT`): MicroPython's WebREPL
// protocol served on 127.0.0.1:PORT in front of a sim board's REPL, so that a WebREPL client
// (`mpr connect ws://127.0.0.1:PORT`) can be tested without Wi-Fi hardware.  Test code of ours:
// the REPL and the VM behind it are MicroPython's (the board runs as a child process, its
// stdin/stdout being the "UART" this bridge feeds and reads).
//
// What a WebREPL board does, and so this listener:
//   - an HTTP/1.1 GET with `Upgrade: websocket` is answered "101 Switching Protocols" with the
//     Sec-WebSocket-Accept of RFC 6455; anything else gets a short HTML page and is closed;
//   - one client at a time: a second connection is closed at once;
//   - "Password: " as a text message; the client's text up to "\r" or "\n" is the password
//     (only its first 9 characters count, as the board's buffer holds 9); then
//     "\r\nWebREPL connected\r\n>>> ", or "\r\nAccess denied\r\n" and the connection is closed;
//   - after that, text messages are the REPL's input and the REPL's output goes out as text
//     messages; binary messages are WebREPL's records (webrepl_records.mjs: file put and get,
//     version);
//   - pings are answered, a close frame is answered and ends the connection.
// The board's output while no client is logged in is dropped (as a board's dupterm does).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as net from 'node:net';
import { WebReplRecords } from './webrepl_records.mjs';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_PASSWORD = 9;

function frame(opcode, payload) {
    const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'latin1');
    let head;
    if (data.length < 126) head = Buffer.from([0x80 | opcode, data.length]);
    else if (data.length < 65536) head = Buffer.from([0x80 | opcode, 126, data.length >> 8, data.length & 0xff]);
    else {
        head = Buffer.alloc(10);
        head[0] = 0x80 | opcode;
        head[1] = 127;
        head.writeBigUInt64BE(BigInt(data.length), 2);
    }
    return Buffer.concat([head, data]);
}

// Parses a client's frames (masked, as clients must send them; unmasked ones are accepted,
// as MicroPython's websocket module accepts them).  Calls onFrame(opcode, fin, payload).
class FrameReader {
    constructor(onFrame) { this.buf = Buffer.alloc(0); this.onFrame = onFrame; }
    push(chunk) {
        this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
        for (;;) {
            if (this.buf.length < 2) return;
            const fin = (this.buf[0] & 0x80) !== 0, opcode = this.buf[0] & 0x0f;
            const masked = (this.buf[1] & 0x80) !== 0;
            let len = this.buf[1] & 0x7f, off = 2;
            if (len === 126) {
                if (this.buf.length < 4) return;
                len = this.buf.readUInt16BE(2); off = 4;
            } else if (len === 127) {
                if (this.buf.length < 10) return;
                len = Number(this.buf.readBigUInt64BE(2)); off = 10;
            }
            const maskOff = off;
            if (masked) off += 4;
            if (this.buf.length < off + len) return;
            const payload = Buffer.from(this.buf.subarray(off, off + len));
            if (masked) for (let i = 0; i < len; i++) payload[i] ^= this.buf[maskOff + (i & 3)];
            this.buf = this.buf.subarray(off + len);
            this.onFrame(opcode, fin, payload);
        }
    }
}

export async function runWebReplListener({ port, password, boardArgs }) {
    const board = spawn(process.execPath, [new URL('./board.mjs', import.meta.url).pathname, ...boardArgs],
                        { stdio: ['pipe', 'pipe', 'inherit'] });
    let client = null;  // the logged-in client's socket
    let records = null;  // its WebREPL records (they take the board's output while they run)
    board.stdout.on('data', (chunk) => {
        if (records?.busy) records.capture(chunk.toString('latin1'));
        else if (client) client.write(frame(1, chunk));
    });
    board.on('exit', (code) => process.exit(code ?? 1));
    const toBoard = (bytes) => board.stdin.write(bytes);
    let busy = false;

    const server = net.createServer((sock) => {
        sock.setNoDelay(true);
        let head = Buffer.alloc(0), upgraded = false, loggedIn = false, typed = '';
        let message = null;  // [opcode, chunks] of a fragmented message
        const ownRecords = new WebReplRecords((bytes) => sock.write(frame(2, bytes)), toBoard);
        const end = () => {
            if (client === sock) { client = null; records = null; }
            if (upgraded && busy) busy = false;
            ownRecords.abort();
            sock.destroy();
        };
        sock.on('error', end);
        sock.on('close', end);
        const onMessage = (opcode, payload) => {
            if (!loggedIn) {
                for (const ch of payload.toString('latin1')) {
                    if (ch === '\r' || ch === '\n') {
                        if (typed !== password) {
                            sock.end(frame(1, '\r\nAccess denied\r\n'));
                            return;
                        }
                        loggedIn = true;
                        client = sock;
                        records = ownRecords;
                        sock.write(frame(1, '\r\nWebREPL connected\r\n>>> '));
                        return;  // the rest of this message is dropped, as the board does
                    }
                    if (typed.length < MAX_PASSWORD + 1) typed += ch;
                }
                return;
            }
            if (opcode === 1) { ownRecords.noteClientText(payload); toBoard(payload); }
            else ownRecords.push(payload);
        };
        const reader = new FrameReader((opcode, fin, payload) => {
            if (opcode === 8) { sock.end(frame(8, payload.subarray(0, 2))); return; }
            if (opcode === 9) { sock.write(frame(10, payload)); return; }
            if (opcode === 10) return;
            if (opcode !== 0) message = [opcode, [payload]];
            else if (message) message[1].push(payload);
            if (fin && message) {
                const [op, parts] = message;
                message = null;
                onMessage(op, Buffer.concat(parts));
            }
        });
        sock.on('data', (chunk) => {
            if (upgraded) { reader.push(chunk); return; }
            head = Buffer.concat([head, chunk]);
            const endAt = head.indexOf('\r\n\r\n');
            if (endAt < 0) return;
            const lines = head.subarray(0, endAt).toString('latin1').split('\r\n');
            const headers = new Map(lines.slice(1).map((l) => {
                const i = l.indexOf(':');
                return [l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim()];
            }));
            const key = headers.get('sec-websocket-key');
            if (!key || (headers.get('upgrade') ?? '').toLowerCase() !== 'websocket') {
                sock.end('HTTP/1.0 200 OK\r\n\r\n<p>This is a WebREPL: connect with a websocket client.</p>\r\n');
                return;
            }
            if (busy) { sock.destroy(); return; }  // one client at a time, as the board
            busy = true;
            upgraded = true;
            const accept = createHash('sha1').update(key + GUID).digest('base64');
            sock.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
                       + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
            sock.write(frame(1, 'Password: '));
            const rest = head.subarray(endAt + 4);
            if (rest.length) reader.push(rest);
        });
    });
    // Listen once the board is up (its banner came), so that a client never waits on a board
    // still starting (a slow start under load would eat into the client's timeouts).
    board.stdout.once('data', () => {
        server.listen(port, '127.0.0.1', () => {
            // The test reads the port from this line (PORT 0 = any free port).
            process.stdout.write(`WebREPL listening on ws://127.0.0.1:${server.address().port}\n`);
        });
    });
    // The board and the listener end together.
    const stop = () => { board.kill('SIGTERM'); process.exit(0); };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.on('SIGHUP', stop);
}
