"""Real servers for the sync tests: the district app under uvicorn on a loopback port, a
PostgreSQL cluster started as a non-root user, and a fault-injecting HTTP proxy."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from district_server.app import create_app
from district_server.service import DistrictService


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """The district server on a real socket, in this process."""

    def __init__(self, service: DistrictService):
        self.service = service
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(service), host="127.0.0.1", port=self.port, log_level="warning",
                                timeout_keep_alive=30)
        self.server = uvicorn.Server(config)
        self.server.install_signal_handlers = lambda: None
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> "ServerThread":
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("district server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


# --- PostgreSQL --------------------------------------------------------------------------------

def _pg_bin() -> Path | None:
    base = Path("/usr/lib/postgresql")
    if not base.exists():
        return None
    versions = sorted((p for p in base.iterdir() if (p / "bin" / "initdb").exists()),
                      key=lambda p: int(p.name) if p.name.isdigit() else 0)
    return versions[-1] / "bin" if versions else None


class PgCluster:
    """A throwaway PostgreSQL cluster on a Unix socket + loopback port. As root, it runs as the
    'postgres' system user (initdb refuses root)."""

    def __init__(self):
        self.bin = _pg_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (./dev.sh test installs it)")
        self.dir = Path(tempfile.mkdtemp(prefix="suyuan-pg-"))
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *cmd, check=True):
        if self.as_root:
            cmd = ("runuser", "-u", "postgres", "--", *cmd)
        return subprocess.run(cmd, check=check, capture_output=True, text=True)

    def start(self) -> "PgCluster":
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")
        data = self.dir / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "suyuan", "-E", "UTF8",
                  "--no-locale")
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "log"), "-w", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                  "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start")
        return self

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://suyuan@127.0.0.1:{self.port}/{db}"

    def create_db(self, name: str) -> str:
        import psycopg
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


# --- fault proxy -------------------------------------------------------------------------------

class FaultProxy:
    """An HTTP proxy on loopback between station and district that misbehaves on request.

    rules: a list of callables (method, path, n) -> action or None, where n counts matching
    requests. Actions: 'drop_response' (forward, then cut the connection before answering),
    'reset' (cut before forwarding), ('duplicate', k) (forward k copies concurrently, answer
    with the first), ('corrupt', offset) (flip one body byte), ('delay', seconds), 'hold' (keep
    the request until the next one of its kind has gone through: reordering).
    """

    def __init__(self, upstream: str):
        import http.server
        self.upstream = upstream
        self.rules: list = []
        self.log: list[tuple[str, str, str]] = []
        self.counts: dict = {}
        self._held: list = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def _do(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                proxy._handle(self, body)

            do_GET = do_POST = do_PATCH = do_HEAD = do_PUT = do_DELETE = _do

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.client = httpx.Client(base_url=upstream, timeout=60)

    def start(self) -> "FaultProxy":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.client.close()

    def _forward(self, method, path, headers, body):
        return self.client.request(method, path, headers=headers, content=body)

    def _handle(self, h, body: bytes) -> None:
        method, path = h.command, h.path
        headers = {k: v for k, v in h.headers.items() if k.lower() not in ("host", "content-length", "connection",
                                                                          "accept-encoding")}
        key = (method, path.split("?")[0])
        action = None
        for rule in self.rules:
            self.counts[rule] = self.counts.get(rule, 0)
            a = rule(method, path, self.counts[rule] + 1)
            if a is not None:
                self.counts[rule] += 1
                action = a
                break
        self.log.append((method, path, repr(action)))
        if action == "reset":
            h.close_connection = True
            h.connection.shutdown(socket.SHUT_RDWR)
            return
        if isinstance(action, tuple) and action[0] == "corrupt":
            b = bytearray(body)
            b[action[1] % len(b)] ^= 0xFF
            body = bytes(b)
        if isinstance(action, tuple) and action[0] == "delay":
            time.sleep(action[1])
        if action == "hold":
            ev = threading.Event()
            self._held.append(ev)
            ev.wait(30)
        if isinstance(action, tuple) and action[0] == "duplicate":
            results = [None] * action[1]

            def go(i):
                try:
                    results[i] = self._forward(method, path, headers, body)
                except Exception as exc:  # noqa: BLE001
                    results[i] = exc
            threads = [threading.Thread(target=go, args=(i,)) for i in range(action[1])]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.duplicates = results
            resp = results[0]
        else:
            resp = self._forward(method, path, headers, body)
        for ev in self._held:
            if key[0] == method:
                ev.set()
        if action == "drop_response":
            h.close_connection = True
            h.connection.shutdown(socket.SHUT_RDWR)
            return
        h.send_response(resp.status_code)
        content = resp.content
        for k, v in resp.headers.items():
            if k.lower() in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                continue
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(content)))
        h.end_headers()
        if method != "HEAD":
            h.wfile.write(content)


SERVER_CLI = [sys.executable, "-m", "district_server.cli"]


def start_server_process(port: int, *options: str, env: dict | None = None) -> subprocess.Popen:
    """`suyuan-server run` as its own process (so it can be SIGKILLed), once it answers."""
    proc = subprocess.Popen([*SERVER_CLI, "run", "--bind", f"127.0.0.1:{port}", *options],
                            env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(400):
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=0.5)
            return proc
        except httpx.HTTPError:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("district server did not start")


def run_cli(data_dir: Path, *args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The station CLI as its own process (so it can be killed at a fault point)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "suyuan_desktop.cli", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=full_env, timeout=timeout)
