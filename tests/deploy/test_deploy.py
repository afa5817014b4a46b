"""deploy/ as far as this machine can run it without Docker: the proxy's own nginx.conf in
front of two dashboards sharing one PostgreSQL, a trip saved through it and opened by its
link through it; and the image's start command and health check, run as written.

Docker itself is not run: the machines that run the tests have no Docker daemon and no
registry for the base images."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright import sync_api as playwright

from tests.browser.conftest import Visit
from tests.browser.test_article import markers
from tests.browser.test_saving import caption, save_new
from tests.paths import ROOT
from tests.postgres_server import Postgres
from tests.streamlit_server import Server, free_port

DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
expect = playwright.expect


class Proxy:
    """nginx with deploy/nginx.conf, its upstreams the given local servers."""

    def __init__(self, upstreams: list[int]) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="itinerary-nginx-"))
        self.port = free_port()
        site = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
        site = re.sub(r"(?m)^\s*server app\d:8501;\n", "", site)
        site = site.replace("ip_hash;", "ip_hash;\n" + "".join(
            f"    server 127.0.0.1:{port};\n" for port in upstreams))
        site = site.replace("listen 80;", f"listen 127.0.0.1:{self.port};")
        (self.root / "site.conf").write_text(site, encoding="utf-8")
        (self.root / "nginx.conf").write_text(
            f"pid {self.root}/nginx.pid;\nerror_log {self.root}/error.log;\n"
            "events {}\nhttp {\n"
            f"  access_log {self.root}/access.log;\n"
            f"  client_body_temp_path {self.root}/body;\n"
            f"  proxy_temp_path {self.root}/proxy;\n"
            f"  include {self.root}/site.conf;\n}}\n", encoding="utf-8")
        self.process = subprocess.Popen([NGINX, "-p", str(self.root), "-c",
                                         str(self.root / "nginx.conf"), "-g", "daemon off;"],
                                        start_new_session=True, stderr=subprocess.PIPE)
        self.url = f"http://127.0.0.1:{self.port}/"
        _healthy(self.url, self.process)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGQUIT)
        self.process.wait(timeout=20)
        shutil.rmtree(self.root, ignore_errors=True)


def _healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode() if process.stderr else "exited")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy")


@pytest.mark.browser
def test_the_proxy_serves_two_dashboards_on_one_postgresql(browser):
    database = Postgres()
    servers, proxy = [], None
    visit, other = Visit(browser), Visit(browser)
    try:
        url = database.url()
        servers = [Server(env={"ITINERARY_DATABASE_URL": url}) for _ in range(2)]
        proxy = Proxy([s.port for s in servers])
        visit.open(proxy.url)  # the page and its WebSocket, through the proxy
        view, _ = save_new(visit)
        assert view.startswith(proxy.url)
        other.open(view)
        expect(markers(other)).to_have_count(3)
        expect(caption(other, re.compile("^Read only"))).to_be_visible()
        assert not visit.errors and not other.errors
    finally:
        visit.close()
        other.close()
        if proxy:
            proxy.stop()
        for running in servers:
            running.stop()
        database.stop()


def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text(encoding="utf-8")


def test_the_image_runs_as_a_user_without_privileges():
    users = re.findall(r"(?m)^USER (\S+)$", dockerfile())
    assert users == ["itinerary"]
    assert "useradd" in dockerfile() and "--uid 10001" in dockerfile()


def test_the_images_start_command_and_health_check_work_as_written(tmp_path, monkeypatch):
    """The ENTRYPOINT's command, run here with the checkout's `itinerary` on a free port,
    becomes healthy by the HEALTHCHECK's own command."""
    start = re.search(r'(?m)^ENTRYPOINT \["sh", "-c", "(.+)"\]$', dockerfile()).group(1)
    check = re.search(r'(?m)^  CMD (python -c ".+")$', dockerfile()).group(1)
    port = free_port()
    bin_dir = Path(sys.executable).parent
    command = start.replace("8501", str(port)).replace("0.0.0.0", "127.0.0.1")
    command = command.replace("itinerary ", f"{bin_dir}/itinerary ")
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///{tmp_path / 'trips.sqlite'}")
    health = shlex.split(check.replace("8501", str(port)))
    health[0] = sys.executable
    assert subprocess.run(health, check=False, capture_output=True).returncode != 0
    process = subprocess.Popen(["sh", "-c", command], start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _healthy(f"http://127.0.0.1:{port}/", process)
        assert subprocess.run(health, check=False, capture_output=True).returncode == 0
        assert (tmp_path / "trips.sqlite").is_file()  # `itinerary db upgrade` ran first
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_compose_runs_postgresql_two_dashboards_and_the_proxy():
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    services = compose.split("\nvolumes:")[0]
    assert re.findall(r"(?m)^  (\w+):", services) == ["db", "app1", "app2", "proxy"]
    assert "app2: *app" in compose and "postgresql+psycopg://" in compose
    assert "./nginx.conf:/etc/nginx/conf.d/default.conf" in compose
