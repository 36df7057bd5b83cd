#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of `mcred verify` and `mcred status-list export`.

The credentials, keys and status lists are written by verify-samples
(tests/verify-samples.c) and checked at the time they are valid.

Usage: test-cli-verify.py /path/to/mcred /path/to/verify-samples
"""

import base64
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

MCRED = None
SAMPLES_TOOL = None
AT = ["--at", "2026-06-01T12:00:00Z"]
PASSPHRASE = "sample passphrase"
CHECK_IDS = ["format", "signature", "issuer", "dates", "status", "schema"]


class Result:
    def __init__(self, proc):
        self.status = proc.returncode
        self.text = proc.stdout.decode("utf-8")
        self.err = proc.stderr.decode("utf-8", "replace")

    def __repr__(self):
        return "exit %d\nstdout: %r\nstderr: %r" % (self.status, self.text[:2000], self.err[:2000])


class VerifyTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="mcred-verify-")
        cls.samples = os.path.join(cls._tmp.name, "samples")
        subprocess.run([SAMPLES_TOOL, cls.samples], check=True, timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def setUp(self):
        self.tmp = tempfile.mkdtemp(dir=self._tmp.name)
        self.env = dict(os.environ)
        # Its own XDG folders: no database unless a test makes one.
        self.env.update({
            "XDG_DATA_HOME": os.path.join(self.tmp, "xdg-data"),
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "xdg-config"),
            "LC_ALL": "C.UTF-8",
        })

    def sample(self, name):
        return os.path.join(self.samples, name)

    def mcred(self, *args, stdin=None):
        proc = subprocess.run([MCRED] + list(args), input=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.env, timeout=120, cwd=self.tmp)
        return Result(proc)

    def lists(self, revocation="revocation-1.jwt", suspension="suspension-1.jwt"):
        return ["--status-list", self.sample(revocation), "--status-list", self.sample(suspension)]

    def verify(self, name, *extra, expected=1):
        r = self.mcred("verify", self.sample(name), "--key", self.sample("keys.json"), *AT, *extra)
        self.assertEqual(r.status, expected, repr(r))
        return r


class VerifyFiles(VerifyTestCase):
    def test_valid(self):
        for name in ("valid-eddsa.jwt", "valid-rs256.jwt", "valid-di.json"):
            r = self.verify(name, *self.lists(), expected=0)
            lines = r.text.splitlines()
            self.assertEqual(lines[0], "Valid. Lena de Vries earned “Battery Systems for Electric "
                                       "Vehicles” (4 ECTS, EQF level 6) from Hanze Polytechnic on "
                                       "20 January 2026.")
            self.assertEqual(lines[1], "")
            self.assertEqual(len(lines), 8)
            for line in lines[2:]:
                self.assertTrue(line.startswith("✓ "), line)

    def test_key_as_pem(self):
        r = self.mcred("verify", self.sample("valid-eddsa.jwt"), "--key", self.sample("ed25519.pem"),
                       *AT, *self.lists())
        self.assertEqual(r.status, 0, repr(r))

    def test_incomplete_without_status_lists(self):
        r = self.verify("valid-eddsa.jwt", expected=1)
        self.assertTrue(r.text.startswith("Not fully verified: its status could not be checked."), r.text)
        self.assertIn("– Revocation and suspension: Not checked: no status list was given.", r.text)

    def test_not_valid(self):
        cases = {
            "tampered.jwt": ("Not valid: the signature does not match — the file was changed after "
                             "it was signed.", "✗ Signature:"),
            "alg-none.jwt": ("Not valid: it is signed in a way that cannot be trusted.",
                             "✗ Readable credential:"),
            "unknown-key.jwt": ("Not valid: it was signed with a key this institution does not know.",
                                "✗ Signature:"),
            "claims.jwt": ("Not valid: the token's claims do not agree with the credential it carries.",
                           "“jti”"),
            "schema.jwt": ("Not valid: it is not a complete Open Badges 3.0 credential.",
                           "✗ Open Badges 3.0 structure:"),
        }
        for name, (summary, line) in cases.items():
            r = self.verify(name, *self.lists(), expected=1)
            self.assertEqual(r.text.splitlines()[0], summary, name)
            self.assertIn(line, r.text, name)

    def test_expired(self):
        r = self.mcred("verify", self.sample("valid-eddsa.jwt"), "--key", self.sample("keys.json"),
                       "--at", "2027-03-01")
        self.assertEqual(r.status, 1, repr(r))
        self.assertEqual(r.text.splitlines()[0], "Not valid: this credential expired on 1 February 2027.")

    def test_revoked_and_suspended(self):
        r = self.verify("valid-rs256.jwt", *self.lists(revocation="revocation-marked-1.jwt"))
        self.assertEqual(r.text.splitlines()[0],
                         "Not valid: this credential was revoked (the issuer's list of 31 May 2026 says so).")
        r = self.verify("valid-di.json", *self.lists(suspension="suspension-marked-1.jwt"))
        self.assertEqual(r.text.splitlines()[0],
                         "Not valid: this credential is suspended (the issuer's list of 31 May 2026 says so).")

    def test_json(self):
        r = self.verify("valid-eddsa.jwt", "--json", *self.lists(), expected=0)
        result = json.loads(r.text)
        self.assertEqual(result["verdict"], "valid")
        self.assertIsNone(result["error"])
        self.assertEqual([c["id"] for c in result["checks"]], CHECK_IDS)
        self.assertEqual({c["outcome"] for c in result["checks"]}, {"passed"})
        self.assertEqual(result["learner_name"], "Lena de Vries")
        self.assertEqual(result["issued"], "2026-02-01T09:00:00Z")
        self.assertEqual(result["valid_until"], "2027-02-01T09:00:00Z")
        self.assertEqual(result["credential"]["id"], result["credential_id"])

        r = self.verify("tampered.jwt", "--json")
        result = json.loads(r.text)
        self.assertEqual(result["verdict"], "invalid")
        self.assertEqual(result["error"], "bad-signature")
        self.assertEqual([c["outcome"] for c in result["checks"]][:3], ["passed", "failed", "skipped"])

        r = self.verify("valid-eddsa.jwt", "--json")
        self.assertEqual(json.loads(r.text)["verdict"], "incomplete")

    def test_stdin(self):
        with open(self.sample("valid-eddsa.jwt"), "rb") as f:
            token = f.read().strip()
        r = self.mcred("verify", "-", "--key", self.sample("keys.json"), *AT, *self.lists(),
                       stdin=b"\n  " + token + b"  \n\n")
        self.assertEqual(r.status, 0, repr(r))
        # A verification address needs the institution's database.
        with open(self.sample("address.txt"), "rb") as f:
            r = self.mcred("verify", "-", stdin=f.read())
        self.assertEqual(r.status, 1, repr(r))
        self.assertIn("verification page at credentials.example.edu", r.text)

    def test_unreadable(self):
        for args in (["binary.bin"], ["empty.jwt"], ["missing.jwt"]):
            r = self.mcred("verify", self.sample(args[0]))
            self.assertEqual(r.status, 2, repr(r))
            self.assertTrue(r.err.startswith("mcred: "), r.err)
            self.assertEqual(r.text, "")
        r = self.mcred("verify", "-", stdin=b"\x00\x01binary")
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("binary", r.err)
        r = self.mcred("verify", "-", stdin=b"a" * (1024 * 1024 + 1))
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("1 MiB", r.err)

    def test_bad_options(self):
        r = self.mcred("verify", self.sample("valid-eddsa.jwt"), "--key", self.sample("valid-eddsa.jwt"))
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("cannot be used", r.err)
        r = self.mcred("verify", self.sample("valid-eddsa.jwt"), "--status-list", self.sample("keys.json"))
        self.assertEqual(r.status, 2, repr(r))
        r = self.mcred("verify", self.sample("valid-eddsa.jwt"), "--at", "yesterday")
        self.assertEqual(r.status, 2, repr(r))
        r = self.mcred("verify")
        self.assertEqual(r.status, 2, repr(r))


def b64decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class StatusListExport(VerifyTestCase):
    def setUp(self):
        super().setUp()
        self.db = os.path.join(self.tmp, "institution.db")
        r = self.mcred("--database", self.db, "init")
        self.assertEqual(r.status, 0, repr(r))
        # The keyring's layout: the private key beside the database.
        os.mkdir(self.db + "-keys")
        shutil.copy(self.sample("ed25519.p8"), os.path.join(self.db + "-keys", "ed25519.p8"))
        with open(self.sample("ed25519.jwk")) as f:
            self.jwk = json.load(f)
        with sqlite3.connect(self.db) as con:
            con.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('verification-url', "
                        "'https://credentials.example.edu'), ('institution-name', 'Hanze Polytechnic')")
            con.execute("INSERT INTO signing_keys (kid, kind, public_jwk, private_path, created_at) "
                        "VALUES (?, 'ed25519', ?, 'ed25519.p8', ?)",
                        (self.jwk["kid"], json.dumps(self.jwk), int(time.time())))
        con.close()
        self.passphrase_file = os.path.join(self.tmp, "passphrase")
        with open(self.passphrase_file, "w") as f:
            f.write(PASSPHRASE + "\n")

    def export(self, *args, stdin=None):
        return self.mcred("--database", self.db, "status-list", "export", *args, stdin=stdin)

    def test_export(self):
        out = os.path.join(self.tmp, "published", "status")
        r = self.export(out, "--passphrase-file", self.passphrase_file)
        self.assertEqual(r.status, 0, repr(r))
        self.assertEqual(r.text, "Wrote 2 status lists to %s\n" % out)
        self.assertEqual(sorted(os.listdir(out)), ["revocation-0.jwt", "suspension-0.jwt"])
        for purpose in ("revocation", "suspension"):
            with open(os.path.join(out, purpose + "-0.jwt")) as f:
                header, payload, signature = f.read().split(".")
            header = json.loads(b64decode(header))
            self.assertEqual(header, {"alg": "EdDSA", "typ": "JWT",
                                      "kid": "https://credentials.example.edu/keys/" + self.jwk["kid"]})
            payload = json.loads(b64decode(payload))
            self.assertEqual(payload["id"], "https://credentials.example.edu/status/%s/0" % purpose)
            self.assertEqual(payload["issuer"], "https://credentials.example.edu/issuer")
            self.assertEqual(payload["exp"] - payload["nbf"], 48 * 3600)
            subject = payload["credentialSubject"]
            self.assertEqual(subject["statusPurpose"], purpose)
            encoded = subject["encodedList"]
            self.assertTrue(encoded.startswith("u"))
            self.assertEqual(gzip.decompress(b64decode(encoded[1:])), bytes(16384))
            self.assertEqual(len(b64decode(signature)), 64)

    def test_passphrase_from_descriptor(self):
        read_end, write_end = os.pipe()
        os.write(write_end, PASSPHRASE.encode() + b"\n")
        os.close(write_end)
        proc = subprocess.run([MCRED, "--database", self.db, "status-list", "export",
                               os.path.join(self.tmp, "out"), "--passphrase-fd", str(read_end)],
                              pass_fds=(read_end,), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=self.env, timeout=120)
        os.close(read_end)
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_refused(self):
        out = os.path.join(self.tmp, "out")
        wrong = os.path.join(self.tmp, "wrong")
        with open(wrong, "w") as f:
            f.write("not the passphrase\n")
        r = self.export(out, "--passphrase-file", wrong)
        self.assertEqual(r.status, 2, repr(r))
        self.assertNotIn("not the passphrase", r.err)
        r = self.export(out)
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("--passphrase-file", r.err)
        r = self.export(out, "--passphrase-file", self.passphrase_file, "--key", "no-such-key")
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("no-such-key", r.err)
        with sqlite3.connect(self.db) as con:
            con.execute("DELETE FROM settings WHERE key = 'institution-name'")
        con.close()
        r = self.export(out, "--passphrase-file", self.passphrase_file)
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("name is not set", r.err)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    MCRED = sys.argv.pop(1)
    SAMPLES_TOOL = sys.argv.pop(1)
    unittest.main(verbosity=2)
