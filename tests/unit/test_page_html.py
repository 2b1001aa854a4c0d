"""The inline script that names the server: the configured path only, never markup."""

from portal.web.page_html import backend_script


def test_the_root_unless_a_base_path_is_set():
    assert backend_script("").endswith('window.location.origin + "/"};</script>')
    assert 'origin + "/sos/"' in backend_script("/sos/")
    assert 'origin + "/sos/"' in backend_script("sos")


def test_a_setting_cannot_close_the_script_element():
    script = backend_script('x</script><script>alert(1)</script>"')
    assert script.count("</script>") == 1 and script.endswith("</script>")
    assert '\\"' in script  # the quote stays inside the string
