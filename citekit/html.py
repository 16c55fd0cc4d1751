"""Web pages (.html) as the plain text citekit reads.

A saved essay page carries its text in markup: paragraphs, headings, an
ordered list of references, entities such as ``&amp;``, and a script, a style
sheet and a navigation bar around it.  ``html_text`` keeps what a reader sees,
laid out like ``citekit.office`` does for Word files:

- each block (paragraph, heading, list item, table cell, ``<br>``-separated
  line) on a line of its own followed by a blank line;
- ordered list items numbered as the browser shows them ("1.", from the
  list's ``start``), other list items with "- ";
- nothing from ``<head>``, ``<script>``, ``<style>``, ``<nav>``, ``<template>``
  or ``<noscript>``.

Only the standard library's ``html.parser`` is used; it never fails on bad
markup, so every page gives some text.
"""

from __future__ import annotations

from html.parser import HTMLParser

from citekit.embedded import EmbeddedCitation, coins_citation

__all__ = ["html_text", "read_html"]

_SKIP = frozenset({"head", "script", "style", "nav", "template", "noscript", "svg", "math"})
_BLOCKS = frozenset(
    {
        "p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "tr", "td", "th", "section", "article", "header", "footer", "aside", "main",
        "figure", "figcaption", "table", "ul", "ol", "dl", "address", "hr", "br", "caption",
    }
)  # fmt: skip
# Tags that never have an end tag: they must not open a skipped region or a block.
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "col"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skipping: list[str] = []
        self._lists: list[list[int]] = []  # per open list: [next number] or [] for <ul>
        self.citations: list[EmbeddedCitation] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._skipping.clear()  # a <head> left open ends where the body begins
        if self._skipping:
            if tag == self._skipping[-1] and tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _SKIP:
            self._skipping.append(tag)
            return
        if tag == "span":
            attributes = dict(attrs)
            if "Z3988" in (attributes.get("class") or "").split():
                # COinS: the block being read is line 2k + 1 of the text
                cite = coins_citation(2 * len(self.blocks) + 1, attributes.get("title") or "")
                if cite is not None:
                    self.citations.append(cite)
        if tag in _BLOCKS:
            self._flush()
        if tag == "ol":
            start = dict(attrs).get("start") or "1"
            self._lists.append([int(start) if start.strip().lstrip("-").isdigit() else 1])
        elif tag == "ul":
            self._lists.append([])
        elif tag == "li":
            counter = self._lists[-1] if self._lists else []
            if counter:
                self._current.append(f"{counter[0]}. ")
                counter[0] += 1
            else:
                self._current.append("- ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skipping and tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)


def html_text(html: str) -> str:
    """The visible text of a page: one block per line, each followed by a blank line."""
    return read_html(html)[0]


def read_html(html: str) -> tuple[str, tuple[EmbeddedCitation, ...]]:
    """The visible text of a page and the works its COinS spans describe."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "".join(f"{block}\n\n" for block in parser.blocks), tuple(parser.citations)
