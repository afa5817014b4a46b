"""A throwaway PostgreSQL server for the tests and the benchmarks, from Debian's
`postgresql` package: initdb in a temporary folder, the server on a free local port in its
own process group, stopped by its PID. As root the server runs as the `postgres` user,
since PostgreSQL refuses to run as root."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from tests.streamlit_server import free_port


def bin_dir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                   else 0)
    return found[-1].parent if found else None


class Postgres:
    """A server; `url(name)` a new empty database on it."""

    def __init__(self) -> None:
        binaries = bin_dir()
        if binaries is None:
            raise RuntimeError("no PostgreSQL server: `make test` installs Debian's postgresql")
        self.root = Path(tempfile.mkdtemp(prefix="itinerary-pg-"))
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if as_postgres:
            shutil.chown(self.root, "postgres")
        self._as_postgres, self._binaries = as_postgres, binaries
        self.data, self.port = self.root / "data", free_port()
        subprocess.run([*as_postgres, str(binaries / "initdb"), "-D", str(self.data), "-A",
                        "trust", "-U", "itinerary", "--no-sync", "-E", "UTF8"],
                       check=True, capture_output=True)
        self._made = 0
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [*self._as_postgres, str(self._binaries / "postgres"), "-D", str(self.data),
             "-p", str(self.port), "-k", str(self.root), "-c", "listen_addresses=127.0.0.1",
             "-c", "fsync=off", "-c", "max_connections=200"],
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait()

    def _dsn(self, database: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=itinerary dbname={database}"

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                psycopg.connect(self._dsn(), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("PostgreSQL did not start within 60 s")

    def url(self) -> str:
        """A new empty database's SQLAlchemy URL."""
        self._made += 1
        name = f"t{self._made}"
        with psycopg.connect(self._dsn(), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return f"postgresql+psycopg://itinerary@127.0.0.1:{self.port}/{name}"

    def stop(self, *, keep: bool = False) -> None:
        """Stop the server by its process group, then remove its folder unless `keep`."""
        try:
            os.killpg(self.process.pid, signal.SIGINT)  # PostgreSQL's fast shutdown
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if not keep:
            shutil.rmtree(self.root, ignore_errors=True)
