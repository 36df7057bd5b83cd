/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* setresuid() and setresgid() */
#define _GNU_SOURCE

#include <errno.h>
#include <grp.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "folder-fixture.h"
#include "mc-core.h"

#define MCRD_APPLICATION_ID 0x4D435244

/* Fixture: a throw-away folder with the path of a database inside it. */

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mc-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "institution.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  mc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Raw SQLite access, to look at files behind the store's back. */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char    *path,
             gconstpointer  data,
             gsize          length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* A store file with a unit in it, closed again. */
static void
create_store_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mc_store_add_unit (store, "CS", "School of Computing", &error), >, 0);
  g_assert_no_error (error);
}

static void
assert_message_names_file (const GError *error,
                           const char   *path)
{
  g_autofree char *name = g_path_get_basename (path);

  g_assert_nonnull (error);
  if (strstr (error->message, name) == NULL)
    g_error ("“%s” does not name %s", error->message, name);
}

/* Opens @path expecting @code, then checks the file kept every byte and
 * got no write-ahead log. */
static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error);
  g_assert_error (error, MC_STORE_ERROR, code);
  g_assert_null (store);
  assert_message_names_file (error, path);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Opening */

static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "a", "b", NULL);
  g_autofree char *path = g_build_filename (folder, "new.db", NULL);
  g_autofree char *mode = NULL;
  GStatBuf st;
  sqlite3 *db;

  store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (mc_store_get_path (store), ==, path);
  g_assert_cmpint (mc_store_get_schema_version (store), ==, MC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (mc_store_get_schema_version (store), ==, MC_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  /* Missing folders are made private to the user. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  db = raw_open (path);
  mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, MC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, MCRD_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                "AND name IN ('units', 'people', 'designs', 'revisions')"), ==, 4);
  sqlite3_close (db);

  /* Once it exists, it opens without CREATE. */
  store = mc_store_open (path, MC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
test_open_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (":memory:", MC_STORE_OPEN_DEFAULT, &error);
  g_autoptr(McUnit) unit = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpint (mc_store_get_schema_version (store), ==, MC_STORE_SCHEMA_VERSION);
  id = mc_store_add_unit (store, "CS", "School of Computing", &error);
  g_assert_no_error (error);
  unit = mc_store_get_unit (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_unit_get_code (unit), ==, "CS");
}

static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (f->path, MC_STORE_OPEN_DEFAULT, &error);

  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  assert_message_names_file (error, f->path);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_migrate_from_v0 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  sqlite3 *db;

  /* A database from before the first schema: marked as ours, version 0. */
  db = raw_open (f->path);
  raw_exec (db, "PRAGMA application_id = 1296257604");
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 0);
  sqlite3_close (db);

  store = mc_store_open (f->path, MC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_get_schema_version (store), ==, MC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (mc_store_add_unit (store, "CS", "School of Computing", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_store_count_designs (store, &error), ==, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, MC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM units"), ==, 1);
  sqlite3_close (db);

  /* An empty file is a blank database and gets the whole schema. */
  write_bytes (empty, "", 0);
  store = mc_store_open (empty, MC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_get_schema_version (store), ==, MC_STORE_SCHEMA_VERSION);
}

static void
test_open_too_new (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3 *db;

  create_store_file (f->path);
  db = raw_open (f->path);
  raw_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);

  assert_refused_unchanged (f->path, MC_STORE_ERROR_TOO_NEW);
}

static void
read_only_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  const char *path = g_getenv ("MC_TEST_READ_ONLY_PATH");
  const char *new_path = g_getenv ("MC_TEST_READ_ONLY_NEW_PATH");

  g_assert_nonnull (path);

  /* Root writes everywhere: become nobody to meet the permissions. */
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setresgid (65534, 65534, 65534), ==, 0);
      g_assert_cmpint (setresuid (65534, 65534, 65534), ==, 0);
    }
  g_assert_cmpint (geteuid (), !=, 0);

  store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  assert_message_names_file (error, path);
  g_print ("refused read-only file\n");

  if (new_path != NULL)
    {
      g_clear_error (&error);
      store = mc_store_open (new_path, MC_STORE_OPEN_CREATE, &error);
      g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_READ_ONLY);
      g_assert_null (store);
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
      g_print ("refused new file in read-only folder\n");
    }
}

static void
run_read_only_case (gboolean folder_read_only)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-store-ro-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "institution.db", NULL);
  new_path = g_build_filename (dir, "new.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  create_store_file (path);
  before = read_bytes (path);

  /* Readable by everyone, writable only where the case says. */
  g_assert_cmpint (g_chmod (path, folder_read_only ? 0666 : 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, folder_read_only ? 0555 : 0777), ==, 0);

  g_setenv ("MC_TEST_READ_ONLY_PATH", path, TRUE);
  if (folder_read_only)
    g_setenv ("MC_TEST_READ_ONLY_NEW_PATH", new_path, TRUE);
  else
    g_unsetenv ("MC_TEST_READ_ONLY_NEW_PATH");

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*refused read-only file*");
  if (folder_read_only)
    g_test_trap_assert_stdout ("*refused new file in read-only folder*");

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_unsetenv ("MC_TEST_READ_ONLY_PATH");
  g_unsetenv ("MC_TEST_READ_ONLY_NEW_PATH");
  mc_test_remove_tree (dir);
}

