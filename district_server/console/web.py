"""The console's pages (docs/console.md): server-rendered, in Chinese, behind a login; every form
carries the session's CSRF token; what a role may not see answers 403."""
from __future__ import annotations

import datetime as dt
import functools
import ipaddress
import json
from html import escape
from pathlib import Path

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import or_, select

from suyuan_desktop.core.domain.clock import system
from suyuan_desktop.core.domain.enums import CaseStatus
from suyuan_desktop.core.domain.idcard import mask_id_number
from suyuan_desktop.core.domain.statistics import PeriodError, cell_text, parse_period, row_label

from ..db import entities
from .accounts import ROLES, Accounts, ConsoleError, Session

HERE = Path(__file__).parent
COOKIE = "suyuan_console"
STALE_DAYS = 7


class Refused(Exception):
    def __init__(self, status: int):
        self.status = status


def router(service) -> APIRouter:
    accounts = Accounts(service.engine)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    r = APIRouter(prefix="/console", include_in_schema=False)

    def render(request: Request, name: str, me: Session | None, status: int = 200, **values) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"me": me, "district": service.district_name, "roles": ROLES,
                                                          **values}, status_code=status)

    def admin(request: Request) -> Session:
        """A district administrator's page (the others get 403)."""
        me = who(request)
        if me.role != "admin":
            raise Refused(403)
        return me

    def who(request: Request, *roles: str) -> Session:
        me = accounts.session(request.cookies.get(COOKIE))
        if me is None:
            raise Refused(303)
        if roles and not me.may(*roles):
            raise Refused(403)
        return me

    def guarded(fn):
        """A page: to the login without a session; 403 for a role that may not see it."""
        @functools.wraps(fn)
        async def page(request: Request, *args, **kwargs):
            try:
                return await fn(request, *args, **kwargs)
            except Refused as exc:
                if exc.status == 303:
                    return RedirectResponse(request.url_for("console_login"), status_code=303)
                return render(request, "base.html", accounts.session(request.cookies.get(COOKIE)), 403,
                              title="无权查看", page="")
        return page

    @r.get("/login", name="console_login")
    async def login_page(request: Request):
        return render(request, "login.html", None, title="登录")

    @r.post("/login")
    async def login(request: Request, username: str = Form(""), password: str = Form("")):
        try:
            token = accounts.login(username.strip(), password)
        except ConsoleError as exc:
            return render(request, "login.html", None, 401, title="登录", error=exc.message, username=username)
        response = RedirectResponse(request.url_for("console_statistics"), status_code=303)
        host = request.client.host if request.client else ""
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host in ("testclient", "localhost")
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=not loopback, path="/console")
        return response

    @r.post("/logout", name="console_logout")
    @guarded
    async def logout(request: Request, csrf: str = Form("")):
        me = who(request)
        if not accounts.csrf_ok(me, csrf):
            raise Refused(403)
        accounts.logout(request.cookies.get(COOKIE))
        response = RedirectResponse(request.url_for("console_login"), status_code=303)
        response.delete_cookie(COOKIE, path="/console")
        return response

    @r.get("/stations", name="console_stations")
    @guarded
    async def stations(request: Request):
        return _stations_page(request, who(request, "officer"))

    def _stations_page(request: Request, me: Session, status: int = 200, **extra):
        today = system().today()
        quarter = parse_period(f"{today.year}Q{(today.month - 1) // 3 + 1}")
        last = service.last_syncs()
        devices: dict[str, list] = {}
        all_devices = service.list_devices()
        for d in all_devices:
            if d["revoked_at"] is None:
                devices.setdefault(d["station_code"], []).append(d)
        per_station = service.cases_per_station(quarter.start, quarter.end)
        conflicts: dict[str, int] = {}
        for c in service.list_conflicts(None):
            conflicts[c.station_code] = conflicts.get(c.station_code, 0) + 1
        rejected = service.rejected_per_station()
        rows = []
        for s in service.list_stations():
            mine = devices.get(s["code"], [])
            synced = last.get(s["code"])
            rows.append({"code": s["code"], "name": s["name"], "devices": len(mine),
                         "versions": "、".join(sorted({d["client_version"] for d in mine if d["client_version"]})) or "—",
                         "last_sync": synced.isoformat() if synced else None,
                         "stale": synced is None or (today - synced).days > STALE_DAYS,
                         "pending": sum(d["outbox_depth"] or 0 for d in mine), "cases": per_station.get(s["code"], 0),
                         "conflicts": conflicts.get(s["code"], 0), "rejected": rejected.get(s["code"], 0)})
        return render(request, "stations.html", me, status, title="调委会与设备", page="stations", stations=rows,
                      stale_days=STALE_DAYS, devices=all_devices, **extra)

    def admin_form(request: Request, csrf: str) -> Session:
        """A district administrator's form, with its session's CSRF token."""
        me = admin(request)
        if not accounts.csrf_ok(me, csrf):
            raise Refused(403)
        return me

    @r.post("/stations/ticket", name="console_ticket")
    @guarded
    async def ticket(request: Request, csrf: str = Form(""), station: str = Form("")):
        me = admin_form(request, csrf)
        from ..service import ApiError
        try:
            code = service.issue_ticket(station)
        except ApiError as exc:
            return _stations_page(request, me, 400, error=exc.message)
        accounts.audit(me.username, "issue_ticket", {"station": station})
        from suyuan_desktop.core.sync import protocol as P
        return _stations_page(request, me, ticket={"station": station, "code": code, "qr": qr_svg(code),
                                                   "hours": P.ENROLL_TICKET_HOURS})

    @r.post("/stations/add", name="console_add_station")
    @guarded
    async def add_station(request: Request, csrf: str = Form(""), code: str = Form(""), name: str = Form("")):
        me = admin_form(request, csrf)
        from ..service import ApiError
        try:
            service.add_station(code.strip(), name.strip())
        except (ApiError, ValueError) as exc:
            return _stations_page(request, me, 400, error=getattr(exc, "message", str(exc)))
        accounts.audit(me.username, "add_station", {"station": code.strip()})
        return RedirectResponse(request.url_for("console_stations"), status_code=303)

    @r.post("/devices/revoke", name="console_revoke")
    @guarded
    async def revoke(request: Request, csrf: str = Form(""), device: str = Form("")):
        me = admin_form(request, csrf)
        service.revoke_device(device)
        accounts.audit(me.username, "revoke_device", {"device": device})
        return RedirectResponse(request.url_for("console_stations"), status_code=303)

    @r.get("/conflicts", name="console_conflicts")
    @guarded
    async def conflicts(request: Request):
        me = who(request, "officer")
        return render(request, "conflicts.html", me, title="待处理冲突", page="conflicts",
                      conflicts=service.list_conflicts(None))

    @r.post("/conflicts/resolve", name="console_resolve")
    @guarded
    async def resolve(request: Request, csrf: str = Form(""), conflict: int = Form(0), choice: str = Form(""),
                      note: str = Form("")):
        me = admin_form(request, csrf)
        from suyuan_desktop.core.sync import protocol as P
        if choice not in ("server", "client"):
            raise Refused(403)
        service.resolve_conflict(conflict, P.ResolveRequest(choice=choice, note=note[:500] or None),
                                 by=f"console:{me.username}")
        accounts.audit(me.username, "resolve_conflict", {"conflict": conflict, "choice": choice})
        return RedirectResponse(request.url_for("console_conflicts"), status_code=303)

    def _reference_page(request: Request, me: Session, status: int = 200, **extra):
        from ..service import REFERENCE_DATASETS, ApiError
        rows = []
        for key, label in REFERENCE_DATASETS.items():
            try:
                row = service.get_reference(key)
                rows.append({"key": key, "label": label, "version": row.version, "published_at": row.published_at,
                             "json": json.dumps(row.data, ensure_ascii=False, indent=1)})
            except ApiError:
                rows.append({"key": key, "label": label, "version": None, "json": ""})
            rows[-1]["example"] = "例如：" + EXAMPLES.get(key, "")
            rows[-1]["history"] = service.reference_history(key)
        return render(request, "reference.html", me, status, title="参考数据", page="reference", datasets=rows, **extra)

    @r.get("/reference", name="console_reference")
    @guarded
    async def reference(request: Request):
        return _reference_page(request, admin(request))

    @r.post("/reference", name="console_publish")
    @guarded
    async def publish(request: Request, csrf: str = Form(""), dataset: str = Form(""), data: str = Form("")):
        me = admin_form(request, csrf)
        from ..service import ApiError
        try:
            etag = service.publish_reference(dataset, json.loads(data), by=f"控制台：{me.username}")
        except json.JSONDecodeError as exc:
            return _reference_page(request, me, 400, error=f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）：请检查括号、引号和逗号。")
        except ApiError as exc:
            return _reference_page(request, me, 400, error=exc.message)
        accounts.audit(me.username, "publish_reference", {"dataset": dataset, "etag": etag})
        return _reference_page(request, me, message=f"已发布，版本标识 {etag}。")

    def _report(period_text: str, station: str = ""):
        period = parse_period(period_text)
        if station:   # one station's figures (the drill-down from the district's table)
            return service.district_report(period, stations=(station,), by=("type", "source", "month"),
                                           as_of=system().today())
        return service.district_report(period, as_of=system().today())

    @r.get("/statistics", name="console_statistics")
    @guarded
    async def statistics(request: Request, period: str | None = None, station: str = ""):
        me = who(request)
        today = system().today()
        text = period or f"{today.year}Q{(today.month - 1) // 3 + 1}"
        report, error = None, None
        try:
            report = _report(text, station)
        except PeriodError as exc:
            error = str(exc)
        names = service.station_names()
        tables = [{"key": t.key, "title": t.title, "heading": t.first_heading, "columns": t.columns,
                   "rows": [{"key": row.key, "label": row_label(t, row, names), "level": row.level,
                             "cells": [cell_text(t, row, i, thousands=True) for i in range(len(row.cells))]}
                            for row in t.rows]}
                  for t in (report.tables if report else []) if t.key != "handoff" or me.may("officer")]
        return render(request, "statistics.html", me, title="统计", page="statistics", report=report, tables=tables,
                      period_text=text, error=error, charts=charts(report) if report else [], station=station)

    @r.get("/statistics.{kind}", name="console_statistics_file")
    @guarded
    async def statistics_file(request: Request, kind: str, period: str = ""):
        me = who(request)
        if kind not in ("xlsx", "pdf"):
            raise Refused(403)
        try:
            report = _report(period)
        except PeriodError:
            raise Refused(403) from None
        if not me.may("officer"):   # the 诉调对接 listing names cases: not for a statistics viewer
            report.tables = [t for t in report.tables if t.key != "handoff"]
        title = service.district_name
        if kind == "xlsx":
            from suyuan_desktop.core.documents.statistics_xlsx import write_xlsx
            body, mime = write_xlsx(report, title), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            from suyuan_desktop.core.documents.fonts import default_fonts
            from suyuan_desktop.core.documents.statistics_pdf import write_pdf
            body, mime = write_pdf(report, title, default_fonts(), system().today()), "application/pdf"
        accounts.audit(me.username, f"download_{kind}", {"period": period})
        name = f"district-{period}.{kind}"
        return Response(body, media_type=mime, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @r.get("/cases", name="console_cases")
    @guarded
    async def cases(request: Request, q: str = ""):
        return _cases_page(request, who(request, "officer"), q=q.strip())

    def _cases_page(request: Request, me: Session, status: int = 200, q: str = "", **extra):
        found = []
        if q:
            accounts.audit(me.username, "case_search", {"query": mask_id_number(q) if len(q) >= 15 else q})
            found = _search(service, q)
            accounts.audit(me.username, "case_view", {"cases": [c["case_number"] for c in found]})
        from suyuan_desktop.core.domain.enums import DisputeType
        return render(request, "cases.html", me, status, title="案件查询", page="cases", q=q, cases=found,
                      stations=service.list_stations(), types=[(t.value, t.label) for t in DisputeType],
                      today=system().today().isoformat(), **extra)

    @r.get("/cases/{case_id}", name="console_case")
    @guarded
    async def case(request: Request, case_id: str, moved: str = ""):
        me = who(request, "officer")
        row = service.entity("cases", case_id)
        if row is None:
            return render(request, "base.html", me, 404, title="没有这个案件", page="cases")
        accounts.audit(me.username, "case_view", {"cases": [row.state.get("case_number")]})
        steps = [{"at": h.at.strftime("%Y-%m-%d %H:%M"), "version": h.version, "by": h.actor, "station": h.scope,
                  "what": _what(h)} for h in service.history("cases", case_id)]
        return render(request, "case.html", me, title=f"案件 {row.state.get('case_number')}", page="cases",
                      case=row, state_label=CaseStatus.parse(row.state["status"]).label, steps=steps,
                      stations=service.list_stations(), moved=moved)

    @r.post("/cases/{case_id}/move", name="console_move")
    @guarded
    async def move(request: Request, case_id: str, csrf: str = Form(""), station: str = Form("")):
        me = who(request, "officer")
        if not accounts.csrf_ok(me, csrf):
            raise Refused(403)
        from ..service import ApiError
        try:
            n = service.assign_case(case_id, station)
        except ApiError as exc:
            return render(request, "base.html", me, 400, title=exc.message, page="cases")
        accounts.audit(me.username, "move_case", {"case": case_id, "station": station, "records": n})
        return RedirectResponse(str(request.url_for("console_case", case_id=case_id)) + f"?moved={station}",
                                status_code=303)

    @r.post("/cases/delegate", name="console_delegate")
    @guarded
    async def delegate(request: Request, csrf: str = Form(""), station: str = Form(""), kind: str = Form("assigned"),
                       case_number: str = Form(""), title: str = Form(""), dispute_type: str = Form(""),
                       summary: str = Form(""), court: str = Form(""), reference_number: str = Form(""),
                       signed_for: str = Form(""), applicant: str = Form(""), respondent: str = Form("")):
        """A case a court delegates (委派) or entrusts (委托) registered here for a station."""
        me = who(request, "officer")
        if not accounts.csrf_ok(me, csrf):
            raise Refused(403)
        from suyuan_desktop.core.domain import deadlines
        from suyuan_desktop.core.domain.enums import ReferralKind

        from ..service import ApiError
        problems = [label for label, value in (("接收的调委会", station), ("案号", case_number), ("纠纷名称", title),
                                               ("纠纷简要情况", summary), ("法院", court), ("函件编号", reference_number),
                                               ("申请人", applicant), ("被申请人", respondent)) if not value.strip()]
        try:
            signed = dt.date.fromisoformat(signed_for)
        except ValueError:
            problems.append("签收日期（如 2026-11-28）")
        if problems:
            return _cases_page(request, me, 400, error="请填写：" + "、".join(problems) + "。")
        rkind = ReferralKind.parse(kind)
        today = system().today()
        case = {"station_code": station, "case_number": case_number.strip(), "case_year": today.year,
                "case_seq": 0, "title": title.strip(), "dispute_type": dispute_type or "15",
                "source": "court_assigned" if rkind is ReferralKind.ASSIGNED else "court_entrusted", "status": "received",
                "summary": summary.strip(), "received_date": today.isoformat()}
        referral = {"kind": rkind.value, "court": court.strip(), "reference_number": reference_number.strip(),
                    "signed_for_date": signed.isoformat(), "limit_days": deadlines.referral_limit_days(rkind),
                    "extension_days": 0,
                    "deadline": deadlines.referral_deadline(signed, rkind, None, service.holiday_calendar()).isoformat()}
        parties = [{"position": 1, "role": "applicant", "kind": "person", "name": applicant.strip()},
                   {"position": 2, "role": "respondent", "kind": "person", "name": respondent.strip()}]
        try:
            case_id = service.create_case(station, case, parties, referral, actor=f"console:{me.username}")
        except ApiError as exc:
            return _cases_page(request, me, 400, error=exc.message)
        accounts.audit(me.username, "delegate_case", {"case": case_number.strip(), "station": station})
        return RedirectResponse(request.url_for("console_case", case_id=case_id), status_code=303)

    @r.get("/audit", name="console_audit")
    @guarded
    async def audit(request: Request):
        me = admin(request)   # who viewed what: for the district's administrators only
        return render(request, "audit.html", me, title="查阅记录", page="audit", entries=accounts.audit_log())

    return r


EXAMPLES = {  # what a dataset looks like, shown in an empty box (docs/console.md)
    "dispute_catalogue": '[{"code": "0201", "name": "宅基地边界纠纷", "reporting_type": "02"}]',
    "mediator_roster": '[{"name": "王建国", "station_code": "410703001"}]',
    "holiday_calendar": '{"version": "2027", "days": [{"day": "2027-01-01", "is_holiday": true}]}',
    "assessment_weights": '{"version": "2026年度", "weights": {"success_rate": 30, "confirmation_rate": 15, '
                          '"follow_up_rate": 15, "overdue": 20, "escalation": 10, "sync_freshness": 10}, "stale_days": 7}',
}


def bar_chart(title: str, items: list[tuple[str, float]], unit: str = "件") -> str:
    """A horizontal bar chart as inline SVG, drawn here: no script and nothing from outside."""
    items = [(label, value) for label, value in items if value]
    if not items:
        return ""
    top = max(v for _, v in items)
    row, left, width = 26, 150, 520
    bars = "".join(
        f'<text x="{left - 8}" y="{i * row + 18}" text-anchor="end">{escape(label)}</text>'
        f'<rect x="{left}" y="{i * row + 5}" width="{max(2, width * v / top):.1f}" height="{row - 9}" fill="#2160a8"/>'
        f'<text x="{left + max(2, width * v / top) + 6:.1f}" y="{i * row + 18}">{v:g}</text>' for i, (label, v) in enumerate(items))
    return (f'<figure><figcaption>{escape(title)}（{unit}）</figcaption><svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {left + width + 60} {len(items) * row + 6}" role="img" aria-label="{escape(title)}" '
            f'font-size="13">{bars}</svg></figure>')


def line_chart(title: str, points: list[tuple[str, float]], unit: str = "件") -> str:
    """A line chart (a value per month or quarter) as inline SVG."""
    if len(points) < 2:
        return ""
    top = max(v for _, v in points) or 1
    w, h, pad = 640, 200, 40
    step = (w - 2 * pad) / (len(points) - 1)
    xy = [(pad + i * step, h - pad - (h - 2 * pad) * v / top) for i, (_, v) in enumerate(points)]
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(xy))
    marks = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#2160a8"/>'
                    f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle">{v:g}</text>'
                    f'<text x="{x:.1f}" y="{h - pad + 18}" text-anchor="middle">{escape(label)}</text>'
                    for (x, y), (label, v) in zip(xy, points))
    return (f'<figure><figcaption>{escape(title)}（{unit}）</figcaption><svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {w} {h}" role="img" aria-label="{escape(title)}" font-size="12">'
            f'<path d="{path}" fill="none" stroke="#2160a8" stroke-width="2"/>{marks}</svg></figure>')


