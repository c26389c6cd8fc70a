"""suyuan-server: run the district sync service and administer it.

    suyuan-server run --database-url URL --bind 127.0.0.1:8600
    suyuan-server station add CODE NAME
    suyuan-server enroll-ticket STATION
    suyuan-server device list | device revoke DEVICE_ID
    suyuan-server reference publish DATASET FILE.json
    suyuan-server case assign CASE_ID STATION
    suyuan-server case delegate STATION FILE.json
    suyuan-server conflicts [--all]

The database is PostgreSQL (postgresql://...) or, for a one-machine trial, SQLite (the default,
in the data directory). Settings come from options or SUYUAN_SERVER_DATABASE_URL / _BLOB_DIR.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from .service import ApiError, DistrictService, REFERENCE_DATASETS


def _default_dir() -> Path:
    from platformdirs import user_data_dir
    return Path(os.environ.get("SUYUAN_SERVER_HOME") or user_data_dir("suyuan-server", appauthor=False))


def _service(args) -> DistrictService:
    home = Path(args.data_dir) if args.data_dir else _default_dir()
    url = args.database_url or os.environ.get("SUYUAN_SERVER_DATABASE_URL")
    if not url:
        home.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{home / 'district.db'}"
    blob_dir = args.blob_dir or os.environ.get("SUYUAN_SERVER_BLOB_DIR") or home / "blobs"
    svc = DistrictService(url, blob_dir)
    svc.create_schema()
    return svc


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _is_loopback(host: str) -> bool:
    import ipaddress
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def cmd_run(args) -> int:
    import uvicorn
    from .app import create_app
    host, _, port = args.bind.rpartition(":")
    host = host or "127.0.0.1"
    if bool(args.tls_cert) != bool(args.tls_key):
        print("错误：--tls-cert 与 --tls-key 须同时给出。", file=sys.stderr)
        return 2
    tls = bool(args.tls_cert)
    if not tls and not _is_loopback(host) and not args.insecure_http_behind_tls_proxy:
        print(f"错误：监听 {host} 需要 HTTPS。请用 --tls-cert/--tls-key 提供证书；如果由反向代理（nginx 等）"
              "终止 HTTPS 并转发到本服务，请改为监听 127.0.0.1，或明确加上 --insecure-http-behind-tls-proxy"
              "（见 docs/deployment.md）。", file=sys.stderr)
        return 2
    svc = _service(args)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if args.insecure_http_behind_tls_proxy and not tls:
        logging.getLogger(__name__).warning(
            "serving plain HTTP on %s: a reverse proxy in front must terminate TLS (--insecure-http-behind-tls-proxy)", host)
    scheme = "https" if tls else "http"
    print(f"区中心同步服务已启动：{scheme}://{host}:{port}（数据库：{svc.dialect}）", flush=True)
    proxy = dict(proxy_headers=True, forwarded_allow_ips=args.forwarded_allow_ips) if args.forwarded_allow_ips else \
        dict(proxy_headers=False)
    uvicorn.run(create_app(svc, api_docs=args.api_docs), host=host, port=int(port), log_level="warning",
                ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key, timeout_keep_alive=30, **proxy)
    return 0


def cmd_init(args) -> int:
    svc = _service(args)
    print(f"区中心数据库就绪（{svc.dialect}），服务编号 {svc.meta('server_id')}")
    return 0


def cmd_station(args) -> int:
    svc = _service(args)
    if args.action == "add":
        svc.add_station(args.code, args.name or args.code)
        print(f"已登记调委会 {args.code}")
    else:
        for s in svc.list_stations():
            print(f"{s['code']}\t{s['name']}")
    return 0


def cmd_ticket(args) -> int:
    svc = _service(args)
    ticket = svc.issue_ticket(args.station, hours=args.hours)
    print(ticket)
    print(f"一次性注册码，{args.hours} 小时内有效；在站点电脑上运行：suyuan enroll <区中心地址> {ticket}", file=sys.stderr)
    return 0


def cmd_device(args) -> int:
    svc = _service(args)
    if args.action == "revoke":
        svc.revoke_device(args.device_id)
        print(f"已撤销设备 {args.device_id}；该设备的本地数据不受影响。")
    else:
        for d in svc.list_devices():
            state = "已撤销" if d["revoked_at"] else "正常"
            print(f"{d['id']}\t{d['station_code']}\t{d['name']}\t序号{d['last_applied_seq']}\t"
                  f"待传{d['outbox_depth'] if d['outbox_depth'] is not None else '-'}\t最近{d['last_seen_at']}\t{state}")
    return 0


def cmd_reference(args) -> int:
    svc = _service(args)
    data = json.loads(Path(args.file).read_text("utf-8"))
    etag = svc.publish_reference(args.dataset, data)
    print(f"已发布{REFERENCE_DATASETS[args.dataset]}，版本标识 {etag}")
    return 0


def cmd_user(args) -> int:
    """The console's people: add (with a role), passwd, disable. The password comes from
    SUYUAN_CONSOLE_PASSWORD or is asked for (never an argument: it would stay in the shell history)."""
    from .console.accounts import Accounts, ConsoleError
    accounts = Accounts(_service(args).engine)
    try:
        if args.action == "disable":
            accounts.disable(args.username)
            print(f"已停用 {args.username}，其登录已全部失效。")
            return 0
        password = os.environ.get("SUYUAN_CONSOLE_PASSWORD")
        if not password:
            import getpass
            password = getpass.getpass("密码（至少10位）：")
        if args.action == "add":
            accounts.add_user(args.username, args.name or args.username, args.role, password)
            print(f"已添加 {args.username}（{args.role}）。")
        else:
            accounts.set_password(args.username, password)
            print(f"已为 {args.username} 设置新密码，其登录已全部失效。")
    except ConsoleError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    return 0


def cmd_case(args) -> int:
    svc = _service(args)
    if args.action == "assign":
        n = svc.assign_case(args.case_id, args.station)
        print(f"案件已移交 {args.station}（{n} 条记录）")
    elif args.action == "delegate":
        spec = json.loads(Path(args.file).read_text("utf-8"))
        case_id = svc.create_case(args.station, spec["case"], spec.get("parties", []), spec.get("referral"))
        print(case_id)
    elif args.action == "void":
        svc.district_delete_case(args.case_id)
        print("案件已作废（保留全部记录）")
    return 0


def cmd_conflicts(args) -> int:
    svc = _service(args)
    _print_json([c.model_dump() for c in svc.list_conflicts(args.station, None if args.all else "open")])
    return 0


def cmd_report(args) -> int:
    """The district's figures across its stations (docs/statistics.md), as text, xlsx or PDF."""
    from suyuan_desktop.core.domain.clock import system
    from suyuan_desktop.core.domain.statistics import PeriodError, parse_period, text_lines
    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    out = args.output
    if out and out != "-" and not out.lower().endswith((".xlsx", ".pdf")):
        print(f"错误：输出文件 {out}：请用 .xlsx 或 .pdf 结尾，或用 - 输出文本。", file=sys.stderr)
        return 2
    svc = _service(args)
    stations = tuple(s for s in (args.stations or "").split(",") if s) or None
    known = svc.station_names()
    unknown = [s for s in stations or () if s not in known]
    if unknown:
        print(f"错误：区中心没有调委会 {'、'.join(unknown)}；已有：{'、'.join(sorted(known)) or '（无）'}。", file=sys.stderr)
        return 2
    result = svc.district_report(period, basis=args.basis, stations=stations, as_of=system().today())
    title = svc.district_name if not stations or len(stations) > 1 else known[stations[0]]
    if out and out.lower().endswith(".xlsx"):
        from suyuan_desktop.core.documents.statistics_xlsx import write_xlsx
        Path(out).write_bytes(write_xlsx(result, title))
    elif out and out.lower().endswith(".pdf"):
        from suyuan_desktop.core.documents.fonts import default_fonts
        from suyuan_desktop.core.documents.statistics_pdf import write_pdf
        Path(out).write_bytes(write_pdf(result, title, default_fonts(), system().today()))
    else:
        print("\n".join(text_lines(result, known)))
        return 0
    print(f"已写入 {out}（{period.label}，{result.basis_label}，{len(result.stations)} 个调委会）。", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="suyuan-server", description="诉源治理 区中心同步服务")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", help="postgresql://user@host/db 或 sqlite:///path（默认：数据目录中的 SQLite）")
    common.add_argument("--data-dir", help="数据目录（SQLite 数据库和附件）")
    common.add_argument("--blob-dir", help="附件存放目录")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", parents=[common], help="启动同步服务")
    r.add_argument("--bind", default="127.0.0.1:8600")
    r.add_argument("--tls-cert")
    r.add_argument("--tls-key")
    r.add_argument("--insecure-http-behind-tls-proxy", action="store_true",
                   help="在非本机地址上提供明文 HTTP：仅当前面的反向代理终止 HTTPS 时使用")
    r.add_argument("--forwarded-allow-ips", metavar="IPS",
                   help="信任这些代理地址发来的 X-Forwarded-For/-Proto（逗号分隔，如 127.0.0.1）")
    r.add_argument("--api-docs", action="store_true", help="提供 /openapi.json、/docs、/redoc（默认关闭）")
    r.set_defaults(fn=cmd_run)
    sub.add_parser("init", parents=[common], help="创建或升级数据库").set_defaults(fn=cmd_init)
    s = sub.add_parser("station", parents=[common], help="调委会")
    s.add_argument("action", choices=["add", "list"])
    s.add_argument("code", nargs="?")
    s.add_argument("name", nargs="?")
    s.set_defaults(fn=cmd_station)
    t = sub.add_parser("enroll-ticket", parents=[common], help="签发一次性注册码")
    t.add_argument("station")
    t.add_argument("--hours", type=int, default=72)
    t.set_defaults(fn=cmd_ticket)
    d = sub.add_parser("device", parents=[common], help="设备")
    d.add_argument("action", choices=["list", "revoke"])
    d.add_argument("device_id", nargs="?")
    d.set_defaults(fn=cmd_device)
    ref = sub.add_parser("reference", parents=[common], help="参考数据")
    ref.add_argument("action", choices=["publish"])
    ref.add_argument("dataset", choices=sorted(REFERENCE_DATASETS))
    ref.add_argument("file")
    ref.set_defaults(fn=cmd_reference)
    u = sub.add_parser("user", parents=[common], help="区中心控制台的用户：add 添加、passwd 改密码、disable 停用")
    u.add_argument("action", choices=["add", "passwd", "disable"])
    u.add_argument("username")
    u.add_argument("--role", choices=["admin", "stats", "officer"], default="stats",
                   help="admin 区中心管理员；stats 统计查看；officer 案件专员")
    u.add_argument("--name", help="显示的姓名")
    u.set_defaults(fn=cmd_user)
    c = sub.add_parser("case", parents=[common], help="案件移交、委派、作废")
    c_sub = c.add_subparsers(dest="action", required=True)
    a = c_sub.add_parser("assign", parents=[common])
    a.add_argument("case_id")
    a.add_argument("station")
    dl = c_sub.add_parser("delegate", parents=[common])
    dl.add_argument("station")
    dl.add_argument("file")
    v = c_sub.add_parser("void", parents=[common])
    v.add_argument("case_id")
    c.set_defaults(fn=cmd_case)
    rp = sub.add_parser("report", parents=[common], help="全区统计：各调委会的受理、结果、金额、司法确认、防激化，含环比和同比")
    rp.add_argument("--period", required=True, help="2026Q4（季度）、2026-11（月）、2026（年）或 2026-10-01:2026-12-31")
    rp.add_argument("--basis", choices=["received", "closed"], default="received", help="按收案日期（默认）或结案日期")
    rp.add_argument("--stations", help="只统计这些调委会（代码，逗号分隔）；默认全部")
    rp.add_argument("-o", "--output", help="写入 .xlsx 或 .pdf；省略或 - 为制表符分隔的文本")
    rp.set_defaults(fn=cmd_report)
    cf = sub.add_parser("conflicts", parents=[common], help="待处理冲突")
    cf.add_argument("--station")
    cf.add_argument("--all", action="store_true")
    cf.set_defaults(fn=cmd_conflicts)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.cmd == "station" and getattr(args, "action", None) == "add" and not args.code:
        print("用法：suyuan-server station add 代码 名称", file=sys.stderr)
        return 2
    if args.cmd == "device" and getattr(args, "action", None) == "revoke" and not args.device_id:
        print("用法：suyuan-server device revoke 设备编号", file=sys.stderr)
        return 2
    try:
        return args.fn(args)
    except ApiError as exc:
        print(exc.message, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