static void
test_open_read_only (void)
{
  if (g_test_subprocess ())
    {
      read_only_child ();
      return;
    }

  run_read_only_case (FALSE);
  run_read_only_case (TRUE);
}

static void
test_open_locked (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  sqlite3 *db;

  create_store_file (f->path);

  /* Another program takes the database for itself. */
  db = raw_open (f->path);
  raw_exec (db, "PRAGMA locking_mode = EXCLUSIVE");
  raw_exec (db, "BEGIN EXCLUSIVE");
  raw_exec (db, "INSERT INTO units (code, name) VALUES ('X', 'Held')");

  store = mc_store_open (f->path, MC_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_LOCKED);
  g_assert_null (store);
  assert_message_names_file (error, f->path);
  g_clear_error (&error);

  raw_exec (db, "ROLLBACK");
  sqlite3_close (db);

  /* Released, it opens, and the other program's work did not land. */
  store = mc_store_open (f->path, MC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (mc_store_find_unit_by_code (store, "X", &error));
  g_assert_no_error (error);
}

/* Another connection of the same program writes and checkpoints, as the
 * batch issuer's workers do beside a window reading the register. */
typedef struct {
  const char    *path;
  volatile gint  stop;
  guint          n_errors;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  sqlite3 *db = raw_open (writer->path);
  guint n = 0;

  sqlite3_busy_timeout (db, 5000);
  while (!g_atomic_int_get (&writer->stop))
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN; INSERT INTO units (code, name) VALUES "
                                              "('W%u', printf ('%%.4000c', 'x')); COMMIT; "
                                              "PRAGMA wal_checkpoint (PASSIVE);", n++);

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          writer->n_errors++;
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        }
    }
  sqlite3_close (db);
  return NULL;
}

static void
test_open_while_writing (Fixture       *f,
                         gconstpointer  data)
{
  Writer writer = { f->path, 0, 0 };
  GThread *thread = NULL;
  guint n_errors = 0;

  create_store_file (f->path);
  thread = g_thread_new ("writer", writer_thread, &writer);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McStore) store = mc_store_open (f->path, MC_STORE_OPEN_DEFAULT, &error);

      if (store == NULL)
        {
          g_test_message ("open %u: %s", i, error->message);
          n_errors++;
        }
    }
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_assert_cmpuint (n_errors, ==, 0);
  g_assert_cmpuint (writer.n_errors, ==, 0);
}

static void
test_open_corrupt_random (Fixture       *f,
                          gconstpointer  data)
{
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  write_bytes (f->path, bytes, sizeof bytes);
  assert_refused_unchanged (f->path, MC_STORE_ERROR_CORRUPT);

  /* The SQLite magic followed by garbage. */
  memcpy (bytes, "SQLite format 3", 16);
  write_bytes (f->path, bytes, sizeof bytes);
  assert_refused_unchanged (f->path, MC_STORE_ERROR_CORRUPT);
}

static void
test_open_corrupt_truncated (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  gsize length;
  const guint8 *bytes;

  store = mc_store_open (f->path, MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *code = g_strdup_printf ("U%03u", i);

      g_assert_cmpint (mc_store_add_unit (store, code, "A unit with a long enough name", &error), >, 0);
      g_assert_no_error (error);
    }
  g_clear_object (&store);

  whole = read_bytes (f->path);
  bytes = g_bytes_get_data (whole, &length);
  g_assert_cmpuint (length, >, 4 * 4096);

  write_bytes (f->path, bytes, length / 2);
  assert_refused_unchanged (f->path, MC_STORE_ERROR_CORRUPT);

  write_bytes (f->path, bytes, 50);
  assert_refused_unchanged (f->path, MC_STORE_ERROR_CORRUPT);
}

static void
test_open_corrupt_foreign (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  sqlite3 *db;

  /* Another application's database, marked as theirs. */
  db = raw_open (f->path);
  raw_exec (db, "PRAGMA application_id = 305419896");
  raw_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
  raw_exec (db, "INSERT INTO notes (body) VALUES ('hello')");
  sqlite3_close (db);
  assert_refused_unchanged (f->path, MC_STORE_ERROR_CORRUPT);

  /* An unmarked database with someone else's tables. */
  db = raw_open (other);
  raw_exec (db, "CREATE TABLE contacts (name TEXT, phone TEXT)");
  sqlite3_close (db);
  assert_refused_unchanged (other, MC_STORE_ERROR_CORRUPT);
}

/* Units and people */

