"""A fake Nominatim on localhost: real HTTP, scripted answers, no network."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class FakeNominatim:
    """Answers /search with `mode`: ok, empty, 429, 500 or slow."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.requests: list[dict[str, list[str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = parse_qs(urlparse(self.path).query)
                outer.requests.append({**query, "user-agent": [self.headers["User-Agent"]]})
                if outer.mode == "slow":
                    time.sleep(1.5)
                if outer.mode in ("429", "500"):
                    self.send_response(int(outer.mode))
                    self.end_headers()
                    return
                body = [] if outer.mode == "empty" else [{
                    "lat": "17.0", "lon": "-62.0", "display_name": "Fakeville, Testland",
                    "addresstype": "town", "type": "town"}]
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeNominatim:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
