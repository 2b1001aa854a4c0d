"""Validators and the link builders: links only from validated values."""

import pytest

from portal.directory._vocab import mailto_href, tel_href, valid_url


@pytest.mark.parametrize(
    "value,href",
    [
        ("020-100 200", "tel:020100200"),
        ("08-527 44 290", "tel:0852744290"),
        ("112", "tel:112"),
        ("+46 8 123 45", "tel:+46812345"),
        ("javascript:alert(1)", None),
        ("12", None),
        ("020 100 200)", None),
        ("", None),
        ("tel:112", None),
        ("1" * 16, None),
    ],
)
def test_tel_links(value, href):
    assert tel_href(value) == href


@pytest.mark.parametrize(
    "value,ok",
    [
        ("orostelefonen@rb.se", True),
        ("a.b+c@kommun.se", True),
        ("a@b", False),
        ("x@y.se?subject=hi", False),
        ("<a@b.se>", False),
        ("a b@c.se", False),
    ],
)
def test_mailto_links(value, ok):
    assert (mailto_href(value) == "mailto:" + value) is ok


@pytest.mark.parametrize(
    "value,ok",
    [
        ("https://www.cve.se", True),
        ("http://polisen.se/x?y=1", True),
        ("javascript:alert(1)", False),
        ("ftp://x.se", False),
        ("www.cve.se", False),
        ('https://x.se/"onmouseover=', False),
        ("https://", False),
        ("data:text/html,x", False),
    ],
)
def test_urls(value, ok):
    assert valid_url(value) is ok
