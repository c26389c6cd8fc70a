"""Render a document from its data; the verification payload; templates with district overrides."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from ..domain.canonical import canonical_json, sha256_hex
from .builder import PageInfo, build_pdf
from .fonts import FontSet
from .layouts import DOC_TYPES, LAYOUTS, Ctx

TEMPLATES = Path(__file__).with_name("templates")
PAYLOAD_PREFIX = "SUYUAN-DOC"


def load_template(doc_type: str, override_dir: Path | None = None) -> dict:
    """The shipped template, or the district's override when it carries a newer version."""
    shipped = tomllib.loads((TEMPLATES / f"{doc_type}.toml").read_text("utf-8"))
    if override_dir:
        path = Path(override_dir) / f"{doc_type}.toml"
        if path.exists():
            local = tomllib.loads(path.read_text("utf-8"))
            if str(local.get("version", "")) > str(shipped["version"]):
                return {**shipped, **local}
    return shipped


def data_hash(data: dict) -> str:
    return sha256_hex(canonical_json(data))


@dataclass(frozen=True)
class Payload:
    station_code: str
    case_number: str
    doc_type: str
    version: int
    template_version: str
    data_sha256: str

    def encode(self) -> str:
        return "|".join([PAYLOAD_PREFIX, self.station_code, self.case_number, self.doc_type, str(self.version),
                         self.template_version, self.data_sha256])

    @classmethod
    def decode(cls, text: str) -> "Payload | None":
        parts = (text or "").strip().split("|")
        if len(parts) != 7 or parts[0] != PAYLOAD_PREFIX:
            return None
        try:
            return cls(parts[1], parts[2], parts[3], int(parts[4]), parts[5], parts[6])
        except ValueError:
            return None


def render_document(doc_type: str, data: dict, template: dict, fonts: FontSet, *, version: int) -> tuple[bytes, Payload]:
    digest = data_hash(data)
    payload = Payload(data["station"]["code"], data["case"]["case_number"], doc_type, version, template["version"], digest)
    ctx = Ctx(data, fonts, template)
    story = LAYOUTS[doc_type](ctx)
    title = DOC_TYPES[doc_type].label if doc_type != "cover" else "卷宗封面"
    info = PageInfo(title=title, case_number=data["case"]["case_number"], committee=data["station"]["committee_name"],
                    qr_payload=payload.encode() if doc_type != "cover" else None,
                    metadata_subject=f"{data['case']['case_number']} {title} 第{version}版",
                    template_version=template["version"])
    return build_pdf(story, info, fonts), payload


@dataclass(frozen=True)
class ContentsItem:
    number: int
    title: str
    pages: str
    note: str


def render_contents(station: dict, case: dict, items: list[ContentsItem], template: dict, fonts: FontSet,
                    missing: list[str]) -> bytes:
    """卷内目录: 序号 | 文书名称 | 页号 | 备注, with the completeness check's findings."""
    ctx = Ctx({"station": station, "case": case, "parties": [], "mediators": []}, fonts, template)
    rows = [[ctx.p(h, ctx.s_cell, bold=True) for h in ("序号", "文书名称", "页号", "备注")]]
    for it in items:
        rows.append([ctx.p(str(it.number), ctx.s_cell), ctx.p(it.title, ctx.s_cell, "目录"),
                     ctx.p(it.pages, ctx.s_cell), ctx.p(it.note, ctx.s_cell, "备注")])
    table = Table(rows, colWidths=[14 * mm, 80 * mm, 24 * mm, None], repeatRows=1)
    table.setStyle(ctx.grid())
    story = ctx.title(template["title"], case["case_number"]) + [table]
    if missing:
        story += [Spacer(1, 5 * mm), ctx.head("卷宗完整性检查：缺少以下必备材料")]
        story += [ctx.p(f"· {m}", ctx.s_body, "缺项") for m in missing]
    info = PageInfo(title="卷内目录", case_number=case["case_number"], committee=station["committee_name"],
                    qr_payload=None, metadata_subject=f"{case['case_number']} 卷内目录", template_version=template["version"])
    return build_pdf(story, info, fonts)


def render_back_cover(station: dict, case: dict, template: dict, fonts: FontSet, total_pages: int) -> bytes:
    ctx = Ctx({"station": station, "case": case, "parties": [], "mediators": []}, fonts, template)
    story = [Spacer(1, 120 * mm), ctx.p("封  底", ctx.s_title), ctx.p(template["back_cover"].format(pages=total_pages), ctx.s_title),
             Spacer(1, 10 * mm), ctx.p("立卷人：              检查人：", ctx.s_body)]
    info = PageInfo(title="封底", case_number=case["case_number"], committee=station["committee_name"],
                    qr_payload=None, metadata_subject=f"{case['case_number']} 封底", template_version=template["version"])
    return build_pdf(story, info, fonts)


