"""Markdown and HTML renderers, and ``vnplan render``."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs

import vnplan
from vnplan._text import word_counts
from vnplan.render import render_all
from vnplan.render_markup import render_html, render_markdown

from .conftest import FIXTURES

SAMPLE = (FIXTURES / "sample_kehoach.txt").read_text(encoding="utf-8")


class _Classes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.classes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.classes.extend(v or "" for k, v in attrs if k == "class")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_has_a_class_per_component_and_every_word() -> None:
    docs = vnplan.parse(SAMPLE)
    page = render_html(docs)
    parser = _Classes()
    parser.feed(page)
    assert {"issuer", "national", "motto", "number", "place-date", "type-name", "summary", "body"} <= set(
        parser.classes
    )
    assert {"recipients-label", "recipients-entry", "authority", "signer"} <= set(parser.classes)
    body = "".join(parser.text).split("</style>")[-1]
    assert word_counts(render_all(docs)) <= word_counts(" ".join(parser.text)), body[:80]
    assert "@page { size: A4 portrait" in page


def test_markdown_headings_and_escapes() -> None:
    doc = vnplan.parse(SAMPLE)[0]
    doc = attrs.evolve(doc, body=(vnplan.Paragraph("# Nâng cao nhận thức."), *doc.body))
    out = render_markdown(doc)
    assert "# KẾ HOẠCH\n**" in out
    assert "## I. MỤC ĐÍCH, YÊU CẦU" in out
    assert "\\# Nâng cao" in out  # a body line that would be a heading is escaped
    assert "***Nơi nhận:***" in out


def test_render_command_writes_every_format(tmp_path: Path) -> None:
    sample = tmp_path / "kh.txt"
    sample.write_text(SAMPLE, encoding="utf-8")
    for to in ("text", "markdown", "html", "docx"):
        out = tmp_path / f"out.{to}"
        run = subprocess.run(
            [sys.executable, "-m", "vnplan.cli", "render", "--to", to, "-o", str(out), str(sample)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        assert out.stat().st_size > 0
    word = vnplan.read_docx(tmp_path / "out.docx")
    assert vnplan.parse_word(word) == vnplan.parse(SAMPLE)
