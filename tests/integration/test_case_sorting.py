"""Sorting the case list by 案号 or 收案日期, in SQL, page after page (keyset paging)."""
from __future__ import annotations

import datetime as dt

import pytest

from suyuan_desktop.core.store.repositories import CaseFilter
from tests.helpers.builders import new_case


def _all_pages(station, flt, limit=3):
    out, after = [], None
    while True:
        page = station.cases.search(flt, after=after, limit=limit)
        out.extend(page.items)
        if page.next_after is None:
            return out
        after = page.next_after


@pytest.mark.parametrize("sort, key, reverse", [
    ("received_desc", lambda c: (c.received_date, c.id), True),
    ("received_asc", lambda c: (c.received_date, c.id), False),
    ("number_asc", lambda c: (c.case_number, c.id), False),
    ("number_desc", lambda c: (c.case_number, c.id), True),
])
def test_every_sort_pages_through_all_cases_in_order(station, admin, sort, key, reverse):
    days = [5, 1, 9, 1, 3, 7, 1, 2]  # ties on purpose: the id breaks them
    for i, d in enumerate(days):
        new_case(station, admin, title=f"纠纷{i}", received_date=str(dt.date(2026, 11, d)))
    got = _all_pages(station, CaseFilter(sort=sort))
    assert len(got) == len(days) and len({c.id for c in got}) == len(days)
    assert got == sorted(got, key=key, reverse=reverse)


def test_sorting_keeps_the_search_filter(station, admin):
    for i in range(5):
        new_case(station, admin, title=f"纠纷{i}", received_date=f"2026-11-0{i + 1}")
    new_case(station, admin, title="王五与赵六借款纠纷", received_date="2026-11-09",
             parties=[{"name": "王五", "role": "applicant"}, {"name": "赵六", "role": "respondent"}])
    got = _all_pages(station, CaseFilter(text="张三", sort="received_asc"), limit=2)
    assert [c.received_date.day for c in got] == [1, 2, 3, 4, 5]
