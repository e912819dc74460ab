def test_world_builds(world, anon):
    response = anon.get("/api/v1/statements/")
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 2
