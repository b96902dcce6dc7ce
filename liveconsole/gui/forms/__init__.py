"""Modules generated from ../../ui/*.ui by `python ui/build.py`; do not edit them by hand."""
