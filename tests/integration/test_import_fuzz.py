"""`suyuan case import` of a mutated export: refused cleanly (exit 1) or imported (exit 0), never a crash.

The base file is a real export of one station (whole cases with parties, records, agreements,
confirmations, follow-ups and mediators) imported into a second station that has cases of its
own. Hypothesis drops, duplicates, swaps and corrupts fields and ids, including ids taken from
the receiving station (the collisions an all-or-nothing import has to see before writing).
"""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suyuan_desktop import cli
from suyuan_desktop.core.services import exchange
from suyuan_desktop.core.services.users import actor_for
from suyuan_desktop.core.store.tracking import verify_audit_chain
from tests.helpers.builders import concluded_case, failed_case, new_case


def _paths(node, prefix=()):
    """Every (container path, key) in the document, for mutations to aim at."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for k, v in items:
        yield prefix, k
        yield from _paths(v, (*prefix, k))


def _get(doc, path):
    for k in path:
        doc = doc[k]
    return doc


def _ids(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if (k == "id" or k.endswith("_id")) and isinstance(v, str):
                yield v
            yield from _ids(v)
    elif isinstance(node, list):
        for v in node:
            yield from _ids(v)


def _snapshot(app) -> str:
    return json.dumps(exchange.export_cases(app), ensure_ascii=False, sort_keys=True)


@pytest.fixture
def stations(station_factory):
    src = station_factory("src", code="410703001", short="平原")
    dst = station_factory("dst", code="410703002", short="东郊", township="东郊镇")
    for app in (src, dst):
        actor = actor_for(app.users.authenticate("admin", "admin-pass-1"))
        concluded_case(app, actor)
        failed_case(app, actor)
        new_case(app, actor, title="王五与赵六借款纠纷", dispute_type="05")
    return src, dst


def test_a_mutated_export_is_imported_or_refused_never_crashes(stations, tmp_path, capsys):
    src, dst = stations
    base = exchange.export_cases(src)
    station_ids = sorted(set(_ids(exchange.export_cases(dst))))
    doc_ids = sorted(set(_ids(base)))
    dst_dir = dst.data_dir
    dst.close()  # the CLI opens the station itself, as a user's command would
    junk = st.sampled_from([None, "", 0, -1, 2 ** 63, 1.5, True, [], {}, "x" * 300, "2026-13-45",
                            "9" * 40, "（2026）平原人调字第0001号", "410702660315123"])
    any_id = st.sampled_from(station_ids + doc_ids)
    file = tmp_path / "mutated.json"

    @settings(max_examples=120, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.data())
    def run(data):
        doc = copy.deepcopy(base)
        for _ in range(data.draw(st.integers(1, 4), label="mutations")):
            targets = list(_paths(doc["cases"], ("cases",)))
            if not targets:
                break
            path, key = data.draw(st.sampled_from(targets), label="where")
            parent = _get(doc, path)
            op = data.draw(st.sampled_from(["drop", "duplicate", "swap_id", "corrupt"]), label="op")
            if op == "drop":
                del parent[key]
            elif op == "duplicate" and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[key]))
            elif op == "swap_id" and isinstance(parent, dict) and isinstance(parent[key], str):
                parent[key] = data.draw(any_id, label="id")
            else:
                parent[key] = data.draw(junk, label="value")
        file.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        from suyuan_desktop.core.services.station import StationApp
        with StationApp.open(dst_dir) as app:
            before = _snapshot(app)
        rc = cli.main(["--data-dir", str(dst_dir), "case", "import", str(file)])
        err = capsys.readouterr().err
        assert rc in (0, 1), err
        with StationApp.open(dst_dir) as app:
            if rc == 1:
                assert "错误" in err or "导入失败" in err
                assert _snapshot(app) == before, "a refused import changed the station"
            with app.store.read() as s:
                assert verify_audit_chain(s).ok

    run()


def _fresh_ids(doc: dict, keep: set[str]) -> dict:
    """The same cases under new record ids and case numbers (every id except those in ``keep``)."""
    import uuid
    mapping: dict[str, str] = {}

    def walk(node):
        if isinstance(node, dict):
            return {k: (mapping.setdefault(v, str(uuid.uuid4())) if (k == "id" or k.endswith("_id")) and isinstance(v, str)
                        and v not in keep else walk(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node
    out = walk(doc)
    for n, case in enumerate(out["cases"], start=900):
        case["case_seq"] = n
        case["case_number"] = case["case_number"].replace(case["case_number"][-6:], f"第{n:04d}号")
    return out


def test_a_mediator_link_id_the_station_already_has_is_refused_by_path(stations, tmp_path, capsys):
    src, dst = stations
    own = exchange.export_cases(dst)
    link = next(m["link_id"] for c in own["cases"] for m in c["mediators"])
    mediator = next(m for c in own["cases"] for m in c["mediators"])
    doc = _fresh_ids(exchange.export_cases(src), keep={link, mediator["id"]})
    doc["cases"][0]["mediators"] = [dict(mediator)]
    file = tmp_path / "collide.json"
    file.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    before = _snapshot(dst)
    rc = cli.main(["--data-dir", str(dst.data_dir), "case", "import", str(file)])
    err = capsys.readouterr().err
    assert rc == 1, err
    assert "cases[0].mediators[0].link_id" in err and "已被本站的另一条记录使用" in err
    assert _snapshot(dst) == before


def test_a_reference_outside_its_case_is_refused_by_path(stations, tmp_path, capsys):
    src, dst = stations
    doc = exchange.export_cases(src)
    other_party = doc["cases"][1]["parties"][0]["id"]
    doc = _fresh_ids(doc, keep={other_party})
    concluded = next(i for i, c in enumerate(doc["cases"]) if c["agreements"])
    doc["cases"][concluded]["agreements"][0]["signatures"][0]["party_id"] = other_party
    doc["cases"][concluded]["agreements"][0]["supersedes_id"] = doc["cases"][1]["id"]
    file = tmp_path / "dangling.json"
    file.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    rc = cli.main(["--data-dir", str(dst.data_dir), "case", "import", str(file)])
    err = capsys.readouterr().err
    assert rc == 1, err
    assert f"cases[{concluded}].agreements[0].signatures[0].party_id" in err
    assert f"cases[{concluded}].agreements[0].supersedes_id" in err


def test_an_import_error_names_the_field_in_chinese_once_with_the_records_own_limit(stations, tmp_path, capsys):
    """The file's field is named as a person knows it, once, and the limit is the one the record has."""
    from suyuan_desktop.core.domain.records import max_chars
    src, dst = stations
    doc = _fresh_ids(exchange.export_cases(src), keep=set())
    i = next(i for i, c in enumerate(doc["cases"]) if c["agreements"])
    address, place = max_chars("parties", "address"), max_chars("agreements", "performance_place")
    doc["cases"][i]["parties"][0]["address"] = "东" * (address + 1)
    doc["cases"][i]["parties"][1]["role"] = "witness"
    doc["cases"][i]["agreements"][0]["performance_place"] = "西" * (place + 1)
    doc["cases"][i]["mediators"][0]["name"] = "欧" * max_chars("mediators", "name")   # at the limit: fine
    file = tmp_path / "labels.json"
    file.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    before = _snapshot(dst)
    assert cli.main(["--data-dir", str(dst.data_dir), "case", "import", str(file)]) == 1
    lines = [line.strip() for line in capsys.readouterr().err.splitlines()]
    assert lines[0] == "导入失败，共 3 处错误，未导入任何案件："
    assert f"cases[{i}].parties[0].address：住址或单位地址 不能超过{address}个字，现在是{address + 1}个字。" in lines
    assert any(line.startswith(f"cases[{i}].parties[1].role：当事人身份 “witness”不是有效选项") for line in lines)
    assert f"cases[{i}].agreements[0].performance_place：履行地点 不能超过{place}个字符，现在是{place + 1}个。" in lines
    assert _snapshot(dst) == before
