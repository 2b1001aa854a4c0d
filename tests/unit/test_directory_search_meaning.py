"""Directory search finds what people mean: inflection, å/ä/ö, typos, labels, ranking."""

import pytest

from portal.db.connection import cursor, transaction
from portal.directory import _core as svc, _views as views
from portal.directory._db import search_index
from portal.directory._text import fold, stem, terms_of

PARENTS = "[Demo] Samtalsgrupp för föräldrar"
LEAVING = "[Demo] Stöd för dig som vill lämna en våldsbejakande miljö"
SOCIAL = "Socialtjänsten (individ- och familjeomsorg)"
CVE_CENTRE = "Center mot våldsbejakande extremism (CVE)"
CVE_LINE = "CVE stödtelefon för yrkesverksamma"


def _names(entries) -> list[str]:
    return [e["name"] for e in entries]


# (query, entries expected among the first three, as a member sees the demo directory)
QUERIES = [
    ("anhöriga", ["Orostelefonen", PARENTS]),  # all five for relatives tie: name order
    ("anhörig", ["Orostelefonen", PARENTS]),
    ("ANHORIGA", ["Orostelefonen", PARENTS]),
    ("valdsbejakande", [CVE_CENTRE, LEAVING]),
    ("våldsbejakande", [CVE_CENTRE, LEAVING]),
    ("socialtjanst", [SOCIAL]),
    ("socialtjänsten", [SOCIAL]),
    ("Socialtjänst", [SOCIAL]),
    ("orostelfonen", ["Orostelefonen"]),  # one letter missing
    ("orostelefon", ["Orostelefonen"]),
    ("orostelefonen", ["Orostelefonen"]),
    ("  orostelefonen  ", ["Orostelefonen"]),
    ("oorstelefonen", ["Orostelefonen"]),  # two letters swapped
    ("förälder", [PARENTS]),
    ("föräldrar", [PARENTS]),
    ("FÖRÄLDRAR", [PARENTS]),
    ("föräldern", [PARENTS]),
    ("foraldrar", [PARENTS]),
    ("stöd för föräldrar", [PARENTS]),  # 'för' is a stop word
    ("orolig förälder", [PARENTS]),
    ("orolig för min tonåring", [PARENTS]),
    ("lämna miljö", [LEAVING]),
    ("vill lämna", [LEAVING]),
    ("extremism", [CVE_CENTRE]),
    ("extremsim", [CVE_CENTRE]),  # letters swapped
    ("arabiska", [PARENTS]),  # a language label
    ("samtalsstöd", ["Orostelefonen"]),  # a category label
    ("stodtelefon", [CVE_LINE, "Orostelefonen"]),
    ("kunskap", [CVE_CENTRE]),
    ("yrkesverksamma", [CVE_LINE]),
    ("lärare", [CVE_LINE]),
    ("skola", ["Elevhälsan"]),
    ("akut", ["112 – vid akut fara"]),
    ("polis", ["Polisen 114 14"]),
    ("114 14", ["Polisen 114 14"]),
    ("anonym", ["Orostelefonen"]),
    ("rädda barnen", ["Orostelefonen"]),  # the organisation
]


@pytest.mark.parametrize("query,expected", QUERIES)
def test_what_people_type_finds_the_right_entries_first(demo_db, query, expected):
    top = _names(svc.search("member", query))[:3]
    missing = [name for name in expected if name not in top]
    assert not missing, f"{query!r}: top three {top}"


@pytest.mark.parametrize(
    "query", ["xyzzyqwerty", "%", "_", "anhöriga xyzzyqwerty", "qqqqq", "zzzzzzzzzz"]
)
def test_nonsense_finds_nothing(demo_db, query):
    assert svc.search("member", query) == []
    assert views.results_page("member", query=query).total == 0


def test_target_group_word_finds_what_the_filter_finds(demo_db):
    by_filter = set(_names(svc.search("member", group="relatives")))
    assert len(by_filter) == 5
    for query in ("anhöriga", "anhörig", "anhoriga", "Anhöriga"):
        assert set(_names(svc.search("member", query))) == by_filter


