"""Text from outside (files, uploads, links, online services) made safe for where it lands.

- `markdown`: for Markdown as the dashboard renders it, with HTML-like tags, KaTeX ($…$)
  and directives (a colour or icon's name between colons, before brackets) in titles,
  messages, buttons and the panel: every character that could start one is escaped, so
  the text shows as written, on one line.
- `one_line`: for a terminal, where control characters clear the screen or retitle the
  window and a newline can fake a line of output: every control, format and separator
  character is shown escaped (\\x1b, \\n, \\u202e), so a message stays one honest line.
- `xml_text`: for XML files (KML), which cannot hold most control characters at all:
  those are dropped; tabs and newlines stay.
- `slug`: for file names: "Blinken · Colombia" -> "blinken-colombia".
- `shorten`: a long value cut to a length a message can carry.
"""

from __future__ import annotations

import re
import unicodedata

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
# Controls (Cc), formats such as bidi overrides and zero-width spaces (Cf), line and
# paragraph separators (Zl, Zp), and unassigned or private characters a terminal may act on.
_UNSAFE = frozenset(("Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"))
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def markdown(text: str) -> str:
    """Escape text for Streamlit Markdown so it shows literally, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def one_line(text: str) -> str:
    """The text with every control, format or separator character shown escaped."""
    if text.isprintable():
        return text  # the common case, at C speed
    return "".join(_visible(c) for c in text)


def shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _visible(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    if char == " " or unicodedata.category(char) not in _UNSAFE:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


# What XML 1.0 cannot hold: controls other than tab and newlines, surrogates, U+FFFE/FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def xml_text(text: str) -> str:
    """The text without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", text)


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens, for a file name."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NOT_SLUG.sub("-", folded).strip("-")[:limit].rstrip("-")
