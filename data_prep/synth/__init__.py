"""Deterministic synthetic data at any scale: article files with gold quotes, or dataset tables directly.

``write_articles`` (module ``articles``) writes seed-style text files and a PolNeAR-format gold file;
``synthetic_tables`` / ``write_synthetic_dataset`` (module ``tables``) write the six Parquet tables
without parsing anything, for dashboard work at a million quotes.
"""
