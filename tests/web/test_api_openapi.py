"""Anyone can read the API's OpenAPI description; it lists every operation."""

import json


def test_it_serves_a_valid_openapi_document_with_the_paths(client, db):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/auth/token",
        "/api/plans",
        "/api/plans/{plan_id}",
        "/api/tasks",
        "/api/tasks/{task_id}",
        "/api/tasks/{task_id}/updates",
        "/api/targets",
        "/api/targets/{target_id}/measurements",
    } <= set(schema["paths"])
    assert "post" in schema["paths"]["/api/targets/{target_id}/measurements"]
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
