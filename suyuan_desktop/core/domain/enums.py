"""Code lists of people's mediation. Values are stable codes (stored and synced); labels are Chinese."""
from __future__ import annotations

from enum import Enum


class LabeledEnum(str, Enum):
    """A str enum whose members also carry a Chinese label: ``Member = ("code", "标签")``."""

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def parse(cls, value):
        """Accept the code or the Chinese label."""
        if isinstance(value, cls):
            return value
        for member in cls:
            if value in (member.value, member.label):
                return member
        raise ValueError(value)

    @classmethod
    def choices(cls) -> str:
        return "、".join(f"{m.value}（{m.label}）" for m in cls)


class CaseStatus(LabeledEnum):
    RECEIVED = ("received", "待受理")
    ACCEPTED = ("accepted", "已受理")
    REFUSED = ("refused", "不予受理")
    IN_MEDIATION = ("in_mediation", "调解中")
    SUSPENDED = ("suspended", "中止（鉴定中）")
    AGREED = ("agreed", "调解成功")
    FAILED = ("failed", "调解终止")
    WITHDRAWN = ("withdrawn", "已撤回")
    CONFIRM_APPLIED = ("confirm_applied", "已申请司法确认")
    CONFIRMED = ("confirmed", "司法确认有效")
    CONFIRM_REJECTED = ("confirm_rejected", "司法确认驳回")
    PERFORMING = ("performing", "履行中")
    PERFORMED = ("performed", "履行完毕")
    RETURNED_TO_COURT = ("returned_to_court", "已退回法院")
    ARCHIVED = ("archived", "已归档")


class CaseSource(LabeledEnum):
    APPLICATION = ("application", "当事人申请")
    OWN_INITIATIVE = ("own_initiative", "人民调解委员会主动调解")
    COURT_ASSIGNED = ("court_assigned", "法院委派")
    COURT_ENTRUSTED = ("court_entrusted", "法院委托")
    POLICE = ("police", "公安机关移交")
    GOVERNMENT = ("government", "政府部门指定")
    PETITION = ("petition", "信访部门移交")
    OTHER = ("other", "其他")


COURT_SOURCES = (CaseSource.COURT_ASSIGNED, CaseSource.COURT_ENTRUSTED)


class DisputeType(LabeledEnum):
    """The 15 reporting categories of MoJ-style statistics (docs/domain-rules.md)."""

    MARRIAGE_FAMILY = ("01", "婚姻家庭纠纷")
    NEIGHBOUR = ("02", "邻里纠纷")
    HOUSING_HOMESTEAD = ("03", "房屋宅基地纠纷")
    CONTRACT = ("04", "合同纠纷")
    PRODUCTION_BUSINESS = ("05", "生产经营纠纷")
    DAMAGES = ("06", "损害赔偿纠纷")
    FOREST_LAND = ("07", "山林土地纠纷")
    LAND_REQUISITION = ("08", "征地拆迁纠纷")
    ENVIRONMENT = ("09", "环境污染纠纷")
    LABOUR = ("10", "劳动争议纠纷")
    CONSUMER = ("11", "消费纠纷")
    MEDICAL = ("12", "医疗纠纷")
    TRAFFIC = ("13", "道路交通事故纠纷")
    PROPERTY_MANAGEMENT = ("14", "物业纠纷")
    OTHER = ("15", "其他纠纷")


class PartyKind(LabeledEnum):
    PERSON = ("person", "自然人")
    ORGANISATION = ("organisation", "法人或其他组织")


class PartyRole(LabeledEnum):
    APPLICANT = ("applicant", "申请人")
    RESPONDENT = ("respondent", "被申请人")
    THIRD_PARTY = ("third_party", "第三人")


class AgreementKind(LabeledEnum):
    WRITTEN = ("written", "书面协议")
    ORAL = ("oral", "口头协议")


class TerminationReason(LabeledEnum):
    """Grounds for ending mediation without agreement (在线调解规则 Art. 25, 人民调解法 Arts. 17/26)."""

    PARTY_REFUSES = ("party_refuses", "一方当事人明确拒绝调解")
    PARTY_UNWILLING = ("party_unwilling", "当事人不愿继续调解")
    LARGE_DIFFERENCES = ("large_differences", "双方分歧较大，难以达成协议")
    PARTY_UNREACHABLE = ("party_unreachable", "期限内无法联系当事人")
    PERIOD_EXPIRED = ("period_expired", "调解期限届满且未同意延长")
    REFUSED_TO_SIGN = ("refused_to_sign", "当事人拒绝在调解协议上签字")
    ESCALATION = ("escalation", "纠纷可能激化，已移交有关部门")
    OTHER = ("other", "其他原因")


class ReferralKind(LabeledEnum):
    ASSIGNED = ("assigned", "委派调解")      # before filing: 30 days
    ENTRUSTED = ("entrusted", "委托调解")    # after filing: 15 days (ordinary) / 7 days (simplified)


class ReferralProcedure(LabeledEnum):
    ORDINARY = ("ordinary", "普通程序")
    SIMPLIFIED = ("simplified", "简易程序")


class ConfirmationOutcome(LabeledEnum):
    PENDING = ("pending", "审查中")
    CONFIRMED = ("confirmed", "裁定协议有效")
    REJECTED = ("rejected", "裁定驳回申请")
    WITHDRAWN = ("withdrawn", "撤回申请")


class PerformanceStatus(LabeledEnum):
    NOT_STARTED = ("not_started", "尚未履行")
    PARTIAL = ("partial", "部分履行")
    PERFORMED = ("performed", "已履行完毕")
    REFUSED = ("refused", "拒不履行")


class EscalationKind(LabeledEnum):
    """防激化: what a mediation prevented (the MoJ statistics' four kinds), counted in cases and persons."""

    SUICIDE = ("suicide", "防止民间纠纷引起自杀")
    CRIMINAL = ("criminal", "防止民间纠纷转化为刑事案件")
    GROUP_PETITION = ("group_petition", "防止群体性上访")
    GROUP_FIGHT = ("group_fight", "防止群体性械斗")


class Role(LabeledEnum):
    ADMIN = ("admin", "站点管理员")
    MEDIATOR = ("mediator", "调解员")


class AttachmentKind(LabeledEnum):
    SCAN = ("scan", "签字扫描件")
    EVIDENCE = ("evidence", "证据材料")
    IDENTITY = ("identity", "身份证明")
    POWER_OF_ATTORNEY = ("power_of_attorney", "授权委托书")
    RECEIPT = ("receipt", "履行凭证")
    ISSUED_DOCUMENT = ("issued_document", "已出具文书")
    PHOTO = ("photo", "照片")
    OTHER = ("other", "其他")


def reason_and_detail(label: str, detail: str | None) -> str:
    """“原因：说明” as documents and screens show it; a note that only repeats the reason (or is
    part of it) is not written twice."""
    detail = (detail or "").strip()
    if not detail or detail in label:
        return label
    if label in detail:
        return detail
    return f"{label}：{detail}"
