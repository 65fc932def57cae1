"""The REST API against its own OpenAPI document, with schemathesis: no server errors.

Every operation of ``/openapi.json`` (reads and writes) is called with cases that
schemathesis generates from the document, valid ones and invalid ones, each case twice:
with the write token and without it.  The store holds the bundled sample corpus; path
ids are swapped for stored ones in half the cases, so that reviews and lookups reach
real events.  Checked on every response:

* no 5xx, and no exception escaping the app;
* every error in the one shape ``{"error": {"code", "message"}}``;
* a write without the token is refused (401), whatever the rest of the request.

CI runs ``EVENTWIRE_FUZZ_EXAMPLES`` cases (default 25) per operation and mode; set it
higher for a long run.  URLs given to ``POST /api/articles`` never reach the network:
the resolver is replaced by one that knows no host.
"""
from __future__ import annotations

import os
import zlib

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

from eventwire.store import connect  # noqa: E402

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLES = int(os.environ.get("EVENTWIRE_FUZZ_EXAMPLES", "25"))
PATH_IDS = {"event_id": "events", "article_id": "articles", "incident_id": "incidents"}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from eventwire.cli import main

    url = f"duckdb:///{tmp_path_factory.mktemp('schemathesis')}/sample.duckdb"
    assert main(["ingest", "--sample", "--db", url, "--quiet"]) == 0
    with connect(url) as store:
        ids = {
            "events": [r["id"] for r in store.events(modality="all")],
            "articles": [r["id"] for r in store.articles()],
            "incidents": [r["id"] for r in store.incidents(modality="all")],
        }
        counts = store.count()
    assert ids["events"] and ids["articles"] and ids["incidents"]
    return url, ids, counts


@pytest.fixture(scope="module")
def api(sample_store, pipeline):
    from eventwire import acquire
    from eventwire.api import create_app

    def no_dns(host):
        raise OSError(f"no DNS in tests ({host})")

    url, ids, _counts = sample_store
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(acquire, "_resolve", no_dns)
        app = create_app(url, TOKEN, pipeline=pipeline)
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        yield app, schema, ids
        app.state.store.close()


def _with_stored_ids(case, ids) -> None:
    """Half the cases get a stored id for each id in the path (chosen from the generated one)."""
    for name, kind in PATH_IDS.items():
        given_id = (case.path_parameters or {}).get(name)
        if isinstance(given_id, str) and ids[kind]:
            pick = zlib.crc32(given_id.encode("utf-8", "surrogatepass"))
            if pick % 2:
                case.path_parameters[name] = ids[kind][pick // 2 % len(ids[kind])]


def _problems(case, response, with_token: bool) -> list[str]:
    where = f"{case.operation.label} {'with' if with_token else 'without'} token"
    status = response.status_code
    found = []
    if status >= 500:
        found.append(f"{where}: {status} {response.text[:300]}")
    if status >= 400:
        try:
            body = response.json()
            ok = set(body) == {"error"} and set(body["error"]) == {"code", "message"}
        except (ValueError, TypeError, AttributeError):
            ok = False
        if not ok:
            found.append(f"{where}: {status} not in the one error shape: {response.text[:200]}")
    if case.operation.method.upper() != "GET" and not with_token and status != 401:
        found.append(f"{where}: a write without the token answered {status}")
    return found


@pytest.mark.model
@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_server_errors(api, mode):
    app, schema, ids = api
    generation = schemathesis.GenerationMode(mode)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 13 and any(op.method.upper() == "POST" for op in operations)
    problems: list[str] = []
    calls = {"n": 0}
    statuses: dict[int, int] = {}
    no_invalid_case = []

    for operation in operations:
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(operation.as_strategy(generation_mode=generation))
        def run(case):
            _with_stored_ids(case, ids)
            for with_token in (True, False):
                headers = dict(case.headers or {})
                headers.pop("Authorization", None)
                if with_token:
                    headers.update(AUTH)
                calls["n"] += 1
                try:
                    response = case.call(headers=headers)
                except Exception as exc:  # noqa: BLE001 - an exception out of the app is a server error
                    problems.append(f"{operation.label}: {type(exc).__name__}: {exc} <- {case.as_curl_command()}")
                    continue
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                for problem in _problems(case, response, with_token):
                    problems.append(f"{problem} <- {case.as_curl_command()[:500]}")

        try:
            run()
        except Unsatisfiable:
            # An operation whose every input is valid (no parameters, or free strings
            # only) has no invalid case to generate.
            assert mode == "negative", operation.label
            no_invalid_case.append(operation.label)
    print(f"\nschemathesis {mode}: {len(operations)} operations, {calls['n']} calls, "
          f"statuses {sorted(statuses.items())}, no invalid case for {no_invalid_case}, {len(problems)} problems")
    assert calls["n"] >= len(operations) * 2
    assert not problems, f"{len(problems)} problems in {calls['n']} calls:\n" + "\n".join(problems[:20])


@pytest.mark.model
def test_store_is_intact_after_fuzzing(api, sample_store):
    """The fuzzing wrote only through the API: the sample's own rows are all still there."""
    app, _schema, ids = api
    store = app.state.store
    _url, _ids, counts = sample_store
    now = store.count()
    assert now["articles"] >= counts["articles"] and now["events"] >= counts["events"]
    stored = {r["id"] for r in store.events(modality="all")}
    assert set(ids["events"]) <= stored
