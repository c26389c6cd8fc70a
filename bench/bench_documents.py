"""Documents benchmark: our ReportLab agreement and a 30-page dossier, side by side
with the route many stations use today: a .docx template filled in (python-docx), then
`libreoffice --headless --convert-to pdf`. Same data, one run.
Run: python -m bench.bench_documents   (needs libreoffice-writer; results in bench/RESULTS.md)
"""
from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import bench_env, rss_mb, write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fill_docx(path: Path, station: dict, case: dict, ag: dict) -> None:
    """The agreement as a station's Word template would have it, filled by code."""
    from docx import Document
    from docx.shared import Pt

    from suyuan_desktop.core.domain.money import amount_in_words, format_amount
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "AR PL UMing CN"
    style.font.size = Pt(12)
    doc.add_heading("人民调解协议书", level=1)
    doc.add_paragraph(f"编号：{ag['number']}")
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for p in case["parties"]:
        for k, v in (("当事人", p["name"]), ("身份证号码", p.get("id_number") or ""), ("联系方式", p.get("phone") or ""),
                     ("住址", p.get("address") or "")):
            row = table.add_row().cells
            row[0].text, row[1].text = k, v
    doc.add_paragraph("纠纷主要事实、争议事项")
    doc.add_paragraph(ag["facts_and_disputes"])
    doc.add_paragraph("经调解，自愿达成如下协议：")
    for cl in ag["clauses"]:
        text = f"{cl['position']}、{cl['text']}"
        if cl.get("amount"):
            text += f"（金额：人民币{format_amount(cl['amount'])}元，大写：人民币{amount_in_words(cl['amount'])}）"
        doc.add_paragraph(text)
    doc.add_paragraph(f"履行方式：{ag.get('performance_method') or ''}")
    doc.add_paragraph(f"本协议一式{ag['copies']}份，当事人、人民调解委员会各持一份。")
    for p in case["parties"]:
        doc.add_paragraph(f"当事人：{p['name']}（签名盖章或按指印）        年  月  日")
    doc.add_paragraph(f"{station['committee_name']}（印）")
    doc.save(path)


def main() -> None:
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    if not soffice:
        sys.exit("libreoffice is not installed: apt-get install libreoffice-writer-nogui")
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-docbench-"))
    bench_env()
    from suyuan_desktop.core.documents.layouts import select_data
    from suyuan_desktop.core.documents.render import load_template, render_document
    from suyuan_desktop.core.services import exchange
    from tests.helpers.builders import concluded_case, throwaway_station

    app, actor = throwaway_station(tmp)
    case_view = concluded_case(app, actor)
    case = exchange.export_cases(app, [case_view.id], include_files=False)["cases"][0]
    station = app.station().__dict__
    template = load_template("agreement")
    fonts = app.documents.fonts
    data = select_data("agreement", station, case, None, template)

    t = time.perf_counter()
    render_document("agreement", data, template, fonts, version=1)
    first_ms = (time.perf_counter() - t) * 1000
    ours = []
    for _ in range(30):
        t = time.perf_counter()
        pdf, _ = render_document("agreement", data, template, fonts, version=1)
        ours.append((time.perf_counter() - t) * 1000)

    # a 30-odd page dossier: a long case (12 parties, 40 clauses, long facts), rendered fresh each time
    parties = [{"name": f"当事人{i}", "role": "applicant" if i % 2 else "respondent", "phone": f"1390000{1000 + i}",
                "address": "河南省新乡市卫滨区平原镇东村1号"} for i in range(12)]
    clauses = [{"text": f"被申请人于2026年12月{1 + i % 28}日前向申请人支付第{i + 1}期款项，逾期按约定承担责任。", "amount": str(500 + i)}
               for i in range(40)]
    dossier_ms, dossier_pages = [], 0
    for _ in range(5):
        long_case = concluded_case(app, actor, parties=parties, clauses=clauses, facts_text="双方因合伙经营产生纠纷。" * 300)
        t = time.perf_counter()
        dossier = app.documents.dossier(actor, long_case.case_number)
        dossier_ms.append((time.perf_counter() - t) * 1000)
        dossier_pages = dossier.pages
    our_rss = rss_mb()
    our_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    lo_ms = []
    profile = tmp / "lo-profile"
    for i in range(6):  # the first run creates LibreOffice's profile; report the warm ones
        docx = tmp / f"agreement-{i}.docx"
        t = time.perf_counter()
        fill_docx(docx, station, case, data["target"])
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp), str(docx)], check=True, capture_output=True, timeout=180)
        elapsed = (time.perf_counter() - t) * 1000
        assert (tmp / f"agreement-{i}.pdf").exists()
        if i:
            lo_ms.append(elapsed)
    lo_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    app.close()
    shutil.rmtree(tmp, ignore_errors=True)

    med_ours, med_lo = statistics.median(ours), statistics.median(lo_ms)
    body = f"""
Same agreement data (2 parties, 3 clauses with amounts, signatures), one process, warm.

| route | median | p95 / max | peak memory |
|---|---|---|---|
| ReportLab (`render_document`, fonts registered, QR, page x/y) | {med_ours:.1f} ms | {sorted(ours)[int(len(ours) * 0.95) - 1]:.1f} ms | {our_peak:.0f} MB peak RSS of the whole bench process (fonts loaded: ~{our_rss:.0f} MB at the end) |
| .docx filled with python-docx + `libreoffice --headless --convert-to pdf` | {med_lo:,.0f} ms | {max(lo_ms):,.0f} ms | {lo_peak:.0f} MB (LibreOffice child) |
| **ratio** | **{med_lo / med_ours:.0f}× faster** | | |

| also measured | result |
|---|---|
| first agreement in a process (font registration included) | {first_ms:.0f} ms |
| dossier of {dossier_pages} pages (cover, contents with page numbers, every document rendered fresh, back cover) | median {statistics.median(dossier_ms):.0f} ms (n=5) |

Targets: ≥ 20× faster than the LibreOffice route; ≤ 50 ms warm per agreement.
"""
    write_section("Documents: agreement and dossier vs .docx + LibreOffice", body)
    print(body)


if __name__ == "__main__":
    main()
