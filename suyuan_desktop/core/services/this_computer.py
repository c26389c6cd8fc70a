"""This computer's own settings, kept beside the station in its data directory and never synced:
fonts and printers differ from PC to PC, a kiosk is a kiosk, and so is the ID card reader.

``StationApp`` hands one out as ``app.computer``; the GUI's 设置 → 本机 page and the
``suyuan idcard`` commands use it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..domain.errors import FieldError, ValidationError
from ..paths import LOCAL_SETTINGS, read_local_settings

LANGUAGES = ("zh_CN", "en")  # the UI languages the desktop app ships catalogues for


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


class ThisComputer:
    def __init__(self, data_dir: Path, *, on_fonts_changed=lambda: None):
        self.data_dir = Path(data_dir)
        self._on_fonts_changed = on_fonts_changed   # the station forgets its document fonts

    def settings(self) -> dict:
        return read_local_settings(self.data_dir)

    def save(self, *, body_font: str | None = None, title_font: str | None = None, printer: str | None = None,
             kiosk: bool = False, idle_minutes: float = 10, language: str = "zh_CN") -> dict:
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
        self._write(settings)
        self._on_fonts_changed()
        return settings

    def _write(self, changes: dict) -> dict:
        """Merge ``changes`` into this computer's settings file (atomically; other keys kept)."""
        settings = {**self.settings(), **changes}
        path = self.data_dir / LOCAL_SETTINGS
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(settings, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, path)
        return settings

    # --- the ID card reader of this computer (docs/idcard-reader.md) ---------------------------

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
        return self._write({"idcard_reader": conf})["idcard_reader"]

    def read_id_card(self):
        """The card on this computer's reader (``domain.idcard_chip.CardText``); ``IdCardError``
        says why not. The photo is never kept."""
        from ..devices.idcard import IdCardError, reader_from_settings
        reader = reader_from_settings(self.settings())
        if reader is None:
            raise IdCardError("本机没有设置身份证读卡器：可在命令行用 suyuan idcard setup 设置，或手工填写。", "not_configured")
        return reader.read()
