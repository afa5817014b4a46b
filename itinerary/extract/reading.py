"""Reading an article: plain text, Markdown, HTML or PDF, to plain text and its publication
date.

HTML goes through the standard library's HTML parser, and what is not the article is
dropped: scripts, styles, navigation, headers and footers, forms, and the blocks a blog
adds after a post (comment widgets, reblog and share lists). Markdown loses its marks but
keeps its lines, so a header such as "Colombia: October 3–4" stays a line of its own. The
publication date comes from front matter (`date:`, `published_time:`, `pubDate:`) or from a
dateline near the top ("May 18, 2010", "WASHINGTON, Oct. 3 (Reuters) -").
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

from itinerary.config import INPUT_MAX_BYTES
from itinerary.errors import ArticleError, Problem
from itinerary.extract.when import MONTH, WEEKDAY, month_number
from itinerary.sources.table import too_large


@dataclass(frozen=True)
class Article:
    """An article's text, one paragraph or header per line, and what is known of it."""

    text: str
    published: date | None = None
    title: str = ""
    name: str = "article"


def read_article(data: bytes | str, name: str = "article",
                 published: date | None = None) -> Article:
    """The article in `data`, or an ArticleError naming `name` and what was expected."""
    if isinstance(data, bytes):
        data = _decoded(data, name)
    if len(data.encode("utf-8", "surrogatepass")) > INPUT_MAX_BYTES:
        raise ArticleError([too_large(name)])
    front, body = _front_matter(data)
    if _is_html(body):
        body = html_text(body)
    body = _plain(body)
    if not body.strip():
        raise ArticleError([Problem(name, "holds no text; expected an article")])
    dated, body = _dateline(body)
    found = published or _published(front) or dated
    return Article(body, found, _title(front), name)


def _decoded(data: bytes, name: str) -> str:
    if data.startswith(b"%PDF"):
        return pdf_text(data, name)
    if b"\x00" in data:
        raise ArticleError([Problem(name, "is a binary file; expected text, HTML, "
                                    "Markdown or PDF")])
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ArticleError([Problem(name, "is not UTF-8 text; expected text, HTML, Markdown "
                                "or PDF")])


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF's pages, a page's lines as pypdf lays them out."""
    from pypdf import PdfReader  # imported here: it is needed only for PDFs
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ArticleError([Problem(name, "is not a readable PDF; expected text, HTML, "
                                    "Markdown or PDF")]) from exc
    return "\n\n".join(pages)


_KEY = re.compile(r"([A-Za-z_][A-Za-z_:-]{0,30}):(?:\s|$)")
FRONT_LINES = 40  # front matter is looked for this far into the text


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Front matter's keys and the text after it; none when the text has no such block.

    The block is the `key: value` lines between two `---` lines, or those before the
    first `---` (as a feed item saved as text has them); lines before it (a `SOURCE:`
    line) may be skipped."""
    lines = text.split("\n", FRONT_LINES)[:FRONT_LINES]
    rules = [i for i, line in enumerate(lines) if line.strip() == "---"]
    if not rules:
        return {}, text
    first = rules[0]
    block = lines[first + 1:rules[1]] if len(rules) > 1 else []
    if not any(_KEY.match(line) for line in block):
        block, last = lines[:first], first
    else:
        last = rules[1]
    keys = _keys(block)
    if not keys:
        return {}, text
    return keys, "\n".join(text.split("\n", last + 1)[last + 1:])


def _keys(lines: list[str]) -> dict[str, str]:
    keys: dict[str, str] = {}
    last = ""
    for line in lines:
        found = _KEY.match(line)
        if line[:1].isspace() and last:  # a YAML value folded onto the next line
            keys[last] = _folded(keys[last], line.strip().strip("'\""))
        elif found:
            last = found.group(1).lower()
            keys.setdefault(last, line[found.end():].strip().strip("'\""))
    return keys


def _folded(head: str, tail: str) -> str:
    # A double-quoted YAML value ending in a backslash goes on with no space between.
    if head.endswith("\\"):
        return head[:-1] + tail.removeprefix("\\")
    return f"{head} {tail}"


def _published(front: dict[str, str]) -> date | None:
    for key in ("date", "published_time", "published", "pubdate", "dc:date", "modified_time"):
        value = front.get(key, "")
        if when := _parsed_date(value):
            return when
    return None


