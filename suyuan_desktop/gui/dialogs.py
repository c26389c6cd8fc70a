"""The dialogs of the case workspace: records, conclusions, court links, follow-up."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem, QWidget,
)

from ..core.domain.clock import Formattable
from ..core.domain.enums import ConfirmationOutcome, EscalationKind, PerformanceStatus, TerminationReason
from ..core.domain.errors import ValidationError
from ..core.domain.money import amount_in_words, parse_amount
from ..core.services.inputs import (
    EscalationInput,
    AgreementInput, FactRecordInput, FollowUpInput, InvestigationInput, OralAgreementInput, SessionInput, TerminationInput,
)
from .widgets import enum_combo, muted
from .i18n import translate

from .form_dialog import FormDialog, _wrap


class ReasonDialog(FormDialog):
    def __init__(self, title: str, label: str, placeholder: str, parent=None):
        super().__init__(title, parent)
        self.reason = self.text_area(placeholder, 80)
        self.form.addRow(label, self.reason)
        self.finish_layout(required=(self.reason,))

    def collect(self):
        text = self.reason.toPlainText().strip()
        if not text:
            from ..core.domain.errors import FieldError
            raise ValidationError(FieldError("reason", translate("dialogs", "原因"), translate("dialogs", "不能为空，请写明。"), "required"))
        return text


class MediatorsDialog(FormDialog):
    """指派调解员: tick the station's mediators for this case and choose who leads (人民调解法 Art. 19)."""

    def __init__(self, case, mediators, parent=None):
        super().__init__(translate("dialogs", "指派调解员"), parent)
        assigned = {m.id for m in case.mediators}
        self.boxes = []
        for m in mediators:
            box = QCheckBox(m.name + (f"（{m.title}）" if m.title else ""))
            box.setChecked(m.id in assigned)
            box.setProperty("mediator_id", m.id)
            box.toggled.connect(self._refresh_lead)
            self.boxes.append(box)
            self.form.addRow("", box)
        self.lead = QComboBox()
        self.form.addRow(translate("dialogs", "主持调解员"), self.lead)
        self.form.addRow("", muted(translate("dialogs", "调解员由当事人选择或者接受，可以是一名或者数名（人民调解法第19条）；"
                                                        "调解协议须由调解员签名。")))
        self._names = {m.id: m.name for m in mediators}
        self._refresh_lead(lead=case.lead_mediator_id)
        self.finish_layout()
        self.setMinimumWidth(480)

    def chosen(self) -> list[str]:
        return [b.property("mediator_id") for b in self.boxes if b.isChecked()]

    def _refresh_lead(self, *_, lead: str | None = None) -> None:
        lead = lead or self.lead.currentData()
        self.lead.clear()
        for mid in self.chosen():
            self.lead.addItem(self._names[mid], mid)
        if lead is not None and self.lead.findData(lead) >= 0:
            self.lead.setCurrentIndex(self.lead.findData(lead))

    def collect(self):
        chosen = self.chosen()
        if not chosen:
            from ..core.domain.errors import FieldError
            raise ValidationError(FieldError("mediator_ids", translate("dialogs", "调解员"),
                                             translate("dialogs", "请至少选择一名调解员。"), "required"))
        return chosen, self.lead.currentData()


