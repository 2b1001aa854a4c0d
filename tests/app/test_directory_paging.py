"""The directory's long lists in AppTest: search results, the check list, the editor's
picker and the public support page, one page at a time."""

from tests.app.helpers import page_as
from tests.app.test_directory import _captions, _card_names, _stale_count, _tab


def _add_many(n: int, word: str, visibility: str = "public") -> None:
    from portal.directory import _core as svc

    for i in range(n):
        svc.save(
            "processledare",
            "process_leader",
            {"name": f"{word} {i:02d}", "organization": "Testorg", "visibility": visibility},
        )


def test_search_results_are_paged_with_a_count_and_a_pager(demo_db):
    _add_many(45, "Sidpost")
    at = page_as("partner", "app_pages/directory.py")
    at.text_input(key="dir_query").input("sidpost").run()
    assert "Visar 1–10 av 45" in _captions(at)
    assert _card_names(at) == [f"Sidpost {i:02d}" for i in range(10)]
    assert at.button(key="dir_results_previous").disabled
    at.button(key="dir_results_next").click().run()
    assert "Visar 11–20 av 45" in _captions(at)
    assert _card_names(at)[0] == "Sidpost 10"
    at.button(key="dir_results_last").click().run()
    assert "Visar 41–45 av 45" in _captions(at)
    assert _card_names(at) == [f"Sidpost {i:02d}" for i in range(40, 45)]
    assert at.button(key="dir_results_next").disabled
    at.text_input(key="dir_query").input("SIDPOST").run()  # a new search: first page again
    assert "Visar 1–10 av 45" in _captions(at)
    at.text_input(key="dir_query").input("sidpost 4").run()
    assert _card_names(at) == [
        "Sidpost 04",
        "Sidpost 14",
        "Sidpost 24",
        "Sidpost 34",
        *(f"Sidpost {i}" for i in range(40, 45)),
    ]
    assert "9 träffar" in _captions(at)
    assert not [b for b in at.button if b.key == "dir_results_next"]


def test_editor_searches_then_picks_an_entry_to_edit(demo_db):
    from portal.directory import _views as directory_views

    _add_many(directory_views.PICK_LIMIT + 5, "Plockpost", "internal")
    at = _tab("processledare", "Lägg till eller ändra")
    choice = at.selectbox(key="dir_edit_choice")
    assert len(choice.options) == directory_views.PICK_LIMIT + 1  # "Ny post" and the first N
    assert any(c.startswith("Listan visar 50 av") for c in _captions(at))
    at.text_input(key="dir_edit_query").input("ORostelefon").run()
    choice = at.selectbox(key="dir_edit_choice")
    assert choice.options == ["Ny post", "Orostelefonen · Rädda Barnen"]
    choice.select_index(1).run()
    assert not at.exception
    name = next(ti for ti in at.text_input if ti.label == "Namn")
    assert name.value == "Orostelefonen"
    at.text_input(key="dir_edit_query").input("finns inte alls").run()
    assert "Ingen post matchar. Välj Ny post för att lägga till den." in _captions(at)
    assert at.selectbox(key="dir_edit_choice").options == ["Ny post"]
    assert at.selectbox(key="dir_edit_choice").value is None and not at.exception


def test_check_list_is_paged_and_counted_in_the_tab(demo_db):
    from portal.directory import _views as directory_views

    _add_many(directory_views.CHECK_PAGE_SIZE + 3, "Okontrollerad", "internal")
    at = _tab("samordnare", "Att kontrollera")
    total = _stale_count(at)
    assert total > directory_views.CHECK_PAGE_SIZE
    assert len(at.dataframe[0].value) == directory_views.CHECK_PAGE_SIZE
    size = directory_views.CHECK_PAGE_SIZE
    assert f"Visar 1–{size} av {total}" in _captions(at)
    at.button(key="dir_check_next").click().run()
    assert len(at.dataframe[0].value) == min(size, total - size)
    assert f"Visar {size + 1}–{min(2 * size, total)} av {total}" in _captions(at)


def test_support_page_pages_through_the_public_entries(demo_db):
    _add_many(30, "Offentlig post")
    at = page_as(None, "app_pages/support.py")
    assert not at.exception
    first = _card_names(at)
    assert len(first) == 10  # ten cards a page: read one by one, often on a phone
    assert any(c.startswith("Visar 1–10 av ") for c in _captions(at))
    at.button(key="stod_entries_next").click().run()
    second = _card_names(at)
    assert second and not set(first) & set(second)