def charts(report) -> list[str]:
    """The statistics page's charts: disputes by type, and received by month (or by quarter)."""
    out = []
    by = {t.key: t for t in report.tables}
    if "type" in by:
        out.append(bar_chart("按纠纷类型受理", [(r.label, r.cells[0].value) for r in by["type"].rows if r.key != "total"]))
    series = by.get("trend") or by.get("month")
    if series is not None:
        short = (lambda key: f"{int(key[5:])}月") if series.key == "month" else (lambda key: key)  # 2026-03 / 2026Q3
        out.append(line_chart("受理数量变化", [(short(r.key), r.cells[0].value) for r in series.rows if r.key != "total"]))
    return [c for c in out if c]


def _what(h) -> str:
    """One line of a case's timeline as the district received it."""
    patch = h.patch or {}
    if h.version == 1 and "scope" not in patch:
        return "收到案件"
    if "scope" in patch:
        return f"移交：{patch['scope']['old']} → {patch['scope']['new']}"
    if "status" in patch and isinstance(patch["status"], dict):
        old, new = patch["status"].get("old"), patch["status"].get("new")
        return f"状态：{CaseStatus.parse(old).label if old else '—'} → {CaseStatus.parse(new).label if new else '—'}"
    flags = "、".join(h.flags or [])
    return ("修改：" + "、".join(sorted(patch))) + (f"（{flags}）" if flags else "") if patch else (flags or "更新")