class SessionDialog(FormDialog):
    def __init__(self, case, now: dt.datetime, parent=None, recorder: str = ""):
        super().__init__(translate("dialogs", "记录调解"), parent, today=now.date())
        self.when = self.datetime_edit(now)
        self.place = QLineEdit(translate("dialogs", "调解室"))
        # 到场当事人: ticked from the case's parties (all present unless unticked)
        self.attendees = QWidget()
        present = QHBoxLayout(self.attendees)
        present.setContentsMargins(0, 0, 0, 0)
        self.attendee_boxes = []
        for p in case.parties:
            box = QCheckBox(p.name)
            box.setChecked(True)
            present.addWidget(box)
            self.attendee_boxes.append(box)
        present.addStretch(1)
        self.participants = QLineEdit()
        self.participants.setPlaceholderText(translate("dialogs", "邀请参加的亲属、邻里、专业人士等（不含调解员和当事人）"))
        self.content = self.text_area(translate("dialogs", "告知权利义务；各方陈述；核实调查情况；释法说理；调解方案……"), 160)
        self.result_edit = self.text_area(translate("dialogs", "调解结果（达成一致的内容，或未达成的原因）"), 60)
        self.recorder = QLineEdit(recorder)  # the signed-in user, who usually writes it
        for label, w in ((translate("dialogs", "时间"), self.when), (translate("dialogs", "地点"), self.place), (translate("dialogs", "到场当事人"), self.attendees),
                         (translate("dialogs", "参加人"), self.participants), (translate("dialogs", "调解记录"), self.content), (translate("dialogs", "调解结果"), self.result_edit),
                         (translate("dialogs", "记录人"), self.recorder)):
            self.form.addRow(label, w)
        self.finish_layout(required=(self.place, self.attendees, self.content))
        self.resize(680, 560)

    def collect(self):
        return SessionInput(occurred_at=self.when.dateTime().toPython(), place=self.place.text(),
                            attendees=translate("dialogs", "、").join(b.text() for b in self.attendee_boxes if b.isChecked()),
                            participants=self.participants.text() or None,
                            content=self.content.toPlainText(), result=self.result_edit.toPlainText() or None,
                            recorder=self.recorder.text() or None)


class InvestigationDialog(FormDialog):
    """调查记录: who was asked, by whom, where and when, and what was found (MoJ 调查记录 format)."""

    def __init__(self, case, now: dt.datetime, parent=None, investigator: str = ""):
        super().__init__(translate("dialogs", "记录调查"), parent, today=now.date())
        self.when = self.datetime_edit(now)
        self.place = QLineEdit()
        self.place.setPlaceholderText(translate("dialogs", "如 纠纷现场、村委会"))
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(translate("dialogs", "被调查人的姓名，可填当事人或知情人"))
        self.investigators = QLineEdit(investigator)
        self.participants = QLineEdit()
        self.record = self.text_area(translate("dialogs", "调查的问题和被调查人的回答、现场查看的情况……"), 180)
        self.recorder = QLineEdit(investigator)
        for label, w in ((translate("dialogs", "时间"), self.when), (translate("dialogs", "地点"), self.place),
                         (translate("dialogs", "被调查人"), self.subject), (translate("dialogs", "调查人"), self.investigators),
                         (translate("dialogs", "参加人"), self.participants), (translate("dialogs", "调查记录"), self.record),
                         (translate("dialogs", "记录人"), self.recorder)):
            self.form.addRow(label, w)
        self.finish_layout(required=(self.place, self.subject, self.investigators, self.record))
        self.resize(680, 560)

    def collect(self):
        return InvestigationInput(occurred_at=self.when.dateTime().toPython(), place=self.place.text().strip(),
                                  investigators=self.investigators.text().strip(), subject=self.subject.text().strip(),
                                  record=self.record.toPlainText().strip(),
                                  participants=self.participants.text().strip() or None,
                                  recorder=self.recorder.text().strip() or None)


