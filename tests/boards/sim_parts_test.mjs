// Unit tests of the sim board's parts that do not need the runtime: the receive ring, the
// transmit side and the errno table.  Run with `node --test tests/boards/sim_parts_test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputRing } from '../../remote/sim/input_ring.mjs';
import { SerialOut } from '../../remote/sim/serial_out.mjs';
import { linuxErrno, translateSyscallErrors } from '../../remote/sim/errno_map.mjs';

function drain(ring) {
    const out = [];
    for (let c; (c = ring.tryRead()) >= 0;) out.push(c);
    return out;
}

test('ring: bytes come out in order, across the wrap-around', () => {
    const ring = new InputRing(undefined, 16);
    for (let round = 0; round < 5; round++) {
        assert.equal(ring.push([1, 2, 3, 4, 5, 6, 7]), 7);
        assert.deepEqual(drain(ring), [1, 2, 3, 4, 5, 6, 7]);
    }
});

test('ring: a full ring takes what fits', () => {
    const ring = new InputRing(undefined, 8);
    assert.equal(ring.push(new Uint8Array(12).fill(9)), 8);
    assert.equal(ring.free, 0);
    assert.equal(drain(ring).length, 8);
});

test('ring: Ctrl-C is counted and taken out of the middle, the rest stays in order', () => {
    const ring = new InputRing(undefined, 16);
    ring.push([0x41, 0x42, 0x03, 0x43, 0x03]);
    assert.equal(ring.ctrlcPending(), true);
    assert.equal(ring.takeCtrlC(), true);
    assert.equal(ring.ctrlcPending(), true);   // the second one
    assert.deepEqual(drain(ring), [0x41, 0x42, 0x43, 0x03]);
    assert.equal(ring.ctrlcPending(), false);  // read as data counts as seen
    assert.equal(ring.takeCtrlC(), false);
});

test('ring: a second view of the same memory sees the same bytes (worker side)', () => {
    const producer = new InputRing(undefined, 16);
    const consumer = new InputRing(producer.shared);
    producer.push([7, 8]);
    consumer.rawMode = true;
    assert.deepEqual(drain(consumer), [7, 8]);
    assert.equal(producer.rawMode, true);
});

function serialTo(fn) {
    const dir = mkdtempSync(join(tmpdir(), 'sim-parts-'));
    const path = join(dir, 'out');
    const fd = openSync(path, 'w');
    try {
        const out = new SerialOut(fd);
        fn(out);
        out.flush();
    } finally {
        closeSync(fd);
    }
    const data = readFileSync(path, 'latin1');
    rmSync(dir, { recursive: true });
    return data;
}

test('serial out: "\\n" becomes "\\r\\n", "\\r\\n" stays', () => {
    assert.equal(serialTo((o) => o.write('a\nb\r\nc\n\n')), 'a\r\nb\r\nc\r\n\r\n');
});

test('serial out: swallow drops an expected reply, and gives back a partial match', () => {
    assert.equal(serialTo((o) => { o.swallow('OK'); o.write('OKdata'); }), 'data');
    assert.equal(serialTo((o) => { o.swallow('OK'); o.write('Oops'); }), 'Oops');
});

test('serial out: capture keeps output from the line', () => {
    let captured;
    const sent = serialTo((o) => {
        o.write('before ');
        o.beginCapture();
        o.write('hidden\n');
        captured = o.endCapture();
        o.write('after');
    });
    assert.equal(sent, 'before after');
    assert.equal(captured, 'hidden\n');
});

test('errno: WASI numbers become Linux numbers, EAGAIN/EINTR stay', () => {
    assert.equal(linuxErrno(44), 2);    // ENOENT
    assert.equal(linuxErrno(20), 17);   // EEXIST
    assert.equal(linuxErrno(55), 39);   // ENOTEMPTY
    assert.equal(linuxErrno(31), 21);   // EISDIR
    assert.equal(linuxErrno(54), 20);   // ENOTDIR
    assert.equal(linuxErrno(28), 22);   // EINVAL
    assert.equal(linuxErrno(6), 6);     // EAGAIN: compared inside the runtime
    assert.equal(linuxErrno(27), 27);   // EINTR
});

test('errno: system-call imports are wrapped once, by their conventions', () => {
    const env = {
        __syscall_openat: () => -44,
        __syscall_getcwd: () => 7,
        fd_close: () => 8,
        fd_write: () => 0,
        emscripten_other: () => -44,
    };
    const imports = { env, wasi_snapshot_preview1: env };
    translateSyscallErrors(imports);
    translateSyscallErrors(imports);
    assert.equal(env.__syscall_openat(), -2);
    assert.equal(env.__syscall_getcwd(), 7);
    assert.equal(env.fd_close(), 9);     // EBADF
    assert.equal(env.fd_write(), 0);
    assert.equal(env.emscripten_other(), -44);
});
