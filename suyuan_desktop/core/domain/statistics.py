"""The station's and the district's figures, computed from the records (docs/statistics.md).

Pure: the caller hands in one ``CaseFacts`` per case (what a figure needs, no names, numbers or
addresses) and gets a ``Report`` whose every cell knows the cases behind it (``--explain``).
Counting rules, in short:

- A period is a month, a quarter, a year or a range of days; the report counts either the cases
  *received* in it or the cases *closed* in it, and says which.
- A case's outcome is its outcome at the end of the period: one closed later still counts as 未结.
- 调解成功率 = 调解成功 / (调解成功 + 调解不成); withdrawn and refused cases are outside it.
- 协议涉及金额 is the total of the effective agreements, in 万元 to two decimals (Decimal, half up).
- 环比 compares with the period just before (the previous month, quarter, year or as many days),
  同比 with the same period a year earlier.
"""
from __future__ import annotations

import datetime as dt
import statistics as pystats
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter

from .case_facts import CaseFacts, ScreeningFacts, build_facts, outcome_of  # noqa: F401
from .enums import CaseSource, DisputeType, EscalationKind
from .periods import HOW_TO_WRITE, Period, PeriodError, month, parse_period, quarter, year  # noqa: F401
from .report_model import Cell, Report, Row, Table, cell_text, column_unit, row_label, text_lines  # noqa: F401

TEN_THOUSAND = Decimal(10000)
CENT = Decimal("0.01")


SUCCESS = frozenset(("success_written", "success_oral"))
REFERRED = frozenset(("court_assigned", "court_entrusted", "police", "government", "petition"))


def _ids(cases: Iterable[CaseFacts]) -> tuple[str, ...]:
    return tuple(c.id for c in cases)


def wan(amount: Decimal) -> Decimal:
    return (amount / TEN_THOUSAND).quantize(CENT, rounding=ROUND_HALF_UP)


