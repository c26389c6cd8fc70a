"""Screenshots of the district console's pages in Debian's chromium (Playwright) into
docs/screenshots/console-*.png, at 1366×768 and one at 1920×1080, over a district with three
stations and a demo station's synced cases. Everything lives in a temporary folder.

Run: python scripts/console_screenshots.py
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
PASSWORD = "console-pass-2026"


def main() -> None:
    os.environ.setdefault("SUYUAN_CLOCK", "2026-11-28")
    from district_server.console.accounts import Accounts
    from district_server.service import DistrictService
    from suyuan_desktop.core.services.demo import generate_demo
    from tests.helpers.builders import throwaway_station
    from tests.sync.harness import free_port, start_server_process
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-console-shots-"))
    url = f"sqlite:///{tmp / 'district.db'}"
    svc = DistrictService(url, tmp / "blobs")
    svc.create_schema()
    for code, name in (("410703001", "平原镇调委会"), ("410703002", "南桥街道调委会"), ("410703003", "胜利路街道调委会")):
        svc.add_station(code, name)
    Accounts(svc.engine).add_user("wang", "王主任", "admin", PASSWORD)
    port = free_port()
    proc = start_server_process(port, "--database-url", url, "--blob-dir", str(tmp / "blobs"))
    try:
        station, admin = throwaway_station(tmp / "station")
        generate_demo(station, admin, 60, seed=5)
        station.sync.enroll(f"http://127.0.0.1:{port}", svc.issue_ticket("410703001"))
        station.sync.sync()
        case_number = station.cases.search(limit=1).items[0].case_number
        station.close()
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            base = f"http://127.0.0.1:{port}/console"
            page.goto(base)
            page.screenshot(path=OUT / "console-login.png")
            page.get_by_label("用户名").fill("wang")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_role("button", name="登录").click()
            shots = [("statistics?period=2026", "console-statistics"), ("stations", "console-stations"),
                     ("conflicts", "console-conflicts"), ("reference", "console-reference"),
                     (f"cases?q={case_number}", "console-cases"), ("audit", "console-audit")]
            for path, name in shots:
                page.goto(f"{base}/{path}")
                page.screenshot(path=OUT / f"{name}.png")
            page.set_viewport_size({"width": 1920, "height": 1080})
            page.goto(f"{base}/statistics?period=2026")
            page.screenshot(path=OUT / "console-statistics-1920x1080.png")
            browser.close()
    finally:
        proc.terminate()
        svc.dispose()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
