"""CJK fonts for ReportLab: registration, per-character fallback and line-breaking rules.

ReportLab silently draws a glyph a font lacks as a blank or a box, so every character of the
case data is checked against the fonts (docs/qt-notes.md, "Fonts in printed documents"): each run of text goes to
the first font that has its characters; a character no font has stops the document, naming it.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import textsplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as rl_paragraph

from ..domain.errors import SuyuanError

# Chinese punctuation that must never start a line (ReportLab lets several of these through).
_NO_LINE_START = "，。、；：！？）》」』】〕〉”’…—·％‰,.;:!?)]}"
textsplit.ALL_CANNOT_START = textsplit.ALL_CANNOT_START + "".join(
    c for c in _NO_LINE_START if c not in textsplit.ALL_CANNOT_START)
rl_paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START


_rl_make_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname, subset):
    """ReportLab writes a code point above U+FFFF as odd-length hex (<20BB7>), which readers
    reject, so copying 𠮷 out of the PDF gives nothing. The PDF spec wants UTF-16BE: a
    surrogate pair (<D842DFB7>). Same CMap otherwise."""
    cmap = _rl_make_to_unicode(fontname, subset)
    for i, v in enumerate(subset):
        if v > 0xFFFF:
            utf16 = chr(v).encode("utf-16-be").hex().upper()
            cmap = cmap.replace("<%02X> <%04X>" % (i, v), "<%02X> <%s>" % (i, utf16), 1)
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


class MissingGlyph(SuyuanError):
    code = "missing_glyph"

    def __init__(self, char: str, where: str):
        self.char = char
        self.where = where
        super().__init__(f"无法出具文书：{where}中的字符“{char}”（U+{ord(char):04X}）在所有可用字体中都没有，"
                         "打印出来会是空白或方框。请在设置中添加包含该字的字体，或与当事人确认写法。")


@dataclass(frozen=True)
class FontSpec:
    name: str
    path: Path
    subfont: int | None = None


class FontsNotBuilt(SuyuanError):
    code = "fonts_not_built"


def _shipped(resources: Path) -> dict[str, FontSpec]:
    """The fonts the package carries, subset at build time (docs/packaging.md, "Fonts")."""
    fonts = resources / "fonts"
    shipped = {
        "body": FontSpec("SY-Ming", fonts / "uming-gbk.ttf"),
        "title": FontSpec("SY-Hei", fonts / "wqy-zenhei-gb2312.ttf"),
        "fallback": FontSpec("SY-Kai", fonts / "LXGWWenKai-Regular.ttf"),
    }
    missing = [s.path.name for s in shipped.values() if not s.path.exists()]
    if missing:
        raise FontsNotBuilt(f"无法出具文书：软件附带的字体缺失（{'、'.join(missing)}）。请重新安装本软件；"
                            "从源代码运行时先执行 python installer/tools/build_fonts.py。")
    return shipped


def spec_for_file(name: str, path: Path | str | None) -> FontSpec | None:
    """A station's own font file (first face of a .ttc), or None when it is not there."""
    if not path:
        return None
    path = Path(path)
    return FontSpec(name, path, 0 if path.suffix.lower() == ".ttc" else None) if path.exists() else None


def _spec_from_env(var: str, name: str) -> FontSpec | None:
    return spec_for_file(name, os.environ.get(var))


class FontSet:
    """Registered fonts: body, title, then fallbacks tried in order for each character."""

    _lock = threading.Lock()
    _registered: dict[str, TTFont] = {}

    def __init__(self, resources: Path, body: FontSpec | None = None, title: FontSpec | None = None):
        shipped = _shipped(resources)
        self.body = self._register(body or _spec_from_env("SUYUAN_BODY_FONT", "SY-Body-Local") or shipped["body"])
        self.title = self._register(title or _spec_from_env("SUYUAN_TITLE_FONT", "SY-Title-Local") or shipped["title"])
        chain = [self.body, self.title, self._register(shipped["body"]), self._register(shipped["title"]),
                 self._register(shipped["fallback"])]
        self.chain = list(dict.fromkeys(chain))
        self._cmaps = {n: pdfmetrics.getFont(n).face.charToGlyph for n in self.chain}

    @classmethod
    def _register(cls, spec: FontSpec) -> str:
        with cls._lock:
            if spec.name not in cls._registered:
                font = TTFont(spec.name, str(spec.path), subfontIndex=spec.subfont) if spec.subfont is not None \
                    else TTFont(spec.name, str(spec.path))
                pdfmetrics.registerFont(font)
                cls._registered[spec.name] = font
        return spec.name

    def font_for(self, ch: str, preferred: str) -> str | None:
        code = ord(ch)
        if ch in "\n\t " or code < 0x20:
            return preferred
        if code in self._cmaps[preferred]:
            return preferred
        for name in self.chain:
            if code in self._cmaps[name]:
                return name
        return None

    def check(self, text: str, where: str, preferred: str | None = None) -> None:
        preferred = preferred or self.body
        for ch in text or "":
            if self.font_for(ch, preferred) is None:
                raise MissingGlyph(ch, where)

    def markup(self, text: str, where: str, preferred: str | None = None) -> str:
        """Paragraph markup of ``text`` with <font> runs for characters the preferred font lacks."""
        preferred = preferred or self.body
        out: list[str] = []
        run_font, run = preferred, []
        for ch in text or "":
            font = self.font_for(ch, preferred)
            if font is None:
                raise MissingGlyph(ch, where)
            if font != run_font and run:
                out.append(self._wrap(run_font, preferred, "".join(run)))
                run = []
            run_font = font
            run.append(ch)
        if run:
            out.append(self._wrap(run_font, preferred, "".join(run)))
        return "".join(out).replace("\n", "<br/>")

    @staticmethod
    def _wrap(font: str, preferred: str, text: str) -> str:
        text = escape(text)
        return text if font == preferred else f'<font name="{font}">{text}</font>'


_default: FontSet | None = None


def default_fonts() -> FontSet:
    global _default
    if _default is None:
        from ..resources import resources_dir
        _default = FontSet(resources_dir())
    return _default
