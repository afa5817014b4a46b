"""The dashboard's Streamlit edge: the only code that imports streamlit.

`page.main` draws the dashboard from the calls of the `itinerary` package. It runs from
`streamlit_app.py` (what `itinerary app` starts) or from `app.py` in a checkout.
"""
