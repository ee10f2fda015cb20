"""A schemathesis check (loaded through SCHEMATHESIS_HOOKS by tests/api/fuzz/openapi-fuzz.int.test.ts): a request the
schema allows may be refused (400, 413, 415, 422) only for what no schema can state, and only naming the fields those
refusals are about. The allowed fields per operation and status come from tests/api/fuzz/semantic-refusals.ts, written
to the JSON file JXJY_FUZZ_REFUSAL_FIELDS names. JXJY_FUZZ_REFUSALS_SEEN, when set, names a file each such refusal is
appended to (operation, status, fields), to see what a run met."""

import json
import os

import schemathesis

ALLOWED = json.load(open(os.environ["JXJY_FUZZ_REFUSAL_FIELDS"], encoding="utf-8"))
SEEN = os.environ.get("JXJY_FUZZ_REFUSALS_SEEN")
REFUSALS = {400, 413, 415, 422}


@schemathesis.check
def refuses_valid_data_only_for_its_semantic_fields(ctx, response, case):
    """Valid data refused names only the fields semantic-refusals.ts lists for the operation."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code not in REFUSALS:
        return None
    try:
        body = response.json()
    except Exception:
        return None
    details = body.get("details") if isinstance(body, dict) else None
    fields = sorted({d.get("field") for d in details or [] if isinstance(d, dict) and isinstance(d.get("field"), str)}) or [""]
    label = case.operation.label
    if SEEN:
        with open(SEEN, "a", encoding="utf-8") as seen:
            seen.write(json.dumps({"operation": label, "status": response.status_code, "fields": fields}, ensure_ascii=False) + "\n")
    allowed = set(ALLOWED.get(label, {}).get(str(response.status_code), []))
    unexpected = [field for field in fields if field not in allowed]
    if unexpected:
        raise AssertionError(
            f"valid data refused with {response.status_code} naming {unexpected}; "
            f"{label} may refuse valid data only for {sorted(allowed) or 'nothing'} (tests/api/fuzz/semantic-refusals.ts)"
        )
    return None
