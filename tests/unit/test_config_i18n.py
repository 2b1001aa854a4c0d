import stat

from portal import config
from portal.i18n import catalog, t


def test_cookie_key_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("PORTAL_DB", str(tmp_path / "p.duckdb"))
    monkeypatch.setenv("PORTAL_COOKIE_KEY", "k" * 40)
    assert config.cookie_key() == "k" * 40


def test_cookie_key_generated_once_owner_only(monkeypatch, tmp_path):
    monkeypatch.setenv("PORTAL_DB", str(tmp_path / "p.duckdb"))
    monkeypatch.delenv("PORTAL_COOKIE_KEY", raising=False)
    monkeypatch.setattr(config, "_from_secrets", lambda *a: None)
    first = config.cookie_key()
    assert len(first) >= 32
    assert config.cookie_key() == first
    mode = (tmp_path / "p.cookie_key").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


def test_catalogs_have_the_same_keys():
    assert set(catalog("sv")) == set(catalog("en"))


def test_swedish_is_default_and_login_labels():
    assert t("auth.username") == "Användarnamn"
    assert t("auth.password") == "Lösenord"
    assert t("auth.submit") == "Logga in"
    assert t("auth.username", lang="en") == "Username"


def test_missing_key_falls_back_to_key():
    assert t("nope.nothing") == "nope.nothing"


def test_logo_setting(monkeypatch, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setenv("PORTAL_LOGO", str(logo))
    assert config.logo_path() == logo
    monkeypatch.setenv("PORTAL_LOGO", str(tmp_path / "missing.png"))
    assert config.logo_path() is None
    monkeypatch.delenv("PORTAL_LOGO")
    assert config.logo_path() is None
