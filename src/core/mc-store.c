/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-core.h"
#include "mc-store-private.h"

/* 'MCRD' in PRAGMA application_id marks a file as ours. */
#define MC_STORE_APPLICATION_ID 0x4D435244
#define MC_STORE_BUSY_TIMEOUT_MS 1500
#define SQLITE_HEADER_SIZE 100

struct _McStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *display_name;
  char       *file_key;          /* in open_files, while the file is open */
  int         schema_version;
  /* SQL text → sqlite3_stmt, prepared once and kept for the connection's life. */
  GHashTable *statements;
  guint       transaction_depth;
};

G_DEFINE_FINAL_TYPE (McStore, mc_store, G_TYPE_OBJECT)

static void release_file (McStore *self);

G_DEFINE_QUARK (mc-store-error-quark, mc_store_error)

/* Schema migrations: step i brings a database from user_version i to i + 1.
 * Later schema versions append a step and raise MC_STORE_SCHEMA_VERSION. */
static const char * const migrations[] = {
  /* 0 → 1: units, people, designs and their revisions. */
  "CREATE TABLE units ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL"
  ");"
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  username TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  email TEXT NOT NULL DEFAULT '',"
  "  unit_id INTEGER REFERENCES units (id)"
  ");"
  "CREATE TABLE designs ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  state TEXT NOT NULL,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  owner_id INTEGER REFERENCES people (id),"
  "  title TEXT NOT NULL DEFAULT '',"
  /* Sort key: the title casefolded, without accents (see mc-store-designs.c). */
  "  title_key TEXT NOT NULL DEFAULT '',"
  "  credential_type TEXT NOT NULL,"
  "  ects REAL NOT NULL DEFAULT 0,"
  "  eqf_level INTEGER NOT NULL DEFAULT 0,"
  "  revision_number INTEGER NOT NULL DEFAULT 1,"
  "  version INTEGER NOT NULL DEFAULT 1,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL"
  ");"
  /* What a search matches: the title, the unit's name and the outcomes'
   * codes and texts, casefolded.  A table of its own keeps the long text
   * out of the design rows, so that listing and sorting without a search
   * reads a tenth of the pages. */
  "CREATE TABLE design_search ("
  "  design_id INTEGER PRIMARY KEY REFERENCES designs (id) ON DELETE CASCADE,"
  "  search_text TEXT NOT NULL"
  ");"
  "CREATE TABLE revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  design_id INTEGER NOT NULL REFERENCES designs (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL,"
  "  content TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  UNIQUE (design_id, number)"
  ");"
  "CREATE INDEX people_unit_id ON people (unit_id);"
  "CREATE INDEX designs_unit_id ON designs (unit_id);"
  "CREATE INDEX designs_owner_id ON designs (owner_id);"
  "CREATE INDEX designs_state ON designs (state);"
  "CREATE INDEX designs_credential_type ON designs (credential_type);"
  "CREATE INDEX designs_title_key ON designs (title_key, title);"
  "CREATE INDEX designs_modified ON designs (modified);",

  /* 1 → 2: the approval workflow: roles, settings, review templates,
   * reviews, comments, decisions, yearly reviews and the history. */
  "ALTER TABLE designs ADD COLUMN approved_revision INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE designs ADD COLUMN approved_on TEXT;"
  "ALTER TABLE designs ADD COLUMN review_due TEXT;"
  "ALTER TABLE revisions ADD COLUMN frozen_at INTEGER;"
  /* A submitted revision never changes again, whoever writes to the file. */
  "CREATE TRIGGER revisions_frozen BEFORE UPDATE ON revisions"
  "  WHEN OLD.frozen_at IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'a submitted revision cannot be changed'); END;"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  /* unit_id 0: the role holds for every unit. */
  "CREATE TABLE roles ("
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL,"
  "  unit_id INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (person_id, role, unit_id)"
  ");"
  "CREATE TABLE templates ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  content TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  created_by INTEGER REFERENCES people (id),"
  "  UNIQUE (key, version)"
  ");"
  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  design_id INTEGER NOT NULL REFERENCES designs (id) ON DELETE CASCADE,"
  "  revision_number INTEGER NOT NULL,"
  "  reviewer_id INTEGER NOT NULL REFERENCES people (id),"
  "  template_id INTEGER NOT NULL REFERENCES templates (id),"
  "  state TEXT NOT NULL,"
  "  recommendation TEXT NOT NULL DEFAULT 'unset',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  answers TEXT NOT NULL DEFAULT '[]',"
  "  assigned_at INTEGER NOT NULL,"
  "  completed_at INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX reviews_design ON reviews (design_id, revision_number);"
  "CREATE INDEX reviews_reviewer ON reviews (reviewer_id, state);"
  "CREATE TABLE comments ("
  "  id INTEGER PRIMARY KEY,"
  "  design_id INTEGER NOT NULL REFERENCES designs (id) ON DELETE CASCADE,"
  "  revision_number INTEGER NOT NULL,"
  "  review_id INTEGER REFERENCES reviews (id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES comments (id) ON DELETE CASCADE,"
  "  author_id INTEGER NOT NULL REFERENCES people (id),"
  "  field_id TEXT,"
  "  item_index INTEGER NOT NULL DEFAULT -1,"
  "  item_field TEXT,"
  "  text TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  resolved_by INTEGER REFERENCES people (id),"
  "  resolved_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX comments_design ON comments (design_id, revision_number);"
  "CREATE TABLE decisions ("
  "  id INTEGER PRIMARY KEY,"
  "  design_id INTEGER NOT NULL REFERENCES designs (id) ON DELETE CASCADE,"
  "  revision_number INTEGER NOT NULL,"
  "  outcome TEXT NOT NULL,"
  "  meeting_date TEXT NOT NULL,"
  "  reference TEXT NOT NULL,"
  "  comment TEXT NOT NULL DEFAULT '',"
  "  decided_by INTEGER NOT NULL REFERENCES people (id),"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE INDEX decisions_design ON decisions (design_id);"
  "CREATE INDEX decisions_meeting_date ON decisions (meeting_date);"
  "CREATE TABLE conditions ("
  "  id INTEGER PRIMARY KEY,"
  "  decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  met_by INTEGER REFERENCES people (id),"
  "  met_at INTEGER NOT NULL DEFAULT 0,"
  "  evidence TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX conditions_decision ON conditions (decision_id);"
  "CREATE TABLE annual_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  design_id INTEGER NOT NULL REFERENCES designs (id) ON DELETE CASCADE,"
  "  revision_number INTEGER NOT NULL,"
  "  due_on TEXT NOT NULL,"
  "  template_id INTEGER NOT NULL REFERENCES templates (id),"
  "  reviewer_id INTEGER NOT NULL REFERENCES people (id),"
  "  state TEXT NOT NULL,"
  "  outcome TEXT NOT NULL DEFAULT 'unset',"
  "  answers TEXT NOT NULL DEFAULT '[]',"
  "  actions TEXT NOT NULL DEFAULT '',"
  "  completed_at INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  /* One yearly review per design and due date, even from two windows. */
  "CREATE UNIQUE INDEX annual_reviews_design ON annual_reviews (design_id, due_on);"
  "CREATE INDEX annual_reviews_completed ON annual_reviews (completed_at);"
  "CREATE INDEX designs_review_due ON designs (review_due);"
  /* The history.  No foreign key on the design: the events of a deleted
   * draft stay.  Rows are only ever appended. */
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  design_id INTEGER,"
  "  design_uuid TEXT,"
  "  actor_id INTEGER NOT NULL,"
  "  recorded_by_id INTEGER NOT NULL,"
  "  time INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  from_state TEXT,"
  "  to_state TEXT,"
  "  comment TEXT NOT NULL DEFAULT '',"
  "  details TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE INDEX events_design ON events (design_id, id);"
  "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
  "  BEGIN SELECT RAISE (ABORT, 'the history cannot be changed'); END;"
  "CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
  "  BEGIN SELECT RAISE (ABORT, 'the history cannot be changed'); END;",

  /* 2 → 3: issuing: offerings, learners and their results, signing keys,
   * batches and the issued credentials, and the institution's logo. */
  "CREATE TABLE offerings ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  design_id INTEGER NOT NULL REFERENCES designs (id),"
  "  revision_number INTEGER NOT NULL,"
  "  code TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  starts_on TEXT NOT NULL,"
  "  ends_on TEXT NOT NULL,"
  "  mode TEXT NOT NULL,"
  "  location TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  created_by INTEGER NOT NULL REFERENCES people (id),"
  "  UNIQUE (design_id, code)"
  ");"
  "CREATE INDEX offerings_created ON offerings (created_at);"
  "CREATE TABLE learners ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  student_id TEXT NOT NULL UNIQUE,"
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  date_of_birth TEXT"
  ");"
  "CREATE TABLE results ("
  "  id INTEGER PRIMARY KEY,"
  "  offering_id INTEGER NOT NULL REFERENCES offerings (id),"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id),"
  "  grade TEXT NOT NULL,"
  "  completed_on TEXT NOT NULL,"
  "  passed INTEGER NOT NULL,"
  "  UNIQUE (offering_id, learner_id)"
  ");"
  "CREATE INDEX results_learner ON results (learner_id);"
  "CREATE TABLE signing_keys ("
  "  id INTEGER PRIMARY KEY,"
  "  kid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  public_jwk TEXT NOT NULL,"
  "  certificate_pem TEXT,"
  "  private_path TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  created_by INTEGER REFERENCES people (id),"
  "  retired_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE issue_batches ("
  "  id INTEGER PRIMARY KEY,"
  "  offering_id INTEGER NOT NULL REFERENCES offerings (id),"
  "  kid TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  export_dir TEXT,"
  "  data_integrity INTEGER NOT NULL DEFAULT 0,"
  "  total INTEGER NOT NULL DEFAULT 0,"
  "  issued INTEGER NOT NULL DEFAULT 0,"
  "  started_by INTEGER NOT NULL REFERENCES people (id),"
  "  started_at INTEGER NOT NULL,"
  "  finished_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX issue_batches_offering ON issue_batches (offering_id, state);"
  /* The signed forms (jwt, document) live in credential_documents, so
   * that these rows stay small and paging through the register reads
   * few pages.  status_changed_us is in microseconds: caches of the
   * status lists compare it, and two changes can fall in one second. */
  "CREATE TABLE credentials ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  offering_id INTEGER NOT NULL REFERENCES offerings (id),"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id),"
  "  result_id INTEGER NOT NULL REFERENCES results (id),"
  "  batch_id INTEGER NOT NULL REFERENCES issue_batches (id),"
  "  design_id INTEGER NOT NULL REFERENCES designs (id),"
  "  revision_number INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  kid TEXT NOT NULL,"
  "  status_index INTEGER NOT NULL UNIQUE,"
  "  token TEXT NOT NULL UNIQUE,"
  "  state TEXT NOT NULL,"
  "  issued_at INTEGER NOT NULL,"
  "  valid_from TEXT NOT NULL,"
  "  valid_until TEXT,"
  "  status_reason TEXT NOT NULL DEFAULT '',"
  "  status_changed_us INTEGER NOT NULL DEFAULT 0,"
  "  supersedes_id INTEGER REFERENCES credentials (id),"
  "  superseded_by_id INTEGER REFERENCES credentials (id),"
  "  reprints INTEGER NOT NULL DEFAULT 0"
  ");"
  /* Exactly one current credential per learner and offering, whatever
   * crashes, cancels and resumes happen, and whoever writes to the file. */
  "CREATE UNIQUE INDEX credentials_current ON credentials (offering_id, learner_id)"
  "  WHERE state <> 'superseded';"
  /* The register lists newest first: by id within each filter. */
  "CREATE INDEX credentials_offering ON credentials (offering_id, id);"
  "CREATE INDEX credentials_state ON credentials (state, id);"
  "CREATE INDEX credentials_status ON credentials (state, status_index);"
  "CREATE INDEX credentials_batch ON credentials (batch_id, state);"
  "CREATE INDEX credentials_learner ON credentials (learner_id);"
  "CREATE INDEX credentials_status_changed ON credentials (status_changed_us);"
  /* Revocation is final, and a superseded credential stays superseded. */
  "CREATE TRIGGER credentials_final BEFORE UPDATE OF state ON credentials"
  "  WHEN OLD.state IN ('revoked', 'superseded') AND NEW.state <> OLD.state"
  "  BEGIN SELECT RAISE (ABORT, 'a revoked or superseded credential cannot change'); END;"
  "CREATE TABLE credential_documents ("
  "  credential_id INTEGER PRIMARY KEY REFERENCES credentials (id),"
  "  jwt TEXT NOT NULL,"
  "  document TEXT"
  ");"
  /* What was signed never changes. */
  "CREATE TRIGGER credential_documents_frozen BEFORE UPDATE ON credential_documents"
  "  BEGIN SELECT RAISE (ABORT, 'a signed credential cannot be changed'); END;"
  "CREATE TRIGGER credential_documents_kept BEFORE DELETE ON credential_documents"
  "  BEGIN SELECT RAISE (ABORT, 'a signed credential cannot be changed'); END;"
  /* What a search of the register matches: the learner's name and
   * student id, the credential's uuid, its title and the offering's code,
   * folded (see _mc_store_fold_key()).  A table of its own, like
   * design_search, so that a search reads only short rows; a trigram
   * index over it finds any substring of three characters or more
   * without reading them all. */
  "CREATE TABLE credential_search ("
  "  credential_id INTEGER PRIMARY KEY REFERENCES credentials (id),"
  "  search_text TEXT NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE credential_trigrams USING fts5 (search_text, tokenize = 'trigram',"
  "  content = 'credential_search', content_rowid = 'credential_id');"
  "CREATE TRIGGER credential_search_added AFTER INSERT ON credential_search BEGIN"
  "  INSERT INTO credential_trigrams (rowid, search_text) VALUES (NEW.credential_id, NEW.search_text);"
  "  END;"
  "CREATE TRIGGER credential_search_changed AFTER UPDATE ON credential_search BEGIN"
  "  INSERT INTO credential_trigrams (credential_trigrams, rowid, search_text)"
  "    VALUES ('delete', OLD.credential_id, OLD.search_text);"
  "  INSERT INTO credential_trigrams (rowid, search_text) VALUES (NEW.credential_id, NEW.search_text);"
  "  END;"
  "CREATE TRIGGER credential_search_removed AFTER DELETE ON credential_search BEGIN"
  "  INSERT INTO credential_trigrams (credential_trigrams, rowid, search_text)"
  "    VALUES ('delete', OLD.credential_id, OLD.search_text);"
  "  END;"
  /* How many credentials each offering has in each state, kept by the
   * database itself, so that the register counts without counting. */
  "CREATE TABLE credential_counts ("
  "  offering_id INTEGER NOT NULL,"
  "  state TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (offering_id, state)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER credentials_counted AFTER INSERT ON credentials BEGIN"
  "  INSERT INTO credential_counts (offering_id, state, n) VALUES (NEW.offering_id, NEW.state, 1)"
  "    ON CONFLICT (offering_id, state) DO UPDATE SET n = n + 1;"
  "  END;"
  "CREATE TRIGGER credentials_recounted AFTER UPDATE OF state, offering_id ON credentials BEGIN"
  "  UPDATE credential_counts SET n = n - 1 WHERE offering_id = OLD.offering_id AND state = OLD.state;"
  "  INSERT INTO credential_counts (offering_id, state, n) VALUES (NEW.offering_id, NEW.state, 1)"
  "    ON CONFLICT (offering_id, state) DO UPDATE SET n = n + 1;"
  "  END;"
  "CREATE TRIGGER credentials_uncounted AFTER DELETE ON credentials BEGIN"
  "  UPDATE credential_counts SET n = n - 1 WHERE offering_id = OLD.offering_id AND state = OLD.state;"
  "  END;"
  /* Binary settings: the institution's logo. */
  "CREATE TABLE assets ("
  "  name TEXT PRIMARY KEY,"
  "  data BLOB NOT NULL"
  ");",

  /* 3 → 4: other institutions: the trusted partner issuers and the
   * recognition decisions on their credentials. */
  "CREATE TABLE partners ("
  "  id INTEGER PRIMARY KEY,"
  "  issuer_id TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  added_at INTEGER NOT NULL,"
  "  added_by INTEGER NOT NULL REFERENCES people (id)"
  ");"
  /* A decision, with the credential as presented and what its
   * verification found, is a record: it is never changed or removed. */
  "CREATE TABLE recognitions ("
  "  id INTEGER PRIMARY KEY,"
  "  credential_id TEXT NOT NULL,"
  "  issuer_id TEXT NOT NULL,"
  "  issuer_name TEXT NOT NULL DEFAULT '',"
  "  learner_name TEXT NOT NULL DEFAULT '',"
  "  achievement_name TEXT NOT NULL DEFAULT '',"
  "  design_id INTEGER REFERENCES designs (id),"
  "  programme TEXT,"
  "  ects REAL NOT NULL,"
  "  route TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  credential_text TEXT NOT NULL,"
  "  verification TEXT NOT NULL,"
  "  verdict TEXT NOT NULL,"
  "  credits_available REAL NOT NULL DEFAULT 0,"
  "  recorded_at INTEGER NOT NULL,"
  "  recorded_by INTEGER NOT NULL REFERENCES people (id),"
  "  CHECK ((design_id IS NULL) <> (programme IS NULL)),"
  "  CHECK (ects > 0)"
  ");"
  "CREATE INDEX recognitions_credential ON recognitions (credential_id);"
  "CREATE TRIGGER recognitions_frozen BEFORE UPDATE ON recognitions"
  "  BEGIN SELECT RAISE (ABORT, 'a recognition decision cannot be changed'); END;"
  "CREATE TRIGGER recognitions_kept BEFORE DELETE ON recognitions"
  "  BEGIN SELECT RAISE (ABORT, 'a recognition decision cannot be changed'); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == MC_STORE_SCHEMA_VERSION);

