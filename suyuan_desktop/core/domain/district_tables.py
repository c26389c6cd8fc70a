"""The district report's own tables: the 考核 table per station, scored with the weights the
district publishes, and the 诉调对接 listing of the cases that went to court after mediation
failed (docs/statistics.md, "District report").

Pure, like the rest of the counting: the caller hands in the report's case index, the published
weights and each station's last successful sync.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .enums import ReferralKind, TerminationReason
from .periods import Period
from .report_model import Cell, Row, Table
from .statistics import CaseIndex, Window, period_buckets, rate_cell

# what the 考核 table measures, in its column order: key -> column heading
METRICS = {
    "success_rate": "调解成功率",
    "confirmation_rate": "司法确认申请率",
    "follow_up_rate": "按期回访率",
    "overdue": "超期（件）",
    "escalation": "防激化（件）",
    "sync_freshness": "距上次同步（天）",
}
SCORE_COLUMN = "得分（满分100）"


class WeightsError(ValueError):
    """Published 考核 weights that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Weights:
    """The district's 考核 weights (reference data ``assessment_weights``): a weight per metric
    (only the metrics named are scored) and the days without a sync at which freshness scores 0."""

    version: str
    weights: Mapping[str, Decimal]
    stale_days: int = 7


def parse_weights(data) -> Weights:
    """``{"version": "2026", "weights": {"success_rate": 30, ...}, "stale_days": 7}`` as published."""
    how = ("考核权重应为 {version, weights: {指标: 权重}, stale_days}，指标可选："
           + "、".join(f"{k}（{v}）" for k, v in METRICS.items()) + "；权重为不小于0的数，合计大于0。")
    if not isinstance(data, dict) or not isinstance(data.get("version"), str) or not isinstance(data.get("weights"), dict):
        raise WeightsError(how)
    unknown = [k for k in data["weights"] if k not in METRICS]
    if unknown:
        raise WeightsError(f"没有考核指标“{'、'.join(unknown)}”。{how}")
    try:
        weights = {k: Decimal(str(v)) for k, v in data["weights"].items() if not isinstance(v, bool)}
    except ArithmeticError:
        raise WeightsError(how) from None
    if len(weights) != len(data["weights"]) or any(not w.is_finite() or w < 0 for w in weights.values()) \
            or sum(weights.values()) <= 0:
        raise WeightsError(how)
    stale = data.get("stale_days", 7)
    if not isinstance(stale, int) or isinstance(stale, bool) or not 2 <= stale <= 365:
        raise WeightsError(f"stale_days（超过多少天未同步记0分）应为 2-365 之间的整数。{how}")
    return Weights(data["version"], weights, stale)


def _ratio(cell: Cell) -> Decimal | None:
    return None if cell.value is None else Decimal(cell.value) / 100


def freshness(last_sync: dt.date | None, as_of: dt.date, stale_days: int) -> Decimal:
    """1 for a sync today or yesterday, 0 at ``stale_days`` or never, linear between."""
    if last_sync is None:
        return Decimal(0)
    days = (as_of - last_sync).days
    if days <= 1:
        return Decimal(1)
    return max(Decimal(0), Decimal(stale_days - days) / Decimal(stale_days - 1))


