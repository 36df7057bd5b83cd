#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The publishing service (`mcred serve`) and the static export
(`mcred publish --export`) end to end, on the demo institution, over
127.0.0.1 with ports the system chooses.

Usage: test-publish.py /path/to/mcred /path/to/catalogue.schema.json
"""

import base64
import gzip
import html.parser
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

import jsonschema

MCRED = None
SCHEMA = None
REGISTRAR = "ciaran.doyle"
PASSPHRASE = "microcred-demo"


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jwt_payload(token):
    return json.loads(b64url(token.split(".")[1]))


def list_bits(token):
    encoded = jwt_payload(token)["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    return gzip.decompress(b64url(encoded[1:]))


def folder_contents(top):
    """Every file below @top, by its relative path, with its bytes."""
    contents = {}
    for folder, _, names in os.walk(top):
        for name in names:
            with open(os.path.join(folder, name), "rb") as f:
                contents[os.path.relpath(os.path.join(folder, name), top)] = f.read()
    return contents


def bit(bits, index):
    return (bits[index // 8] >> (7 - index % 8)) & 1


class Server:
    """A running `mcred serve`, stopped with SIGTERM."""

    def __init__(self, env, *args):
        self.proc = subprocess.Popen([MCRED, "serve", "--port", "0"] + list(args), env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.proc.stdout.readline().decode()
        match = re.search(r"(https?)://([0-9.]+):(\d+)/", line)
        if not match:
            self.proc.kill()
            raise AssertionError("mcred serve did not start: %r %r" % (line, self.proc.stderr.read()))
        self.scheme, self.host, self.port = match.group(1), match.group(2), int(match.group(3))

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)
        for stream in (self.proc.stdout, self.proc.stderr):
            stream.close()
        return self.proc.returncode


class Response:
    def __init__(self, r):
        self.status = r.status
        self.headers = r.headers
        self.body = r.read()

    def header(self, name):
        return self.headers.get(name)


class Page(html.parser.HTMLParser):
    """What the accessibility checks need: lang, landmarks, headings, text."""

    def __init__(self, text):
        super().__init__()
        self.lang = None
        self.tags = []
        self.text = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")

    def handle_data(self, data):
        self.text.append(data)

    def all_text(self):
        return " ".join(self.text)


INSTITUTION = {}


def setUpModule():
    """One demo institution and one service for every test: the demo's
    offering ready to issue is issued, so that each test that changes a
    credential's status has its own (INSTITUTION["actives"][n])."""
    tmp = tempfile.mkdtemp(prefix="mcred-publish-")
    env = dict(os.environ)
    env.update({
        "XDG_DATA_HOME": os.path.join(tmp, "xdg-data"),
        "XDG_CONFIG_HOME": os.path.join(tmp, "xdg-config"),
        "LC_ALL": "C.UTF-8",
    })
    passfile = os.path.join(tmp, "passphrase")
    with open(passfile, "w") as f:
        f.write(PASSPHRASE + "\n")
    INSTITUTION.update(tmp=tmp, env=env, passfile=passfile,
                       # The default database of this XDG data folder.
                       db=os.path.join(tmp, "xdg-data", "microcred", "microcred.db"))

    def run(*args):
        return subprocess.run([MCRED] + list(args), env=env, cwd=tmp, check=True, timeout=300,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout

    run("demo")
    offerings = json.loads(run("offering", "list", "--json"))
    for offering in [o for o in offerings if o["issued"] == 0]:
        run("--as", REGISTRAR, "issue", "--offering", str(offering["id"]), "--passphrase-file", passfile)
    credentials = json.loads(run("credential", "list", "--json"))
    INSTITUTION["actives"] = sorted(c["id"] for c in credentials if c["state"] == "active")
    INSTITUTION["server"] = Server(env, "--passphrase-file", passfile)


def tearDownModule():
    INSTITUTION["server"].stop()
    shutil.rmtree(INSTITUTION["tmp"])


class PublishTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        for name in ("tmp", "db", "env", "passfile", "server", "actives"):
            setattr(cls, name, INSTITUTION[name])

    @classmethod
    def mcred(cls, *args):
        return subprocess.run([MCRED] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=cls.env, timeout=120, cwd=cls.tmp)

    @classmethod
    def run_ok(cls, *args):
        r = cls.mcred(*args)
        if r.returncode != 0:
            raise AssertionError("mcred %s: %r" % (" ".join(args), r.stderr))
        return r.stdout.decode()

    def get(self, path, method="GET", headers=None, server=None, context=None):
        server = server or self.server
        if server.scheme == "https":
            conn = http.client.HTTPSConnection(server.host, server.port, timeout=20, context=context)
        else:
            conn = http.client.HTTPConnection(server.host, server.port, timeout=20)
        conn.request(method, path, headers=headers or {})
        r = Response(conn.getresponse())
        conn.close()
        return r

    def raw(self, data, timeout=20):
        """Sends @data as it is; the answer's status, or None when the
        service closed the connection without one."""
        with socket.create_connection((self.server.host, self.server.port), timeout=timeout) as s:
            try:
                s.sendall(data)
                answer = s.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                return None, b""
        if not answer:
            return None, b""
        return int(answer.split(b" ", 2)[1]), answer

    def credentials(self):
        return json.loads(self.run_ok("credential", "list", "--json"))

    def credential(self, ident):
        return json.loads(self.run_ok("credential", "show", str(ident), "--json"))


class Documents(PublishTestCase):
    def test_documents_types_and_headers(self):
        expected = {
            "/issuer": ("application/json", "max-age=86400"),
            "/keys.json": ("application/json", "max-age=86400"),
            "/contexts/microcred-v1.json": ("application/ld+json", "max-age=86400"),
            "/catalogue.json": ("application/json", "max-age=300"),
            "/status/revocation/0": ("application/vc+jwt", "max-age=300"),
            "/status/suspension/0": ("application/vc+jwt", "max-age=300"),
            "/catalogue/": ("text/html; charset=utf-8", "max-age=300"),
        }
        for path, (content_type, cache) in expected.items():
            r = self.get(path)
            self.assertEqual(r.status, 200, path)
            self.assertEqual(r.header("Content-Type"), content_type, path)
            self.assertIn(cache, r.header("Cache-Control"), path)
            self.assertRegex(r.header("ETag"), r'^"[0-9a-f]{32}"$', path)
            if content_type.startswith("text/html"):
                self.assertIsNone(r.header("Access-Control-Allow-Origin"), path)
                self.assertIn("default-src 'none'", r.header("Content-Security-Policy"))
            else:
                self.assertEqual(r.header("Access-Control-Allow-Origin"), "*", path)
        jwks = json.loads(self.get("/keys.json").body)
        for key in jwks["keys"]:
            thumbprint = key["kid"].rsplit("/", 1)[-1]
            r = self.get("/keys/" + thumbprint)
            self.assertEqual(r.status, 200)
            self.assertEqual(json.loads(r.body), key)
        issuer = json.loads(self.get("/issuer").body)
        self.assertEqual(issuer["type"], ["Profile"])
        self.assertEqual(issuer["id"], "https://credentials.corribtu.example/issuer")
        self.assertEqual(self.get("/keys/not-a-key").status, 404)
        self.assertEqual(self.get("/status/revocation/7").status, 404)
        self.assertEqual(self.get("/status/revocation/00").status, 404)
        self.assertEqual(self.get("/achievements/" + str(uuid.uuid4())).status, 404)

    def test_catalogue_valid_against_schema(self):
        with open(SCHEMA) as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        catalogue = json.loads(self.get("/catalogue.json").body)
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(catalogue)
        self.assertGreater(len(catalogue["microcredentials"]), 0)
        page = self.get("/catalogue/").body.decode()
        for entry in catalogue["microcredentials"]:
            # The achievement is published at its id, the same object.
            path = entry["id"].replace("https://credentials.corribtu.example", "")
            achievement = json.loads(self.get(path).body)
            self.assertEqual(achievement["name"], entry["name"])
            self.assertEqual(achievement["learningOutcomes"], entry["learningOutcomes"])
            self.assertIn(html_escape(entry["name"]), page)
        # A schema that can fail: an entry without its outcomes is refused.
        del catalogue["microcredentials"][0]["learningOutcomes"]
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(catalogue, schema)

    def test_etag_and_head(self):
        r = self.get("/issuer")
        etag = r.header("ETag")
        again = self.get("/issuer", headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, b"")
        self.assertEqual(again.header("ETag"), etag)
        self.assertEqual(self.get("/issuer", headers={"If-None-Match": '"other", ' + etag}).status, 304)
        self.assertEqual(self.get("/issuer", headers={"If-None-Match": '"0000"'}).status, 200)
        head = self.get("/issuer", method="HEAD")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, b"")
        self.assertEqual(head.header("ETag"), etag)
        self.assertEqual(head.header("Content-Type"), "application/json")

    def test_last_modified(self):
        r = self.get("/status/suspension/0")
        modified = r.header("Last-Modified")
        self.assertIsNotNone(modified)
        self.assertEqual(self.get("/status/suspension/0", headers={"If-Modified-Since": modified}).status, 304)
        self.assertEqual(self.get("/status/suspension/0",
                                  headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status, 200)
        # If-None-Match decides when both are given.
        self.assertEqual(self.get("/status/suspension/0", headers={"If-Modified-Since": modified,
                                                                   "If-None-Match": '"0000"'}).status, 200)

    def test_methods(self):
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
            r = self.get("/issuer", method=method)
            self.assertEqual(r.status, 405, method)
            self.assertEqual(r.header("Allow"), "GET, HEAD", method)
        status, _ = self.raw(b"BREW /issuer HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        self.assertIn(status, (405, 400, 501))

    def test_traversal(self):
        for path in (b"/../../etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd", b"/keys/..%2f..%2fdb%2fdemo.db",
                     b"/credentials/%2E%2E%2F%2E%2E%2Fdemo.db", b"//etc/passwd", b"/status/revocation/..%2f0",
                     b"/issuer%00.json", b"/keys/..\\..\\demo.db", b"/db/demo.db"):
            status, answer = self.raw(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            self.assertIn(status, (400, 404), path)
            self.assertNotIn(b"root:", answer)
            self.assertNotIn(b"SQLite format", answer)

    def test_oversized_requests(self):
        big = b"GET /issuer HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\nConnection: close\r\n\r\n"
        self.assertEqual(self.raw(big)[0], 431)
        many = (b"GET /issuer HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: aaaaaaaa\r\n" % i for i in range(2000)) +
                b"Connection: close\r\n\r\n")
        self.assertEqual(self.raw(many)[0], 431)
        # Beyond 100 KiB libsoup drops the connection without reading more.
        huge = b"GET /issuer HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 300000 + b"\r\n\r\n"
        self.assertIn(self.raw(huge)[0], (None, 400, 431))
        long_uri = b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        self.assertEqual(self.raw(long_uri)[0], 414)
        # A large body is not read: the connection goes; a small one is ignored.
        body = b"GET /issuer HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n" + b"a" * 1000
        self.assertIsNone(self.raw(body)[0])
        chunked = b"GET /issuer HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n"
        self.assertIsNone(self.raw(chunked)[0])
        small = b"GET /issuer HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
        self.assertEqual(self.raw(small)[0], 200)
        # And the service still answers.
        self.assertEqual(self.get("/issuer").status, 200)

    def test_slow_client_does_not_block_others(self):
        slow = socket.create_connection((self.server.host, self.server.port), timeout=30)
        slow.sendall(b"GET /issuer HTTP/1.1\r\nHost: x\r\n")
        start = time.monotonic()
        self.assertEqual(self.get("/keys.json").status, 200)
        self.assertLess(time.monotonic() - start, 2)
        # The service hangs up on it after its request timeout (10 s).
        self.assertEqual(slow.recv(100), b"")
        self.assertLess(time.monotonic() - start, 15)
        slow.close()


def html_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")


class VerificationPages(PublishTestCase):
    def page(self, uuid_, token=None, headers=None):
        path = "/credentials/" + uuid_ + ("?token=" + token if token is not None else "")
        return self.get(path, headers=headers)

    def check_html(self, r, status_word):
        self.assertEqual(r.header("Content-Type"), "text/html; charset=utf-8")
        self.assertEqual(r.header("Referrer-Policy"), "no-referrer")
        page = Page(r.body.decode())
        self.assertEqual(page.lang, "en")
        for landmark in ("header", "main", "footer", "h1", "h2"):
            self.assertIn(landmark, page.tags)
        self.assertNotIn("script", page.tags)
        self.assertIn(status_word, page.all_text())
        return page

    def test_token_shows_holder(self):
        shown = self.credential(self.actives[0])
        active = [c for c in self.credentials() if c["id"] == self.actives[0]][0]
        token = shown["verification_url"].split("token=")[1]
        with_token = self.page(active["uuid"], token)
        self.assertEqual(with_token.status, 200)
        page = self.check_html(with_token, "Valid")
        self.assertIn(active["name"], page.all_text())
        self.assertIn(shown["grade"], page.all_text())
        self.assertIn("no-store", with_token.header("Cache-Control"))
        for wrong in (None, "", token[:-1] + ("A" if token[-1] != "A" else "B"), token + "x"):
            r = self.page(active["uuid"], wrong)
            text = self.check_html(r, "Valid").all_text()
            self.assertNotIn(active["name"], text)
            self.assertIn(active["title"], text)
            self.assertIn("ECTS", text)

    def test_statuses(self):
        credentials = {c["id"]: c for c in self.credentials()}
        revoked = [c for c in credentials.values() if c["state"] == "revoked"][0]
        self.check_html(self.page(revoked["uuid"]), "Revoked")
        active = self.actives[1:3]
        self.run_ok("suspend", "--as", REGISTRAR, str(active[0]), "--reason", "Under review")
        self.run_ok("reissue", "--as", REGISTRAR, str(active[1]), "--reason", "Name corrected",
                    "--passphrase-file", self.passfile)
        time.sleep(1.2)   # past the service's one-second cache
        self.check_html(self.page(credentials[active[0]]["uuid"]), "Suspended")
        replaced = self.check_html(self.page(credentials[active[1]]["uuid"]), "Replaced")
        replacement = self.credential(active[1])["superseded_by"]
        new_uuid = self.credential(replacement)["uuid"]
        self.assertIn("/credentials/" + new_uuid, self.page(credentials[active[1]]["uuid"]).body.decode())
        del replaced
        self.check_html(self.page(new_uuid), "Valid")
        # Time passing past the end of validity, without waiting years.
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE credentials SET valid_until = '2020-01-01T00:00:00Z' WHERE uuid = ?", (new_uuid,))
        time.sleep(1.2)
        self.check_html(self.page(new_uuid), "Expired")
        unknown = self.page(str(uuid.uuid4()))
        self.assertEqual(unknown.status, 404)
        self.check_html(unknown, "Unknown")

    def test_language(self):
        uuid_ = self.credentials()[0]["uuid"]
        # No translation is installed in the build tree: English, and says so.
        r = self.page(uuid_, headers={"Accept-Language": "de-AT, de;q=0.9, fr;q=0.5"})
        self.assertEqual(Page(r.body.decode()).lang, "en")
        self.assertEqual(r.header("Vary"), "Accept-Language")


class StatusLists(PublishTestCase):
    def fetch_until_changed(self, path, etag):
        for _ in range(50):
            r = self.get(path)
            if r.header("ETag") != etag:
                return r
            time.sleep(0.1)
        self.fail("%s did not change" % path)

    def test_revocation_changes_the_list(self):
        before = self.get("/status/revocation/0")
        shown = self.credential(self.actives[3])
        index = shown["status_index"]
        self.assertEqual(bit(list_bits(before.body.decode()), index), 0)
        # Unchanged bits: the same signed list, the same tag.
        self.assertEqual(self.get("/status/revocation/0").header("ETag"), before.header("ETag"))
        self.run_ok("revoke", "--as", REGISTRAR, str(shown["id"]), "--reason", "Issued in error")
        after = self.fetch_until_changed("/status/revocation/0", before.header("ETag"))
        self.assertEqual(after.status, 200)
        token = after.body.decode()
        self.assertEqual(bit(list_bits(token), index), 1)
        # The verifier checks the list's signature with the published keys.
        files = {}
        for name, path in (("keys.json", "/keys.json"), ("revocation.jwt", "/status/revocation/0"),
                           ("suspension.jwt", "/status/suspension/0")):
            files[name] = os.path.join(self.tmp, name)
            with open(files[name], "wb") as f:
                f.write(self.get(path).body)
        credential_file = os.path.join(self.tmp, "credential.jwt")
        with open(credential_file, "w") as f:
            f.write(shown["jwt"])
        r = self.mcred("verify", credential_file, "--key", files["keys.json"], "--status-list",
                       files["revocation.jwt"], "--status-list", files["suspension.jwt"], "--json")
        self.assertEqual(r.returncode, 1, r.stderr)
        result = json.loads(r.stdout)
        checks = {c["id"]: c for c in result["checks"]}
        self.assertEqual(checks["signature"]["outcome"], "passed", result)
        self.assertEqual(checks["status"]["outcome"], "failed", result)
        self.assertIn("revoked", json.dumps(checks["status"]).lower())


class Export(PublishTestCase):
    def test_export_equals_service(self):
        out = os.path.join(self.tmp, "site")
        r = self.mcred("publish", "--export", out)
        self.assertEqual(r.returncode, 2, r.stderr)   # the passphrase is needed for the lists
        self.run_ok("publish", "--export", out, "--passphrase-file", self.passfile)
        files = sorted(os.path.relpath(os.path.join(folder, name), out)
                       for folder, _, names in os.walk(out) for name in names)
        self.assertIn(".microcred-export", files)
        for expected in ("index.html", "issuer", "keys.json", "catalogue.json", "catalogue/index.html",
                         "contexts/microcred-v1.json", "status/revocation/0", "status/suspension/0"):
            self.assertIn(expected, files)
        pages = [f for f in files if f.startswith("credentials/")]
        self.assertEqual(len(pages), len([c for c in self.credentials() if c["state"] != "pending"]))
        names = [c["name"] for c in self.credentials()]
        for name in files:
            if name == ".microcred-export":
                continue
            with open(os.path.join(out, name), "rb") as f:
                exported = f.read()
            path = "/" + name[:-len("index.html")] if name.endswith("index.html") else "/" + name
            if path.startswith("/credentials/"):
                path = path.rstrip("/")
            served = self.get(path)
            self.assertEqual(served.status, 200, path)
            if path.startswith("/status/"):
                # Signed at another moment: the same bits.
                self.assertEqual(list_bits(exported.decode()), list_bits(served.body.decode()), path)
            else:
                self.assertEqual(exported, served.body, path)
            if path.startswith("/credentials/"):
                for learner in names:
                    self.assertNotIn(learner.encode(), exported)
        # Again into the same folder: replaced whole; elsewhere: refused.
        self.run_ok("publish", "--export", out, "--passphrase-file", self.passfile)
        self.assertEqual(sorted(os.listdir(self.tmp)).count("site"), 1)
        self.assertFalse([n for n in os.listdir(self.tmp) if n.startswith("site.new")])
        other = os.path.join(self.tmp, "not-an-export")
        os.makedirs(other)
        with open(os.path.join(other, "keep.txt"), "w") as f:
            f.write("mine")
        r = self.mcred("publish", "--export", other, "--passphrase-file", self.passfile)
        self.assertEqual(r.returncode, 2)
        self.assertIn("not an earlier export", r.stderr.decode())
        self.assertTrue(os.path.exists(os.path.join(other, "keep.txt")))


    def test_export_interrupted(self):
        """Ctrl+C stops an export and leaves the folder as it was: here it
        comes while the key is being unlocked (mcred waits for the
        passphrase on a pipe), so the export stops before its first
        document, whatever the machine's speed."""
        out = os.path.join(self.tmp, "site-interrupted")
        self.run_ok("publish", "--export", out, "--passphrase-file", self.passfile)
        before = folder_contents(out)
        read_end, write_end = os.pipe()
        proc = subprocess.Popen([MCRED, "publish", "--export", out, "--passphrase-fd", str(read_end)],
                                pass_fds=(read_end,), env=self.env, cwd=self.tmp,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        os.close(read_end)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with open("/proc/%d/wchan" % proc.pid) as f:
                    if "pipe" in f.read():
                        break   # blocked reading the passphrase
                time.sleep(0.01)
            proc.send_signal(signal.SIGINT)
            os.write(write_end, (PASSPHRASE + "\n").encode())
        finally:
            os.close(write_end)
        _, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 2, err)
        self.assertIn(b"The export was stopped", err)
        self.assertEqual(folder_contents(out), before)
        self.assertFalse([n for n in os.listdir(self.tmp) if n.startswith("site-interrupted.new")])


class Services(PublishTestCase):
    """Other ways of starting the service."""

    def test_without_key(self):
        server = Server(self.env)
        try:
            r = self.get("/status/revocation/0", server=server)
            self.assertEqual(r.status, 503)
            self.assertIn(b"without the signing key", r.body)
            self.assertEqual(r.header("Retry-After"), "300")
            self.assertEqual(self.get("/issuer", server=server).status, 200)
        finally:
            self.assertEqual(server.stop(), 0)

    def test_tls(self):
        cert = os.path.join(self.tmp, "cert.pem")
        key = os.path.join(self.tmp, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
        server = Server(self.env, "--tls-certificate", cert, "--tls-key", key)
        try:
            self.assertEqual(server.scheme, "https")
            context = ssl.create_default_context(cafile=cert)
            r = self.get("/issuer", server=server, context=context)
            self.assertEqual(r.status, 200)
            self.assertEqual(json.loads(r.body)["type"], ["Profile"])
            with self.assertRaises(ssl.SSLError):
                self.get("/issuer", server=server, context=ssl.create_default_context())
        finally:
            server.stop()
        r = self.mcred("serve", "--tls-certificate", cert, "--tls-key", cert)
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot be used", r.stderr.decode())

    def test_refusals(self):
        r = self.mcred("serve", "--address", "not-an-address")
        self.assertEqual(r.returncode, 2)
        self.assertIn("not an IP address", r.stderr.decode())
        r = self.mcred("serve", "--tls-certificate", "/nonexistent.pem")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(self.mcred("serve", "--passphrase", "x").returncode, 2)

    def test_did_web(self):
        self.assertEqual(self.get("/.well-known/did.json").status, 404)
        self.run_ok("settings", "set", "publish-did-web", "true")
        server = Server(self.env)
        try:
            did = json.loads(self.get("/.well-known/did.json", server=server).body)
            self.assertEqual(did["id"], "did:web:credentials.corribtu.example")
            jwks = json.loads(self.get("/keys.json", server=server).body)
            self.assertEqual(len(did["verificationMethod"]), len(jwks["keys"]))
            self.assertEqual(did["assertionMethod"], [m["id"] for m in did["verificationMethod"]])
        finally:
            server.stop()
            self.run_ok("settings", "set", "publish-did-web", "false")


def main():
    global MCRED, SCHEMA
    MCRED, SCHEMA = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])


if __name__ == "__main__":
    main()
