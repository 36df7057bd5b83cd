#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end journey through the accessibility tree (run under
tests/run-with-display): start Microcred on a throw-away database with the
demo institution, create a design, fill its title, one learning outcome and
its ECTS credits, save, find it with the search, watch the findings count
change, close, and check with `mcred` that the design was stored.

usage: test-journey.py MICROCRED MCRED
Screenshots of each step go to $SCREENSHOT_DIR (or a temporary folder)."""

import json
import sys

from dogtail_support import find, find_all, rawinput, text_of, wait_for
from journey_support import Journey

TITLE = "Journey Test: Soil Carbon Monitoring"
OUTCOME = "Measure soil organic carbon with field kits and report it"
ECTS = "4"


class DesignJourney(Journey):
    """The base's name and title: "journey"."""

    def findings_button(self):
        # The editor's findings toggle: its tooltip, which is its
        # accessible description, starts with "Findings" once a design is open.
        return find(self.app, lambda n: n.roleName in ("push button", "toggle button")
                    and n.description.startswith("Findings"))

    def list_titles(self):
        designs = find(self.app, lambda n: n.roleName == "list" and n.name == "Designs")
        titles = []
        for item in designs.children:
            labels = find_all(item, lambda n: n.roleName == "label")
            if labels:
                titles.append(labels[0].name)
        return titles

    def run(self):
        self.launch("--demo")

        # 1. The demo institution fills the list.
        titles = wait_for("demo designs", lambda: len(self.list_titles()) >= 8 and self.list_titles())
        print("# %d designs listed" % len(titles))
        assert TITLE not in titles
        self.shot("demo")

        # 2. New design: an untitled draft opens with the title focused.
        find(self.app, lambda n: n.roleName == "push button"
             and n.name == "New Design").doActionNamed("click")
        title = wait_for("the title field", lambda: find(
            self.app, lambda n: n.roleName == "text" and n.name == "Title"))
        button = wait_for("the findings count", self.findings_button)
        before = wait_for("a findings count", lambda: self.findings_button().name)
        print("# findings before:", before, "|", button.description)
        self.shot("new-design")

        # 3. Title, one learning outcome, ECTS.
        title.text = TITLE
        wait_for("the title to be set", lambda: text_of(title) == TITLE)

        # The Add button may lie below the fold: use its action, not the mouse.
        find(self.app, lambda n: n.roleName == "push button"
             and n.name.startswith("Add Outcome")).doActionNamed("click")
        outcome = wait_for("the outcome text field", lambda: find(
            self.app, lambda n: n.roleName == "text" and n.name == "Outcome text"))
        outcome.text = OUTCOME
        wait_for("the outcome text", lambda: text_of(outcome) == OUTCOME)

        # Jump to the workload section, then type the credits.
        find(self.app, lambda n: n.roleName == "push button"
             and n.name == "Sections").doActionNamed("click")
        wait_for("the Workload section item", lambda: find(
            self.app, lambda n: n.roleName == "menu item"
            and n.name.startswith("Workload"))).doActionNamed("click")
        ects = find(self.app, lambda n: n.roleName == "spin button"
                    and n.name.startswith("ECTS credits"))
        ects.click()
        rawinput.keyCombo("<Control>a")
        rawinput.typeText(ECTS)
        rawinput.pressKey("Tab")
        self.shot("filled")

        # 4. Save with the keyboard, from inside the editor.
        rawinput.keyCombo("<Control>s")
        # The status label's text is its name ("Unsaved changes", "Saved").
        wait_for("the “Saved” status", lambda: find(
            self.app, lambda n: n.roleName == "label" and n.name == "Saved"))

        # 5. The findings count changed as the design filled up.
        after = wait_for("a new findings count",
                         lambda: self.findings_button().name != before and self.findings_button().name)
        print("# findings after:", after, "|", self.findings_button().description)
        assert after != before
        self.shot("saved")

        # 6. Search for it: it is the only row left.
        search = find(self.app, lambda n: n.roleName == "entry" and n.name == "Search designs")
        search.text = "Soil Carbon"
        wait_for("the search result", lambda: self.list_titles() == [TITLE])
        self.shot("search")
        search.text = "no design is called this"
        wait_for("no results", lambda: self.list_titles() == [])
        wait_for("the no-results page", lambda: find(
            self.app, lambda n: n.roleName == "label" and n.name == "No Matching Designs"))
        self.shot("no-results")
        search.text = ""
        wait_for("all designs again", lambda: len(self.list_titles()) == len(titles) + 1)

        # 7. Close the window; the application quits.
        self.stop()

        # 8. The database holds the design.
        out = self.mcred_run("design", "list", "--json")
        stored = [d for d in json.loads(out) if d["title"] == TITLE]
        assert len(stored) == 1, out
        assert stored[0]["ects"] == float(ECTS), stored[0]
        assert stored[0]["state"] == "draft", stored[0]
        show = self.mcred_run("design", "show", "--json", str(stored[0]["id"]))
        assert OUTCOME in show, show
        print("# stored as design", stored[0]["id"])



def main():
    DesignJourney(sys.argv[1], sys.argv[2]).main()


if __name__ == "__main__":
    main()
