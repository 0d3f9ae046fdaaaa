"""The compose file's webhook receiver, for trying wafleet out: logs each delivery (its wafleet
headers and JSON body) to standard output and answers 200. Standard library only, run on the
official python image; `docker compose logs -f webhook-receiver` shows what arrived."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            shown = json.dumps(json.loads(body), indent=2, ensure_ascii=False)
        except ValueError:
            shown = body.decode("utf-8", "replace")
        wafleet = {k: v for k, v in self.headers.items() if k.lower().startswith("x-")}
        print(f"POST {self.path} {json.dumps(wafleet)}\n{shown}", flush=True)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        # the container's healthcheck
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8080"))), Receiver).serve_forever()
