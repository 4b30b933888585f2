"""The Streamlit side: session state, cached data and shared widgets for the pages."""
