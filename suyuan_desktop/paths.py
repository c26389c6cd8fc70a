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
