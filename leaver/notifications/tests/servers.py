"""Real servers on 127.0.0.1 for the sending tests: a tiny SMTP server and a stand-in for the
GOV.UK Notify API. Each runs in a thread and speaks just enough of its protocol for Django's
SMTP backend and Notify's own Python client; nothing of Leaver's code is replaced."""

from __future__ import annotations

import json
import socketserver
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from notifications_python_client.authentication import decode_jwt_token


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: str


@dataclass
class SmtpState:
    received: list[Received] = field(default_factory=list)
    # Addresses answered with "550 no such user" at RCPT TO.
    refuse: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _SmtpHandler(socketserver.StreamRequestHandler):
    state: SmtpState

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 stub.example ESMTP")
        sender, recipients = "", list[str]()
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 stub.example")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip(" <>"), list[str]()
                self.reply("250 OK")
            elif verb == "RCPT":
                address = command.split(":", 1)[1].strip(" <>")
                if address in self.state.refuse:
                    self.reply(f"550 5.1.1 <{address}>: no such user here")
                else:
                    recipients.append(address)
                    self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data.decode())
                with self.state.lock:
                    self.state.received.append(Received(sender, recipients, "".join(lines)))
                self.reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class _TcpServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True  # restarted on the same port, as a mail server coming back
    daemon_threads = True


class SmtpServer:
    """`start()` and `stop()` at will, on the same port: stopped, connections are refused,
    as with a mail server that is down."""

    def __init__(self) -> None:
        self.state = SmtpState()
        self.port = 0
        self._server: _TcpServer | None = None

    def start(self) -> None:
        handler = type("Handler", (_SmtpHandler,), {"state": self.state})
        self._server = _TcpServer(("127.0.0.1", self.port), handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def received(self) -> list[Received]:
        return self.state.received


@dataclass
class NotifyState:
    service_id: str
    secret: str
    template_id: str
    sent: list[dict[str, Any]] = field(default_factory=list)
    # The status to answer with: 201 (sent), or an error such as 400, 403 or 500.
    answer: int = 201


class _NotifyHandler(BaseHTTPRequestHandler):
    state: NotifyState

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _json(self, status: int, body: dict[str, Any]) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self) -> None:
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            decode_jwt_token(token, self.state.secret)
        except Exception:
            self._json(403, {"status_code": 403, "errors": [
                {"error": "AuthError", "message": "Invalid token: signature"}]})
            return
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        if self.path != "/v2/notifications/email":
            self._json(404, {"status_code": 404, "errors": [{"error": "NotFound"}]})
            return
        if self.state.answer != 201:
            self._json(self.state.answer, {"status_code": self.state.answer, "errors": [
                {"error": "BadRequestError",
                 "message": f"Can't send to this recipient: {body['email_address']}"}]})
            return
        self.state.sent.append(body)
        self._json(201, {
            "id": str(uuid.uuid4()), "reference": body.get("reference"),
            "content": {"subject": body["personalisation"]["subject"],
                        "body": body["personalisation"]["body"], "from_email": "x@notify"},
            "uri": "https://api.example/v2/notifications/1",
            "template": {"id": body["template_id"], "version": 1, "uri": "https://x"}})


class NotifyServer:
    def __init__(self) -> None:
        self.state = NotifyState(service_id=str(uuid.uuid4()), secret=str(uuid.uuid4()),
                                 template_id=str(uuid.uuid4()))
        handler = type("Handler", (_NotifyHandler,), {"state": self.state})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def api_key(self) -> str:
        return f"leaver_test-{self.state.service_id}-{self.state.secret}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
