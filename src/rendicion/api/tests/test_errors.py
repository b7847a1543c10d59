"""Every 4xx in one Spanish shape; rate limits per address and per key."""

import json

import pytest
from django.core.cache import cache

from rendicion.core.models import Role

from .factories import bearer, token_for

pytestmark = pytest.mark.django_db


def _shape(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert isinstance(body["error"]["fields"], dict)
    return body["error"]


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def test_an_unknown_api_address_is_a_json_404(client):
    error = _shape(client.get("/api/v1/no-existe"))
    assert error["code"] == "not_found"
    assert _shape(client.get("/api/v1/"))["code"] == "not_found"
    assert _shape(client.get("/api/v2/espacios"))["code"] == "not_found"


def test_a_wrong_method_is_a_json_405_with_allow(client):
    response = client.delete("/api/v1/espacios")
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert _shape(response)["code"] == "method_not_allowed"


def test_a_bad_filter_names_the_field_in_spanish(client):
    response = client.get("/api/v1/espacios", {"year": "dos mil", "page_size": 500})
    assert response.status_code == 422
    fields = _shape(response)["fields"]
    assert fields["year"] == ["Escriba un número entero."]
    assert "100" in fields["page_size"][0]


def test_a_body_that_is_not_json_is_a_400(client):
    token = token_for(role=Role.PLANNING)
    response = client.post(
        "/api/v1/preguntas", "{no es json", content_type="application/json", **bearer(token)
    )
    assert response.status_code == 400
    assert _shape(response)["code"] == "bad_request"


def test_a_missing_field_is_named(client):
    token = token_for(role=Role.PLANNING)
    response = client.post(
        "/api/v1/preguntas", {"channel": "chat"}, content_type="application/json", **bearer(token)
    )
    assert response.status_code == 422
    assert _shape(response)["fields"]["space"] == ["Falta este dato."]


def test_too_many_requests_from_one_address_get_429_with_retry_after(client, settings):
    settings.API_RATE_PER_ADDRESS = "3/m"
    statuses = [client.get("/api/v1/estrategias").status_code for _n in range(4)]
    assert statuses[:3] == [404, 404, 404] or statuses[:3] == [200, 200, 200]
    last = client.get("/api/v1/estrategias")
    assert last.status_code == 429
    assert 1 <= int(last["Retry-After"]) <= 60
    assert _shape(last)["code"] == "too_many_requests"
    other = client.get("/api/v1/estrategias", REMOTE_ADDR="10.0.0.9")
    assert other.status_code != 429


def test_one_key_is_limited_from_any_address(client, settings):
    settings.API_RATE_PER_TOKEN = "2/m"
    token = token_for(role=Role.PLANNING)
    statuses = [
        client.post(
            "/api/v1/preguntas",
            {},
            content_type="application/json",
            REMOTE_ADDR=f"10.0.0.{n}",
            **bearer(token),
        ).status_code
        for n in range(3)
    ]
    assert statuses == [422, 422, 429]


def _no_repeated_keys(pairs):
    keys = [key for key, _value in pairs]
    assert len(keys) == len(set(keys)), keys
    return dict(pairs)


def test_the_schema_documents_the_error_shape_for_every_operation(client):
    response = client.get("/api/openapi.json")
    # Strict JSON: a repeated key (e.g. an int and a str status) breaks YAML-based readers.
    schema = json.loads(response.content, object_pairs_hook=_no_repeated_keys)
    assert schema["components"]["schemas"]["Error"]["properties"].keys() == {"error"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for code in ("404", "405", "422", "429"):
                ref = operation["responses"][code]["content"]["application/json"]["schema"]
                assert ref == {"$ref": "#/components/schemas/Error"}, (path, method, code)
            if method == "post":
                assert "401" in operation["responses"] and "403" in operation["responses"]


def test_the_docs_page_loads_only_our_own_scripts(client):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.text
    assert "/static/api/swagger-ui/swagger-ui-bundle.js" in html
    assert "<script>" not in html and "https://" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert client.get("/static/api/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_an_address_with_a_line_break_is_still_a_json_404(client):
    response = client.get("/api/v1/espacios/%0Aotro/asistencias")
    assert response.status_code == 404
    assert _shape(response)["code"] == "not_found"


def test_a_body_over_the_size_limit_is_a_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    token = token_for(role=Role.PLANNING)
    response = client.post(
        "/api/v1/preguntas",
        {"text": "x" * 2000},
        content_type="application/json",
        **bearer(token),
    )
    assert response.status_code == 413
    assert _shape(response)["code"] == "payload_too_large"
