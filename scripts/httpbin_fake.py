#!/usr/bin/env python3
"""A stand-in for the public test server the downloaded .py files use
(httpbin.org), for tests on machines that cannot reach it: the three paths
those files request, with httpbin's behaviour.

  /delay/{seconds}  waits that long (at most 10 s), then 200 with JSON
  /status/{code}    that status at once, empty body
  /html             200 with an HTML page

Usage: python3 scripts/httpbin_fake.py   (prints the port it listens on)
"""

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", ctype="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path.startswith("/delay/"):
            try:
                seconds = min(float(path[len("/delay/"):]), 10.0)
            except ValueError:
                return self.answer(400, b"bad delay", "text/plain")
            time.sleep(max(seconds, 0.0))
            body = {"args": {}, "headers": {"Host": self.headers.get("Host", "")},
                    "url": f"http://{self.headers.get('Host', '')}{self.path}"}
            return self.answer(200, json.dumps(body, indent=2).encode() + b"\n")
        if path.startswith("/status/"):
            try:
                code = int(path[len("/status/"):])
            except ValueError:
                return self.answer(400, b"bad status", "text/plain")
            return self.answer(code, b"", "text/html; charset=utf-8")
        if path == "/html":
            return self.answer(200, b"<!DOCTYPE html><html><body><h1>Herman Melville - Moby-Dick</h1></body></html>",
                               "text/html; charset=utf-8")
        return self.answer(404, b"", "text/html; charset=utf-8")


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
