"""Entities, enums, validators and rules of people's mediation. No SQL, no I/O."""
