"""Printed documents: what a reader, a court clerk and a verifier would check."""
from __future__ import annotations

import io
import re
import subprocess

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from suyuan_desktop.core.documents.fonts import MissingGlyph, default_fonts
from suyuan_desktop.core.domain.errors import ValidationError
from suyuan_desktop.core.services.inputs import OralAgreementInput
from tests.helpers.builders import ZHANG_ID, concluded_case, failed_case, intake_data, mediating_case, new_case


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_in_order(text: str, items: list[str]) -> None:
    flat, pos = squash(text), 0
    for item in items:
        found = flat.find(squash(item), pos)
        assert found >= 0, f"missing or out of order: {item!r}"
        pos = found + len(squash(item))


def png_pages(pdf: bytes, tmp_path, dpi=110) -> list[Image.Image]:
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(src), str(tmp_path / "pg")], check=True)
    return [Image.open(p).convert("L") for p in sorted(tmp_path.glob("pg-*.png"))]


@pytest.fixture
def concluded(station, admin):
    return concluded_case(station, admin)


EXPECTED = {
    "application": ["人民调解申请书", "申请人", "张三", ZHANG_ID, "被申请人", "李四", "纠纷简要情况", "当事人申请事项",
                    "自愿申请", "申请人", "2026年11月20日"],
    "registration": ["人民调解受理登记表", "编号", "2026年11月20日，本人民调解委员会经当事人同意，调解张三、李四之间的纠纷",
                     "纠纷类型", "邻里纠纷", "案件来源", "当事人申请", "纠纷简要情况", "当事人", "登记人", "平原镇人民调解委员会（印）",
                     "此表由人民调解委员会填写"],
    "notice": ["人民调解当事人权利义务告知书", "群众性组织", "不收取任何费用", "自愿、平等", "法律约束力", "三十日内",
               "选择或者接受人民调解员", "如实陈述纠纷事实", "本人已经知悉", "当事人", "张三", "李四"],
    "investigation": ["人民调解调查记录", "时间", "2026年11月20日", "地点", "调查人", "参加人", "被调查人", "李四", "记录",
                      "今年七月修院墙以后", "被调查人", "调查人", "记录人"],
    "session": ["人民调解记录", "时间", "地点", "事由", "当事人", "参加人", "告知当事人", "双方陈述事实", "调解结果",
                "宣读", "当事人", "人民调解员", "记录人"],
    "agreement": ["人民调解协议书", "编号", "（2026）平原人调字第0001号", "申请人", "张三", "男", "51岁", ZHANG_ID, "13800138000",
                  "被申请人", "李四", "纠纷主要事实、争议事项", "经调解，自愿达成如下协议", "一、李四于2026年12月10日前赔偿张三损失人民币12,005.00元",
                  "壹万贰仟零伍元整", "二、", "三、", "履行协议的方式、地点、期限", "一次性现金支付", "2026年12月10日前",
                  "本协议一式3份，当事人、人民调解委员会各持一份", "当事人", "签名盖章或按指印", "人民调解员", "王建国", "记录人", "刘记录",
                  "平原镇人民调解委员会（印）", "二〇二六年十一月二十二日"],
    "judicial_confirmation": ["司法确认申请书", "申请人", "张三", "请求事项", "2026年11月22日", "有效", "事实和理由",
                              "壹万贰仟零伍元整", "真实意思表示", "第三十三条", "申请人承诺", "恶意串通", "此致",
                              "新乡市卫滨区人民法院", "附", "人民调解协议书", "申请人"],
    "follow_up": ["人民调解回访记录", "当事人（被回访人）", "张三", "调解协议编号", "（2026）平原人调字第0001号", "回访事由",
                  "回访方式", "履行情况", "部分履行", "回访情况", "6000", "回访日期", "2026年11月28日", "回访人", "王建国"],
    "cover": ["平原镇人民调解委员会", "调解卷宗", "卷名", "卷号", "（2026）平原人调字第0001号", "人民调解员", "调解日期",
              "立卷人", "立卷日期", "保管期限", "备注"],
}


@pytest.mark.parametrize("doc_type", list(EXPECTED))
def test_each_document_has_its_elements_in_order(station, admin, concluded, doc_type):
    view, pdf = station.documents.issue(admin, concluded.case_number, doc_type)
    text = text_of(pdf)
    assert_in_order(text, EXPECTED[doc_type])
    pages = PdfReader(io.BytesIO(pdf)).pages
    for i, page in enumerate(pages, start=1):
        page_text = squash(page.extract_text())
        assert squash(concluded.case_number) in page_text and f"第{i}页共{len(pages)}页" in page_text


