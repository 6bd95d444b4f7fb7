// The sim board's flash: its files live in a host directory (the state directory), so they
// survive soft resets, board restarts and separate mpr invocations, and a test can look at
// them directly.
//
// The runtime only has Emscripten's in-memory file system (MEMFS).  At boot we copy the state
// directory into MEMFS under /flash; afterwards every change the runtime makes under /flash is
// written through to the host directory:
//   - a file opened for writing is created (or truncated) on the host at once, and every
//     write is applied to it at its position, as a board writes its flash;
//   - mkdir, rmdir, unlink and rename are applied at once.
// Emscripten's system calls look FS.open/FS.close/... up on the FS object at each call, so
// wrapping those methods sees every change MicroPython makes.
import * as fs from 'node:fs';
import { join, posix } from 'node:path';

export const FLASH_ROOT = '/flash';
// The ROM partitions (rom_partition.py): MEMFS /sim-rom/partN <-> the state directory's
// .sim-rom/partN, kept out of the board's `/`.
export const ROM_ROOT = '/sim-rom';
const ROM_HOST_DIR = '.sim-rom';
const O_ACCMODE = 3;

// Copies the host directory `hostDir` into MEMFS at `memDir` (recursively).
function loadTree(FS, hostDir, memDir, skip = '') {
    for (const entry of fs.readdirSync(hostDir, { withFileTypes: true })) {
        if (entry.name.startsWith('.sim-tmp-')) continue;  // left by a host crash mid-save
        if (entry.name === skip) continue;
        const host = join(hostDir, entry.name);
        const mem = posix.join(memDir, entry.name);
        if (entry.isDirectory()) {
            FS.mkdir(mem);
            loadTree(FS, host, mem);
        } else if (entry.isFile()) {
            FS.writeFile(mem, fs.readFileSync(host));
        }
    }
}

export class Flash {
    constructor(stateDir) {
        this.stateDir = stateDir;
        this.openFds = new Set();   // host files of the runtime's files open for writing
        fs.mkdirSync(stateDir, { recursive: true });
    }

    // Host path for a MEMFS path under /flash, or null when the path is outside the flash.
    hostPath(FS, memPath) {
        const abs = posix.resolve(FS.cwd(), memPath);
        if (abs.startsWith(ROM_ROOT + '/')) {
            // Made when a partition is first written, so that boards without ROMFS use leave none.
            fs.mkdirSync(join(this.stateDir, ROM_HOST_DIR), { recursive: true });
            return join(this.stateDir, ROM_HOST_DIR, abs.slice(ROM_ROOT.length + 1));
        }
        if (abs === FLASH_ROOT) return this.stateDir;
        if (!abs.startsWith(FLASH_ROOT + '/')) return null;
        return join(this.stateDir, abs.slice(FLASH_ROOT.length + 1));
    }

    // Fills a fresh runtime's MEMFS from the state directory and starts writing changes through.
    attach(FS) {
        this.detach();
        FS.mkdir(FLASH_ROOT);
        loadTree(FS, this.stateDir, FLASH_ROOT, ROM_HOST_DIR);
        FS.mkdir(ROM_ROOT);
        const romHost = join(this.stateDir, ROM_HOST_DIR);
        if (fs.existsSync(romHost)) loadTree(FS, romHost, ROM_ROOT);
        this.hook(FS);
        // VfsPosix("/flash") turns the C library's cwd into the board's by dropping the
        // "/flash" prefix, which leaves "" for the flash's root: say "/flash/" there instead.
        const cwd = FS.cwd;
        FS.cwd = () => {
            const path = cwd();
            return path === FLASH_ROOT ? FLASH_ROOT + '/' : path;
        };
    }

    save(FS, memPath) {
        const host = this.hostPath(FS, memPath);
        if (!host) return;
        const data = FS.readFile(memPath, { encoding: 'binary' });
        // Write beside and rename, so the host never holds half a file under the real name.
        const tmp = join(host, '..', `.sim-tmp-${process.pid}`);
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, host);
    }

    // Closes the host files of a runtime that is being dropped (a soft reset closes files).
    detach() {
        for (const fd of this.openFds) fs.closeSync(fd);
        this.openFds.clear();
    }

    hook(FS) {
        const flash = this;
        const wrap = (name, after) => {
            const original = FS[name];
            FS[name] = function (...args) {
                const result = original.apply(this, args);
                try {
                    after(result, ...args);
                } catch (e) {
                    process.stderr.write(`sim board: cannot update ${flash.stateDir}: ${e.message}\n`);
                }
                return result;
            };
        };
        // A file opened for writing: create or truncate it on the host at once (as on a board),
        // then apply every write at its position.
        wrap('open', (stream) => {
            if (typeof stream?.path !== 'string' || (stream.flags & O_ACCMODE) === 0) return;
            const host = flash.hostPath(FS, stream.path);
            if (!host) return;
            flash.save(FS, stream.path);
            stream.simHostFd = fs.openSync(host, 'r+');
            flash.openFds.add(stream.simHostFd);
        });
        wrap('write', (written, stream, buffer, offset, length, position) => {
            if (stream.simHostFd === undefined || !(written > 0)) return;
            const at = position ?? stream.position - written;
            fs.writeSync(stream.simHostFd, buffer, offset, written, at);
        });
        wrap('close', (_, stream) => {
            if (stream.simHostFd === undefined) return;
            fs.closeSync(stream.simHostFd);
            flash.openFds.delete(stream.simHostFd);
            stream.simHostFd = undefined;
        });
        wrap('mkdir', (_, path) => {
            const host = flash.hostPath(FS, path);
            if (host) fs.mkdirSync(host);
        });
        wrap('rmdir', (_, path) => {
            const host = flash.hostPath(FS, path);
            if (host) fs.rmdirSync(host);
        });
        wrap('unlink', (_, path) => {
            const host = flash.hostPath(FS, path);
            if (host) fs.unlinkSync(host);
        });
        wrap('rename', (_, from, to) => {
            const a = flash.hostPath(FS, from);
            const b = flash.hostPath(FS, to);
            if (a && b) fs.renameSync(a, b);
        });
    }
}
