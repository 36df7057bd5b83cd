#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of `mcred verify --online/--offline`, `mcred partner`,
`mcred recognise` and `mcred recognition list`.

A partner institution's documents, written by remote-samples
(tests/remote-samples.c) for the address of a local server, are served
by a small http.server on 127.0.0.1 (a random port), which can also be
told to answer 500 or to serve a list that marks the credential revoked.

Usage: test-cli-remote.py /path/to/mcred /path/to/remote-samples
"""

import base64
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest

MCRED = None
SAMPLES_TOOL = None
ADMIN_NOTE = "Erasmus+ agreement 2026-2030"
REGISTRAR = "ciaran.doyle"      # the demo's registrar
AUTHOR = "aoife.brennan"        # an author of the demo: may not recognise
DESIGN = "291c536b-4d6d-404e-91cf-078b9235c282"   # an active design of the demo


class PartnerSite(http.server.BaseHTTPRequestHandler):
    """Serves the files under `site`; `fail` answers 500 to status lists,
    `revoked` serves the list that marks the credential."""
    site = None
    revoked = None
    fail = False
    serve_revoked = False
    requests = 0

    def do_GET(self):
        PartnerSite.requests += 1
        path = self.path.split("?")[0].lstrip("/")
        is_status = path.startswith("status/")
        if is_status and PartnerSite.fail:
            self.send_error(500)
            return
        if path == "status/revocation/1" and PartnerSite.serve_revoked:
            file = PartnerSite.revoked
        else:
            file = os.path.normpath(os.path.join(PartnerSite.site, path))
            if not file.startswith(PartnerSite.site + os.sep) or not os.path.isfile(file):
                self.send_error(404)
                return
        with open(file, "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/jwt" if is_status else "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Result:
    def __init__(self, proc):
        self.status = proc.returncode
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    def __repr__(self):
        return "exit %d\nstdout: %r\nstderr: %r" % (self.status, self.out[:3000], self.err[:2000])


def payload_of(jwt):
    part = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


class Remote(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="mcred-remote-")
        cls.tmp = cls._tmp.name
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PartnerSite)
        cls.base = "http://127.0.0.1:%d" % cls.server.server_address[1]
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        samples = os.path.join(cls.tmp, "samples")
        subprocess.run([SAMPLES_TOOL, cls.base, samples], check=True, timeout=60)
        PartnerSite.site = os.path.join(samples, "site")
        PartnerSite.revoked = os.path.join(samples, "revoked-list.jwt")
        cls.credential = os.path.join(samples, "credential.jwt")
        with open(cls.credential, encoding="utf-8") as f:
            payload = payload_of(f.read())
        issuer = payload.get("vc", payload)["issuer"]
        cls.issuer = issuer["id"] if isinstance(issuer, dict) else issuer

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls._tmp.cleanup()

    def setUp(self):
        PartnerSite.fail = False
        PartnerSite.serve_revoked = False
        self.dir = tempfile.mkdtemp(dir=self.tmp)
        self.db = os.path.join(self.dir, "inst.db")
        self.env = dict(os.environ, LC_ALL="C.UTF-8",
                        XDG_DATA_HOME=os.path.join(self.dir, "data"),
                        XDG_CACHE_HOME=os.path.join(self.dir, "cache"))

    def mcred(self, *args, stdin=None):
        proc = subprocess.run([MCRED, "--database", self.db, *args], input=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env,
                              timeout=120, cwd=self.dir)
        return Result(proc)

    def run_ok(self, *args, **kwargs):
        r = self.mcred(*args, **kwargs)
        self.assertEqual(r.status, 0, repr(r))
        return r

    def institution(self, partner=True):
        self.run_ok("init")
        self.run_ok("demo")
        if partner:
            self.run_ok("partner", "add", self.issuer, "--name", "Hanze", "--note", ADMIN_NOTE)

    def recognise(self, *extra, who=REGISTRAR):
        return self.mcred("--as", who, "recognise", self.credential, "--towards", DESIGN,
                          "--ects", "4", "--route", "credit-transfer", *extra)

    def recognitions(self):
        return json.loads(self.run_ok("recognition", "list", "--json").out)

    # Verifying

    def test_verify_online_without_database(self):
        r = self.run_ok("verify", "--online", self.credential)
        lines = r.out.splitlines()
        self.assertTrue(lines[0].startswith("Valid."), r.out)
        self.assertEqual(sum(1 for l in lines if l.startswith("✓ ")), 6, r.out)
        self.assertNotIn("Could not be checked", r.out)

    def test_verify_online_partner_or_not(self):
        self.institution(partner=False)
        r = self.run_ok("verify", "--online", self.credential)
        self.assertIn("not one of our partners", r.out)
        result = json.loads(self.run_ok("verify", "--online", "--json", self.credential).out)
        self.assertEqual(result["verdict"], "valid")
        self.assertEqual(result["issuer_trust"], "not-partner")
        self.assertEqual(result["not_checked"], [])

        self.run_ok("partner", "add", self.issuer, "--name", "Hanze", "--note", ADMIN_NOTE)
        with open(self.credential, "rb") as f:
            r = self.run_ok("verify", "--online", "-", stdin=f.read())
        self.assertIn("from a trusted partner", r.out.splitlines()[0])
        self.assertIn("one of our trusted partners (listed as “Hanze”)", r.out)
        result = json.loads(self.run_ok("verify", "--online", "--json", self.credential).out)
        self.assertEqual((result["issuer_trust"], result["partner_name"]), ("partner", "Hanze"))

    def test_server_error(self):
        PartnerSite.fail = True
        r = self.mcred("verify", "--online", self.credential)
        self.assertEqual(r.status, 1, repr(r))
        self.assertTrue(r.out.startswith("Not fully verified"), r.out)
        self.assertIn("the server answered 500", r.out)
        self.assertIn("Could not be checked: ", r.out)
        r = self.mcred("verify", "--online", "--json", self.credential)
        self.assertEqual(r.status, 1, repr(r))
        result = json.loads(r.out)
        self.assertEqual(result["verdict"], "incomplete")
        self.assertEqual(result["not_checked"], ["status"])

    def test_revoked(self):
        PartnerSite.serve_revoked = True
        r = self.mcred("verify", "--online", self.credential)
        self.assertEqual(r.status, 1, repr(r))
        self.assertIn("revoked", r.out.splitlines()[0])

    def test_offline(self):
        r = self.mcred("verify", "--offline", "--json", self.credential)
        self.assertEqual(r.status, 1, repr(r))
        result = json.loads(r.out)
        self.assertEqual(result["verdict"], "incomplete")
        self.assertIn("signature", result["not_checked"])
        self.assertIn("status", result["not_checked"])
        before = PartnerSite.requests
        r = self.mcred("verify", "--offline", self.credential)
        self.assertEqual(PartnerSite.requests, before)   # nothing fetched
        self.assertIn("Could not be checked: ", r.out)

        self.run_ok("verify", "--online", self.credential)   # fills the cache
        PartnerSite.fail = True
        r = self.run_ok("verify", "--offline", self.credential)
        self.assertTrue(r.out.startswith("Valid."), r.out)

    def test_usage(self):
        for args in (["--online", "--offline"], ["--online", "--key", "keys.json"]):
            r = self.mcred("verify", *args, self.credential)
            self.assertEqual(r.status, 2, repr(r))
        r = self.mcred("verify", "--online", os.path.join(self.dir, "missing.jwt"))
        self.assertEqual(r.status, 2, repr(r))

    # Partners

    def test_partners(self):
        self.institution(partner=False)
        self.assertIn("No trusted partners", self.run_ok("partner", "list").out)
        r = self.mcred("--as", REGISTRAR, "partner", "add", self.issuer, "--name", "Hanze")
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("administrator", r.err.lower())
        self.assertEqual(self.mcred("partner", "add", self.issuer).status, 2)   # no --name
        self.assertEqual(self.mcred("partner", "add", "not an issuer", "--name", "X").status, 2)

        r = self.run_ok("partner", "add", self.issuer, "--name", "Hanze", "--note", ADMIN_NOTE)
        self.assertIn("Added Hanze", r.out)
        r = self.mcred("partner", "add", self.issuer, "--name", "Again")
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("already a partner", r.err)
        table = self.run_ok("partner", "list").out
        self.assertIn(self.issuer, table)
        self.assertIn(ADMIN_NOTE, table)
        listed = json.loads(self.run_ok("partner", "list", "--json").out)
        self.assertEqual(len(listed), 1)
        self.assertEqual((listed[0]["issuer_id"], listed[0]["name"], listed[0]["note"]),
                         (self.issuer, "Hanze", ADMIN_NOTE))
        self.assertIsNotNone(listed[0]["added_by"])
        self.assertIsNotNone(listed[0]["added_at"])

        self.assertEqual(self.mcred("--as", REGISTRAR, "partner", "remove", self.issuer).status, 2)
        self.run_ok("partner", "remove", self.issuer)
        self.assertEqual(json.loads(self.run_ok("partner", "list", "--json").out), [])
        self.assertEqual(self.mcred("partner", "remove", self.issuer).status, 2)
        actions = [e["action"] for e in json.loads(self.run_ok("history", "--all", "--json").out)]
        self.assertIn("add-partner", actions)
        self.assertIn("remove-partner", actions)

    # Recognition

    def test_recognise(self):
        self.institution()
        self.assertIn("No recognition decisions", self.run_ok("recognition", "list").out)
        r = self.recognise("--note", "Equivalent to module DA-101")
        self.assertEqual(r.status, 0, repr(r))
        self.assertTrue(r.out.startswith("Valid, from a trusted partner"), r.out)
        self.assertIn("Recorded recognition 1: 4 ECTS", r.out)
        self.assertIn("(Credit transfer)", r.out)

        listed = self.recognitions()
        self.assertEqual(len(listed), 1)
        entry = listed[0]
        self.assertEqual(entry["design"], DESIGN)
        self.assertEqual((entry["ects"], entry["credits_available"]), (4, 4))
        self.assertEqual(entry["route"], "credit-transfer")
        self.assertEqual(entry["verdict"], "valid")
        self.assertEqual(entry["issuer_id"], self.issuer)
        self.assertEqual(entry["verification"]["issuer_trust"], "partner")
        self.assertEqual(entry["recorded_by"].split(" (")[1], REGISTRAR + ")")
        with open(self.credential, encoding="utf-8") as f:
            self.assertEqual(entry["credential"], f.read().strip())
        self.assertIn("Credit transfer", self.run_ok("recognition", "list").out)
        events = json.loads(self.run_ok("history", "--all", "--json").out)
        recognised = [e for e in events if e["action"] == "recognise"]
        self.assertEqual(len(recognised), 1)
        self.assertEqual(recognised[0]["actor"], REGISTRAR)
        self.assertEqual(recognised[0]["details"]["ects"], 4)

    def test_recognise_programme(self):
        self.institution()
        r = self.mcred("--as", REGISTRAR, "recognise", self.credential, "--programme",
                       "MSc Data Science", "--ects", "2.5", "--route", "prior-learning")
        self.assertEqual(r.status, 0, repr(r))
        entry = self.recognitions()[0]
        self.assertEqual((entry["programme"], entry["design"], entry["ects"]), ("MSc Data Science", None, 2.5))

    def test_recognise_refused(self):
        self.institution()
        # The wrong person, more credit than the credential is worth, bad usage.
        r = self.recognise(who=AUTHOR)
        self.assertEqual(r.status, 2, repr(r))
        r = self.mcred("--as", REGISTRAR, "recognise", self.credential, "--towards", DESIGN,
                       "--ects", "5", "--route", "credit-transfer")
        self.assertEqual(r.status, 2, repr(r))
        self.assertIn("worth 4 ECTS", r.err)
        for extra in (["--towards", DESIGN, "--programme", "X", "--ects", "1", "--route", "joint-offer"],
                      ["--towards", DESIGN, "--ects", "1"],
                      ["--towards", DESIGN, "--ects", "one", "--route", "joint-offer"],
                      ["--towards", DESIGN, "--ects", "1", "--route", "by-magic"]):
            r = self.mcred("--as", REGISTRAR, "recognise", self.credential, *extra)
            self.assertEqual(r.status, 2, repr(r))
        # The status list server fails: only partly verified, refused.
        PartnerSite.fail = True
        r = self.recognise()
        self.assertEqual(r.status, 1, repr(r))
        self.assertIn("the server answered 500", r.out)
        self.assertIn("only partly verified", r.err)
        # Revoked: did not verify.
        PartnerSite.fail = False
        PartnerSite.serve_revoked = True
        r = self.recognise()
        self.assertEqual(r.status, 1, repr(r))
        self.assertIn("did not verify", r.err)
        self.assertEqual(self.recognitions(), [])


if __name__ == "__main__":
    MCRED = sys.argv.pop(1)
    SAMPLES_TOOL = sys.argv.pop(1)
    unittest.main(verbosity=2)
