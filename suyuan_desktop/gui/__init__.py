"""The Qt layer (issue 5). Nothing in suyuan_desktop.core may import it (import-linter)."""
