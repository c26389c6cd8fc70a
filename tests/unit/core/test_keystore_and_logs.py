import logging

import keyring.backend
import keyring.core
import pytest

from suyuan_desktop.core.security import keystore
from suyuan_desktop.logsetup import PersonalDataFilter, mask_personal_data
from tests.helpers.builders import ZHANG_ID


def test_plaintext_backend_not_chosen_explicitly_is_refused(monkeypatch):
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    from keyrings.alt.file import PlaintextKeyring
    monkeypatch.setattr(keyring.core, "_keyring_backend", PlaintextKeyring())
    with pytest.raises(keystore.KeyringUnavailable) as exc:
        keystore.create_db_key("store-1")
    assert "明文" in exc.value.message


def test_no_backend_names_the_fix(monkeypatch):
    from keyring.backends.fail import Keyring
    monkeypatch.setattr(keyring.core, "_keyring_backend", Keyring())
    with pytest.raises(keystore.KeyringUnavailable) as exc:
        keystore.load_db_key("store-1")
    assert "PYTHON_KEYRING_BACKEND" in exc.value.message


class NativeKeyring(keyring.backend.KeyringBackend):
    """Stands in for the platform's own keyring (Secret Service, Credential Locker)."""
    priority = 5
    kept: dict = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


class AbsentKeyring(NativeKeyring):
    @property
    def priority(self):
        raise RuntimeError("the Secret Service daemon is neither running nor activatable")


def _nobody_chose(monkeypatch, native: type):
    import sys
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setitem(keystore._NATIVE, sys.platform, f"{__name__}.{native.__name__}")
    searched = []
    monkeypatch.setattr(keyring.core, "init_backend", lambda *a: searched.append(1) or keyring.core.set_keyring(
        __import__("keyring.backends.fail", fromlist=["Keyring"]).Keyring()))
    return searched


def test_the_platforms_own_keyring_is_used_without_searching_every_backend(monkeypatch):
    searched = _nobody_chose(monkeypatch, NativeKeyring)
    key = keystore.create_db_key("store-3")
    assert keystore.load_db_key("store-3") == key and isinstance(keyring.core.get_keyring(), NativeKeyring)
    assert not searched


def test_without_the_platforms_keyring_the_search_decides_as_before(monkeypatch):
    searched = _nobody_chose(monkeypatch, AbsentKeyring)
    with pytest.raises(keystore.KeyringUnavailable) as exc:   # here the search finds nothing
        keystore.load_db_key("store-4")
    assert searched and "PYTHON_KEYRING_BACKEND" in exc.value.message


def test_explicit_backend_stores_and_returns_the_key():
    key = keystore.create_db_key("store-2")
    assert len(key) == 32 and keystore.load_db_key("store-2") == key


def test_masking_removes_ids_phones_codes_and_names():
    text = f"party 张三丰 id {ZHANG_ID} phone 138-0013-8000 code 91110000600037341L tel 0373-5551234 case 42"
    masked = mask_personal_data(text)
    for secret in ("张三丰", ZHANG_ID, "138-0013-8000", "91110000600037341L", "0373-5551234"):
        assert secret not in masked
    assert "case 42" in masked


def test_log_records_are_masked_including_tracebacks(tmp_path):
    logger = logging.getLogger("test.masking")
    handler = logging.FileHandler(tmp_path / "x.log", encoding="utf-8")
    handler.addFilter(PersonalDataFilter())
    logger.addHandler(handler)
    try:
        raise ValueError(f"bad id {ZHANG_ID}")
    except ValueError:
        logger.exception("import failed for %s", "李四")
    handler.close()
    content = (tmp_path / "x.log").read_text("utf-8")
    assert ZHANG_ID not in content and "李四" not in content and "ValueError" in content
