"""Builds the installers: the UOS/Kylin .deb and the Windows setup program (docs/packaging.md)."""
