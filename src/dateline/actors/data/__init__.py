"""Data files of the actors stage (see README.md)."""