/* Tables every database of schema version 1 or later has. */
#define MC_STORE_CORE_TABLES "'units', 'people', 'designs', 'design_search', 'revisions'"
#define MC_STORE_N_CORE_TABLES 5

static void
mc_store_finalize (GObject *object)
{
  McStore *self = MC_STORE (object);

  /* Statements first: sqlite3_close() refuses while any is unfinalized. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  release_file (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (mc_store_parent_class)->finalize (object);
}

static void
mc_store_class_init (McStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
mc_store_init (McStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* Errors */

static void
set_corrupt_error (McStore  *self,
                   GError  **error)
{
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
               _("“%s” is not a Microcred database or is damaged"),
               self->display_name);
}

static void
set_read_only_error (McStore  *self,
                     GError  **error)
{
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_READ_ONLY,
               _("“%s” cannot be changed: you are not allowed to write to the file or to its folder"),
               self->display_name);
}

void
_mc_store_set_error (McStore  *self,
                     int       rc,
                     GError  **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_LOCKED,
                   _("“%s” is in use by another program; close it and try again"),
                   self->display_name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      set_read_only_error (self, error);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      set_corrupt_error (self, error);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                   _("“%s” refused the change: %s"),
                   self->display_name, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_FAILED,
                   _("There is no space left on the disk to save “%s”"),
                   self->display_name);
      break;
    default:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_FAILED,
                   _("Could not use “%s”: %s"),
                   self->display_name, detail);
      break;
    }
}

