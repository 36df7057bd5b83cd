#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The publishing service and the online verifier against each other.

Institution A (the demo) publishes at http://127.0.0.1:PORT with
`mcred serve`, after issuing a cohort for that address; institution B
(another demo database) verifies A's credentials with
`mcred verify --online`, marks A as a trusted partner, sees a revocation
A records, and recognises one of A's credentials.

Usage: test-publish-verify.py /path/to/mcred
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest

MCRED = None
PASSPHRASE = "microcred-demo"   # the demo key's passphrase
REGISTRAR = "ciaran.doyle"      # the demo's registrar
DESIGN = "291c536b-4d6d-404e-91cf-078b9235c282"   # an active design of the demo


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PublishVerify(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="mcred-publish-verify-")
        tmp = cls._tmp.name
        cls.env = dict(os.environ, LC_ALL="C.UTF-8",
                       XDG_DATA_HOME=os.path.join(tmp, "data"),
                       XDG_CACHE_HOME=os.path.join(tmp, "cache"))
        cls.a = os.path.join(tmp, "a.db")
        cls.b = os.path.join(tmp, "b.db")
        cls.passfile = os.path.join(tmp, "passphrase")
        with open(cls.passfile, "w") as f:
            f.write(PASSPHRASE + "\n")

        # A publishes where its new credentials say it does.
        port = free_port()
        cls.base = "http://127.0.0.1:%d" % port
        cls.run_ok(cls.a, "demo")
        cls.run_ok(cls.a, "institution", "--verification-url", cls.base)
        offerings = json.loads(cls.run_ok(cls.a, "offering", "list", "--json"))
        pending = [o for o in offerings if o["issued"] == 0]
        assert pending, offerings
        cls.run_ok(cls.a, "--as", REGISTRAR, "issue", "--offering", str(pending[0]["id"]),
                   "--passphrase-file", cls.passfile)
        cls.credentials = [c for c in json.loads(cls.run_ok(cls.a, "credential", "list", "--json"))
                           if c["state"] == "active" and c["title"] == pending[0]["title"]]
        assert len(cls.credentials) >= 3, cls.credentials
        cls.server = subprocess.Popen([MCRED, "--database", cls.a, "serve", "--port", str(port),
                                       "--passphrase-file", cls.passfile],
                                      env=cls.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = cls.server.stdout.readline().decode()
        if not re.search(r"http://127\.0\.0\.1:%d/" % port, line):
            cls.server.kill()
            raise AssertionError("mcred serve did not start: %r %r" % (line, cls.server.stderr.read()))

        # B is another institution.
        cls.run_ok(cls.b, "demo")

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)
        cls.server.stdout.close()
        cls.server.stderr.close()
        cls._tmp.cleanup()

    @classmethod
    def mcred(cls, db, *args):
        return subprocess.run([MCRED, "--database", db] + list(args), env=cls.env, timeout=120,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    @classmethod
    def run_ok(cls, db, *args):
        done = cls.mcred(db, *args)
        assert done.returncode == 0, "mcred %s: exit %d\n%s\n%s" % (
            " ".join(args), done.returncode, done.stdout, done.stderr)
        return done.stdout

    def credential_file(self, index):
        uuid = self.credentials[index]["uuid"]
        shown = json.loads(self.run_ok(self.a, "credential", "show", uuid, "--json"))
        path = os.path.join(self._tmp.name, "%s.jwt" % uuid)
        with open(path, "w", encoding="utf-8") as f:
            f.write(shown["jwt"])
        return uuid, path

    def verify(self, path):
        done = self.mcred(self.b, "verify", "--online", "--json", path)
        self.assertIn(done.returncode, (0, 1), done.stderr)
        return json.loads(done.stdout)

    def test_verified_by_another_institution(self):
        _, path = self.credential_file(0)
        result = self.verify(path)
        self.assertEqual(result["verdict"], "valid", result)
        self.assertEqual(result["not_checked"], [], result)
        self.assertEqual(result["issuer_trust"], "not-partner", result)

    def test_trusted_partner(self):
        _, path = self.credential_file(1)
        self.run_ok(self.b, "partner", "add", self.base + "/issuer", "--name", "Corrib (A)")
        try:
            result = self.verify(path)
            self.assertEqual(result["verdict"], "valid", result)
            self.assertEqual((result["issuer_trust"], result["partner_name"]), ("partner", "Corrib (A)"))
            self.run_ok(self.b, "--as", REGISTRAR, "recognise", path, "--towards", DESIGN,
                        "--ects", "2", "--route", "credit-transfer")
            recognitions = json.loads(self.run_ok(self.b, "recognition", "list", "--json"))
            self.assertEqual(len(recognitions), 1, recognitions)
        finally:
            self.run_ok(self.b, "partner", "remove", self.base + "/issuer")

    def test_revocation_seen_online(self):
        uuid, path = self.credential_file(2)
        self.assertEqual(self.verify(path)["verdict"], "valid")
        self.run_ok(self.a, "--as", REGISTRAR, "revoke", uuid, "--reason", "Issued in error")
        # The service rebuilds a changed list within about a second; the
        # verifier revalidates its cached copy by its ETag.
        deadline = time.monotonic() + 15
        while True:
            result = self.verify(path)
            if result["verdict"] != "valid" or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        self.assertEqual((result["verdict"], result["error"]), ("invalid", "revoked"), result)


if __name__ == "__main__":
    MCRED = sys.argv.pop(1)
    unittest.main(verbosity=2)
