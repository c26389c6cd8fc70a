"""`suyuan-desktop`: bootstrap the Qt application.

First start: the first-run wizard creates the station; later starts open the login screen.
``--smoke-test`` starts the app (a throwaway demo station unless ``--data-dir`` is given), shows
the main window, waits for the first paint, prints the milliseconds to an interactive window and
exits 0; installers and CI use it.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from .. import __version__  # noqa: E402
from .i18n import install_translators, translate  # noqa: E402

log = logging.getLogger(__name__)


def _excepthook(exc_type, exc, tb):
    import traceback
    from . import messages
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("uncaught exception\n%s", text)
    try:
        messages.show_error(exc, text)
    except Exception:  # noqa: BLE001 - never let the hook itself crash the app
        pass


def _process_age_ms() -> float:
    """Milliseconds since the process started (Linux), else since this module was imported."""
    try:
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError):
        return (time.perf_counter() - _T0) * 1000


def _smoke_station(data_dir: Path | None):
    from ..core.services.station import StationApp, StationSetup
    from ..core.paths import station_exists
    from ..core.services.users import system_actor
    if data_dir and station_exists(data_dir):
        app = StationApp.open(data_dir)
        return app, _first_admin(app)
    import tempfile

    from ..core.services.demo import generate_demo  # only for a throwaway station, as the real start never does
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-smoke-"))
    # a throwaway demo station: its key lives in this process only, so the smoke test needs no
    # system keyring and leaves nothing behind in one
    from ..core.services.station import use_process_keyring
    use_process_keyring()
    app = StationApp.create(data_dir or tmp / "station", StationSetup(code="SMOKE", name="冒烟测试站", township="平原镇",
                                                                     short_name="测试"),
                            admin_username="admin", admin_display_name="测试管理员", admin_password="smoke-test-1")
    generate_demo(app, system_actor("smoke"), 50, seed=1)
    return app, _first_admin(app)


def _citizen_mode(qapp, data_dir, start_logging) -> int:
    """群众自助申请 (docs/self-service.md): the station opens without a login; the window takes
    applications only, full screen, until a member of staff logs in to leave it."""
    from ..core.domain.errors import SuyuanError
    from ..core.services.station import StationApp
    from . import messages
    from .citizen import CitizenWindow
    from .tasks import TaskRunner
    start_logging()
    try:
        station_app = StationApp.open(data_dir)
    except SuyuanError as exc:
        messages.warn(translate("app", "无法打开工作站"), exc.message)
        return 3
    window = CitizenWindow(station_app, None)
    window.tasks = TaskRunner(window)
    window.left.connect(qapp.quit)
    window.showFullScreen()
    code = qapp.exec()
    window.tasks.wait(10_000)
    station_app.close()
    return code


def _open_station(data_dir, on_migrate=None):
    """Runs off the GUI thread: SQLAlchemy and the store load while the login screen is up."""
    from ..core.services.station import StationApp
    return StationApp.open(data_dir, on_migrate=on_migrate)


def _first_admin(app):
    """The smoke test runs as the station's first admin (no login screen)."""
    return next(u for u in app.users.list_users() if u.role == "admin")


def startup_options(args, data_dir) -> tuple[str, bool, float]:
    """Language, kiosk mode and idle minutes: this computer's choices in 设置 → 本机, unless the
    command line (or SUYUAN_LANG) says otherwise."""
    from ..core.paths import read_local_settings
    local = read_local_settings(data_dir)
    lang = args.lang or os.environ.get("SUYUAN_LANG") or local.get("language") or "zh_CN"
    kiosk = args.kiosk or bool(local.get("kiosk"))
    idle_minutes = args.idle_minutes or float(local.get("idle_minutes") or 10)
    return lang, kiosk, idle_minutes


