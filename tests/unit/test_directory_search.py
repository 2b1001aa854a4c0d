"""Directory search, filters, visibility per role, staleness and the default entries."""

from datetime import date

import pytest

from portal.directory import _core as svc, _views as views
from portal.directory._seed import DEFAULTS, MUNICIPAL_SERVICES
from portal.errors import NotFound, PermissionDenied, StaleEdit, ValidationError


def _names(entries) -> list[str]:
    return [e["name"] for e in entries]


def _add(name: str, description: str = "", **extra) -> str:
    values = {
        "name": name,
        "organization": "Testorg",
        "description": description,
        "visibility": "public",
        **extra,
    }
    return svc.save("processledare", "process_leader", values)


@pytest.mark.parametrize("query", ["oro", "ORO", "Orostelefonen", "rOsTeLe", "rädda"])
def test_free_text_is_case_insensitive_and_matches_inside_words(db_path, query):
    assert "Orostelefonen" in _names(svc.search("partner", query))


def test_swedish_letters_match_across_case_and_their_plain_forms_exact_first(db_path):
    _add("Ängslan och åldrande", "Stöd för ÖVERSITTARE")
    _add("Angslan", "plain a")
    both = ["Ängslan och åldrande", "Angslan"]
    assert _names(svc.search("member", "ÄNGSLAN")) == both  # the word as typed first
    assert _names(svc.search("member", "angslan")) == both[::-1]  # 'a' also finds 'ä'
    assert _names(svc.search("member", "ÅLDRANDE")) == ["Ängslan och åldrande"]
    assert _names(svc.search("member", "oversittare")) == ["Ängslan och åldrande"]
    # Orostelefonen's description says "stödtelefon"; the one named so comes first
    assert _names(svc.search("member", "stodtelefon"))[:2] == [
        "CVE stödtelefon för yrkesverksamma",
        "Orostelefonen",
    ]


def test_every_word_must_match_and_wildcards_are_literal(db_path):
    # the centre is for professionals (a target group) and named (CVE): it matches too,
    # after the entry whose name holds both words
    assert _names(svc.search("member", "CVE yrkesverksamma")) == [
        "CVE stödtelefon för yrkesverksamma",
        "Center mot våldsbejakande extremism (CVE)",
    ]
    assert _names(svc.search("member", "CVE anhöriga")) == ["Orostelefonen"]
    assert svc.search("member", "%") == []
    assert svc.search("member", "_") == []
    assert svc.search("member", "'; DROP TABLE dir_entries; --") == []
    assert svc.search("member")  # the table is still there


def test_filters_by_category_group_language_and_area(db_path):
    _add(
        "Arabisk samtalsgrupp",
        categories=["counselling"],
        target_groups=["relatives"],
        languages=["ar"],
        service_area="Tjörns kommun",
    )
    assert _names(svc.search("member", language="ar")) == ["Arabisk samtalsgrupp"]
    assert _names(svc.search("member", category="emergency")) == ["112 – vid akut fara"]
    assert "CVE stödtelefon för yrkesverksamma" in _names(
        svc.search("member", group="professionals")
    )
    assert "Orostelefonen" not in _names(svc.search("member", group="professionals"))
    area = _names(svc.search("member", area="Tjörns kommun"))
    assert "Arabisk samtalsgrupp" in area and "Orostelefonen" not in area
    assert _names(svc.search("member", "samtal", category="counselling", language="ar")) == [
        "Arabisk samtalsgrupp"
    ]


def test_visibility_per_role(demo_db):
    everyone = {e["visibility"] for e in svc.search("admin")}
    assert everyone == {"public", "partners", "internal"}
    for role in ("coordinator", "process_leader", "member"):
        assert {e["visibility"] for e in svc.search(role)} == everyone
    assert {e["visibility"] for e in svc.search("partner")} == {"public", "partners"}
    assert {e["visibility"] for e in svc.search(None)} == {"public"}
    internal = next(e for e in svc.search("member") if e["visibility"] == "internal")
    with pytest.raises(NotFound):
        svc.get("partner", internal["id"])
    assert svc.get("member", internal["id"])["name"] == internal["name"]


