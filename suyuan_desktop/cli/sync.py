"""`suyuan enroll` and `suyuan sync`: the station and the district."""
from __future__ import annotations

import json
import sys
from pathlib import Path


from .common import EXIT_INPUT, EXIT_OFFLINE, _open


def cmd_enroll(args) -> int:
    with _open(args) as app:
        resp = app.sync.enroll(args.url, args.ticket, device_name=args.device_name, ca_bundle=args.ca_bundle)
    print(f"已注册到区中心：调委会 {resp.station_name}（{resp.station_code}），设备编号 {resp.device_id}")
    return 0


def _sync_exit(exc) -> int:
    from ..core.sync.base import Offline
    print(f"错误：{exc.message}", file=sys.stderr)
    return EXIT_OFFLINE if isinstance(exc, Offline) else EXIT_INPUT


def cmd_sync(args) -> int:
    from ..core.sync.base import SyncError
    with _open(args) as app:
        if args.sync_cmd == "status":
            st = app.sync.status()
            print(f"注册：{'已注册 ' + (st.server_url or '') if st.enrolled else '未注册'}")
            print(f"待上传变更：{st.pending}；被拒绝：{st.rejected}；待处理冲突：{st.conflicts_open}；移交他站的案件：{st.revoked_cases}")
            print(f"上次成功：{st.last_ok_at or '从未'}；上次尝试：{st.last_attempt_at or '从未'}")
            if st.last_error:
                print(f"上次错误：{st.last_error}")
            if st.clock_warning:
                print(f"提醒：{st.clock_warning}")
            for row in app.sync.rejected_changes()[:20]:
                print(f"被拒绝的变更 {row.local_seq}：{row.last_error or '（无说明）'}")
            return 0
        if args.sync_cmd == "export":
            n = app.sync.export_unsynced(Path(args.file))
            print(f"已导出 {n} 项未同步的变更到 {args.file}（含校验值）")
            return 0
        if args.sync_cmd == "conflicts":
            for c in app.sync.conflicts():
                print(f"{c.id}\t{c.kind}\t{c.entity_type}\t{c.field or '-'}\t区中心={json.dumps(c.server_value, ensure_ascii=False)}"
                      f"\t本站={json.dumps(c.client_value, ensure_ascii=False)}")
            return 0
        try:
            if args.server:
                app.sync.use_server(args.server)
            r = app.sync.sync()
        except SyncError as exc:
            return _sync_exit(exc)
    print(f"同步完成：上传 {r.pushed} 项（重复 {r.duplicates}、冲突 {r.conflicts}、被拒绝 {r.rejected}），"
          f"下载 {r.pulled} 项，附件上传 {r.blobs_up}/下载 {r.blobs_down}")
    if r.clock_warning:
        print(f"提醒：{r.clock_warning}", file=sys.stderr)
    return 0
