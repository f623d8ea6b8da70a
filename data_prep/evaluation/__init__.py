"""Scoring newsvoices against annotated data."""