class AgreementEditor(FormDialog):
    """Numbered clauses with amounts and a live 人民币大写 preview; performance; signatures."""

    def __init__(self, case, today: dt.date, parent=None, draft=None, *, supplements=None):
        """``supplements``: the effective agreement a 补充协议 changes; its terms are the starting
        point, and the 补充协议 takes effect only signed and sealed (人民调解法 Art. 29)."""
        title = translate("dialogs", "补充协议") if supplements else translate("dialogs", "调解协议")
        super().__init__(title, parent, ok_text=translate("dialogs", "保存协议"), today=today)
        self.case = case
        self.supplements = supplements
        draft = draft or supplements
        self.facts = self.text_area(translate("dialogs", "纠纷主要事实、争议事项"), 80)
        self.facts.setMaximumHeight(110)
        if supplements:
            self.facts.setPlaceholderText(translate("dialogs", "写明变更的理由和事实，如 因李四失业，经双方协商变更付款方式"))
            self.form.addRow("", muted(translate("dialogs", "补充协议变更第 {number} 号协议；签字盖章后原协议由本协议取代。").format(number=supplements.number)))
        else:
            self.facts.setPlainText(draft.facts_and_disputes if draft else case.summary)
        self.form.addRow(translate("dialogs", "变更理由及事实") if supplements else translate("dialogs", "纠纷事实"), self.facts)
        self.clauses = QTableWidget(0, 2)
        self.clauses.setHorizontalHeaderLabels([translate("dialogs", "协议条款"), translate("dialogs", "金额（元，可空）")])
        from PySide6.QtWidgets import QHeaderView
        self.clauses.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.clauses.setColumnWidth(1, 140)
        self.clauses.setMinimumHeight(150)
        for cl in (draft.clauses if draft else ()):
            self.add_clause(cl.text, str(cl.amount) if cl.amount is not None else "")
        if not self.clauses.rowCount():
            self.add_clause()
        row = QHBoxLayout()
        add = QPushButton(translate("dialogs", "＋ 添加条款"))
        add.clicked.connect(lambda: self.add_clause())
        remove = QPushButton(translate("dialogs", "删除选中条款"))
        remove.clicked.connect(lambda: self.clauses.removeRow(self.clauses.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.form.addRow(translate("dialogs", "协议条款"), self.clauses)
        self.form.addRow("", _wrap(row))
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setStyleSheet("color: #1a5276;")
        self.form.addRow(translate("dialogs", "金额大写"), self.words)
        self.method = QLineEdit(draft.performance_method if draft and draft.performance_method else "")
        self.method.setPlaceholderText(translate("dialogs", "如 一次性现金支付 / 银行转账"))
        self.place = QLineEdit(draft.performance_place if draft and draft.performance_place else "")
        self.deadline = self.date_edit()
        # no deadline unless the mediator sets one (or the draft being edited has one): a ticked
        # box with today's date would print a deadline nobody agreed
        self.has_deadline = QCheckBox(translate("dialogs", "有履行期限"))
        if draft and draft.performance_deadline:
            self.deadline.setDate(QDate(draft.performance_deadline))
        self.has_deadline.setChecked(bool(draft and draft.performance_deadline))
        self.deadline.setEnabled(self.has_deadline.isChecked())
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.agreed = self.date_edit()
        self.form.addRow(translate("dialogs", "履行方式"), self.method)
        self.form.addRow(translate("dialogs", "履行地点"), self.place)
        self.form.addRow(self.has_deadline, self.deadline)
        self.form.addRow(translate("dialogs", "协议达成日期"), self.agreed)
        self.form.addRow("", muted(translate("dialogs", "签字盖章后登记各方签字日期，协议即生效（人民调解法第29条）；未签字时保存为草稿，可先打印。")))
        self.signed = QCheckBox(translate("dialogs", "各方已签字，调解员已签字，已加盖印章"))
        self.sign_date = self.date_edit()
        self.form.addRow(self.signed, self.sign_date)
        self.clauses.itemChanged.connect(self._amounts_changed)
        self.finish_layout(required=(self.facts, self.clauses))
        self.resize(760, 700)
        self._amounts_changed()

    def add_clause(self, text: str = "", amount: str = ""):
        r = self.clauses.rowCount()
        self.clauses.insertRow(r)
        self.clauses.setItem(r, 0, QTableWidgetItem(text))
        self.clauses.setItem(r, 1, QTableWidgetItem(amount))

    def _amounts_changed(self, *_):
        parts, total = [], 0
        for r in range(self.clauses.rowCount()):
            item = self.clauses.item(r, 1)
            raw = item.text().strip() if item else ""
            if not raw:
                continue
            try:
                amount = parse_amount(raw)
            except ValidationError as exc:
                parts.append(translate("dialogs", "第{v}条：{v2}").format(v=r + 1, v2=exc.errors[0].message))
                continue
            total += amount
            parts.append(translate("dialogs", "第{v}条：人民币{v2}").format(v=r + 1, v2=amount_in_words(amount)))
        if total:
            parts.append(translate("dialogs", "合计：人民币{total:,.2f}元（人民币{v}）").format(total=total, v=amount_in_words(total)))
        self.words.setText("\n".join(parts) or translate("dialogs", "（条款没有金额）"))

    def collect(self):
        clauses = []
        for r in range(self.clauses.rowCount()):
            text = (self.clauses.item(r, 0).text() if self.clauses.item(r, 0) else "").strip()
            amount = (self.clauses.item(r, 1).text() if self.clauses.item(r, 1) else "").strip()
            if text or amount:
                clauses.append({"text": text, "amount": amount or None})
        signed = self.signed.isChecked()
        day = self.sign_date.date().toPython()
        return AgreementInput(
            facts_and_disputes=self.facts.toPlainText().strip(), clauses=clauses,
            agreed_date=self.agreed.date().toPython(), performance_method=self.method.text().strip() or None,
            performance_place=self.place.text().strip() or None,
            performance_deadline=self.deadline.date().toPython() if self.has_deadline.isChecked() else None,
            party_signatures={p.id: day for p in self.case.parties} if signed else {},
            mediator_signed_date=day if signed else None, sealed_date=day if signed else None)


class OralAgreementDialog(FormDialog):
    def __init__(self, case, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "登记口头协议"), parent, today=today)
        self.facts = self.text_area(translate("dialogs", "纠纷简要情况"), 60)
        self.facts.setPlainText(case.summary)
        self.content = self.text_area(translate("dialogs", "口头协议内容"), 80)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(translate("dialogs", "涉及金额（元，可空）"))
        self.method = QLineEdit()
        self.agreed = self.date_edit()
        for label, w in ((translate("dialogs", "纠纷简要情况"), self.facts), (translate("dialogs", "口头协议内容"), self.content), (translate("dialogs", "涉及金额"), self.amount),
                         (translate("dialogs", "履行方式、时限"), self.method), (translate("dialogs", "达成日期"), self.agreed)):
            self.form.addRow(label, w)
        self.form.addRow("", muted(translate("dialogs", "口头协议自达成之日起生效（人民调解法第30条）。")))
        self.finish_layout()

    def collect(self):
        return OralAgreementInput(content=self.content.toPlainText().strip(), facts_and_disputes=self.facts.toPlainText().strip(),
                                  amount=self.amount.text().strip() or None, performance_method=self.method.text().strip() or None,
                                  agreed_date=self.agreed.date().toPython())


class FactsEditor(FormDialog):
    """无争议事实: numbered facts, each confirmed by each party; the exclusions shown."""

    def __init__(self, case, parent=None):
        super().__init__(translate("dialogs", "记载无争议事实"), parent)
        self.case = case
        self.statement = self.text_area(translate("dialogs", "纠纷情况及各方主张"), 70)
        self.statement.setPlainText(case.summary)
        self.form.addRow(translate("dialogs", "纠纷及各方主张"), self.statement)
        self.form.addRow("", QLabel(translate("dialogs", "不予记载：涉及国家利益、社会公共利益、案外人合法权益的事实，以及婚姻、亲子、收养等身份关系的事实。")))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.addWidget(QLabel(translate("dialogs", "事实（每项一个事实）")), 0, 0)
        for j, p in enumerate(case.parties, start=1):
            self.grid.addWidget(QLabel(translate("dialogs", "{name}确认").format(name=p.name)), 0, j)
        self.rows: list[tuple[QLineEdit, list[QCheckBox]]] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setMinimumHeight(180)
        self.form.addRow(translate("dialogs", "无争议事实"), scroll)
        add = QPushButton(translate("dialogs", "＋ 添加一项事实"))
        add.clicked.connect(self.add_fact)
        self.form.addRow("", add)
        self.disputed = self.text_area(translate("dialogs", "仍有争议的事项（争议焦点）"), 50)
        self.reason = self.text_area(translate("dialogs", "调解不成的原因"), 40)
        self.consent = QCheckBox(translate("dialogs", "各方当事人同意记载，并已告知其后续程序中无需另行举证及除外情形"))
        self.form.addRow(translate("dialogs", "争议焦点"), self.disputed)
        self.form.addRow(translate("dialogs", "调解不成原因"), self.reason)
        self.form.addRow("", self.consent)
        self.add_fact()
        self.finish_layout(required=(self.statement,))
        self.resize(760, 680)

    def _draft_rows(self) -> int:
        return len(self.rows)

    def _make_rows(self, n: int) -> None:
        while len(self.rows) < n:
            self.add_fact()

    def add_fact(self):
        r = len(self.rows) + 1
        edit = QLineEdit()
        edit.setPlaceholderText(translate("dialogs", "第{r}项事实").format(r=r))
        boxes = [QCheckBox() for _ in self.case.parties]
        self.grid.addWidget(edit, r, 0)
        for j, b in enumerate(boxes, start=1):
            self.grid.addWidget(b, r, j, Qt.AlignmentFlag.AlignCenter)
        self.rows.append((edit, boxes))

    def collect(self):
        facts = []
        for edit, boxes in self.rows:
            if edit.text().strip():
                facts.append({"text": edit.text().strip(),
                              "confirmed_by": [p.id for p, b in zip(self.case.parties, boxes) if b.isChecked()]})
        return FactRecordInput(dispute_statement=self.statement.toPlainText().strip(), facts=facts,
                               consent_given=self.consent.isChecked(),
                               disputed_points=self.disputed.toPlainText().strip() or None,
                               failure_reason=self.reason.toPlainText().strip() or None)


class TerminateDialog(FormDialog):
    def __init__(self, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "终止调解"), parent, ok_text=translate("dialogs", "终止调解"), today=today)
        self.reason = enum_combo(TerminationReason)
        self.detail = self.text_area(translate("dialogs", "终止情况说明"), 70)
        self.day = self.date_edit()
        self.form.addRow(translate("dialogs", "终止原因"), self.reason)
        self.form.addRow(translate("dialogs", "情况说明"), self.detail)
        self.form.addRow(translate("dialogs", "终止日期"), self.day)
        self.form.addRow("", muted(translate("dialogs", "调解不成的，应告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（第26条）。")))
        self.finish_layout()

    def collect(self):
        return TerminationInput(reason=self.reason.currentData(), detail=self.detail.toPlainText().strip() or None,
                                terminated_date=self.day.date().toPython())


