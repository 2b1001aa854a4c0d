"""How the server listens: on the configured address only, and without asking an
outside service for the machine's public IP at start."""

import socket
import tomllib

from portal import ROOT


def test_config_listens_on_this_machine_only() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def test_server_binds_loopback_and_looks_up_no_public_ip(server) -> None:
    port = int(server.url.rsplit(":", 1)[1])
    log = (server.db.parent / "server.log").read_text(encoding="utf-8")
    assert "external IP" not in log
    assert "Network URL" not in log  # printed only when listening on every interface
    # Not reachable on another of this machine's addresses.
    others = {
        info[4][0]
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        if not info[4][0].startswith("127.")
    }
    for address in others:
        with socket.socket() as sock:
            sock.settimeout(2)
            assert sock.connect_ex((address, port)) != 0, address
