"""Reads one ID card with a vendor library and prints the result as one line of JSON; run by
``devices.idcard.HelperReader`` in a process of its own (docs/idcard-reader.md).

``python -m suyuan_desktop.core.devices.idcard_helper termb|sdtapi LIBRARY PORT``
"""
from __future__ import annotations

import ctypes
import json
import os
import sys


def _load(path: str):
    return ctypes.WinDLL(path) if os.name == "nt" else ctypes.CDLL(path)   # the vendors' Windows DLLs are stdcall


def _termb(lib, port: int) -> tuple[bytes, bool]:
    """神思/华视: InitComm → Authenticate → Read_Content, which writes wz.txt (text) and zp.bmp
    (photo) into the working directory."""
    if lib.InitComm(port) != 1:
        raise _Fail(f"无法打开读卡器端口 {port}，请检查读卡器连接。", "port")
    try:
        if lib.Authenticate() != 1:
            raise _Fail("没有检测到身份证，请把身份证平放在读卡器上再读。", "no_card")
        if lib.Read_Content(1) != 1:
            raise _Fail("读取身份证信息失败，请重新放置身份证后再读。", "read")
        with open("wz.txt", "rb") as f:
            text = f.read()
        photo = os.path.exists("zp.bmp")
        for name in ("wz.txt", "zp.bmp", "zp.wlt"):
            if os.path.exists(name):
                os.remove(name)    # the photo is never kept
        return text, photo
    finally:
        lib.CloseComm()


def _sdtapi(lib, port: int) -> tuple[bytes, bool]:
    """SDTAPI: SDT_OpenPort → SDT_StartFindIDCard → SDT_SelectIDCard → SDT_ReadBaseMsg (0x90: done)."""
    if lib.SDT_OpenPort(port) != 0x90:
        raise _Fail(f"无法打开读卡器端口 {port}，请检查读卡器连接。", "port")
    try:
        mana = ctypes.create_string_buffer(8)
        if lib.SDT_StartFindIDCard(port, mana, 1) != 0x9F:
            raise _Fail("没有检测到身份证，请把身份证平放在读卡器上再读。", "no_card")
        lib.SDT_SelectIDCard(port, mana, 1)
        text, photo = ctypes.create_string_buffer(256), ctypes.create_string_buffer(1024)
        text_len, photo_len = ctypes.c_uint(0), ctypes.c_uint(0)
        if lib.SDT_ReadBaseMsg(port, text, ctypes.byref(text_len), photo, ctypes.byref(photo_len), 1) != 0x90:
            raise _Fail("读取身份证信息失败，请重新放置身份证后再读。", "read")
        return text.raw[:text_len.value or 256], photo_len.value > 0
    finally:
        lib.SDT_ClosePort(port)


class _Fail(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


def main(argv: list[str]) -> int:
    # run in a folder of its own, which the application removes afterwards even when this
    # process crashes or is killed: termb writes the card's files (the photo too) there
    answer = _read(argv[0], argv[1], int(argv[2]))
    print(json.dumps(answer, ensure_ascii=False), flush=True)
    return 0


def _read(backend: str, library: str, port: int) -> dict:
    try:
        lib = _load(library)
    except OSError:
        answer = {"ok": False, "code": "library", "error": f"无法加载读卡器动态库 {library}（文件不存在、位数不符或缺少依赖）。"}
    else:
        try:
            text, photo = (_termb if backend == "termb" else _sdtapi)(lib, port)
            answer = {"ok": True, "text": text.hex(), "photo": photo}
        except _Fail as exc:
            answer = {"ok": False, "code": exc.code, "error": exc.message}
        except AttributeError as exc:
            answer = {"ok": False, "code": "library", "error": f"动态库 {library} 不是 {backend} 接口：缺少 {exc}。"}
    return answer


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
