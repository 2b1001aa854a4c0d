"""An activity's history as a reader meets it: one list, newest first, each entry with its
comment (paragraphs and line breaks kept, never markup) and its link."""

from html.parser import HTMLParser

from markdown_it import MarkdownIt

from portal.plan._db import plans as plans_db
from tests.app.helpers import open_tab, page_as

COMMENT = "Rad ett\nrad två\n\nStycke två med **inte fet** och <b>ingen tagg</b>"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)


def _html(markdown: str) -> tuple[str, list[str]]:
    html = MarkdownIt("commonmark").render(markdown)
    parser = _Tags()
    parser.feed(html)
    return html, parser.tags


def test_history_is_one_list_with_comments_kept_literal(demo_db):
    at = open_tab(page_as("processledare", "app_pages/plan.py"), "plan_tab", "Aktivitet i detalj")
    plan = plans_db.current_plan()
    act = int(plans_db.activities(plan["id"]).iloc[0]["id"])
    form = f"plan_update_{act}"
    at.text_area(key=f"{form}_comment").input(COMMENT)
    at.text_input(key=f"{form}_link").input("https://intranat.example/rapport")
    next(b for b in at.button if b.label == "Spara uppdateringen").click()
    at.run()
    assert not at.exception
    blocks = [str(m.value) for m in at.markdown if str(m.value).startswith("##### Historik")]
    assert len(blocks) == 1  # heading and every entry in one element
    html, tags = _html(blocks[0])
    updates = len(plans_db.activity_updates([act]))
    assert tags.count("li") == updates and tags.count("ul") == 1
    newest = html.split("<li>")[1]  # newest first: the save just made
    assert "Demo Processledare" in newest
    assert "Rad ett<br />\nrad två" in newest  # the line break is kept
    assert "Stycke två med **inte fet** och &lt;b&gt;ingen tagg&lt;/b&gt;" in newest
    assert "intranat.example/rapport" in newest
    assert "<strong>" not in newest  # the user's ** stay characters
    assert tags.count("b") == 0 and "href" not in html  # no user tag, no link made
