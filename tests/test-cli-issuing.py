#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The issuing commands of mcred end to end on a temporary demo database:
institution, keys, an offering, a results import (refused while it has
errors), issuing with and without the right to and with the right and
wrong passphrase, the register, reprints, revocation and re-issue.

The JWKS that `mcred key list --jwks` prints loads in jwcrypto (another
JOSE implementation), every issued .jwt verifies with it, and every
credential (the JWT payload and the Data Integrity document) validates
against the official Open Badges 3.0 JSON Schema.

Usage: test-cli-issuing.py /path/to/mcred OB3-DATA-DIR
Exits 77 (skipped) without python3-jwcrypto or python3-jsonschema.
"""

import csv
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

try:
    import jsonschema
    from jwcrypto import jwk, jws
except ImportError:
    print("python3-jwcrypto and python3-jsonschema are needed")
    sys.exit(77)

MCRED = None
OB3_DIR = None
REGISTRAR = "ciaran.doyle"      # the demo's registrar
AUTHOR = "aoife.brennan"        # an author of the demo: may not issue
BASE = "https://credentials.corribtu.example"
PASSPHRASE = "correct horse battery staple"
FORMULA_NAME = "=HYPERLINK(\"http://evil.example\")"

RESULTS = [
    ("Student ID", "Given name", "Family name", "Grade", "Completion date"),
    ("C0001", "Aoife", "Byrne", "72", "2026-06-20"),
    ("C0002", "Ελένη", "Παπαδοπούλου", "35", "2026-06-20"),   # fails: below the pass mark
    ("C0003", "伟", "王", "88", "2026-06-21"),
    ("C0004", "فرح", "حداد", "64", "2026-06-21"),
    ("C0005", FORMULA_NAME, "Wójcik", "91", "2026-06-22"),
]
N_PASSED = 4


class Result:
    def __init__(self, proc):
        self.status = proc.returncode
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    def __repr__(self):
        return "exit %d\nstdout: %r\nstderr: %r" % (self.status, self.out[:2000], self.err[:2000])


class Issuing(unittest.TestCase):
    """One demo institution for the whole class: keys take a while."""

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="mcred-issuing-")
        cls.tmp = cls._tmp.name
        cls.env = dict(os.environ, XDG_DATA_HOME=os.path.join(cls.tmp, "xdg"), LC_ALL="C.UTF-8")
        cls.db = os.path.join(cls.tmp, "inst.db")
        cls.passfile = cls.write("pass", PASSPHRASE + "\n")
        cls.run_ok("init")
        cls.run_ok("demo")
        cls.run_ok("institution", "--verification-url", BASE + "/", "--legal-id", "IE 9876543X",
                   "--signatory-name", "Prof. Siobhán Ní Bhriain", "--signatory-title", "Registrar")
        cls.run_ok("key", "generate", "--passphrase-file", cls.passfile)
        cls.run_ok("key", "generate", "--algorithm", "EdDSA", "--passphrase-file", cls.passfile)
        design = [d for d in json.loads(cls.run_ok("design", "list", "--json").out)
                  if d["title"] == "Applied Data Analytics with Python"][0]
        out = cls.run_ok("--as", REGISTRAR, "offering", "create", "--design", str(design["id"]),
                         "--code", "2026-SPRING", "--starts", "2026-02-01", "--ends", "2026-06-30").out
        cls.offering = out.split()[2]
        cls.export = os.path.join(cls.tmp, "export")

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    @classmethod
    def write(cls, name, text):
        path = os.path.join(cls.tmp, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    @classmethod
    def mcred(cls, *args, **kwargs):
        proc = subprocess.run([MCRED, "--database", cls.db, *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=cls.env, timeout=300, cwd=cls.tmp, **kwargs)
        return Result(proc)

    @classmethod
    def run_ok(cls, *args, **kwargs):
        r = cls.mcred(*args, **kwargs)
        if r.status != 0:
            raise AssertionError("mcred %s: %r" % (" ".join(args), r))
        return r

    def refused(self, *args, status=2):
        r = self.mcred(*args)
        self.assertEqual(r.status, status, r)
        self.assertTrue(r.err.startswith("mcred: "), r)
        return r

    def results_csv(self, rows):
        out = tempfile.NamedTemporaryFile("w", suffix=".csv", dir=self.tmp, delete=False,
                                          encoding="utf-8", newline="")
        csv.writer(out).writerows(rows)
        out.close()
        return out.name

    def offering_counts(self):
        offerings = json.loads(self.run_ok("offering", "list", "--json").out)
        return [(o["results"], o["passed"], o["issued"]) for o in offerings if str(o["id"]) == self.offering][0]

    def credentials(self, *filters):
        return json.loads(self.run_ok("credential", "list", "--offering", self.offering, "--json", *filters).out)

    def issue(self):
        """Imports the results and issues them once for the class."""
        if getattr(Issuing, "issued", False):
            return
        path = self.results_csv(RESULTS)
        self.run_ok("--as", REGISTRAR, "results", "import", path, "--offering", self.offering)
        r = self.run_ok("--as", REGISTRAR, "issue", "--offering", self.offering, "--jobs", "2",
                        "--data-integrity", "--export", self.export, "--passphrase-file", self.passfile)
        self.assertIn("Issued %d credentials" % N_PASSED, r.out)
        Issuing.issued = True

    # Each test may run first: those needing credentials call issue().

    def test_a_results_with_errors_write_nothing(self):
        bad = self.results_csv([RESULTS[0], ("X1", "Ann", "Lee", "72", "2026-13-45"),
                                ("X1", "Bob", "Ray", "101", "2026-06-20")])
        r = self.refused("--as", REGISTRAR, "results", "import", bad, "--offering", self.offering)
        self.assertIn("Line 2, “Completion date”", r.out)
        self.assertIn("nothing was recorded", r.err)
        before = self.offering_counts()
        r = self.run_ok("--as", REGISTRAR, "results", "import", self.results_csv(RESULTS),
                        "--offering", self.offering, "--dry-run")
        self.assertIn("nothing was recorded", r.out)
        self.assertEqual(self.offering_counts(), before)

    def test_b_refusals(self):
        self.issue()
        # Another import that would change an issued result is refused whole.
        changed = [list(row) for row in RESULTS]
        changed[1][3] = "99"
        self.refused("--as", REGISTRAR, "results", "import", self.results_csv(changed), "--offering",
                     self.offering)
        # Nothing more to issue; an author may not issue; wrong and inline passphrases.
        wrong = self.write("wrong", "not the passphrase\n")
        r = self.refused("--as", REGISTRAR, "issue", "--offering", self.offering, "--passphrase-file", wrong)
        self.assertIn("The passphrase is not right for this key", r.err)
        r = self.refused("--as", REGISTRAR, "issue", "--offering", self.offering, "--passphrase", PASSPHRASE)
        self.assertIn("never given on the command line", r.err)
        self.assertNotIn(PASSPHRASE, r.err + r.out)
        r = self.refused("--as", AUTHOR, "issue", "--offering", self.offering, "--passphrase-file",
                         self.passfile)
        self.refused("--as", REGISTRAR, "issue", "--offering", self.offering, "--passphrase-file",
                     self.passfile)
        self.assertEqual(len(self.credentials()), N_PASSED)

    def test_c_register(self):
        self.issue()
        listed = self.credentials()
        self.assertEqual(len(listed), N_PASSED)
        self.assertEqual(sorted(c["student_id"] for c in listed), ["C0001", "C0003", "C0004", "C0005"])
        self.assertTrue(all(c["state"] == "active" for c in listed))
        self.assertEqual(self.offering_counts(), (5, N_PASSED, N_PASSED))
        shown = json.loads(self.run_ok("credential", "show", listed[0]["uuid"], "--json").out)
        self.assertEqual(shown["id"], listed[0]["id"])
        self.assertTrue(shown["verification_url"].startswith(BASE + "/credentials/" + shown["uuid"] + "?token="))

    def test_d_jwks_and_signatures(self):
        self.issue()
        jwks = json.loads(self.run_ok("key", "list", "--jwks").out)
        # The demo's key and the two of the test.
        self.assertEqual(len(jwks["keys"]), 3)
        keys = {}
        for member in jwks["keys"]:
            self.assertNotIn("d", member)
            key = jwk.JWK.from_json(json.dumps(member))
            self.assertTrue(member["kid"].startswith(BASE + "/keys/"))
            self.assertEqual(member["kid"], BASE + "/keys/" + key.thumbprint())
            keys[member["kid"]] = key
        tokens = glob.glob(os.path.join(self.export, "*.jwt"))
        tokens += glob.glob(os.path.join(self.tmp, "exports", "*", "*.jwt"))     # the demo's, with its key
        self.assertEqual(len(tokens), N_PASSED + 4)

        for path in tokens:
            with open(path, encoding="ascii") as f:
                token = f.read()
            header = json.loads(jws.base64url_decode(token.split(".")[0]))
            self.assertEqual(set(header), {"alg", "kid", "typ"})
            signed = jws.JWS()
            signed.deserialize(token)
            signed.verify(keys[header["kid"]], alg=header["alg"])
            payload = json.loads(signed.payload)
            self.assertTrue(os.path.basename(path).endswith(payload["jti"][len("urn:uuid:"):] + ".jwt"))

    def test_e_schema(self):
        self.issue()
        with open(os.path.join(OB3_DIR, "ob_v3p0_achievementcredential_schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        validator = jsonschema.Draft201909Validator(schema)
        documents = []
        for path in glob.glob(os.path.join(self.export, "*.jwt")):
            with open(path, encoding="ascii") as f:
                documents.append(json.loads(jws.base64url_decode(f.read().split(".")[1])))
        for path in glob.glob(os.path.join(self.export, "*.json")):
            if not os.path.basename(path).startswith("manifest"):
                with open(path, encoding="utf-8") as f:
                    documents.append(json.load(f))
        self.assertEqual(len(documents), 2 * N_PASSED)
        for document in documents:
            errors = [e.message for e in validator.iter_errors(document)]
            self.assertEqual(errors, [], document.get("id"))
            self.assertEqual(document["issuer"]["id"], BASE + "/issuer")

    def test_f_manifest(self):
        self.issue()
        with open(os.path.join(self.export, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        self.assertEqual(len(manifest["credentials"]), N_PASSED)
        with open(os.path.join(self.export, "manifest.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        self.assertEqual(len(rows), N_PASSED + 1)
        names = [row[2] for row in rows[1:]]
        # A formula in a learner's name is written as text, never as a formula.
        self.assertTrue(any(name.startswith("'=HYPERLINK") for name in names), names)
        self.assertFalse(any(name.startswith("=") for name in names))

    def test_g_reprint_revoke_reissue(self):
        self.issue()
        listed = {c["student_id"]: c for c in self.credentials()}
        pdf = os.path.join(self.tmp, "reprint.pdf")
        self.run_ok("--as", REGISTRAR, "certificate", "render", str(listed["C0001"]["id"]), "--pdf", pdf,
                    "--paper", "letter")
        with open(pdf, "rb") as f:
            self.assertTrue(f.read(5) == b"%PDF-")
        shown = json.loads(self.run_ok("credential", "show", str(listed["C0001"]["id"]), "--json").out)
        self.assertEqual(shown["reprints"], 1)

        self.refused("--as", REGISTRAR, "revoke", str(listed["C0003"]["id"]))   # no reason
        self.run_ok("--as", REGISTRAR, "revoke", listed["C0003"]["uuid"], "--reason", "Issued in error")
        self.run_ok("--as", REGISTRAR, "suspend", str(listed["C0004"]["id"]), "--reason", "Under appeal")
        self.run_ok("--as", REGISTRAR, "reinstate", str(listed["C0004"]["id"]))
        self.refused("--as", REGISTRAR, "reinstate", str(listed["C0003"]["id"]))  # revoked is final
        states = {c["student_id"]: c["state"] for c in self.credentials()}
        self.assertEqual(states["C0003"], "revoked")
        self.assertEqual(states["C0004"], "active")

        r = self.run_ok("--as", REGISTRAR, "reissue", str(listed["C0005"]["id"]), "--reason",
                        "Name corrected", "--passphrase-file", self.passfile)
        self.assertIn("superseded", r.out)
        c5 = [c for c in self.credentials() if c["student_id"] == "C0005"]
        self.assertEqual(sorted(c["state"] for c in c5), ["active", "superseded"])
        self.run_ok("audit", "verify")


class Import(unittest.TestCase):
    """A key and certificate from a certificate authority's PKCS #12 file."""

    @unittest.skipUnless(shutil.which("openssl"), "openssl makes the PKCS #12 file")
    def test_import_pkcs12(self):
        with tempfile.TemporaryDirectory(prefix="mcred-p12-") as tmp:
            env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "xdg"), LC_ALL="C.UTF-8")
            db = os.path.join(tmp, "inst.db")

            def path(name, text=None):
                full = os.path.join(tmp, name)
                if text is not None:
                    with open(full, "w", encoding="utf-8") as f:
                        f.write(text)
                return full

            def mcred(*args):
                return subprocess.run([MCRED, "--database", db, *args], capture_output=True, text=True,
                                      env=env, timeout=120)

            subprocess.run(["openssl", "req", "-x509", "-newkey", "ed25519", "-nodes", "-subj",
                            "/CN=Corrib Technological University", "-days", "30", "-keyout", path("k.pem"),
                            "-out", path("c.pem")], check=True, capture_output=True)
            subprocess.run(["openssl", "pkcs12", "-export", "-inkey", path("k.pem"), "-in", path("c.pem"),
                            "-out", path("ca.p12"), "-passout", "file:" + path("p12pass", "from the CA\n")],
                           check=True, capture_output=True)
            self.assertEqual(mcred("init").returncode, 0)
            passfile = path("pass", "our passphrase\n")
            wrong = mcred("key", "import", path("ca.p12"), "--password-file", path("bad", "nope\n"),
                          "--passphrase-file", passfile)
            self.assertEqual(wrong.returncode, 2, wrong.stderr)
            self.assertTrue(wrong.stderr.startswith("mcred: "), wrong.stderr)
            done = mcred("key", "import", path("ca.p12"), "--password-file", path("p12pass"),
                         "--passphrase-file", passfile)
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertIn("Ed25519", done.stdout)
            again = mcred("key", "import", path("ca.p12"), "--password-file", path("p12pass"),
                          "--passphrase-file", passfile)
            self.assertEqual(again.returncode, 2, again.stderr)
            jwks = json.loads(mcred("key", "list", "--jwks").stdout)
            self.assertEqual([k["crv"] for k in jwks["keys"]], ["Ed25519"])


