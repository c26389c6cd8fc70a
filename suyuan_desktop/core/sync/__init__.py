"""Sync with the district (issue 4): protocol schemas shared with the server, client, conflicts."""
