"""Markdown that people type (meeting minutes) as plain data: blocks holding runs.

markdown-it-py parses the text (CommonMark, raw HTML off, so `<b>` stays the four
characters a person typed); the result is a small structure of dicts that a PDF template
receives as JSON and a Word writer turns into python-docx runs. No text ever becomes
markup of the output format, and images become their alt text only.

Blocks: {"kind": "heading", "level", "runs"}, {"kind": "paragraph", "runs"},
{"kind": "list", "ordered", "start", "items": [[block, ...], ...]},
{"kind": "quote", "blocks"}, {"kind": "code", "runs"}, {"kind": "rule"}.
Runs: {"text", "bold", "italic"} or {"break": True}.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark", {"html": False})

Block = dict[str, Any]
Run = dict[str, Any]


def parse(text: str, top_level: int = 1) -> list[Block]:
    """The blocks of Markdown `text`; a `#` heading gets `top_level`, and no heading
    level is skipped (PDF/UA and screen readers need an unbroken hierarchy)."""
    tokens = _PARSER.parse(text or "")
    blocks, _ = _blocks(tokens, 0, None)
    _level_headings(blocks, top_level, [top_level - 1])
    return blocks


def _blocks(tokens: list[Token], i: int, until: str | None) -> tuple[list[Block], int]:
    out: list[Block] = []
    while i < len(tokens):
        tok = tokens[i]
        if until and tok.type == until:
            return out, i + 1
        if tok.type == "heading_open":
            out.append({"kind": "heading", "level": int(tok.tag[1]), "runs": _runs(tokens[i + 1])})
            i += 3
        elif tok.type == "paragraph_open":
            out.append({"kind": "paragraph", "runs": _runs(tokens[i + 1])})
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            ordered = tok.type == "ordered_list_open"
            items, i = _items(tokens, i + 1, tok.type.replace("_open", "_close"))
            start = int(tok.attrGet("start") or 1) if ordered else 1
            out.append({"kind": "list", "ordered": ordered, "start": start, "items": items})
        elif tok.type == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, "blockquote_close")
            out.append({"kind": "quote", "blocks": inner})
        elif tok.type in ("code_block", "fence"):
            out.append({"kind": "code", "runs": _lines(tok.content.rstrip("\n"))})
            i += 1
        elif tok.type == "hr":
            out.append({"kind": "rule"})
            i += 1
        else:
            i += 1
    return out, i


def _items(tokens: list[Token], i: int, close: str) -> tuple[list[list[Block]], int]:
    items: list[list[Block]] = []
    while tokens[i].type != close:
        if tokens[i].type == "list_item_open":
            item, i = _blocks(tokens, i + 1, "list_item_close")
            items.append(item)
        else:
            i += 1
    return items, i + 1


def _lines(text: str) -> list[Run]:
    runs: list[Run] = []
    for n, line in enumerate(text.split("\n")):
        if n:
            runs.append({"break": True})
        runs.append({"text": line, "bold": False, "italic": False})
    return runs


def _runs(inline: Token) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    href, start = "", 0
    for tok in inline.children or []:
        kind = tok.type
        if kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind in ("softbreak", "hardbreak"):
            runs.append({"break": True} if kind == "hardbreak" else _run(" ", bold, italic))
        elif kind == "link_open":
            href = str(tok.attrGet("href") or "")
            start = len(runs)
        elif kind == "link_close":
            shown = "".join(r.get("text", "") for r in runs[start:])
            if href and href != shown and href != f"mailto:{shown}":
                runs.append(_run(f" ({href})", bold, italic))
        elif kind in ("text", "code_inline", "image", "html_inline"):
            runs.append(_run(tok.content, bold, italic))
    return [r for r in runs if r.get("break") or r["text"]]


def _run(text: str, bold: int, italic: int) -> Run:
    return {"text": text, "bold": bold > 0, "italic": italic > 0}


def _level_headings(blocks: list[Block], top: int, last: list[int]) -> None:
    for block in blocks:
        if block["kind"] == "heading":
            level = min(top + block["level"] - 1, last[0] + 1, 6)
            block["level"] = last[0] = max(level, top)
        for inner in [block.get("blocks", [])] + block.get("items", []):
            _level_headings(inner, top, last)


def plain(blocks: list[Block]) -> str:
    """The text of `blocks` without any formatting, one line per block."""
    lines: list[str] = []
    for block in blocks:
        if "runs" in block:
            lines.append("".join(r.get("text", "\n") for r in block["runs"]))
        for inner in [block.get("blocks", [])] + block.get("items", []):
            lines.append(plain(inner))
    return "\n".join(line for line in lines if line)


def to_docx(doc: DocxDocument, blocks: list[Block], depth: int = 0) -> None:
    """Append `blocks` to a python-docx document: real headings, list styles, bold and
    italic runs."""
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            _fill(doc.add_heading("", level=min(block["level"], 9)), block["runs"])
        elif kind in ("paragraph", "code"):
            _fill(doc.add_paragraph(), block["runs"])
        elif kind == "quote":
            for inner in block["blocks"]:
                _fill(doc.add_paragraph(style="Quote"), inner.get("runs", []))
        elif kind == "list":
            _list_to_docx(doc, block, depth)


def _list_to_docx(doc: DocxDocument, block: Block, depth: int) -> None:
    suffix = "" if depth == 0 else f" {min(depth + 1, 3)}"
    for n, item in enumerate(block["items"]):
        first, rest = (item[0], item[1:]) if item else ({"kind": "paragraph", "runs": []}, [])
        if block["ordered"]:
            para = doc.add_paragraph(f"{block['start'] + n}. ", style=f"List{suffix}")
        else:
            para = doc.add_paragraph(style=f"List Bullet{suffix}")
        if first["kind"] == "list":
            rest = [first, *rest]
        else:
            _fill(para, first.get("runs", []))
        to_docx(doc, rest, depth + 1)


def _fill(para: Paragraph, runs: list[Run]) -> None:
    for r in runs:
        if r.get("break"):
            para.add_run().add_break()
        else:
            run = para.add_run(r["text"])
            run.bold = r["bold"] or None
            run.italic = r["italic"] or None
