"""The OpenAPI schema says what the API accepts: every value it allows is answered, the first it forbids refused."""

import pytest

from erasmi.offers import demo as offer_demo


@pytest.fixture
def schema(client, erfurt, erfurt_network):
    offer_demo.load(erfurt_network)
    return client.get("/api/openapi.json").json()


def _allowed_and_forbidden(parameter: dict) -> tuple[list, list]:
    """Values the schema allows (every enum value, both bounds, a pattern example) and values just outside."""
    schema = parameter["schema"]
    schema = schema.get("allOf", [schema])[0] if "allOf" in schema else schema
    items = schema.get("items", {})
    allowed, forbidden = [], []
    for spec in (schema, items):
        if "enum" in spec:
            allowed += spec["enum"]
            forbidden.append("not-a-choice")
        if "maximum" in spec:
            allowed += [spec["minimum"], spec["maximum"]]
            forbidden += [spec["minimum"] - 1, spec["maximum"] + 1]
        if "maxLength" in spec:
            forbidden.append("x" * (spec["maxLength"] + 1))
        if spec.get("pattern") == "^[0-9]{3}0$":
            allowed.append("2000")
            forbidden.append("2001")
        if spec.get("pattern") == "^([a-zA-Z]{2,3})?$":
            allowed += ["tr", "ara", ""]
            forbidden.append("t1")
    if any(option.get("format") == "date" for option in schema.get("anyOf", [])):
        allowed.append("2026-03-02")
        forbidden.append("2026-02-30")
    return allowed, forbidden


def test_every_value_the_schema_allows_is_answered_and_values_outside_are_refused(client, schema):
    checked = 0
    for path, operations in schema["paths"].items():
        if "{" in path:
            continue
        for parameter in operations["get"].get("parameters", []):
            allowed, forbidden = _allowed_and_forbidden(parameter)
            for value in allowed:
                response = client.get(path, {parameter["name"]: value})
                assert response.status_code == 200, (path, parameter["name"], value, response.content[:300])
                checked += 1
            for value in forbidden:
                response = client.get(path, {parameter["name"]: value})
                assert response.status_code in (400, 422), (path, parameter["name"], value, response.status_code)
                checked += 1
    assert checked > 40  # the schema declares enums and bounds for every closed parameter