class Demo(unittest.TestCase):
    """The demo institution is ready to issue with the passphrase the README gives."""

    def test_demo_issues(self):
        with tempfile.TemporaryDirectory(prefix="mcred-demo-") as tmp:
            env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "xdg"), LC_ALL="C.UTF-8")
            db = os.path.join(tmp, "demo.db")

            def mcred(*args):
                proc = subprocess.run([MCRED, "--database", db, *args], capture_output=True, text=True,
                                      env=env, timeout=300)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                return proc.stdout

            self.assertIn("microcred-demo", mcred("demo"))
            offerings = json.loads(mcred("offering", "list", "--json"))
            ready = [o for o in offerings if o["issued"] == 0][0]
            earlier = [o for o in offerings if o["issued"] > 0][0]
            self.assertEqual((ready["results"], ready["passed"]), (12, 11))
            states = sorted(c["state"] for c in json.loads(mcred("credential", "list", "--offering",
                                                                str(earlier["id"]), "--json")))
            self.assertEqual(states, ["active", "active", "active", "revoked"])
            passfile = os.path.join(tmp, "pass")
            with open(passfile, "w", encoding="utf-8") as f:
                f.write("microcred-demo\n")
            out = mcred("--as", REGISTRAR, "issue", "--offering", str(ready["id"]), "--passphrase-file", passfile)
            self.assertIn("Issued 11 credentials", out)


def main():
    global MCRED, OB3_DIR
    if len(sys.argv) < 3:
        print("usage: test-cli-issuing.py /path/to/mcred OB3-DATA-DIR", file=sys.stderr)
        return 2
    MCRED = os.path.abspath(sys.argv[1])
    OB3_DIR = sys.argv[2]
    suite = unittest.TestSuite([unittest.defaultTestLoader.loadTestsFromTestCase(case)
                                for case in (Issuing, Import, Demo)])
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
