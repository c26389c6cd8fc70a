"""The Chinese name of every record kind and field a station keeps: what the 操作记录, the sync
conflict screen and anything else that shows a change say instead of column names. One table,
checked against the sync protocol's field list by tests/unit/core/test_labels.py."""
from __future__ import annotations

ENTITY_LABELS = {
    "mediators": "调解员", "cases": "案件", "case_status_changes": "案件状态", "case_mediators": "承办调解员",
    "parties": "当事人", "investigations": "调查记录", "mediation_sessions": "调解记录", "fact_records": "无争议事实记载",
    "facts": "无争议事实", "fact_confirmations": "事实确认", "agreements": "调解协议", "agreement_clauses": "协议条款",
    "agreement_signatures": "协议签字", "judicial_confirmations": "司法确认", "court_referrals": "法院委派/委托",
    "follow_ups": "回访", "attachments": "附件", "issued_documents": "出具文书", "escalation_preventions": "防激化", "screenings": "矛盾纠纷排查",
}

# Fields a person never needs to read about: keys, links and bookkeeping.
TECHNICAL = frozenset({
    "id", "case_id", "agreement_id", "attachment_id", "fact_id", "party_id", "record_id", "mediator_id",
    "supersedes_id", "target_key", "position", "revision", "payload", "data", "data_hash", "sha256", "pdf_sha256",
    "mime", "size", "case_seq", "case_year", "template_version", "doc_version", "version",
})

FIELD_LABELS = {
    "accepted_date": "受理日期", "active": "在职", "address": "住址", "agent_authority": "代理权限",
    "agent_id_number": "代理人身份证号码", "agent_name": "代理人", "agent_phone": "代理人电话", "agreed_date": "达成日期",
    "amount": "金额", "applied_date": "申请日期", "attendees": "到场当事人", "birth_date": "出生日期",
    "case_number": "案号", "changed_at": "变更时间", "changed_by": "变更人", "claims": "申请事项", "closed_date": "结案日期",
    "confirmed": "已确认", "consent_given": "同意记载", "content": "内容", "copies": "份数", "cost_conduct": "费用负担",
    "court": "法院", "court_case_number": "法院案号", "credit_code": "统一社会信用代码", "deadline": "期限",
    "deleted_at": "作废时间", "description": "说明", "dispute_statement": "争议陈述", "dispute_subtype": "纠纷细类",
    "dispute_type": "纠纷类型", "disputed_points": "争议焦点", "doc_type": "文书类型", "effective_date": "生效日期",
    "ethnicity": "民族", "evidence_refs": "证据", "extension_days": "延长天数", "facts_and_disputes": "纠纷事实与争议",
    "failure_reason": "未成原因", "filename": "文件名", "from_status": "原状态", "gender": "性别",
    "id_number": "身份证号码", "investigators": "调查人", "issued_by": "出具人", "judge": "法官", "kind": "类别",
    "lead": "主办", "legal_representative": "法定代表人", "legal_representative_title": "法定代表人职务",
    "limit_days": "期限天数", "mediation_end": "调解结束", "mediation_start": "调解开始",
    "mediator_signed_date": "调解员签字日期", "method": "方式", "name": "姓名/名称", "next_visit_date": "下次回访日期",
    "note": "备注", "notes": "备注", "number": "编号", "occupation": "职业", "occurred_at": "时间", "outcome": "结果",
    "outcome_date": "结果日期", "pages": "页数", "participants": "参加人", "performance_deadline": "履行期限",
    "performance_method": "履行方式", "performance_place": "履行地点", "performance_status": "履行情况",
    "persons": "涉及人数", "phone": "联系电话", "place": "地点", "procedure": "程序", "received_date": "收案日期",
    "record": "记录内容", "recorded_date": "登记日期", "screened_on": "排查日期", "screeners": "排查人",
    "disputes_found": "发现纠纷", "disputes_prevented": "预防纠纷",
    "record_date": "记载日期", "recorder": "记录人", "reference_number": "委派/委托文号", "refusal_reason": "不予受理理由",
    "registered_by": "登记人", "result": "调解结果", "risk_of_escalation": "激化风险", "risk_reported": "已上报风险",
    "role": "身份", "satisfaction": "满意度", "sealed_date": "盖章日期", "signed_date": "签字日期",
    "signed_for_date": "签收日期", "source": "案件来源", "state": "状态", "station_code": "所属调委会", "status": "案件状态",
    "subject": "被调查人", "summary": "纠纷简要情况", "termination_detail": "终止说明", "termination_reason": "终止原因",
    "text": "内容", "title": "纠纷名称", "to_status": "新状态", "total_amount": "总金额", "visit_date": "回访日期",
    "visited": "回访对象", "visitor": "回访人", "withdrawal_reason": "撤回理由",
}


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def readable_fields(fields) -> list[str]:
    """The labels of the fields a person would want to know changed, technical ones left out."""
    return [field_label(f) for f in fields if f not in TECHNICAL]
