"""The "From an article" data source: a pasted text or an uploaded file (text, Markdown,
HTML or PDF), read by the extractor into a draft trip that the page shows and its tables
edit.

The draft is the user's own: it is made once per text in their session. A text that cannot
be read, or names no stop, is told with `st.error`; the text stays in the box.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from itinerary.extract import Draft, extract, no_stops
from itinerary_app.caches import digest, session_memo
from itinerary_app.datasets import Dataset
from itinerary_app.state import ARTICLE_TEXT, PUBLISHED

TYPES = ["txt", "md", "markdown", "html", "htm", "pdf"]
PASTED = "the pasted text"
HOW = ("Paste a trip announcement, a readout or a news story in the sidebar, or upload one "
       "(text, Markdown, HTML or PDF): its stops, days and meetings are read into a draft "
       "itinerary that you can check and fix in tables, then download.")


def article_dataset() -> Dataset | None:
    """The draft of the article given in the sidebar, or None (with a hint) before one is."""
    pasted = st.sidebar.text_area("Article", key=ARTICLE_TEXT.name, height=180,
                                  placeholder="Paste the article's text here")
    upload = st.sidebar.file_uploader("…or upload it", type=TYPES, key="upload_article")
    published = st.sidebar.date_input(
        "Published on", value=None, key=PUBLISHED.name, format="YYYY-MM-DD",
        help="Gives the year of dates that name none, and the day of \"on Monday\"; "
             "otherwise the article's own dateline or front matter does.")
    if upload is not None:
        data: bytes | str = upload.getvalue()
        name = upload.name
        if pasted.strip():
            st.sidebar.caption("The uploaded file is read; remove it to read the pasted text.")
    elif pasted.strip():
        data, name = pasted, PASTED
    else:
        st.info(HOW)
        return None
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    key = digest(raw, name.encode("utf-8", "surrogatepass"), str(published).encode())
    draft = session_memo("article", key, lambda: _read(data, name, published))
    if not draft.trip.stops:
        raise no_stops(name)
    return Dataset(f"article:{key}", draft.trip, private=True, draft=True,
                   origin=f"an article ({name})")


def _read(data: bytes | str, name: str, published: date | None) -> Draft:
    bar = st.progress(0.0, text="Reading the article…")
    try:
        return extract(data, name=name, published=published,
                       progress=lambda share, text: bar.progress(share, text=text))
    finally:
        bar.empty()
