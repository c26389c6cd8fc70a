"""Small helpers the sync tests share."""
from __future__ import annotations

from sqlalchemy import func, select

from suyuan_desktop.core.store.models import SYNCABLE_MODELS, Case, SyncOutbox
from suyuan_desktop.core.store.tracking import Actor
from suyuan_desktop.core.sync import protocol as P

MEDIATOR = Actor(None, "mediator-test", "mediator")


def edit_case(app, case_id: str, **fields) -> None:
    """A station-side edit of case fields, through the ORM (so the outbox records it)."""
    with app.store.write(MEDIATOR) as s:
        case = s.get(Case, case_id)
        for k, v in fields.items():
            setattr(case, k, v)


def local_case(app, case_id: str) -> Case | None:
    with app.store.read() as s:
        return s.get(Case, case_id)


def outbox_states(app) -> dict[str, int]:
    with app.store.read() as s:
        return dict(s.execute(select(SyncOutbox.state, func.count()).group_by(SyncOutbox.state)).all())


def local_projection(app) -> dict:
    """{(type, id): {field: json value}} of every syncable row at the station."""
    from suyuan_desktop.core.domain.canonical import jsonable
    out = {}
    with app.store.read() as s:
        for etype, model in SYNCABLE_MODELS.items():
            table = model.__table__
            for row in s.execute(select(table)).all():
                m = row._mapping
                out[(etype, m["id"])] = {f: jsonable(m[f]) for f in P.ENTITY_FIELDS[etype]}
    return out


def server_projection(district, scope: str) -> dict:
    out = {}
    for (etype, eid), (_, state) in district.scope_entities(scope).items():
        out[(etype, eid)] = {f: state.get(f) for f in P.ENTITY_FIELDS[etype]}
    return out


def normalise(proj: dict) -> dict:
    """Compare JSON values the way both sides mean them (money as exact decimals)."""
    from decimal import Decimal
    out = {}
    for key, fields in proj.items():
        etype = key[0]
        norm = {}
        for f, v in fields.items():
            kind = P.field_kind(etype, f)
            if v is not None and kind == "money":
                v = str(Decimal(v).quantize(Decimal("0.01")))
            norm[f] = v
        out[key] = norm
    return out


def case_ids(app) -> list[str]:
    with app.store.read() as s:
        return list(s.execute(select(Case.id).order_by(Case.case_seq)).scalars())
