"""Use cases shared by the GUI and the CLI. Each takes the acting user, runs in one unit of work,
enforces the state machine and the validators, and returns frozen dataclasses (never ORM objects).
A failed use case leaves the database unchanged."""
