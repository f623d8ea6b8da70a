"""The newsvoices dashboard: a Streamlit router (app.py), thin pages, and plain modules they share."""