def qr_svg(text: str) -> str:
    """A QR code as inline SVG (the kiosk scans an enrolment ticket from the screen)."""
    from reportlab.graphics.barcode import qrencoder
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 2)
    n = qr.getModuleCount()
    cells = "".join(f'<rect x="{c + 4}" y="{r + 4}" width="1" height="1"/>' for r in range(n) for c in range(n)
                    if qr.isDark(r, c))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n + 8} {n + 8}" role="img" aria-label="注册码二维码">'
            f'<rect width="100%" height="100%" fill="#fff"/><g fill="#000">{cells}</g></svg>')


def _search(service, q: str) -> list[dict]:
    """Cases by case number, party name or ID number (exact), across stations, at most 50."""
    with service.engine.connect() as conn:
        by_party = select(entities.c.case_id).where(
            entities.c.entity_type == "parties", entities.c.deleted.is_(False),
            or_(entities.c.state["name"].as_string() == q, entities.c.state["id_number"].as_string() == q.upper()))
        rows = conn.execute(select(entities.c.entity_id, entities.c.scope, entities.c.state).where(
            entities.c.entity_type == "cases", entities.c.deleted.is_(False),
            or_(entities.c.state["case_number"].as_string() == q, entities.c.entity_id.in_(by_party)))
            .limit(50)).all()
        ids = [r.entity_id for r in rows]
        names: dict[str, list[str]] = {}
        for case_id, state in conn.execute(select(entities.c.case_id, entities.c.state).where(
                entities.c.entity_type == "parties", entities.c.deleted.is_(False), entities.c.case_id.in_(ids))):
            names.setdefault(case_id, []).append(state.get("name", ""))
    return [{"id": eid, "station": scope, "case_number": s.get("case_number"), "title": s.get("title"),
             "status": CaseStatus.parse(s["status"]).label if s.get("status") else "", "received": s.get("received_date"),
             "parties": "、".join(names.get(eid, []))} for eid, scope, s in rows]


def mount(app, service) -> None:
    from fastapi.staticfiles import StaticFiles
    app.include_router(router(service))
    app.mount("/console/static", StaticFiles(directory=str(HERE / "static")), name="console_static")

    @app.get("/console", include_in_schema=False)
    async def console_home(request: Request):
        return RedirectResponse(request.url_for("console_statistics"), status_code=303)

