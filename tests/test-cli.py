#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the mcred command line on temporary databases.

Usage: test-cli.py /path/to/mcred
"""

import datetime
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import uuid

MCRED = None
PROFILES = ["--profile", "eu-council", "--profile", "consistency"]
# Dates in the demo (agreement expiries) are checked against a fixed day.
VALIDATE_CONTEXT = ["--institution", "Corrib Technological University",
                    "--country", "IE", "--today", "2025-03-01"]
LIST_FIELDS = {"id", "uuid", "title", "unit", "type", "state", "ects",
               "eqf_level", "modified"}
FINDING_FIELDS = {"rule", "profile", "severity", "field", "item_index",
                  "item_field", "message"}


class Result:
    def __init__(self, proc):
        self.status = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr.decode("utf-8", "replace")

    @property
    def text(self):
        return self.out.decode("utf-8")

    def __repr__(self):
        return "exit %d\nstdout: %r\nstderr: %r" % (self.status, self.out[:2000],
                                                    self.err[:2000])


class CliTestCase(unittest.TestCase):
    """Runs mcred in its own XDG folders so no real database is touched."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="mcred-test-")
        self.tmp = self._tmp.name
        self.env = dict(os.environ)
        self.env.update({
            "XDG_DATA_HOME": os.path.join(self.tmp, "xdg-data"),
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "xdg-config"),
            "LC_ALL": "C.UTF-8",
            "SOURCE_DATE_EPOCH": "1700000000",
        })

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)

    def mcred(self, *args, db=None, stdin=None):
        argv = [MCRED]
        if db is not None:
            argv += ["--database", db]
        argv += list(args)
        proc = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.env, timeout=120,
                              cwd=self.tmp)
        return Result(proc)

    def ok(self, *args, db=None, stdin=None):
        r = self.mcred(*args, db=db, stdin=stdin)
        self.assertEqual(r.status, 0, "mcred %s: %r" % (" ".join(args), r))
        return r

    def fails(self, status, *args, db=None, stdin=None):
        r = self.mcred(*args, db=db, stdin=stdin)
        self.assertEqual(r.status, status, "mcred %s: %r" % (" ".join(args), r))
        self.assertTrue(r.err.startswith("mcred: "), r)
        return r

    def demo_db(self, name="demo.db"):
        db = self.path(name)
        self.ok("init", db=db)
        self.ok("demo", db=db)
        return db

    def designs(self, db, *filters):
        return json.loads(self.ok("design", "list", "--json", *filters, db=db).text)

    def find(self, db, predicate):
        for design in self.designs(db):
            if predicate(design):
                return design
        self.fail("no demo design matches")

    def owner(self, db, ref):
        """The user name of a design's author, from its exchange file."""
        doc = json.loads(self.ok("design", "export", str(ref), db=db).out)
        return doc["design"]["owner"]["username"]

    def history(self, db, *ref):
        return json.loads(self.ok("history", *(ref or ("--all",)), "--json", db=db).out)


class TopLevel(CliTestCase):
    def test_version(self):
        r = self.ok("--version")
        self.assertRegex(r.text, r"^mcred \d+\.\d+")

    def test_help_lists_commands(self):
        r = self.ok("--help")
        for command in ("init", "demo", "design", "profile", "--database"):
            self.assertIn(command, r.text)
        r = self.ok("design", "--help")
        for command in ("list", "show", "import", "export", "validate"):
            self.assertIn(command, r.text)

    def test_usage_errors(self):
        for args in ([], ["frobnicate"], ["design"], ["design", "frobnicate"],
                     ["design", "list", "--bogus"], ["design", "show"],
                     ["design", "list", "extra"], ["--database"]):
            r = self.fails(2, *args)
            self.assertIn("--help", r.err, args)

    def test_profile_list(self):
        r = self.ok("profile", "list")
        for profile in ("eu-council", "consistency", "cmf", "uk-qaa", "microhe"):
            self.assertIn(profile, r.text)


class InitAndDemo(CliTestCase):
    def test_init_creates_file(self):
        db = self.path("sub/dir/new.db")
        r = self.ok("init", db=db)
        self.assertTrue(os.path.isfile(db))
        self.assertIn(db, r.text)
        # Again: the database is opened, not replaced.
        r = self.ok("init", db=db)
        self.assertIn(db, r.text)
        self.assertEqual(self.designs(db), [])

    def test_default_database(self):
        r = self.ok("init")
        default = os.path.join(self.env["XDG_DATA_HOME"], "microcred", "microcred.db")
        self.assertTrue(os.path.isfile(default), r)
        self.assertIn(default, r.text)

    def test_demo_fills_database(self):
        db = self.demo_db()
        human = self.ok("design", "list", db=db).text.splitlines()
        designs = self.designs(db)
        self.assertTrue(8 <= len(designs) <= 15, len(designs))
        self.assertEqual(len(human), len(designs) + 1)   # one header line
        for design in designs:
            self.assertTrue(any(design["title"] in line for line in human), design)

    def test_demo_refused_twice(self):
        db = self.demo_db()
        before = self.designs(db)
        self.fails(2, "demo", db=db)
        self.assertEqual(self.designs(db), before)

    def test_database_option_anywhere(self):
        db = self.path("anywhere.db")
        self.ok("init", "--database", db)
        self.assertTrue(os.path.isfile(db))
        self.ok("demo", "--database", db)
        expected = self.ok("design", "list", db=db).out
        self.assertEqual(self.ok("design", "list", "--database", db).out, expected)
        self.assertEqual(self.ok("design", "--database", db, "list").out, expected)
        # The last one given wins.
        self.assertEqual(self.ok("--database", self.path("nope.db"), "design", "list",
                                 "--database", db).out, expected)