def test_failed_case_documents(station, admin):
    case = failed_case(station, admin)
    _, facts = station.documents.issue(admin, case.case_number, "undisputed_facts")
    assert_in_order(text_of(facts), [
        "无争议事实记载书", "调解组织", "人民调解员", "王建国", "调解期间", "2026年11月20日至2026年11月26日", "申请人", "张三",
        "纠纷及各方主张", "越界建房", "无争议事实", "1.张三与李四的宅基地东西相邻", "确认人：张三、李四",
        "2.李四于2026年5月翻建房屋", "证据1", "确认人：张三、李四", "仍有争议的事项", "界址的具体位置", "调解不成的原因",
        "当事人同意", "无需另行举证", "国家利益", "身份关系", "当事人", "张三", "李四", "人民调解员", "（印）"])
    _, term = station.documents.issue(admin, case.case_number, "termination")
    assert_in_order(text_of(term), ["终止调解情况表", "当事人", "案由", "接受调解时间", "调解终止时间", "2026年11月26日",
                                    "案件过程", "终止原因", "双方分歧较大", "争议焦点", "界址", "无争议事实",
                                    "繁简分流建议", "仲裁、行政、司法"])


def test_oral_agreement_register(station, admin):
    case = mediating_case(station, admin)
    case = station.cases.conclude_with_oral_agreement(admin, case.id, OralAgreementInput(
        content="李四当场赔偿张三300元并道歉", facts_and_disputes="口角引发推搡", agreed_date="2026-11-21", amount="300"))
    _, pdf = station.documents.issue(admin, case.case_number, "oral_agreement")
    assert_in_order(text_of(pdf), ["人民调解口头协议登记表", "编号", "张三", "李四", "纠纷简要情况", "口头协议内容", "当场赔偿",
                                   "涉及金额", "叁佰元整", "履行方式、时限", "协议达成日期", "第三十条", "人民调解员",
                                   "记录人", "登记日期"])


def test_every_font_is_embedded_and_text_is_real_chinese(station, admin, concluded):
    _, pdf = station.documents.issue(admin, concluded.case_number, "agreement")
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for _name, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for base, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        desc = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in desc, f"{base} is not embedded"
        assert re.match(r"/[A-Z]{6}\+", str(base)), f"{base} is not a subset"
    assert "人民调解协议书" in text_of(pdf) and "张三" in text_of(pdf)


def test_qr_code_decodes_to_the_verification_payload(station, admin, concluded, tmp_path):
    view, pdf = station.documents.issue(admin, concluded.case_number, "agreement")
    first = png_pages(pdf, tmp_path, dpi=150)[0]
    codes = zxingcpp.read_barcodes(first)
    assert [c.text for c in codes] == [view.payload]
    station_code, number, doc_type, version, _, digest = view.payload.split("|")[1:]
    assert (station_code, number, doc_type, version) == ("410703001", concluded.case_number, "agreement", "1")
    assert digest == view.data_hash
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta["/Title"] == "人民调解协议书" and concluded.case_number in meta["/Subject"] and "2026.1" in meta["/Creator"]


def test_every_page_renders_with_ink(station, admin, concluded, tmp_path):
    dossier = station.documents.dossier(admin, concluded.case_number)
    pages = png_pages(dossier.pdf, tmp_path, dpi=40)
    assert len(pages) == dossier.pages >= 9
    for i, img in enumerate(pages, start=1):
        dark = sum(img.histogram()[:128])
        assert dark > 50, f"page {i} is blank"


def test_long_content_flows_over_pages(station, admin):
    parties = [{"name": f"张{'三四五六七八九十'[i % 8]}{i}", "role": "applicant" if i % 2 else "respondent",
                "id_number": ZHANG_ID if i == 0 else None, "phone": f"1380013{8000 + i}"} for i in range(20)]
    parties[0]["id_number"] = ZHANG_ID
    clauses = [{"text": f"第{i + 1}项：被申请人向申请人支付款项，并按约定的方式履行相应义务。", "amount": str(100 + i)} for i in range(60)]
    facts = "纠纷事实。" * 1000
    case = concluded_case(station, admin, parties=parties, clauses=clauses, facts_text=facts[:5000])
    _, pdf = station.documents.issue(admin, case.case_number, "agreement")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 8
    text = text_of(pdf)
    assert "六十、第60项" in squash(text) and "张六19" in squash(text)
    for i, page in enumerate(reader.pages, start=1):
        assert f"第{i}页共{len(reader.pages)}页" in squash(page.extract_text())


