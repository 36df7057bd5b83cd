#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A registrar verifies a partner's credential online and records its
recognition, through the accessibility tree (run under
tests/run-with-display).

The partner's documents are written by remote-samples
(tests/remote-samples.c) for the address of a small http.server on
127.0.0.1 started here.  mcred prepares the demo institution and lists the
partner (as its administrator); Microcred runs acting for the registrar
Ciarán Doyle:

  Verify Credential → the credential pasted → Verify → “Valid” and “From a
  trusted partner: …” → Record Recognition… → the note → Record → the
  dialog says what was recorded → Recognitions lists it.

mcred then confirms the decision and its history event.

usage: test-remote-journey.py MICROCRED MCRED REMOTE_SAMPLES
Screenshots go to $SCREENSHOT_DIR."""

import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

from dogtail_support import close_last_window, find, text_of, tree, wait_for

REGISTRAR = "ciaran.doyle"
PARTNER = "Hanze Polytechnic (partner)"
NOTE = "Equivalent to module DA-101"
CONTROLS = {"push button", "toggle button", "text", "entry", "check box", "combo box",
            "spin button", "radio button", "switch"}


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


def assert_named(root, where):
    """Every control under root has a name for screen readers."""
    unnamed = [n for n in root.findChildren(lambda n: n.roleName in CONTROLS)
               if (not n.name or n.name.startswith(("Gtk", "Adw")))
               and not (n.parent is not None and n.parent.roleName == "combo box")]
    assert not unnamed, "controls without a name in %s: %r" % (
        where, [(n.roleName, n.name, n.parent.roleName) for n in unnamed])


class Journey:
    def __init__(self, microcred, mcred, samples):
        self.microcred = microcred
        self.mcred = mcred
        self.tmp = tempfile.mkdtemp(prefix="mc-remote-journey-")
        os.makedirs(os.path.join(self.tmp, "institution"))
        self.db = os.path.join(self.tmp, "institution", "journey.db")
        self.shots = os.environ.get("SCREENSHOT_DIR") or os.path.join(self.tmp, "shots")
        os.makedirs(self.shots, exist_ok=True)
        for old in os.listdir(self.shots):  # a previous run's pictures
            if old.startswith("remote-") and old.endswith(".png"):
                os.remove(os.path.join(self.shots, old))
        self.n_shot = 0
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PartnerSite)
        self.base = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        out = os.path.join(self.tmp, "samples")
        subprocess.run([samples, self.base, out], check=True, timeout=60)
        PartnerSite.site = os.path.join(out, "site")
        with open(os.path.join(out, "credential.jwt"), encoding="utf-8") as f:
            self.credential = f.read().strip()
        self.proc = None
        self.app = None
        self.frame = None

    def shot(self, name):
        self.n_shot += 1
        path = os.path.join(self.shots, "remote-%02d-%s.png" % (self.n_shot, name))
        subprocess.run(["import", "-window", "root", path], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print("# screenshot", path)

    def mcred_run(self, *args):
        done = subprocess.run([self.mcred, "--database", self.db] + list(args),
                              capture_output=True, text=True)
        assert done.returncode == 0, "mcred %s: exit %d: %s" % (" ".join(args), done.returncode, done.stderr)
        return done.stdout

    def window(self, title):
        return wait_for("the window “%s”" % title, lambda: find(
            self.app, lambda n: n.roleName in ("frame", "dialog") and n.name == title))

    def press(self, root, label):
        button = wait_for("the button “%s”" % label, lambda: find(
            root, lambda n: n.roleName == "push button"
            and (n.name == label or n.name.endswith(" " + label))))
        wait_for("“%s” sensitive" % label, lambda: button.sensitive)
        button.doActionNamed("click")

    def label(self, root, description):
        node = find(root, lambda n: n.roleName == "label" and n.description == description)
        # An empty label is named after its type.
        return node.name if node is not None and not node.name.startswith("Gtk") else None

    def prepare(self):
        self.mcred_run("demo")
        issuer = json.loads(subprocess.run(
            [self.mcred, "--database", self.db, "verify", "--offline", "--json", "-"],
            input=self.credential, capture_output=True, text=True).stdout)["issuer_id"]
        self.mcred_run("partner", "add", issuer, "--name", PARTNER, "--note", "Erasmus+ agreement")
        self.issuer = issuer

    def start(self):
        self.proc = subprocess.Popen([self.microcred, "--database", self.db, "--act-as", REGISTRAR])
        self.app = wait_for("the application", lambda: tree.root.application("microcred", retry=False))
        self.frame = wait_for("the window", lambda: find(
            self.app, lambda n: n.roleName == "frame" and n.name == "Microcred"))

    def verify(self):
        self.frame.doActionNamed("win.verify-credential")
        dialog = self.window("Verify Credential")
        text = wait_for("the credential field", lambda: find(
            dialog, lambda n: n.roleName == "text" and n.name == "Credential text or QR code address"))
        text.text = self.credential
        wait_for("the credential typed", lambda: text_of(text) == self.credential)
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
        note = wait_for("the note", lambda: find(
            dialog, lambda n: n.roleName == "text" and n.name.startswith("Note")))
        note.text = NOTE
        wait_for("the note typed", lambda: text_of(note) == NOTE)
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
        self.start()
        try:
            self.recognise(self.verify())
            self.recognitions()
        except BaseException:
            self.shot("failure")
            raise
        close_last_window(self.frame)
        self.proc.wait(timeout=15)
        assert self.proc.returncode == 0, self.proc.returncode
        self.proc = None
        self.check()

    def close(self):
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=15)
        self.server.shutdown()
        self.server.server_close()
        if os.environ.get("MC_KEEP_JOURNEY"):
            print("# kept", self.tmp)
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def main():
    journey = Journey(*sys.argv[1:4])
    try:
        journey.run()
    finally:
        journey.close()
    print("ok: a partner's credential verified online and recognised")


if __name__ == "__main__":
    main()
