"""Reference data the district publishes (calendar, dispute catalogue, mediator roster)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, update

from suyuan_desktop.core.domain.canonical import canonical_json, sha256_hex
from suyuan_desktop.core.domain.district_tables import WeightsError, parse_weights
from suyuan_desktop.core.domain.enums import DisputeType

from .. import db
from ..db import reference_data, reference_history, utcnow
from .common import REFERENCE_DATASETS, ApiError


class ReferenceOps:
    # --- reference data --------------------------------------------------------------------------

    def publish_reference(self, dataset: str, data, *, by: str = "命令行") -> str:
        if dataset not in REFERENCE_DATASETS:
            raise ApiError(400, "unknown_dataset", f"没有参考数据集“{dataset}”，可选：{'、'.join(REFERENCE_DATASETS)}。")
        _check_reference(dataset, data)

        def fn(conn):
            row = conn.execute(select(reference_data).where(reference_data.c.dataset == dataset).with_for_update()).first()
            version = (row.version if row else 0) + 1
            etag = sha256_hex(canonical_json({"v": version, "data": data}))[:32]
            values = dict(version=version, etag=etag, data=data, published_at=utcnow())
            if row:
                if row.data == data:
                    return row.etag
                conn.execute(update(reference_data).where(reference_data.c.dataset == dataset).values(**values))
            else:
                conn.execute(insert(reference_data).values(dataset=dataset, **values))
            conn.execute(insert(reference_history).values(dataset=dataset, published_by=by, **values))
            return etag
        return db.run_tx(self.engine, fn)

    def reference_history(self, dataset: str) -> list:
        """Every version of a dataset ever published, newest first (who, when, what)."""
        with self.engine.connect() as conn:
            return conn.execute(select(reference_history).where(reference_history.c.dataset == dataset)
                                .order_by(reference_history.c.version.desc())).all()

    def get_reference(self, dataset: str):
        with self.engine.connect() as conn:
            row = conn.execute(select(reference_data).where(reference_data.c.dataset == dataset)).first()
        if row is None:
            raise ApiError(404, "unknown_dataset", f"区中心尚未发布“{REFERENCE_DATASETS.get(dataset, dataset)}”。")
        return row


def _check_reference(dataset: str, data) -> None:
    if dataset == "dispute_catalogue":
        ok = isinstance(data, list) and all(isinstance(d, dict) and {"code", "name", "reporting_type"} <= d.keys()
                                            for d in data)
        if ok:
            ok = all(d["reporting_type"] in {t.value for t in DisputeType} for d in data)
        if not ok:
            raise ApiError(400, "invalid_reference", "纠纷类型目录应为列表，每项含 code、name、reporting_type（15类代码），可含 active。")
    elif dataset == "holiday_calendar":
        ok = isinstance(data, dict) and isinstance(data.get("version"), str) and isinstance(data.get("days"), list)
        if ok:
            try:
                for d in data["days"]:
                    dt.date.fromisoformat(d["day"])
                    if not isinstance(d["is_holiday"], bool):
                        ok = False
            except (KeyError, TypeError, ValueError):
                ok = False
        if not ok:
            raise ApiError(400, "invalid_reference", "节假日日历应为 {version, days:[{day: YYYY-MM-DD, is_holiday: true/false}]}。")
    elif dataset == "assessment_weights":
        try:
            parse_weights(data)
        except WeightsError as exc:
            raise ApiError(400, "invalid_reference", str(exc)) from None
    elif dataset == "mediator_roster":
        if not (isinstance(data, list) and all(isinstance(d, dict) and "name" in d and "station_code" in d for d in data)):
            raise ApiError(400, "invalid_reference", "调解员名册应为列表，每项含 name、station_code。")
