"""Markdown and HTML renderers (``vnplan render --to markdown|html``).

Both take their lines and components from the text renderer
(:func:`vnplan.render.render_components`), so what they say is what the
normalized text says. The HTML is semantic, one class per component
(``issuer``, ``national``, ``motto``, ``type-name``, ``summary``, ``body``,
``recipients-entry``, ``signer``, ...), with a print style sheet that lays the
page out as NĐ 30 does (A4, its margins, Times New Roman, the sizes of Phụ lục I);
a user's own style sheet can restyle every class.
"""

from __future__ import annotations

from html import escape

from .model import Document
from .render import RenderOptions, render_columns, render_components

__all__ = ["render_html", "render_markdown"]

_MARKDOWN = {
    "issuer": "**{}**",
    "national": "**{}**",
    "motto": "**{}**",
    "place_date": "*{}*",
    "mark": "**{}**",
    "type_name": "# {}",
    "summary": "**{}**",
    "title_authority": "**{}**",
    "keyword": "**{}**",
    "basis": "*{}*",
    "appendix": "## {}",
    "form": "**{}**",
    "chapter": "## {}",
    "heading": "## {}",
    "article": "### {}",
    "recipients_label": "***{}***",
    "authority": "**{}**",
    "signer": "**{}**",
}
# Characters that would start Markdown syntax at the start of a plain line.
_MARKDOWN_LEADING = ("#", ">", "*", "_", "`", "|", "=")


def render_markdown(
    docs: Document | tuple[Document, ...] | list[Document], options: RenderOptions | None = None
) -> str:
    """The documents as Markdown: a block per block of the normalized text, the header's
    lines held together with hard line breaks, headings for the type name and sections."""
    chosen = [docs] if isinstance(docs, Document) else list(docs)
    out: list[str] = []
    for k, doc in enumerate(chosen):
        if k:
            out.append("---")
        for block in render_components(doc, options):
            lines = []
            for kind, text in block:
                pattern = _MARKDOWN.get(kind)
                if pattern is not None:
                    lines.append(pattern.format(text))
                elif text.startswith(_MARKDOWN_LEADING):
                    lines.append("\\" + text)
                else:
                    lines.append(text)
            # Two spaces end a line inside a paragraph (the header's lines, the Nơi nhận list).
            joiner = "\n" if any(line.startswith("#") for line in lines) else "  \n"
            out.append(joiner.join(lines))
    return "\n\n".join(out) + "\n"


_TAGS = {"type_name": "h1", "appendix": "h2", "chapter": "h2", "heading": "h2", "article": "h3"}

_CSS = """
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
.vbhc { font-family: "Times New Roman", Times, serif; font-size: 14pt; color: #000; max-width: 165mm; }
.vbhc p, .vbhc h1, .vbhc h2, .vbhc h3 { margin: 0; font-size: 14pt; }
.vbhc .head, .vbhc .closing { display: flex; justify-content: space-between; }
.vbhc .issuer-block { width: 40%; text-align: center; }
.vbhc .national-block { width: 58%; text-align: center; }
.vbhc .parent-issuer, .vbhc .issuer, .vbhc .national { font-size: 13pt; text-transform: uppercase; }
.vbhc .issuer, .vbhc .national, .vbhc .motto { font-weight: bold; }
.vbhc .issuer::after, .vbhc .motto::after { content: ""; display: block; margin: 2pt auto 6pt;
  border-bottom: 1px solid #000; width: 40%; }
.vbhc .motto::after { width: 75%; }
.vbhc .number { font-size: 13pt; }
.vbhc .cv-summary { font-size: 12pt; }
.vbhc .place-date { font-style: italic; }
.vbhc .type-name, .vbhc .summary, .vbhc .title-authority, .vbhc .keyword, .vbhc .chapter
  { text-align: center; font-weight: bold; }
.vbhc .type-name { margin-top: 12pt; }
.vbhc .summary::after { content: ""; display: block; margin: 2pt auto 6pt; border-bottom: 1px solid #000; width: 30%; }
.vbhc .body, .vbhc .item, .vbhc .heading, .vbhc .article
  { text-align: justify; text-indent: 1.27cm; margin-bottom: 6pt; }
.vbhc .heading, .vbhc .article { font-weight: bold; }
.vbhc .basis { text-align: justify; text-indent: 1.27cm; margin-bottom: 6pt; font-style: italic; }
.vbhc .recipients { width: 45%; }
.vbhc .recipients-label { font-size: 12pt; font-weight: bold; font-style: italic; }
.vbhc .recipients-entry { font-size: 11pt; }
.vbhc .signature { width: 50%; text-align: center; }
.vbhc .authority, .vbhc .signer { font-weight: bold; }
.vbhc .signer { margin-top: 60pt; }
""".strip()


def render_html(docs: Document | tuple[Document, ...] | list[Document], options: RenderOptions | None = None) -> str:
    """The documents as one printable HTML page, an ``<article class="vbhc">`` each."""
    chosen = [docs] if isinstance(docs, Document) else list(docs)
    articles = [_article(doc, options) for doc in chosen]
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(_title(chosen))}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        + "\n".join(articles)
        + "\n</body>\n</html>\n"
    )


def _title(docs: list[Document]) -> str:
    for doc in docs:
        if doc.title is not None and (doc.title.type_name or doc.title.summary):
            return " ".join(x for x in (doc.title.type_name, doc.title.summary) if x)
    return "vnplan"


def _article(doc: Document, options: RenderOptions | None) -> str:
    out = ['<article class="vbhc">']
    for kind, left, right in render_columns(doc, options):
        cells = ("".join(_p(k, t) for k, t in left), "".join(_p(k, t) for k, t in right))
        if kind == "header":
            out.append(
                f'<header class="head"><div class="issuer-block">{cells[0]}</div>'
                f'<div class="national-block">{cells[1]}</div></header>'
            )
        elif kind == "closing":
            out.append(
                f'<footer class="closing"><div class="recipients">{cells[0]}</div>'
                f'<div class="signature">{cells[1]}</div></footer>'
            )
        else:
            out.append(cells[0])
    out.append("</article>")
    return "\n".join(out)


def _p(kind: str, text: str) -> str:
    tag = _TAGS.get(kind, "p")
    return f'<{tag} class="{kind.replace("_", "-")}">{escape(text)}</{tag}>'
