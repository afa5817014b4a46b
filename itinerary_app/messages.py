"""Errors as the page shows them: every problem of an input listed, each word from outside
escaped (file names and values included), since `st.error` renders Markdown."""

from __future__ import annotations

import streamlit as st

from itinerary.errors import DataError, ItineraryError
from itinerary.text import markdown as md

PROBLEMS_LISTED = 50


def show_error(exc: ItineraryError) -> None:
    if isinstance(exc, DataError) and len(exc.problems) > 1:
        listed = "\n".join(f"- {md(str(p))}" for p in exc.problems[:PROBLEMS_LISTED])
        more = len(exc.problems) - PROBLEMS_LISTED
        st.error(f"This itinerary has {len(exc.problems)} problems:\n\n{listed}"
                 + (f"\n\n…and {more} more." if more > 0 else ""))
    else:
        st.error(md(str(exc)))
