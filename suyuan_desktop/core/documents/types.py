"""The printable document types (no ReportLab import, so screens can list them cheaply)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocType:
    code: str
    label: str
    target: str | None  # which record of the case the document is about ("agreements", ...)


DOC_TYPES = {d.code: d for d in (
    DocType("application", "人民调解申请书", None),
    DocType("registration", "人民调解受理登记表", None),
    DocType("notice", "人民调解当事人权利义务告知书", None),
    DocType("investigation", "人民调解调查记录", "investigations"),
    DocType("session", "人民调解记录", "sessions"),
    DocType("agreement", "人民调解协议书", "agreements"),
    DocType("oral_agreement", "人民调解口头协议登记表", "agreements"),
    DocType("undisputed_facts", "无争议事实记载书", "fact_records"),
    DocType("judicial_confirmation", "司法确认申请书", "agreements"),
    DocType("follow_up", "人民调解回访记录", "follow_ups"),
    DocType("termination", "终止调解情况表", None),
    DocType("cover", "卷宗封面", None),
    DocType("service_address", "送达地址确认书", None),
    DocType("court_handoff", "诉调对接材料移送函", None),
    DocType("court_package", "诉调对接材料", None),   # the bound package (services/court_package.py)
)}
