"""Logging: a rotating file in the data directory, with personal data masked.

Code logs ids and counts, never names; the filter below is the safety net that masks ID
numbers, credit codes, phone numbers and Chinese personal names that slip into a message.
"""
from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_PATTERNS = (
    (re.compile(r"(?<![0-9A-Za-z])\d{6}(19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx](?![0-9A-Za-z])"), "[身份证号]"),
    (re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"), "[信用代码]"),
    (re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)"), "[手机号]"),
    (re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"), "[电话]"),
    (re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]{2,}"), "[中文]"),
)


def mask_personal_data(text: str) -> str:
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = mask_personal_data(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_personal_data(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        return True


def configure_logging(data_dir: Path | None, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    if getattr(root, "_suyuan_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if data_dir is not None:
        try:
            log_dir = Path(data_dir) / "logs"
            log_dir.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(log_dir / "suyuan.log", maxBytes=2_000_000,
                                                           backupCount=5, encoding="utf-8")
            handler.setFormatter(fmt)
            handler.addFilter(PersonalDataFilter())
            root.addHandler(handler)
        except OSError:
            pass
    logging.getLogger("alembic").setLevel(logging.WARNING)
    root._suyuan_configured = True
