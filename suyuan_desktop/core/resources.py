"""Where the shipped resources are: fonts, translations, QML (suyuan_desktop/resources/) and the
document templates (core/documents/templates/). They are package data, so a wheel or an
installer carries them; see docs/packaging.md."""
from __future__ import annotations

import os
from importlib import resources as _ir
from pathlib import Path


def resources_dir() -> Path:
    """The resources folder. ``SUYUAN_RESOURCES`` points elsewhere (support staff trying other
    fonts). The package is always installed as files (a checkout, a wheel, the installers), so
    the traversable is a real folder."""
    env = os.environ.get("SUYUAN_RESOURCES")
    if env:
        return Path(env)
    return Path(str(_ir.files("suyuan_desktop") / "resources"))


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qml_dir() -> Path:
    return resources_dir() / "qml"


def app_icon() -> Path:
    return resources_dir() / "icons" / "suyuan.svg"
