"""The `suyuan` command as support staff run it: real processes, exit codes, stderr."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.helpers.builders import intake_data

ROOT = Path(__file__).resolve().parents[2]


def run(*args, env_extra=None, input=None):
    env = dict(os.environ, SUYUAN_ADMIN_PASSWORD="admin-pass-1", SUYUAN_BACKUP_PASSPHRASE="backup-passphrase-1",
               PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "suyuan_desktop.cli", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, input=input, timeout=300)


def init(d, code="410703001", short="平原", env=None):
    r = run("--data-dir", d, "init", "--code", code, "--name", f"{short}调处中心", "--township", f"{short}镇",
            "--short-name", short, "--admin", "admin", "--admin-name", "王建国", env_extra=env)
    assert r.returncode == 0, r.stderr
    return d


def case_new(d, tmp_path, data=None):
    """`suyuan case new` with an intake file (the builders' standard case unless ``data`` is given)."""
    f = tmp_path / "case.json"
    f.write_text(json.dumps(data or intake_data(), ensure_ascii=False), "utf-8")
    return run("--data-dir", d, "case", "new", f)


@pytest.fixture(scope="module")
def demo_station(tmp_path_factory):
    """One 200-case demo station shared by the read-only tests of this module. Built before any
    test's clock is set (the fixture outlives them), so it names the tests' date itself: the demo's
    dates follow the station clock, never the computer's."""
    home = tmp_path_factory.mktemp("home")  # the module's own keyring file
    d = tmp_path_factory.mktemp("cli") / "station"
    r = run("--data-dir", d, "init", "--code", "410703001", "--name", "平原调处中心", "--township", "平原镇",
            "--short-name", "平原", "--admin", "admin", "--admin-name", "王建国",
            env_extra={"XDG_DATA_HOME": str(home), "SUYUAN_CLOCK": TODAY.isoformat()})
    assert r.returncode == 0, r.stderr
    r = run("--data-dir", d, "demo", "--cases", 200, env_extra={"XDG_DATA_HOME": str(home), "SUYUAN_CLOCK": TODAY.isoformat()})
    assert r.returncode == 0 and "200" in r.stdout, r.stderr
    return d, {"XDG_DATA_HOME": str(home), "SUYUAN_CLOCK": TODAY.isoformat()}


def test_demo_station_lists_200_cases(demo_station):
    d, env = demo_station
    r = run("--data-dir", d, "case", "list", env_extra=env)
    assert r.returncode == 0
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 200 and "共 200 件" in r.stderr
    statuses = {line.split("\t")[2] for line in lines}
    assert {"待受理", "调解中", "调解成功", "调解终止", "已归档"} <= statuses
    assert len({line.split("\t")[3] for line in lines}) >= 12  # (nearly) every dispute type


def test_export_import_into_a_fresh_station_round_trips_exactly(demo_station, tmp_path):
    d, env = demo_station
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run("--data-dir", d, "case", "export", "-o", first, env_extra=env).returncode == 0
    fresh = init(tmp_path / "fresh", code="410703009", short="中同", env=env)
    r = run("--data-dir", fresh, "case", "import", first, env_extra=env)
    assert r.returncode == 0 and "已导入 200 件" in r.stdout, r.stderr
    assert run("--data-dir", fresh, "case", "export", "-o", second, env_extra=env).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    # importing the same file again is refused as a whole
    r = run("--data-dir", fresh, "case", "import", first, env_extra=env)
    assert r.returncode == 1 and "已存在" in r.stderr and "未导入任何案件" in r.stderr


def test_import_reports_every_invalid_field_and_imports_nothing(demo_station, tmp_path):
    d, env = demo_station
    doc = json.loads(run("--data-dir", d, "case", "export", "--no-files", env_extra=env).stdout)
    doc["cases"] = doc["cases"][:5]
    doc["cases"][1]["parties"][0]["id_number"] = "110105194912310021"
    doc["cases"][3]["dispute_type"] = "离婚"
    doc["cases"][4]["received_date"] = "2026-02-30"
    doc["cases"][4]["colour"] = "red"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    fresh = init(tmp_path / "fresh2", code="410703010", short="铁西", env=env)
    r = run("--data-dir", fresh, "case", "import", bad, env_extra=env)
    assert r.returncode == 1
    for where in ("cases[1].parties[0].id_number", "cases[3].dispute_type", "cases[4].received_date", "cases[4].colour"):
        assert where in r.stderr, where
    assert "共 4 处错误" in r.stderr
    listed = run("--data-dir", fresh, "case", "list", env_extra=env)
    assert listed.stdout == "" and "共 0 件" in listed.stderr


def test_case_new_and_show(tmp_path):
    d = init(tmp_path / "s")
    r = case_new(d, tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == "（2026）平原人调字第0001号"
    r = run("--data-dir", d, "case", "show", "（2026）平原人调字第0001号")
    assert "张三" in r.stdout and "待受理" in r.stdout and "已受理" in r.stdout  # offered next steps


def test_suspend_and_resume_from_the_command_line(tmp_path):
    d = init(tmp_path / "s")
    number = case_new(d, tmp_path).stdout.strip()
    r = run("--data-dir", d, "case", "suspend", number, "--reason", "  ")
    assert r.returncode == 1 and "中止原因" in r.stderr
    r = run("--data-dir", d, "case", "suspend", number, "--reason", "当事人外出务工")
    assert r.returncode == 1 and "待受理" in r.stderr  # a case not yet accepted cannot be suspended
    from suyuan_desktop.core.services.station import StationApp
    from suyuan_desktop.core.store.tracking import SYSTEM
    with StationApp.open(d) as app:
        app.cases.accept(SYSTEM, number)
        app.cases.start_mediation(SYSTEM, number)
    r = run("--data-dir", d, "case", "suspend", number, "--reason", "当事人外出务工")
    assert r.returncode == 0, r.stderr
    assert "中止" in run("--data-dir", d, "case", "show", number).stdout
    r = run("--data-dir", d, "case", "resume", number)
    assert r.returncode == 0 and "已恢复调解" in r.stdout
    assert "调解中" in run("--data-dir", d, "case", "show", number).stdout


def test_a_first_generation_id_number_is_refused_with_the_18_digit_form(tmp_path):
    d = init(tmp_path / "s")
    data = intake_data()
    data["parties"][0]["id_number"] = "410702660315123"
    r = case_new(d, tmp_path, data)
    assert r.returncode == 1 and "parties[0].id_number" in r.stderr
    assert "2013年1月1日停止使用" in r.stderr and "410702196603151233" in r.stderr


def test_errors_are_one_chinese_line_with_nonzero_exit(tmp_path):
    r = run("--data-dir", tmp_path / "none", "case", "list")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "suyuan init" in r.stderr
    d = init(tmp_path / "s")
    data = intake_data()
    data["parties"][0]["phone"] = "123"
    r = case_new(d, tmp_path, data)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "parties[0].phone" in r.stderr
    r = run("--data-dir", d, "init", "--code", "x", "--name", "n", "--township", "t", "--short-name", "s",
            "--admin", "admin", "--admin-name", "n")
    assert r.returncode == 1 and "已有站点" in r.stderr


def test_backup_restore_and_tamper_detection(tmp_path):
    d = init(tmp_path / "s")
    assert run("--data-dir", d, "demo", "--cases", 30).returncode == 0
    backup = tmp_path / "station.bak"
    r = run("--data-dir", d, "backup", "-o", backup)
    assert r.returncode == 0 and "已校验" in r.stdout, r.stderr
    assert "平原".encode() not in backup.read_bytes()
    r = run("--data-dir", tmp_path / "restored", "restore", backup, env_extra={"SUYUAN_BACKUP_PASSPHRASE": "wrong-passphrase"})
    assert r.returncode == 1 and "口令不正确" in r.stderr
    assert r.stderr.count("\n") == 1 and "ERROR" not in r.stderr  # SQLCipher's own log lines stay quiet
    r = run("--data-dir", tmp_path / "restored", "restore", backup)
    assert r.returncode == 0 and "案件 30 件" in r.stdout, r.stderr
    a = run("--data-dir", d, "case", "export").stdout
    b = run("--data-dir", tmp_path / "restored", "case", "export").stdout
    assert a == b and len(json.loads(a)["cases"]) == 30
    assert run("--data-dir", tmp_path / "restored", "audit", "verify").returncode == 0
    # restoring over an existing station is refused
    r = run("--data-dir", d, "restore", backup)
    assert r.returncode == 1 and "新的空目录" in r.stderr


def test_audit_verify_catches_a_forged_entry(tmp_path):
    d = init(tmp_path / "s")
    assert run("--data-dir", d, "demo", "--cases", 3).returncode == 0
    from sqlalchemy import text
    from suyuan_desktop.core.services.station import StationApp
    with StationApp.open(d) as app, app.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor='forged' WHERE seq=(SELECT max(seq)-3 FROM audit_log)"))
    r = run("--data-dir", d, "audit", "verify")
    assert r.returncode == 1 and "被改动" in r.stderr


def test_keyring_missing_is_a_clear_environment_error(tmp_path):
    d = init(tmp_path / "s")
    r = run("--data-dir", d, "case", "list", env_extra={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert r.returncode == 3 and "钥匙串" in r.stderr and "PYTHON_KEYRING_BACKEND" in r.stderr


def test_print_and_verify_from_the_command_line(demo_station, tmp_path):
    d, env = demo_station
    listed = run("--data-dir", d, "case", "list", "--status", "failed", env_extra=env).stdout.splitlines()
    agreed = run("--data-dir", d, "case", "list", "--status", "performed", env_extra=env).stdout.splitlines()
    number = agreed[0].split("\t")[0]
    out = tmp_path / "agreement.pdf"
    r = run("--data-dir", d, "print", "agreement", number, "-o", out, env_extra=env)
    assert r.returncode == 0 and out.read_bytes().startswith(b"%PDF"), r.stderr
    again = tmp_path / "again.pdf"
    r = run("--data-dir", d, "print", "agreement", number, "-o", again, env_extra=env)
    assert "按存档原件" in r.stdout and again.read_bytes() == out.read_bytes()
    r = run("--data-dir", d, "verify", out, env_extra=env)
    assert r.returncode == 0 and "真实" in r.stdout
    tampered = bytearray(out.read_bytes())
    tampered[len(tampered) // 2] ^= 0x20
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(tampered))
    r = run("--data-dir", d, "verify", bad, env_extra=env)
    assert r.returncode == 4 and "已被改动" in r.stderr
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert run("--data-dir", d, "verify", blank, env_extra=env).returncode == 5
    dossier = tmp_path / "dossier.pdf"
    r = run("--data-dir", d, "print", "dossier", number, "-o", dossier, env_extra=env)
    assert r.returncode == 0 and "已生成卷宗" in r.stdout and "当事人身份证明" in r.stderr
    with_facts = None
    for line in listed:
        n = line.split("\t")[0]
        r = run("--data-dir", d, "print", "undisputed-facts", n, "-o", tmp_path / "facts.pdf", env_extra=env)
        if r.returncode == 0:
            with_facts = n
            break
        assert "还没有记载无争议事实" in r.stderr
    assert with_facts, "the demo has failed cases with undisputed-fact records"


def test_station_files_are_for_the_user_only(tmp_path):
    import stat
    d = init(tmp_path / "s")
    assert run("--data-dir", d, "demo", "--cases", 3).returncode == 0
    assert stat.S_IMODE(d.stat().st_mode) == 0o700
    for f in d.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == (0o700 if f.is_dir() else 0o600), f
    backup = tmp_path / "station.bak"
    assert run("--data-dir", d, "backup", "-o", backup).returncode == 0
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    d.chmod(0o755)  # a directory made by an older version is tightened at the next start
    assert run("--data-dir", d, "case", "list").returncode == 0
    assert stat.S_IMODE(d.stat().st_mode) == 0o700


def test_a_truncated_import_file_is_explained_in_chinese(tmp_path):
    d = init(tmp_path / "s")
    f = tmp_path / "cut.json"
    f.write_text('{"format": "suyuan.cases", "version": 1, "cases": [{"title": "张三与李四', "utf-8")
    r = run("--data-dir", d, "case", "import", f)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    reason = r.stderr.split("列", 1)[1]
    assert "没有结束" in reason and not any("a" <= ch.lower() <= "z" for ch in reason)


def test_stats_from_the_command_line_text_explain_and_excel(demo_station, tmp_path):
    d, env = demo_station
    r = run("--data-dir", d, "stats", "--period", "2026", "--by", "type", env_extra=env)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "# 2026年（按收案日期）" and lines[1].split("\t") == ["项目", "本期", "上期", "环比", "去年同期", "同比"]
    received = next(line.split("\t") for line in lines if line.startswith("受理纠纷"))
    success = int(next(line.split("\t") for line in lines if line.startswith("调解成功（件）"))[1])
    # the explain list holds exactly the cases the cell counts, one line each, without names
    r = run("--data-dir", d, "stats", "--period", "2026", "--explain", "summary.outcome.success.current", env_extra=env)
    assert r.returncode == 0, r.stderr
    listed = r.stdout.splitlines()[1:]
    assert len(listed) == success > 0 and all(line.startswith("（20") for line in listed)
    assert "仅供授权人员" in r.stdout.splitlines()[0]
    by_type = lines[lines.index("# 按纠纷类型"):]
    by_type = by_type[:by_type.index("")]  # up to the blank line after the table
    type_rows = [line.split("\t") for line in by_type if line.split("\t")[0].endswith("纠纷")]
    assert len(type_rows) == 15
    assert sum(int(row[1]) for row in type_rows) == int(received[1])
    out = tmp_path / "统计.xlsx"
    r = run("--data-dir", d, "stats", "--period", "2026Q4", "--basis", "closed", "-o", out, env_extra=env)
    assert r.returncode == 0 and out.stat().st_size > 5000, r.stderr
    from openpyxl import load_workbook
    ws = load_workbook(out)["总体情况"]
    assert "按结案日期" in ws["A2"].value and ws["A5"].value == "受理纠纷" and isinstance(ws["B5"].value, int)
    pdf = tmp_path / "统计.pdf"
    r = run("--data-dir", d, "stats", "--period", "2026Q4", "-o", pdf, env_extra=env)
    assert r.returncode == 0 and pdf.read_bytes().startswith(b"%PDF"), r.stderr
    for bad, says in ((["--period", "2026Q5"], "2026Q4（季度）"), (["--period", "2026", "-o", tmp_path / "r.csv"], ".pdf"),
                      (["--period", "2026", "--explain", "summary.nothing.current"], "--explain list")):
        r = run("--data-dir", d, "stats", *bad, env_extra=env)
        assert r.returncode == 2 and says in r.stderr and r.stderr.startswith("错误：") and not r.stdout, r.stderr


def test_screening_rounds_from_the_command_line(tmp_path):
    d = init(tmp_path / "st")
    r = run("--data-dir", d, "screening", "add", "--place", "东村", "--by", "王建国", "--found", "3", "--prevented", "2",
            "--date", "2026-11-20")
    assert r.returncode == 0 and "发现纠纷 3 件" in r.stdout, r.stderr
    r = run("--data-dir", d, "screening", "add", "--place", "西村", "--by", "王建国", "--found", "很多")
    assert r.returncode == 1 and "发现纠纷" in r.stderr and "不是整数" in r.stderr
    r = run("--data-dir", d, "screening", "add", "--place", "西村", "--by", "王建国", "--date", "2026-12-25")
    assert r.returncode == 1 and "不能晚于今天" in r.stderr          # the station clock says 2026-11-28
    assert run("--data-dir", d, "screening", "list").stdout.count("\n") == 1
    r = run("--data-dir", d, "stats", "--period", "2026-11")
    line = next(x for x in r.stdout.splitlines() if x.startswith("矛盾纠纷排查"))
    assert line.split("\t")[1] == "1"
