"""Spreadsheet reading and writing: products and lineups from .xlsx/.csv as operators write them."""
