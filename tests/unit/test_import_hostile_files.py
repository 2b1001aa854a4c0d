"""Files people really upload: Swedish Excel's semicolon Windows-1252 CSV is read like
UTF-8, and what used to crash the import or slip through (a field over 131,072
characters, a 20-digit count, a NUL byte, an empty file, the same entry twice) is
refused with the line named and nothing written."""

from __future__ import annotations

import pytest

from portal.actor import SYSTEM
from portal.db.connection import cursor
from portal.directory._db import directory as dir_db
from portal.directory._import import import_upload
from portal.errors import ValidationError
from portal.situation._db import situation as situation_db
from portal.situation._import import import_upload as situation_upload

HEADER = "name;organization;description;target_groups;visibility\n"
ROW = "Stöd för anhöriga i Skärhamn;Föreningen Väg ut;Samtal på svenska;anhöriga;public\n"
ADMIN = ("admin", "admin")


def _entries() -> int:
    with cursor() as cur:
        return dir_db.count_entries(cur)


def test_windows_1252_semicolon_file_imports_like_utf8(db_path):
    before = _entries()
    assert import_upload((HEADER + ROW).encode("cp1252"), *ADMIN) == 1
    with cursor() as cur:
        names = [e["name"] for e in dir_db.all_entries(cur)]
    assert "Stöd för anhöriga i Skärhamn" in names
    assert _entries() == before + 1


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        ((HEADER + ROW.replace("Samtal", "x" * 140_000)).encode(), "rad 2", "längre än"),
        ((HEADER + ROW.replace("Samtal", "Sam\x00tal")).encode(), "rad 2", "NUL"),
        ((HEADER + ROW + ROW).encode(), "rad 3", "samma post som rad 2"),
        ((HEADER + ROW + ROW.upper().replace("PUBLIC", "public")).encode(), "rad 3", "rad 2"),
    ],
    ids=["field-over-limit", "nul-byte", "duplicate", "duplicate-other-case"],
)
def test_bad_directory_file_names_the_line_and_writes_nothing(db_path, data, line, words):
    before = _entries()
    with pytest.raises(ValidationError) as err:
        import_upload(data, *ADMIN)
    assert words in err.value.problems[line]
    assert _entries() == before


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \n\n"], ids=["empty", "bom", "blank"])
def test_empty_file_says_so_in_words(db_path, data):
    with pytest.raises(ValidationError) as err:
        import_upload(data, *ADMIN)
    assert "Filen är tom" in str(err.value)


def test_situation_count_beyond_any_real_count_is_refused_not_a_crash(db_path):
    data = b"period;milieu;source;area;count\n2025-Q1;far_right;school;;99999999999999999999\n"
    with pytest.raises(ValidationError) as err:
        situation_upload(data, SYSTEM.username, SYSTEM.role)
    assert "rad 2" in err.value.problems
    assert situation_db.indicators(2025).empty


def test_situation_windows_1252_file_imports(db_path):
    data = "period;milieu;source;area;count\n2025-Q1;far_right;school;Skärhamn;4\n"
    assert situation_upload(data.encode("cp1252"), SYSTEM.username, SYSTEM.role) == 1
    assert situation_db.indicators(2025)["area"].tolist() == ["Skärhamn"]
