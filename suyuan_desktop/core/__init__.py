"""Everything a station does, with no Qt: usable from the CLI, scripts and tests."""