class ScreeningDialog(FormDialog):
    """排查: one round of dispute screening in a village, a community or a workplace."""

    def __init__(self, today: dt.date, screener: str = "", parent=None):
        super().__init__(translate("dialogs", "登记矛盾纠纷排查"), parent, today=today)
        self.day = self.date_edit()
        self.day.setMaximumDate(QDate(today))
        self.place = QLineEdit()
        self.place.setPlaceholderText(translate("dialogs", "如：东村、幸福社区、某厂"))
        self.screeners = QLineEdit(screener)
        self.found, self.prevented = QSpinBox(), QSpinBox()
        for box in (self.found, self.prevented):
            box.setRange(0, 10000)
            box.setSuffix(translate("dialogs", " 件"))
        self.notes = self.text_area(translate("dialogs", "排查发现的主要矛盾、采取的措施"), 70)
        for label, w in ((translate("dialogs", "排查日期"), self.day), (translate("dialogs", "地点"), self.place),
                         (translate("dialogs", "排查人"), self.screeners), (translate("dialogs", "发现纠纷"), self.found),
                         (translate("dialogs", "预防纠纷"), self.prevented), (translate("dialogs", "情况说明"), self.notes)):
            self.form.addRow(label, w)
        self.finish_layout(required=(self.place, self.screeners))

    def collect(self):
        from ..core.services.screening import ScreeningInput
        return ScreeningInput(screened_on=self.day.date().toPython(), place=self.place.text(),
                              screeners=self.screeners.text(), disputes_found=self.found.value(),
                              disputes_prevented=self.prevented.value(),
                              notes=self.notes.toPlainText().strip() or None)


