"""Sync with the district: protocol schemas shared with the server, client, conflicts."""
