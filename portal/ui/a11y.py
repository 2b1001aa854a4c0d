"""What the portal adds to Streamlit's page for assistive technology (WCAG 2.1 AA).

Streamlit 1.67 writes `<html lang="en">` in its page template, draws the sidebar caption
and inline code in colours below 4.5:1, gives a focused navigation link the same look as
the current page, and leaves the login library's invisible cookie frame in the tab order.
None of that has a setting, so the shell adds, on every run:

- one constant style sheet (`st.html` with only `<style>`, which Streamlit puts in its
  event container: it takes no room on the page);
- one small script (`st.html(..., unsafe_allow_javascript=True)`) in a hidden container,
  that sets the document language from the fixed list `LANGS`. Nothing a user typed ever
  goes into either; the script loads nothing.

`mark_invalid` links a form field to its error message (aria-invalid, aria-describedby),
which Streamlit's widgets do not expose.
"""

from __future__ import annotations

import json

import streamlit as st

from portal.i18n import LANGS, get_lang

# Streamlit draws captions as body text at opacity 0.6: 4.41:1 on the sidebar's
# background, 3:1 for inline code in a caption. A solid grey instead: 7.4:1 on the
# sidebar's #F2F5F8, 8.6:1 on white.
CAPTION_COLOR = "#4A4F57"
FOCUS_COLOR = "#1F4E79"  # the theme's primary colour
_HIDDEN = "portal_a11y_script"

_STYLE = f"""<style>
[data-testid="stCaptionContainer"] {{ opacity: 1; color: {CAPTION_COLOR}; }}
[data-testid="stSidebarNav"] a:focus-visible {{
  outline: 3px solid {FOCUS_COLOR}; outline-offset: 2px;
  text-decoration: underline; text-underline-offset: 3px;
}}
iframe[title*="cookie_manager" i] {{ visibility: hidden; }}
[class*="st-key-{_HIDDEN}"],
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-{_HIDDEN}"]) {{ display: none; }}
</style>"""

# The cookie frame: visibility:hidden already keeps it out of the tab order and the
# accessibility tree; the attributes say the same to tools that read only the markup.
# The frame mounts after the page, so an observer marks it when it appears (once per
# browser tab: the observer outlives reruns and page changes).
_SCRIPT = """<script>
document.documentElement.lang = %s;
if (!window.portalQuietFrames) {
  window.portalQuietFrames = new MutationObserver(function () {
    document.querySelectorAll('iframe[title*="cookie_manager" i]:not([tabindex])')
      .forEach(function (f) {
        f.setAttribute("tabindex", "-1"); f.setAttribute("aria-hidden", "true");
      });
  });
  window.portalQuietFrames.observe(document.body, {childList: true, subtree: true});
}
</script>"""


def page_setup() -> None:
    """The style sheet and the document language (the run's UI language, one of the fixed
    `LANGS`); called by the shell on every run."""
    st.html(_STYLE)
    lang = get_lang()
    code = lang if lang in LANGS else LANGS[0]
    with st.container(key=_HIDDEN):
        st.html(_SCRIPT % json.dumps(code), unsafe_allow_javascript=True)


_INVALID = """<script>
(function () {
  var input = document.querySelector(%(input)s);
  var alert = document.querySelector(%(alert)s);
  if (!input || !alert) { return; }
  alert.id = %(id)s;
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", %(id)s);
})();
</script>"""


def mark_invalid(field_key: str, alert_key: str) -> None:
    """Mark the input of the widget with key `field_key` invalid and described by the
    message in the container with key `alert_key` (both keys are constants of the page)."""
    values = {
        "input": json.dumps(f".st-key-{field_key} input"),
        "alert": json.dumps(f".st-key-{alert_key} [role='alert']"),
        "id": json.dumps(f"{alert_key}-message"),
    }
    with st.container(key=f"{_HIDDEN}_{field_key}"):
        st.html(_INVALID % values, unsafe_allow_javascript=True)
