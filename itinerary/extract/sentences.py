"""An article's paragraphs and sentences, and the quotations inside them.

Lines that a plain-text file wrapped are joined back into their paragraph; a line that
ends a sentence, or a short line with no full stop (a header such as "Colombia: October
3–4"), stands alone. Sentences end at a full stop, question or exclamation mark followed
by a capital, unless the word before is an abbreviation or an initial ("U.S.", "Dr.",
"Antony J. Blinken").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_ENDS = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9À-Þ])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Adm|Sen|Rep|Gov|Lt|Col|Capt|Maj|Sgt|Amb|Hon|Rev|"
    r"Prof|No|vs|etc|Mt|Ft|Ave|Inc|Ltd|Co|Corp|Dept|Sept|Oct|Nov|Dec|Jan|Feb|Mar|Apr|Aug|"
    r"a\.m|p\.m|U\.S|U\.K|U\.N|E\.U|D\.C|[A-Z])\.)[\"”’')\]]*\s*$")
_QUOTES = re.compile(r"“([^“”\n]{1,2000})”|\"([^\"\n]{1,2000})\"")
HEADER_WORDS = 10  # a line this short with no full stop is a header


@dataclass(frozen=True)
class Sentence:
    """One sentence, where it stands, and its text with quotations blanked out (for the
    finders, which must not take a quoted name for a fact)."""

    text: str
    paragraph: int
    index: int  # its place among all the article's sentences
    header: bool = False

    @cached_property  # read by every finder: blanked once
    def plain(self) -> str:
        return _QUOTES.sub(lambda m: " " * len(m.group(0)), self.text)

    def quotes(self) -> list[tuple[int, int, str]]:
        """Each quotation's span in the sentence and its words, as written."""
        return [(m.start(), m.end(), m.group(1) or m.group(2))
                for m in _QUOTES.finditer(self.text)]


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs, wrapped lines joined. A block of only short lines (a
    letterhead, a dateline, a list of headers) keeps each line as a paragraph."""
    found: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and all(_is_header(line) for line in lines):
            found += lines
            continue
        current: list[str] = []
        for line in lines:
            current.append(line)
            if line[-1] in ".!?:”\"" and not _ABBREVIATION.search(line):
                _flush(found, current)
        _flush(found, current)
    return found


def _flush(found: list[str], current: list[str]) -> None:
    if current:
        found.append(" ".join(current))
        current.clear()


def _is_header(line: str) -> bool:
    return len(line.split()) <= HEADER_WORDS and line[-1] not in ".,;!?”\"’'"


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the text, in order."""
    found: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs(text)):
        header = _is_header(paragraph)
        for part in split_sentences(paragraph):
            found.append(Sentence(part, number, len(found), header))
    return found


def split_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences; a quotation of several sentences stays in one."""
    quoted = [(m.start() + 1, m.end() - 1) for m in _QUOTES.finditer(paragraph)]
    parts: list[str] = []
    start = 0
    inside = 0  # the first quotation that may still hold a boundary
    for end in _ENDS.finditer(paragraph):
        gap = end.end() - 1  # the space after the stop: inside a quotation or not
        while inside < len(quoted) and quoted[inside][1] <= gap:
            inside += 1
        if inside < len(quoted) and quoted[inside][0] <= gap:
            continue
        if _ABBREVIATION.search(paragraph[max(start, end.start() - 12):end.end()]):
            continue
        parts.append(paragraph[start:end.end()].strip())
        start = end.end()
    rest = paragraph[start:].strip()
    if rest:
        parts.append(rest)
    return parts
