"""The wheel is complete: installed into a fresh virtual environment outside the checkout, it
initialises a station, prints an agreement and passes the desktop app's smoke test."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from installer import bundle
from tests.installer.common import ADMIN_PASSWORD, ROOT, check_round, round_script

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def test_the_wheel_carries_every_resource_and_runs_outside_the_checkout(tmp_path):
    wheel = bundle.build_wheel(tmp_path / "wheel")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {f"suyuan_desktop/core/documents/templates/{p.name}"
                 for p in (ROOT / "suyuan_desktop/core/documents/templates").glob("*.toml")}
    migrations = {f"suyuan_desktop/core/store/migrations/versions/{p.name}"
                  for p in (ROOT / "suyuan_desktop/core/store/migrations/versions").glob("0*.py")}
    assert len(templates) >= 9 and len(migrations) >= 10
    assert templates | migrations | {
        "suyuan_desktop/resources/fonts/uming-gbk.ttf", "suyuan_desktop/resources/fonts/wqy-zenhei-gb2312.ttf",
        "suyuan_desktop/resources/fonts/LXGWWenKai-Regular.ttf", "suyuan_desktop/resources/translations/suyuan_en.qm",
        "suyuan_desktop/resources/qml/keyboard.qml", "suyuan_desktop/resources/icons/suyuan.svg",
        "suyuan_desktop/core/domain/data/holidays.json", "suyuan_desktop/core/store/migrations/script.py.mako",
        "district_server/migrations/versions/0001_initial.py",
    } <= names

    # A fresh venv with only the wheel in it; the dependencies come from the suite's environment
    # through a path entry (installing PySide6 again would only measure the network).
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
                    "--disable-pip-version-check", str(wheel)], check=True)
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "suite_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = dict(os.environ, SUYUAN_ADMIN_PASSWORD=ADMIN_PASSWORD, QT_QPA_PLATFORM="offscreen")
    where = subprocess.run([str(py), "-c", "import suyuan_desktop; print(suyuan_desktop.__file__)"], cwd=work,
                           env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(site)), where  # the wheel's copy, not the checkout's

    r = subprocess.run(["sh", "-c", round_script(str(venv / "bin" / "suyuan"), str(work / "station"),
                                                 str(work / "agreement.pdf"))],
                       cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    check_round(work, work / "agreement.pdf")

    r = subprocess.run([str(venv / "bin" / "suyuan-desktop"), "--smoke-test"], cwd=work, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "smoke test: main window interactive" in r.stdout, r.stderr