def rate_cell(part: Cell, whole: Cell) -> Cell:
    if not whole.value:
        return Cell(None, whole.case_ids)
    pct = (Decimal(part.value) * 100 / Decimal(whole.value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return Cell(pct, part.case_ids)


class Window:
    """The cases a period counts, and each one's outcome as of the period's end (one reached later
    is still 未结 then). ``as_of`` (the station's today) bounds what can have been missed: a
    deadline after it has not passed yet. The counting reads the cases by columns (``col``), each
    taken once: a figure is then a comprehension over a few columns rather than a pass of Python
    over every field of every case."""

    def __init__(self, cases: list[CaseFacts], period: Period, as_of: dt.date | None = None):
        self.period = period
        self.as_of = min(period.end, as_of) if as_of else period.end
        self.cases = cases
        self.ids = [c.id for c in cases]
        self._cols: dict[str, list] = {}
        end = period.end
        self.outcomes = [o if d is not None and d <= end else "open"
                         for o, d in zip(self.col("outcome"), self.col("closed_date"))]
        # the breakdowns' columns: both kinds of agreement are one 调解成功
        self.kinds = ["success" if o in SUCCESS else o for o in self.outcomes]
        self._total: Row | None = None

    def col(self, name: str) -> list:
        if name not in self._cols:
            self._cols[name] = list(map(attrgetter(name), self.cases))
        return self._cols[name]

    def total_row(self) -> Row:
        """The 合计 row every breakdown of this period ends with."""
        if self._total is None:
            self._total = _breakdown_rows(self, [None] * len(self.ids), [(None, "total", "合计")])[0]
        return self._total


def _group(ids: list[str], keys: Iterable) -> dict:
    """The ids by their key, in their order."""
    out: defaultdict = defaultdict(list)
    for i, k in zip(ids, keys):
        out[k].append(i)
    return out


class CaseIndex:
    """A report's cases sorted by the date it counts them by, so that a period's cases are a slice
    of them; each period's window is made once per report however many tables use it."""

    def __init__(self, cases: Iterable[CaseFacts], basis: str):
        key = attrgetter("received_date" if basis == "received" else "closed_date")
        self.all = sorted((c for c in cases if key(c) is not None), key=key)
        self._days = [key(c) for c in self.all]
        self._windows: dict[tuple, Window] = {}

    def window(self, period: Period, as_of: dt.date | None = None) -> Window:
        k = (period.start, period.end, as_of)
        if k not in self._windows:
            lo, hi = bisect_left(self._days, period.start), bisect_right(self._days, period.end)
            self._windows[k] = Window(self.all[lo:hi], period, as_of)
        return self._windows[k]


SUMMARY_ROWS = (  # key, label, unit, level
    ("received", "受理纠纷", "件", 0),
    ("source.own_initiative", "主动调解", "件", 1), ("source.application", "申请调解", "件", 1),
    ("source.referred", "接受委托移送", "件", 1),
    ("source.court_assigned", "法院委派", "件", 2), ("source.court_entrusted", "法院委托", "件", 2),
    ("source.police", "公安机关移交", "件", 2), ("source.government", "政府部门指定", "件", 2),
    ("source.petition", "信访部门移交", "件", 2), ("source.other", "其他来源", "件", 1),
    ("outcome.success", "调解成功", "件", 0), ("outcome.success_written", "书面协议", "件", 1),
    ("outcome.success_oral", "口头协议", "件", 1), ("outcome.failed", "调解不成（终止）", "件", 0),
    ("outcome.withdrawn", "撤回", "件", 0), ("outcome.refused", "不予受理", "件", 0),
    ("outcome.open", "期末未结", "件", 0), ("rate.success", "调解成功率", "%", 0), ("amount", "协议涉及金额", "万元", 0),
    ("confirmation.applied", "申请司法确认", "件", 0), ("confirmation.confirmed", "司法确认有效", "件", 1),
    ("confirmation.rejected", "司法确认驳回", "件", 1),
    ("performance.performed", "已履行完毕", "件", 0), ("performance.partial", "部分履行", "件", 0),
    ("performance.refused", "拒不履行", "件", 0),
    ("follow_up.in_time", "履行期限届满后30日内回访", "%", 0),
    ("timeliness.referral_overdue", "超过委派/委托调解期限", "件", 0),
    ("timeliness.confirmation_missed", "司法确认30日内未申请", "件", 0),
    ("timeliness.median_days", "收案至结案天数（中位数）", "天", 0),
    ("escalation.cases", "防激化", "件", 0),
    *((f"escalation.{k.value}{suffix}", label, unit, level) for k in EscalationKind
      for suffix, label, unit, level in (("", k.label, "件", 1), (".persons", "涉及人数", "人", 2))),
)
MONTH_GRACE = dt.timedelta(days=30)


def period_buckets(w: Window) -> tuple[dict[str, list[str]], Decimal, list[int], dict[str, int]]:
    """The ids behind every count of the period, the agreements' total, the closed cases' days from
    receipt to closing, and the persons of each kind of 防激化."""
    b: dict[str, list[str]] = {key: [] for key, *_ in SUMMARY_ROWS}
    ids, outcomes, closed = w.ids, w.outcomes, w.col("closed_date")
    end, as_of = w.period.end, w.as_of
    b["received"] = list(ids)
    sources = w.col("source")
    for src, members in _group(ids, sources).items():
        b[f"source.{src}" if f"source.{src}" in b else "source.other"] += members
    b["source.referred"] = [i for i, src in zip(ids, sources) if src in REFERRED]
    for outcome, members in _group(ids, outcomes).items():
        b[f"outcome.{outcome}"] = members
    success = [k == "success" for k in w.kinds]
    b["outcome.success"] = [i for i, ok in zip(ids, success) if ok]
    # (no tuples in these comprehensions: each would be one more object for the garbage collector)
    amounts = w.col("amount")
    b["amount"] = [i for i, ok, a in zip(ids, success, amounts) if ok and a is not None]
    total = sum([a for ok, a in zip(success, amounts) if ok and a is not None], Decimal(0))
    for i, ok, performance in zip(ids, success, w.col("performance")):
        if ok and performance in ("performed", "partial", "refused"):
            b[f"performance.{performance}"].append(i)
    due_by = as_of - MONTH_GRACE   # a performance deadline before this is 30 days past
    deadlines, firsts = w.col("performance_deadline"), w.col("first_follow_up")
    b["follow_up.due"] = [i for i, ok, d in zip(ids, success, deadlines) if ok and d is not None and d < due_by]
    b["follow_up.in_time"] = [i for i, ok, d, f in zip(ids, success, deadlines, firsts)
                              if ok and d is not None and d < due_by and f is not None and f <= d + MONTH_GRACE]
    b["closed"] = [i for i, o in zip(ids, outcomes) if o != "open"]
    days = [(c - r).days for o, c, r in zip(outcomes, closed, w.col("received_date")) if o != "open"]
    applied_on, results = w.col("confirmation_applied"), w.col("confirmation_outcome")
    b["confirmation.applied"] = [i for i, a in zip(ids, applied_on) if a is not None and a <= end]
    for result in ("confirmed", "rejected"):
        b[f"confirmation.{result}"] = [i for i, a, o in zip(ids, applied_on, results)
                                       if o == result and a is not None and a <= end]
    b["timeliness.referral_overdue"] = [
        i for i, limit, c, o in zip(ids, w.col("referral_deadline"), closed, outcomes)
        if limit is not None and ((c is not None and c > limit) or (o == "open" and as_of > limit))]
    b["timeliness.confirmation_missed"] = [
        i for i, window, a in zip(ids, w.col("confirmation_deadline"), applied_on)
        if window is not None and window < as_of and (a is None or a > window)]
    persons = {k.value: 0 for k in EscalationKind}
    for i, escalations in zip(ids, w.col("escalations")):
        if not escalations:
            continue
        kinds = set()
        for kind, n, day in escalations:
            if day <= end and kind in persons:
                kinds.add(kind)
                persons[kind] += n
        if kinds:
            b["escalation.cases"].append(i)
            for kind in kinds:
                b[f"escalation.{kind}"].append(i)
                b[f"escalation.{kind}.persons"].append(i)
    return b, total, days, persons


def _summary_rows(w: Window) -> list[tuple[str, str, Cell, str, int]]:
    """(key, label, cell, unit, level) for one period."""
    b, total, days, persons = period_buckets(w)

    def cell(key: str) -> Cell:
        return Cell(len(b[key]), tuple(b[key]))
    success, failed = cell("outcome.success"), cell("outcome.failed")
    special = {
        "rate.success": rate_cell(success, Cell(success.value + failed.value)),
        "amount": Cell(wan(total), tuple(b["amount"])),
        "follow_up.in_time": rate_cell(cell("follow_up.in_time"), cell("follow_up.due")),
        "timeliness.median_days": Cell(Decimal(str(pystats.median(days))).quantize(Decimal("0.1")) if days else None,
                                       tuple(b["closed"])),
        **{f"escalation.{k.value}.persons": Cell(persons[k.value], tuple(b[f"escalation.{k.value}.persons"]))
           for k in EscalationKind},
    }
    return [(key, label, special[key] if key in special else cell(key), unit, level)
            for key, label, unit, level in SUMMARY_ROWS]


def _change(now: Cell, before: Cell) -> Cell:
    """The change from ``before`` to ``now``: in percent for counts and amounts (None when there
    was nothing before), in points for rates and days."""
    if now.value is None or before.value is None:
        return Cell(None)
    return Cell(Decimal(now.value) - Decimal(before.value))


def _pct_change(now: Cell, before: Cell) -> Cell:
    if now.value is None or not before.value:
        return Cell(None)
    return Cell(((Decimal(now.value) - Decimal(before.value)) * 100 / Decimal(before.value))
                .quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


SUMMARY_COLUMNS = ("本期", "上期", "环比", "去年同期", "同比")
SUMMARY_KEYS = ("current", "previous", "mom", "year_ago", "yoy")


def _screening_rows(screenings: list[ScreeningFacts], period: Period) -> list[tuple[str, str, Cell, str, int]]:
    """排查 in ``period`` (by its date, whatever the report's basis): rounds, disputes found, prevented."""
    rounds = [s for s in screenings if s.screened_on in period]
    ids = tuple(s.id for s in rounds)
    return [("screening.rounds", "矛盾纠纷排查", Cell(len(rounds), ids), "次", 0),
            ("screening.found", "发现纠纷", Cell(sum(s.found for s in rounds), ids), "件", 1),
            ("screening.prevented", "预防纠纷", Cell(sum(s.prevented for s in rounds), ids), "件", 1)]


def summary(index: CaseIndex, period: Period, basis: str, as_of: dt.date | None = None,
            screenings: list[ScreeningFacts] = ()) -> Table:
    memo: dict[Period, list] = {}  # a year's 环比 and 同比 are the same year

    def rows(p: Period) -> list:
        if p not in memo:
            memo[p] = _summary_rows(index.window(p, as_of)) + _screening_rows(list(screenings), p)
        return memo[p]
    now, before, last_year = rows(period), rows(period.previous()), rows(period.year_ago())
    out = []
    for (key, label, cur, unit, level), (_, _, prev, _, _), (_, _, ago, _, _) in zip(now, before, last_year):
        change = _change if unit in ("%", "天") else _pct_change
        out.append(Row(key, label, (cur, prev, change(cur, prev), ago, change(cur, ago)), unit, level))
    return Table("summary", f"{period.label}（{'按收案日期' if basis == 'received' else '按结案日期'}）",
                 SUMMARY_COLUMNS, tuple(out), SUMMARY_KEYS)


BREAKDOWN_COLUMNS = ("受理", "调解成功", "调解不成", "撤回", "不予受理", "期末未结", "调解成功率", "协议金额（万元）")
BREAKDOWN_KEYS = ("received", "success", "failed", "withdrawn", "refused", "open", "rate", "amount")


def _breakdown_rows(w: Window, keys: list, groups: list[tuple]) -> list[Row]:
    """The breakdown rows of ``groups`` ((group key, row key, label)) over the period's cases,
    each case in the group its ``keys`` entry names."""
    received = _group(w.ids, keys)
    kinds, amounts = _group(w.kinds, keys), _group(w.col("amount"), keys)   # in the same order as received
    rows = []
    for group, key, label in groups:
        members = received.get(group, [])
        by = _group(members, kinds.get(group, []))
        agreed = [(i, a) for i, k, a in zip(members, kinds.get(group, []), amounts.get(group, []))
                  if k == "success" and a is not None]

        def cell(kind: str, by=by) -> Cell:
            ids = by.get(kind, ())
            return Cell(len(ids), tuple(ids))
        success, failed = cell("success"), cell("failed")
        rows.append(Row(key, label, (
            Cell(len(members), tuple(members)), success, failed, cell("withdrawn"), cell("refused"), cell("open"),
            rate_cell(success, Cell(success.value + failed.value)),
            Cell(wan(sum([a for _, a in agreed], Decimal(0))), tuple([i for i, _ in agreed])))))
    return rows


def breakdown(index: CaseIndex, period: Period, basis: str, by: str) -> Table:
    w = index.window(period)
    if by == "type":
        keys, title = w.col("dispute_type"), "按纠纷类型"
        groups = [(t.value, t.value, t.label) for t in DisputeType]
    elif by == "source":
        keys, title = w.col("source"), "按受理方式"
        groups = [(s.value, s.value, s.label) for s in CaseSource]
    elif by == "month":
        days = w.col("received_date" if basis == "received" else "closed_date")
        month_of = {d: f"{d.year}-{d.month:02d}" for d in set(days)}   # a few hundred days, not every case
        keys, title = [month_of[d] for d in days], "按月份"
        groups = [(f"{y}-{m:02d}", f"{y}-{m:02d}", f"{y}年{m}月") for y, m in period.months()]
    elif by == "station":
        keys, title = w.col("station_code"), "按调委会"
        groups = [(code, code, code) for code in sorted(set(keys))]
    else:
        raise ValueError(by)
    rows = _breakdown_rows(w, keys, groups)
    rows.append(w.total_row())
    return Table(by, title, BREAKDOWN_COLUMNS, tuple(rows), BREAKDOWN_KEYS)


def trend(index: CaseIndex, period: Period, basis: str, as_of: dt.date | None = None) -> Table:
    """A quarter against the four before it (the 联席会议's trend), each counted as of its own end."""
    quarters = [period]
    for _ in range(4):
        quarters.insert(0, quarters[0].previous())
    rows = []
    for q in quarters:
        total = index.window(q).total_row()
        rows.append(Row(f"{q.start.year}Q{(q.start.month - 1) // 3 + 1}", q.label, total.cells))
    return Table("trend", "近五个季度", BREAKDOWN_COLUMNS, tuple(rows), BREAKDOWN_KEYS)


def type_changes(index: CaseIndex, period: Period, basis: str) -> Table:
    """The dispute types by how much they grew or shrank against the same period a year earlier,
    the largest change first (the 联席会议 asks which kinds of dispute are rising)."""
    now, before = (_group(w.ids, w.col("dispute_type")) for w in (index.window(period), index.window(period.year_ago())))
    rows = []
    for t in DisputeType:
        a, b = tuple(now.get(t.value, ())), tuple(before.get(t.value, ()))
        rows.append(Row(t.value, t.label, (Cell(len(a), a), Cell(len(b), b), Cell(len(a) - len(b), a))))
    rows.sort(key=lambda r: (-abs(r.cells[2].value), r.key))
    return Table("type_change", "纠纷类型同比变化", ("本期", "去年同期", "增减（件）"), tuple(rows),
                 ("current", "year_ago", "change"))


def overdue_by_station(index: CaseIndex, period: Period, basis: str, as_of: dt.date | None = None) -> Table:
    """Each station's overrun limits, the most first: court referrals past their limit, 30-day
    windows of 司法确认 let pass, cases still open at the period's end."""
    w = index.window(period, as_of)
    rows = []
    by_station: dict[str, list[CaseFacts]] = {}
    for c in w.cases:
        by_station.setdefault(c.station_code, []).append(c)
    for code, cases in sorted(by_station.items()):
        b, *_ = period_buckets(Window(cases, period, as_of))
        cells = tuple(Cell(len(b[k]), tuple(b[k])) for k in ("timeliness.referral_overdue",
                                                              "timeliness.confirmation_missed", "outcome.open"))
        rows.append(Row(code, code, cells))
    rows.sort(key=lambda r: (-r.cells[0].value, -r.cells[1].value, r.key))
    return Table("overdue", "各调委会超期情况", ("超过委派/委托调解期限", "司法确认30日内未申请", "期末未结"), tuple(rows),
                 ("referral_overdue", "confirmation_missed", "open"))


def report(cases: Iterable[CaseFacts], period: Period, *, basis: str = "received",
           by: Iterable[str] = ("type", "source", "month"), as_of: dt.date | None = None,
           screenings: Iterable[ScreeningFacts] = (),
           more: Callable[[CaseIndex], Iterable[Table]] | None = None) -> Report:
    """The report for ``period`` over ``cases`` (any set of stations); ``more`` adds the tables
    only some reports have (the district's), from the same index of the cases."""
    if basis not in ("received", "closed"):
        raise ValueError(basis)
    cases = list(cases)
    index = CaseIndex(cases, basis)
    result = Report(period, basis, tuple(sorted({c.station_code for c in cases})))
    result.tables.append(summary(index, period, basis, as_of, list(screenings)))
    for b in by:
        result.tables.append(breakdown(index, period, basis, b))
    if period.kind == "quarter":
        result.tables.append(trend(index, period, basis, as_of))
    result.tables.append(type_changes(index, period, basis))
    if "station" in by:
        result.tables.append(overdue_by_station(index, period, basis, as_of))
    if more is not None:
        result.tables.extend(more(index))
    result.notes = [
        f"统计口径：{result.basis_label}；案件结果以期末（{period.end.isoformat()}）状态为准，期末后结案的计为期末未结。",
        "调解成功率 = 调解成功 ÷（调解成功 + 调解不成）；撤回、不予受理不计入。",
        "协议涉及金额为已生效协议的金额合计，单位万元，保留两位小数。",
        "环比与上一期比较，同比与上年同期比较：件数、金额为增减百分比，比率、天数为增减数。",
    ]
    return result