static McStore *
open_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  McStore *store = mc_store_open (":memory:", MC_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_units_people (void)
{
  g_autoptr(McStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(McUnit) first = NULL;
  g_autoptr(McUnit) missing = NULL;
  g_autoptr(McPerson) person = NULL;
  gint64 eng, bus, ana;

  eng = mc_store_add_unit (store, "ENG", "Faculty of Engineering", &error);
  g_assert_no_error (error);
  bus = mc_store_add_unit (store, "BUS", "business school", &error);
  g_assert_no_error (error);
  g_assert_cmpint (eng, !=, bus);

  g_assert_cmpint (mc_store_add_unit (store, "ENG", "Another", &error), ==, 0);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  units = mc_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 2);
  first = g_list_model_get_item (units, 0);
  g_assert_cmpstr (mc_unit_get_name (first), ==, "business school");
  g_assert_cmpint (mc_unit_get_id (first), ==, bus);

  missing = mc_store_get_unit (store, 4242, &error);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);
  g_assert_null (mc_store_find_unit_by_code (store, "NOPE", &error));
  g_assert_no_error (error);

  ana = mc_store_add_person (store, "ana", "Ana Silva", "ana@example.org", eng, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_add_person (store, "zoe", "Zoë Adams", NULL, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_add_person (store, "ana", "Ana Again", NULL, 0, &error), ==, 0);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (mc_store_add_person (store, "bob", "Bob", NULL, 999, &error), ==, 0);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_null (mc_store_find_person_by_username (store, "bob", &error));
  g_assert_no_error (error);

  person = mc_store_find_person_by_username (store, "ana", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_person_get_id (person), ==, ana);
  g_assert_cmpstr (mc_person_get_name (person), ==, "Ana Silva");
  g_assert_cmpstr (mc_person_get_email (person), ==, "ana@example.org");
  g_assert_cmpint (mc_person_get_unit_id (person), ==, eng);

  people = mc_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_clear_object (&person);
  person = g_list_model_get_item (people, 1);
  g_assert_cmpstr (mc_person_get_username (person), ==, "zoe");
  g_assert_cmpstr (mc_person_get_email (person), ==, "");
  g_assert_cmpint (mc_person_get_unit_id (person), ==, 0);
}

/* Designs */

static McDesign *
new_design (gint64            unit_id,
            const char       *title,
            McCredentialType  type,
            McDesignState     state)
{
  McDesign *design = mc_design_new ();
  McRevision *content = mc_design_get_content (design);

  mc_design_set_unit_id (design, unit_id);
  mc_design_set_state (design, state);
  mc_revision_set_string (content, "title", title);
  mc_revision_set_int (content, "credential_type", type);
  return design;
}

static void
add_outcome (McDesign   *design,
             const char *code,
             const char *text)
{
  g_autoptr(McOutcome) outcome = mc_outcome_new (code, text);

  g_list_store_append (mc_revision_get_outcomes (mc_design_get_content (design)), outcome);
}

static gint64
insert_new_design (McStore          *store,
                   gint64            unit_id,
                   const char       *title,
                   McCredentialType  type,
                   McDesignState     state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) design = new_design (unit_id, title, type, state);

  g_assert_true (mc_store_insert_design (store, design, &error));
  g_assert_no_error (error);
  return mc_design_get_id (design);
}

static gint64
add_unit (McStore    *store,
          const char *code,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mc_store_add_unit (store, code, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_design_round_trip (void)
{
  g_autoptr(McStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDesign) loaded = NULL;
  g_autoptr(McDesign) reloaded = NULL;
  g_autoptr(McDesign) by_uuid = NULL;
  const char * const languages[] = { "en", "pl", NULL };
  McRevision *content;
  gint64 unit_id, owner_id;

  unit_id = add_unit (store, "CS", "School of Computing");
  owner_id = mc_store_add_person (store, "ana", "Ana Silva", NULL, unit_id, &error);
  g_assert_no_error (error);

  design = new_design (unit_id, "Applied Machine Learning",
                       MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_SUBMITTED);
  mc_design_set_owner_id (design, owner_id);
  content = mc_design_get_content (design);
  mc_revision_set_string (content, "description", "Build, evaluate and deploy models.\nTwo paragraphs.");
  mc_revision_set_double (content, "ects", 5.0);
  mc_revision_set_int (content, "hours", 125);
  mc_revision_set_int (content, "eqf_level", 6);
  mc_revision_set_strv (content, "languages", languages);
  add_outcome (design, "LO1", "Apply regression models to real data");
  add_outcome (design, "LO2", "Evaluate a classifier honestly");

  g_assert_true (mc_store_insert_design (store, design, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_design_get_id (design), >, 0);
  g_assert_cmpint (mc_design_get_version (design), ==, 1);
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 1);
  g_assert_cmpint (mc_design_get_created (design), >, 1600000000);
  g_assert_cmpint (mc_design_get_modified (design), >=, mc_design_get_created (design));
  g_assert_cmpuint (mc_store_count_designs (store, &error), ==, 1);

  loaded = mc_store_load_design (store, mc_design_get_id (design), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_design_get_uuid (loaded), ==, mc_design_get_uuid (design));
  g_assert_cmpint (mc_design_get_state (loaded), ==, MC_DESIGN_STATE_SUBMITTED);
  g_assert_cmpint (mc_design_get_unit_id (loaded), ==, unit_id);
  g_assert_cmpint (mc_design_get_owner_id (loaded), ==, owner_id);
  g_assert_cmpint (mc_design_get_version (loaded), ==, 1);
  g_assert_cmpint (mc_design_get_created (loaded), ==, mc_design_get_created (design));
  g_assert_true (mc_revision_equal (mc_design_get_content (loaded), content));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (mc_design_get_content (loaded)))), ==, 2);

  /* Edit and save: the version moves on and the change is stored. */
  mc_revision_set_string (mc_design_get_content (loaded), "title", "Applied Machine Learning II");
  /* The state is the workflow's: a content save leaves it alone. */
  mc_design_set_state (loaded, MC_DESIGN_STATE_IN_REVIEW);
  g_assert_true (mc_store_update_design (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_design_get_version (loaded), ==, 2);

  reloaded = mc_store_load_design (store, mc_design_get_id (design), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (reloaded)), ==, "Applied Machine Learning II");
  g_assert_cmpint (mc_design_get_state (reloaded), ==, MC_DESIGN_STATE_SUBMITTED);
  g_assert_cmpint (mc_design_get_version (reloaded), ==, 2);
  g_assert_true (mc_revision_equal (mc_design_get_content (reloaded), mc_design_get_content (loaded)));

  by_uuid = mc_store_find_design_by_uuid (store, mc_design_get_uuid (design), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_design_get_id (by_uuid), ==, mc_design_get_id (design));
  g_assert_null (mc_store_find_design_by_uuid (store, "6f1c1f1e-0000-4000-8000-000000000000", &error));
  g_assert_no_error (error);
}

