"""The district API against its own OpenAPI schema: schemathesis generates requests for every
operation, valid and invalid, with and without a real device token. No request gets a 5xx, and
every response (status, content type, body) is one the schema documents."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from district_server.app import create_app
from district_server.service import DistrictService
from suyuan_desktop.core.sync import protocol as P

CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
          checks.response_schema_conformance]


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    """The district app on SQLite, its schema, and the access token of one enrolled device."""
    tmp = tmp_path_factory.mktemp("api")
    svc = DistrictService(f"sqlite:///{tmp / 'district.db'}", tmp / "blobs")
    svc.create_schema()
    svc.add_station("410703001", "平原镇调委会")
    enrolled = svc.enroll(P.EnrollRequest(ticket=svc.issue_ticket("410703001"), device_name="fuzz", client_version="t"))
    token = svc.token(P.TokenRequest(device_id=enrolled.device_id, refresh_token=enrolled.refresh_token)).access_token
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(svc, api_docs=True)), token
    svc.dispose()


def _operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("with_token", [False, True], ids=["anonymous", "device"])
def test_every_operation_answers_within_its_schema_and_never_5xx(api, with_token):
    schema, token = api
    headers = {"Authorization": f"Bearer {token}"} if with_token else {}
    operations = _operations(schema)
    assert len(operations) >= 12

    for operation in operations:
        @settings(max_examples=15, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def fuzz(case):
            case.call_and_validate(headers=headers, checks=CHECKS)
        fuzz()