def test_rare_name_characters_print_through_the_fallback_font(station, admin):
    data = intake_data()
    data["parties"][0]["name"] = "吉𠮷堃"
    data["parties"][1]["name"] = "王䶮赟"
    from suyuan_desktop.core.services.inputs import CaseIntake
    case = station.cases.intake(admin, CaseIntake(**data))
    _, pdf = station.documents.issue(admin, case.case_number, "application")
    text = text_of(pdf)
    assert "吉𠮷堃" in text and "王䶮赟" in text
    fonts = {str(f.get_object()["/BaseFont"]) for p in PdfReader(io.BytesIO(pdf)).pages
             for f in p["/Resources"]["/Font"].values()}
    assert any("WenKai" in f for f in fonts)  # 𠮷 came from the fallback


def test_a_character_no_font_has_stops_issuing_and_names_it(station, admin):
    ch = "\U0002EBF0"  # CJK Extension I: in none of the shipped fonts
    assert all(ord(ch) not in default_fonts()._cmaps[f] for f in default_fonts().chain)
    data = intake_data()
    data["parties"][0]["name"] = f"张{ch}"
    from suyuan_desktop.core.services.inputs import CaseIntake
    case = station.cases.intake(admin, CaseIntake(**data))
    with pytest.raises(MissingGlyph) as exc:
        station.documents.issue(admin, case.case_number, "application")
    assert ch in exc.value.message and "U+2EBF0" in exc.value.message
    assert station.documents.history(case.case_number) == []


def test_chinese_punctuation_never_starts_a_line():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    fonts = default_fonts()
    style = ParagraphStyle("t", fontName=fonts.body, fontSize=12, leading=18, wordWrap="CJK")
    text = "调解员向双方当事人说明了权利义务，" * 40 + "双方同意调解。" * 30 + "经协商；" * 50
    checked = 0
    for width in range(120, 420, 7):
        para = Paragraph(fonts.markup(text, "t"), style)
        para.wrap(width, 10000)
        for line in para.blPara.lines[1:]:  # CJK wrap: (extra space, [text fragments])
            first = "".join(line[1])[:1]
            assert first and first not in "，。、；：！？）》」』】", (width, first)
            checked += 1
    assert checked > 1000


class TestImmutabilityAndVerification:
    def test_printing_again_gives_the_stored_file(self, station, admin, concluded):
        v1, pdf1 = station.documents.issue(admin, concluded.case_number, "agreement")
        from suyuan_desktop.core.services.inputs import FollowUpInput
        station.cases.record_follow_up(admin, concluded.id, FollowUpInput(  # an unrelated change to the case
            visited="李四", performance_status="partial", notes="再次回访", visitor="王建国"))
        v2, pdf2 = station.documents.issue(admin, concluded.case_number, "agreement")
        assert pdf1 == pdf2 and v2.reused and v2.doc_version == 1

    def test_an_addendum_is_a_new_version_and_the_old_one_stays_genuine(self, station, admin):
        from suyuan_desktop.core.services.inputs import AgreementInput
        case = mediating_case(station, admin)
        from tests.helpers.builders import sign_all
        case = station.cases.save_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="x", clauses=[{"text": "李四赔偿张三500元", "amount": "500"}], performance_method="现金",
            party_signatures=sign_all(case), mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
        _, original = station.documents.issue(admin, case.case_number, "agreement")
        case = station.cases.amend_agreement(admin, case.id, AgreementInput(
            facts_and_disputes="双方同意延期付款", clauses=[{"text": "付款期限延至2026年12月31日", "amount": "500"}],
            party_signatures=sign_all(case, "2026-11-25"), mediator_signed_date="2026-11-25", sealed_date="2026-11-25"))
        view, addendum = station.documents.issue(admin, case.case_number, "agreement")
        assert "人民调解补充协议书" in text_of(addendum) and "编号为（2026）平原人调字第0001号" in squash(text_of(addendum))
        assert station.documents.verify(original).status == "genuine"
        assert station.documents.verify(addendum).status == "genuine"

    def test_tampered_copy_is_altered_and_foreign_file_unknown(self, station, admin, concluded):
        _, pdf = station.documents.issue(admin, concluded.case_number, "agreement")
        tampered = bytearray(pdf)
        idx = pdf.find(b"stream") + 40
        tampered[idx] ^= 0x01
        verdict = station.documents.verify(bytes(tampered))
        assert verdict.status == "altered" and "不一致" in verdict.message
        from reportlab.pdfgen import canvas
        buf = io.BytesIO()
        canvas.Canvas(buf).save()
        assert station.documents.verify(buf.getvalue()).status == "unknown"

    def test_district_template_override_changes_wording_and_version(self, station, admin, concluded):
        (station.data_dir / "templates").mkdir()
        (station.data_dir / "templates" / "notice.toml").write_text(
            'version = "2027.1"\nacknowledgement = "以上告知内容，本人已阅读并理解。"\n', "utf-8")
        _, pdf = station.documents.issue(admin, concluded.case_number, "notice")
        assert "本人已阅读并理解" in text_of(pdf) and "2027.1" in PdfReader(io.BytesIO(pdf)).metadata["/Creator"]

    def test_documents_for_missing_records_are_explained(self, station, admin):
        case = mediating_case(station, admin)
        with pytest.raises(ValidationError) as exc:
            station.documents.issue(admin, case.case_number, "agreement")
        assert "还没有书面调解协议" in exc.value.message