def test_inactive_entries_are_hidden_except_for_editors_who_ask(db_path):
    entry_id = _add("Nedlagd verksamhet")
    svc.set_active("processledare", "process_leader", entry_id, False)
    assert "Nedlagd verksamhet" not in _names(svc.search("admin"))
    assert "Nedlagd verksamhet" in _names(svc.search("admin", include_inactive=True))
    assert "Nedlagd verksamhet" not in _names(svc.search("member", include_inactive=True))


@pytest.mark.parametrize("role", [None, "partner", "member"])
def test_only_editors_may_write(db_path, role):
    with pytest.raises(PermissionDenied):
        svc.save("x", role, {"name": "X", "organization": "Y", "visibility": "public"})
    entry_id = svc.search("admin")[0]["id"]
    with pytest.raises(PermissionDenied):
        svc.mark_verified("x", role, entry_id)
    with pytest.raises(PermissionDenied):
        svc.set_active("x", role, entry_id, False)


def test_stale_edit_is_refused_and_names_the_changed_field(db_path):
    entry_id = _add("Versionstest")
    entry = svc.get("admin", entry_id)
    svc.save("a", "admin", {**entry, "phone": "0304-12 34 56"}, entry_id, entry["version"])
    with pytest.raises(StaleEdit) as exc:
        svc.save("b", "admin", {**entry, "cost": "Gratis"}, entry_id, entry["version"])
    assert "phone" in exc.value.changes
    assert svc.get("admin", entry_id)["phone"] == "0304-12 34 56"


@pytest.mark.parametrize(
    "field,value",
    [
        ("phone", "ring mig"),
        ("email", "a@b"),
        ("url", "javascript:alert(1)"),
        ("url", "ftp://example.org"),
        ("name", " "),
    ],
)
def test_form_values_are_validated(db_path, field, value):
    with pytest.raises(ValidationError):
        svc.save(
            "p",
            "process_leader",
            {"name": "Ok", "organization": "Org", "visibility": "public", field: value},
        )


def test_staleness_uses_the_configured_months(db_path, monkeypatch):
    entry_id = _add("Kontrollerad")
    svc.mark_verified("p", "process_leader", entry_id, date(2025, 11, 25))
    entry = svc.get("admin", entry_id)
    assert not svc.is_stale(entry, date(2026, 11, 24))  # 12 months not yet passed
    assert svc.is_stale(entry, date(2026, 11, 26))
    monkeypatch.setenv("PORTAL_VERIFY_MONTHS", "6")
    assert svc.is_stale(entry, date(2026, 6, 1))
    assert svc.cutoff(date(2026, 3, 31), 1) == date(2026, 2, 28)
    monkeypatch.setenv("PORTAL_VERIFY_MONTHS", "12")
    stale = _names(views.stale_page("admin", date(2026, 11, 24), size=1000).rows)
    # the municipality's own services were never verified and come first
    assert stale[0] in {name for _, name, _, _ in MUNICIPAL_SERVICES}
    assert "Kontrollerad" not in stale and "Orostelefonen" not in stale
    assert "Orostelefonen" in _names(views.stale_page("admin", date(2028, 1, 1), size=1000).rows)


def test_default_entries_carry_sources_and_no_invented_contacts(db_path):
    entries = {e["name"]: e for e in svc.search("admin")}
    for row in DEFAULTS:
        entry = entries[row["name"]]
        assert entry["source"] and entry["verified_on"] and entry["visibility"] == "public"
    assert entries["Orostelefonen"]["phone"] == "020-100 200"
    assert entries["Orostelefonen"]["email"] == "orostelefonen@rb.se"
    assert entries["Orostelefonen"]["hours"] == ""  # hours differ between sources
    assert entries["CVE stödtelefon för yrkesverksamma"]["phone"] == "08-527 44 290"
    assert entries["Polisen 114 14"]["phone"] == "114 14"
    for _, name, _, _ in MUNICIPAL_SERVICES:
        own = entries[name]
        assert own["visibility"] == "internal"
        assert (own["phone"], own["email"], own["url"], own["hours"]) == ("", "", "", "")
        assert own["verified_on"] is None


def test_results_are_in_swedish_alphabetical_order(db_path):
    for name in ("Östra gruppen", "Ängsgården", "Åsa-stödet", "Zebra"):
        _add(name, "sorteringstest")
    assert _names(svc.search("member", "sorteringstest")) == [
        "Zebra",
        "Åsa-stödet",
        "Ängsgården",
        "Östra gruppen",
    ]