class EscalationDialog(FormDialog):
    """防激化: which escalation the mediation prevented, and how many people it concerned."""

    def __init__(self, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "登记防激化"), parent, today=today)
        self.kind = enum_combo(EscalationKind)
        self.persons = QSpinBox()
        self.persons.setRange(1, 100000)
        self.persons.setValue(1)
        self.persons.setSuffix(translate("dialogs", " 人"))
        self.day = self.date_edit()
        self.day.setMaximumDate(QDate(today))
        self.note = self.text_area(translate("dialogs", "如：双方持械对峙，经调解员劝解平息，未发生伤害"), 70)
        self.form.addRow(translate("dialogs", "防止"), self.kind)
        self.form.addRow(translate("dialogs", "涉及人数"), self.persons)
        self.form.addRow(translate("dialogs", "登记日期"), self.day)
        self.form.addRow(translate("dialogs", "情况说明"), self.note)
        self.form.addRow("", muted(translate("dialogs", "计入统计报表的“防激化”项（件数与人数）。")))
        self.finish_layout(required=(self.kind, self.persons))

    def collect(self):
        return EscalationInput(kind=self.kind.currentData(), persons=self.persons.value(),
                               recorded_date=self.day.date().toPython(), note=self.note.toPlainText().strip() or None)


class FollowUpDialog(FormDialog):
    def __init__(self, case, user, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "回访记录"), parent, today=today)
        self.visited = QLineEdit(case.parties[0].name if case.parties else "")
        self.method = QComboBox()
        self.method.addItems([translate("dialogs", "电话回访"), translate("dialogs", "上门回访"), translate("dialogs", "当面回访")])
        self.status = enum_combo(PerformanceStatus)
        self.satisfaction = QComboBox()
        self.satisfaction.addItems([translate("dialogs", "满意"), translate("dialogs", "基本满意"), translate("dialogs", "不满意")])
        self.notes = self.text_area(translate("dialogs", "履行情况、满意度、是否起诉、有无激化隐患及采取的措施"), 90)
        self.day = self.date_edit()
        self.next_visit = self.date_edit(today + dt.timedelta(days=30))
        self.plan_next = QCheckBox(translate("dialogs", "计划下次回访"))
        self.visitor = QLineEdit(user.display_name)
        for label, w in ((translate("dialogs", "被回访人"), self.visited), (translate("dialogs", "回访方式"), self.method), (translate("dialogs", "履行情况"), self.status),
                         (translate("dialogs", "满意程度"), self.satisfaction), (translate("dialogs", "回访情况"), self.notes), (translate("dialogs", "回访日期"), self.day),
                         (self.plan_next, self.next_visit), (translate("dialogs", "回访人"), self.visitor)):
            self.form.addRow(label, w)
        self.finish_layout(required=(self.visited, self.notes, self.visitor))

    def collect(self):
        return FollowUpInput(visited=self.visited.text(), method=self.method.currentText(),
                             performance_status=self.status.currentData(), satisfaction=self.satisfaction.currentText(),
                             notes=self.notes.toPlainText().strip(), visit_date=self.day.date().toPython(),
                             next_visit_date=self.next_visit.date().toPython() if self.plan_next.isChecked() else None,
                             visitor=self.visitor.text())


