#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Three people take a design through approval, through the accessibility
tree (run under tests/run-with-display).

The database is prepared through the core (journey-helper prepare): the
demo institution, and a complete draft by the author Dr Aoife Brennan.
Microcred runs as the administrator account (the one running the test)
and acts for each person in turn with --act-as:

  author submits → chair (Prof. Sinéad Walsh) assigns two reviewers →
  reviewers Niall O'Keeffe and Dr Tomasz Kowalski review, one with a
  comment pinned to a learning outcome → chair requests changes → author
  sees the committee's comment, revises and resubmits → chair assigns the
  reviewers again → they review → chair approves.

Each reviewer does their review in the window's Review page: every
criterion, the recommendation, a summary, the comment through the comment
button of the outcome's row, and Complete Review with its confirmation;
mcred then checks that the review is completed and the comment stored.

usage: test-workflow-journey.py MICROCRED MCRED JOURNEY-HELPER
Screenshots of each step go to $SCREENSHOT_DIR (the build directory's
workflow-journey/ when run by meson)."""

import json
import subprocess
import sys

import pyatspi

from dogtail_support import find, rawinput, text_of, wait_for
from journey_support import Journey, assert_named

AUTHOR = "aoife.brennan"
CHAIR = "sinead.walsh"
REVIEWERS = [("niall.okeeffe", "Niall O'Keeffe"), ("tomasz.kowalski", "Dr Tomasz Kowalski")]
AUTHOR_NAME = "Dr Aoife Brennan"
FIELD_COMMENT = "Learning outcome 3 is not assessable as written"
DECISION_COMMENT = "Make outcome 3 assessable and say how it is assessed."
NEW_OUTCOME = "Deploy and monitor an edge computing pipeline on farm sensors"
RECOMMENDATIONS = ["Approve", "Approve with conditions", "Request changes", "Reject"]
SCHEMA = "io.github.microcred.Microcred"


def pressed(node):
    """A toggle button is on (GTK 4.8 says so with the pressed state)."""
    states = node.getState()
    return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)


class WorkflowJourney(Journey):
    name = "workflow"
    title = "workflow journey"

    def __init__(self, microcred, mcred, helper):
        super().__init__(microcred, mcred)
        self.helper = helper
        self.uuid = None
        self.labels = {}

    # Helpers

    def run_tool(self, *args):
        done = subprocess.run(list(args), capture_output=True, text=True)
        assert done.returncode == 0, "%s: exit %d: %s" % (" ".join(args), done.returncode, done.stderr)
        return done.stdout

    def start(self, actor):
        """Opens the design acting for `actor`."""
        self.labels = {}
        self.launch("--act-as", actor)
        wait_for("the workflow status", self.status)

    def label(self, description):
        """The text of the label described as `description`.  The status
        labels are read again and again while waiting: the node found is
        kept for the session and looked for again only when it is gone or
        describes something else."""
        node = self.labels.get(description)
        try:
            if node is not None and node.description == description:
                return node.name
        except Exception:  # the label is gone
            pass
        node = find(self.app, lambda n: n.roleName == "label" and n.description == description)
        self.labels[description] = node
        return node.name if node is not None else None

    def status(self):
        return self.label("Workflow status")

    def detail(self):
        return self.label("Workflow details") or ""

    def wait_status(self, prefix):
        def reached():
            status = self.status() or ""
            return status.startswith(prefix) and status
        return wait_for("the status “%s…” (now %r)" % (prefix, self.status()), reached)

    def button(self, name, root=None):
        return find(root or self.app, lambda n: n.roleName == "push button" and n.name == name)

    def press(self, name, root=None):
        button = wait_for("the button “%s”" % name, lambda: self.button(name, root))
        assert button.sensitive, "“%s” is insensitive: %s" % (name, button.description)
        button.doActionNamed("click")

    def dialog(self, title):
        return wait_for("the dialog “%s”" % title, lambda: find(
            self.app, lambda n: n.roleName in ("frame", "dialog") and n.name == title))

    def dialog_button(self, dialog, label):
        # Mnemonic buttons are named "_Assign Assign".
        return wait_for("the button “%s”" % label, lambda: find(
            dialog, lambda n: n.roleName == "push button" and n.name.split(" ")[-1] == label))

    def assert_read_only(self):
        wait_for("the “Read Only” status", lambda: find(
            self.app, lambda n: n.roleName == "label" and n.name == "Read Only"))

    def assign_reviewers(self):
        self.press("Assign Reviewers…")
        dialog = self.dialog("Assign Reviewers")
        author = wait_for("the author's row", lambda: find(
            dialog, lambda n: n.roleName == "check box" and n.name == AUTHOR_NAME))
        assert not author.sensitive, "the author can be chosen to review their own design"
        for _, name in REVIEWERS:
            check = wait_for("the check box of %s" % name, lambda: find(
                dialog, lambda n: n.roleName == "check box" and n.name == name))
            if not check.checked:
                check.click()
            wait_for("%s checked" % name, lambda: check.checked)
        assert_named(dialog, "Assign Reviewers")
        self.shot("chair-assigns-reviewers")
        self.dialog_button(dialog, "Assign").doActionNamed("click")
        self.wait_status("In review — 0 of 2 reviews completed")

    def review(self, number, revision, username, recommendation, comment=None):
        """`username` opens the design and does their review in the Review
        page: every criterion met, a recommendation, a summary, with
        `comment` pinned to the text of the third learning outcome if
        given; then completes it through the confirmation."""
        self.start(username)
        self.wait_status("In review — %d of 2 reviews completed" % (number - 1))
        self.assert_read_only()
        self.shot("reviewer-%d-opens" % number)
        if comment:
            # The row of the third outcome shows its text; its fields
            # (Outcome text…) are folded inside.
            anchor = "Comment on “Learning outcomes, item 3”"
            # The menu button's own toggle is the one with the click action.
            button = wait_for("the button “%s”" % anchor, lambda: find(
                self.app, lambda n: n.roleName in ("push button", "toggle button")
                and n.name.startswith(anchor + " ") and "click" in n.actions))
            button.doActionNamed("click")
            view = wait_for("the new comment's text", lambda: find(
                self.app, lambda n: n.roleName == "text" and n.name.startswith("New comment")))
            view.text = comment
            wait_for("the comment typed", lambda: text_of(view) == comment)
            self.shot("reviewer-%d-comments-outcome-3" % number)
            self.press("_Add Comment Add Comment")
            wait_for("the comment added", lambda: find(
                self.app, lambda n: n.roleName == "label" and n.name == comment))
            button.doActionNamed("click")  # closes the popover
        self.press("Review")
        # The form scrolls; what follows is looked for in it alone.
        form = wait_for("the review form", lambda: self.button("Met")).parent
        while form.roleName != "scroll pane":
            form = form.parent
        for met in form.findChildren(lambda n: n.roleName == "push button" and n.name == "Met"):
            met.doActionNamed("click")
            wait_for("“Met” for “%s”" % met.description, lambda: pressed(met))
        summary = wait_for("the summary", lambda: find(
            form, lambda n: n.roleName == "text" and n.name.startswith("Summary for the committee")))
        summary.text = "Recommendation of %s." % username
        wait_for("the summary typed", lambda: text_of(summary) == "Recommendation of %s." % username)
        self.choose_recommendation(form, recommendation)
        self.shot("reviewer-%d-reviews" % number)
        self.press("_Complete Review Complete Review")
        dialog = self.dialog("Complete Your Review?")
        self.shot("reviewer-%d-confirms" % number)
        wait_for("the button “Complete Review”", lambda: find(
            dialog, lambda n: n.roleName == "push button" and n.name.endswith("Complete Review"))
        ).doActionNamed("click")
        wait_for("the completed review", lambda: find(
            self.app, lambda n: n.roleName == "label" and n.name == "Your Review of Revision %s"
            % revision))
        self.shot("reviewer-%d-completed" % number)
        self.stop()
        # The database agrees.
        reviews = json.loads(self.run_tool(self.mcred, "--database", self.db, "review", "list", "--json"))
        mine = [r for r in reviews if r["reviewer"] == username and r["revision"] == revision]
        assert len(mine) == 1 and mine[0]["state"] == "completed", mine
        if comment:
            comments = json.loads(self.run_tool(self.mcred, "--database", self.db, "review",
                                                "comments", "--json", self.uuid))
            pinned = [c for c in comments if c["text"] == comment]
            assert len(pinned) == 1 and pinned[0]["field"] == "outcomes" \
                and pinned[0]["item_index"] == 2 and pinned[0]["review"] == mine[0]["id"], comments

    def choose_recommendation(self, form, recommendation):
        """Chooses in the Recommendation combo row of the review form.  It
        has no accessible action: Complete Review without a recommendation
        refuses and puts the focus on it, and the keyboard does the rest."""
        combo = wait_for("the recommendation", lambda: find(
            form, lambda n: n.roleName == "combo box" and n.name.startswith("Recommendation")))
        self.press("_Complete Review Complete Review")
        wait_for("the refusal", lambda: combo.focused)
        rawinput.pressKey("space")
        rawinput.pressKey("Home")  # the first choice: none is selected yet
        for _ in range(RECOMMENDATIONS.index(recommendation)):
            rawinput.pressKey("Down")
        rawinput.pressKey("Return")
        wait_for("the recommendation “%s”" % recommendation, lambda: find(
            combo, lambda n: n.roleName == "label" and n.name == recommendation))

    def record_decision(self, expected_outcome, reference, comment, shot):
        self.wait_status("In review — 2 of 2 reviews completed; ready for the committee")
        self.press("Record Decision…")
        dialog = self.dialog("Record Decision")
        # The reviewers agree, so their recommendation is preselected.
        wait_for("the outcome “%s”" % expected_outcome, lambda: find(
            dialog, lambda n: n.name == expected_outcome and n.roleName in ("label", "combo box")))
        ref = wait_for("the minutes reference", lambda: find(
            dialog, lambda n: n.roleName == "text" and n.name == "Minutes reference"))
        ref.text = reference
        wait_for("the reference typed", lambda: text_of(ref) == reference)
        if comment:
            view = find(dialog, lambda n: n.roleName == "text" and n.name == "Comment")
            view.text = comment
            wait_for("the comment typed", lambda: text_of(view) == comment)
        assert_named(dialog, "Record Decision")
        self.shot(shot)
        self.dialog_button(dialog, "Record").doActionNamed("click")

    # The journey

    def run(self):
        subprocess.run(["gsettings", "set", SCHEMA, "window-width", "1280"], check=True)
        subprocess.run(["gsettings", "set", SCHEMA, "window-height", "1000"], check=True)
        # The window validates with the institution of the preferences.
        subprocess.run(["gsettings", "set", SCHEMA, "institution-name",
                        "Corrib Technological University"], check=True)
        subprocess.run(["gsettings", "set", SCHEMA, "institution-country", "IE"], check=True)
        self.uuid = self.run_tool(self.helper, "prepare", self.db).strip()
        subprocess.run(["gsettings", "set", SCHEMA, "last-design", self.uuid], check=True)

        # 1. The author submits the draft; it becomes read-only.
        self.start(AUTHOR)
        self.wait_status("Draft — not submitted yet")
        self.shot("author-draft")
        self.press("Submit")
        self.wait_status("Submitted on ")
        assert "waiting for the QA chair to assign reviewers" in self.status(), self.status()
        self.assert_read_only()
        self.shot("author-submitted")
        withdraw = self.button("Withdraw…")
        assert withdraw is not None and withdraw.sensitive, "the author cannot withdraw"
        self.stop()

        # 2. The chair assigns two reviewers; the author is not selectable.
        self.start(CHAIR)
        self.wait_status("Submitted on ")
        withdraw = self.button("Withdraw…")
        assert withdraw is not None and not withdraw.sensitive, "the chair may withdraw"
        assert withdraw.description.startswith("Only the author"), withdraw.description
        self.assign_reviewers()
        decide = self.button("Record Decision…")
        assert decide is not None and not decide.sensitive
        assert "needs 2 completed reviews" in decide.description, decide.description
        self.shot("chair-reviewers-assigned")
        self.stop()

        # 3. Each reviewer opens the design (read-only) and reviews it; the
        #    first pins a comment to the third learning outcome.
        for i, (username, _) in enumerate(REVIEWERS):
            self.review(i + 1, 1, username, "Request changes", FIELD_COMMENT if i == 0 else None)

        # 4. The chair requests changes, with the committee's comment.
        self.start(CHAIR)
        self.record_decision("Request changes", "QA-2026-11", DECISION_COMMENT, "chair-decides-changes")
        self.wait_status("Changes requested on ")
        assert "QA-2026-11" in self.detail(), self.detail()
        self.shot("chair-changes-requested")
        self.stop()

        # 5. The author sees the comment, revises and resubmits.
        self.start(AUTHOR)
        self.wait_status("Changes requested on ")
        assert DECISION_COMMENT in self.detail(), self.detail()
        # The reviewer's comment on the third outcome is counted here; the
        # comments themselves show beside the fields (review form).
        assert "1 open comment on revision 1" in self.detail(), self.detail()
        revise = self.button("Revise")
        assert revise is not None and revise.sensitive
        self.shot("author-sees-changes-requested")
        self.press("Revise")
        self.wait_status("Draft of revision 2 — not submitted yet")
        outcomes = wait_for("the outcomes' text fields", lambda: [
            n for n in self.app.findChildren(lambda n: n.roleName == "text" and n.name == "Outcome text")])
        # Open the third outcome and make it assessable.
        third = outcomes[2] if len(outcomes) > 2 else None
        if third is None:
            rows = self.app.findChildren(lambda n: n.roleName in ("list item", "row")
                                         and n.name.startswith("LO3"))
            assert rows, "the third learning outcome is not shown"
            rows[0].click()
            third = wait_for("the third outcome's text", lambda: [
                n for n in self.app.findChildren(lambda n: n.roleName == "text"
                                                 and n.name == "Outcome text")][2])
        third.text = NEW_OUTCOME
        wait_for("the new outcome text", lambda: text_of(third) == NEW_OUTCOME)
        wait_for("the “Saved” status", lambda: find(
            self.app, lambda n: n.roleName == "label" and n.name == "Saved"))
        self.shot("author-revised")
        self.press("Submit")
        self.wait_status("Submitted on ")
        self.shot("author-resubmitted")
        self.stop()

        # 6. The chair assigns the reviewers to the new revision; they
        #    review it and the chair approves.
        self.start(CHAIR)
        self.wait_status("Submitted on ")
        self.assign_reviewers()
        self.stop()
        for i, (username, _) in enumerate(REVIEWERS):
            self.review(i + 1, 2, username, "Approve")
        self.start(CHAIR)
        self.record_decision("Approve", "QA-2026-12", "", "chair-decides-approval")
        self.wait_status("Approved on ")
        assert "waiting to be activated" in self.status(), self.status()
        activate = self.button("Activate")
        assert activate is not None and activate.sensitive
        self.shot("chair-approved")
        self.stop()

        # 7. The database agrees.
        designs = json.loads(self.run_tool(self.mcred, "--database", self.db, "design", "list", "--json"))
        mine = [d for d in designs if d["uuid"] == self.uuid]
        assert len(mine) == 1 and mine[0]["state"] == "approved", mine
        show = self.run_tool(self.mcred, "--database", self.db, "design", "show", "--json", self.uuid)
        assert NEW_OUTCOME in show, "the revised outcome is not in the approved design"
        print("# approved:", mine[0]["title"])



def main():
    WorkflowJourney(sys.argv[1], sys.argv[2], sys.argv[3]).main()


if __name__ == "__main__":
    main()
