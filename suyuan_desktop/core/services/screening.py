"""排查: the station's log of dispute screening rounds (where, who, disputes found and prevented),
synced with the district and counted in the statistics (docs/statistics.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.errors import FieldError, PermissionDenied, ValidationError
from ..domain.enums import Role
from ..store.models import Screening
from ..store.tracking import Actor


@dataclass(frozen=True)
class ScreeningView:
    id: str
    screened_on: dt.date
    place: str
    screeners: str
    disputes_found: int
    disputes_prevented: int
    notes: str | None


@dataclass
class ScreeningInput:
    screened_on: str | dt.date | None = None
    place: str = ""
    screeners: str = ""
    disputes_found: int | str | None = 0
    disputes_prevented: int | str | None = 0
    notes: str | None = None


def _count(value, name: str, label: str, errors: list) -> int | None:
    try:
        n = int(str(value).strip()) if value not in (None, "") else 0
    except ValueError:
        errors.append(FieldError(name, label, f"“{value}”不是整数，请填写件数（没有填 0）。", "type"))
        return None
    if not 0 <= n <= 10000:
        errors.append(FieldError(name, label, "应为0至10000之间的整数。", "range"))
        return None
    return n


class ScreeningService:
    def __init__(self, ctx):
        self.ctx = ctx  # a StationContext

    def record(self, actor: Actor, data: ScreeningInput) -> ScreeningView:
        if actor.role not in (Role.MEDIATOR.value, Role.ADMIN.value, "system"):
            raise PermissionDenied("只有调解员或站点管理员可以登记排查。")
        errors: list[FieldError] = []
        day = data.screened_on
        try:
            day = dt.date.fromisoformat(day) if isinstance(day, str) and day else (day or self.ctx.today())
        except ValueError:
            errors.append(FieldError("screened_on", "排查日期", f"“{data.screened_on}”不是有效日期，格式如 2026-11-28。",
                                     "date"))
            day = None
        if day and day > self.ctx.today():
            errors.append(FieldError("screened_on", "排查日期", "排查日期不能晚于今天。", "future"))
        place, screeners = (data.place or "").strip(), (data.screeners or "").strip()
        for name, label, value, limit in (("place", "排查地点（村、社区或单位）", place, 200),
                                          ("screeners", "排查人", screeners, 200)):
            if not value:
                errors.append(FieldError(name, label, "不能为空，请填写。", "required"))
            elif len(value) > limit:
                errors.append(FieldError(name, label, f"最多{limit}个字，现在是{len(value)}个。", "too_long"))
        found = _count(data.disputes_found, "disputes_found", "发现纠纷", errors)
        prevented = _count(data.disputes_prevented, "disputes_prevented", "预防纠纷", errors)
        notes = (data.notes or "").strip() or None
        if notes and len(notes) > 5000:
            errors.append(FieldError("notes", "情况说明", f"最多5000个字，现在是{len(notes)}个。", "too_long"))
        if errors:
            raise ValidationError(errors)
        with self.ctx.store.write(actor) as s:
            row = Screening(station_code=self.ctx.station_code, screened_on=day, place=place, screeners=screeners,
                            disputes_found=found, disputes_prevented=prevented, notes=notes)
            s.add(row)
            s.flush()
            return _view(row)

    def list(self, start: dt.date | None = None, end: dt.date | None = None) -> list[ScreeningView]:
        q = select(Screening).where(Screening.deleted_at.is_(None))
        if start:
            q = q.where(Screening.screened_on >= start)
        if end:
            q = q.where(Screening.screened_on <= end)
        with self.ctx.store.read() as s:
            return [_view(r) for r in s.execute(q.order_by(Screening.screened_on.desc(), Screening.created_at.desc()))
                    .scalars()]


def _view(row: Screening) -> ScreeningView:
    return ScreeningView(row.id, row.screened_on, row.place, row.screeners, row.disputes_found, row.disputes_prevented,
                         row.notes)
