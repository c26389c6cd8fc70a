"""The Qt layer. Nothing in suyuan_desktop.core may import it (import-linter)."""
