"""Weak passwords are refused with a Swedish message naming why; strong ones pass."""

from __future__ import annotations

import pytest

from portal.admin import _passwords as passwords, _weak as weak
from portal.admin._users import add_user
from portal.errors import ValidationError
from tests.unit.test_admin_users import admin

COMMON = "vanligt"
PERSONAL = "namnet"
REPEATED = "samma tecken"
DIGITS = "bara siffror"
SEQUENCE = "följd"


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("aaaaaaaaaaaa", REPEATED),
        ("123456789012", SEQUENCE),
        ("password1234", COMMON),
        ("Password1234!", COMMON),
        ("P@ssw0rd2024", COMMON),
        ("qwertyuiop12", COMMON),
        ("qwertyuiopå1", SEQUENCE),
        ("abcdefghijkl", COMMON),
        ("mnopqrstuvwx", SEQUENCE),
        ("zyxwvutsrqpo", SEQUENCE),
        ("0987654321-+", SEQUENCE),
        ("asdfghjklöä!", SEQUENCE),
        ("abcabcabcabc", REPEATED),
        ("xyxyxyxyxyxy", REPEATED),
        ("!!!!!!!!!!!!", REPEATED),
        ("197311241234", DIGITS),
        ("lösenord2024", COMMON),
        ("Sommar2024!!", COMMON),
        ("iloveyou1234", COMMON),
        ("1234monkey!!", COMMON),
        ("kimkimkim-123", PERSONAL),
        ("Andersson-sommarhus", PERSONAL),
        ("hej-Karolina-99", PERSONAL),
    ],
)
def test_weak_passwords_are_refused(demo_db, password, reason):
    with pytest.raises(ValidationError, match=reason) as err:
        passwords.validate_password(
            "kimkimkim", password, demo_mode=False, name="Karolina Andersson-Berg"
        )
    assert set(err.value.problems) == {"password"}


@pytest.mark.parametrize(
    "password",
    [
        "ett-långt-lösenord-1",
        "Blå cykel i regnet",
        "korv med bröd 1987",
        "tjugo hästar springer",
        "Q7#vLm2!pZ9x",
        "min katt heter Kim",  # 3 letters: too short to count as a name part
        "fönster-1234-kaffe",
    ],
)
def test_strong_passwords_pass(demo_db, password):
    passwords.validate_password("kimkimkim", password, demo_mode=False, name="Kim Berg")


def test_the_common_list_is_shipped_with_its_source():
    text = weak.COMMON_FILE.read_text(encoding="utf-8")
    assert "SecLists" in text.split("\n", 8)[4]
    listed = weak.common_passwords()
    assert len(listed) >= 1000
    assert {"123456", "password", "qwerty", "iloveyou", "lösenord"} <= listed
    assert all(p == p.lower() for p in listed)


def test_demo_passwords_still_work_in_demo_mode_only(demo_db):
    passwords.validate_password("samordnare", "demo-samordnare", demo_mode=True)
    with pytest.raises(ValidationError, match="demoläge"):
        passwords.validate_password("samordnare", "demo-samordnare", demo_mode=False)


def test_the_english_message(demo_db):
    with pytest.raises(ValidationError, match="too common"):
        passwords.validate_password("kim", "password1234", demo_mode=False, lang="en")


def test_adding_a_user_checks_the_name_given(demo_db):
    with pytest.raises(ValidationError, match=PERSONAL):
        add_user(
            "kberg", "Karolina Berg", "k@example.se", "member", "karolina-1987-x", actor=admin()
        )