def test_exact_word_before_accent_folded_before_stem_before_typo(db_path):
    for name, text in [
        ("A typo", "Stöd för anhörgia"),
        ("B stem", "Stöd för anhörigas barn"),
        ("C folded", "Stöd för anhoriga"),
        ("D exact", "Stöd för anhöriga"),
    ]:
        svc.save(
            "p",
            "process_leader",
            {"name": name, "organization": "Org", "description": text, "visibility": "public"},
        )
    names = [n for n in _names(svc.search("member", "anhöriga")) if n[1] == " "]
    assert names == ["D exact", "C folded", "B stem", "A typo"]


def test_a_match_in_the_name_ranks_above_one_in_the_description(db_path):
    for name, text in [("Allmän rådgivning", "Hjälp i krissituationer"), ("Kris", "Annat")]:
        svc.save(
            "p",
            "process_leader",
            {"name": name, "organization": "Org", "description": text, "visibility": "public"},
        )
    assert _names(svc.search("member", "kris"))[0] == "Kris"


@pytest.mark.parametrize("query", ["socialtjanst", "Elevhälsan", "säkerhetssamordnare"])
def test_partners_and_visitors_never_find_internal_entries(demo_db, query):
    assert svc.search("member", query)
    for role in ("partner", None):
        found = svc.search(role, query)
        assert all(e["visibility"] != "internal" for e in found)
        assert views.results_page(role, query=query).total == len(found)


def test_visitors_find_only_public_entries(demo_db):
    assert PARENTS in _names(svc.search("partner", "föräldrar"))
    assert svc.search(None, "föräldrar") == []  # the parents' group is for partners
    assert _names(svc.search(None, "orostelfonen")) == ["Orostelefonen"]


def test_pages_and_counts_of_a_ranked_search_agree(db_path):
    for n in range(23):
        svc.save(
            "p",
            "process_leader",
            {
                "name": f"Grupp {n:02d}",
                "organization": "Org",
                "description": "Stöd för anhöriga",
                "visibility": "public",
            },
        )
    first = views.results_page("member", 0, 10, query="anhörig")
    assert first.total == 23 + 4  # and the four default entries for relatives
    seen = []
    for offset in range(0, first.total, 10):
        seen += _names(views.results_page("member", offset, 10, query="anhörig").rows)
    assert len(seen) == len(set(seen)) == first.total


def test_an_edit_updates_the_search_words_in_the_same_transaction(db_path):
    entry_id = svc.save(
        "p",
        "process_leader",
        {"name": "Gammalt namn", "organization": "Org", "visibility": "public"},
    )
    entry = svc.get("admin", entry_id)
    svc.save("p", "process_leader", {**entry, "name": "Nytt namn"}, entry_id, entry["version"])
    assert _names(svc.search("member", "nytt")) == ["Nytt namn"]
    assert svc.search("member", "gammalt") == []


def test_a_database_without_search_words_is_indexed_on_first_search(demo_db):
    with transaction() as cur:
        cur.execute("DELETE FROM dir_search")
        cur.execute("DELETE FROM meta WHERE key = ?", [search_index.VERSION_KEY])
    assert _names(svc.search("member", "orostelfonen")) == ["Orostelefonen"]
    with cursor() as cur:
        assert search_index.is_current(cur)
        assert cur.execute("SELECT count(*) FROM dir_search").fetchone()[0] > 100


def test_words_are_folded_and_stemmed_alike():
    assert fold("Våldsbejakande ÖVER") == "valdsbejakande over"
    assert stem("förälder") == stem("föräldrar") == stem("föräldern") == stem("foraldrarna")
    assert stem("anhörig") == stem("anhöriga")
    assert [t.typos for t in terms_of("oro orostel orostelefon")] == [0, 1, 2]
    assert [t.typos for t in terms_of("polis 11414")] == [1, 0]
    assert terms_of("stöd för föräldrar") == terms_of("stöd föräldrar")
    assert len(terms_of("för")) == 1  # only stop words: keep them
