from __future__ import annotations

from fastapi.testclient import TestClient

TEXT = "Going forward, stakeholders will utilise the funding."


def test_rewrite_applies_safe_swaps(client: TestClient) -> None:
    body = client.post("/v1/rewrite", json={"text": TEXT}).json()
    assert body["text"] == "Going forward, stakeholders will use the funding." or "use the funding" in body["text"]
    for change in body["changes"]:
        assert TEXT[change["start"] : change["end"]] == change["old"]
        assert body["text"][change["new_start"] : change["new_end"]] == change["new"]


def test_rewrite_accepts_chosen_suggestions(client: TestClient) -> None:
    report = client.post("/v1/analyze", json={"text": TEXT}).json()
    flag = next(f for f in report["flags"] if f["text"] == "stakeholders")
    choice = {"start": flag["start"], "end": flag["end"], "rule_id": flag["rule_id"], "suggestion": 0}
    body = client.post("/v1/rewrite", json={"text": TEXT, "accept": [choice]}).json()
    assert body["text"] == TEXT.replace("stakeholders", flag["suggestions"][0])
    assert len(body["changes"]) == 1


def test_rules_list_and_show(client: TestClient) -> None:
    listed = client.get("/v1/rules", params={"set": "plain-words"}).json()
    assert listed["count"] >= 400
    assert all(r["set"] == "plain-words" for r in listed["rules"])
    rule = client.get("/v1/rules/plain-words.verbs.utilise").json()
    assert rule["replace"][0] == "use" and rule["examples"]["rewrites"]
    missing = client.get("/v1/rules/no.such.rule")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
