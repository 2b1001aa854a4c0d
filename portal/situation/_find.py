"""The situation picture's part of the portal-wide search: years and milieus whose
assessment or summary holds every searched word, as hits linking to /lagesbild."""

from __future__ import annotations

from portal.hits import Hit
from portal.i18n import t
from portal.situation._db import find as find_db


def find(found_words: list[str], limit: int) -> list[Hit]:
    hits = []
    for kind, year, milieu in find_db.find(found_words, limit):
        title = t("situation.title") + f" {year}"
        if milieu:
            title += " – " + t(f"common.milieus.{milieu}")
        hits.append(Hit(kind, title, None, "lagesbild", (("ar", str(year)),)))
    return hits
