"""Start the station on its embedded default: the encrypted database in the user's data directory.

Used by ``./dev.sh run``. Starts the desktop app when it is installed and a screen is
available; otherwise (until then, or on a headless machine) it shows the station from the
command line. On first start it creates a demo station, so there is something to look at.
"""
from __future__ import annotations

import importlib.util
import os
import secrets
import sys



def _gui_available() -> bool:
    has_screen = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or sys.platform in ("win32", "darwin")
    return has_screen and importlib.util.find_spec("suyuan_desktop.gui.app") is not None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _gui_available() and "--cli" not in argv:
        # the window first: the command line and the store are imported only when used
        from .gui.app import main as gui_main
        return gui_main(argv)
    from .cli import main as cli_main
    from .core.services.station import StationApp, default_data_dir
    data_dir = default_data_dir()
    if not StationApp.exists(data_dir):
        password = secrets.token_urlsafe(9)
        os.environ["SUYUAN_ADMIN_PASSWORD"] = password
        rc = cli_main(["--data-dir", str(data_dir), "init", "--code", "410703DEMO", "--name", "演示调解站",
                       "--township", "平原镇", "--short-name", "演示", "--admin", "admin", "--admin-name", "演示管理员"])
        if rc:
            return rc
        print(f"首次启动：已创建演示站点，管理员 admin 的初始密码为 {password}（请登录后修改）")
        cli_main(["--data-dir", str(data_dir), "demo", "--cases", "200"])
    print(f"站点数据目录：{data_dir}\n")
    cli_main(["--data-dir", str(data_dir), "case", "list", "--limit", "15"])
    print("\n即将到期的期限：")
    return cli_main(["--data-dir", str(data_dir), "deadlines"])


if __name__ == "__main__":
    sys.exit(main())
