"""Case use cases, one module per stage of a case (docs/architecture.md): intake, records,
conclusions, court and follow-up, queries. ``CaseService`` is the one object the station hands out."""
from __future__ import annotations

from ...store.repositories import CaseFilter
from .base import DEADLINE_LABELS, EDITABLE
from .conclusions import ConclusionOps
from .court import CourtOps
from .intake import IntakeOps
from .queries import CaseQueries
from .records import RecordOps

__all__ = ["DEADLINE_LABELS", "EDITABLE", "CaseFilter", "CaseService"]


class CaseService(IntakeOps, RecordOps, ConclusionOps, CourtOps, CaseQueries):
    """Every case use case; each takes the acting user and answers with the case as it now is."""
