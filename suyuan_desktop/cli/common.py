"""What every `suyuan` command shares: the error it raises, who it acts as, reading and writing JSON."""
from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

from ..core.services.station import StationApp
from ..core.services.users import system_actor

EXIT_INPUT, EXIT_USAGE, EXIT_ENV, EXIT_OFFLINE = 1, 2, 3, 6



class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_INPUT):
        super().__init__(message)
        self.code = code


def _actor():
    """The CLI acts as the operating-system account running it, recorded as such in the audit log."""
    try:
        who = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some service accounts
        who = "unknown"
    return system_actor(f"cli:{who}")


def _secret(args, flag: str, env: str, prompt: str) -> str:
    value = getattr(args, flag, None)
    if value:
        return value
    if os.environ.get(env):
        return os.environ[env]
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("再输入一次：") != first:
            raise CliError("两次输入不一致。")
        return first
    raise CliError(f"请通过环境变量 {env} 或参数 --{flag.replace('_', '-')} 提供{prompt.rstrip('：:')}。", EXIT_USAGE)


def _open(args) -> StationApp:
    return StationApp.open(args.data_dir, on_migrate=_say_migrating)


def _say_migrating(current: str, target: str) -> None:
    print(f"正在升级站点数据库（{current} → {target}，升级前已备份到 backups 目录）。"
          "案件多时约需一两分钟，请勿中断……", file=sys.stderr, flush=True)


def _read_json(path: str):
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text("utf-8")
    except FileNotFoundError:
        raise CliError(f"找不到文件 {path}。") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"{path} 不是有效的 JSON：第{exc.lineno}行第{exc.colno}列{_json_problem(exc.msg)}。"
                       "文件可能不完整或被改动过，请重新导出。") from None


_JSON_PROBLEMS = (("Unterminated string", "处文字没有结束（缺少右引号）"), ("Expecting value", "处缺少数值"),
                  ("Expecting ',' delimiter", "处缺少逗号"), ("Expecting ':' delimiter", "处缺少冒号"),
                  ("Expecting property name", "处缺少字段名（或多了逗号）"), ("Invalid control character", "处有不允许的控制字符"),
                  ("Extra data", "之后还有多余内容"), ("Invalid \\escape", "处有无效的转义符"))


def _json_problem(msg: str) -> str:
    """The json module's English reason, in Chinese (never its English tail)."""
    return next((zh for en, zh in _JSON_PROBLEMS if msg.startswith(en)), "处格式错误")


def _write_json(doc, output: str | None) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if not output or output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, "utf-8")


# --- commands ----------------------------------------------------------------------------------
