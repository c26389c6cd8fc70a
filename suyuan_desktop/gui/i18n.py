"""Translation (Qt Linguist). Source strings are Simplified Chinese, the language of the product;
suyuan_desktop/resources/translations/suyuan_en.ts holds the English catalogue (installer/tools/build_translations.py
extracts it with pyside6-lupdate and compiles it with pyside6-lrelease). ``translate`` is Qt's own
QCoreApplication.translate, so lupdate finds every call by its name; the context is the module.

Labels of the domain's enums (状态, 纠纷类型, ...) live in core, which knows nothing of Qt: they are
translated here through the "enums" context, whose entries the build script lists for lupdate.
"""
from __future__ import annotations


from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.resources import translations_dir

translate = QCoreApplication.translate

TRANSLATIONS = translations_dir()
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def enum_label(member) -> str:
    """The label of a domain enum member (``CaseStatus.MEDIATING.label``) in the UI language."""
    return translate("enums", member.label)


def label_of(enum_cls, value) -> str:
    return enum_label(enum_cls(value))


def install_translators(app, lang: str) -> list[QTranslator]:
    """Our catalogue (none is needed for Chinese, the source language) and Qt's own dialogs
    (QFileDialog, QPrintDialog, QMessageBox buttons ...) in the same language."""
    keep = []
    zh = lang.startswith("zh")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    names = [(n, qt_dir) for n in ("qtbase_zh_CN", "qt_zh_CN")] if zh else [(f"suyuan_{lang}", str(TRANSLATIONS))]
    for name, directory in names:
        t = QTranslator(app)
        if t.load(name, directory):
            app.installTranslator(t)
            keep.append(t)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if zh
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app.setProperty("suyuan_lang", "zh_CN" if zh else lang)
    return keep

