"""What a document prints: ``select_data`` picks exactly what a document shows out of the station and
the exported case, so the canonical data (and its hash in the QR code) changes only when the document
would; and the date and number forms the formats use."""
from __future__ import annotations

import datetime as dt


from ..domain.errors import FieldError, ValidationError
from .types import DOC_TYPES, DocType  # noqa: F401 - re-exported

CN_DIGITS = "〇一二三四五六七八九"


def body_date(iso) -> str:
    if not iso:
        return "    年  月  日"
    d = iso if isinstance(iso, dt.date) else dt.date.fromisoformat(str(iso)[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def _cn_number(n: int) -> str:
    if n < 10:
        return "〇一二三四五六七八九"[n].replace("〇", "零") if n == 0 else CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def signature_date(iso) -> str:
    """二〇二六年三月十五日 (U+3007 〇 for zero, as signature blocks write it)."""
    if not iso:
        return "      年    月    日"
    d = iso if isinstance(iso, dt.date) else dt.date.fromisoformat(str(iso)[:10])
    return "".join(CN_DIGITS[int(c)] for c in str(d.year)) + f"年{_cn_number(d.month)}月{_cn_number(d.day)}日"


def age_at(birth, on) -> int | None:
    if not birth or not on:
        return None
    b = dt.date.fromisoformat(str(birth)[:10])
    d = dt.date.fromisoformat(str(on)[:10])
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


# --- data selection ------------------------------------------------------------------------

_CASE_HEAD = ("id", "case_number", "title", "dispute_type", "source", "summary", "claims", "received_date",
              "accepted_date", "closed_date", "registered_by", "status", "termination_reason", "termination_detail")


def select_data(doc_type: str, station: dict, case: dict, target_id: str | None, template: dict,
                signatures: dict | None = None, extra: dict | None = None) -> dict:
    dtype = DOC_TYPES[doc_type]
    data = {
        "document": {"type": doc_type, "template_version": template["version"]},
        "station": {k: station.get(k) for k in ("code", "name", "committee_name", "township", "address", "phone")},
        "case": {k: case.get(k) for k in _CASE_HEAD},
        "parties": case.get("parties", []),
        "mediators": [{"name": m["name"], "lead": m.get("lead", False)} for m in case.get("mediators", [])],
    }
    if dtype.target:
        records = case.get(dtype.target, [])
        if doc_type == "agreement":
            records = [r for r in records if r["kind"] == "written"]
        elif doc_type == "oral_agreement":
            records = [r for r in records if r["kind"] == "oral"]
        elif doc_type == "judicial_confirmation":
            records = [r for r in records if r["kind"] == "written" and r["state"] == "effective"]
        if target_id:
            records = [r for r in records if r["id"] == target_id]
        elif records:
            live = [r for r in records if r.get("state") != "superseded"]
            records = (live or records)[-1:]
        if not records:
            raise ValidationError(FieldError("target", DOC_TYPES[doc_type].label,
                                             _missing_target_message(doc_type), "no_record"))
        data["target"] = records[-1]
        if doc_type in ("agreement", "judicial_confirmation") and data["target"].get("supersedes_id"):
            prev = [r for r in case.get("agreements", []) if r["id"] == data["target"]["supersedes_id"]]
            data["previous_number"] = prev[0]["number"] if prev else None
        if doc_type == "judicial_confirmation":
            data["confirmations"] = [c for c in case.get("judicial_confirmations", [])
                                     if c["agreement_id"] == data["target"]["id"]]
        if doc_type == "follow_up":
            effective = [a for a in case.get("agreements", []) if a["state"] == "effective"]
            data["agreement_number"] = effective[-1]["number"] if effective else None
    if signatures:  # {signer's printed name: {"strokes": normalised strokes, "date": iso date}}
        data["signatures"] = signatures
    if doc_type in ("undisputed_facts", "termination", "registration", "court_handoff"):
        data["referrals"] = case.get("court_referrals", [])
    if doc_type in ("termination", "court_handoff"):
        if case.get("status") not in ("failed", "returned_to_court", "archived") or not case.get("termination_reason"):
            raise ValidationError(FieldError("status", DOC_TYPES[doc_type].label, "案件尚未终止调解，请先办理“终止调解”。",
                                             "not_terminated"))
        data["session_dates"] = [ses["occurred_at"][:10] for ses in case.get("sessions", [])]
    if doc_type == "termination":
        data["fact_records"] = [{"facts": [f["text"] for f in r.get("facts", [])], "disputed_points": r.get("disputed_points")}
                                for r in case.get("fact_records", [])]
    if doc_type == "court_handoff":
        # what the court is told: how many facts were confirmed, why mediation failed, any conduct
        # that raised the cost of litigation; never what was conceded in the sessions
        data["fact_records"] = [{"facts": len(r.get("facts", [])), "failure_reason": r.get("failure_reason"),
                                 "cost_conduct": r.get("cost_conduct")} for r in case.get("fact_records", [])]
        data["package"] = (extra or {})["package"]
    if doc_type == "cover":
        data["history"] = [{"to_status": h["to_status"], "changed_at": h["changed_at"]} for h in case.get("history", [])]
    return data


def _missing_target_message(doc_type: str) -> str:
    return {
        "investigation": "本案还没有调查记录。", "session": "本案还没有调解记录。",
        "agreement": "本案还没有书面调解协议，请先在“协议”中起草。", "oral_agreement": "本案没有登记口头协议。",
        "undisputed_facts": "本案还没有记载无争议事实。", "judicial_confirmation": "只有已生效的书面调解协议才能申请司法确认。",
        "follow_up": "本案还没有回访记录。",
    }.get(doc_type, "缺少所需的记录。")


# --- rendering helpers -----------------------------------------------------------------------
