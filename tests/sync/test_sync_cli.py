"""The whole sync through the command lines: a fresh district server and two enrolled
stations sync demo cases both ways, and a case the district delegates appears at its station."""
from __future__ import annotations

import json
import subprocess

from tests.sync.harness import SERVER_CLI, free_port, run_cli, start_server_process


def test_district_and_two_stations_from_the_command_line(tmp_path):
    port = free_port()
    server_cmd = SERVER_CLI
    home = ["--data-dir", str(tmp_path / "district")]  # the embedded SQLite default

    def admin(*args):
        r = subprocess.run([*server_cmd, *args, *home], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        return r.stdout.strip()

    admin("station", "add", "410703001", "平原镇矛盾纠纷调处中心")
    admin("station", "add", "410703002", "太公镇矛盾纠纷调处中心")
    server = start_server_process(port, *home)
    url = f"http://127.0.0.1:{port}"
    try:
        env = {"SUYUAN_ADMIN_PASSWORD": "admin-pass-1"}
        stations = {}
        for code, town, short in (("410703001", "平原镇", "平原"), ("410703002", "太公镇", "太公")):
            d = tmp_path / code
            r = run_cli(d, "init", "--code", code, "--name", f"{town}矛盾纠纷调处中心", "--township", town,
                        "--short-name", short, "--admin", "admin", "--admin-name", "王建国", env=env)
            assert r.returncode == 0, r.stderr
            assert run_cli(d, "demo", "--cases", "15").returncode == 0
            r = run_cli(d, "enroll", url, admin("enroll-ticket", code))
            assert r.returncode == 0 and "已注册到区中心" in r.stdout, r.stderr
            r = run_cli(d, "sync")
            assert r.returncode == 0 and "同步完成" in r.stdout, r.stderr
            stations[code] = d
        # a second PC of the first station gets its cases (district -> station)
        second = tmp_path / "410703001-b"
        r = run_cli(second, "init", "--code", "410703001", "--name", "平原镇矛盾纠纷调处中心", "--township", "平原镇",
                    "--short-name", "平原", "--admin", "admin", "--admin-name", "李明", env=env)
        assert r.returncode == 0, r.stderr
        assert run_cli(second, "enroll", url, admin("enroll-ticket", "410703001")).returncode == 0
        assert run_cli(second, "sync").returncode == 0
        listed = run_cli(second, "case", "list", "--limit", "100").stdout
        original = run_cli(stations["410703001"], "case", "list", "--limit", "100").stdout
        assert sorted(original.splitlines()) == sorted(listed.splitlines())
        assert "太公" not in listed  # the other station's cases stay there
        # the district delegates a court case to 太公镇
        spec = {"case": {"station_code": "WBQ", "case_number": "（2026）卫滨委派字第0042号", "case_year": 2026,
                         "case_seq": 42, "title": "赵六诉孙七买卖合同纠纷", "dispute_type": "04",
                         "source": "court_assigned", "status": "received", "summary": "法院立案前委派调解。",
                         "received_date": "2026-11-27"},
                "parties": [{"position": 1, "role": "applicant", "kind": "person", "name": "赵六"},
                            {"position": 2, "role": "respondent", "kind": "person", "name": "孙七"}]}
        (tmp_path / "delegated.json").write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
        admin("case", "delegate", "410703002", str(tmp_path / "delegated.json"))
        assert run_cli(stations["410703002"], "sync").returncode == 0
        shown = run_cli(stations["410703002"], "case", "show", "（2026）卫滨委派字第0042号")
        assert shown.returncode == 0 and "赵六" in shown.stdout and "孙七" in shown.stdout
        status = run_cli(stations["410703002"], "sync", "status").stdout
        assert "待上传变更：0" in status and "上次成功" in status
        assert "410703002" in admin("device", "list")
    finally:
        server.terminate()
        server.wait(10)