def parse_args(argv: list[str] | None = None):
    parser = argparse.ArgumentParser(prog="suyuan-desktop", description="诉源调解工作站")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--smoke-test", action="store_true")
    parser.add_argument("--version", action="version", version=f"suyuan-desktop {__version__}")
    parser.add_argument("--kiosk", action="store_true",
                        help="全屏触摸模式，空闲后自动锁定（也可在“设置 → 本机”中打开）")
    parser.add_argument("--citizen", action="store_true",
                        help="群众自助申请模式：只能提交调解申请和查询办理进度，工作人员登录后才能退出（触摸模式）")
    parser.add_argument("--idle-minutes", type=float, default=None, help="触摸模式空闲多少分钟后锁定（默认10）")
    parser.add_argument("--lang", default=None, help="界面语言：zh_CN（默认）或 en")
    return parser.parse_args(sys.argv[1:] if argv is None else argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    from ..core.paths import default_data_dir
    data_dir = args.data_dir or (None if args.smoke_test else default_data_dir())
    lang, kiosk, idle_minutes = startup_options(args, data_dir)
    kiosk = kiosk or args.citizen   # the citizen mode is a touch screen's
    def start_logging():
        """The rotating, masked log file. Set up right after the first window is on screen: its
        imports (logging.handlers pulls in socket, pickle, queue) cost ~12 ms before the first
        paint. Until then a message would go to stderr."""
        from ..logsetup import configure_logging
        configure_logging(data_dir)
    if kiosk and QApplication.instance() is None:
        from .keyboard import prepare
        prepare()
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setApplicationName("suyuan-desktop")
    from . import theme
    theme.apply(qapp, kiosk)
    qapp.setDesktopFileName("cn.suyuan.station")  # the .deb's desktop entry (docs/packaging.md)
    from PySide6.QtGui import QIcon
    from ..core.resources import app_icon
    qapp.setWindowIcon(QIcon(str(app_icon())))
    from .gcguard import GuiGarbageCollector
    qapp.gc_guard = GuiGarbageCollector(qapp)  # Qt objects are only ever freed on the GUI thread
    translators = install_translators(qapp, lang)  # noqa: F841 - must stay referenced
    qapp.setApplicationDisplayName(translate("app", "诉源调解工作站"))
    sys.excepthook = _excepthook
    if kiosk and not args.smoke_test:
        from .keyboard import OnScreenKeyboard
        qapp.osk = OnScreenKeyboard(qapp)  # before the login screen: the password is typed on it too

    if args.citizen and not args.smoke_test:
        return _citizen_mode(qapp, data_dir, start_logging)

    from .main_window import MainWindow
    if args.smoke_test:
        window = MainWindow()  # the shell paints first; the station opens off the GUI thread
        window.resize(1366, 768)
        window.show()
        result = {}

        def first_paint():
            qapp.processEvents()
            result["paint"] = _process_age_ms()
            result["paint_epoch"] = time.time()
            start_logging()
            window.tasks.run(_smoke_station, data_dir, on_done=attached, on_error=failed)

        def attached(opened):
            station_app, user = opened
            result["app"] = station_app
            window.attach(station_app, user)
            qapp.processEvents()
            result["ready"] = _process_age_ms()
            qapp.quit()

        def failed(exc):
            result["error"] = exc
            qapp.quit()
        QTimer.singleShot(0, first_paint)
        qapp.exec()
        window.tasks.wait(10_000)
        if "error" in result:
            print(f"smoke test failed: {result['error']}", file=sys.stderr)
            return 1
        print(f"smoke test: main window interactive after {result['paint']:.0f} ms "
              f"(station opened and pages built after {result['ready']:.0f} ms; first paint at epoch "
              f"{result['paint_epoch']:.4f})")
        result["app"].close()
        return 0

    from ..core.domain.errors import SuyuanError
    from ..core.paths import station_exists
    from . import messages
    if not station_exists(data_dir):
        start_logging()
        try:
            from .first_run import FirstRunWizard
            wizard = FirstRunWizard(data_dir)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return 0
        except SuyuanError as exc:
            messages.warn(translate("app", "无法创建工作站"), exc.message)
            return 3
        station_app, username = wizard.station_app, wizard.admin_username
    else:
        station_app, username = None, ""
    from .login import LoginDialog
    from .tasks import TaskRunner
    login = LoginDialog(station_app, translate("app", "诉源调解工作站"), username=username)
    opener = TaskRunner(login)
    login.showFullScreen() if kiosk else login.show()
    qapp.processEvents()  # the login screen paints first; then the log file and the database
    if station_app is None:
        start_logging()

        def opened(app):
            login.set_station(app, app.station().name)

        def failed(exc):
            messages.show_error(exc)
            login.reject()
        # a signal: the worker says so, the login screen shows it
        opener.run(_open_station, data_dir, login.migrating.emit, on_done=opened, on_error=failed)
    else:
        login.set_station(station_app, station_app.station().name)
    if login.exec() != QDialog.DialogCode.Accepted:
        opener.wait(30_000)
        if login.station_app is not None:
            login.station_app.close()
        return 0
    station_app = login.station_app
    window = MainWindow(station_app, login.user, kiosk=kiosk, idle_minutes=idle_minutes)
    window.showFullScreen() if kiosk else window.showMaximized()
    rc = qapp.exec()
    station_app.close()
    return rc


if __name__ == "__main__":
    sys.exit(main())
