"""Pull: a station's feed, paged by cursor."""
from __future__ import annotations

import json

from sqlalchemy import Text, and_, cast, select

from suyuan_desktop.core.sync import protocol as P

from ..db import entities, feed
from .common import ApiError, Device


class FeedOps:
    # --- pull ------------------------------------------------------------------------------------

    def pull(self, device: Device, cursor: str | None, limit: int, if_none_match: str | None):
        """Returns (the JSON body of a PullResponse, or None for 304; the ETag)."""
        limit = max(1, min(limit, P.PULL_LIMIT))
        epoch = int(self.meta("db_epoch"))
        seq = 0
        if cursor:
            try:
                c = P.decode_cursor(cursor)
            except Exception:
                raise ApiError(400, "cursor_invalid", "同步游标无法识别。") from None
            if c.get("e") != epoch:
                raise ApiError(410, "db_epoch_changed", "区中心数据库已从备份恢复，需要重新下载本站数据（本机未同步的变更会先上传）。",
                               {"reason": "db_epoch_changed"})
            if c.get("s") != device.station_code:
                raise ApiError(410, "scope_changed", "本机所属调委会已变更，需要重新下载数据。", {"reason": "scope_changed"})
            if c["q"] < int(self.meta("cursor_floor")):
                raise ApiError(410, "cursor_expired", "本机太久没有同步，需要重新下载本站数据（未同步的变更会先上传）。",
                               {"reason": "cursor_expired"})
            seq = c["q"]
        with self.engine.connect() as conn:
            if if_none_match and cursor and if_none_match.strip('"') == cursor:
                newer = conn.execute(select(feed.c.seq).where(feed.c.scope == device.station_code, feed.c.seq > seq)
                                     .limit(1)).first()
                if newer is None:
                    return None, cursor
            # the stored JSON goes out as text, never parsed and re-serialized here
            rows = conn.execute(
                select(feed.c.seq, feed.c.op, feed.c.entity_type, feed.c.entity_id, entities.c.version,
                       cast(entities.c.state, Text).label("state"), entities.c.case_id,
                       cast(entities.c.flags, Text).label("flags"), entities.c.updated_at)
                .join(entities, and_(entities.c.entity_type == feed.c.entity_type,
                                     entities.c.entity_id == feed.c.entity_id))
                .where(feed.c.scope == device.station_code, feed.c.seq > seq)
                .order_by(feed.c.seq).limit(limit + 1)).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        dumps = json.dumps
        parts = []
        for r in rows:
            revoke = r.op == "revoke"
            parts.append(
                f'{{"entity_type":{dumps(r.entity_type)},"entity_id":{dumps(r.entity_id)},"version":{r.version},'
                f'"op":{dumps(r.op)},"case_id":{dumps(r.case_id)},"state":{"null" if revoke else r.state},'
                f'"flags":{r.flags or "[]"},"updated_at":"{r.updated_at.isoformat()}"}}')
        last = rows[-1].seq if rows else seq
        nxt = P.encode_cursor(epoch, device.station_code, last)
        body = f'{{"items":[{",".join(parts)}],"next_cursor":"{nxt}","has_more":{"true" if has_more else "false"}}}'
        return body, nxt
