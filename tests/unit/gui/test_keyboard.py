"""Kiosk mode's on-screen keyboard, typed on by tapping its keys (in its own process under Xvfb:
Qt reads the input-method choice once per process, and the offscreen platform has no focus)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (./dev.sh installs it)")
def test_login_and_a_chinese_name_typed_on_the_on_screen_keyboard_and_tall_forms_fit_above_it():
    r = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable,
                        str(ROOT / "tests" / "helpers" / "osk_check.py")],
                       capture_output=True, text=True, timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="xcb"))
    assert r.returncode == 0, r.stderr[-2000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert result == {"loaded": True, "shown_on_focus": True, "keyboard_parent": "LoginDialog",
                      "username": "admin", "name": "张", "low_field_above_keyboard": True,
                      "hidden_off_text": True, "dialog_back_in_place": True}
