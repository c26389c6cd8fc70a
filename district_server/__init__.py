"""The district centre's sync server. It may use only the sync protocol and the domain."""
