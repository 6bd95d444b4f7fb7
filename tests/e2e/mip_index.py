"""Test fixtures for `mpr mip`: an index v2 built from packages of our own, and a static HTTP(S)
server for it that can also die in the middle of a file.

The index layout is micropython-lib's (tools/build.py):
    DIR/package/{6|py}/{name}/{version}.json and latest.json  {"v":1,"hashes":[[path,h8]],"deps":[[name,ver]],"version":v}
    DIR/file/{h8[:2]}/{h8}                                     h8: the first 8 hex digits of the file's sha256
The "6" variant holds .mpy files compiled with mpyc, the "py" variant the sources.

Run as a script, it is the server:  mip_index.py --serve DIR [--die-on URLPATH] [--tls CERT KEY]
prints "port N" and serves DIR on 127.0.0.1 until killed (also as /redirect/PATH, answered with a
redirect to /PATH); a request for URLPATH gets its headers
and half of its bytes, then the server process exits at once (a server killed mid-file).
"""
import argparse
import hashlib
import http.server
import json
import os
import ssl
import subprocess
import sys
import time


def h8(data):
    return hashlib.sha256(data).hexdigest()[:8]


class IndexBuilder:
    def __init__(self, root, mpyc):
        self.root = root
        self.mpyc = mpyc

    def _store(self, data):
        h = h8(data)
        path = os.path.join(self.root, "file", h[:2], h)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return h

    def compile(self, source, name):
        """mpyc's .mpy of `source` (bytes)."""
        tmp = os.path.join(self.root, ".build")
        os.makedirs(tmp, exist_ok=True)
        src = os.path.join(tmp, "m.py")
        with open(src, "wb") as f:
            f.write(source)
        out = os.path.join(tmp, "m.mpy")
        subprocess.run([self.mpyc, "-s", name, "-o", out, src], check=True)
        with open(out, "rb") as f:
            return f.read()

    def add(self, name, version, files, deps=(), latest=True, variants=("6", "py")):
        """files: {target path ending in .py: source bytes}."""
        for variant in variants:
            hashes = []
            for target, source in files.items():
                if variant == "6" and target.endswith(".py"):
                    hashes.append([target[:-3] + ".mpy", self._store(self.compile(source, target))])
                else:
                    hashes.append([target, self._store(source)])
            doc = {"v": 1, "hashes": hashes, "deps": [list(d) for d in deps], "version": version}
            folder = os.path.join(self.root, "package", variant, name)
            os.makedirs(folder, exist_ok=True)
            for fname in [version] + (["latest"] if latest else []):
                with open(os.path.join(folder, fname + ".json"), "w") as f:
                    json.dump(doc, f)

    def file_path(self, h):
        return os.path.join(self.root, "file", h[:2], h)


def write_tree(root, files):
    """Writes {relative path: bytes or str} under root."""
    for rel, data in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)


class Server:
    """The static server as a child process (so that it can really die mid-file)."""

    def __init__(self, root, die_on=None, tls=None):
        args = [sys.executable, os.path.abspath(__file__), "--serve", root]
        if die_on:
            args += ["--die-on", die_on]
        if tls:
            args += ["--tls", tls[0], tls[1]]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        line = self.proc.stdout.readline().decode()
        if not line.startswith("port "):
            raise RuntimeError(f"the test server did not start: {line!r}")
        self.port = int(line.split()[1])
        scheme = "https" if tls else "http"
        host = "localhost" if tls else "127.0.0.1"
        self.url = f"{scheme}://{host}:{self.port}"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def make_certificate(folder):
    """A self-signed certificate for localhost/127.0.0.1, made with openssl; (cert, key)."""
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


def serve(root, die_on, tls):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=root, **kw)

        def log_message(self, *a):
            pass

        def do_GET(self):
            if self.path.startswith("/redirect/"):  # every path is also served through a redirect
                self.send_response(302)
                self.send_header("Location", self.path[len("/redirect"):])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if die_on and self.path == die_on:
                with open(os.path.join(root, die_on.lstrip("/")), "rb") as f:
                    data = f.read()
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[:len(data) // 2])
                self.wfile.flush()
                time.sleep(0.2)
                os._exit(3)  # killed mid-file
            super().do_GET()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(tls[0], tls[1])
        httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    print(f"port {httpd.server_address[1]}", flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--serve", required=True)
    ap.add_argument("--die-on")
    ap.add_argument("--tls", nargs=2)
    a = ap.parse_args()
    serve(a.serve, a.die_on, a.tls)
