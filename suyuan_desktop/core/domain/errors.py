"""Typed errors of the domain.

Every error carries a stable ``code`` (for programs and the GUI) and a Chinese ``message``
that names the field and says how to fix it (for the mediator and the CLI).
"""
from __future__ import annotations

from dataclasses import dataclass


class SuyuanError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


@dataclass(frozen=True)
class FieldError:
    """One invalid field: ``path`` locates it (``parties[1].id_number``), ``label`` is its Chinese name."""

    path: str
    label: str
    message: str
    code: str = "invalid"

    def describe(self) -> str:
        return f"{self.label}（{self.path}）：{self.message}" if self.path else f"{self.label}：{self.message}"


class ValidationError(SuyuanError):
    """One or more fields are invalid. Nothing was saved."""

    code = "validation"

    def __init__(self, errors: list[FieldError] | FieldError):
        if isinstance(errors, FieldError):
            errors = [errors]
        self.errors = list(errors)
        super().__init__("；".join(e.describe() for e in self.errors))

    def prefixed(self, prefix: str) -> "ValidationError":
        """The same errors with their paths placed under ``prefix`` (for nested records)."""
        return ValidationError([
            FieldError(f"{prefix}.{e.path}" if e.path else prefix, e.label, e.message, e.code)
            for e in self.errors
        ])


class InvalidTransition(SuyuanError):
    code = "invalid_transition"

    def __init__(self, current, target):
        self.current = current
        self.target = target
        super().__init__(
            f"案件状态不能从“{current.label}”变为“{target.label}”"
            f"（{current.value} → {target.value}）。"
        )


class NotFound(SuyuanError):
    code = "not_found"


class PermissionDenied(SuyuanError):
    code = "permission_denied"


class Conflict(SuyuanError):
    code = "conflict"


class ImmutableRecord(SuyuanError):
    code = "immutable"
