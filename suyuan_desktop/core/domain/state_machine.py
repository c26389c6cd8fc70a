"""The case state machine (docs/domain-rules.md, adapted to township people's mediation).

Allowed transitions are data, so the GUI can offer exactly the actions allowed and tests can
enumerate them. A forbidden transition raises InvalidTransition naming both states.
"""
from __future__ import annotations

from .enums import CaseStatus as S
from .errors import InvalidTransition

TRANSITIONS: dict[S, frozenset[S]] = {
    S.RECEIVED: frozenset({S.ACCEPTED, S.REFUSED, S.WITHDRAWN}),
    # Art. 17: a party may refuse before any session, which ends the case as failed.
    S.ACCEPTED: frozenset({S.IN_MEDIATION, S.FAILED, S.WITHDRAWN}),
    S.IN_MEDIATION: frozenset({S.SUSPENDED, S.AGREED, S.FAILED, S.WITHDRAWN}),
    S.SUSPENDED: frozenset({S.IN_MEDIATION, S.FAILED, S.WITHDRAWN}),
    S.AGREED: frozenset({S.CONFIRM_APPLIED, S.PERFORMING, S.PERFORMED, S.ARCHIVED}),
    S.CONFIRM_APPLIED: frozenset({S.CONFIRMED, S.CONFIRM_REJECTED, S.AGREED}),
    S.CONFIRMED: frozenset({S.PERFORMING, S.PERFORMED, S.ARCHIVED}),
    # Art. 33: a rejected agreement is changed through mediation again, or the parties sue.
    S.CONFIRM_REJECTED: frozenset({S.IN_MEDIATION, S.ARCHIVED}),
    S.PERFORMING: frozenset({S.PERFORMED, S.CONFIRM_APPLIED, S.ARCHIVED}),
    S.PERFORMED: frozenset({S.ARCHIVED}),
    S.FAILED: frozenset({S.RETURNED_TO_COURT, S.ARCHIVED}),
    S.REFUSED: frozenset({S.ARCHIVED}),
    S.WITHDRAWN: frozenset({S.ARCHIVED}),
    S.RETURNED_TO_COURT: frozenset({S.ARCHIVED}),
    S.ARCHIVED: frozenset(),
}

OPEN_STATUSES = frozenset({S.RECEIVED, S.ACCEPTED, S.IN_MEDIATION, S.SUSPENDED})
# Statuses in which the mediation content (parties, records) may still be edited.
EDITABLE_STATUSES = OPEN_STATUSES
TERMINAL_STATUSES = frozenset({S.ARCHIVED})


def can_transition(current: S, target: S) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: S, target: S) -> None:
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(current, target)


def allowed_targets(current: S) -> list[S]:
    return [s for s in S if s in TRANSITIONS[current]]
