"""A throwaway PostgreSQL server for the tests: initdb, pg_ctl, a free loopback port.

``initdb`` refuses to run as root, so as root the server runs as the ``postgres``
user (through ``runuser``), in a temporary folder that user owns.  No network
access, no system service: the server lives only as long as the test session.
"""
from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from typing import Optional


class Unavailable(Exception):
    """No PostgreSQL server can be started here (the reason is the message)."""


def bindir() -> Optional[str]:
    """The folder holding initdb and pg_ctl (the newest Debian version first), or None."""
    if os.environ.get("EVENTWIRE_PG_BIN"):
        return os.environ["EVENTWIRE_PG_BIN"]

    def version(path: str) -> tuple:
        return tuple(int(n) for n in re.findall(r"\d+", path))

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True)
    if found:
        return os.path.dirname(found[0])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


class Server:
    """``with Server() as url:`` a running server; stopped and removed on exit."""

    def __init__(self):
        self.bin = bindir()
        if not self.bin:
            raise Unavailable("PostgreSQL is not installed (no initdb): install it with "
                              "`apt-get install -y postgresql` or set EVENTWIRE_TEST_PG to a server URL")
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root, and there is no `postgres` user to run the server") from None
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.root = ""
        self.url = ""
        self.seconds = 0.0

    def start(self) -> str:
        began = time.monotonic()
        self.root = tempfile.mkdtemp(prefix="eventwire-pg-")
        if self.prefix:
            shutil.chown(self.root, "postgres", "postgres")
        data = os.path.join(self.root, "data")
        self._run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        for _attempt in range(3):  # a free port can be taken between choosing and binding
            port = _free_port()
            options = (f"-h 127.0.0.1 -p {port} -k {self.root} -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off")
            try:
                self._run("pg_ctl", "-D", data, "-l", os.path.join(self.root, "server.log"),
                          "-w", "-t", "30", "-o", options, "start")
            except Unavailable:
                continue
            self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
            self.seconds = time.monotonic() - began
            return self.url
        log = os.path.join(self.root, "server.log")
        tail = open(log).read()[-2000:] if os.path.exists(log) else ""
        self.stop()
        raise Unavailable(f"the PostgreSQL server did not start: {tail}")

    def stop(self) -> None:
        if not self.root:
            return
        data = os.path.join(self.root, "data")
        if os.path.exists(os.path.join(data, "postmaster.pid")):
            subprocess.run(self.prefix + [os.path.join(self.bin, "pg_ctl"), "-D", data, "-m",
                                          "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = ""

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run(self.prefix + [os.path.join(self.bin, tool), *args],
                              capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            raise Unavailable(f"{tool} failed: {(done.stderr or done.stdout).strip()[-2000:]}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
