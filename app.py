"""The dashboard in a checkout: `make run`, or `streamlit run app.py -- [STOPS.csv
[MEETINGS.csv]]`. Its widgets and layout are in itinerary_app/page.py."""

from itinerary_app.page import main

main(__file__)
