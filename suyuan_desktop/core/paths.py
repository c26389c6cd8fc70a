"""Where a station's data lives by default (kept free of heavy imports: used before first paint)."""
from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    if os.environ.get("SUYUAN_DATA_DIR"):
        return Path(os.environ["SUYUAN_DATA_DIR"])
    import platformdirs
    return Path(platformdirs.user_data_dir("suyuan-station", "suyuan"))


def station_exists(data_dir: Path) -> bool:
    return (Path(data_dir) / "station.json").exists()


LOCAL_SETTINGS = "settings.json"


def read_local_settings(data_dir: Path | None) -> dict:
    """This computer's options (fonts, printer, kiosk mode, language): a plain JSON file next to
    the database, readable before it is opened. It holds no personal data."""
    if data_dir is None:
        return {}
    import json
    try:
        data = json.loads((Path(data_dir) / LOCAL_SETTINGS).read_text("utf-8"))
    except (FileNotFoundError, ValueError, TypeError, OSError):
        return {}
    return data if isinstance(data, dict) else {}
