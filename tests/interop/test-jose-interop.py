#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks Microcred's compact JWS against jwcrypto, another JOSE implementation.

For RS256 and EdDSA: tokens Microcred signs verify in jwcrypto with the
public JWK Microcred exports, and tokens jwcrypto signs verify in
Microcred with the JWK jwcrypto exports; both agree on RFC 7638
thumbprints; a changed token or the other algorithm's key fails.

Usage: test-jose-interop.py CREDENTIAL_TOOL
Exits 77 (skipped) when jwcrypto is not installed.
"""

import json
import os
import subprocess
import sys
import tempfile

try:
    from jwcrypto import jwk, jws
    from jwcrypto.common import json_encode
except ImportError:
    print("jwcrypto is not installed (Debian: python3-jwcrypto)")
    sys.exit(77)

PAYLOAD = {
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": "https://uni.example/issuers/1", "type": ["Profile"], "name": "Université d'Exemple"},
    "validFrom": "2024-06-01T00:00:00Z",
    "credentialSubject": {"type": ["AchievementSubject"], "ects": 5.5},
}
OTHER_ALG = {"RS256": "EdDSA", "EdDSA": "RS256"}

tool = sys.argv[1]
work = tempfile.mkdtemp(prefix="mc-jose-")
failures = 0


def check(condition, what):
    global failures
    print(("ok: " if condition else "FAILED: ") + what)
    if not condition:
        failures += 1


def run(*args):
    return subprocess.run([tool, *args], capture_output=True, text=True)


def write(name, text):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def new_key(alg):
    if alg == "RS256":
        return jwk.JWK.generate(kty="RSA", size=3072)
    return jwk.JWK.generate(kty="OKP", crv="Ed25519")


def jwcrypto_verifies(token, key, alg):
    parsed = jws.JWS()
    parsed.allowed_algs = [alg]
    parsed.deserialize(token)
    try:
        parsed.verify(key, alg=alg)
    except jws.InvalidJWSSignature:
        return None
    return parsed


def ours_to_jwcrypto(alg):
    payload_path = write("payload.json", json.dumps(PAYLOAD, ensure_ascii=False))
    result = run("sign", alg, payload_path)
    check(result.returncode == 0, f"{alg}: credential-tool signs {result.stderr.strip()}")
    signed = json.loads(result.stdout)
    public = jwk.JWK(**signed["jwk"])
    check(public.thumbprint() == signed["jwk"]["kid"], f"{alg}: jwcrypto computes our kid")

    parsed = jwcrypto_verifies(signed["jws"], public, alg)
    check(parsed is not None, f"{alg}: jwcrypto verifies our token")
    if parsed is not None:
        check(json.loads(parsed.payload) == PAYLOAD, f"{alg}: jwcrypto reads our payload")
        check(parsed.jose_header == {"alg": alg, "kid": signed["jwk"]["kid"], "typ": "JWT"},
              f"{alg}: our header is alg, kid and typ")

    header, payload, signature = signed["jws"].split(".")
    changed = jws.base64url_encode(json.dumps({**PAYLOAD, "validFrom": "2020-01-01T00:00:00Z"}))
    check(jwcrypto_verifies(f"{header}.{changed}.{signature}", public, alg) is None,
          f"{alg}: jwcrypto refuses our token once changed")


def jwcrypto_to_ours(alg):
    key = new_key(alg)
    token = jws.JWS(json.dumps(PAYLOAD).encode())
    token.add_signature(key, alg=alg,
                        protected=json_encode({"alg": alg, "kid": key.thumbprint(), "typ": "JWT"}))
    compact = token.serialize(compact=True)
    jwk_path = write(f"jwk-{alg}.json", key.export_public())

    result = run("verify", compact, jwk_path)
    check(result.returncode == 0, f"{alg}: we verify jwcrypto's token {result.stderr.strip()}")
    result = run("kid", jwk_path)
    check(result.stdout.strip() == key.thumbprint(), f"{alg}: we compute jwcrypto's thumbprint")

    header, payload, signature = compact.split(".")
    changed = jws.base64url_encode(json.dumps({**PAYLOAD, "issuer": "https://evil.example"}))
    result = run("verify", f"{header}.{changed}.{signature}", jwk_path)
    check(result.returncode == 1, f"{alg}: we refuse jwcrypto's token once changed")

    other_path = write(f"jwk-other-{alg}.json", new_key(OTHER_ALG[alg]).export_public())
    result = run("verify", compact, other_path)
    check(result.returncode == 1, f"{alg}: we refuse jwcrypto's token with a key of the other type")


for alg in ("RS256", "EdDSA"):
    ours_to_jwcrypto(alg)
    jwcrypto_to_ours(alg)

for name in os.listdir(work):
    os.unlink(os.path.join(work, name))
os.rmdir(work)
sys.exit(1 if failures else 0)
