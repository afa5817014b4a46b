"""A fake Nominatim on localhost: real HTTP, scripted answers, no network.

`mode` says how it answers /search:

| mode | answer |
| --- | --- |
| ok | one place in Colombia, at `ANSWER` |
| empty | no place |
| 429, 500 | that status, with no body |
| huge | a 500 with a 5 MB body |
| slow | the answer after 1.5 s |
| drip | headers, then the answer a byte every 2 s (a per-read timeout never fires) |
| lying: … | a place whose fields are those of `LIES[…]`: no lat, null, text, infinite, … |
| paris | a place in Paris, whatever was asked |
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

ANSWER = (6.2518, -75.5636)  # in Colombia, where the test places are
PLACE = {"display_name": "Fakeville, Colombia", "addresstype": "town", "type": "town"}
LIES: dict[str, dict] = {
    "no lat": {"lon": "-74.0"},
    "null lat": {"lat": None, "lon": "-74.0"},
    "no fields": {"foo": 1},
    "text": {"lat": "abc", "lon": "-74.0"},
    "infinite": {"lat": "Infinity", "lon": "-74.0"},
    "lat 1000": {"lat": "1000", "lon": "-74.0"},
    "lon 1000": {"lat": "4.6", "lon": "1000"},
    "zero": {"lat": "0", "lon": "0"},
}


class FakeNominatim:
    """A fake Nominatim server; `requests` records what was asked."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.requests: list[dict[str, list[str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = parse_qs(urlparse(self.path).query)
                outer.requests.append({**query, "user-agent": [self.headers["User-Agent"]]})
                mode = outer.mode
                if mode == "slow":
                    time.sleep(1.5)
                if mode in ("429", "500"):
                    self._send(int(mode), b"")
                elif mode == "huge":
                    self._send(500, b"<html>" + b"x" * 5_000_000 + b"\x1b[2J</html>")
                elif mode == "drip":
                    self._drip(json.dumps([{**PLACE, "lat": "4.6", "lon": "-74.1"}]).encode())
                else:
                    self._send(200, json.dumps(outer.answer(mode)).encode())

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client read what it wanted and hung up
                    self.wfile.write(body)

            def _drip(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for byte in body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(2)
                except OSError:
                    pass  # the client gave up, as it should

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, mode: str) -> list[dict]:
        if mode == "empty":
            return []
        if mode == "paris":
            return [{**PLACE, "display_name": "Paris, France", "lat": "48.8566",
                     "lon": "2.3522"}]
        if mode.startswith("lying: "):
            return [{**PLACE, **LIES[mode.removeprefix("lying: ")]}]
        return [{**PLACE, "lat": str(ANSWER[0]), "lon": str(ANSWER[1])}]

    def __enter__(self) -> FakeNominatim:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
