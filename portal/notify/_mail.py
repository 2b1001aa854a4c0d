"""What a message says, as data, and the two renderings of it: plain text and a simple
HTML part in which every text is escaped (user text never becomes markup). Sending goes
through the standard library's smtplib.
"""

from __future__ import annotations

import html
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from portal import config
from portal.i18n import t


@dataclass(frozen=True)
class Item:
    text: str
    url: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    items: list[Item]
    more: str = ""  # e.g. "and 4 more", shown after the items


@dataclass(frozen=True)
class Attachment:
    filename: str
    maintype: str
    subtype: str
    data: bytes
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mail:
    subject: str
    intro: str
    sections: list[Section]
    link: Item  # the page the message is about
    lang: str
    attachments: list[Attachment] = field(default_factory=list)
    guest: bool = False  # a guest without an account: no word of digests or /konto


def base_url() -> str:
    return config.get("PORTAL_BASE_URL").rstrip("/")


def page_url(path: str) -> str:
    """An absolute link to one of the portal's pages (path like '/moten?mote=3')."""
    return base_url() + path


def render_text(mail: Mail) -> str:
    lines = [mail.intro, ""]
    for section in mail.sections:
        lines += [section.heading, "-" * len(section.heading)]
        for item in section.items:
            lines.append(f"- {item.text}" + (f"\n  {item.url}" if item.url else ""))
        if section.more:
            lines.append(section.more)
        lines.append("")
    lines += [f"{mail.link.text}: {mail.link.url}", "", "-- ", _footer(mail)]
    return "\n".join(lines) + "\n"


def _a(item: Item) -> str:
    text = html.escape(item.text)
    if not item.url:
        return text
    return f'<a href="{html.escape(item.url, quote=True)}">{text}</a>'


def render_html(mail: Mail) -> str:
    parts = [
        f'<!DOCTYPE html><html lang="{mail.lang}"><head><meta charset="utf-8">',
        f"<title>{html.escape(mail.subject)}</title></head>",
        '<body style="font-family: sans-serif; line-height: 1.4; max-width: 40em">',
        f"<p>{html.escape(mail.intro)}</p>",
    ]
    for section in mail.sections:
        parts.append(f'<h2 style="font-size: 1.1em">{html.escape(section.heading)}</h2><ul>')
        parts += [f"<li>{_a(item)}</li>" for item in section.items]
        parts.append("</ul>")
        if section.more:
            parts.append(f"<p>{html.escape(section.more)}</p>")
    parts.append(f"<p><strong>{_a(mail.link)}</strong></p>")
    parts.append(f'<p style="color: #555; font-size: 0.9em">{html.escape(_footer(mail))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def _footer(mail: Mail) -> str:
    if mail.guest:
        return t("notify.footer_guest", lang=mail.lang)
    return t("notify.footer", lang=mail.lang, url=page_url("/konto"))


def build(mail: Mail, to_address: str) -> bytes:
    """The MIME message: text and HTML alternatives, then any attachments."""
    msg = EmailMessage()
    msg["Subject"] = mail.subject
    msg["From"] = config.get("PORTAL_MAIL_FROM")
    msg["To"] = to_address
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="sos-portalen.invalid")
    msg["Content-Language"] = mail.lang
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to reminders
    msg.set_content(render_text(mail))
    msg.add_alternative(render_html(mail), subtype="html")
    for att in mail.attachments:
        msg.add_attachment(
            att.data,
            maintype=att.maintype,
            subtype=att.subtype,
            filename=att.filename,
            params=att.params,
        )
    # CRLF line ends, as SMTP requires: smtplib sends bytes exactly as given.
    return msg.as_bytes(policy=policy.SMTP)


def configured() -> bool:
    """Whether an SMTP server is set; without one nothing is queued or sent."""
    return bool(config.get("PORTAL_SMTP_HOST").strip())


@contextmanager
def smtp() -> Iterator[smtplib.SMTP]:
    """One connection to the configured server, with STARTTLS and login when set."""
    host = config.get("PORTAL_SMTP_HOST")
    port = config.get_int("PORTAL_SMTP_PORT")
    with smtplib.SMTP(host, port, timeout=30) as conn:
        if config.get_bool("PORTAL_SMTP_STARTTLS"):
            conn.starttls(context=ssl.create_default_context())
        user = config.get("PORTAL_SMTP_USER")
        if user:
            conn.login(user, config.get("PORTAL_SMTP_PASSWORD"))
        yield conn


def sender() -> str:
    """The envelope sender: the address part of PORTAL_MAIL_FROM."""
    from email.utils import parseaddr

    return parseaddr(config.get("PORTAL_MAIL_FROM"))[1] or "sos-portalen@localhost"
