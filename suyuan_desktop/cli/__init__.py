"""`suyuan`: the station's command line for support staff and scripts.

Messages are Chinese. Exit code 0 on success; on failure a one-line reason on stderr and a
non-zero code (1 bad input or refused, 2 usage, 3 environment such as the keyring; `verify`:
4 altered, 5 unknown; `sync`: 6 district unreachable).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .. import __version__
from ..core.domain.enums import CaseSource, CaseStatus, DisputeType, Role
from ..core.domain.errors import SuyuanError, ValidationError
from ..core.security.keystore import KeyringUnavailable
from ..core.services import backup as backup_svc
from ..core.services import exchange
from ..core.services.demo import generate_demo
from ..core.services.inputs import CaseIntake, Collector, from_dict
from ..core.services.station import StationApp, StationSetup, default_data_dir
from ..core.services.cases import CaseFilter
from ..logsetup import configure_logging

from .common import (
    EXIT_ENV, EXIT_INPUT, EXIT_USAGE, CliError, _actor, _open, _read_json, _secret, _write_json,
)
from .devices import add_parsers as add_device_parsers
from .devices import write_court_package
from .sync import cmd_enroll, cmd_sync


def cmd_init(args) -> int:
    password = _secret(args, "admin_password", "SUYUAN_ADMIN_PASSWORD", "管理员密码：")
    app = StationApp.create(args.data_dir, StationSetup(
        code=args.code, name=args.name, township=args.township, short_name=args.short_name,
        committee_name=args.committee, address=args.address, phone=args.phone,
        case_number_template=args.template or StationSetup.case_number_template),
        admin_username=args.admin, admin_display_name=args.admin_name, admin_password=password)
    st = app.station()
    print(f"已创建站点：{st.name}（{st.code}），案号示例：{st.case_number_template.format(year=2026, short=st.short_name, code=st.code, seq=1)}")
    print(f"数据目录：{args.data_dir}；管理员账号：{args.admin}")
    app.close()
    return 0


def cmd_user_add(args) -> int:
    password = _secret(args, "password", "SUYUAN_USER_PASSWORD", "新账号密码：")
    with _open(args) as app:
        u = app.users.add_user(_actor(), username=args.username, display_name=args.name, role=args.role,
                               password=password, phone=args.phone)
    print(f"已添加账号 {u.username}（{u.display_name}，{Role(u.role).label}）")
    return 0


def cmd_user_list(args) -> int:
    with _open(args) as app:
        for u in app.users.list_users():
            state = "启用" if u.active else "停用"
            print(f"{u.username}\t{u.display_name}\t{Role(u.role).label}\t{state}")
    return 0


def cmd_case_new(args) -> int:
    data = _read_json(args.file)
    col = Collector()
    intake = from_dict(CaseIntake, data, col)
    col.raise_if_any()
    with _open(args) as app:
        case = app.cases.intake(_actor(), intake)
    print(case.case_number)
    return 0


def cmd_case_list(args) -> int:
    statuses = tuple(CaseStatus.parse(s).value for s in args.status) if args.status else ()
    flt = CaseFilter(text=args.search or "", statuses=statuses,
                     dispute_types=tuple(DisputeType.parse(t).value for t in args.type or ()))
    with _open(args) as app:
        total = app.cases.count(flt)
        after, shown = None, 0
        while shown < args.limit:
            page = app.cases.search(flt, after=after, limit=min(500, args.limit - shown))
            for c in page.items:
                print(f"{c.case_number}\t{c.received_date}\t{CaseStatus(c.status).label}\t"
                      f"{DisputeType(c.dispute_type).label}\t{'、'.join(c.party_names)}\t{c.title}")
            shown += len(page.items)
            if page.next_after is None:
                break
            after = page.next_after
    print(f"共 {total} 件" + (f"，显示 {shown} 件" if shown < total else ""), file=sys.stderr)
    return 0


def cmd_case_show(args) -> int:
    with _open(args) as app:
        if args.json:
            _write_json(exchange.export_cases(app, [args.case], include_files=False), None)
            return 0
        c = app.cases.get(args.case)
        print(f"{c.case_number}  {c.title}")
        print(f"状态：{CaseStatus(c.status).label}    类型：{DisputeType(c.dispute_type).label}    来源：{CaseSource(c.source).label}")
        print(f"收案日期：{c.received_date}    登记人：{c.registered_by or ''}")
        print(f"纠纷简要情况：{c.summary}")
        for p in c.parties:
            extra = "，".join(x for x in (p.gender, f"{p.age}岁" if p.age is not None else None, p.phone) if x)
            print(f"  当事人{p.position}：{p.name}（{extra}）")
        for h in c.history:
            print(f"  {h.changed_at:%Y-%m-%d %H:%M}  {CaseStatus(h.to_status).label}  {h.note or ''}")
        ag = c.effective_agreement
        if ag:
            print(f"协议：{ag.number}，生效日期 {ag.effective_date}" +
                  (f"，司法确认申请截止 {ag.confirmation_deadline}" if ag.confirmation_deadline else ""))
        print("可进行：" + ("、".join(CaseStatus(s).label for s in c.allowed_statuses) or "无"))
    return 0


def cmd_case_suspend(args) -> int:
    with _open(args) as app:
        c = app.cases.suspend(_actor(), args.case, args.reason)
    print(f"{c.case_number} 已中止调解（{args.reason.strip()}）；恢复时运行 suyuan case resume {c.case_number}")
    return 0


def cmd_case_resume(args) -> int:
    with _open(args) as app:
        c = app.cases.resume(_actor(), args.case)
    print(f"{c.case_number} 已恢复调解")
    return 0


def cmd_case_export(args) -> int:
    with _open(args) as app:
        doc = exchange.export_cases(app, args.cases or None, include_files=not args.no_files)
    _write_json(doc, args.output)
    if args.output and args.output != "-":
        print(f"已导出 {len(doc['cases'])} 件案件到 {args.output}", file=sys.stderr)
    return 0


def cmd_case_import(args) -> int:
    doc = _read_json(args.file)
    with _open(args) as app:
        try:
            result = exchange.import_cases(app, _actor(), doc)
        except ValidationError as exc:
            print(f"导入失败，共 {len(exc.errors)} 处错误，未导入任何案件：", file=sys.stderr)
            for e in exc.errors[:200]:
                print(f"  {e.path}：{e.label} {e.message}", file=sys.stderr)
            if len(exc.errors) > 200:
                print(f"  ……另有 {len(exc.errors) - 200} 处", file=sys.stderr)
            return EXIT_INPUT
    print(f"已导入 {result.cases} 件案件")
    return 0


def cmd_demo(args) -> int:
    with _open(args) as app:
        def progress(done, total):
            if sys.stderr.isatty():
                print(f"\r已生成 {done}/{total}", end="", file=sys.stderr, flush=True)
        n = generate_demo(app, _actor(), args.cases, seed=args.seed, progress=progress,
                          parties_per_case=args.parties_per_case)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"已生成 {n} 件演示案件")
    return 0


def cmd_backup(args) -> int:
    passphrase = _secret(args, "passphrase", "SUYUAN_BACKUP_PASSPHRASE", "备份口令：")
    with _open(args) as app:
        report = backup_svc.backup(app, Path(args.output), passphrase)
    print(f"备份完成并已校验：{report.path}（案件 {report.tables.get('cases', 0)} 件，附件 {report.attachments} 个，"
          f"审计记录 {report.audit_entries} 条）")
    return 0


def cmd_restore(args) -> int:
    passphrase = _secret(args, "passphrase", "SUYUAN_BACKUP_PASSPHRASE", "备份口令：")
    app = backup_svc.restore(Path(args.file), args.data_dir, passphrase)
    count = app.cases.count()
    app.close()
    print(f"已从备份恢复到 {args.data_dir}（案件 {count} 件）")
    return 0


def cmd_audit_verify(args) -> int:
    with _open(args) as app:
        report = app.verify_audit()
    if report.ok:
        print(f"审计日志完整：共 {report.entries} 条，末条哈希 {report.head_hash}")
        return 0
    for p in report.problems:
        print(p, file=sys.stderr)
    raise CliError(f"审计日志校验失败：发现 {len(report.problems)} 处问题（见上）。")


def cmd_print(args) -> int:
    doc_type = args.type.replace("-", "_")
    with _open(args) as app:
        if doc_type == "dossier":
            dossier = app.documents.dossier(_actor(), args.case)
            Path(args.output).write_bytes(dossier.pdf)
            print(f"已生成卷宗 {args.output}（共 {dossier.pages} 页）")
            for m in dossier.missing:
                print(f"缺少必备材料：{m}", file=sys.stderr)
            return 0
        if doc_type == "court_package":
            return write_court_package(app, args)
        view, pdf = app.documents.issue(_actor(), args.case, doc_type, args.record)
    Path(args.output).write_bytes(pdf)
    how = "已出具过，按存档原件重新打印" if view.reused else "已出具并存档"
    print(f"{how}：{args.output}（第{view.doc_version}版，{view.pages}页，SHA-256 {view.pdf_sha256[:16]}…）")
    return 0


def cmd_verify(args) -> int:
    try:
        raw = Path(args.file).read_bytes()
    except FileNotFoundError:
        raise CliError(f"找不到文件 {args.file}。") from None
    with _open(args) as app:
        is_manifest = args.file.lower().endswith(".json")
        verdict = app.documents.verify_manifest(raw) if is_manifest else app.documents.verify(raw)
    if verdict.status == "genuine":
        print(verdict.message)
        return 0
    print(verdict.message, file=sys.stderr)
    return 4 if verdict.status == "altered" else 5


def cmd_deadlines(args) -> int:
    with _open(args) as app:
        for d in app.cases.deadlines(horizon_days=args.days):
            when = "已逾期" if d.days_left < 0 else ("今天到期" if d.days_left == 0 else f"还剩{d.days_left}天")
            print(f"{d.due}\t{when}\t{d.label}\t{d.case_number}\t{d.title}")
    return 0


def cmd_screening(args) -> int:
    from ..core.services.screening import ScreeningInput
    with _open(args) as app:
        if args.screening_cmd == "add":
            row = app.screening.record(_actor(), ScreeningInput(
                screened_on=args.date, place=args.place, screeners=args.by, disputes_found=args.found,
                disputes_prevented=args.prevented, notes=args.notes))
            print(f"已登记排查：{row.screened_on.isoformat()} {row.place}，发现纠纷 {row.disputes_found} 件，"
                  f"预防纠纷 {row.disputes_prevented} 件。")
        else:
            for row in app.screening.list():
                print(f"{row.screened_on.isoformat()}\t{row.place}\t{row.screeners}\t发现{row.disputes_found}\t"
                      f"预防{row.disputes_prevented}\t{row.notes or ''}")
    return 0


def cmd_stats(args) -> int:
    from ..core.domain.statistics import PeriodError, parse_period, text_lines
    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    output = args.output
    if output and output != "-" and not output.lower().endswith((".xlsx", ".pdf")):
        raise CliError(f"输出文件 {output}：请用 .xlsx（Excel 工作簿）或 .pdf（打印用报表）结尾，或用 - 输出文本。",
                       EXIT_USAGE)
    with _open(args) as app:
        result = app.stats.report(period, basis=args.basis, by=tuple(args.by or ("type", "source", "month")))
        if args.explain == "list":
            print("\n".join(result.references()))
            return 0
        if args.explain and args.explain.startswith("summary.screening."):
            try:
                result.cell(args.explain)
            except KeyError:
                raise CliError(f"没有“{args.explain}”这一格；全部格用 --explain list 列出。", EXIT_USAGE) from None
            column = args.explain.rsplit(".", 1)[1]
            p = {"current": period, "previous": period.previous(), "year_ago": period.year_ago()}.get(column, period)
            rows = app.screening.list(p.start, p.end)
            print(f"# {args.explain}：{len(rows)} 次排查（{p.label}）。")
            for row in rows:
                print(f"{row.screened_on.isoformat()}\t{row.place}\t{row.screeners}\t发现{row.disputes_found}\t"
                      f"预防{row.disputes_prevented}")
            return 0
        if args.explain:
            try:
                lines = app.stats.explain(result, args.explain)
            except KeyError:
                raise CliError(f"没有“{args.explain}”这一格。格的写法：表.项目.列，例如 summary.outcome.success.current、"
                               "type.02.received、month.2026-11.success；全部格用 --explain list 列出。",
                               EXIT_USAGE) from None
            print(f"# {args.explain}：{len(lines)} 件（{result.basis_label}，{period.label}）。仅供授权人员核对。")
            for line in lines:
                print("\t".join((line.case_number, DisputeType(line.dispute_type).label, CaseSource(line.source).label,
                                 CaseStatus(line.status).label, line.received_date.isoformat(),
                                 line.closed_date.isoformat() if line.closed_date else "")))
            return 0
        if output and output != "-":
            pdf = output.lower().endswith(".pdf")
            Path(output).write_bytes(app.stats.pdf(result) if pdf else app.stats.workbook(result))
            print(f"已写入 {output}（{period.label}，{result.basis_label}）。", file=sys.stderr)
            return 0
        print("\n".join(text_lines(result)))
    return 0


# --- parser ------------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2
        self.print_usage(sys.stderr)
        print(f"参数错误：{message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="suyuan", description="诉源站点命令行工具：建站、账号、案件、导入导出、备份、审计")
    p.add_argument("--data-dir", type=Path, default=None, help="站点数据目录（默认：用户数据目录，或 SUYUAN_DATA_DIR）")
    p.add_argument("-v", "--verbose", action="store_true", help="输出调试日志（不含个人信息）")
    p.add_argument("--version", action="version", version=f"suyuan {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    s = sub.add_parser("init", help="创建站点和第一个管理员账号")
    s.add_argument("--code", required=True, help="调委会代码（区中心分配）")
    s.add_argument("--name", required=True, help="站点名称")
    s.add_argument("--township", required=True, help="所属乡镇（街道）")
    s.add_argument("--short-name", required=True, help="案号中的简称，如“平原”")
    s.add_argument("--committee", help="调解委员会全称（默认：乡镇名+人民调解委员会）")
    s.add_argument("--address")
    s.add_argument("--phone")
    s.add_argument("--template", help="案号模板，默认（{year}）{short}人调字第{seq:04d}号")
    s.add_argument("--admin", required=True, help="管理员登录名")
    s.add_argument("--admin-name", required=True, help="管理员姓名")
    s.add_argument("--admin-password", help="管理员密码（建议改用环境变量 SUYUAN_ADMIN_PASSWORD）")
    s.set_defaults(func=cmd_init)

    u = sub.add_parser("user", help="账号管理").add_subparsers(dest="user_cmd", required=True, parser_class=_Parser)
    s = u.add_parser("add", help="添加账号")
    s.add_argument("username")
    s.add_argument("--name", required=True)
    s.add_argument("--role", default="mediator", choices=[r.value for r in Role])
    s.add_argument("--phone")
    s.add_argument("--password", help="密码（建议改用环境变量 SUYUAN_USER_PASSWORD）")
    s.set_defaults(func=cmd_user_add)
    u.add_parser("list", help="列出账号").set_defaults(func=cmd_user_list)

    c = sub.add_parser("case", help="案件").add_subparsers(dest="case_cmd", required=True, parser_class=_Parser)
    s = c.add_parser("new", help="从 JSON 登记一件新案件（字段见 docs/case-format.md）")
    s.add_argument("file", help="JSON 文件，- 表示标准输入")
    s.set_defaults(func=cmd_case_new)
    s = c.add_parser("list", help="列出或搜索案件")
    s.add_argument("--search", "-s", help="当事人姓名、身份证号、电话或案号")
    s.add_argument("--status", action="append", help="状态代码或名称，可重复")
    s.add_argument("--type", action="append", help="纠纷类型代码或名称，可重复")
    s.add_argument("--limit", type=int, default=100000)
    s.set_defaults(func=cmd_case_list)
    s = c.add_parser("show", help="显示一件案件")
    s.add_argument("case", help="案号或案件编号")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_case_show)
    s = c.add_parser("suspend", help="中止调解（如当事人住院、外出务工），之后可恢复")
    s.add_argument("case", help="案号或案件编号")
    s.add_argument("--reason", required=True, help="中止原因")
    s.set_defaults(func=cmd_case_suspend)
    s = c.add_parser("resume", help="恢复已中止的调解")
    s.add_argument("case", help="案号或案件编号")
    s.set_defaults(func=cmd_case_resume)
    s = c.add_parser("export", help="导出案件（完整 JSON）")
    s.add_argument("cases", nargs="*", help="案号；不填则导出全部")
    s.add_argument("-o", "--output", help="输出文件，默认标准输出")
    s.add_argument("--no-files", action="store_true", help="不包含附件内容")
    s.set_defaults(func=cmd_case_export)
    s = c.add_parser("import", help="导入案件（全部成功或全部不导入）")
    s.add_argument("file")
    s.set_defaults(func=cmd_case_import)

    s = sub.add_parser("demo", help="生成演示案件")
    s.add_argument("--cases", type=int, default=200)
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument("--parties-per-case", type=float, help="每案平均当事人数（2-4，默认约2.25）")
    s.set_defaults(func=cmd_demo)

    s = sub.add_parser("backup", help="加密备份并校验")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--passphrase", help="备份口令（建议改用环境变量 SUYUAN_BACKUP_PASSPHRASE）")
    s.set_defaults(func=cmd_backup)
    s = sub.add_parser("restore", help="从加密备份恢复到新的数据目录")
    s.add_argument("file")
    s.add_argument("--passphrase")
    s.set_defaults(func=cmd_restore)

    a = sub.add_parser("audit", help="审计日志").add_subparsers(dest="audit_cmd", required=True, parser_class=_Parser)
    a.add_parser("verify", help="校验审计日志哈希链").set_defaults(func=cmd_audit_verify)

    from ..core.documents.types import DOC_TYPES
    types = [t.replace("_", "-") for t in DOC_TYPES] + ["dossier"]
    s = sub.add_parser("print", help="出具文书（PDF），或生成整本卷宗")
    s.add_argument("type", choices=types, metavar="TYPE", help="文书类型：" + "、".join(types))
    s.add_argument("case", help="案号或案件编号")
    s.add_argument("-o", "--output", required=True, help="输出的 PDF 文件（court-package：PDF 文件或文件夹，另写同名 .json 清单）")
    s.add_argument("--record", help="针对某一条记录（调解记录、协议、回访等）的编号；默认取最新一条")
    s.set_defaults(func=cmd_print)
    s = sub.add_parser("verify", help="核验一份文书 PDF（或诉调对接材料的 .json 清单）是否为本站出具的原件")
    s.add_argument("file")
    s.set_defaults(func=cmd_verify)

    s = sub.add_parser("deadlines", help="即将到期的期限")
    s.add_argument("--days", type=int, default=30)
    s.set_defaults(func=cmd_deadlines)

    s = sub.add_parser("screening", help="矛盾纠纷排查记录：add 登记一次排查，list 列出")
    s.add_argument("screening_cmd", choices=["add", "list"])
    s.add_argument("--date", help="排查日期（默认今天），如 2026-11-28")
    s.add_argument("--place", help="排查地点：村、社区或单位")
    s.add_argument("--by", help="排查人")
    s.add_argument("--found", default="0", help="发现纠纷件数")
    s.add_argument("--prevented", default="0", help="预防纠纷件数")
    s.add_argument("--notes", help="情况说明")
    s.set_defaults(func=cmd_screening)

    s = sub.add_parser("stats", help="统计：受理方式、调解结果、金额、司法确认、履行、时效，含环比和同比")
    s.add_argument("--period", required=True, help="2026Q4（季度）、2026-11（月）、2026（年）或 2026-10-01:2026-12-31")
    s.add_argument("--basis", choices=["received", "closed"], default="received",
                   help="received：按收案日期（默认）；closed：按结案日期")
    s.add_argument("--by", action="append", choices=["type", "source", "month"],
                   help="分组表（可重复；默认三种都列）")
    s.add_argument("-o", "--output", help="写入 Excel 文件（.xlsx）或 PDF 报表（.pdf）；省略或 - 为制表符分隔的文本")
    s.add_argument("--explain", metavar="CELL", help="列出一格背后的案件，如 summary.outcome.success.current")
    s.set_defaults(func=cmd_stats)

    add_device_parsers(sub)

    s = sub.add_parser("enroll", help="用区中心签发的一次性注册码注册本站")
    s.add_argument("url", help="区中心地址，如 https://tiaojie.weibin.gov.cn")
    s.add_argument("ticket", help="一次性注册码")
    s.add_argument("--device-name", help="设备名称（默认：计算机名）")
    s.add_argument("--ca-bundle", help="区中心内部 CA 证书文件（PEM）")
    s.set_defaults(func=cmd_enroll)
    s = sub.add_parser("sync", help="与区中心同步；sync status 查看状态；sync export 导出未同步变更")
    s.add_argument("sync_cmd", nargs="?", choices=["run", "status", "export", "conflicts"], default="run")
    s.add_argument("file", nargs="?", help="sync export 的输出文件")
    s.add_argument("--server", help="区中心地址（已注册时可省略）")
    s.set_defaults(func=cmd_sync)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.data_dir = args.data_dir or default_data_dir()
    configure_logging(args.data_dir, verbose=args.verbose)
    try:
        return args.func(args)
    except CliError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.code
    except KeyringUnavailable as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_ENV
    except ValidationError as exc:
        more = f"（另有{len(exc.errors) - 1}处错误）" if len(exc.errors) > 1 else ""
        print(f"错误：{exc.errors[0].describe()}{more}", file=sys.stderr)
        return EXIT_INPUT
    except SuyuanError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # e.g. `suyuan case list | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last resort: one line, details in the log
        logging.getLogger(__name__).exception("unexpected error")
        print(f"错误：程序内部错误（{type(exc).__name__}），详情已写入日志，请联系技术支持。", file=sys.stderr)
        return 70

