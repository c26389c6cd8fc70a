"""Secrets in the OS keyring (Windows Credential Locker, macOS Keychain, Secret Service).

We never write a secret in plaintext on the quiet: if the keyring library would fall back to an
insecure backend (no backend at all, or keyrings.alt's plaintext file) and the operator did not
choose that backend explicitly with ``PYTHON_KEYRING_BACKEND``, we stop with a message naming
the fix.
"""
from __future__ import annotations

import os
import secrets
import time

import keyring
import keyring.backend
import keyring.core
from keyring.backends import fail

from ..domain.errors import SuyuanError

SERVICE = "suyuan-desktop"
_INSECURE = ("keyrings.alt.file.PlaintextKeyring", "keyring.backends.null.Keyring")


class KeyringUnavailable(SuyuanError):
    code = "keyring_unavailable"


class ProcessKeyring(keyring.backend.KeyringBackend):
    """Secrets that live only as long as this process: for a throwaway station (the smoke test
    of an installed app), never for one that is opened again. Chosen only by code, through
    ``use_process_keyring()``; its priority keeps keyring from ever picking it by itself."""

    priority = -1

    def __init__(self):
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self._secrets.get((service, username))

    def set_password(self, service, username, password):
        self._secrets[(service, username)] = password

    def delete_password(self, service, username):
        if self._secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


def use_process_keyring() -> None:
    keyring.set_keyring(ProcessKeyring())


def _backend_name(backend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


# The platform's own keyring: the one a station PC has (Windows Credential Locker; the Secret
# Service of UOS, Kylin and other Linux desktops; the macOS Keychain).
_NATIVE = {"linux": "keyring.backends.SecretService.Keyring", "win32": "keyring.backends.Windows.WinVaultKeyring",
           "darwin": "keyring.backends.macOS.Keyring"}


def _native_first() -> None:
    """Left to itself, keyring finds its backend by loading every installed backend's entry point
    and asking each whether it can run: 55 to 85 ms of every start with a Secret Service, on the
    way to the first screen. When nobody chose a backend (no ``PYTHON_KEYRING_BACKEND``, no
    ``keyringrc.cfg``), the platform's own is asked first; only if it cannot run does keyring
    look through the rest, as before."""
    import importlib
    import sys
    from pathlib import Path

    from keyring.util import platform_
    if os.environ.get("PYTHON_KEYRING_BACKEND") or Path(platform_.config_root(), "keyringrc.cfg").exists():
        return
    module, _, name = _NATIVE.get(sys.platform, "").rpartition(".")
    try:
        native = getattr(importlib.import_module(module), name)()
        if native.priority > 0:   # raises when the service is not there
            keyring.set_keyring(native)
    except Exception:  # noqa: BLE001 - not usable here: keyring's own search decides
        return


def backend() -> keyring.backend.KeyringBackend:
    if keyring.core._keyring_backend is None:   # nothing chosen yet in this process
        _native_first()
    kr = keyring.get_keyring()
    name = _backend_name(kr)
    explicit = bool(os.environ.get("PYTHON_KEYRING_BACKEND"))
    if isinstance(kr, fail.Keyring):
        raise KeyringUnavailable(
            "找不到系统钥匙串，无法安全保存数据库密钥。请在桌面会话中运行（Windows 凭据管理器、"
            "macOS 钥匙串或 Linux 的 GNOME Keyring/KWallet），或由运维人员通过环境变量 "
            "PYTHON_KEYRING_BACKEND 明确指定钥匙串后端（见 README）。"
        )
    if isinstance(kr, ProcessKeyring):
        return kr
    if not explicit and (name in _INSECURE or getattr(kr, "priority", 1) < 1):
        raise KeyringUnavailable(
            f"系统钥匙串后端“{name}”会以明文保存密钥，已拒绝使用。请启用系统钥匙串，或在明白风险的前提下"
            "通过 PYTHON_KEYRING_BACKEND 明确指定该后端（仅限测试机）。"
        )
    return kr


def get_secret(name: str) -> str | None:
    try:
        return backend().get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"读取系统钥匙串失败：{type(exc).__name__}。请确认钥匙串已解锁。") from None


def get_kept_secret(name: str) -> str | None:
    """A secret that is never removed in normal use (the database key, the device's refresh token):
    read again a few times before it is reported missing, since a file-backed keyring rewritten by
    another program on the station (a second window, the command line syncing) can be read empty
    in passing."""
    for attempt in range(4):
        value = get_secret(name)
        if value or attempt == 3:
            return value
        time.sleep(0.05 * (attempt + 1))
    return None


def set_secret(name: str, value: str) -> None:
    try:
        backend().set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"写入系统钥匙串失败：{type(exc).__name__}。请确认钥匙串已解锁。") from None


def delete_secret(name: str) -> None:
    try:
        backend().delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass


def db_key_name(store_id: str) -> str:
    return f"db-key/{store_id}"


def load_db_key(store_id: str) -> bytes | None:
    value = get_kept_secret(db_key_name(store_id))
    return bytes.fromhex(value) if value else None


def create_db_key(store_id: str) -> bytes:
    key = secrets.token_bytes(32)
    set_secret(db_key_name(store_id), key.hex())
    if load_db_key(store_id) != key:  # a keyring that does not keep what it is given
        raise KeyringUnavailable("系统钥匙串没有保存住数据库密钥，请检查钥匙串设置。")
    return key