static void
test_design_keeps_times (void)
{
  g_autoptr(McStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDesign) loaded = NULL;
  gint64 unit_id = add_unit (store, "CS", "School of Computing");

  /* An imported design keeps its own history. */
  design = new_design (unit_id, "Imported", MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL, MC_DESIGN_STATE_DRAFT);
  mc_design_set_created (design, 1000000000);
  mc_design_set_modified (design, 1100000000);
  g_assert_true (mc_store_insert_design (store, design, &error));
  g_assert_no_error (error);

  loaded = mc_store_load_design (store, mc_design_get_id (design), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_design_get_created (loaded), ==, 1000000000);
  g_assert_cmpint (mc_design_get_modified (loaded), ==, 1100000000);
}

static void
test_design_conflict (void)
{
  g_autoptr(McStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) mine = NULL;
  g_autoptr(McDesign) theirs = NULL;
  g_autoptr(McDesign) stored = NULL;
  gint64 unit_id = add_unit (store, "CS", "School of Computing");
  gint64 id = insert_new_design (store, unit_id, "Original", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);

  mine = mc_store_load_design (store, id, &error);
  g_assert_no_error (error);
  theirs = mc_store_load_design (store, id, &error);
  g_assert_no_error (error);

  mc_revision_set_string (mc_design_get_content (theirs), "title", "Their title");
  g_assert_true (mc_store_update_design (store, theirs, &error));
  g_assert_no_error (error);

  mc_revision_set_string (mc_design_get_content (mine), "title", "My title");
  g_assert_false (mc_store_update_design (store, mine, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "My title"));
  g_clear_error (&error);
  g_assert_cmpint (mc_design_get_version (mine), ==, 1);

  stored = mc_store_load_design (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Their title");
  g_assert_cmpint (mc_design_get_version (stored), ==, 2);

  /* Gone altogether: not found rather than a conflict. */
  g_assert_true (mc_store_delete_design (store, id, &error));
  g_assert_no_error (error);
  g_assert_false (mc_store_update_design (store, stored, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
}

static void
test_design_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (f->path, MC_STORE_OPEN_CREATE, &error);
  g_autoptr(McDesign) missing = NULL;
  gint64 unit_id, id, kept;
  sqlite3 *db;

  g_assert_no_error (error);
  unit_id = add_unit (store, "CS", "School of Computing");
  id = insert_new_design (store, unit_id, "Doomed", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  kept = insert_new_design (store, unit_id, "Kept", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);

  g_assert_true (mc_store_delete_design (store, id, &error));
  g_assert_no_error (error);
  g_assert_false (mc_store_delete_design (store, id, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  missing = mc_store_load_design (store, id, &error);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);

  /* A design past the draft stage stays: it is part of the QA record. */
  {
    gint64 active = insert_new_design (store, unit_id, "In use", MC_CREDENTIAL_TYPE_MODULE,
                                       MC_DESIGN_STATE_ACTIVE);
    g_autoptr(McDesign) still = NULL;

    g_assert_false (mc_store_delete_design (store, active, &error));
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
    g_assert_nonnull (strstr (error->message, "In use"));
    g_clear_error (&error);
    still = mc_store_load_design (store, active, &error);
    g_assert_no_error (error);
    g_assert_nonnull (still);
    /* Leave only the kept draft's revision for the check below. */
    db = raw_open (f->path);
    g_assert_cmpint (raw_int (db, "SELECT count(*) FROM revisions"), ==, 2);
    sqlite3_close (db);
    g_assert_cmpint (mc_store_count_designs (store, &error), ==, 2);
    /* Saving it as a draft does not make it one. */
    mc_design_set_state (still, MC_DESIGN_STATE_DRAFT);
    g_assert_true (mc_store_update_design (store, still, &error));
    g_assert_false (mc_store_delete_design (store, active, &error));
    g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    db = raw_open (f->path);
    raw_exec (db, "DELETE FROM revisions WHERE design_id IN (SELECT id FROM designs WHERE title = 'In use')");
    raw_exec (db, "DELETE FROM designs WHERE title = 'In use'");
    sqlite3_close (db);
  }

  /* Its revisions went with it. */
  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM revisions"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT design_id FROM revisions"), ==, kept);
  sqlite3_close (db);
}

/* Whatever is saved can be opened again: content beyond its fields' hard
 * limits is refused at saving, naming the field, and the stored design
 * stays as it was; a draft's duplicate outcome codes are saved and read
 * back (the validator reports them). */
static void
test_design_save_checks_content (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (f->path, MC_STORE_OPEN_CREATE, &error);
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDesign) loaded = NULL;
  g_autoptr(GString) long_title = g_string_new (NULL);
  const char *bad_titles[] = { NULL, "Two\nlines", "Carriage\rreturn" };
  gint64 unit_id, id;

  g_assert_no_error (error);
  unit_id = add_unit (store, "CS", "School of Computing");
  id = insert_new_design (store, unit_id, "Kept Title", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  design = mc_store_load_design (store, id, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 600; i++)
    g_string_append_c (long_title, 'x');
  bad_titles[0] = long_title->str;
  for (guint i = 0; i < G_N_ELEMENTS (bad_titles); i++)
    {
      g_autoptr(McDesign) fresh = new_design (unit_id, bad_titles[i], MC_CREDENTIAL_TYPE_MODULE,
                                              MC_DESIGN_STATE_DRAFT);

      mc_revision_set_string (mc_design_get_content (design), "title", bad_titles[i]);
      g_assert_false (mc_store_update_design (store, design, &error));
      g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
      g_assert_nonnull (strstr (error->message, "title"));
      g_clear_error (&error);

      g_assert_false (mc_store_insert_design (store, fresh, &error));
      g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
      g_clear_error (&error);
    }

  loaded = mc_store_load_design (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (loaded)), ==, "Kept Title");
  g_assert_cmpuint (mc_store_count_designs (store, &error), ==, 1);
  g_clear_object (&loaded);

  /* Duplicate codes: saved, and the design opens again. */
  mc_revision_set_string (mc_design_get_content (design), "title", "Kept Title");
  add_outcome (design, "LO1", "First");
  add_outcome (design, "LO1", "Second");
  g_assert_true (mc_store_update_design (store, design, &error));
  g_assert_no_error (error);
  loaded = mc_store_load_design (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (mc_design_get_content (loaded)))), >=, 2);
}

