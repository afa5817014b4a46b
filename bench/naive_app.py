"""The naive baseline for bench/scale.py: what a first folium + Streamlit dashboard does.

One folium.Marker with a popup per stop, a straight PolyLine, and the whole map rebuilt
and sent on every rerun, with st_folium returning everything. Not part of the product.
"""

import sys
from datetime import date

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

stops = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
stops["start"] = stops["start_date"].map(date.fromisoformat)
stops["end"] = [date.fromisoformat(e) if e else s
                for s, e in zip(stops["start"], stops["end_date"], strict=True)]
picked = st.sidebar.date_input("Dates", value=(stops["start"].min(), stops["end"].max()))
start, end = (picked[0], picked[-1]) if len(picked) else (stops["start"].min(),
                                                           stops["end"].max())
shown = stops[(stops["start"] <= end) & (stops["end"] >= start)]
m = folium.Map(location=(20, 0), zoom_start=2)
points = []
for row in shown.itertuples():
    point = (float(row.lat), float(row.lon))
    points.append(point)
    folium.Marker(point, popup=f"{row.place}, {row.country}<br>{row.summary}",
                  tooltip=row.place).add_to(m)
if len(points) > 1:
    folium.PolyLine(points).add_to(m)
value = st_folium(m, key="map", height=560)
clicked = (value or {}).get("last_object_clicked")
if clicked:
    hit = shown[(shown["lat"].astype(float) == clicked["lat"])
                & (shown["lon"].astype(float) == clicked["lng"])]
    for row in hit.itertuples():
        st.markdown(f"### {row.place}\n\n{row.summary}")
