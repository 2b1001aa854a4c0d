"""The Chromium fixtures of the e2e suite, for the browser checks of the security suite."""

from tests.e2e.conftest import browser, page  # noqa: F401 - pytest fixtures
