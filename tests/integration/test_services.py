"""Each use case through the service layer, with its failure path."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from suyuan_desktop.core.domain.errors import (
    Conflict, ImmutableRecord, InvalidTransition, NotFound, PermissionDenied, ValidationError,
)
from suyuan_desktop.core.services.inputs import (
    AgreementInput, CaseIntake, FactRecordInput, FollowUpInput, InvestigationInput, OralAgreementInput,
    TerminationInput,
)
from suyuan_desktop.core.services.users import AccountLocked, LoginFailed, actor_for
from suyuan_desktop.core.store.models import AuditEntry, SyncOutbox
from suyuan_desktop.core.store.repositories import CaseFilter
from tests.helpers.builders import LI_ID, ZHANG_ID, intake_data, mediating_case, new_case, sign_all


def db_counts(app):
    with app.store.read() as s:
        return (s.execute(select(func.count()).select_from(SyncOutbox)).scalar_one(),
                s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def unchanged(app, case_id, fn, expected: type, field: str | None = None):
    """Run a use case that must fail with the domain's ``expected`` error (naming ``field``, for a
    validation error), and check it changed nothing at all."""
    before_counts, before = db_counts(app), app.cases.get(case_id)
    with pytest.raises(expected) as exc:
        fn()
    if field is not None:
        assert field in [e.path for e in exc.value.errors], exc.value.errors
    assert db_counts(app) == before_counts
    assert app.cases.get(case_id) == before
    return exc.value


class TestIntake:
    def test_intake_numbers_the_case_and_derives_identity(self, station, admin):
        case = new_case(station, admin)
        assert case.case_number == "（2026）平原人调字第0001号" and case.status == "received"
        zhang = case.parties[0]
        assert (zhang.gender, zhang.birth_date, zhang.age) == ("男", dt.date(1975, 3, 15), 51)
        assert zhang.id_number == ZHANG_ID and zhang.phone == "13800138000"
        assert [h.to_status for h in case.history] == ["received"]

    def test_every_invalid_field_is_reported_at_once(self, station, admin):
        data = intake_data(title="", dispute_type="99")
        data["parties"][0]["phone"] = "12345"
        data["parties"][1].update(kind="organisation", credit_code="91110000600037341M")
        with pytest.raises(ValidationError) as exc:
            station.cases.intake(admin, CaseIntake(**data))
        paths = {e.path for e in exc.value.errors}
        assert {"title", "dispute_type", "parties[0].phone", "parties[1].credit_code",
                "parties[1].legal_representative", "parties[1].id_number"} <= paths
        assert station.cases.count() == 0

    def test_gender_that_contradicts_the_id_number_is_refused(self, station, admin):
        data = intake_data()
        data["parties"][0]["gender"] = "女"
        with pytest.raises(ValidationError) as exc:
            station.cases.intake(admin, CaseIntake(**data))
        assert exc.value.errors[0].path == "parties[0].gender" and "不符" in exc.value.errors[0].message

    def test_court_referral_gets_its_deadline(self, station, admin):
        case = new_case(station, admin, source="court_entrusted",
                        referral={"court": "新乡市卫滨区人民法院", "reference_number": "（2026）豫0703民诉前调88号",
                                  "signed_for_date": "2026-11-20", "procedure": "simplified"})
        assert case.referral.limit_days == 7 and case.referral.deadline == dt.date(2026, 11, 27)
        items = station.cases.deadlines(today=dt.date(2026, 11, 25))
        assert [(d.kind, d.days_left) for d in items] == [("referral", 2)]

    def test_court_case_without_referral_details_is_refused(self, station, admin):
        with pytest.raises(ValidationError) as exc:
            new_case(station, admin, source="court_assigned")
        assert exc.value.errors[0].path == "referral"

    def test_case_numbers_are_never_reused_even_after_withdrawal(self, station, admin):
        first = new_case(station, admin)
        station.cases.withdraw(admin, first.id, "双方已自行和解")
        second = new_case(station, admin)
        assert second.case_number == "（2026）平原人调字第0002号"
        third = new_case(station, admin, received_date="2025-12-30")
        assert third.case_number == "（2025）平原人调字第0001号"

    def test_numbers_are_unique_across_stations_without_coordination(self, station_factory):
        a = station_factory("a", code="410703001", short="平原")
        b = station_factory("b", code="410703002", short="中同")
        from suyuan_desktop.core.store.tracking import Actor
        sys_actor = Actor(None, "t", "system")
        na = {new_case(a, sys_actor).case_number for _ in range(3)}
        nb = {new_case(b, sys_actor).case_number for _ in range(3)}
        assert not na & nb and len(na) == len(nb) == 3


class TestWorkflow:
    def test_written_agreement_takes_effect_on_the_last_signature(self, station, admin):
        case = mediating_case(station, admin)
        sigs = sign_all(case, "2026-11-22")
        sigs[case.parties[1].id] = "2026-11-23"
        case = station.cases.save_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="排水沟堵塞", agreed_date="2026-11-22", performance_method="一次性现金支付",
            performance_deadline="2026-12-10", clauses=[{"text": "李四赔偿张三损失", "amount": "1200"},
                                                        {"text": "李四疏通排水沟"}],
            party_signatures=sigs, mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
        ag = case.effective_agreement
        assert case.status == "agreed" and ag.effective_date == dt.date(2026, 11, 23)
        assert ag.copies == 3 and ag.total_amount == Decimal("1200.00")
        assert ag.confirmation_deadline == dt.date(2026, 12, 23)

    def test_unsigned_agreement_stays_a_draft(self, station, admin):
        case = mediating_case(station, admin)
        case = station.cases.save_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="排水沟", clauses=["李四疏通排水沟"], performance_method="自行疏通"))
        assert case.status == "in_mediation" and case.agreements[0].state == "draft"

    def test_agreement_without_clauses_writes_nothing(self, station, admin):
        case = mediating_case(station, admin)
        err = unchanged(station, case.id, lambda: station.cases.save_agreement(
            admin, case.id, AgreementInput(facts_and_disputes="x", performance_method="y")), ValidationError, "clauses")
        assert isinstance(err, ValidationError) and err.errors[0].path == "clauses"

    def test_signed_agreement_is_changed_only_by_an_addendum(self, station, admin):
        case = mediating_case(station, admin)
        case = station.cases.save_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="x", clauses=["李四赔偿500元"], performance_method="现金",
            party_signatures=sign_all(case), mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
        unchanged(station, case.id, lambda: station.cases.save_agreement(
            admin, case.id, AgreementInput(facts_and_disputes="y", clauses=["改"], performance_method="现金")), ImmutableRecord)
        case = station.cases.amend_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="双方同意延期", clauses=[{"text": "付款期限延至12月31日", "amount": "500"}],
            party_signatures=sign_all(case, "2026-11-25"), mediator_signed_date="2026-11-25", sealed_date="2026-11-25"))
        states = [(a.revision, a.state) for a in case.agreements]
        assert states == [(1, "superseded"), (2, "effective")]
        assert case.agreements[0].clauses[0].text == "李四赔偿500元"

    def test_oral_agreement_effective_the_same_day(self, station, admin):
        case = mediating_case(station, admin)
        case = station.cases.conclude_with_oral_agreement(admin, case.id, OralAgreementInput(
            content="李四当场向张三道歉", facts_and_disputes="口角", agreed_date="2026-11-21"))
        assert case.status == "agreed" and case.effective_agreement.effective_date == dt.date(2026, 11, 21)
        assert case.effective_agreement.confirmation_deadline is None
        with pytest.raises(ValidationError):  # oral agreements cannot go to court
            station.cases.apply_judicial_confirmation(admin, case.id, "新乡市卫滨区人民法院")

    def test_judicial_confirmation_within_and_after_thirty_days(self, station, admin):
        case = mediating_case(station, admin)
        case = station.cases.save_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="x", clauses=["赔偿"], performance_method="现金", party_signatures=sign_all(case),
            mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
        late = unchanged(station, case.id, lambda: station.cases.apply_judicial_confirmation(
            admin, case.id, "新乡市卫滨区人民法院", "2026-12-23"), ValidationError, "applied_date")
        assert "2026年12月22日" in late.message and "第33条" in late.message
        case = station.cases.apply_judicial_confirmation(admin, case.id, "新乡市卫滨区人民法院", "2026-12-22")
        assert case.status == "confirm_applied" and case.confirmations[0].deadline == dt.date(2026, 12, 22)
        case = station.cases.record_confirmation_outcome(admin, case.id, "confirmed", "2026-12-28", "（2026）豫0703民特9号")
        assert case.status == "confirmed" and case.confirmations[0].outcome == "confirmed"
        # once confirmed, never applied for again (even after performance begins)
        case = station.cases.record_follow_up(admin, case.id, FollowUpInput(
            visited="张三", performance_status="partial", notes="已付一半", visitor="王建国"))
        again = unchanged(station, case.id, lambda: station.cases.apply_judicial_confirmation(
            admin, case.id, "新乡市卫滨区人民法院", "2026-12-20"), ValidationError, "agreement")
        assert "已裁定确认" in again.message

    def test_follow_up_records_performance(self, station, admin):
        case = mediating_case(station, admin)
        case = station.cases.save_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="x", clauses=["赔偿"], performance_method="现金", party_signatures=sign_all(case),
            mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
        case = station.cases.record_follow_up(admin, case.id, FollowUpInput(
            visited="张三", performance_status="partial", notes="已付一半", visitor="王建国", next_visit_date="2026-12-05"))
        assert case.status == "performing"
        assert any(d.kind == "follow_up" for d in station.cases.deadlines())
        case = station.cases.record_follow_up(admin, case.id, FollowUpInput(
            visited="张三", performance_status="performed", notes="已付清", visitor="王建国"))
        assert case.status == "performed" and len(case.follow_ups) == 2

    def test_deadlines_show_only_the_next_planned_visit_and_the_most_urgent_first(self, station, admin):
        case = mediating_case(station, admin)
        case = station.cases.save_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="x", clauses=["赔偿"], performance_method="现金", performance_deadline="2026-12-20",
            party_signatures=sign_all(case), mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
        station.cases.record_follow_up(admin, case.id, FollowUpInput(
            visit_date="2026-11-23", visited="张三", performance_status="partial", notes="已付一半", visitor="王建国",
            next_visit_date="2026-12-01"))
        station.cases.record_follow_up(admin, case.id, FollowUpInput(
            visit_date="2026-11-26", visited="张三", performance_status="partial", notes="又付一部分", visitor="王建国",
            next_visit_date="2026-12-08"))
        today = dt.date(2026, 11, 27)
        items = station.cases.deadlines(today=today)
        visits = [d.due for d in items if d.kind == "follow_up"]
        assert visits == [dt.date(2026, 12, 8)]  # the visit planned for 12-01 was replaced by the second visit
        assert [d.due for d in items] == sorted(d.due for d in items)
        kinds = {d.kind for d in items}
        assert {"judicial_confirmation", "performance", "follow_up"} <= kinds
        assert station.cases.deadlines(today=today, limit=2) == items[:2]

    def test_failed_mediation_with_undisputed_facts(self, station, admin):
        case = mediating_case(station, admin)
        p1, p2 = case.parties
        bad = FactRecordInput(dispute_statement="赔偿数额争议", consent_given=True, facts=[
            {"text": "双方系邻居", "confirmed_by": [p1.id, p2.id]},
            {"text": "排水沟于2026年7月堵塞", "confirmed_by": [p1.id]}])
        err = unchanged(station, case.id, lambda: station.cases.record_undisputed_facts(admin, case.id, bad),
                        ValidationError, "facts[1].confirmed_by")
        assert err.errors[0].path == "facts[1].confirmed_by" and "李四" in err.errors[0].message
        no_consent = FactRecordInput(dispute_statement="x", facts=[{"text": "双方系邻居", "confirmed_by": [1, 2]}])
        err = unchanged(station, case.id, lambda: station.cases.record_undisputed_facts(admin, case.id, no_consent),
                        ValidationError, "consent_given")
        assert err.errors[0].path == "consent_given"
        case = station.cases.record_undisputed_facts(admin, case.id, FactRecordInput(
            dispute_statement="赔偿数额争议", consent_given=True, disputed_points="赔偿数额",
            facts=[{"text": "双方系邻居", "confirmed_by": ["张三", "李四"]},
                   {"text": "排水沟于2026年7月堵塞", "confirmed_by": [1, 2]}]))
        case = station.cases.terminate(admin, case.id, TerminationInput(reason="large_differences"))
        assert case.status == "failed" and case.termination_reason == "large_differences"
        [record] = case.fact_records
        assert [f.text for f in record.facts] == ["双方系邻居", "排水沟于2026年7月堵塞"]
        assert all(set(f.confirmed_by) == {p1.id, p2.id} for f in record.facts)

    def test_forbidden_transition_changes_nothing(self, station, admin):
        case = new_case(station, admin)
        err = unchanged(station, case.id, lambda: station.cases.archive(admin, case.id), InvalidTransition)
        assert isinstance(err, InvalidTransition) and "待受理" in err.message and "已归档" in err.message

    def test_records_need_an_accepted_case(self, station, admin):
        case = new_case(station, admin)
        unchanged(station, case.id, lambda: station.cases.record_investigation(admin, case.id, InvestigationInput(
            occurred_at="2026-11-21 09:00", place="现场", investigators="王建国", subject="李四", record="问答")),
                  ImmutableRecord)

    def test_refuse_and_withdraw_need_a_reason(self, station, admin):
        case = new_case(station, admin)
        unchanged(station, case.id, lambda: station.cases.refuse(admin, case.id, "  "), ValidationError, "reason")
        case = station.cases.refuse(admin, case.id, "被申请人明确拒绝调解")
        assert case.status == "refused" and case.closed_date == station.today()

    def test_assign_mediators(self, station, admin):
        case = new_case(station, admin)
        m = station.users.add_mediator(admin, "赵调解", "13700137000")
        case = station.cases.assign_mediators(admin, case.id, [m.id])
        assert [x.name for x in case.mediators] == ["赵调解"] and case.lead_mediator_id == m.id
        unchanged(station, case.id, lambda: station.cases.assign_mediators(admin, case.id, ["nope"]),
                  ValidationError, "mediator_ids[0]")
        assert station.cases.search(CaseFilter(mediator_id=m.id)).items[0].id == case.id

    def test_attachments_are_content_addressed_and_encrypted(self, station, admin, tmp_path):
        case = new_case(station, admin)
        scan = tmp_path / "协议扫描.pdf"
        scan.write_bytes("%PDF-1.4 signed scan of 张三".encode())
        case = station.cases.attach_file(admin, case.id, scan)
        att = case.attachments[0]
        assert att.filename == "协议扫描.pdf" and att.mime == "application/pdf" and att.size == scan.stat().st_size
        view, data = station.cases.read_attachment(att.id)
        assert data == scan.read_bytes()
        on_disk = station.blobs.path_for(att.sha256).read_bytes()
        assert "张三".encode() not in on_disk
        case = station.cases.attach_file(admin, case.id, scan)  # same file again: one stored blob
        assert len(case.attachments) == 2 and len({a.sha256 for a in case.attachments}) == 1

    def test_unknown_case_is_reported_by_number(self, station, admin):
        with pytest.raises(NotFound) as exc:
            station.cases.accept(admin, "（2026）平原人调字第9999号")
        assert "9999" in exc.value.message


class TestSearch:
    @pytest.fixture
    def three_cases(self, station, admin):
        a = new_case(station, admin)
        data = intake_data(title="王五与赵六合同纠纷", dispute_type="04", received_date="2026-11-21")
        data["parties"] = [{"name": "王五", "phone": "13912345678"},
                           {"name": "新乡市卫滨区鑫源商贸有限公司", "role": "respondent", "kind": "organisation",
                            "credit_code": "91110000600037341L", "legal_representative": "赵六"}]
        b = station.cases.intake(admin, CaseIntake(**data))
        c = new_case(station, admin, received_date="2026-11-22")
        return a, b, c

    @pytest.mark.parametrize("query,expect", [
        ("张三", {0, 2}), ("鑫源", {1}), ("王", {1}), ("13912345678", {1}), ("139", {1}), ("5678", {1}),
        (ZHANG_ID, {0, 2}), (ZHANG_ID[:10], {0, 2}), (LI_ID[:-1] + LI_ID[-1].lower(), {0, 2}),
        ("平原人调字第0002号", {1}), ("0003", {2}), ("不存在的人", set())])
    def test_search_by_name_id_phone_and_number(self, station, three_cases, query, expect):
        found = {c.id for c in station.cases.search(CaseFilter(text=query)).items}
        assert found == {three_cases[i].id for i in expect}

    def test_names_are_found_by_any_one_two_or_more_of_their_characters(self, station, admin):
        data = intake_data(title="欧阳娜娜与Li Lei借款纠纷")
        data["parties"] = [{"name": "欧阳娜娜", "agent_name": "司马光"},
                           {"name": "Li Lei", "role": "respondent"}]
        case = station.cases.intake(admin, CaseIntake(**data))
        other = new_case(station, admin)  # 张三 and 李四

        def found(q):
            return {c.id for c in station.cases.search(CaseFilter(text=q)).items}
        for q in ("欧", "娜娜", "阳娜", "欧阳娜娜", "司", "司马光", "li", "LEI", "i l", "Li Lei"):
            assert found(q) == {case.id}, q
        assert found("张") == {other.id} and found("欧娜") == set() and found("阳娜欧") == set()

    def test_a_renamed_party_is_found_by_the_new_name_only(self, station, admin):
        from suyuan_desktop.core.store.models import NameGram, Party
        case = new_case(station, admin)
        with station.store.write(admin) as s:
            party = s.execute(select(Party).where(Party.case_id == case.id, Party.name == "张三")).scalar_one()
            party.name = "张叁"
        assert {c.id for c in station.cases.search(CaseFilter(text="叁")).items} == {case.id}
        assert {c.id for c in station.cases.search(CaseFilter(text="张三")).items} == set()
        with station.store.read() as s:  # the case's pieces: the new name's, the other party's, once each
            grams = s.execute(select(NameGram.gram).where(NameGram.case_id == case.id)).scalars().all()
        assert sorted(grams) == sorted(["张", "叁", "张叁", "李", "四", "李四"])

    def test_keyset_pages_are_complete_and_disjoint(self, station, admin):
        for i in range(7):
            new_case(station, admin, received_date=f"2026-11-{10 + i % 3:02d}")
        seen, after = [], None
        while True:
            page = station.cases.search(after=after, limit=3)
            seen += [c.id for c in page.items]
            if page.next_after is None:
                break
            after = page.next_after
        assert len(seen) == len(set(seen)) == 7
        dates = [station.cases.get(cid).received_date for cid in seen]
        assert dates == sorted(dates, reverse=True)

    def test_filters(self, station, admin, three_cases):
        assert station.cases.count(CaseFilter(dispute_types=("04",))) == 1
        assert station.cases.count(CaseFilter(received_from=dt.date(2026, 11, 21))) == 2
        station.cases.accept(admin, three_cases[0].id)
        assert station.cases.count(CaseFilter(statuses=("accepted",))) == 1


class TestAccounts:
    def test_mediator_cannot_manage_accounts_but_can_work_cases(self, station, admin):
        station.users.add_user(admin, username="zhao", display_name="赵调解", role="mediator", password="zhao-pass-1")
        mediator = actor_for(station.users.authenticate("zhao", "zhao-pass-1"))
        with pytest.raises(PermissionDenied):
            station.users.add_user(mediator, username="x1", display_name="x", role="mediator", password="xxxx-pass-1")
        assert new_case(station, mediator).registered_by == "zhao"

    def test_duplicate_username_and_weak_password(self, station, admin):
        with pytest.raises(Conflict):
            station.users.add_user(admin, username="admin", display_name="x", role="admin", password="another-pass-1")
        with pytest.raises(ValidationError) as exc:
            station.users.add_user(admin, username="lili", display_name="李", role="mediator", password="123")
        assert exc.value.errors[0].label == "密码"

    def test_lockout_after_repeated_failures(self, station):
        for i in range(4):
            with pytest.raises(LoginFailed) as exc:
                station.users.authenticate("admin", "wrong")
            assert f"还可尝试{4 - i}次" in exc.value.message
        with pytest.raises(LoginFailed) as exc:
            station.users.authenticate("admin", "wrong")
        assert "锁定" in exc.value.message
        with pytest.raises(AccountLocked):
            station.users.authenticate("admin", "admin-pass-1")  # even the right password, for now
        later = station.clock.utcnow() + dt.timedelta(minutes=16)
        assert station.users.authenticate("admin", "admin-pass-1", now=later).username == "admin"

    def test_unknown_user_gets_the_same_message(self, station):
        with pytest.raises(LoginFailed) as exc:
            station.users.authenticate("ghost", "whatever")
        assert exc.value.message == "登录名或密码不正确。"

    def test_last_admin_cannot_be_disabled(self, station, admin):
        with pytest.raises(Conflict):
            station.users.set_active(admin, "admin", False)


class TestDrafts:
    def test_a_draft_belongs_to_one_user_and_form_and_is_replaced_not_duplicated(self, station, admin):
        other = station.users.add_user(admin, username="lisi", display_name="李调解员", password="mediator-pass-1",
                                          role="mediator")
        station.drafts.save(admin.user_id, "intake", "intake", {"title": "第一版"})
        station.drafts.save(admin.user_id, "intake", "intake", {"title": "第二版"})
        station.drafts.save(admin.user_id, "agreement:c1", "agreement", {"clauses": ["赔偿"]}, case_id="c1")
        assert station.drafts.get(admin.user_id, "intake").payload == {"title": "第二版"}
        assert station.drafts.get(other.id, "intake") is None
        assert {d.key for d in station.drafts.list(admin.user_id)} == {"intake", "agreement:c1"}
        station.drafts.discard(admin.user_id, "intake")
        assert station.drafts.get(admin.user_id, "intake") is None

    def test_drafts_are_not_records(self, station, admin):
        """No audit entry and no outbox change: a draft never leaves the PC."""
        before = db_counts(station)
        station.drafts.save(admin.user_id, "intake", "intake", {"title": "张三与李四纠纷", "parties": [{"name": "张三"}]})
        assert db_counts(station) == before


class TestConclusionsNeedAMediator:
    """人民调解法 Art. 29: the mediator signs the agreement; the MoJ formats name the mediator on the
    fact record and the termination. No conclusion is recorded on a case without one."""

    @pytest.fixture
    def unassigned(self, station, admin):
        case = new_case(station, admin)
        station.cases.accept(admin, case.id, accepted_date=dt.date(2026, 11, 20))
        return station.cases.start_mediation(admin, case.id)

    def test_every_conclusion_is_refused_until_a_mediator_is_assigned(self, station, admin, unassigned):
        case = unassigned
        attempts = {
            "written agreement": lambda: station.cases.save_agreement(admin, case.id, AgreementInput(
                facts_and_disputes="x", clauses=["李四赔偿500元"], performance_method="现金")),
            "oral agreement": lambda: station.cases.conclude_with_oral_agreement(admin, case.id, OralAgreementInput(
                content="李四道歉", facts_and_disputes="口角", agreed_date="2026-11-21")),
            "undisputed facts": lambda: station.cases.record_undisputed_facts(admin, case.id, FactRecordInput(
                dispute_statement="x", consent_given=True, facts=[{"text": "双方系邻居", "confirmed_by": [1, 2]}])),
            "termination": lambda: station.cases.terminate(admin, case.id, TerminationInput(reason="large_differences")),
        }
        for what, attempt in attempts.items():
            err = unchanged(station, case.id, attempt, ValidationError, "mediators")
            assert "尚未指派调解员" in err.errors[0].message and "第29条" in err.errors[0].message, what
        mediator = station.users.list_mediators()[0]
        station.cases.assign_mediators(admin, case.id, [mediator.id])
        assert station.cases.terminate(admin, case.id, TerminationInput(reason="large_differences")).status == "failed"


class TestAmendment:
    def _signed(self, station, admin):
        case = mediating_case(station, admin)
        return station.cases.save_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="x", clauses=[{"text": "李四赔偿张三500元", "amount": "500"}], performance_method="现金",
            party_signatures=sign_all(case), mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))

    def test_an_addendum_whose_amounts_add_up_to_zero_keeps_a_total_of_zero(self, station, admin):
        case = self._signed(station, admin)
        case = station.cases.amend_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="张三放弃赔偿", clauses=[{"text": "张三放弃全部赔偿请求", "amount": "0.00"}],
            party_signatures=sign_all(case, "2026-11-25"), mediator_signed_date="2026-11-25", sealed_date="2026-11-25"))
        assert case.effective_agreement.total_amount == Decimal("0.00")

    def test_an_addendum_with_a_bad_signature_date_is_refused_by_field(self, station, admin):
        case = self._signed(station, admin)
        signatures = {p.id: "2026-02-30" for p in case.parties}
        unchanged(station, case.id, lambda: station.cases.amend_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="延期", clauses=["付款期限延至12月31日"], party_signatures=signatures,
            mediator_signed_date="2026-11-25", sealed_date="2026-11-25")), ValidationError, "party_signatures")
