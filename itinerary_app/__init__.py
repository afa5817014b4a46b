"""The dashboard page: the only code that imports streamlit.

`page.main` draws the dashboard from the calls of the `itinerary` package, which knows
nothing of the page. It runs from `streamlit_app.py` (what `itinerary app` starts) or from
`app.py` in a checkout. The page's own scripts and styles are in `static/`, its session
state in `state`.
"""
