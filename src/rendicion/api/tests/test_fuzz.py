"""Property-based fuzzing of the API from its own OpenAPI schema (schemathesis).

Every operation gets a bounded number of generated requests, valid and invalid, with and
without a key. The API must never answer 5xx, every 4xx body must be the documented error shape,
and every documented response must match its schema. Runs on both database legs.
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from rendicion.commitments.tests.factories import CommitmentFactory
from rendicion.core.models import Role
from rendicion.questions.tests.factories import QuestionFactory
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import token_for

# Examples per operation: enough to reach every parameter and body field, small enough that
# the whole module runs in seconds on each leg.
MAX_EXAMPLES = 20

WSGI = get_wsgi_application()
# The schema as clients get it, over HTTP: what is fuzzed is what is published.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGI)


@pytest.fixture
def api_data(db, settings):
    """A small published year with a space, a question and a commitment, and a planning key."""
    settings.RATELIMIT_ENABLE = False
    space = SpaceFactory(slug="dialogo-1")
    QuestionFactory(space=space)
    CommitmentFactory(space=space)
    created = token_for(role=Role.PLANNING)
    # Django's test client keeps the test's transaction open across requests by not closing
    # connections at request end; calling the WSGI handler directly needs the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    cache.clear()
    yield {"Authorization": f"Bearer {created.key}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _error_shape(response) -> None:
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "fields"}, body
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["fields"], dict)
    for messages in error["fields"].values():
        assert messages and all(isinstance(m, str) and m for m in messages), body


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_the_api_never_fails_and_every_error_has_the_documented_shape(case, api_data):
    headers = api_data if case.method.upper() == "POST" else {}
    response = case.call(app=WSGI, headers=headers)
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
    if 400 <= response.status_code < 500:
        _error_shape(response)
