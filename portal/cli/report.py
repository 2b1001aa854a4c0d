"""`python -m portal report --year YYYY --format docx|pdf|xlsx -o FILE`."""

from __future__ import annotations

import argparse
import sys

from portal.errors import ValidationError
from portal.exports.report import FORMATS, render
from portal.report.api import build_report


def run(args: argparse.Namespace) -> int:
    if args.fmt not in FORMATS:
        raise ValidationError(
            f"format '{args.fmt}' is not available; choose one of: " + ", ".join(FORMATS)
        )
    if not 1900 <= args.year <= 2200:
        raise ValidationError(f"year {args.year} is out of range")
    report = build_report(args.year)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(render(report, args.fmt))
    note = " (nothing to report for this year)" if report.content["empty"] else ""
    print(f"wrote {args.output}{note}", file=sys.stdout)
    return 0
