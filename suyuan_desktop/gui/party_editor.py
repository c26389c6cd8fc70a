"""One party's editor (intake and 编辑当事人): a person's or an organisation's fields, checked as
the mediator types; an ID number fills in gender, birth date and age."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QWidget,
)

from ..core.domain.clock import Formattable
from ..core.domain.enums import (
    PartyKind, PartyRole,
)
from ..core.domain.errors import ValidationError
from ..core.domain.idcard import parse_id_number
from ..core.domain.phone import normalize_phone
from ..core.domain.uscc import validate_uscc
from ..core.services.inputs import PartyInput
from .forms.ui_party_editor import Ui_PartyEditor
from .widgets import DateEdit, Field, fill_enum, mark_required
from .i18n import translate


class PartyEditor(QFrame):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, role: PartyRole, today: dt.date, parent=None):
        """Laid out in ui/party_editor.ui; choices, checks and input hints are set here."""
        super().__init__(parent)
        self.today = today
        self.ui = ui = Ui_PartyEditor()
        ui.setupUi(self)
        self.title = ui.titleLabel
        self.title.setText(translate("intake", "当事人 {number}").format(number=number))
        self.role = fill_enum(ui.roleCombo, PartyRole, role.value)
        self.kind = fill_enum(ui.kindCombo, PartyKind)
        self.remove = ui.removeButton
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        # an existing party being edited: its id, and what this editor has no field for (the
        # agent, the representative's title), handed back unchanged
        self.party_id: str | None = None
        self.kept: dict = {}
        self.name, self.id_number, self.derived = ui.nameField, ui.idNumberField, ui.derivedLabel
        self.credit_code, self.legal_rep, self.phone = ui.creditCodeField, ui.legalRepField, ui.phoneField
        self.address, self.ethnicity, self.occupation = ui.addressField, ui.ethnicityField, ui.occupationField
        for f, hint in ((self.name, translate("intake", "姓名或单位名称")),
                        (self.id_number, translate("intake", "18位身份证号码（自动识别性别、出生日期和年龄）")),
                        (self.credit_code, translate("intake", "18位统一社会信用代码")),
                        (self.legal_rep, translate("intake", "法定代表人或负责人姓名")),
                        (self.phone, translate("intake", "手机号码或带区号的座机")),
                        (self.address, translate("intake", "住址或单位地址")), (self.ethnicity, translate("intake", "如 汉族")),
                        (self.occupation, translate("intake", "职业或职务"))):
            f.edit.setPlaceholderText(hint)
        self.name.validate_with(lambda t: None, required=True, required_message=translate("intake", "请填写姓名或名称。"))
        self.id_number.validate_with(self._check_id)
        self.credit_code.validate_with(lambda t: validate_uscc(t))
        self.legal_rep.validate_with(lambda t: None, required=True,
                                     required_message=translate("intake", "单位当事人须填写法定代表人或负责人。"))
        self.phone.validate_with(lambda t: normalize_phone(t))
        hints = Qt.InputMethodHint
        self.id_number.edit.setInputMethodHints(hints.ImhPreferNumbers | hints.ImhPreferUppercase | hints.ImhNoPredictiveText)
        self.credit_code.edit.setInputMethodHints(hints.ImhPreferUppercase | hints.ImhPreferLatin | hints.ImhNoPredictiveText)
        self.phone.edit.setInputMethodHints(hints.ImhDialableCharactersOnly)
        self.form = ui.form
        for f in (self.name, self.id_number, self.credit_code, self.legal_rep, self.phone, self.address,
                  self.ethnicity, self.occupation):
            f.changed.connect(self.changed.emit)
        self.role.currentIndexChanged.connect(self.changed.emit)
        self._no_id_fields()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        mark_required(self.form, self.name, self.legal_rep)
        self._kind_changed()

    def tab_widgets(self) -> list[QWidget]:
        """In the order of the MoJ forms: who, then how to reach them; 删除 last."""
        return [self.role, self.kind, self.name, self.id_number, self.gender, self.birth, self.credit_code,
                self.legal_rep, self.phone, self.address, self.ethnicity, self.occupation, self.remove]

    def _no_id_fields(self) -> None:
        """性别 and 出生日期 for a person whose ID number is not at hand (an ID number gives both)."""
        self.no_id = QWidget()
        row = QHBoxLayout(self.no_id)
        row.setContentsMargins(0, 0, 0, 0)
        self.gender = QComboBox()
        for text, value in ((translate("intake", "性别未填"), None), (translate("enums", "男"), "男"),
                            (translate("enums", "女"), "女")):
            self.gender.addItem(text, value)
        self.birth = DateEdit()
        self.birth.setDisplayFormat("yyyy-MM-dd")
        self.birth.setCalendarPopup(True)
        self.birth.setMinimumDate(QDate(1900, 1, 1))
        self.birth.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
        self.birth.setSpecialValueText(translate("intake", "出生日期未填"))
        self.birth.setDate(self.birth.minimumDate())
        row.addWidget(self.gender)
        row.addWidget(self.birth)
        row.addStretch(1)
        position, _ = self.form.getWidgetPosition(self.derived)
        self.form.insertRow(position + 1, translate("intake", "性别/出生日期"), self.no_id)
        self.gender.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.birth.dateChanged.connect(lambda *_: self.changed.emit())
        self.id_number.changed.connect(self._show_no_id_fields)

    def _show_no_id_fields(self, *_) -> None:
        visible = not self.is_org() and not self.id_number.text().strip()
        self.no_id.setVisible(visible)
        self.form.labelForField(self.no_id).setVisible(visible)

    def birth_date(self) -> dt.date | None:
        return None if self.birth.date() == self.birth.minimumDate() else self.birth.date().toPython()

    def _check_id(self, text: str):
        try:
            info = parse_id_number(text, today=self.today)
        except ValidationError:
            self._show_derived("")
            raise
        self._show_derived(translate("intake", "{gender}，{birth_date:%Y年%m月%d日}出生，{v}岁").format(gender=translate("enums", info.gender), birth_date=Formattable(info.birth_date), v=info.age_on(self.today)))

    def _show_derived(self, text: str) -> None:
        """性别、出生日期、年龄 read from the ID number, under it; an empty line takes no space."""
        self.derived.setText(text)
        self.derived.setVisible(bool(text) and not self.is_org())

    def is_org(self) -> bool:
        return self.kind.currentData() == PartyKind.ORGANISATION.value

    def _kind_changed(self):
        org = self.is_org()
        for widget, visible in ((self.id_number, not org), (self.derived, not org and bool(self.derived.text())),
                                (self.ethnicity, not org),
                                (self.credit_code, org), (self.legal_rep, org)):
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label:
                label.setVisible(visible)
        self._show_no_id_fields()
        self.changed.emit()

    def _checked_fields(self) -> list[Field]:
        return [self.name, self.phone] + ([self.credit_code, self.legal_rep] if self.is_org() else [self.id_number])

    def is_valid(self) -> bool:
        return all(f.is_valid() for f in self._checked_fields())

    def reveal_errors(self) -> bool:
        """Every wrong field of this party says so (not only those already left); True if none is."""
        return all([f.reveal() for f in self._checked_fields()])

    def value(self) -> PartyInput:
        org = self.is_org()
        return PartyInput(name=self.name.text(), role=self.role.currentData(), kind=self.kind.currentData(),
                          id_number=None if org else (self.id_number.text() or None),
                          credit_code=(self.credit_code.text() or None) if org else None,
                          legal_representative=(self.legal_rep.text() or None) if org else None,
                          phone=self.phone.text() or None, address=self.address.text() or None,
                          ethnicity=None if org else (self.ethnicity.text() or None),
                          occupation=self.occupation.text() or None,
                          gender=None if org or self.id_number.text() else self.gender.currentData(),
                          birth_date=None if org or self.id_number.text() else self.birth_date(),
                          id=self.party_id, **self.kept)

    KEPT = ("legal_representative_title", "agent_name", "agent_id_number", "agent_phone", "agent_authority")

    def load(self, party) -> None:
        """Show a party of the case (a ``PartyView``) for editing."""
        self.party_id = party.id
        self.kept = {k: getattr(party, k) for k in self.KEPT}
        for box, value in ((self.role, party.role), (self.kind, party.kind)):
            idx = box.findData(value)
            if idx >= 0:
                box.setCurrentIndex(idx)
        for field, value in ((self.name, party.name), (self.id_number, party.id_number),
                             (self.credit_code, party.credit_code), (self.legal_rep, party.legal_representative),
                             (self.phone, party.phone), (self.address, party.address),
                             (self.ethnicity, party.ethnicity), (self.occupation, party.occupation)):
            field.setText(value or "")
        if not party.id_number:
            self.gender.setCurrentIndex(max(self.gender.findData(party.gender), 0))
            if party.birth_date:
                self.birth.setDate(QDate(party.birth_date))

    TEXT_FIELDS = ("name", "id_number", "credit_code", "legal_rep", "phone", "address", "ethnicity", "occupation")

    def draft_state(self) -> dict:
        state = {f: getattr(self, f).edit.text() for f in self.TEXT_FIELDS}
        birth = self.birth_date()
        state.update(role=self.role.currentData(), kind=self.kind.currentData(), gender=self.gender.currentData(),
                     birth_date=birth.isoformat() if birth else None)
        return state

    def restore_state(self, state: dict) -> None:
        for box, key in ((self.role, "role"), (self.kind, "kind")):
            idx = box.findData(state.get(key))
            if idx >= 0:
                box.setCurrentIndex(idx)
        for f in self.TEXT_FIELDS:
            if state.get(f):
                getattr(self, f).setText(state[f])
        if state.get("gender"):
            self.gender.setCurrentIndex(max(self.gender.findData(state["gender"]), 0))
        if state.get("birth_date"):
            self.birth.setDate(QDate.fromString(state["birth_date"], "yyyy-MM-dd"))

    def fill_from_card(self, card) -> None:
        """A resident ID card just read: a person with the card's name, number (which gives gender,
        birth date and age), ethnicity and address. The photo is not taken."""
        self.kind.setCurrentIndex(max(self.kind.findData(PartyKind.PERSON.value), 0))
        self.name.setText(card.name)
        self.id_number.setText(card.id_number)
        plain = card.ethnicity in ("其他", "外国血统中国籍人士") or card.ethnicity.endswith("族")
        self.ethnicity.setText(card.ethnicity if plain else card.ethnicity + "族")
        self.address.setText(card.address)

    def field_for(self, name: str) -> Field | None:
        return {"name": self.name, "id_number": self.id_number, "credit_code": self.credit_code,
                "legal_representative": self.legal_rep, "phone": self.phone, "address": self.address,
                "gender": self.id_number, "birth_date": self.id_number}.get(name)  # both follow the ID number


def place_party_errors(editors: list[PartyEditor], errors) -> list:
    """Show each error the service found on a party's field (``parties[1].phone``) on that field;
    the errors that name no party field are returned, for the form's own error line."""
    rest = []
    for e in errors:
        if e.path.startswith("parties["):
            idx = int(e.path[8:e.path.index("]")])
            field = editors[idx].field_for(e.path.split(".")[-1]) if idx < len(editors) else None
            if field:
                field.show_error(e.message)
                continue
        rest.append(e)
    return rest