/* Transactions */

static gboolean
add_unit_then_fail_cb (McStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  g_assert_cmpint (mc_store_add_unit (store, user_data, "Temporary", error), >, 0);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Stopped on purpose");
  return FALSE;
}

static gboolean
add_unit_then_quit_cb (McStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  g_assert_cmpint (mc_store_add_unit (store, user_data, "Temporary", error), >, 0);
  return FALSE;
}

static gboolean
outer_survives_inner_cb (McStore   *store,
                         gpointer   user_data,
                         GError   **error)
{
  g_autoptr(GError) inner_error = NULL;

  g_assert_cmpint (mc_store_add_unit (store, "OUT", "Outer", error), >, 0);
  g_assert_false (mc_store_run_in_transaction (store, add_unit_then_fail_cb, "IN", &inner_error));
  g_assert_error (inner_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  return TRUE;
}

static gboolean
add_units_cb (McStore   *store,
              gpointer   user_data,
              GError   **error)
{
  return mc_store_add_unit (store, user_data, "Inner", error) > 0;
}

static gboolean
inner_lost_with_outer_cb (McStore   *store,
                          gpointer   user_data,
                          GError   **error)
{
  g_assert_true (mc_store_run_in_transaction (store, add_units_cb, "KEEP?", error));
  return add_unit_then_fail_cb (store, "OUT2", error);
}

static void
assert_no_unit (McStore    *store,
                const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McUnit) unit = mc_store_find_unit_by_code (store, code, &error);

  g_assert_no_error (error);
  g_assert_null (unit);
}

