"""A minimal Streamlit client over the websocket a browser uses, for load tests.

A browser session costs a Chromium renderer; on a small machine thirty of them measure
the browsers rather than the server. This client speaks the same protocol (protobuf
BackMsg/ForwardMsg on /_stcore/stream), sends the login cookie a returning browser
sends, asks for pages by URL name and submits forms with widget values, so the server
does exactly the work it does for a browser.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import websockets
from google.protobuf import text_format
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
_WIDGETS = {"number_input", "text_area", "text_input", "button", "selectbox", "slider"}


@dataclass
class Widget:
    kind: str
    id: str
    label: str
    form_id: str
    is_int: bool = False
    options: list[str] = field(default_factory=list)


@dataclass
class Run:
    """What one rerun drew: its widgets, its text, and any exception shown."""

    seconds: float
    widgets: list[Widget] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)

    def find(self, kind: str, label: str, form_id: str | None = None) -> Widget | None:
        for widget in self.widgets:
            if (
                widget.kind == kind
                and widget.label == label
                and (form_id is None or widget.form_id == form_id)
            ):
                return widget
        return None

    def contains(self, needle: str) -> bool:
        """Whether a reader sees `needle`: the element texts are protobuf text, in which a
        Markdown escape ("Sparat\\.") is itself escaped, so every backslash is dropped."""
        return any(needle in text.replace("\\", "") for text in self.text)


class Session:
    """One browser-like session on a running portal."""

    def __init__(self, base_url: str, cookies: dict[str, str]) -> None:
        self._url = base_url.replace("http", "ws", 1) + "/_stcore/stream"
        self._cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        self._ws = None
        self._origin = base_url

    async def __aenter__(self) -> Session:
        self._ws = await websockets.connect(
            self._url,
            subprotocols=["streamlit"],
            max_size=None,
            additional_headers={"Cookie": self._cookie, "Origin": self._origin},
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._ws.close()

    async def open(self, page: str, states: list[WidgetState] | None = None) -> Run:
        """Ask for `page` (its URL name) as a browser does, with `states` as the widget
        values sent by a form submit; wait until the script run has finished."""
        msg = BackMsg()
        msg.rerun_script.page_name = page
        msg.rerun_script.widget_states.widgets.extend(states or [])
        start = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        run = Run(0.0)
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await self._ws.recv())
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                _collect(fwd, run)
            elif kind == "script_finished" and fwd.script_finished != RERUN:
                break
            elif kind == "new_session":
                run = Run(0.0)  # a rerun started by the script itself: keep its output only
        run.seconds = time.perf_counter() - start
        return run


def _collect(fwd: ForwardMsg, run: Run) -> None:
    delta = fwd.delta
    if delta.WhichOneof("type") == "add_block":
        _collect_tabs(delta.add_block, run)
    if delta.WhichOneof("type") != "new_element":
        return
    element = delta.new_element
    kind = element.WhichOneof("type")
    proto = getattr(element, kind) if kind else None
    if proto is None:
        return
    if kind == "exception":
        run.exceptions.append(f"{proto.type}: {proto.message}")
    if kind in _WIDGETS:
        options = list(proto.options) if kind == "selectbox" else []
        run.widgets.append(
            Widget(
                kind,
                proto.id,
                proto.label,
                getattr(proto, "form_id", ""),
                _is_int(kind, proto),
                options,
            )
        )
    run.text.append(text_format.MessageToString(proto, as_utf8=True))


def _collect_tabs(block, run: Run) -> None:
    """A keyed st.tabs is a widget whose value is the open tab's label: the container
    carries the id, the tabs after it their labels (found as `find("tabs", "")`)."""
    kind = block.WhichOneof("type")
    if kind == "tab_container" and block.tab_container.id:
        run.widgets.append(Widget("tabs", block.tab_container.id, "", ""))
    elif kind == "tab" and run.widgets and run.widgets[-1].kind == "tabs":
        run.widgets[-1].options.append(block.tab.label)


def _is_int(kind: str, proto) -> bool:
    return kind == "number_input" and proto.data_type == proto.INT


def value(widget: Widget, value: float | str) -> WidgetState:
    """The state a browser sends for `widget` set to `value`."""
    state = WidgetState(id=widget.id)
    if widget.kind in ("text_area", "text_input", "selectbox", "tabs"):  # labels, as text
        state.string_value = str(value)
    elif widget.is_int:
        state.int_value = int(value)
    else:
        state.double_value = float(value)
    return state


def click(widget: Widget) -> WidgetState:
    """The state a browser sends when a (form submit) button is pressed."""
    return WidgetState(id=widget.id, trigger_value=True)
