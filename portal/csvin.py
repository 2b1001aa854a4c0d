"""Reading a CSV file someone uploads or names on the command line, the way Swedish
spreadsheets write them, with a clear error instead of a crash.

UTF-8 (with or without the BOM Excel adds), UTF-16 with its BOM (Excel's "Unicode
text", tab-separated) or, when the bytes are not UTF-8, Windows-1252 (what Swedish
Excel writes with "CSV (semikolonavgränsad)"); comma or
semicolon (or tab), whichever the header uses. A NUL byte, a field longer than MAX_FIELD, or a
file with no header are refused with the line named; nothing is written by the caller.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from portal.errors import ValidationError
from portal.i18n import t

SEPARATORS = (",", ";", "\t")  # comma, Swedish Excel's semicolon, Excel's tab-separated text
WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx (a zip), .xls (OLE2)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MAX_FIELD = 100_000  # characters in one cell; the longest real text is a few thousand


def decode(data: bytes, strict: bool = False) -> str:
    """The file's text: UTF-8 first, UTF-16 when it starts with its BOM (Excel's
    "Unicode text"), then Windows-1252; refuses a spreadsheet that is not text (.xlsx,
    .xls), NUL bytes and files that are none of these. `strict` accepts UTF-8 only
    (formats such as HSDS that are UTF-8 by their specification)."""
    if data.startswith(WORKBOOKS):
        raise ValidationError(t("common.csv.workbook"))
    try:
        return _checked(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        if strict:
            raise ValidationError(t("common.csv.not_utf8")) from exc
    try:
        if data.startswith(UTF16_BOMS):
            return _checked(data.decode("utf-16"))
        return _checked(data.decode("cp1252"))
    except UnicodeDecodeError as exc:
        raise ValidationError(t("common.csv.encoding")) from exc


def _checked(text: str) -> str:
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ValidationError(t("common.csv.refused"), {f"rad {line}": t("common.csv.nul")})
    if not text.strip():
        raise ValidationError(t("common.csv.empty"))
    return text


def dict_rows(text: str) -> tuple[list[str], Iterator[tuple[int, dict]]]:
    """The stripped header and (line the row starts on, row) for every row; a field over
    MAX_FIELD characters raises ValidationError naming its line."""
    first = text.split("\n", 1)[0]
    # The header has no free text: the separator is the one it uses most (comma on a tie).
    delimiter = max(SEPARATORS, key=first.count)
    csv.field_size_limit(MAX_FIELD)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise _too_long(1) from exc
    reader.fieldnames = header

    def rows() -> Iterator[tuple[int, dict]]:
        line = 1
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _too_long(start) from exc
            line = reader.line_num
            yield start, row

    return header, rows()


def _too_long(line: int) -> ValidationError:
    return ValidationError(
        t("common.csv.refused"), {f"rad {line}": t("common.csv.too_long", n=MAX_FIELD)}
    )
