"""诉源 Station: the township mediation station client."""

__version__ = "0.1.0"
