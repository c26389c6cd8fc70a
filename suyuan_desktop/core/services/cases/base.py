"""What every case workflow shares: loading a case, moving its state, the checks before a change."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from ...domain import state_machine
from ...domain.enums import CaseStatus, Role
from ...domain.errors import FieldError, ImmutableRecord, PermissionDenied, ValidationError
from ...store.models import Case, CaseMediator, CaseStatusChange, Party, utcnow
from ...store.repositories import find_case
from ...store.tracking import Actor
from ..context import StationContext
from ..inputs import Collector


EDITABLE = state_machine.EDITABLE_STATUSES


# what each kind of deadline is called on the home screen and in `suyuan deadlines`
DEADLINE_LABELS = {"judicial_confirmation": "司法确认申请期限", "performance": "协议履行期限", "follow_up": "计划回访"}


class CaseBase:
    def __init__(self, ctx: StationContext):
        self.ctx = ctx

    # --- helpers ---------------------------------------------------------------------------

    @property
    def store(self):
        return self.ctx.store

    def _today(self) -> dt.date:
        return self.ctx.today()

    @staticmethod
    def _require_case_worker(actor: Actor) -> None:
        if actor.role not in (Role.MEDIATOR.value, Role.ADMIN.value, "system"):
            raise PermissionDenied("只有调解员或站点管理员可以办理案件。")

    @staticmethod
    def load_case(session, case_id: str) -> Case:
        """The live case with this id or case number, in ``session``; NotFound names what was asked."""
        return find_case(session, case_id)

    def _change(self, actor: Actor, case_id: str, change):
        """The skeleton of a use case that changes a case (its caller has checked who may): one
        transaction, the case loaded, ``change(session, case)``, and the case as it now is."""
        with self.store.write(actor) as s:
            case = self.load_case(s, case_id)
            change(s, case)
            cid = case.id
        return self.get(cid)

    def _transition(self, session, case: Case, target: CaseStatus, actor: Actor, note: str | None = None) -> None:
        current = CaseStatus(case.status)
        state_machine.check_transition(current, target)
        case.status = target.value
        session.add(CaseStatusChange(case_id=case.id, from_status=current.value, to_status=target.value,
                                     changed_at=utcnow(), changed_by=actor.username, note=note))

    def _require_editable(self, case: Case, what: str) -> None:
        if CaseStatus(case.status) not in EDITABLE:
            raise ImmutableRecord(
                f"案件当前为“{CaseStatus(case.status).label}”，不能再{what}。"
                "已结案的记录只能通过补充协议或新的记录更正。")

    def _require_mediator(self, session, case: Case, what: str) -> None:
        """A conclusion names its mediators (人民调解法 Art. 29: the mediator signs the agreement;
        the MoJ formats name them on the fact record and the termination): one must be assigned."""
        assigned = session.execute(select(CaseMediator.id).where(
            CaseMediator.case_id == case.id, CaseMediator.deleted_at.is_(None)).limit(1)).first()
        if assigned is None:
            raise ValidationError(FieldError("mediators", "调解员", f"本案尚未指派调解员，不能{what}。"
                                             "请先在“指派调解员”中选定主持调解员（调解员须在文书上签名，人民调解法第29条）。",
                                             "no_mediator"))

    def _signatures(self, parties: list[Party], data, col: Collector, agreed: dt.date | None) -> dict[str, dt.date]:
        """The parties' signature dates, each checked: a known party, a real date, not before the agreement."""
        sigs: dict[str, dt.date] = {}
        for ref, day in (data.party_signatures or {}).items():
            p = self._resolve_party(parties, ref, col, "party_signatures", "当事人签字")
            try:
                d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
            except ValueError:
                col.add("party_signatures", "当事人签字日期", f"“{day}”不是有效日期。", "date")
                d = None
            if p and d:
                if agreed and d < agreed:
                    col.add("party_signatures", "当事人签字日期", f"“{p.name}”的签字日期早于协议达成日期，请核对。", "order")
                sigs[p.id] = d
        return sigs

    def _live_parties(self, session, case_id: str) -> list[Party]:
        return list(session.execute(select(Party).where(
            Party.case_id == case_id, Party.deleted_at.is_(None)).order_by(Party.position)).scalars())

    def _resolve_party(self, parties: list[Party], ref, col: Collector, path: str, label: str) -> Party | None:
        """A party named by id, by 1-based position, or by exact name."""
        for p in parties:
            if ref in (p.id, p.name) or (isinstance(ref, int) and ref == p.position) or str(ref) == str(p.position):
                return p
        col.add(path, label, f"“{ref}”不是本案当事人，请从当事人名单中选择。", "unknown_party")
        return None


def _age(birth: dt.date, today: dt.date) -> int:
    years = today.year - birth.year
    return years - ((today.month, today.day) < (birth.month, birth.day))


def _total(clauses: list[tuple[str, Decimal | None]]) -> Decimal | None:
    """The agreement's total: the sum of the clauses' amounts (0.00 is an amount), None without any."""
    amounts = [a for _, a in clauses if a is not None]
    return sum(amounts, Decimal("0.00")) if amounts else None
