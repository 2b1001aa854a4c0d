"""`python -m portal notify [--dry-run] [--on YYYY-MM-DD]`: one notification pass.

Prints one line per message it queues, sends or fails to send (kind, username, address,
subject, period; never a message's content). Exits 1 when a send failed (it is retried
by the next run), 0 otherwise. The running portal makes these passes itself; while it
holds the database this command says so and leaves the work to it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from portal.errors import DatabaseLocked
from portal.notify import api as notify_api


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("notify", help="send due e-mail (digests, invitations, minutes)")
    parser.add_argument("--dry-run", action="store_true", help="print, send nothing")
    parser.add_argument(
        "--on", type=date.fromisoformat, metavar="YYYY-MM-DD", help="as if today were that day"
    )


def run(args: argparse.Namespace) -> int:
    if not args.dry_run and not notify_api.configured():
        print("PORTAL_SMTP_HOST is not set: nothing is sent")
        return 0
    try:
        report = notify_api.run(on=args.on, dry_run=args.dry_run)
    except DatabaseLocked:
        print("the portal is running and sends notifications itself; nothing to do")
        return 0
    lines = report.lines(dry_run=args.dry_run)
    for line in lines:
        print(line)
    if not lines:
        print("nothing to send")
    if report.failed:
        print(f"{len(report.failed)} message(s) failed; the next run retries them", file=sys.stderr)
        return 1
    return 0
