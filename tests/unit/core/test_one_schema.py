"""The records are declared once (``domain/records.py``); the station's models build their columns
from that declaration and the protocol checks changes against it. Here the models as built are
read back field by field: every field, its kind, its length, whether it is required and what it
points at. A column added to a model and not declared, or declared and not mapped, fails here;
the migrations are checked against the models in ``tests/integration/test_store.py``."""
from __future__ import annotations

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text

from suyuan_desktop.core.store.models import SYNCABLE_MODELS, Money
from suyuan_desktop.core.sync import protocol as P

META = {"id", "version", "created_at", "updated_at"}   # every synced row's; the protocol carries them itself


def _spec_of(column) -> str:
    """A model column written in the protocol's notation."""
    t = column.type
    fk = next(iter(column.foreign_keys), None)
    if fk is not None:
        kind = f"ref:{fk.column.table.name}"
    elif isinstance(t, Boolean):
        kind = "bool"
    elif isinstance(t, Money):
        kind = "money"
    elif isinstance(t, JSON):
        kind = "json"
    elif isinstance(t, Integer):
        kind = "int"
    elif isinstance(t, DateTime):
        kind = "datetime"
    elif isinstance(t, Date):
        kind = "date"
    elif isinstance(t, Text):
        kind = "text"
    elif isinstance(t, String):
        kind = f"str:{t.length}"
    else:
        kind = type(t).__name__
    return kind


@pytest.mark.parametrize("entity_type", sorted(P.ENTITY_FIELDS))
def test_the_protocol_and_the_model_declare_the_same_fields(entity_type):
    model = SYNCABLE_MODELS[entity_type]
    derived = set(getattr(model, "__derived__", ()))   # kept by the station for search, not synced
    columns = {c.key: c for c in model.__table__.columns if c.key not in META | derived}
    declared = P.ENTITY_FIELDS[entity_type]
    assert set(declared) == set(columns), f"{entity_type}: fields only in one of them"
    for name, spec in declared.items():
        column = columns[name]
        kind = spec.rstrip("!")
        if kind.startswith("text:"):
            kind = "text"   # the model's Text has no length; the protocol's limit is the one checked
        assert kind == _spec_of(column), f"{entity_type}.{name}: protocol {spec}, model {_spec_of(column)}"
        if spec.endswith("!"):
            assert not column.nullable, f"{entity_type}.{name} is required by the protocol, optional in the model"
        elif not column.nullable and column.default is None:
            pytest.fail(f"{entity_type}.{name}: the model needs a value the protocol lets an insert leave out")


def test_every_syncable_model_is_in_the_protocol():
    assert set(SYNCABLE_MODELS) == set(P.ENTITY_FIELDS)


def test_a_forms_length_limit_is_the_protocols():
    """The use cases check text against the limit the protocol declares for the record they write:
    a limit changed there is the limit the mediator meets."""
    from suyuan_desktop.core.services.inputs import Collector, FollowUpInput, max_length
    limit = max_length("follow_ups", "visited")
    col = Collector(entity="follow_ups")
    assert col.required(FollowUpInput(visited="王" * limit), "visited", "被回访人") == "王" * limit and not col.errors
    col.required(FollowUpInput(visited="王" * (limit + 1)), "visited", "被回访人")
    assert [e.message for e in col.errors] == [f"不能超过{limit}个字，现在是{limit + 1}个字。"]
    with pytest.raises(ValueError):
        max_length("cases", "received_date")   # not text