/* Statements */

McStmt *
_mc_store_prepare (McStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (MC_IS_STORE (self));
  g_assert (sql != NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _mc_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
_mc_store_release (McStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

int
_mc_store_step (McStore  *self,
                McStmt   *stmt,
                GError  **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _mc_store_set_error (self, rc, error);

  return rc;
}

McStmt *
_mc_store_select_by_id (McStore     *self,
                        const char  *sql,
                        gint64       id,
                        GError     **error,
                        const char  *not_found_format,
                        ...)
{
  g_autoptr(McStmt) stmt = _mc_store_prepare (self, sql, error);
  va_list args;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = _mc_store_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return g_steal_pointer (&stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *message = NULL;

      va_start (args, not_found_format);
      message = g_strdup_vprintf (not_found_format, args);
      va_end (args);
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND, message);
    }
  return NULL;
}

gboolean
_mc_store_exec (McStore  *self,
                McStmt   *stmt,
                GError  **error)
{
  int rc;

  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    ;

  return rc == SQLITE_DONE;
}

void
_mc_store_bind_text (McStmt     *stmt,
                     int         index,
                     const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_mc_store_bind_id (McStmt *stmt,
                   int     index,
                   gint64  id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
_mc_store_column_text (McStmt *stmt,
                       int     column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

sqlite3 *
_mc_store_get_db (McStore *self)
{
  return self->db;
}

const char *
_mc_store_get_display_name (McStore *self)
{
  return self->display_name;
}

static gboolean
exec_sql (McStore     *self,
          const char  *sql,
          GError     **error)
{
  g_autoptr(McStmt) stmt = _mc_store_prepare (self, sql, error);

  return stmt != NULL && _mc_store_exec (self, stmt, error);
}

/* Transactions */

/**
 * mc_store_run_in_transaction:
 * @self: a #McStore
 * @func: (scope call): the work to do
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Runs @func inside one transaction, or inside a savepoint if a
 * transaction is already open, so that writes compose.  The work is
 * committed if @func returns %TRUE and rolled back whole otherwise.
 *
 * Returns: %TRUE if @func succeeded and its work was committed
 */
gboolean
mc_store_run_in_transaction (McStore                *self,
                             McStoreTransactionFunc  func,
                             gpointer                user_data,
                             GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean nested;
  gboolean ok;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  nested = self->transaction_depth > 0;
  /* BEGIN IMMEDIATE takes the write lock now, so that a busy database
   * fails here rather than half-way through the work. */
  if (!exec_sql (self, nested ? "SAVEPOINT mc_store" : "BEGIN IMMEDIATE", error))
    return FALSE;

  self->transaction_depth++;
  ok = func (self, user_data, &local_error);
  self->transaction_depth--;

  if (ok)
    ok = exec_sql (self, nested ? "RELEASE mc_store" : "COMMIT", &local_error);

  if (!ok)
    {
      /* SQLite may already have rolled back by itself (disk full, I/O
       * error); then there is nothing left to undo at the top level. */
      if (nested)
        {
          exec_sql (self, "ROLLBACK TO mc_store", NULL);
          exec_sql (self, "RELEASE mc_store", NULL);
        }
      else if (!sqlite3_get_autocommit (self->db))
        {
          exec_sql (self, "ROLLBACK", NULL);
        }

      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return ok;
}

/* Opening */

static gboolean
query_int (McStore     *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Checks run once per open: no need to keep these statements. */
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      _mc_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The database files this process has open, by device and inode, with
 * how many stores hold each.  Reading such a file with stdio would undo
 * the other connections' locks on it: closing any descriptor of a file
 * drops every POSIX lock the process holds on it. */
static GMutex      open_files_lock;
static GHashTable *open_files;

static char *
file_key (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st.st_dev, (guint64) st.st_ino);
}

/* Called with open_files_lock held, once the connection is open. */
static void
hold_file (McStore *self)
{
  guint count;

  self->file_key = file_key (self->path);
  if (self->file_key == NULL)
    return;
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->file_key));
  g_hash_table_insert (open_files, g_strdup (self->file_key), GUINT_TO_POINTER (count + 1));
}

static void
release_file (McStore *self)
{
  guint count;

  if (self->file_key == NULL)
    return;
  g_mutex_lock (&open_files_lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->file_key));
  if (count <= 1)
    g_hash_table_remove (open_files, self->file_key);
  else
    g_hash_table_insert (open_files, g_strdup (self->file_key), GUINT_TO_POINTER (count - 1));
  g_mutex_unlock (&open_files_lock);
  g_clear_pointer (&self->file_key, g_free);
}

static gboolean
file_is_open_here (const char *path)
{
  g_autofree char *key = file_key (path);

  return key != NULL && open_files != NULL && g_hash_table_contains (open_files, key);
}

static gboolean
has_log (McStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Looks at the file before SQLite does: a file that is not an SQLite
 * database, or one that was cut short, is refused without touching it. */
static gboolean
check_file_header (McStore  *self,
                   GError  **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[SQLITE_HEADER_SIZE];
  GStatBuf st;
  FILE *file;
  size_t n_read;
  guint32 page_size;

  if (g_stat (self->path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      set_corrupt_error (self, error);
      return FALSE;
    }

  /* An empty file is a new, empty database. */
  if (st.st_size == 0)
    return TRUE;

  file = g_fopen (self->path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"),
                   self->display_name, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      set_corrupt_error (self, error);
      return FALSE;
    }

  /* The page count in the header is valid when the change counter
   * (offset 24) matches the version-valid-for number (offset 92).  With
   * a write-ahead log beside the file, another program may be copying
   * pages into it (page 1, with the new count, before the pages that
   * grow the file), so the count is only weighed without a log. */
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (!has_log (self) && read_be32 (header + 24) == read_be32 (header + 92) &&
      (guint64) read_be32 (header + 28) * page_size > (guint64) st.st_size)
    {
      set_corrupt_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable (McStore  *self,
                gboolean  exists,
                GError  **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);

  /* SQLite needs to create its -wal and -shm files next to the database. */
  if ((exists && g_access (self->path, W_OK) != 0) || g_access (folder, W_OK) != 0)
    {
      set_read_only_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Decides whether the open file is ours and readable by this build,
 * without writing anything. */
static gboolean
check_contents (McStore  *self,
                int      *user_version,
                GError  **error)
{
  int application_id = 0;
  int n_tables = 0;
  int n_core_tables = 0;

  if (sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      _mc_store_set_error (self, sqlite3_errcode (self->db), error);
      return FALSE;
    }

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                  &n_tables, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                        "AND name IN (" MC_STORE_CORE_TABLES ")",
                  &n_core_tables, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if ((guint32) application_id == MC_STORE_APPLICATION_ID)
    {
      if (*user_version > MC_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_TOO_NEW,
                       _("“%s” was written by a newer version of Microcred "
                         "(database version %d; this version reads up to %d)"),
                       self->display_name, *user_version, MC_STORE_SCHEMA_VERSION);
          return FALSE;
        }
      if (*user_version < 0 ||
          (*user_version >= 1 && n_core_tables < MC_STORE_N_CORE_TABLES))
        {
          set_corrupt_error (self, error);
          return FALSE;
        }
      return TRUE;
    }

  /* Another program's database, or tables without our mark. */
  if (application_id != 0 || n_tables > 0 || *user_version != 0)
    {
      set_corrupt_error (self, error);
      return FALSE;
    }

  /* A blank SQLite database: ours to fill. */
  return TRUE;
}

static gboolean
migrate_cb (McStore   *self,
            gpointer   user_data,
            GError   **error)
{
  int from = GPOINTER_TO_INT (user_data);
  g_autofree char *pragmas = NULL;

  for (int version = from; version < MC_STORE_SCHEMA_VERSION; version++)
    {
      int rc = sqlite3_exec (self->db, migrations[version], NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_FAILED,
                       _("Could not update “%s” to database version %d: %s"),
                       self->display_name, version + 1, sqlite3_errmsg (self->db));
          return FALSE;
        }
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             (int) MC_STORE_APPLICATION_ID, MC_STORE_SCHEMA_VERSION);
  if (sqlite3_exec (self->db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
    {
      _mc_store_set_error (self, sqlite3_errcode (self->db), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
noop_cb (McStore   *self,
         gpointer   user_data,
         GError   **error)
{
  return TRUE;
}

static gboolean
open_connection (McStore  *self,
                 int       flags,
                 GError  **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      /* Report with SQLite's message, then drop the half-open handle. */
      _mc_store_set_error (self, rc, error);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, MC_STORE_BUSY_TIMEOUT_MS);
  return TRUE;
}

/* Checks the file's header, unless this process has it open already
 * (and checked it then), and opens the connection; both under the lock,
 * so that no other connection of the process takes a lock on the file
 * while the header is read. */
static gboolean
open_file (McStore   *self,
           gboolean   exists,
           GError   **error)
{
  gboolean in_memory = g_str_equal (self->path, ":memory:");
  gboolean ok;

  g_mutex_lock (&open_files_lock);
  ok = (!exists || file_is_open_here (self->path) || check_file_header (self, error)) &&
       open_connection (self, SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE), error);
  if (ok && !in_memory)
    hold_file (self);
  g_mutex_unlock (&open_files_lock);
  return ok;
}

/**
 * mc_store_open:
 * @path: a file name, or ":memory:" for a throw-away database
 * @flags: #McStoreOpenFlags
 * @error: return location for a #GError
 *
 * Opens the institution's database and migrates its schema forward.  A
 * missing, read-only, locked, foreign, damaged or newer file is refused
 * with an #MC_STORE_ERROR naming it, and is not modified: every check runs
 * before the first write.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
McStore *
mc_store_open (const char        *path,
               McStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(McStore) self = NULL;
  gboolean in_memory;
  gboolean exists;
  int user_version = 0;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mc_core_init ();

  in_memory = g_str_equal (path, ":memory:");
  self = g_object_new (MC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = in_memory ? g_strdup (_("temporary database"))
                                 : g_filename_display_name (path);

  exists = !in_memory && g_file_test (path, G_FILE_TEST_EXISTS);

  if (!in_memory && !exists)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (!(flags & MC_STORE_OPEN_CREATE))
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                       _("There is no database “%s”"), self->display_name);
          return NULL;
        }
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
            set_read_only_error (self, error);
          else
            g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_FAILED,
                         _("Could not create the folder for “%s”: %s"),
                         self->display_name, g_strerror (saved_errno));
          return NULL;
        }
    }

  if (!in_memory && !check_writable (self, exists, error))
    return NULL;
  if (!open_file (self, exists, error))
    return NULL;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_read_only_error (self, error);
      return NULL;
    }

  /* Until the checks pass, refuse writes.  (Closing a refused file in WAL
   * mode only copies other programs' committed pages, if any, from its
   * log into it, as any SQLite reader would.) */
  sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);

  if (!check_contents (self, &user_version, error))
    return NULL;

  sqlite3_exec (self->db, "PRAGMA query_only = OFF", NULL, NULL, NULL);

  if (!in_memory)
    {
      g_autofree char *mode = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      if (mode == NULL)
        {
          _mc_store_set_error (self, rc, error);
          return NULL;
        }
      if (g_ascii_strcasecmp (mode, "wal") != 0)
        g_debug ("%s stays in journal mode %s", path, mode);

      sqlite3_exec (self->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
      /* 32 MiB of page cache keeps the design list of a large institution
       * in memory between searches. */
      sqlite3_exec (self->db, "PRAGMA cache_size = -32000", NULL, NULL, NULL);
    }

  if (sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      _mc_store_set_error (self, sqlite3_errcode (self->db), error);
      return NULL;
    }

  /* Migrate in one transaction.  When there is nothing to migrate, the
   * empty transaction still takes the write lock once, so that a database
   * another program holds is reported now rather than at the first save. */
  if (!mc_store_run_in_transaction (self,
                                    user_version < MC_STORE_SCHEMA_VERSION ? migrate_cb : noop_cb,
                                    GINT_TO_POINTER (user_version), error))
    return NULL;

  self->schema_version = MC_STORE_SCHEMA_VERSION;

  return g_steal_pointer (&self);
}

/**
 * mc_store_get_path:
 * @self: a #McStore
 *
 * Returns: (transfer none): the file name the store was opened with
 */
const char *
mc_store_get_path (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  return self->path;
}

/**
 * mc_store_set_cache_limit:
 * @kib: the most page cache, in KiB (at least 64)
 */
void
mc_store_set_cache_limit (McStore *self,
                          guint    kib)
{
  g_autofree char *pragma = NULL;

  g_return_if_fail (MC_IS_STORE (self));

  pragma = g_strdup_printf ("PRAGMA cache_size = -%u", MAX (kib, 64));
  sqlite3_exec (self->db, pragma, NULL, NULL, NULL);
}

/**
 * mc_store_get_schema_version:
 * @self: a #McStore
 *
 * Returns: the schema version of the open database
 */
int
mc_store_get_schema_version (McStore *self)
{
  g_return_val_if_fail (MC_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * mc_store_default_path:
 *
 * Returns: (transfer full): the default database,
 *   `$XDG_DATA_HOME/microcred/microcred.db`
 */
char *
mc_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "microcred", "microcred.db", NULL);
}

void
mc_store_set_busy_timeout (McStore *self,
                           guint    milliseconds)
{
  g_return_if_fail (MC_IS_STORE (self));
  g_return_if_fail (milliseconds <= G_MAXINT);

  sqlite3_busy_timeout (self->db, (int) milliseconds);
}
