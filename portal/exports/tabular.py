"""CSV writing shared by the exports: UTF-8 with BOM so Excel shows å, ä, ö right."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd


def csv_bytes(df: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    df.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def write_csv(df: pd.DataFrame, path: Path) -> None:
    Path(path).write_bytes(csv_bytes(df))
