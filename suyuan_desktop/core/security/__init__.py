"""Accounts, password hashing and access to the OS keyring."""