def test_dossier_order_contents_and_completeness(station, admin, concluded):
    dossier = station.documents.dossier(admin, concluded.case_number)
    titles = [i.title for i in dossier.items]
    assert titles[:3] == ["人民调解申请书（必须）", "人民调解当事人权利义务告知书（必须）", "当事人身份证明（必须）"]
    order = ["调查记录", "人民调解记录", "人民调解协议书", "回访记录", "司法确认", "封底"]
    positions = [next(i for i, t in enumerate(titles) if key in t) for key in order]
    assert positions == sorted(positions)
    assert dossier.missing == ("当事人身份证明：尚未上传身份证明扫描件（附件类别“身份证明”，PDF）。",)
    reader = PdfReader(io.BytesIO(dossier.pdf))
    agreement_item = next(i for i in dossier.items if "协议书" in i.title)
    first_page = int(agreement_item.pages.split("-")[0])
    assert "人民调解协议书" in reader.pages[first_page - 1].extract_text()
    assert "缺少以下必备材料" in squash(reader.pages[1].extract_text())


def test_dossier_reports_progress_per_document_and_stops_when_asked(station, admin, concluded):
    seen = []
    station.documents.dossier(admin, concluded.case_number, progress=lambda pct, msg: seen.append((pct, msg)))
    assert [m for _, m in seen][:2] == ["人民调解申请书", "人民调解当事人权利义务告知书"]
    assert [p for p, _ in seen] == sorted(p for p, _ in seen) and seen[-1] == (97, "装订")
    issued_before = len(station.documents.history(concluded.case_number))

    class Stop(Exception):
        pass

    def stop_at_third(pct, msg):
        if len(calls) == 2:
            raise Stop()
        calls.append(msg)
    calls = []
    with pytest.raises(Stop):
        station.documents.dossier(admin, concluded.case_number, progress=stop_at_third)
    assert calls == ["人民调解申请书", "人民调解当事人权利义务告知书"]
    # unchanged documents are reused, never issued twice: stopping and starting again adds nothing
    assert len(station.documents.history(concluded.case_number)) == issued_before


def test_a_station_font_chosen_in_settings_is_used_and_a_bad_one_is_refused(station, admin, tmp_path):
    from suyuan_desktop.core.domain.errors import ValidationError
    from suyuan_desktop.core.resources import resources_dir
    bogus = tmp_path / "仿宋.ttf"
    bogus.write_bytes(b"not a font")
    with pytest.raises(ValidationError) as err:
        station.computer.save(body_font=str(bogus))
    assert err.value.errors[0].label == "正文字体" and "无法嵌入" in err.value.errors[0].message
    with pytest.raises(ValidationError, match="找不到字体文件"):
        station.computer.save(title_font=str(tmp_path / "missing.ttf"))
    assert station.computer.settings() == {}  # nothing half-saved
    # a station's own font (here the shipped 霞鹜文楷 stands in for a licensed 仿宋)
    kai = resources_dir() / "fonts" / "LXGWWenKai-Regular.ttf"
    station.computer.save(body_font=str(kai), printer="HP-LaserJet-调解室")
    assert station.computer.settings() == {"body_font": str(kai), "title_font": None, "printer": "HP-LaserJet-调解室",
                                        "kiosk": False, "idle_minutes": 10.0, "language": "zh_CN"}
    case = new_case(station, admin)
    _, pdf = station.documents.issue(admin, case.case_number, "application")
    fonts = {str(f.get_object()["/BaseFont"]) for p in PdfReader(io.BytesIO(pdf)).pages
             for f in p["/Resources"]["/Font"].values()}
    assert any("WenKai" in f for f in fonts) and not any("UMing" in f or "SY-Ming" in f for f in fonts)
