"""The trip's timeline: a bar per stop over its days and a tick per dated meeting, as an
Altair (Vega-Lite) chart.

Bars that share days are put in lanes so that none hides another. The selected stop is
drawn in the selection's colour; clicking a bar selects its stop through the point
selection `PICK` (the app reads it back).
"""

from __future__ import annotations

import heapq
from datetime import date, datetime, time, timedelta

import altair as alt
import pandas as pd

from itinerary.model import Stop, Trip
from itinerary.render import palette

PICK = "pick"  # the chart's point selection, on the field stop_id
TIMELINE_MAX = 2000  # stops a timeline draws; past that the dates must be narrowed
_LANE_PX = 26


def timeline(trip: Trip, start: date, end: date, selected: str | None = None,
             day: date | None = None) -> alt.LayerChart | None:
    """The chart of the trip's stops between start and end (both shown whole), or None when
    there are none, or more than `TIMELINE_MAX`; with a line across the day playback has
    reached, if any."""
    if not trip.stops or len(trip.stops) > TIMELINE_MAX:
        return None
    stops = _stop_rows(trip, selected)
    lanes = int(stops["lane"].max()) + 1
    x = alt.Scale(domain=[start.isoformat(), (end + timedelta(days=1)).isoformat()])
    # A row a lane of bars, and a last row for the meetings' ticks.
    y = alt.Scale(domain=list(range(lanes + 1)), paddingInner=0.2, paddingOuter=0.1)
    layers = [_bars(stops, x, y, _colors(trip)), _numbers(stops, x, y)]
    meetings = _meeting_rows(trip)
    if not meetings.empty:
        layers.append(_ticks(meetings.assign(lane=lanes), x, y))
    if day is not None:
        layers.append(_today(day, x))
    return (alt.layer(*layers).properties(height=alt.Step(_LANE_PX))
            .configure_view(stroke=None))


def _today(day: date, x: alt.Scale) -> alt.Chart:
    """The day playback has reached: a line across its middle."""
    noon = f"{day.isoformat()}T12:00:00"
    return alt.Chart(pd.DataFrame({"day": [noon]})).mark_rule(
        color=palette.INK, strokeWidth=2, strokeDash=[4, 3]).encode(
        x=alt.X("day:T", scale=x), tooltip=alt.value(f"Played to {day:%-d %b %Y}"))


def _colors(trip: Trip) -> alt.Color | alt.ValueChannelMixin:
    """A bar's colour: its trip's, as on the map, when trips are compared."""
    if not trip.parts:
        return alt.value(palette.STOP)
    return alt.Color("part:N", legend=None, scale=alt.Scale(
        domain=list(trip.parts), range=[palette.part_color(i) for i in range(len(trip.parts))]))


def _bars(stops: pd.DataFrame, x: alt.Scale, y: alt.Scale,
          color: alt.Color | alt.ValueChannelMixin) -> alt.Chart:
    pick = alt.selection_point(name=PICK, fields=["stop_id"], on="click", clear=False,
                               empty=False)
    selected = "datum.selected"
    return alt.Chart(stops).mark_bar(cornerRadius=3).encode(
        x=alt.X("start:T", title=None, scale=x, axis=_axis(stops)),
        x2="end:T",
        y=alt.Y("lane:O", scale=y, axis=None),
        color=alt.condition(selected, alt.value(palette.SELECTED), color),
        stroke=alt.condition(selected, alt.value(palette.INK), alt.value("#ffffff")),
        tooltip=[alt.Tooltip("label:N", title="Stop"), alt.Tooltip("dates:N", title="Dates"),
                 *([alt.Tooltip("part:N", title="Trip")] if "part" in stops else [])],
    ).add_params(pick)


def _axis(stops: pd.DataFrame) -> alt.Axis:
    """Days as "3 Oct", a tick a day, for a trip of up to two months; Vega-Lite's own
    ticks (months, years) for longer ones."""
    span = (pd.Timestamp(stops["end"].max()) - pd.Timestamp(stops["start"].min())).days
    if span <= 62:
        return alt.Axis(format="%-d %b", labelOverlap=True, grid=False,
                        tickCount={"interval": "day", "step": max(1, span // 10)})
    return alt.Axis(labelOverlap=True, grid=False)


def _numbers(stops: pd.DataFrame, x: alt.Scale, y: alt.Scale) -> alt.Chart:
    return alt.Chart(stops).mark_text(color="#ffffff", fontWeight="bold", fontSize=11).encode(
        x=alt.X("middle:T", scale=x), y=alt.Y("lane:O", scale=y, axis=None),
        text="number:N")


def _ticks(meetings: pd.DataFrame, x: alt.Scale, y: alt.Scale) -> alt.Chart:
    return alt.Chart(meetings).mark_tick(color=palette.ROUTE, thickness=2).encode(
        x=alt.X("day:T", scale=x), y=alt.Y("lane:O", scale=y, axis=None),
        tooltip=[alt.Tooltip("with:N", title="Meeting"), alt.Tooltip("when:N", title="Date")])


def _stop_rows(trip: Trip, selected: str | None) -> pd.DataFrame:
    # Stops come in order of their first day: each takes the lane that frees up first, or a
    # new one when none is free yet.
    free: list[tuple[date, int]] = []  # (the day after a lane's last stop, the lane)
    rows, lanes = [], 0
    for stop in trip.stops:
        if free and free[0][0] <= stop.start:
            _, lane = heapq.heappop(free)
        else:
            lane, lanes = lanes, lanes + 1
        heapq.heappush(free, (stop.end + timedelta(days=1), lane))
        rows.append(_row(trip, stop, lane, selected))
    return pd.DataFrame(rows)


def _row(trip: Trip, stop: Stop, lane: int, selected: str | None) -> dict:
    after = stop.end + timedelta(days=1)
    middle = datetime.combine(stop.start, time()) + (after - stop.start) / 2
    return {"stop_id": stop.stop_id, "number": trip.number(stop.stop_id), "label": stop.label,
            "dates": stop.dates, "start": stop.start.isoformat(), "end": after.isoformat(),
            "middle": middle.isoformat(), "lane": lane, "selected": stop.stop_id == selected,
            **({"part": trip.parts[trip.part(stop.stop_id)]} if trip.parts else {})}


def _meeting_rows(trip: Trip) -> pd.DataFrame:
    return pd.DataFrame([{"day": f"{m.date.isoformat()}T12:00:00", "with": m.with_,
                          "when": m.date.isoformat()}
                         for m in trip.meetings if m.date is not None])
