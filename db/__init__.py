"""Showshelf's library: peewee models, queries, search, notes, import and export. No Qt here."""
