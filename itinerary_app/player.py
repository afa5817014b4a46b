"""The Play button: the trip a day at a time, from the frames of `itinerary.dashboard.playback`.

While it plays, the map's fragment reruns on a timer (`every`), and each of its runs shows
the next frame (`tick`): the frame's stop selected, the route drawn as far as its day, the
day on the timeline and in the link. A stop the reader chooses stops it (`stop`).
"""

from __future__ import annotations

from datetime import date

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from itinerary.dashboard.playback import SPEEDS, Frame, frame_of, frames, start_at
from itinerary.model import Trip
from itinerary_app.caches import session_memo
from itinerary_app.state import (
    LINK_DAY,
    PLAY_AT,
    PLAY_BUTTON,
    PLAY_FRESH,
    PLAY_SPEED,
    PLAY_STOPPED,
    PLAYING,
    SELECTED,
)

Frames = tuple[list[Frame], dict[Frame, int]]  # the frames, and each one's place among them


def frames_of(shown: Trip, memo_key: tuple) -> Frames:
    """The frames of the stops the map draws, made once for the dates."""
    def made() -> Frames:
        found = frames(shown)
        return found, {frame: i for i, frame in enumerate(found)}
    return session_memo("frames", memo_key, made)


def stop() -> None:
    """A stop the reader chose: playback stops, and the link no longer names a day."""
    if PLAYING.get():
        PLAY_STOPPED.set(True)
    PLAYING.set(False)
    PLAY_AT.set(None)


def redraw_if_stopped() -> None:
    """After a choice that stopped playback in a run of the map's fragment: a run of the
    whole page, which shows Play again and sets no new timer."""
    if PLAY_STOPPED.pop():
        st.rerun(scope="app")


def every() -> float | None:
    """How often the map's fragment reruns: a frame's time while playing, else never."""
    return 1 / (PLAY_SPEED.get() or 1) if PLAYING.get() else None


def day() -> date | None:
    """The day playback shows, playing or paused; None when stopped."""
    at = PLAY_AT.get()
    return at.day if at is not None else None


def day_reached() -> int | None:
    """The day shown, as the map's script takes it (an ordinal), or None."""
    shown = day()
    return shown.toordinal() if shown is not None else None


def _show(frame: Frame) -> None:
    PLAY_AT.set(frame)
    SELECTED.set(frame.stop_id)


def follow_link(played: Frames) -> None:
    """Open on the day a link names, paused there; stop when the dates leave no frame
    where playback stood."""
    found, positions = played
    day = LINK_DAY.pop()
    frame = frame_of(found, day) if day is not None else None
    if frame is not None:
        PLAYING.set(False)
        _show(frame)
    elif PLAY_AT.get() is not None and PLAY_AT.get() not in positions:
        stop()


def tick(played: Frames) -> None:
    """A run while playing: the next frame; past the last, pause there. The timer ends with
    a run of the whole page, which sets no new one."""
    found, positions = played
    if not PLAYING.get() or PLAY_FRESH.pop():
        return
    at = positions.get(PLAY_AT.get(), -1) + 1
    if at >= len(found):
        PLAYING.set(False)
        st.rerun(scope="app")
    _show(found[at])


def _toggle(played: Frames) -> None:
    found, positions = played
    if PLAYING.get():
        PLAYING.set(False)
        return
    at = positions.get(PLAY_AT.get())
    if at is None:  # from the selected stop, or the first
        at = start_at(found, SELECTED.get() or None, None)
    elif at == len(found) - 1:  # from the end: again from the start
        at = 0
    PLAYING.set(True)
    PLAY_FRESH.set(True)
    _show(found[at])


def _speed(days: int) -> str:
    return f"{days} day{'s' if days > 1 else ''}/s"


def controls(played: Frames, row: DeltaGenerator) -> None:
    """Play or Pause (Space), and the speed, in `row`."""
    found, _ = played
    if not found:
        return
    playing = PLAYING.get()
    row.button("Pause" if playing else "Play", key=PLAY_BUTTON, shortcut="Space",
               icon=":material/pause:" if playing else ":material/play_arrow:",
               help="Play the trip a day at a time (Space)", on_click=_toggle,
               args=(played,))
    if not PLAY_SPEED.is_set:
        PLAY_SPEED.set(SPEEDS[0])
    row.segmented_control("Speed", SPEEDS, key=PLAY_SPEED.name, format_func=_speed,
                          label_visibility="collapsed",
                          on_change=lambda: PLAY_FRESH.set(PLAYING.get()))


def day_shown() -> None:
    """The day playback shows, in the map's fragment so that every tick redraws it."""
    at = PLAY_AT.get()
    if at is not None:
        st.caption(f"{'Playing' if PLAYING.get() else 'Paused at'} {at.day:%-d %b %Y}")
