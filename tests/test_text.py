"""Outside text made safe for where it lands: Streamlit's Markdown, a terminal's line."""

import pytest

from itinerary.text import markdown, one_line, shorten, slug, xml_text


@pytest.mark.parametrize(("text", "escaped"), [
    ("$240 million", r"\$240 million"),
    ("**bold** <b>x</b>", r"\*\*bold\*\* \<b\>x\</b\>"),
    ("[a](javascript:alert(1))", r"\[a\]\(javascript\:alert\(1\)\)"),
    (":red[x]", r"\:red\[x\]"),
    ("Zz ![x](http://host/track.png) [CLICK](http://host/p)",
     r"Zz \!\[x\]\(http\://host/track\.png\) \[CLICK\]\(http\://host/p\)"),
    (r"$\href{http://host}{x}$", r"\$\\href\{http\://host\}\{x\}\$"),
    ("# heading\n- item", r"\# heading\\n\- item"),
    ("Bogotá, Colombia", "Bogotá, Colombia"),
])
def test_markdown_shows_text_as_written_on_one_line(text, escaped):
    assert markdown(text) == escaped


@pytest.mark.parametrize(("text", "line"), [
    ("Lima", "Lima"),
    ("clear \x1b[2J screen", r"clear \x1b[2J screen"),
    ("title \x1b]0;owned\x07", r"title \x1b]0;owned\x07"),
    ("bad\nitinerary: wrote OK", r"bad\nitinerary: wrote OK"),
    ("carriage\rreturn\ttab", r"carriage\rreturn\ttab"),
    ("evil\u202etxt.exe", r"evil\u202etxt.exe"),
    ("zero\u200bwidth", r"zero\u200bwidth"),
    ("line\u2028separator", r"line\u2028separator"),
    ("no\u00a0break and ü, ß, 東京", "no\u00a0break and ü, ß, 東京"),
])
def test_one_line_shows_control_characters_escaped(text, line):
    assert one_line(text) == line
    assert "\n" not in one_line(text) and "\x1b" not in one_line(text)


@pytest.mark.parametrize(("text", "limit", "short"), [
    ("abc", 5, "abc"), ("abcdef", 5, "abcd…"),
])
def test_shorten(text, limit, short):
    assert shorten(text, limit) == short


@pytest.mark.parametrize(("text", "kept"), [
    ("Bogotá", "Bogotá"), ("a\tb\nc\rd", "a\tb\nc\rd"), ("a\x00b\x1bc\x7fd", "abc\x7fd"),
    ("\ufffe\uffff", ""), ("emoji 🗺", "emoji 🗺"),
])
def test_xml_text_drops_what_xml_cannot_hold(text, kept):
    assert xml_text(text) == kept


@pytest.mark.parametrize(("text", "name"), [
    ("Blinken · Colombia, Chile and Peru", "blinken-colombia-chile-and-peru"),
    ("Zürich & São Paulo", "zurich-sao-paulo"), ("../../etc", "etc"), ("", ""),
    ("東京", ""), ("a" * 100, "a" * 60),
])
def test_slug_makes_a_file_name(text, name):
    assert slug(text) == name
