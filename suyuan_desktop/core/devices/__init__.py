"""Hardware the station talks to: the ID card reader (docs/idcard-reader.md)."""
