"""The district centre's sync server (issue 4). It may use only the sync protocol and the domain."""
