"""Every record kind and every field the station keeps has a Chinese name to show."""
from __future__ import annotations

from suyuan_desktop.core.domain.labels import ENTITY_LABELS, FIELD_LABELS, TECHNICAL, readable_fields
from suyuan_desktop.core.sync.protocol import ENTITY_FIELDS


def test_every_entity_and_field_of_the_protocol_has_a_label():
    assert set(ENTITY_FIELDS) <= set(ENTITY_LABELS)
    unnamed = sorted({f for fields in ENTITY_FIELDS.values() for f in fields} - set(FIELD_LABELS) - TECHNICAL)
    assert unnamed == []


def test_changes_read_as_labels_without_keys():
    assert readable_fields(["id", "position", "record_id", "name", "phone"]) == ["姓名/名称", "联系电话"]
