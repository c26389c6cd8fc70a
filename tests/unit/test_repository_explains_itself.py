"""The code cites what is in the repository: no issue numbers, no documents a reader cannot open."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTSIDE = re.compile(r"[Ii]ssue #?\d+|(?<!docs/)\b(sync|domain|printing|style|packaging|reports-and-counter)\.md\b|shared/reference|§\d")


def test_no_comment_points_outside_the_repository():
    found = []
    for top in ("suyuan_desktop", "district_server", "tests", "bench", "scripts", "installer"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "/gui/forms/" in path.as_posix() or path == Path(__file__).resolve():
                continue
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if OUTSIDE.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == [], "cite docs/ instead:\n" + "\n".join(found)


def test_every_docs_file_the_code_cites_exists():
    cited = set()
    for top in ("suyuan_desktop", "district_server"):
        for path in (ROOT / top).rglob("*.py"):
            cited.update(re.findall(r"docs/[\w-]+\.md", path.read_text("utf-8")))
    missing = sorted(c for c in cited if not (ROOT / c).is_file())
    assert cited and missing == []
