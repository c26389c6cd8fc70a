"""Where the shipped resources (fonts, templates, translations) are."""
from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    env = os.environ.get("SUYUAN_RESOURCES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "resources"