def _parsed_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10]).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _title(front: dict[str, str]) -> str:
    title = front.get("title", "").replace("\\_", " ").replace("\\\n", "")
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), title).strip()


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'-]{1,40}(?:,| —| -)\s*)?"
    rf"(?:{WEEKDAY},?\s+)?"
    rf"({MONTH})\s+(\d{{1,2}}),?\s+"
    r"(\d{4})\b")


def _dateline(text: str) -> tuple[date | None, str]:
    """A date standing at the start of one of the first lines (a briefing's "May 18,
    2010", a wire story's "WASHINGTON, Oct. 3, 2022 (Reuters)"), and the text without
    it: it is the day of publication, not a day of the trip."""
    lines = text.split("\n", 15)
    for number, line in enumerate(lines[:15]):
        found = _DATELINE.match(line.lstrip())
        if not found:
            continue
        try:
            day = date(int(found.group(3)), month_number(found.group(1)), int(found.group(2)))
        except ValueError:
            continue
        start = len(line) - len(line.lstrip())
        lines[number] = line[:start + found.start(1)] + line[start + found.end():]
        return day, "\n".join(lines)
    return None, text


# Block-level tags: Markdown may hold inline ones ("**<u>Friday, May 6</u>**") and stays
# Markdown.
_TAG = re.compile(r"<\s*(p|div|br|html|body|article|section|h[1-6]|li|table|tr)"
                  r"\b[^>]*>", re.IGNORECASE)


def _is_html(text: str) -> bool:
    return len(_TAG.findall(text[:20000])) >= 2 or bool(
        re.search(r"<!doctype html|<html\b", text[:2000], re.IGNORECASE))


_MARKS = [
    (re.compile(r"<\s*/?\s*(sup|sub|u|b|i|em|strong|span|a)\b[^>]*>", re.IGNORECASE), ""),
    (re.compile(r"\\([#*_`\[\]()>-])"), r"\1"),  # escaped Markdown marks: "\###"
    (re.compile(r"!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)"), r"\1"),  # links and images
    (re.compile(r"(\*\*|__|\*|`)(?=\S)"), ""),
    (re.compile(r"(?<=\S)(\*\*|__|\*|`)"), ""),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE), ""),  # Markdown headers
    (re.compile(r"^[ \t]*(?:[#*][ \t]*){3,}$", re.MULTILINE), ""),  # rules: "# # #"
    (re.compile(r"[ \t\u00a0]+"), " "),
]


# Lines a blog or feed adds around a post when it is saved as text, and a source or
# credit line ("Source: …"), which names where the text was found, not the trip.
_BOILERPLATE = re.compile(r"reblogged this from|^[\W\d]*\w+ posted this$|comments powered by|"
                          r"^source:|^(share|tweet|email|print)"
                          r"( this)?:?$|^(like|loading)\W*$", re.IGNORECASE)


def _plain(text: str) -> str:
    """Markdown's marks and inline tags dropped; lines kept; runs of spaces made one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for pattern, replacement in _MARKS:
        text = pattern.sub(replacement, text)
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join("" if _BOILERPLATE.search(line) else line for line in lines)


# Elements that are never the article, and class or id words that mark blog furniture.
_SKIPPED = frozenset({"script", "style", "nav", "header", "footer", "aside", "form",
                      "noscript", "template", "svg", "iframe", "button", "select"})
_FURNITURE = re.compile(r"comment|disqus|reblog|share|social|sidebar|menu|breadcrumb|"
                        r"related|newsletter|cookie|navbar|footer|masthead|notes", re.I)
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "tr", "section", "article", "blockquote", "table", "dd", "dt", "pre"})
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "area", "base", "col",
                   "embed", "source", "track", "wbr", "param"})


class _TextParser(HTMLParser):
    """Collects an HTML page's visible article text, one block per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # each open element: is it skipped?
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag in _VOID:
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skipped = tag in _SKIPPED or bool(marks and _FURNITURE.search(marks))
        self._stack.append((tag, skipped))
        self._skipping += skipped

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # An end tag closes its element and any left open inside it. Only the innermost
        # few are searched, so a page of unclosed tags costs linear time, not quadratic.
        for depth in range(len(self._stack) - 1, max(-1, len(self._stack) - 65), -1):
            if self._stack[depth][0] == tag:
                self._skipping -= sum(s for _, s in self._stack[depth:])
                del self._stack[depth:]
                break
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))


def html_text(page: str) -> str:
    """The article text of an HTML page."""
    parser = _TextParser()
    parser.feed(page)
    parser.close()
    return re.sub(r"\n[ \t]*(?=\n)", "\n", "".join(parser.parts))
