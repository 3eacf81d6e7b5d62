"""TTĐN: the information system for a Vietnamese province's external information work."""

__version__ = "0.1.0"
