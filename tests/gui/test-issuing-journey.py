#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A registrar issues a cohort and looks after its credentials, through the
accessibility tree (run under tests/run-with-display).

The database is prepared with mcred: the demo institution, its
verification address and a signing key with a passphrase.  Microcred runs
acting for the registrar Ciarán Doyle on the active design “Applied Data
Analytics with Python”:

  Offerings → New Offering → Import Results (a CSV file chosen in the file
  chooser; the preview shows every row) → Issue Credentials (passphrase,
  progress) → the Credentials page lists the cohort → one credential's
  window previews its certificate → Print (to a PDF file: the window runs
  with MC_DEBUG_PRINT_TO_PDF, GTK's own print dialog needing a printer) →
  Revoke with a reason and the confirmation → Verify Credential says
  “Valid” for a classmate's credential and “Not Valid” for the revoked one.

mcred then checks the database: the credentials issued, the reprint
counted, the revocation and its reason.

usage: test-issuing-journey.py MICROCRED MCRED
Screenshots of each step go to $SCREENSHOT_DIR (the build directory's
issuing-journey/ when run by meson); MC_KEEP_JOURNEY=1 keeps the database
and files for a look afterwards."""

import json
import os
import subprocess
import sys
import time

from dogtail_support import find, rawinput, text_of, wait_for
from journey_support import Journey, assert_named

REGISTRAR = "ciaran.doyle"
DESIGN = "Applied Data Analytics with Python"
PASSPHRASE = "journey passphrase"
OFFERING = "2026-JOURNEY"
REASON = "Assessment found to be plagiarised"
SCHEMA = "io.github.microcred.Microcred"
# Student ID, given name, family name, grade: one learner failed.
COHORT = [
    ("J1001", "Aoife", "Ní Bhriain", "78"),
    ("J1002", "Bartosz", "Wiśniewski", "64"),
    ("J1003", "Chiamaka", "Okafor", "81"),
    ("J1004", "Dimitra", "Παπαδοπούλου", "55"),
    ("J1005", "Eoin", "Ó Súilleabháin", "92"),
    ("J1006", "Fatima", "Al-Sayed", "30"),
]
PASSED = [row for row in COHORT if int(row[3]) >= 40]

def full_name(row):
    return "%s %s" % (row[1], row[2])


class IssuingJourney(Journey):
    name = "issuing"
    title = "issuing journey"

    def __init__(self, microcred, mcred):
        super().__init__(microcred, mcred)
        # The database in a folder of its own, as the default one is: a file
        # chooser listing the folder of a database opens its files to guess
        # their types, which drops this program's SQLite locks on them
        # (POSIX locks go with any descriptor's close), and mcred, running
        # beside it, would then take the database for unused.
        os.makedirs(os.path.join(self.tmp, "institution"))
        self.db = os.path.join(self.tmp, "institution", "journey.db")
        os.makedirs(os.path.join(self.tmp, "student-records"))
        self.csv = os.path.join(self.tmp, "student-records", "results.csv")
        self.printed = os.path.join(self.tmp, "printed.pdf")
        self.demo_credentials = 0

    # Helpers

    def mcred_json(self, *args):
        return json.loads(self.mcred_run(*args))

    def journey_credentials(self):
        """The credentials of the journey's design (the demo data has
        issued others)."""
        return [c for c in self.mcred_json("credential", "list", "--json") if c["title"] == DESIGN]

    def find_named(self, role, name, root=None):
        return find(root or self.app, lambda n: n.roleName == role and n.name == name)

    # The journey

    def prepare(self):
        subprocess.run(["gsettings", "set", SCHEMA, "window-width", "1280"], check=True)
        subprocess.run(["gsettings", "set", SCHEMA, "window-height", "1000"], check=True)
        self.mcred_run("demo")
        self.mcred_run("institution", "--verification-url", "https://credentials.corrib.example",
                       "--signatory-name", "Dr Aoife Brennan", "--signatory-title", "Registrar")
        passphrase = os.path.join(self.tmp, "passphrase")
        with open(passphrase, "w") as f:
            f.write(PASSPHRASE + "\n")
        self.mcred_run("key", "generate", "--passphrase-file", passphrase)
        os.remove(passphrase)
        self.demo_credentials = len(self.mcred_json("credential", "list", "--json"))
        design = [d for d in self.mcred_json("design", "list", "--json") if d["title"] == DESIGN]
        assert len(design) == 1, design
        subprocess.run(["gsettings", "set", SCHEMA, "last-design", design[0]["uuid"]], check=True)
        with open(self.csv, "w", encoding="utf-8") as f:
            f.write("Student ID,First name,Surname,Grade,Completed on\n")
            for row in COHORT:
                f.write("%s,%s,%s,%s,2026-05-29\n" % row)

    def start(self):
        self.launch("--act-as", REGISTRAR, env=dict(os.environ, MC_DEBUG_PRINT_TO_PDF=self.printed))

    def create_offering(self):
        self.press(self.frame, "Offerings")
        offerings = self.window("Offerings of “%s”" % DESIGN)
        self.shot("offerings-empty")
        self.press(offerings, "New Offering")
        dialog = self.window("New Offering")
        self.type_into(dialog, "Code of the offering", OFFERING)
        self.type_into(dialog, "Start date of the offering", "2026-02-02")
        self.type_into(dialog, "End date of the offering", "2026-05-29")
        self.shot("new-offering")
        self.press(dialog, "Create")
        wait_for("the offering shown", lambda: OFFERING in (self.label(offerings, "Offering details") or ""))
        return offerings

    def choose_file(self, path):
        """GTK's file chooser (no portal here): typing a path opens its
        location entry; Return opens the file."""
        chooser = wait_for("the file chooser", lambda: find(
            self.app, lambda n: n.roleName == "filler" and n.name == "Import Results"))
        time.sleep(0.5)  # it takes the keyboard once shown
        rawinput.typeText(path)
        wait_for("the path typed", lambda: find(
            chooser, lambda n: n.roleName == "text" and text_of(n) == path))
        rawinput.pressKey("Return")

    def import_results(self, offerings):
        self.press(offerings, "Import Results…")
        self.choose_file(self.csv)
        dialog = self.window("Import Results")
        wait_for("the rows checked", lambda: self.label(dialog, "Import verdict"))
        verdict = self.label(dialog, "Import verdict")
        print("# import verdict:", verdict)
        self.shot("import-preview")
        self.press(dialog, "Import")
        wait_for("the results recorded", lambda: (self.label(offerings, "Offering counts") or "").startswith("6 results"))
        self.shot("results-imported")

    def issue(self, offerings):
        self.press(offerings, "Issue Credentials…")
        dialog = self.window("Issue Credentials")
        self.type_into(dialog, "Passphrase of the signing key", PASSPHRASE)
        self.shot("issue-dialog")
        self.press(dialog, "Issue")
        done = "%d Credentials Issued" % len(PASSED)
        wait_for("“%s”" % done, lambda: find(dialog, lambda n: n.roleName == "label" and n.name == done),
                 timeout=60)
        states = [c["state"] for c in self.journey_credentials()]
        assert states == ["active"] * len(PASSED), states
        self.shot("issued")
        dialog.doActionNamed("window.close")
        offerings.doActionNamed("window.close")

    def register(self):
        self.frame.doActionNamed("win.show-credentials")
        for row in PASSED:
            wait_for("%s in the register" % full_name(row), lambda: find(
                self.frame, lambda n: n.roleName == "label" and n.name == full_name(row)))
        count = wait_for("the count", lambda: self.label(self.frame, "Number of credentials shown"))
        shown = self.demo_credentials + len(PASSED)
        assert count.startswith("%d credential" % shown), (count, shown)
        failed = full_name(COHORT[-1])
        assert find(self.frame, lambda n: n.roleName == "label" and n.name == failed) is None, \
            "a learner who failed has a credential"
        assert_named(self.frame, "the register")
        self.shot("register")

    def open_credential(self, row):
        cell = wait_for("the row of %s" % full_name(row), lambda: find(
            self.frame, lambda n: n.roleName == "label" and n.name == full_name(row)))
        cell.click()
        self.press(self.frame, "Open")
        window = self.window(full_name(row))
        preview = wait_for("the certificate", lambda: find(
            window, lambda n: n.roleName == "image" and n.name.startswith("Certificate, page 1 of 2")))
        assert preview is not None
        assert_named(window, "the credential window")
        return window

    def print_certificate(self, window, row):
        self.shot("credential-window")
        self.press(window, "Print…")
        wait_for("the printed PDF", lambda: os.path.exists(self.printed) and os.path.getsize(self.printed) > 0)
        uuid = self.credential_of(row)["uuid"]
        wait_for("the reprint counted", lambda: self.mcred_json("credential", "show", uuid, "--json")
                 ["reprints"] == 1)
        info = subprocess.run(["pdfinfo", self.printed], capture_output=True, text=True)
        if info.returncode == 0:
            pages = [line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")]
            assert pages == ["2"], info.stdout
        text = subprocess.run(["pdftotext", self.printed, "-"], capture_output=True, text=True)
        if text.returncode == 0:
            assert row[1] in text.stdout, "the learner is not on the printed certificate"

    def revoke(self, window, row):
        window.doActionNamed("credential.revoke")
        dialog = self.window("Revoke Credential")
        reason = self.text(dialog, "Reason")
        revoke = self.button(dialog, "Revoke…")
        assert not revoke.sensitive, "revoking without a reason is offered"
        reason.text = REASON
        wait_for("the reason typed", lambda: text_of(reason) == REASON)
        assert_named(dialog, "Revoke Credential")
        self.shot("revoke-dialog")
        self.press(dialog, "Revoke…")
        confirmation = self.window("Revoke the Credential?")
        self.shot("revoke-confirmation")
        self.press(confirmation, "Revoke")
        wait_for("the status bar", lambda: (self.label(window, "Status of the credential") or "")
                 .startswith("Revoked"))
        assert REASON in self.label(window, "Status of the credential")
        self.shot("revoked")
        shown = self.mcred_json("credential", "show", self.credential_of(row)["uuid"], "--json")
        assert shown["state"] == "revoked" and shown["status_reason"] == REASON, shown
        window.doActionNamed("window.close")

    def verify(self, row, expected):
        self.frame.doActionNamed("win.verify-credential")
        dialog = self.window("Verify Credential")
        jwt = self.mcred_json("credential", "show", self.credential_of(row)["uuid"], "--json")["jwt"]
        text = self.text(dialog, "Credential text or QR code address")
        text.text = jwt
        wait_for("the credential pasted", lambda: text_of(text) == jwt)
        self.press(dialog, "Verify")
        verdicts = ("Valid", "Not Valid", "Incomplete")
        verdict = wait_for("the verdict", lambda: self.label(dialog, "Verdict") in verdicts
                           and self.label(dialog, "Verdict"))
        assert verdict == expected, (verdict, self.label(dialog, "What the verification found"))
        assert_named(dialog, "Verify Credential")
        self.shot("verify-%s" % expected.lower().replace(" ", "-"))
        dialog.doActionNamed("window.close")

    def credential_of(self, row):
        found = [c for c in self.journey_credentials() if c["student_id"] == row[0]]
        assert len(found) == 1, found
        return found[0]

    def run(self):
        self.prepare()
        self.start()
        offerings = self.create_offering()
        self.import_results(offerings)
        self.issue(offerings)
        self.register()
        window = self.open_credential(PASSED[1])
        self.print_certificate(window, PASSED[1])
        self.revoke(window, PASSED[1])
        self.verify(PASSED[0], "Valid")
        self.verify(PASSED[1], "Not Valid")
        self.stop()

        credentials = self.journey_credentials()
        states = sorted(c["state"] for c in credentials)
        assert states == ["active"] * (len(PASSED) - 1) + ["revoked"], states
        print("# issued %d, revoked 1" % len(credentials))



def main():
    IssuingJourney(sys.argv[1], sys.argv[2]).main()


if __name__ == "__main__":
    main()
