"""The script `itinerary app` runs under Streamlit: the dashboard, as installed."""

from itinerary_app.page import main

main(__file__)
