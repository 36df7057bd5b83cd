#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks every document shape src/credential produces (printed by
ob3-samples) against the official Open Badges 3.0 AchievementCredential
JSON Schema with Debian's python3-jsonschema, checks that every property
name is defined by a JSON-LD context the credential names, and checks the
status list credential against the W3C Bitstring Status List v1.0
requirements, decoding its bits independently of the C code.

Usage: test-ob3-schema.py OB3-SAMPLES DATA-DIR
"""

import base64
import gzip
import json
import os
import re
import subprocess
import sys

import jsonschema

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = re.compile(r"^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d\.\d)*\.json$")
EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
OUR_VOCAB = "https://microcred.github.io/vocab/credential#"
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
STATUS_LIST_MIN_BYTES = 131072 // 8

failures = []


def fail(shape, message):
    failures.append(f"{shape}: {message}")


def context_terms(context):
    """Every term a context defines, in scoped contexts too."""
    terms = set()
    if isinstance(context, dict):
        for key, value in context.items():
            if key.startswith("@"):
                if key == "@context":
                    terms |= context_terms(value)
                continue
            terms.add(key)
            if isinstance(value, dict) and "@context" in value:
                terms |= context_terms(value["@context"])
    elif isinstance(context, list):
        for item in context:
            terms |= context_terms(item)
    return terms


def keys(value):
    """Every member name used anywhere in a JSON value."""
    if isinstance(value, dict):
        for key, member in value.items():
            yield key
            yield from keys(member)
    elif isinstance(value, list):
        for item in value:
            yield from keys(item)


def check_contexts(shape, document, standard_terms):
    contexts = document.get("@context", [])
    ours = None
    for position, entry in enumerate(contexts):
        if isinstance(entry, dict):
            if entry.get("mc") != OUR_VOCAB or position != len(contexts) - 1:
                fail(shape, f"context {position + 1} is an object that is not Microcred's, or not the last")
            ours = entry
        elif not (entry == VC_CONTEXT or OB_CONTEXT.match(entry) or entry == EXTENSIONS_CONTEXT):
            fail(shape, f"unexpected context {entry}")
    if ours is None:
        fail(shape, "Microcred's context is missing")
        return
    for term in ours:
        if term in standard_terms:
            fail(shape, f"our context redefines “{term}”, a term of the VC or OB context")
        if term != "mc":
            definition = ours[term]
            iri = definition if isinstance(definition, str) else definition.get("@id")
            if iri != "mc:" + term:
                fail(shape, f"term “{term}” maps to {iri}")
    defined = standard_terms | set(ours)
    for key in set(keys(document)):
        if not key.startswith("@") and key not in defined:
            fail(shape, f"property “{key}” is defined by no context")


def check_dates(shape, value, path="$"):
    """The schema's date-time format, checked here: jsonschema checks
    formats only with optional modules."""
    if isinstance(value, dict):
        for key, member in value.items():
            if key in ("validFrom", "validUntil", "awardedDate", "activityStartDate", "activityEndDate"):
                if not (isinstance(member, str) and DATE_TIME.match(member)):
                    fail(shape, f"{path}.{key} is not a date-time: {member!r}")
            check_dates(shape, member, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_dates(shape, item, f"{path}[{index}]")


def check_credential(shape, document, validator, standard_terms):
    for error in validator.iter_errors(document):
        fail(shape, f"schema: {error.message} at {list(error.absolute_path)}")
    check_contexts(shape, document, standard_terms)
    check_dates(shape, document)
    status = document.get("credentialStatus")
    if isinstance(status, dict):
        list_url = status["statusListCredential"]
        if not re.match(r"^https://.+/status/revocation/\d+$", list_url):
            fail(shape, f"status list address {list_url} does not follow the documented scheme")
        if status["id"] != f"{list_url}#{status['statusListIndex']}":
            fail(shape, "the status entry id is not the list address and the position")


def decode_list(encoded):
    if not encoded.startswith("u"):
        raise ValueError("no multibase base64url prefix")
    text = encoded[1:]
    if "=" in text:
        raise ValueError("padding")
    return gzip.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def check_status_list(shape, document, revoked):
    if document.get("@context", [None])[0] != VC_CONTEXT:
        fail(shape, "the first context is not VC 2.0")
    types = document.get("type", [])
    if "VerifiableCredential" not in types or "BitstringStatusListCredential" not in types:
        fail(shape, f"wrong types {types}")
    for member in ("id", "issuer", "validFrom", "credentialSubject"):
        if member not in document:
            fail(shape, f"{member} is missing")
    check_dates(shape, document)
    subject = document.get("credentialSubject", {})
    if subject.get("type") != "BitstringStatusList":
        fail(shape, "the subject is not a BitstringStatusList")
    if subject.get("statusPurpose") not in ("revocation", "suspension"):
        fail(shape, f"unexpected purpose {subject.get('statusPurpose')}")
    if subject.get("id") != document.get("id") + "#list":
        fail(shape, "the subject id is not the list address with #list")
    bits = decode_list(subject.get("encodedList", ""))
    if len(bits) < STATUS_LIST_MIN_BYTES:
        fail(shape, f"only {len(bits) * 8} entries")
    # Index 0 is the left-most bit: position p is bit 7 - p % 8 of byte p // 8.
    set_positions = [byte * 8 + bit for byte, value in enumerate(bits) if value
                     for bit in range(8) if value & (0x80 >> bit)]
    if set_positions != revoked:
        fail(shape, f"revoked positions {set_positions}, expected {revoked}")


def main():
    samples_program, data_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(data_dir, "ob_v3p0_achievementcredential_schema.json")) as f:
        schema = json.load(f)
    standard_terms = set()
    for name in ("credentials-v2.jsonld", "context-3.0.3.json"):
        with open(os.path.join(data_dir, name)) as f:
            standard_terms |= context_terms(json.load(f)["@context"])

    jsonschema.Draft201909Validator.check_schema(schema)
    validator = jsonschema.Draft201909Validator(schema)
    profile_validator = jsonschema.Draft201909Validator(
        {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/Profile"})

    output = subprocess.run([samples_program], check=True, capture_output=True, text=True).stdout
    samples = json.loads(output)
    revoked_positions = []
    kinds = {}
    for sample in samples:
        kinds[sample["kind"]] = kinds.get(sample["kind"], 0) + 1
        if sample["kind"] == "credential":
            check_credential(sample["shape"], sample["document"], validator, standard_terms)
            status = sample["document"].get("credentialStatus")
            if isinstance(status, dict) and status["statusListCredential"].endswith("/1"):
                revoked_positions.append(int(status["statusListIndex"]))
    for sample in samples:
        if sample["kind"] == "status-list":
            check_status_list(sample["shape"], sample["document"], sorted(set(revoked_positions)))
        elif sample["kind"] == "profile":
            for error in profile_validator.iter_errors(sample["document"]):
                fail(sample["shape"], f"schema: {error.message}")

    if kinds.get("credential", 0) < 10 or kinds.get("status-list") != 1 or kinds.get("profile") != 1:
        fail("samples", f"unexpected set of samples {kinds}")
    # A document the schema must refuse, so that a broken validator is noticed.
    broken = dict(samples[0]["document"])
    broken["proof"] = {"type": "DataIntegrityProof"}
    if validator.is_valid(broken):
        fail("self-check", "the schema accepted a proof that is not an array")

    for failure in failures:
        print(failure)
    print(f"{len(samples)} samples checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
