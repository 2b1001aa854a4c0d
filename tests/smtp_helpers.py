"""A real SMTP server for the notification tests: aiosmtpd on a free loopback port.

Every message it accepts is kept as raw bytes with its envelope, so a test can parse it
with the `email` package and search every received byte. `refuse` makes it answer the
next N messages with a temporary failure (451), as a busy or broken server would.
"""

from __future__ import annotations

import email
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller


@dataclass
class Received:
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        msg = email.message_from_bytes(self.raw, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        return msg

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def text(self) -> str:
        body = self.message.get_body(preferencelist=("plain",))
        assert body is not None
        return str(body.get_content())

    def html(self) -> str:
        body = self.message.get_body(preferencelist=("html",))
        assert body is not None
        return str(body.get_content())

    def attachments(self, content_type: str) -> list[bytes]:
        return [
            part.get_payload(decode=True)
            for part in self.message.iter_attachments()
            if part.get_content_type() == content_type
        ]


@dataclass
class MailServer:
    host: str
    port: int
    received: list[Received] = field(default_factory=list)
    refuse: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope) -> str:
        with self._lock:
            if self.refuse > 0:
                self.refuse -= 1
                return "451 4.3.0 Try again later"
            raw = envelope.original_content or envelope.content
            self.received.append(Received(list(envelope.rcpt_tos), bytes(raw)))
        return "250 OK"

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.rcpt_tos]

    def env(self) -> dict[str, str]:
        """The portal settings that point at this server (no TLS on loopback)."""
        return {
            "PORTAL_SMTP_HOST": self.host,
            "PORTAL_SMTP_PORT": str(self.port),
            "PORTAL_SMTP_STARTTLS": "0",
            "PORTAL_MAIL_FROM": "SOS-portalen <sos-portalen@kommun.invalid>",
            "PORTAL_BASE_URL": "https://portal.kommun.invalid",
        }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[MailServer]:
    server = MailServer("127.0.0.1", _free_port())
    controller = Controller(server, hostname=server.host, port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()
