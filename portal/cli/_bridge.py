"""The command line's side of the loopback route (portal/web/cli_bridge.py): hand a
command to the running portal that holds the database, and get its Outcome back."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from typing import Any

from portal import commands, config
from portal.errors import PortalError
from portal.i18n import t


def ask(name: str, params: dict[str, Any], payload: bytes | None) -> commands.Outcome:
    """Run command `name` inside the running portal; raises PortalError in one line when
    no portal answers."""
    lang = config.default_lang()
    bridge = commands.read_bridge()
    if bridge is None:
        raise PortalError(t("cli.no_portal", lang))
    body = {
        "command": name,
        "params": params,
        "payload": base64.b64encode(payload).decode("ascii") if payload is not None else None,
    }
    request = urllib.request.Request(
        bridge.url + commands.ROUTE_PATH,
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json", commands.SECRET_HEADER: bridge.secret},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=config.get_float("PORTAL_CLI_WAIT")) as resp:
            data = json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise PortalError(t("cli.refused", lang, status=exc.code)) from exc
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise PortalError(t("cli.no_answer", lang, url=bridge.url, reason=reason)) from exc
    return commands.Outcome.from_json(data)
