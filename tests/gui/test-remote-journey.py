#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The administrator starts publishing; a registrar verifies a partner's
credential online and records its recognition; all through the
accessibility tree (run under tests/run-with-display).

The partner's documents are written by remote-samples
(tests/remote-samples.c) for the address of a small http.server on
127.0.0.1 started here.  mcred prepares the demo institution and lists the
partner (as its administrator).  Then Microcred runs twice:

- as the administrator (the account running the test): Administration →
  Publishing → port 0 → Publish online → the signing key's passphrase →
  Start → the page shows the address, which answers with the issuer
  profile, a signed status list and a credential's verification page;
  it keeps answering once the administration window is closed (the main
  window says so), and stops when the application quits;
- acting for the registrar Ciarán Doyle: Verify Credential → the
  credential pasted → Verify → “Valid” and “From a trusted partner: …” →
  Record Recognition… → the note → Record → the dialog says what was
  recorded → Recognitions lists it.

mcred then confirms the decision and its history event.

usage: test-remote-journey.py MICROCRED MCRED REMOTE_SAMPLES
Screenshots go to $SCREENSHOT_DIR."""

import http.server
import json
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request

from dogtail_support import find, text_of, wait_for
from journey_support import Journey, assert_named

REGISTRAR = "ciaran.doyle"
PARTNER = "Hanze Polytechnic (partner)"
NOTE = "Equivalent to module DA-101"
DEMO_PASSPHRASE = "microcred-demo"


class PartnerSite(http.server.BaseHTTPRequestHandler):
    site = None

    def do_GET(self):
        path = self.path.split("?")[0].lstrip("/")
        file = os.path.normpath(os.path.join(PartnerSite.site, path))
        if not file.startswith(PartnerSite.site + os.sep) or not os.path.isfile(file):
            self.send_error(404)
            return
        with open(file, "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type",
                         "application/jwt" if path.startswith("status/") else "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class RemoteJourney(Journey):
    name = "remote"
    title = "the publishing and remote verification journey"

    def __init__(self, microcred, mcred, samples):
        super().__init__(microcred, mcred)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PartnerSite)
        self.base = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        out = os.path.join(self.tmp, "samples")
        subprocess.run([samples, self.base, out], check=True, timeout=60)
        PartnerSite.site = os.path.join(out, "site")
        with open(os.path.join(out, "credential.jwt"), encoding="utf-8") as f:
            self.credential = f.read().strip()
        self.issuer = None

    def prepare(self):
        self.mcred_run("demo")
        issuer = json.loads(subprocess.run(
            [self.mcred, "--database", self.db, "verify", "--offline", "--json", "-"],
            input=self.credential, capture_output=True, text=True).stdout)["issuer_id"]
        self.mcred_run("partner", "add", issuer, "--name", PARTNER, "--note", "Erasmus+ agreement")
        self.issuer = issuer

    def fetch(self, url):
        """The status, type and body of a GET, or raises URLError."""
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers.get_content_type(), answer.read().decode("utf-8")

    def publish(self):
        """The administrator starts publishing from the Publishing page."""
        self.launch()
        self.frame.doActionNamed("win.administration")
        admin = self.window("Administration")
        page = wait_for("the Publishing page", lambda: find(
            admin, lambda n: n.roleName == "page tab" and n.name == "Publishing"))
        page.doActionNamed("click")
        port = wait_for("the port", lambda: find(
            admin, lambda n: n.roleName == "spin button" and n.name.startswith("Port to listen at")))
        port.text = "0"
        wait_for("port 0", lambda: text_of(port) == "0")
        toggle = wait_for("the switch", lambda: find(
            admin, lambda n: n.roleName in ("switch", "check box") and n.name.startswith("Publish online")))
        assert_named(admin, "the Publishing page")
        self.shot("publishing-page")
        toggle.doActionNamed("toggle")
        unlock = self.window("Start Publishing")
        self.text(unlock, "Passphrase of the signing key").text = DEMO_PASSPHRASE
        assert_named(unlock, "Start Publishing")
        self.press(unlock, "Start")
        url = wait_for("the address answering", lambda: self.answering_at(admin), timeout=30)
        self.shot("publishing")
        assert url.startswith("http://127.0.0.1:") and url.endswith("/"), url
        self.check_published(url)
        admin.doActionNamed("window.close")
        wait_for("the administration window closed", lambda: find(
            self.app, lambda n: n.roleName == "frame" and n.name == "Administration") is None)
        # The service belongs to the application, not to that window; the
        # main window says it publishes.
        self.check_published(url)
        wait_for("the publishing indicator", lambda: find(
            self.frame, lambda n: n.name == "Publishing at " + url))
        self.shot("still-publishing")
        self.stop()
        try:
            self.fetch(url + "issuer")
        except urllib.error.URLError:
            pass
        else:
            raise AssertionError("the service still answers after the application quit")

    def answering_at(self, admin):
        """The address the page shows publishing at (the Partners page
        also lists addresses on 127.0.0.1: the partner's, with a path)."""
        node = find(admin, lambda n: n.roleName == "label"
                    and re.fullmatch(r"http://127\.0\.0\.1:\d+/", n.name) is not None)
        return node.name if node is not None else None

    def check_published(self, url):
        """The address answers with what a verifier needs."""
        status, kind, body = self.fetch(url + "issuer")
        assert status == 200 and kind == "application/json", (status, kind)
        assert json.loads(body)["type"] in ("Profile", ["Profile"]), body[:200]
        status, kind, _ = self.fetch(url + "status/revocation/0")
        assert status == 200 and kind in ("application/vc+jwt", "application/jwt"), (status, kind)
        credential = json.loads(self.mcred_run("credential", "list", "--json"))[0]
        status, kind, body = self.fetch(url + "credentials/" + credential["uuid"])
        assert status == 200 and kind == "text/html", (status, kind)
        assert credential["title"] in body, credential["title"]

    def start(self):
        self.launch("--act-as", REGISTRAR)

    def verify(self):
        self.frame.doActionNamed("win.verify-credential")
        dialog = self.window("Verify Credential")
        self.type_into(dialog, "Credential text or QR code address", self.credential)
        assert_named(dialog, "Verify Credential")
        self.press(dialog, "Verify")
        verdict = wait_for("the verdict", lambda: self.label(dialog, "Verdict"), timeout=40)
        standing = self.label(dialog, "Issuer standing")
        self.shot("verified")
        assert verdict == "Valid", (verdict, self.label(dialog, "What the verification found"))
        assert standing == "From a trusted partner: “%s”" % PARTNER, standing
        assert_named(dialog, "the verification")
        return dialog

    def recognise(self, verify):
        self.press(verify, "Record Recognition…")
        dialog = self.window("Record Recognition")
        self.type_into(dialog, "Note", NOTE)
        assert_named(dialog, "Record Recognition")
        self.shot("recognition")
        self.press(dialog, "Record")
        recorded = wait_for("the decision recorded", lambda: self.label(verify, "Recognition recorded"))
        assert recorded.startswith("Recognition recorded: 4 ECTS towards “"), recorded
        self.shot("recorded")
        verify.doActionNamed("window.close")

    def recognitions(self):
        self.frame.doActionNamed("win.show-recognitions")
        window = self.window("Recognitions")
        wait_for("the decision listed", lambda: find(
            window, lambda n: n.roleName == "label" and n.name.startswith("Lena de Vries — ")))
        assert_named(window, "Recognitions")
        self.shot("recognitions")
        window.doActionNamed("window.close")

    def check(self):
        listed = json.loads(self.mcred_run("recognition", "list", "--json"))
        assert len(listed) == 1, listed
        entry = listed[0]
        assert entry["issuer_id"] == self.issuer, entry["issuer_id"]
        assert (entry["ects"], entry["route"], entry["note"]) == (4, "credit-transfer", NOTE), entry
        assert entry["verification"]["issuer_trust"] == "partner", entry["verification"]
        assert entry["recorded_by"].endswith("(%s)" % REGISTRAR), entry["recorded_by"]
        events = json.loads(self.mcred_run("history", "--all", "--json"))
        assert [e["actor"] for e in events if e["action"] == "recognise"] == [REGISTRAR], events[-3:]

    def run(self):
        self.prepare()
        self.publish()
        self.start()
        self.recognise(self.verify())
        self.recognitions()
        self.stop()
        self.check()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        super().close()


if __name__ == "__main__":
    RemoteJourney(*sys.argv[1:4]).main()