static void
test_transaction_rollback (void)
{
  g_autoptr(McStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McUnit) outer = NULL;

  g_assert_false (mc_store_run_in_transaction (store, add_unit_then_fail_cb, "TMP", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_no_unit (store, "TMP");

  g_assert_false (mc_store_run_in_transaction (store, add_unit_then_quit_cb, "TMP2", &error));
  g_assert_no_error (error);
  assert_no_unit (store, "TMP2");

  /* A failed savepoint undoes only its own work... */
  g_assert_true (mc_store_run_in_transaction (store, outer_survives_inner_cb, NULL, &error));
  g_assert_no_error (error);
  outer = mc_store_find_unit_by_code (store, "OUT", &error);
  g_assert_no_error (error);
  g_assert_nonnull (outer);
  assert_no_unit (store, "IN");

  /* ...and a failed transaction undoes its finished savepoints too. */
  g_assert_false (mc_store_run_in_transaction (store, inner_lost_with_outer_cb, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_unit (store, "KEEP?");
  assert_no_unit (store, "OUT2");

  /* The store still works afterwards. */
  add_unit (store, "AFTER", "After");
}

static gboolean
unit_and_dangling_design_cb (McStore   *store,
                             gpointer   user_data,
                             GError   **error)
{
  g_autoptr(McDesign) design = NULL;

  if (mc_store_add_unit (store, "NEW", "New unit", error) == 0)
    return FALSE;
  design = new_design (4242, "Dangling", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  return mc_store_insert_design (store, design, error);
}

static void
test_design_insert_failure (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (f->path, MC_STORE_OPEN_CREATE, &error);
  g_autoptr(McDesign) dangling = NULL;
  g_autoptr(McDesign) twin = NULL;
  g_autoptr(McDesign) first = NULL;
  gint64 unit_id;
  sqlite3 *db;

  g_assert_no_error (error);
  dangling = new_design (4242, "Dangling", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  g_assert_false (mc_store_insert_design (store, dangling, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Dangling"));
  g_assert_nonnull (strstr (error->message, "4242"));
  g_clear_error (&error);
  g_assert_cmpint (mc_design_get_id (dangling), ==, 0);

  /* Inside a larger transaction, the unit added before goes too. */
  g_assert_false (mc_store_run_in_transaction (store, unit_and_dangling_design_cb, NULL, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  assert_no_unit (store, "NEW");

  /* A duplicate uuid is refused. */
  unit_id = add_unit (store, "CS", "School of Computing");
  first = new_design (unit_id, "First", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  g_assert_true (mc_store_insert_design (store, first, &error));
  g_assert_no_error (error);
  twin = new_design (unit_id, "Twin", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  mc_design_set_uuid (twin, mc_design_get_uuid (first));
  g_assert_false (mc_store_insert_design (store, twin, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A dangling owner too. */
  g_clear_object (&twin);
  twin = new_design (unit_id, "Orphan", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  mc_design_set_owner_id (twin, 77);
  g_assert_false (mc_store_insert_design (store, twin, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_cmpuint (mc_store_count_designs (store, &error), ==, 1);
  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM designs"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM revisions"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM units"), ==, 1);
  sqlite3_close (db);
}

/* Queries */

static GPtrArray *
run_query (McStore             *store,
           const McDesignQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *result = mc_store_query_designs (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static char *
titles_of (GPtrArray *summaries)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < summaries->len; i++)
    {
      if (i > 0)
        g_string_append (titles, "|");
      g_string_append (titles, mc_design_summary_get_title (g_ptr_array_index (summaries, i)));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
search_titles (McStore    *store,
               const char *search)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) result = NULL;

  query.search = search;
  result = run_query (store, &query);
  return titles_of (result);
}

#define assert_search(store, search, expected) \
  G_STMT_START { \
    g_autofree char *_titles = search_titles (store, search); \
    g_assert_cmpstr (_titles, ==, expected); \
  } G_STMT_END

static void
test_query_filters (void)
{
  g_autoptr(McStore) store = open_memory_store ();
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) result = NULL;
  g_autofree char *titles = NULL;
  McDesignSummary *summary;
  gint64 cs, bus;

  cs = add_unit (store, "CS", "School of Computing");
  bus = add_unit (store, "BUS", "Business School");
  insert_new_design (store, cs, "beta", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  insert_new_design (store, cs, "Alpha", MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL, MC_DESIGN_STATE_APPROVED);
  insert_new_design (store, bus, "Gamma", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_APPROVED);
  insert_new_design (store, bus, "delta", MC_CREDENTIAL_TYPE_SHORT_PROGRAMME, MC_DESIGN_STATE_DRAFT);

  result = run_query (store, NULL);
  titles = titles_of (result);
  g_assert_cmpstr (titles, ==, "Alpha|beta|delta|Gamma");
  summary = g_ptr_array_index (result, 0);
  g_assert_cmpstr (mc_design_summary_get_unit_name (summary), ==, "School of Computing");
  g_assert_cmpint (mc_design_summary_get_unit_id (summary), ==, cs);
  g_assert_cmpint (mc_design_summary_get_state (summary), ==, MC_DESIGN_STATE_APPROVED);
  g_assert_cmpint (mc_design_summary_get_credential_type (summary), ==, MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL);
  g_assert_true (g_uuid_string_is_valid (mc_design_summary_get_uuid (summary)));
  g_clear_pointer (&result, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);

  query.unit_id = bus;
  result = run_query (store, &query);
  titles = titles_of (result);
  g_assert_cmpstr (titles, ==, "delta|Gamma");
  g_clear_pointer (&result, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);

  query.unit_id = 0;
  query.credential_type = MC_CREDENTIAL_TYPE_MODULE;
  result = run_query (store, &query);
  titles = titles_of (result);
  g_assert_cmpstr (titles, ==, "beta|Gamma");
  g_clear_pointer (&result, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);

  query.state = MC_DESIGN_STATE_APPROVED;
  result = run_query (store, &query);
  titles = titles_of (result);
  g_assert_cmpstr (titles, ==, "Gamma");
  g_clear_pointer (&result, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);

  query.credential_type = -1;
  query.unit_id = cs;
  result = run_query (store, &query);
  titles = titles_of (result);
  g_assert_cmpstr (titles, ==, "Alpha");
  g_clear_pointer (&result, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);

  query.unit_id = 0;
  query.state = MC_DESIGN_STATE_REJECTED;
  result = run_query (store, &query);
  g_assert_cmpuint (result->len, ==, 0);
  g_clear_pointer (&result, g_ptr_array_unref);

  /* Most recently changed first. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(McDesign) old = new_design (cs, "Zeta", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);

    mc_design_set_created (old, 1000);
    mc_design_set_modified (old, 1000);
    g_assert_true (mc_store_insert_design (store, old, &error));
    g_assert_no_error (error);
  }
  query = (McDesignQuery) MC_DESIGN_QUERY_INIT;
  query.sort = MC_DESIGN_SORT_MODIFIED;
  result = run_query (store, &query);
  titles = titles_of (result);
  g_assert_cmpuint (result->len, ==, 5);
  g_assert_true (g_str_has_suffix (titles, "|Zeta"));
  g_assert_cmpint (mc_design_summary_get_modified (g_ptr_array_index (result, 4)), ==, 1000);
}

static void
test_query_search (void)
{
  g_autoptr(McStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) with_outcome = NULL;
  gint64 cs, hum;

  cs = add_unit (store, "CS", "School of Computing");
  hum = add_unit (store, "HUM", "Faculty of Humanities");
  insert_new_design (store, cs, "100% Online Data Skills", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  insert_new_design (store, cs, "Data_Science Basics", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  insert_new_design (store, cs, "DataXScience 1000", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  insert_new_design (store, hum, "O'Brien's \"Leadership\" Course", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  insert_new_design (store, hum, "Ελληνικά για αρχάριους", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  insert_new_design (store, hum, "Łódź Urban History", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  insert_new_design (store, hum, "Back\\slash Studies", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);

  with_outcome = new_design (hum, "Statistics for Historians", MC_CREDENTIAL_TYPE_MODULE, MC_DESIGN_STATE_DRAFT);
  add_outcome (with_outcome, "HIST-LO7", "Apply Regression models to census records");
  g_assert_true (mc_store_insert_design (store, with_outcome, &error));
  g_assert_no_error (error);

  assert_search (store, "", "100% Online Data Skills|Back\\slash Studies|Data_Science Basics|"
                            "DataXScience 1000|Łódź Urban History|O'Brien's \"Leadership\" Course|"
                            "Statistics for Historians|Ελληνικά για αρχάριους");
  assert_search (store, NULL, "100% Online Data Skills|Back\\slash Studies|Data_Science Basics|"
                              "DataXScience 1000|Łódź Urban History|O'Brien's \"Leadership\" Course|"
                              "Statistics for Historians|Ελληνικά για αρχάριους");

  /* Wildcards are plain characters. */
  assert_search (store, "%", "100% Online Data Skills");
  assert_search (store, "100%", "100% Online Data Skills");
  assert_search (store, "_", "Data_Science Basics");
  assert_search (store, "data_s", "Data_Science Basics");
  assert_search (store, "\\", "Back\\slash Studies");
  assert_search (store, "k\\s", "Back\\slash Studies");

  /* Quotes, case and non-ASCII letters. */
  assert_search (store, "o'brien", "O'Brien's \"Leadership\" Course");
  assert_search (store, "\"LEADERSHIP\"", "O'Brien's \"Leadership\" Course");
  assert_search (store, "DATA", "100% Online Data Skills|Data_Science Basics|DataXScience 1000");
  assert_search (store, "ελληνικά", "Ελληνικά για αρχάριους");
  assert_search (store, "ΕΛΛΗΝΙΚΆ", "Ελληνικά για αρχάριους");
  assert_search (store, "ŁÓDŹ", "Łódź Urban History");
  assert_search (store, "łódź", "Łódź Urban History");
  assert_search (store, "lodz", "");

  /* Unit names, outcome codes and outcome texts. */
  assert_search (store, "school of computing", "100% Online Data Skills|Data_Science Basics|DataXScience 1000");
  assert_search (store, "regression", "Statistics for Historians");
  assert_search (store, "hist-lo7", "Statistics for Historians");
  assert_search (store, "nothing like this", "");

  /* The search text follows edits. */
  mc_revision_set_string (mc_design_get_content (with_outcome), "title", "Quantitative History");
  g_list_store_remove_all (mc_revision_get_outcomes (mc_design_get_content (with_outcome)));
  g_assert_true (mc_store_update_design (store, with_outcome, &error));
  g_assert_no_error (error);
  assert_search (store, "regression", "");
  assert_search (store, "quantitative", "Quantitative History");
}

static void
test_sql_strings (Fixture       *f,
                  gconstpointer  data)
{
  static const char *hostile[] = {
    "'; DROP TABLE designs; --",
    "Robert'); DROP TABLE people;--",
    "\" OR 1=1 --",
    "%_\\ ' \" ; -- /* */",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (f->path, MC_STORE_OPEN_CREATE, &error);
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(McPerson) person = NULL;
  gint64 unit_id;

  g_assert_no_error (error);
  unit_id = mc_store_add_unit (store, hostile[0], hostile[2], &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_add_person (store, hostile[1], hostile[3], hostile[0], unit_id, &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(McDesign) design = new_design (unit_id, hostile[i], MC_CREDENTIAL_TYPE_MODULE,
                                               MC_DESIGN_STATE_DRAFT);
      g_autoptr(McDesign) loaded = NULL;

      mc_revision_set_string (mc_design_get_content (design), "description", hostile[(i + 1) % G_N_ELEMENTS (hostile)]);
      add_outcome (design, "LO1", hostile[(i + 2) % G_N_ELEMENTS (hostile)]);
      g_assert_true (mc_store_insert_design (store, design, &error));
      g_assert_no_error (error);

      loaded = mc_store_load_design (store, mc_design_get_id (design), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (loaded)), ==, hostile[i]);
      g_assert_true (mc_revision_equal (mc_design_get_content (loaded), mc_design_get_content (design)));
    }

  g_assert_cmpuint (mc_store_count_designs (store, &error), ==, G_N_ELEMENTS (hostile));
  /* Found in one title and in another design's outcome. */
  assert_search (store, "'; drop table designs; --", "\" OR 1=1 --|'; DROP TABLE designs; --");

  unit = mc_store_find_unit_by_code (store, hostile[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_unit_get_name (unit), ==, hostile[2]);
  person = mc_store_find_person_by_username (store, hostile[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_person_get_name (person), ==, hostile[3]);
  g_assert_cmpstr (mc_person_get_email (person), ==, hostile[0]);
}

static void
add_design_tests (void)
{
  g_test_add_func ("/core/store/design/round-trip", test_design_round_trip);
  g_test_add_func ("/core/store/design/keeps-times", test_design_keeps_times);
  g_test_add_func ("/core/store/design/conflict", test_design_conflict);
  g_test_add ("/core/store/design/delete", Fixture, NULL, fixture_set_up, test_design_delete, fixture_tear_down);
  g_test_add ("/core/store/design/save-checks-content", Fixture, NULL, fixture_set_up,
              test_design_save_checks_content, fixture_tear_down);
  g_test_add ("/core/store/design/insert-failure", Fixture, NULL, fixture_set_up, test_design_insert_failure, fixture_tear_down);
  g_test_add_func ("/core/store/transaction/rollback", test_transaction_rollback);
  g_test_add_func ("/core/store/query/filters", test_query_filters);
  g_test_add_func ("/core/store/query/search", test_query_search);
  g_test_add ("/core/store/sql-strings", Fixture, NULL, fixture_set_up, test_sql_strings, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add ("/core/store/open-new", Fixture, NULL, fixture_set_up, test_open_new, fixture_tear_down);
  g_test_add_func ("/core/store/open-memory", test_open_memory);
  g_test_add ("/core/store/open-missing", Fixture, NULL, fixture_set_up, test_open_missing, fixture_tear_down);
  g_test_add ("/core/store/migrate-from-v0", Fixture, NULL, fixture_set_up, test_migrate_from_v0, fixture_tear_down);
  g_test_add ("/core/store/open-too-new", Fixture, NULL, fixture_set_up, test_open_too_new, fixture_tear_down);
  g_test_add_func ("/core/store/open-read-only", test_open_read_only);
  g_test_add ("/core/store/open-locked", Fixture, NULL, fixture_set_up, test_open_locked, fixture_tear_down);
  g_test_add ("/core/store/open-while-writing", Fixture, NULL, fixture_set_up, test_open_while_writing,
              fixture_tear_down);
  g_test_add ("/core/store/open-corrupt/random", Fixture, NULL, fixture_set_up, test_open_corrupt_random, fixture_tear_down);
  g_test_add ("/core/store/open-corrupt/truncated", Fixture, NULL, fixture_set_up, test_open_corrupt_truncated, fixture_tear_down);
  g_test_add ("/core/store/open-corrupt/foreign", Fixture, NULL, fixture_set_up, test_open_corrupt_foreign, fixture_tear_down);
  g_test_add_func ("/core/store/units-people", test_units_people);
  add_design_tests ();

  return g_test_run ();
}
