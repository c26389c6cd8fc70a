"""Reading a resident ID card (docs/idcard-reader.md).

``IdCardReader.read()`` gives the card's text (``domain.idcard_chip.CardText``) or raises
``IdCardError`` with a message for the person at the counter. The vendor libraries are loaded in
a helper process (``idcard_helper``), never in the application: they are often 32-bit, crash, or
hang, and the application must survive all three. A ``SimulatedReader`` stands in for a device.
The photo is never kept: the helper reports only whether the card had one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from typing import Protocol

from ..domain.errors import SuyuanError
from ..domain.idcard_chip import CardText, ChipTextError, parse_card_text

BACKENDS = {"termb": "神思/华视 termb 接口（InitComm/Authenticate/Read_Content）",
            "sdtapi": "SDTAPI 接口（SDT_OpenPort/SDT_ReadBaseMsg）",
            "simulator": "模拟读卡器（演示和测试）"}


class IdCardError(SuyuanError):
    """The card could not be read; ``message`` says why and what to do."""

    def __init__(self, message: str, code: str = "failed"):
        super().__init__(message, code=code)


class IdCardReader(Protocol):
    def read(self) -> CardText: ...


@dataclass
class SimulatedReader:
    """A reader that hands back the card it was given (or refuses, as a reader with no card does)."""

    card: CardText | None

    def read(self) -> CardText:
        if self.card is None:
            raise IdCardError("没有检测到身份证，请把身份证平放在读卡器上再读。", "no_card")
        return self.card


@dataclass
class HelperReader:
    """A vendor library (``backend`` ∈ termb, sdtapi), run in its own process for each read."""

    backend: str
    library: str
    port: int = 1001
    timeout: float = 8.0
    python: str = sys.executable

    def read(self) -> CardText:
        cmd = [self.python, "-m", "suyuan_desktop.core.devices.idcard_helper", self.backend, self.library, str(self.port)]
        try:
            with tempfile.TemporaryDirectory(prefix="suyuan-idcard-") as work:   # gone afterwards, photo and all
                done = subprocess.run(cmd, capture_output=True, timeout=self.timeout, env=_helper_env(), cwd=work)
        except subprocess.TimeoutExpired:
            raise IdCardError(f"读卡器{self.timeout:.0f}秒没有响应，请检查读卡器连接后再读。", "timeout") from None
        except OSError as exc:
            raise IdCardError(f"无法启动读卡程序：{exc.strerror or exc}。", "start_failed") from None
        try:
            answer = json.loads(done.stdout.decode("utf-8").strip().splitlines()[-1])
        except (ValueError, IndexError, UnicodeDecodeError):
            # the vendor library took the helper down (a crash, an abort): the application carries on
            raise IdCardError(f"读卡器程序异常退出（退出码 {done.returncode}）。请重新插拔读卡器后再读；"
                              "仍不行请手工填写。", "helper_crashed") from None
        if not answer.get("ok"):
            raise IdCardError(answer.get("error") or "读卡失败，请重新放置身份证后再读。", answer.get("code") or "failed")
        try:
            return parse_card_text(bytes.fromhex(answer["text"]))
        except (ChipTextError, ValueError, KeyError) as exc:
            raise IdCardError(str(exc) if isinstance(exc, ChipTextError) else "读卡器返回的信息不完整，请重新读卡。",
                              "bad_text") from None


def _helper_env() -> dict:
    # the helper imports this package, wherever the application runs it from (source tree, wheel)
    env = dict(os.environ)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def reader_from_settings(settings: dict) -> IdCardReader | None:
    """The reader a station set up (``idcard_reader`` in its local settings), or None."""
    conf = settings.get("idcard_reader") or {}
    backend = conf.get("backend")
    if not backend or backend == "none":
        return None
    if backend == "simulator":
        from ..domain.idcard_chip import SAMPLE_CARD
        return SimulatedReader(SAMPLE_CARD)
    if backend not in BACKENDS:
        raise IdCardError(f"不认识的读卡器接口“{backend}”，可选：{'、'.join(BACKENDS)}。", "config")
    if not conf.get("library"):
        raise IdCardError("读卡器设置中缺少厂商动态库（termb.dll、sdtapi.dll 或 .so）的路径。", "config")
    return HelperReader(backend, conf["library"], int(conf.get("port") or 1001))
