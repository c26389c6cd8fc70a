"""The composition root of a station: open (or create) a data directory and hand out services.

A data directory holds ``station.json`` (the store id, not secret), ``station.db`` (SQLCipher,
keyed from the OS keyring), ``blobs/`` (encrypted attachments), ``backups/`` and ``logs/``.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select

from ..domain import calendar_data, clock
from ..domain.clock import Clock
from ..domain.case_numbers import DEFAULT_TEMPLATE, validate_template
from ..domain.deadlines import HolidayCalendar
from ..domain.enums import Role
from ..domain.errors import Conflict, FieldError, SuyuanError, ValidationError
from ..domain.phone import normalize_phone
from ..security import keystore
from ..security.keystore import use_process_keyring  # noqa: F401 - for the GUI's smoke test
from ..security.files import private_dir
from ..store import migrate
from ..store.blobs import BlobStore
from ..store.engine import Store
from ..store.models import Holiday, Meta, Station
from ..store.tracking import SYSTEM, Actor
from . import views as v
from .cases import CaseService
from .context import StationContext
from .drafts import DraftService
from .users import UserService

log = logging.getLogger(__name__)
STATION_FILE = "station.json"
DB_FILE = "station.db"


def _font_problem(path: Path) -> str | None:
    if not path.is_file():
        return f"找不到字体文件 {path}，请重新选择。"
    if path.suffix.lower() not in (".ttf", ".ttc", ".otf"):
        return "请选择 TrueType 字体文件（.ttf 或 .ttc）。"
    try:
        from reportlab.pdfbase.ttfonts import TTFont
        TTFont("SY-Check", str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else TTFont("SY-Check", str(path))
    except Exception:  # noqa: BLE001 - any failure means ReportLab cannot embed it
        return "该字体无法嵌入 PDF（可能是 CFF 轮廓的 OpenType 字体），请选择其他字体。"
    return None


def _check_change(entity_type: str, entity_id: str, patch: dict) -> None:
    """Refuse, before it is written, a change the district would refuse: one that could never
    leave the outbox (docs/protocol.md, "What never enters the outbox")."""
    from ..domain.records import FieldProblem, check_patch
    try:
        check_patch(entity_type, patch)
    except FieldProblem as exc:
        log.warning("change refused before the outbox: %s", entity_type)
        raise ValidationError(FieldError(entity_type, "数据", f"{exc}，未保存。请缩短或更正后再保存。", "sync_limit")) from None


class NotInitialised(SuyuanError):
    code = "not_initialised"


from ..paths import LOCAL_SETTINGS, default_data_dir, read_local_settings  # noqa: E402,F401 - default_data_dir re-exported for the CLI


@dataclass
class StationSetup:
    code: str
    name: str
    township: str
    short_name: str
    committee_name: str | None = None
    address: str | None = None
    phone: str | None = None
    case_number_template: str = DEFAULT_TEMPLATE


def validate_station(setup: StationSetup) -> StationSetup:
    errors = []
    code = (setup.code or "").strip()
    if not code or not all(c.isalnum() or c in "-_" for c in code) or len(code) > 32:
        errors.append(FieldError("code", "调委会代码", "须为1-32位字母、数字、横线或下划线（由区中心分配）。", "format"))
    for name, label, size in (("name", "站点名称", 100), ("township", "所属乡镇（街道）", 100), ("short_name", "案号简称", 20)):
        val = (getattr(setup, name) or "").strip()
        if not val:
            errors.append(FieldError(name, label, "不能为空，请填写。", "required"))
        elif len(val) > size:
            errors.append(FieldError(name, label, f"不能超过{size}个字。", "too_long"))
    try:
        validate_template(setup.case_number_template)
    except ValidationError as exc:
        errors.extend(exc.errors)
    phone = setup.phone
    if phone:
        try:
            phone = normalize_phone(phone, label="站点电话")
        except ValidationError as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    return StationSetup(code=code, name=setup.name.strip(), township=setup.township.strip(),
                        short_name=setup.short_name.strip(),
                        committee_name=(setup.committee_name or f"{setup.township.strip()}人民调解委员会").strip(),
                        address=setup.address, phone=phone, case_number_template=setup.case_number_template)


LANGUAGES = ("zh_CN", "en")  # the UI languages the desktop app ships catalogues for

class StationApp:
    """The composition root: one station's context (store, attachments, clock, calendar) and the
    services built on it. Services are handed the context and the services they use, never this."""

    def __init__(self, data_dir: Path, store: Store, key: bytes, *, today: dt.date | None = None):
        with store.read() as s:
            station = s.execute(select(Station).where(Station.is_local.is_(True))).scalar_one_or_none()
            if station is None:
                raise NotInitialised("站点数据库中没有本站信息，请先运行 suyuan init。")
            code = station.code
        self.ctx = StationContext(data_dir=data_dir, store=store, blobs=BlobStore(data_dir / "blobs", key),
                                  station_code=code, clock=Clock(today) if today else clock.system())
        store.change_check = _check_change
        self.cases = CaseService(self.ctx)
        self.users = UserService(self.ctx)
        self.drafts = DraftService(store)
        self._documents = None

    # the context's parts, for the CLI, the GUI and the tools that hold the station
    data_dir = property(lambda self: self.ctx.data_dir)
    store = property(lambda self: self.ctx.store)
    blobs = property(lambda self: self.ctx.blobs)
    station_code = property(lambda self: self.ctx.station_code)
    clock = property(lambda self: self.ctx.clock)

    @property
    def documents(self):
        """Document service, created on first use: ReportLab and pypdf stay out of start-up."""
        if self._documents is None:
            from .documents import DocumentService
            self._documents = DocumentService(self.ctx, self.cases)
        return self._documents

    # --- this computer's settings (not synced: fonts and printers differ per PC) ----------------

    LOCAL_SETTINGS = LOCAL_SETTINGS

    def local_settings(self) -> dict:
        return read_local_settings(self.data_dir)

    def save_local_settings(self, *, body_font: str | None = None, title_font: str | None = None,
                            printer: str | None = None, kiosk: bool = False, idle_minutes: float = 10,
                            language: str = "zh_CN") -> dict:
        """This computer's options: fonts for printed documents (e.g. a station's licensed
        仿宋/宋体), the printer kiosks print to, touch-screen (kiosk) mode with its idle lock, and
        the UI language. A font must be a TrueType file ReportLab can embed, or nothing is saved."""
        errors = []
        for key, label, value in (("body_font", "正文字体", body_font), ("title_font", "标题字体", title_font)):
            if value:
                problem = _font_problem(Path(value))
                if problem:
                    errors.append(FieldError(key, label, problem, "font"))
        if not 1 <= float(idle_minutes) <= 240:
            errors.append(FieldError("idle_minutes", "空闲锁定", "请填写1至240分钟。", "range"))
        if language not in LANGUAGES:
            errors.append(FieldError("language", "界面语言", f"可选：{'、'.join(LANGUAGES)}。", "choice"))
        if errors:
            raise ValidationError(errors)
        settings = {"body_font": body_font or None, "title_font": title_font or None, "printer": printer or None,
                    "kiosk": bool(kiosk), "idle_minutes": float(idle_minutes), "language": language}
        self._write_local_settings(settings)
        self._documents = None  # the next document uses the new fonts
        return settings

    def _write_local_settings(self, changes: dict) -> dict:
        """Merge ``changes`` into this computer's settings file (atomically; other keys kept)."""
        settings = {**self.local_settings(), **changes}
        path = self.data_dir / self.LOCAL_SETTINGS
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(settings, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, path)
        return settings

    # --- the ID card reader of this computer (docs/idcard-reader.md) -----------------------------

    def save_idcard_reader(self, backend: str, library: str | None = None, port: int = 1001) -> dict:
        from ..devices.idcard import BACKENDS
        errors = []
        if backend not in ("none", *BACKENDS):
            errors.append(FieldError("backend", "读卡器接口", f"可选：none（不用读卡器）、{'、'.join(BACKENDS)}。", "choice"))
        elif backend in ("termb", "sdtapi") and not (library and Path(library).is_file()):
            errors.append(FieldError("library", "厂商动态库", f"找不到读卡器厂商的动态库文件“{library or ''}”"
                                                              "（termb.dll、sdtapi.dll 或对应的 .so）。", "missing"))
        if not 1 <= int(port) <= 65535:
            errors.append(FieldError("port", "端口", "端口号应为1至65535（USB 读卡器一般为1001）。", "range"))
        if errors:
            raise ValidationError(errors)
        conf = {"backend": backend, "library": str(library) if library else None, "port": int(port)}
        return self._write_local_settings({"idcard_reader": conf})["idcard_reader"]

    def read_id_card(self):
        """The card on this computer's reader (``domain.idcard_chip.CardText``); ``IdCardError``
        says why not. The photo is never kept."""
        from ..devices.idcard import IdCardError, reader_from_settings
        reader = reader_from_settings(self.local_settings())
        if reader is None:
            raise IdCardError("本机没有设置身份证读卡器：可在命令行用 suyuan idcard setup 设置，或手工填写。", "not_configured")
        return reader.read()

    @property
    def self_service(self):
        """自助申请 at the kiosk, created on first use."""
        if getattr(self, "_self_service", None) is None:
            from .self_service import SelfServiceService
            self._self_service = SelfServiceService(self.ctx, self.cases, self.documents)
        return self._self_service

    @property
    def screening(self):
        """排查, created on first use."""
        if getattr(self, "_screening", None) is None:
            from .screening import ScreeningService
            self._screening = ScreeningService(self.ctx)
        return self._screening

    @property
    def stats(self):
        """统计, created on first use."""
        if getattr(self, "_stats", None) is None:
            from .stats import StatsService
            self._stats = StatsService(self.ctx, self.documents)
        return self._stats

    @property
    def sync(self):
        """Sync engine, created on first use (httpx stays out of start-up)."""
        if getattr(self, "_sync", None) is None:
            from .sync import SyncService
            self._sync = SyncService(self.ctx)
        return self._sync

    # --- lifecycle ---------------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (Path(data_dir) / STATION_FILE).exists()

    @classmethod
    def create(cls, data_dir: Path, setup: StationSetup, *, admin_username: str, admin_display_name: str,
               admin_password: str) -> "StationApp":
        data_dir = Path(data_dir)
        if cls.exists(data_dir):
            raise Conflict(f"目录 {data_dir} 中已有站点数据库，不能重复初始化。")
        setup = validate_station(setup)
        from ..security.passwords import check_password_strength
        check_password_strength(admin_password)
        data_dir.mkdir(parents=True, exist_ok=True)
        store_id = str(uuid.uuid4())
        key = keystore.create_db_key(store_id)
        db_path = data_dir / DB_FILE
        if db_path.exists():
            raise Conflict(f"{db_path} 已存在但缺少 {STATION_FILE}，请换一个空目录或联系技术支持。")
        store = Store(db_path, key)
        try:
            migrate.upgrade(store)
            with store.write(SYSTEM) as s:
                s.add(Station(code=setup.code, name=setup.name, committee_name=setup.committee_name,
                              township=setup.township, short_name=setup.short_name, address=setup.address,
                              phone=setup.phone, case_number_template=setup.case_number_template, is_local=True))
                s.add(Meta(key="store_id", value=store_id))
                s.add(Meta(key="created_at", value=clock.system().now().isoformat()))
                version, rows = calendar_data.builtin_calendar_rows()
                for day, is_holiday in rows:
                    s.add(Holiday(day=day, is_holiday=is_holiday, calendar_version=version))
        except Exception:
            store.dispose()
            for suffix in ("", "-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            keystore.delete_secret(keystore.db_key_name(store_id))
            raise
        (data_dir / STATION_FILE).write_text(json.dumps({"store_id": store_id, "format": 1}), "utf-8")
        private_dir(data_dir)
        app = cls(data_dir, store, key)
        app.users.add_user(SYSTEM, username=admin_username, display_name=admin_display_name,
                           role=Role.ADMIN.value, password=admin_password)
        log.info("station created")
        return app

    @classmethod
    def open(cls, data_dir: Path, *, today: dt.date | None = None) -> "StationApp":
        data_dir = Path(data_dir)
        meta_file = data_dir / STATION_FILE
        if not meta_file.exists():
            raise NotInitialised(f"目录 {data_dir} 中还没有站点，请先运行 suyuan init 创建站点。")
        store_id = json.loads(meta_file.read_text("utf-8"))["store_id"]
        key = keystore.load_db_key(store_id)
        if key is None:
            raise keystore.KeyringUnavailable(
                "系统钥匙串中找不到本站数据库的密钥（可能换了电脑或系统账户）。"
                "请在原电脑上使用，或用 suyuan restore 从加密备份恢复。")
        private_dir(data_dir)  # also a directory made before files were kept private
        store = Store(data_dir / DB_FILE, key)
        migrate.upgrade(store, backup_dir=data_dir / "backups")
        return cls(data_dir, store, key, today=today)

    def close(self) -> None:
        self.store.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- shared facts ------------------------------------------------------------------------

    def today(self) -> dt.date:
        """The station's date (China Standard Time; docs/clock.md)."""
        return self.ctx.today()

    def set_clock(self, new: Clock) -> None:
        """Replace the station's clock (tests, support); every service reads it from the context."""
        self.ctx.clock = new

    def calendar(self) -> HolidayCalendar:
        return self.ctx.calendar()

    def replace_holidays(self, actor: Actor, version: str, rows: list[tuple[dt.date, bool]]) -> int:
        """Install a calendar published by the district (whole replacement, one transaction)."""
        with self.store.write(actor) as s:
            s.execute(delete(Holiday))
            for day, is_holiday in rows:
                s.add(Holiday(day=day, is_holiday=is_holiday, calendar_version=version))
        self.ctx.forget_calendar()
        return len(rows)

    def verify_audit(self):
        """Walk the audit chain: an edited entry breaks its hash, a removed one its link."""
        from ..store.tracking import verify_audit_chain
        with self.store.read() as s:
            return verify_audit_chain(s)

    def station(self) -> v.StationView:
        return self.ctx.station()

    def update_station(self, actor: Actor, **changes) -> v.StationView:
        if actor.role not in (Role.ADMIN.value, "system"):
            from ..domain.errors import PermissionDenied
            raise PermissionDenied("只有站点管理员可以修改站点设置。")
        current = self.station()
        merged = StationSetup(**{**{k: getattr(current, k) for k in (
            "code", "name", "township", "short_name", "committee_name", "address", "phone",
            "case_number_template")}, **changes})
        clean = validate_station(merged)
        if clean.code != current.code:
            raise ValidationError(FieldError("code", "调委会代码", "站点代码创建后不能修改。", "immutable"))
        with self.store.write(actor) as s:
            st = s.get(Station, self.station_code)
            for k in ("name", "township", "short_name", "committee_name", "address", "phone", "case_number_template"):
                if getattr(st, k) != getattr(clean, k):
                    setattr(st, k, getattr(clean, k))
        return self.station()


def open_or_explain(data_dir: Path | None) -> StationApp:
    return StationApp.open(Path(data_dir) if data_dir else default_data_dir())
