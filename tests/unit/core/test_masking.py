"""What the window shows of an ID or phone number until a mediator asks for the whole of it."""
from __future__ import annotations

import pytest

from suyuan_desktop.core.domain.idcard import mask_id_number
from suyuan_desktop.core.domain.phone import mask_phone


@pytest.mark.parametrize(("number", "shown"), [
    ("410703197503151314", "410703********1314"),
    ("41070319750315131X", "410703********131X"),
    ("12345", "*****"),
])
def test_an_id_number_keeps_its_region_and_last_four(number, shown):
    assert mask_id_number(number) == shown


@pytest.mark.parametrize(("phone", "shown"), [
    ("13800138000", "138 **** 8000"),
    ("0373-5551234", "0373-****1234"),
    ("5551234", "***1234"),
])
def test_a_phone_number_keeps_its_prefix_and_last_four(phone, shown):
    assert mask_phone(phone) == shown