class ListAndShow(CliTestCase):
    def setUp(self):
        super().setUp()
        self.db = self.demo_db()

    def test_list_json_fields(self):
        designs = self.designs(self.db)
        self.assertGreater(len(designs), 0)
        for design in designs:
            self.assertTrue(LIST_FIELDS <= set(design), design)
            self.assertIsInstance(design["id"], int)
            self.assertRegex(design["uuid"], r"^[0-9a-f-]{36}$")
            self.assertRegex(design["modified"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
            self.assertIn(design["unit"], ("COMP", "HLTH", "BUS"))

    def test_human_columns_aligned(self):
        lines = self.ok("design", "list", db=self.db).text.splitlines()
        header = lines[0]
        title_column = header.index("Title")
        for line, design in zip(lines[1:], self.designs(self.db)):
            self.assertEqual(line[title_column:], design["title"])
            self.assertIn(design["uuid"][:8], line)

    def test_filters(self):
        designs = self.designs(self.db)
        for option, key in (("--state", "state"), ("--type", "type"), ("--unit", "unit")):
            for value in sorted({d[key] for d in designs}):
                got = self.designs(self.db, option, value)
                want = [d["id"] for d in designs if d[key] == value]
                self.assertEqual(sorted(d["id"] for d in got), sorted(want), (option, value))
        title = designs[0]["title"]
        word = max(title.split(), key=len)
        got = self.designs(self.db, "--search", word)
        self.assertIn(designs[0]["id"], [d["id"] for d in got])
        self.assertLess(len(got), len(designs))
        self.assertEqual(self.designs(self.db, "--search", "zzqqxx-no-such-thing"), [])
        self.assertEqual(self.ok("design", "list", "--search", "zzqqxx", db=self.db).out.strip(),
                         b"No designs.")

    def test_bad_filters(self):
        r = self.fails(2, "design", "list", "--state", "bogus", db=self.db)
        self.assertIn("--state", r.err)
        self.assertIn("draft", r.err)
        self.fails(2, "design", "list", "--type", "bogus", db=self.db)
        r = self.fails(2, "design", "list", "--unit", "NOPE", db=self.db)
        self.assertIn("NOPE", r.err)

    def test_show_by_id_and_uuid(self):
        design = self.find(self.db, lambda d: d["state"] == "active")
        by_id = self.ok("design", "show", str(design["id"]), db=self.db)
        by_uuid = self.ok("design", "show", design["uuid"], db=self.db)
        self.assertEqual(by_id.out, by_uuid.out)
        text = by_id.text
        self.assertTrue(text.startswith(design["title"] + "\n"))
        self.assertIn(design["uuid"], text)
        # Every section and its fields: many labelled lines.
        for section in ("Overview", "Learning outcomes", "Assessment", "Partners"):
            self.assertRegex(text, r"(?m)^" + re.escape(section) + "$")
        self.assertGreater(len(text.splitlines()), 40)

    def test_show_json_is_exchange_file(self):
        design = self.find(self.db, lambda d: d["state"] == "approved")
        shown = self.ok("design", "show", "--json", design["uuid"], db=self.db).out
        exported = self.ok("design", "export", str(design["id"]), db=self.db).out
        self.assertEqual(shown, exported)
        doc = json.loads(shown)
        self.assertEqual(doc["format"], "io.github.microcred.design")

    def test_show_unknown(self):
        for ref in ("9999", "00000000-0000-4000-8000-000000000000", "nonsense"):
            r = self.fails(2, "design", "show", ref, db=self.db)
            self.assertIn(ref, r.err)


    def test_delete_only_drafts(self):
        before = self.designs(self.db)
        draft = self.find(self.db, lambda d: d["state"] == "draft")
        active = self.find(self.db, lambda d: d["state"] == "active")
        author = self.owner(self.db, draft["id"])

        # Only its author deletes a draft, through the workflow.
        r = self.fails(2, "design", "delete", draft["uuid"], db=self.db)
        self.assertIn("Only the author", r.err)
        self.assertEqual(self.designs(self.db), before)

        r = self.ok("--as", author, "design", "delete", draft["uuid"], db=self.db)
        self.assertIn(draft["title"], r.text)
        after = self.designs(self.db)
        self.assertEqual(len(after), len(before) - 1)
        self.assertNotIn(draft["uuid"], {d["uuid"] for d in after})
        self.assertEqual(self.history(self.db)[-1]["action"], "delete")

        # Past the draft stage a design is part of the quality record.
        r = self.fails(2, "--as", self.owner(self.db, active["id"]), "design", "delete",
                       str(active["id"]), db=self.db)
        self.assertIn("is Active", r.err)
        self.assertIn(active["title"], r.err)
        self.assertEqual(self.designs(self.db), after)
        self.fails(2, "--as", author, "design", "delete", draft["uuid"], db=self.db)


class ImportExport(CliTestCase):
    def setUp(self):
        super().setUp()
        self.db = self.demo_db()
        self.db2 = self.path("second.db")

    def export(self, db, ref):
        return self.ok("design", "export", str(ref), db=db).out

    def write(self, name, data):
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_round_trip_every_design(self):
        # A second database does not know the demo's people: the authors
        # come with the files, and every byte comes back the same.
        db3 = self.path("third.db")
        for design in self.designs(self.db):
            first = self.export(self.db, design["id"])
            self.assertIsInstance(json.loads(first)["design"]["owner"], dict)
            self.ok("design", "import", self.write("a-%d.json" % design["id"], first), db=self.db2)
            second = self.export(self.db2, design["uuid"])
            self.assertEqual(first, second, design["title"])

            self.ok("design", "import", self.write("b-%d.json" % design["id"], second), db=db3)
            self.assertEqual(self.export(db3, design["uuid"]), second, design["title"])
        self.assertEqual({d["uuid"] for d in self.designs(self.db2)},
                         {d["uuid"] for d in self.designs(self.db)})

    def test_export_to_file_and_stdin_import(self):
        design = self.designs(self.db)[0]
        path = self.path("out.json")
        self.ok("design", "export", design["uuid"], path, db=self.db)
        with open(path, "rb") as f:
            data = f.read()
        self.assertEqual(data, self.export(self.db, design["id"]))
        self.assertEqual(self.ok("design", "export", design["uuid"], "-", db=self.db).out, data)
        self.ok("design", "import", "-", db=self.db2, stdin=data)
        again = self.export(self.db2, design["uuid"])
        self.ok("design", "import", "-", db=self.path("third.db"), stdin=again)
        self.assertEqual(self.export(self.path("third.db"), design["uuid"]), again)

    def test_bad_files_change_nothing(self):
        good = self.export(self.db, self.designs(self.db)[0]["id"])
        self.ok("design", "import", self.write("good.json", good), db=self.db2)
        before = self.ok("design", "list", "--json", db=self.db2).out

        doc = json.loads(good)
        wrong_version = dict(doc, version=99)
        wrong_format = dict(doc, format="something.else")
        missing = {k: v for k, v in doc.items() if k != "design"}
        title = doc["design"]["revision"]["title"].encode("utf-8")
        bad = {
            "syntax.json": b'{"format": "io.github.microcred.design", "version": 1,',
            "empty.json": b"",
            "array.json": b"[1, 2, 3]",
            "version.json": json.dumps(wrong_version).encode(),
            "format.json": json.dumps(wrong_format).encode(),
            "missing.json": json.dumps(missing).encode(),
            "utf8.json": good.replace(title, b"Bad \xff\xfe title", 1),
            "nul.json": good.replace(title, b"Bad \x00 title", 1),
            "nested.json": b"[" * 100000 + b"]" * 100000,
            "huge.json": good[:-2] + b" " * (5 * 1024 * 1024) + good[-2:],
        }
        self.assertNotEqual(bad["utf8.json"], good)
        for name, data in bad.items():
            path = self.write(name, data)
            r = self.fails(2, "design", "import", path, db=self.db2)
            self.assertIn(name, r.err)
            self.assertEqual(len(r.err.strip().splitlines()), 1, r.err)
            self.assertEqual(self.ok("design", "list", "--json", db=self.db2).out, before, name)

        r = self.fails(2, "design", "import", self.path("absent.json"), db=self.db2)
        self.assertIn("absent.json", r.err)
        # A bad file does not create a missing database either.
        fresh = self.path("fresh.db")
        self.fails(2, "design", "import", self.path("syntax.json"), db=fresh)
        self.assertFalse(os.path.exists(fresh))

    def test_hostile_strings_survive(self):
        doc = json.loads(self.export(self.db, self.designs(self.db)[0]["id"]))
        doc["design"]["uuid"] = "6f1c2d4e-1111-4222-8333-944455556666"
        hostile = "Robert'); DROP TABLE design; -- \"quoted\" \u00e9\u4e2d"
        doc["design"]["revision"]["title"] = hostile
        path = self.write("hostile.json", json.dumps(doc).encode())
        self.ok("design", "import", path, db=self.db2)
        self.assertEqual([d["title"] for d in self.designs(self.db2)], [hostile])
        self.assertIn(hostile, self.ok("design", "show", doc["design"]["uuid"], db=self.db2).text)

    def test_duplicate_refused_replace_accepted(self):
        # Only a draft can be replaced by an import.
        design = self.find(self.db, lambda d: d["state"] == "draft")
        doc = json.loads(self.export(self.db, design["id"]))
        path = self.write("dup.json", json.dumps(doc).encode())
        self.ok("design", "import", path, db=self.db2)
        r = self.fails(2, "design", "import", path, db=self.db2)
        self.assertIn("--replace", r.err)
        self.assertEqual(len(self.designs(self.db2)), 1)

        doc["design"]["revision"]["title"] = "Replaced title"
        path = self.write("dup2.json", json.dumps(doc).encode())
        self.ok("design", "import", "--replace", path, db=self.db2)
        after = self.designs(self.db2)
        self.assertEqual([(d["uuid"], d["title"]) for d in after],
                         [(design["uuid"], "Replaced title")])

    def test_replace_only_drafts(self):
        # A design past the draft stage belongs to the quality record: an
        # import may not overwrite it.
        design = self.find(self.db, lambda d: d["state"] == "active")
        doc = json.loads(self.export(self.db, design["id"]))
        doc["design"]["revision"]["title"] = "Replaced title"
        path = self.write("active.json", json.dumps(doc).encode())
        events = len(self.history(self.db))
        r = self.fails(2, "design", "import", "--replace", path, db=self.db)
        self.assertIn("only a draft can be replaced", r.err)
        self.assertEqual(self.find(self.db, lambda d: d["id"] == design["id"])["title"],
                         design["title"])
        self.assertEqual(len(self.history(self.db)), events)


class Validate(CliTestCase):
    def setUp(self):
        super().setUp()
        self.db = self.demo_db()

    def validate(self, ref, *extra):
        return self.mcred("design", "validate", str(ref), *PROFILES, *VALIDATE_CONTEXT,
                          *extra, db=self.db)

    def test_complete_design_is_valid(self):
        valid = [d for d in self.designs(self.db) if self.validate(d["id"]).status == 0]
        self.assertTrue(valid, "no demo design is valid")
        active = [d["id"] for d in self.designs(self.db, "--state", "active")]
        self.assertTrue(active)
        self.assertLessEqual(set(active), {d["id"] for d in valid})
        r = self.validate(valid[0]["id"])
        self.assertIn("0 errors", r.text)
        findings = json.loads(self.validate(valid[0]["uuid"], "--json").text)
        self.assertFalse([f for f in findings if f["severity"] == "error"])

    def test_incomplete_draft_is_invalid(self):
        drafts = self.designs(self.db, "--state", "draft")
        self.assertTrue(drafts)
        r = self.validate(drafts[0]["id"])
        self.assertEqual(r.status, 1, r)
        self.assertIn("not valid", r.text)
        r = self.validate(drafts[0]["id"], "--json")
        self.assertEqual(r.status, 1, r)
        findings = json.loads(r.text)
        self.assertTrue([f for f in findings if f["severity"] == "error"])
        for finding in findings:
            self.assertEqual(set(finding), FINDING_FIELDS)
            self.assertIn(finding["profile"], ("eu-council", "consistency"))
            self.assertTrue(finding["message"])

    def test_validate_file(self):
        for design in self.designs(self.db):
            path = self.path("v-%d.json" % design["id"])
            self.ok("design", "export", str(design["id"]), path, db=self.db)
            from_db = self.validate(design["id"], "--json")
            from_file = self.mcred("design", "validate", path, *PROFILES, *VALIDATE_CONTEXT,
                                   "--json", db=self.path("absent.db"))
            self.assertEqual((from_file.status, from_file.out), (from_db.status, from_db.out))
        self.assertFalse(os.path.exists(self.path("absent.db")))

    def test_institution_from_preferences(self):
        # Without --institution/--country the window's preferences count.
        source = os.environ.get("MC_SOURCE_ROOT",
                                os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        schemas = self.path("schemas")
        os.mkdir(schemas)
        shutil.copy(os.path.join(source, "data", "io.github.microcred.Microcred.gschema.xml"),
                    schemas)
        subprocess.run(["glib-compile-schemas", "--strict", schemas], check=True)
        keyfile = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
        os.makedirs(os.path.dirname(keyfile))
        self.env.update({"GSETTINGS_SCHEMA_DIR": schemas, "GSETTINGS_BACKEND": "keyfile"})
        design = self.designs(self.db, "--state", "active")[0]
        args = ("design", "validate", str(design["id"]), *PROFILES, "--today", "2025-03-01")

        with open(keyfile, "w") as f:
            f.write("[io/github/microcred/Microcred]\ninstitution-name=''\n")
        self.assertEqual(self.mcred(*args, db=self.db).status, 1)
        with open(keyfile, "w") as f:
            f.write("[io/github/microcred/Microcred]\n"
                    "institution-name='Corrib Technological University'\n"
                    "institution-country='IE'\n")
        self.ok(*args, db=self.db)

    def test_validate_failures(self):
        design = self.designs(self.db)[0]
        r = self.fails(2, "design", "validate", str(design["id"]), "--profile", "no-such",
                       db=self.db)
        self.assertIn("no-such", r.err)
        self.assertIn("eu-council", r.err)   # the known ones are named
        r = self.fails(2, "design", "validate", str(design["id"]), db=self.db)
        self.assertIn("--profile", r.err)
        self.fails(2, "design", "validate", str(design["id"]), *PROFILES, "--today", "soon",
                   db=self.db)
        self.fails(2, "design", "validate", "9999", *PROFILES, db=self.db)
        self.fails(2, "design", "validate", self.path("absent.json"), *PROFILES, db=self.db)


class ApprovalWorkflow(CliTestCase):
    """A whole approval through mcred: the operating-system account that
    creates the database is its administrator and acts for five people with
    --as."""

    PEOPLE = (
        ("alice", "Alice Author", ["author"]),
        ("bob", "Bob Reviewer", ["reviewer"]),
        ("carol", "Carol Reviewer", ["reviewer"]),
        ("dave", "Dave Chair", ["qa-chair"]),
        ("erin", "Erin Registrar", ["registrar"]),
    )
    TODAY = datetime.date.today().isoformat()

    def setUp(self):
        super().setUp()
        self.db = self.path("flow.db")
        r = self.ok("init", db=self.db)
        self.assertIn("is its administrator", r.text)
        self.ok("settings", "set", "institution-name", "Corrib Technological University", db=self.db)
        self.ok("settings", "set", "institution-country", "IE", db=self.db)
        self.ok("unit", "add", "COMP", "School of Computing and Data Science", db=self.db)
        for username, name, roles in self.PEOPLE:
            self.ok("person", "add", username, "--name", name, "--unit", "COMP",
                    "--email", username + "@example.org", db=self.db)
            for role in roles:
                self.ok("role", "grant", username, role, "--unit", "COMP", db=self.db)
        self.design = self.import_draft("alice", "complete")

    # Helpers

    def demo_file(self, kind):
        """A demo design as a draft file: "complete" passes the required
        profiles, "incomplete" does not."""
        demo = self.path("demo-source.db")
        if not os.path.exists(demo):
            self.demo_db("demo-source.db")
        if kind == "complete":
            design = self.find(demo, lambda d: d["state"] == "active" and d["unit"] == "COMP")
        else:
            design = self.find(demo, lambda d: d["state"] == "draft" and not d["ects"])
        doc = json.loads(self.ok("design", "export", str(design["id"]), db=demo).out)
        doc["design"]["unit"] = {"code": "COMP", "name": "School of Computing and Data Science"}
        return doc

    def import_draft(self, owner, kind):
        doc = self.demo_file(kind)
        doc["design"]["uuid"] = str(uuid.uuid4())
        doc["design"]["state"] = "draft"
        doc["design"]["owner"] = {"username": owner}
        path = self.path("%s-%s.json" % (owner, doc["design"]["uuid"]))
        with open(path, "w") as f:
            json.dump(doc, f)
        self.act(owner, "design", "import", path)
        return self.designs(self.db, "--search", doc["design"]["revision"]["title"])[-1]["id"]

    def act(self, user, *args):
        return self.ok("--as", user, *args, db=self.db)

    def state(self, design=None):
        ref = design or self.design
        return self.find(self.db, lambda d: d["id"] == ref)["state"]

    def refused(self, user, message, *args):
        """A refusal: exit 2, the reason on stderr, nothing changed."""
        events = len(self.history(self.db))
        designs = self.designs(self.db)
        r = self.fails(2, "--as", user, *args, db=self.db)
        lines = r.err.strip().splitlines()
        self.assertIn(message, lines[0])
        # One line, or two for a bad argument: the hint to --help.
        self.assertTrue(len(lines) == 1 or (len(lines) == 2 and "--help" in lines[1]), r.err)
        self.assertEqual(len(self.history(self.db)), events, args)
        self.assertEqual(self.designs(self.db), designs, args)
        return r

    def tasks(self, user):
        return json.loads(self.act(user, "tasks", "--json").out)

    def my_review(self, user):
        reviews = json.loads(self.act(user, "review", "list", str(self.design), "--mine",
                                      "--json").out)
        self.assertEqual(len(reviews), 1, reviews)
        self.assertEqual(reviews[0]["reviewer"], user)
        return reviews[0]["id"]

    def criteria(self, review, kind="rating"):
        shown = json.loads(self.ok("review", "show", str(review), "--json", db=self.db).out)
        return [a["criterion"] for a in shown["answers"] if a["kind"] == kind]

    def answers_file(self, review, name="answers.json", **changes):
        answers = {c: {"rating": "met", "text": "Fine"} for c in self.criteria(review)}
        answers.update({c: {"text": "Fine"} for c in self.criteria(review, "text")})
        answers.update(changes)
        path = self.path(name)
        with open(path, "w") as f:
            json.dump(answers, f)
        return path

    def submit_and_assign(self):
        self.act("alice", "design", "submit", str(self.design), "--comment", "Ready")
        self.act("dave", "review", "assign", str(self.design), "bob", "carol")
        return self.my_review("bob"), self.my_review("carol")

    def review_all(self, bob, carol):
        self.act("bob", "review", "submit", str(bob), "--recommendation",
                 "approve-with-conditions", "--answers", self.answers_file(bob))
        self.act("carol", "review", "submit", str(carol), "--recommendation", "approve",
                 "--answers", self.answers_file(carol))

    # Tests

    def test_whole_approval(self):
        design = str(self.design)
        self.assertEqual(self.tasks("alice")["counts"]["finish-draft"], 1)

        r = self.act("alice", "design", "submit", design, "--comment", "Ready for review")
        self.assertIn("is now Submitted (was Draft)", r.text)
        self.assertEqual(self.tasks("dave")["counts"]["assign-reviewers"], 1)

        r = self.act("dave", "review", "assign", design, "bob", "carol")
        self.assertIn("Bob Reviewer, Carol Reviewer", r.text)
        self.assertEqual(self.state(), "in-review")
        for user in ("bob", "carol"):
            tasks = self.tasks(user)
            self.assertEqual(tasks["person"], user)
            self.assertEqual(tasks["counts"]["review"], 1)
            self.assertEqual(tasks["tasks"][0]["design"], self.design)
        bob, carol = self.my_review("bob"), self.my_review("carol")

        # Bob saves as he goes, and pins a comment to an outcome.
        first = self.criteria(bob)[0]
        r = self.act("bob", "review", "answer", str(bob), first, "partly-met",
                     "--comment", "Outcome 1 is vague")
        self.assertIn("1 of", r.text)
        shown = json.loads(self.ok("review", "show", str(bob), "--json", db=self.db).out)
        self.assertEqual(shown["state"], "in-progress")
        self.assertEqual((shown["answers"][0]["rating"], shown["answers"][0]["text"]),
                         ("partly-met", "Outcome 1 is vague"))
        r = self.act("bob", "review", "comment", design, "--field", "outcomes", "--item", "1",
                     "--item-field", "text", "Not assessable as written")
        comment = int(re.search(r"Comment (\d+)", r.text).group(1))
        self.act("alice", "review", "reply", str(comment), "Will be reworded")
        self.act("bob", "review", "resolve", str(comment))
        threads = json.loads(self.ok("review", "comments", design, "--json", db=self.db).out)
        self.assertEqual(len(threads), 1)
        self.assertEqual((threads[0]["field"], threads[0]["item_index"], threads[0]["item_field"]),
                         ("outcomes", 0, "text"))
        self.assertEqual(threads[0]["review"], bob)
        self.assertTrue(threads[0]["resolved"])
        self.assertEqual([(c["author"], c["text"]) for c in threads[0]["replies"]],
                         [("alice", "Will be reworded")])

        # Bob hands in a file, Carol answers one criterion at a time.
        self.act("bob", "review", "submit", str(bob), "--recommendation",
                 "approve-with-conditions", "--summary", "Sound",
                 "--answers", self.answers_file(bob, **{first: {"rating": "partly-met"}}))
        for criterion in self.criteria(carol):
            self.act("carol", "review", "answer", str(carol), criterion, "met")
        r = self.act("carol", "review", "submit", str(carol), "--recommendation", "approve")
        self.assertIn("is complete: Approve", r.text)
        self.assertEqual(self.tasks("dave")["counts"]["decide"], 1)
        self.assertEqual(self.tasks("bob")["counts"]["review"], 0)

        r = self.act("dave", "decision", "record", design, "--outcome", "approve-with-conditions",
                     "--meeting-date", self.TODAY, "--reference", "APC/2026/7",
                     "--condition", "Reword outcome 1", "--comment", "Approved at the meeting")
        self.assertIn("it is now Approved (was In review)", r.text)
        decisions = json.loads(self.ok("decision", "list", design, "--json", db=self.db).out)
        self.assertEqual([(d["outcome"], d["reference"], d["decided_by"]) for d in decisions],
                         [("approve-with-conditions", "APC/2026/7", "dave")])
        self.assertEqual(self.tasks("alice")["counts"]["meet-conditions"], 1)

        self.refused("dave", "1 condition of its approval is not met", "design", "activate", design)
        conditions = json.loads(self.ok("design", "conditions", design, "--json", db=self.db).out)
        self.assertEqual([(c["number"], c["met"]) for c in conditions], [(1, False)])
        self.act("alice", "design", "meet-condition", design, "1", "--evidence", "Reworded")
        conditions = json.loads(self.ok("design", "conditions", design, "--json", db=self.db).out)
        self.assertEqual([(c["met"], c["met_by"], c["evidence"]) for c in conditions],
                         [(True, "alice", "Reworded")])
        self.assertEqual(self.tasks("dave")["counts"]["activate"], 1)
        self.act("dave", "design", "activate", design, "--comment", "From September")
        self.assertEqual(self.state(), "active")
        self.assertEqual(self.tasks("erin")["tasks"], [])

        # The yearly review falls due a year after the meeting.
        due = json.loads(self.ok("annual-review", "due", "--unit", "COMP", "--json",
                                 db=self.db).out)
        next_year = int(self.TODAY[:4]) + 1
        self.assertEqual([(d["id"], d["overdue"]) for d in due], [(self.design, False)])
        self.assertTrue(due[0]["review_due"].startswith("%d-" % next_year), due)

        # The history tells who did what, for whom, when and why.
        events = self.history(self.db, design)
        actions = [(e["action"], e["actor"]) for e in events]
        self.assertEqual(actions, [
            ("import", "alice"), ("submit", "alice"), ("assign-reviewers", "dave"),
            ("comment", "bob"), ("comment", "alice"), ("resolve-comment", "bob"),
            ("submit-review", "bob"), ("submit-review", "carol"), ("decide", "dave"),
            ("meet-condition", "alice"), ("activate", "dave")])
        admin = events[0]["recorded_by"]
        self.assertNotIn(admin, ("alice", "bob", "carol", "dave", "erin"))
        for event in events:
            self.assertEqual(event["recorded_by"], admin, event)
            self.assertEqual(event["design"], self.design)
            self.assertRegex(event["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
            self.assertRegex(event["hash"], r"^[0-9a-f]{64}$")
        submit = events[1]
        self.assertEqual((submit["from"], submit["to"], submit["comment"]),
                         ("draft", "submitted", "Ready for review"))
        decide = events[8]
        self.assertEqual(decide["details"]["meeting_date"], self.TODAY)
        self.assertEqual(decide["details"]["conditions"], ["Reword outcome 1"])
        self.assertEqual(decide["comment"], "Approved at the meeting")
        self.assertEqual(events[3]["details"]["field"], "outcomes")
        human = self.ok("history", design, db=self.db).text
        self.assertIn("on behalf of Dave Chair (dave)", human)
        self.assertIn("Submitted → In review", human)

        r = self.ok("audit", "verify", db=self.db)
        everything = self.history(self.db)
        self.assertIn("History intact: %d events checked, head %s" %
                      (len(everything), everything[-1]["hash"]), r.text)

    def test_refusals_change_nothing(self):
        design = str(self.design)
        self.ok("role", "grant", "alice", "reviewer", "--unit", "COMP", db=self.db)
        self.ok("role", "grant", "dave", "author", "--unit", "COMP", db=self.db)

        # Decisions only on a design in review, and by the chair.
        self.refused("dave", "No decision can be recorded on “", "decision", "record", design,
                     "--outcome", "approve", "--meeting-date", self.TODAY, "--reference", "R1")
        self.refused("bob", "Only the author", "design", "submit", design)
        broken = self.import_draft("alice", "incomplete")
        r = self.refused("alice", "cannot be submitted: it has", "design", "submit", str(broken))
        self.assertIn("under the required profiles. First:", r.err)
        self.assertEqual(self.state(broken), "draft")

        self.act("alice", "design", "submit", design)
        self.refused("erin", "Erin Registrar is not QA chair", "review", "assign", design, "bob")
        self.refused("dave", "Alice Author is the author of", "review", "assign", design, "alice")
        self.refused("dave", "Erin Registrar is not a reviewer", "review", "assign", design, "erin")
        self.act("dave", "review", "assign", design, "bob", "carol")
        bob, carol = self.my_review("bob"), self.my_review("carol")

        # Reviews: only by their reviewer, on the template's criteria.
        self.refused("carol", "assigned to someone else", "review", "answer", str(bob),
                     self.criteria(bob)[0], "met")
        self.refused("bob", "Not a criterion of the template", "review", "answer", str(bob),
                     "no-such-criterion", "met")
        self.refused("bob", "is rated: answer met, partly-met or not-met", "review", "answer",
                     str(bob), self.criteria(bob)[0], "splendid")
        bad = {
            "syntax.json": b'{"outcomes": ',
            "array.json": b"[]",
            "unknown.json": b'{"no-such-criterion": {"rating": "met"}}',
            "type.json": b'{"%s": {"rating": 3}}' % self.criteria(bob)[1].encode(),
            "member.json": b'{"%s": {"score": "met"}}' % self.criteria(bob)[1].encode(),
            "utf8.json": b'{"%s": {"text": "caf\xe9"}}' % self.criteria(bob)[1].encode(),
            "huge.json": b"{" + b" " * (2 * 1024 * 1024) + b"}",
        }
        for name, data in bad.items():
            with open(self.path(name), "wb") as f:
                f.write(data)
            r = self.refused("bob", name, "review", "submit", str(bob),
                             "--recommendation", "approve", "--answers", self.path(name))
            shown = json.loads(self.ok("review", "show", str(bob), "--json", db=self.db).out)
            self.assertEqual(shown["state"], "assigned", name)
            self.assertFalse([a for a in shown["answers"] if a["rating"]], name)
        r = self.refused("bob", "“no-such-criterion” is not a criterion", "review", "submit",
                         str(bob), "--recommendation", "approve",
                         "--answers", self.path("unknown.json"))
        incomplete = self.answers_file(bob, "incomplete.json")
        with open(incomplete) as f:
            answers = json.load(f)
        del answers[self.criteria(bob)[-1]]
        with open(incomplete, "w") as f:
            json.dump(answers, f)
        self.refused("bob", "is not answered yet", "review", "submit", str(bob),
                     "--recommendation", "approve", "--answers", incomplete)
        self.fails(2, "--as", "bob", "review", "submit", str(bob), db=self.db)

        # Not enough reviews, bad meetings.
        self.act("bob", "review", "submit", str(bob), "--recommendation", "approve",
                 "--answers", self.answers_file(bob))
        record = ("decision", "record", design, "--outcome", "approve", "--reference", "R1",
                  "--meeting-date")
        self.refused("dave", "A decision needs 2 completed reviews", *record, self.TODAY)
        self.act("carol", "review", "submit", str(carol), "--recommendation", "approve",
                 "--answers", self.answers_file(carol))
        self.refused("bob", "Bob Reviewer is not QA chair", *record, self.TODAY)
        self.refused("dave", "is not a date like 2026-03-14", *record, "2026-02-30")
        self.refused("dave", "is not a date like 2026-03-14", *record, "14/03/2026")
        self.refused("dave", "has not taken place yet", *record, "2999-01-01")
        self.refused("dave", "needs at least one condition", "decision", "record", design,
                     "--outcome", "approve-with-conditions", "--reference", "R1",
                     "--meeting-date", self.TODAY)
        self.act("dave", *record, self.TODAY)
        self.assertEqual(self.state(), "approved")

        # Chairs never decide on their own designs.
        own = self.import_draft("dave", "complete")
        self.act("dave", "design", "submit", str(own))
        self.refused("dave", "authors never review or decide on their own designs",
                     "review", "assign", str(own), "bob")

    def approve(self):
        bob, carol = self.submit_and_assign()
        self.review_all(bob, carol)
        self.act("dave", "decision", "record", str(self.design), "--outcome", "approve",
                 "--meeting-date", self.TODAY, "--reference", "APC/1")
        self.act("dave", "design", "activate", str(self.design))

    def test_yearly_review_and_after(self):
        design = str(self.design)
        self.approve()
        self.refused("bob", "Bob Reviewer is not Author", "annual-review", "start", design)
        r = self.act("alice", "annual-review", "start", design)
        self.assertIn("Yearly review of", r.text)
        criteria = re.findall(r"(?m)^\d+\. ([a-z0-9-]+) \(", r.text)
        rated = re.findall(r"(?m)^\d+\. ([a-z0-9-]+) \(rated", r.text)
        texts = [c for c in criteria if c not in rated]
        self.assertTrue(rated and texts, r.text)
        self.act("alice", "annual-review", "answer", design, rated[0], "met", "--comment", "Yes")
        self.refused("alice", "Not a criterion of the template", "annual-review", "answer",
                     design, "no-such-criterion", "met")
        self.refused("alice", "Say what the review leads to", "annual-review", "complete", design)
        answers = {c: {"rating": "partly-met", "text": "Mostly"} for c in rated[1:]}
        answers.update({c: {"text": "Students asked for more practice"} for c in texts})
        path = self.path("yearly.json")
        with open(path, "w") as f:
            json.dump(answers, f)
        r = self.act("alice", "annual-review", "complete", design, "--outcome", "modify",
                     "--actions", "Add a practical session", "--answers", path)
        self.assertIn("Modify", r.text)
        self.assertEqual(self.state(), "modifying")
        event = self.history(self.db, design)[-1]
        self.assertEqual((event["action"], event["to"], event["details"]["outcome"]),
                         ("annual-review", "modifying", "modify"))

        # The minor modification goes through its own review.
        self.act("alice", "design", "submit-modification", design)
        self.assertEqual(self.state(), "modification-review")
        self.act("dave", "review", "assign", design, "bob")
        review = json.loads(self.act("bob", "review", "list", "--mine", "--json").out)[-1]["id"]
        self.act("bob", "review", "submit", str(review), "--recommendation", "approve",
                 "--answers", self.answers_file(review))
        self.act("dave", "decision", "record", design, "--outcome", "approve",
                 "--meeting-date", self.TODAY, "--reference", "APC/2")
        self.assertEqual(self.state(), "active")
        for command, state in (("suspend", "suspended"), ("reinstate", "active"),
                               ("retire", "retired")):
            self.act("dave", "design", command, design, "--comment", command)
            self.assertEqual(self.state(), state)
        self.refused("dave", "cannot be reinstated now", "design", "reinstate", design)

    def test_yearly_report(self):
        self.approve()
        title = self.find(self.db, lambda d: d["id"] == self.design)["title"]
        year = self.TODAY[:4]
        pdf, csv = self.path("report.pdf"), self.path("report.csv")
        r = self.ok("report", "yearly", "--unit", "COMP", "--year", year, "--pdf", pdf,
                    "--csv", csv, db=self.db)
        self.assertIn(pdf, r.text)
        with open(pdf, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        with open(csv, encoding="utf-8") as f:
            table = f.read()
        self.assertIn(title, table)
        self.assertIn("APC/1", table)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                                  stdout=subprocess.PIPE).stdout.decode("utf-8")
            self.assertIn("Yearly quality report " + year, text)
            self.assertIn("Corrib Technological University", text)

        for args in (["--unit", "COMP", "--year", year],
                     ["--unit", "NOPE", "--year", year, "--pdf", pdf],
                     ["--unit", "COMP", "--year", "26", "--pdf", pdf],
                     ["--year", year, "--pdf", pdf]):
            self.fails(2, "report", "yearly", *args, db=self.db)
        missing = self.path("no-such-folder/report.pdf")
        self.fails(2, "report", "yearly", "--unit", "COMP", "--year", year, "--pdf", missing,
                   db=self.db)
        self.assertFalse(os.path.exists(os.path.dirname(missing)))

    def test_acting_for_others_is_for_administrators(self):
        self.refused("nobody", "There is no person with the user name “nobody”", "tasks")
        account = self.history(self.db)[0]["actor"]
        self.ok("role", "grant", "erin", "administrator", db=self.db)
        self.act("erin", "role", "revoke", account, "administrator")
        r = self.refused("bob", "Only an administrator can act on behalf of someone else", "tasks")
        self.assertIn("--as", r.err)
        # Without --as the account still acts for itself.
        self.ok("tasks", db=self.db)

    def test_audit_detects_altered_history(self):
        bob, carol = self.submit_and_assign()
        self.review_all(bob, carol)
        events = self.history(self.db)
        head = events[-1]["hash"]
        r = self.ok("audit", "verify", "--expect-head", head, db=self.db)
        self.assertIn("History intact: %d events checked" % len(events), r.text)
        verdict = json.loads(self.ok("audit", "verify", "--json", db=self.db).out)
        self.assertEqual((verdict["intact"], verdict["checked"], verdict["head"]),
                         (True, len(events), head))

        # Someone edits the database file behind the application's back.
        altered = events[len(events) // 2]
        connection = sqlite3.connect(self.db)
        connection.execute("DROP TRIGGER events_no_update")
        connection.execute("UPDATE events SET comment = 'Nothing happened' WHERE id = ?",
                           (altered["id"],))
        connection.commit()
        connection.close()
        r = self.mcred("audit", "verify", db=self.db)
        self.assertEqual(r.status, 1, r)
        self.assertIn("History altered at event #%d:" % altered["id"], r.text)
        verdict = json.loads(self.mcred("audit", "verify", "--json", db=self.db).out)
        self.assertEqual((verdict["intact"], verdict["first_broken"], verdict["checked"]),
                         (False, altered["id"], altered["id"] - 1))

    def test_audit_detects_cut_history(self):
        self.submit_and_assign()
        head = self.history(self.db)[-1]["hash"]
        connection = sqlite3.connect(self.db)
        connection.execute("DROP TRIGGER events_no_delete")
        connection.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
        connection.commit()
        connection.close()
        # What is left still chains, but the head written down is gone.
        self.ok("audit", "verify", db=self.db)
        r = self.mcred("audit", "verify", "--expect-head", head, db=self.db)
        self.assertEqual(r.status, 1, r)
        self.assertIn("History rewritten", r.text)
        self.assertIn(head, r.text)
        self.fails(2, "audit", "verify", "--expect-head", "not-a-hash", db=self.db)

    def test_template_import(self):
        path = self.path("approval.json")
        self.ok("template", "export", "approval-esg", path, db=self.db)
        with open(path) as f:
            template = json.load(f)
        before = self.ok("template", "list", "--json", db=self.db).out
        events = len(self.history(self.db))

        template["criteria"][2]["answer"] = "yes-no"
        bad = self.path("bad-template.json")
        with open(bad, "w") as f:
            json.dump(template, f)
        r = self.fails(2, "template", "import", bad, db=self.db)
        self.assertIn("bad-template.json: Criterion 3 (“%s”)" % template["criteria"][2]["id"], r.err)
        self.assertIn("“answer” is “yes-no”", r.err)
        self.assertEqual(self.ok("template", "list", "--json", db=self.db).out, before)
        self.assertEqual(len(self.history(self.db)), events)

        template["criteria"][2]["answer"] = "rating"
        template["title"] = "Design approval 2027"
        with open(bad, "w") as f:
            json.dump(template, f)
        self.refused("alice", "does not have the role Administrator", "template", "import", bad)
        r = self.ok("template", "import", bad, db=self.db)
        self.assertIn("as version 2 of approval-esg", r.text)
        listed = {t["key"]: t for t in json.loads(self.ok("template", "list", "--json",
                                                          db=self.db).out)}
        self.assertEqual((listed["approval-esg"]["version"], listed["approval-esg"]["title"]),
                         (2, "Design approval 2027"))
        self.assertEqual(self.history(self.db)[-1]["action"], "edit-template")

    def test_people_roles_settings(self):
        people = {p["username"]: p for p in json.loads(self.ok("person", "list", "--json",
                                                                db=self.db).out)}
        self.assertEqual(people["dave"]["roles"], [{"role": "qa-chair", "unit": "COMP"}])
        self.assertEqual(people["alice"]["unit"], "COMP")
        self.ok("role", "revoke", "dave", "qa-chair", "--unit", "COMP", db=self.db)
        self.ok("role", "grant", "dave", "qa-chair", db=self.db)
        people = {p["username"]: p for p in json.loads(self.ok("person", "list", "--json",
                                                                db=self.db).out)}
        self.assertEqual(people["dave"]["roles"], [{"role": "qa-chair", "unit": None}])
        self.fails(2, "role", "grant", "dave", "chef", db=self.db)
        self.refused("alice", "does not have the role Administrator", "person", "add", "zed",
                     "--name", "Zed")
        self.refused("alice", "does not have the role Administrator", "settings", "set",
                     "min-reviews", "1")
        self.fails(2, "settings", "set", "min-reviews", "0", db=self.db)
        self.fails(2, "settings", "get", "no-such-setting", db=self.db)
        self.ok("settings", "set", "min-reviews", "1", db=self.db)
        self.assertEqual(self.ok("settings", "get", "min-reviews", db=self.db).text, "1\n")
        settings = json.loads(self.ok("settings", "get", "--json", db=self.db).out)
        self.assertEqual(settings["review-cycle-months"], "12")
        self.assertEqual(settings["institution-country"], "IE")

    def test_help_everywhere(self):
        for command in (["person"], ["unit"], ["role"], ["settings"], ["review"], ["decision"],
                        ["annual-review"], ["audit"], ["template"], ["history"], ["tasks"],
                        ["report"], ["report", "yearly"],
                        ["design", "submit"], ["review", "submit"], ["decision", "record"],
                        ["annual-review", "complete"], ["audit", "verify"]):
            r = self.ok(*command, "--help")
            self.assertIn("--as", r.text, command)


class BrokenDatabases(CliTestCase):
    COMMANDS = (["design", "list"], ["design", "list", "--json"], ["design", "show", "1"],
                ["design", "export", "1"], ["design", "validate", "1", "--profile", "eu-council"],
                ["design", "submit", "1"], ["review", "list"], ["history", "--all"],
                ["audit", "verify"], ["tasks"], ["person", "list"], ["template", "list"],
                ["report", "yearly", "--unit", "COMP", "--year", "2026", "--pdf", "r.pdf"])

    def test_missing_database_not_created(self):
        db = self.path("missing.db")
        for command in self.COMMANDS:
            r = self.fails(2, *command, db=db)
            self.assertIn(db, r.err)
            self.assertEqual(sorted(os.listdir(self.tmp)), [], command)

    def test_corrupt_database_untouched(self):
        contents = {
            "text.db": b"This is not a database at all.\n" * 200,
            "header.db": b"SQLite format 3\x00" + bytes(range(256)) * 16,
            "zeros.db": b"\x00" * 8192,
        }
        for name, data in contents.items():
            db = self.path(name)
            with open(db, "wb") as f:
                f.write(data)
            for command in self.COMMANDS + (["init"], ["demo"]):
                r = self.fails(2, *command, db=db)
                self.assertIn(db, r.err)
                with open(db, "rb") as f:
                    self.assertEqual(f.read(), data, (name, command))
            leftovers = [f for f in os.listdir(self.tmp) if f.startswith(name) and f != name]
            self.assertEqual(leftovers, [], name)


def main():
    global MCRED
    if len(sys.argv) < 2:
        print("usage: test-cli.py /path/to/mcred", file=sys.stderr)
        return 2
    MCRED = os.path.abspath(sys.argv[1])
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    print("test-cli: %d passed, %d failed" % (passed, failed))
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
