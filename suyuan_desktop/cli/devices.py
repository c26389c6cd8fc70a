"""``suyuan print court-package`` and ``suyuan idcard``: the court hand-off package's files, and
this computer's ID card reader (docs/court-package.md, docs/idcard-reader.md)."""
from __future__ import annotations

from pathlib import Path

from ..core.domain.idcard import mask_id_number
from .common import _actor, _open


def write_court_package(app, args) -> int:
    """诉调对接材料: the PDF and its manifest (JSON), into a folder or next to the named PDF."""
    package = app.documents.court_package(_actor(), args.case)
    out = Path(args.output)
    if out.is_dir() or not out.suffix:
        out.mkdir(parents=True, exist_ok=True)
        out = out / f"{package.manifest['case_number']}诉调对接材料.pdf"
    out.write_bytes(package.pdf)
    manifest = out.with_suffix(".json")
    manifest.write_bytes(package.manifest_bytes())
    print(f"已生成诉调对接材料：{out}（{package.view.pages}页）和清单 {manifest}；"
          f"SHA-256 {package.view.pdf_sha256[:16]}…，可用 suyuan verify 核验其中任一文件。")
    if package.returned:
        print("案件已转为“已退回法院”。")
    return 0


def cmd_idcard(args) -> int:
    with _open(args) as app:
        if args.idcard_cmd == "setup":
            conf = app.computer.save_idcard_reader(args.backend or "none", args.library, args.port)
            print(f"本机读卡器：{conf['backend']}" + (f"，动态库 {conf['library']}，端口 {conf['port']}"
                                                   if conf.get("library") else ""))
            return 0
        card = app.computer.read_id_card()
    # a check that the reader works: the name and the number partly hidden, as everywhere on screen
    print(f"读卡成功：{card.name[0]}{'*' * (len(card.name) - 1)}，{card.sex}，{card.ethnicity}族，"
          f"{mask_id_number(card.id_number)}，有效期至{card.valid_to or '长期'}。")
    return 0


def add_parsers(sub) -> None:
    s = sub.add_parser("idcard", help="身份证读卡器：setup 设置本机读卡器；read 读一张卡核对（号码部分隐藏）")
    s.add_argument("idcard_cmd", choices=["setup", "read"])
    s.add_argument("--backend", choices=["none", "termb", "sdtapi", "simulator"],
                   help="读卡器接口：termb（神思/华视）、sdtapi、simulator（演示）或 none")
    s.add_argument("--library", help="厂商动态库路径（termb.dll、sdtapi.dll 或 .so）")
    s.add_argument("--port", type=int, default=1001, help="端口（USB 读卡器一般为1001）")
    s.set_defaults(func=cmd_idcard)
