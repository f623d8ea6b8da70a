"""newsvoices data preparation: articles in, tables of quotes, actors and stances out."""

__version__ = "0.1.0"