def assessment(index: CaseIndex, period: Period, as_of: dt.date, weights: Weights | None,
               last_sync: Mapping[str, dt.date | None]) -> Table:
    """One row per station (every station in ``last_sync``, with or without cases), the best score
    first. Each metric is scored 0-1 (a rate as itself; overdue as 1 - overdue/received; 防激化
    against the station with the most; freshness as ``freshness``); the score is the weighted mean
    of the metrics that apply, times 100. Without published weights the metrics stand unscored."""
    w = index.window(period, as_of)
    by_station: dict[str, list] = {code: [] for code in last_sync}
    for c in w.cases:
        by_station.setdefault(c.station_code, []).append(c)
    measured = {}
    for code, cases in by_station.items():
        b, *_ = period_buckets(Window(cases, period, as_of))

        def cell(key: str, b=b) -> Cell:
            return Cell(len(b[key]), tuple(b[key]))
        success, failed = cell("outcome.success"), cell("outcome.failed")
        written = tuple(c.id for c in cases if c.written_agreement_effective is not None
                        and c.written_agreement_effective <= w.as_of)
        applied = tuple(i for i in b["confirmation.applied"] if i in set(written))
        overdue_ids = tuple(dict.fromkeys(b["timeliness.referral_overdue"] + b["timeliness.confirmation_missed"]))
        synced = last_sync.get(code)
        measured[code] = {
            "success_rate": rate_cell(success, Cell(success.value + failed.value)),
            "confirmation_rate": rate_cell(Cell(len(applied), applied), Cell(len(written), written)),
            "follow_up_rate": rate_cell(cell("follow_up.in_time"), cell("follow_up.due")),
            "overdue": Cell(len(overdue_ids), overdue_ids),
            "escalation": cell("escalation.cases"),
            "sync_freshness": Cell((as_of - synced).days if synced else None),
            "received": cell("received"),
        }
    most = max((m["escalation"].value for m in measured.values()), default=0)
    rows = []
    for code, m in measured.items():
        scores: dict[str, Decimal | None] = {
            "success_rate": _ratio(m["success_rate"]),
            "confirmation_rate": _ratio(m["confirmation_rate"]),
            "follow_up_rate": _ratio(m["follow_up_rate"]),
            "overdue": (max(Decimal(0), 1 - Decimal(m["overdue"].value) / m["received"].value)
                        if m["received"].value else None),
            "escalation": Decimal(m["escalation"].value) / most if most else None,
            "sync_freshness": freshness(last_sync.get(code), as_of, weights.stale_days if weights else 7),
        }
        score = None
        if weights is not None:
            used = {k: wt for k, wt in weights.weights.items() if scores[k] is not None}
            if sum(used.values()) > 0:
                score = (sum(wt * scores[k] for k, wt in used.items()) * 100 / sum(used.values())).quantize(
                    Decimal("0.1"), rounding=ROUND_HALF_UP)
        rows.append(Row(code, code, (*(m[k] for k in METRICS), Cell(score))))
    rows.sort(key=lambda r: (r.cells[-1].value is None, -(r.cells[-1].value or 0), r.key))
    title = f"调委会考核（考核权重：{weights.version}）" if weights else "调委会考核（区中心尚未发布考核权重，只列指标，不计得分）"
    return Table("assessment", title, (*METRICS.values(), SCORE_COLUMN), tuple(rows), (*METRICS, "score"), "调委会")


HANDOFF_COLUMNS = ("调委会", "纠纷类型", "来源", "法院", "法院案号", "收案日期", "调解终结日期", "终止原因", "材料移送")
HANDOFF_KEYS = ("station", "type", "referral", "court", "court_reference", "received", "closed", "reason", "package")


def court_handoff(index: CaseIndex, period: Period, type_labels: Mapping[str, str]) -> Table:
    """The cases of the period whose mediation had failed by its end and that went (back) to court:
    court referrals (委派/委托) and cases returned to court. One row per case, by closing date;
    case numbers and courts only, no party."""
    w = index.window(period)
    reasons = {r.value: r.label for r in TerminationReason}
    referrals = {r.value: r.label for r in ReferralKind}
    chosen = sorted(((c for c, outcome in zip(w.cases, w.outcomes)
                      if outcome == "failed" and (c.referral_kind or c.status == "returned_to_court"))),
                    key=lambda c: (c.closed_date, c.case_number))
    rows = tuple(Row(c.id, c.case_number, tuple(Cell(v, (c.id,)) for v in (
        c.station_code, type_labels.get(c.dispute_type, c.dispute_type),
        referrals.get(c.referral_kind, c.referral_kind) if c.referral_kind else "退回法院",
        c.court or "—", c.court_reference or "—", c.received_date.isoformat(),
        c.closed_date.isoformat() if c.closed_date else "—",
        reasons.get(c.termination_reason or "", c.termination_reason or "—"),
        c.handed_off.isoformat() if c.handed_off else "未移送"))) for c in chosen)
    return Table("handoff", "诉调对接案件（调解不成转入诉讼；列有案号，仅供授权人员使用）", HANDOFF_COLUMNS, rows, HANDOFF_KEYS,
                 "案号")
