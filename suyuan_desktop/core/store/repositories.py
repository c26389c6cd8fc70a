"""Queries the services need: case search with keyset paging, deadlines, counters."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select, text, union_all, update

from .models import Case, CaseMediator, CaseNumberCounter, NameGram, Party


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""
    statuses: tuple[str, ...] = ()
    dispute_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    mediator_id: str | None = None
    include_deleted: bool = False
    sort: str = "received_desc"  # one of SORTS


def find_case(session, ref: str) -> Case:
    """The live case with this id or case number; ``NotFound`` names what was asked for."""
    from ..domain.errors import NotFound
    case = session.get(Case, ref)
    if case is None or case.deleted_at is not None:
        case = session.execute(select(Case).where(Case.case_number == ref)).scalar_one_or_none()
    if case is None or case.deleted_at is not None:
        raise NotFound(f"找不到案件“{ref}”，请检查案号。")
    return case


# keyset: (sort value, id) of the last row of the previous page
Keyset = tuple[object, str]
# sort name -> (column, descending); every one is served by an index with the id as tie-breaker
SORTS = {
    "received_desc": (Case.received_date, True),
    "received_asc": (Case.received_date, False),
    "number_desc": (Case.case_number, True),
    "number_asc": (Case.case_number, False),
}

_ID_LIKE = re.compile(r"^\d{6,17}[\dXx]?$")
_DIGITS = re.compile(r"^\d+$")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_CASE_NO = re.compile(r"(?:[（(](?P<year>\d{4})[）)])?.*?第?(?P<seq>\d{1,6})号?$")


def matching_case_ids(text: str):
    """A selectable of case ids whose number, or one of whose parties, matches ``text``.

    Each branch is answered from an index: a full case number exactly, a bare number as the
    sequence number (第0123号 -> 123), phone and ID prefixes with GLOB on their indexes, the last
    digits of a phone through ``phone_tail``, and names (and agents' names) through their one- and
    two-character pieces in ``name_grams``. UNION ALL, not UNION: the IN needs no distinct rows, and UNION makes
    SQLite sort every branch by case_id, walking the whole parties table instead of the index.
    """
    q = text.strip()
    parts = [select(Case.id).where(Case.case_number == q)]
    m = _CASE_NO.match(q)
    if m and ((q.isdigit() and len(q) <= 6) or "号" in q or "第" in q):
        seq = int(m["seq"])
        cond = Case.case_seq == seq
        if m["year"]:
            cond = and_(cond, Case.case_year == int(m["year"]))
        parts.append(select(Case.id).where(cond))
    if _DIGITS.match(q) or _ID_LIKE.match(q):
        # GLOB, not LIKE: it is case-sensitive, so SQLite can use the BINARY indexes for prefixes
        parts.append(select(Party.case_id).where(Party.phone.op("GLOB")(q + "*")))
        parts.append(select(Party.case_id).where(Party.id_number.op("GLOB")(q.upper() + "*")))
        if len(q) >= 4 and _DIGITS.match(q):  # the last digits of a phone number ("尾号5678")
            parts.append(select(Party.case_id).where(Party.phone_tail == q[-4:],
                                                     Party.phone.op("GLOB")("*" + q)))
    elif not (m and "号" in q):
        if len(q) <= 2:  # 张, 张伟: a lookup of the piece itself
            parts.append(select(NameGram.case_id).where(NameGram.gram == q.lower()))
        else:  # longer: only the parties of cases holding its first two characters are checked
            sub = f"%{_escape_like(q)}%"
            holders = select(NameGram.case_id).where(NameGram.gram == q[:2].lower())
            parts.append(select(Party.case_id).where(Party.case_id.in_(holders), or_(
                Party.name.like(sub, escape="\\"), Party.agent_name.like(sub, escape="\\"))))
    return union_all(*parts)


def case_query(flt: CaseFilter, *columns):
    stmt = select(*(columns or (Case,)))
    conds = []
    if not flt.include_deleted:
        conds.append(Case.deleted_at.is_(None))
    if flt.text.strip():
        conds.append(Case.id.in_(matching_case_ids(flt.text)))
    if flt.statuses:
        conds.append(Case.status.in_(flt.statuses))
    if flt.dispute_types:
        conds.append(Case.dispute_type.in_(flt.dispute_types))
    if flt.sources:
        conds.append(Case.source.in_(flt.sources))
    if flt.received_from:
        conds.append(Case.received_date >= flt.received_from)
    if flt.received_to:
        conds.append(Case.received_date <= flt.received_to)
    if flt.mediator_id:
        conds.append(Case.id.in_(select(CaseMediator.case_id).where(
            CaseMediator.mediator_id == flt.mediator_id, CaseMediator.deleted_at.is_(None))))
    if conds:
        stmt = stmt.where(and_(*conds))
    return stmt


def sort_key(flt: CaseFilter, case: Case) -> Keyset:
    col, _ = SORTS.get(flt.sort, SORTS["received_desc"])
    return getattr(case, col.key), case.id


def search_cases(session, flt: CaseFilter, *, after: Keyset | None = None, limit: int = 50) -> list[Case]:
    """One page of cases in the filter's order, after the keyset ``after``.

    With search text, in two steps: the page's ids first, from the matches' entries in the
    covering index ``ix_cases_search_cover`` (a one-character name like 张 matches thousands of
    cases, and sorting their full rows read megabytes), then only those rows."""
    col, desc = SORTS.get(flt.sort, SORTS["received_desc"])
    order = (col.desc(), Case.id.desc()) if desc else (col.asc(), Case.id.asc())
    two_step = bool(flt.text.strip())
    stmt = case_query(flt, Case.id) if two_step else case_query(flt)
    if after is not None:
        value, cid = after
        if desc:
            stmt = stmt.where(or_(col < value, and_(col == value, Case.id < cid)))
        else:
            stmt = stmt.where(or_(col > value, and_(col == value, Case.id > cid)))
    stmt = stmt.order_by(*order).limit(limit)
    if two_step:
        stmt = select(Case).where(Case.id.in_(stmt.scalar_subquery())).order_by(*order)
    return list(session.execute(stmt).scalars())


def warm_search_index(session) -> None:
    """Read ix_cases_search_cover from end to end (named: for a plain count the planner would
    pick a smaller index)."""
    session.execute(text("SELECT count(received_date) FROM cases INDEXED BY ix_cases_search_cover")).scalar()


def count_cases(session, flt: CaseFilter) -> int:
    return session.execute(select(func.count()).select_from(case_query(flt).subquery())).scalar_one()


def party_names_for(session, case_ids: list[str]) -> dict[str, list[str]]:
    if not case_ids:
        return {}
    rows = session.execute(
        select(Party.case_id, Party.name).where(Party.case_id.in_(case_ids), Party.deleted_at.is_(None))
        .order_by(Party.case_id, Party.position)
    )
    out: dict[str, list[str]] = {}
    for cid, name in rows:
        out.setdefault(cid, []).append(name)
    return out


def next_case_seq(session, station_code: str, year: int) -> int:
    """Allocate the next sequence number inside the caller's (write) transaction."""
    row = session.get(CaseNumberCounter, (station_code, year))
    if row is None:
        used = session.execute(select(func.max(Case.case_seq)).where(
            Case.station_code == station_code, Case.case_year == year)).scalar() or 0
        row = CaseNumberCounter(station_code=station_code, year=year, last_seq=used)
        session.add(row)
        session.flush()
    session.execute(update(CaseNumberCounter).where(
        CaseNumberCounter.station_code == station_code, CaseNumberCounter.year == year
    ).values(last_seq=CaseNumberCounter.last_seq + 1))
    session.refresh(row)
    return row.last_seq


def bump_counter_to(session, station_code: str, year: int, seq: int) -> None:
    row = session.get(CaseNumberCounter, (station_code, year))
    if row is None:
        session.add(CaseNumberCounter(station_code=station_code, year=year, last_seq=seq))
        session.flush()
    elif row.last_seq < seq:
        row.last_seq = seq