class ConfirmationDialog(FormDialog):
    def __init__(self, deadline, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "申请司法确认"), parent, today=today)
        self.court = QLineEdit()
        self.court.setPlaceholderText(translate("dialogs", "如 新乡市卫滨区人民法院"))
        self.day = self.date_edit()
        self.form.addRow(translate("dialogs", "受理法院"), self.court)
        self.form.addRow(translate("dialogs", "共同申请日期"), self.day)
        if deadline:
            self.form.addRow("", muted(translate("dialogs", "须由双方当事人在 {deadline:%Y年%m月%d日} 前共同申请（协议生效之日起30日内，第33条）。").format(deadline=Formattable(deadline))))
        self.finish_layout(required=(self.court,))

    def collect(self):
        return self.court.text().strip(), self.day.date().toPython()


class OutcomeDialog(FormDialog):
    def __init__(self, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "司法确认结果"), parent, today=today)
        self.outcome = enum_combo((ConfirmationOutcome.CONFIRMED, ConfirmationOutcome.REJECTED,
                                   ConfirmationOutcome.WITHDRAWN))
        self.day = self.date_edit()
        self.number = QLineEdit()
        self.number.setPlaceholderText(translate("dialogs", "法院案号，如（2026）豫0703民特12号"))
        self.form.addRow(translate("dialogs", "结果"), self.outcome)
        self.form.addRow(translate("dialogs", "裁定日期"), self.day)
        self.form.addRow(translate("dialogs", "法院案号"), self.number)
        self.finish_layout()

    def collect(self):
        return self.outcome.currentData(), self.day.date().toPython(), self.number.text().strip() or None
