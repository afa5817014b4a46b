"""Streamlit's own floor for the browser benchmark: a blank page, a title and a line."""

import streamlit as st

st.title("A blank page")
st.write("A line of text.")
