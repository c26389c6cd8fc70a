"""The composition root of a station: open (or create) a data directory and hand out services.

A data directory holds ``station.json`` (the store id, not secret), ``station.db`` (SQLCipher,
keyed from the OS keyring), ``blobs/`` (encrypted attachments), ``backups/`` and ``logs/``.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
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
from .this_computer import ThisComputer
from .users import UserService

log = logging.getLogger(__name__)
STATION_FILE = "station.json"
DB_FILE = "station.db"


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


from ..paths import default_data_dir  # noqa: E402,F401 - re-exported for the CLI


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
        self.computer = ThisComputer(data_dir, on_fonts_changed=self._forget_documents)
        self._documents = None

    # the context's parts, for the CLI, the GUI and the tools that hold the station
    data_dir = property(lambda self: self.ctx.data_dir)
    store = property(lambda self: self.ctx.store)
    blobs = property(lambda self: self.ctx.blobs)
    station_code = property(lambda self: self.ctx.station_code)
    clock = property(lambda self: self.ctx.clock)

    def _forget_documents(self) -> None:
        self._documents = None   # the next document is made with the fonts chosen now

    @property
    def documents(self):
        """Document service, created on first use: ReportLab and pypdf stay out of start-up."""
        if self._documents is None:
            from .documents import DocumentService
            self._documents = DocumentService(self.ctx, self.cases)
        return self._documents

    @property
    def self_service(self):
        """自助申请 at the kiosk, created on first use."""
        if getattr(self, "_self_service", None) is None:
            from .self_service import SelfServiceService
            self._self_service = SelfServiceService(self.ctx, self.cases, lambda: self.documents)
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
            self._stats = StatsService(self.ctx, fonts=lambda: self.documents.fonts)
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
    def open(cls, data_dir: Path, *, today: dt.date | None = None, on_migrate=None) -> "StationApp":
        """Open the station, first bringing its database to this version's schema (after a copy
        in ``backups/``); ``on_migrate(current, target)`` hears that this is happening."""
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
        migrate.upgrade(store, backup_dir=data_dir / "backups", on_start=on_migrate)
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
