/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-item.h"
#include "mc-store-private.h"

/* Designs: one row per design with the columns the list shows and filters
 * on, copied from the current revision, and one row per revision holding
 * its content as JSON. */

#define DESIGN_NOT_FOUND_MESSAGE N_("There is no design with the number %lld")

/* Case-insensitive form used on both sides of a search. */
static char *
fold_for_search (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  char *normalized = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);

  return normalized ? normalized : g_strdup ("");
}

/* A locale-independent sort key for titles: casefolded, accents removed
 * and the Latin letters without a decomposition mapped to their base
 * letter, so that "Łódź" sorts among the L's and "Émile" among the E's. */
char *
_mc_store_fold_key (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  GString *key = g_string_sized_new (strlen (title));

  for (const char *p = decomposed ? decomposed : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      switch (c)
        {
        case 0x0111: /* đ */
          c = 'd';
          break;
        case 0x0127: /* ħ */
          c = 'h';
          break;
        case 0x0142: /* ł */
          c = 'l';
          break;
        case 0x00F8: /* ø */
          c = 'o';
          break;
        case 0x00E6: /* æ */
          g_string_append_c (key, 'a');
          c = 'e';
          break;
        case 0x0153: /* œ */
          g_string_append_c (key, 'o');
          c = 'e';
          break;
        case 0x00FE: /* þ */
          g_string_append_c (key, 't');
          c = 'h';
          break;
        default:
          break;
        }
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static char *
build_search_text (McRevision *content,
                   const char *unit_name)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *outcomes = G_LIST_MODEL (mc_revision_get_outcomes (content));
  guint n_outcomes = g_list_model_get_n_items (outcomes);
  const char *title = mc_revision_get_title (content);

  g_string_append (text, title ? title : "");
  g_string_append_c (text, '\n');
  g_string_append (text, unit_name);

  for (guint i = 0; i < n_outcomes; i++)
    {
      g_autoptr(McItem) outcome = g_list_model_get_item (outcomes, i);
      const char *code = mc_item_get_string (outcome, "code");
      const char *outcome_text = mc_item_get_string (outcome, "text");

      g_string_append_printf (text, "\n%s %s", code ? code : "", outcome_text ? outcome_text : "");
    }

  return fold_for_search (text->str);
}

static const char *
design_display_title (McRevision *content)
{
  const char *title = mc_revision_get_title (content);

  return title != NULL && *title != '\0' ? title : _("Untitled design");
}

static char *
content_to_json (McRevision *content)
{
  g_autoptr(JsonNode) node = mc_revision_to_json (content);

  return json_to_string (node, FALSE);
}

/* Checks that the unit and the owner of @design exist, inside the
 * transaction, so that the error names what is wrong rather than quoting
 * SQLite's foreign key message. */
static gboolean
check_references (McStore     *self,
                  McDesign    *design,
                  McRevision  *content,
                  char       **unit_name,
                  GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  gint64 unit_id = mc_design_get_unit_id (design);
  gint64 owner_id = mc_design_get_owner_id (design);
  int rc;

  stmt = _mc_store_prepare (self, "SELECT name FROM units WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = _mc_store_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                 _("The design “%s” belongs to academic unit number %lld, which does not exist"),
                 design_display_title (content), (long long) unit_id);
  if (rc != SQLITE_ROW)
    return FALSE;
  *unit_name = g_strdup (_mc_store_column_text (stmt, 0));

  if (owner_id == 0)
    return TRUE;

  g_clear_pointer (&stmt, _mc_store_release);
  stmt = _mc_store_prepare (self, "SELECT 1 FROM people WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  rc = _mc_store_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                 _("The owner of the design “%s”, person number %lld, does not exist"),
                 design_display_title (content), (long long) owner_id);

  return rc == SQLITE_ROW;
}

/* Writes the content of the design's current revision. */
static gboolean
save_revision (McStore     *self,
               gint64       design_id,
               guint        number,
               McRevision  *content,
               gint64       created,
               GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *json = content_to_json (content);

  stmt = _mc_store_prepare (self,
                            "INSERT INTO revisions (design_id, number, content, created) "
                            "VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (design_id, number) DO UPDATE SET content = excluded.content",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, design_id);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, created);

  return _mc_store_exec (self, stmt, error);
}

static gboolean
save_search_text (McStore     *self,
                  gint64       design_id,
                  const char  *search_text,
                  GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self,
                            "INSERT INTO design_search (design_id, search_text) VALUES (?1, ?2) "
                            "ON CONFLICT (design_id) DO UPDATE SET search_text = excluded.search_text",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, design_id);
  sqlite3_bind_text (stmt, 2, search_text, -1, SQLITE_STATIC);

  return _mc_store_exec (self, stmt, error);
}

typedef struct {
  McDesign   *design;
  McRevision *content;
  char       *uuid;
  guint       revision_number;
  gint64      id;
  gint64      version;
  gint64      created;
  gint64      modified;
} SaveData;

static void
save_data_clear (SaveData *data)
{
  g_clear_object (&data->content);
  g_clear_pointer (&data->uuid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaveData, save_data_clear)

/* Binds the columns shared by INSERT and UPDATE, as ?1 to ?8. */
static void
bind_design_columns (McStmt   *stmt,
                     SaveData *data)
{
  McRevision *content = data->content;
  const char *title = mc_revision_get_title (content);
  g_autofree char *title_key = _mc_store_fold_key (title ? title : "");

  _mc_store_bind_text (stmt, 1, mc_enum_to_nick (MC_TYPE_DESIGN_STATE,
                                                 mc_design_get_state (data->design)));
  sqlite3_bind_int64 (stmt, 2, mc_design_get_unit_id (data->design));
  _mc_store_bind_id (stmt, 3, mc_design_get_owner_id (data->design));
  _mc_store_bind_text (stmt, 4, title ? title : "");
  _mc_store_bind_text (stmt, 5, mc_enum_to_nick (MC_TYPE_CREDENTIAL_TYPE,
                                                 mc_revision_get_credential_type (content)));
  sqlite3_bind_double (stmt, 6, mc_revision_get_ects (content));
  sqlite3_bind_int (stmt, 7, mc_revision_get_eqf_level (content));
  _mc_store_bind_text (stmt, 8, title_key);
}

static gboolean
insert_design_cb (McStore   *self,
                  gpointer   user_data,
                  GError   **error)
{
  SaveData *data = user_data;
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(McDesign) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *unit_name = NULL;
  g_autofree char *search_text = NULL;

  existing = mc_store_find_design_by_uuid (self, data->uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                   _("The design “%s” is already in the database (identifier %s)"),
                   design_display_title (mc_design_get_content (existing)), data->uuid);
      return FALSE;
    }

  if (!check_references (self, data->design, data->content, &unit_name, error))
    return FALSE;
  search_text = build_search_text (data->content, unit_name);

  stmt = _mc_store_prepare (self,
                            "INSERT INTO designs (state, unit_id, owner_id, title, "
                            "credential_type, ects, eqf_level, title_key, uuid, "
                            "revision_number, version, created, modified, "
                            "approved_revision, approved_on, review_due) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?12, "
                            "?13, ?14, ?15)",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_design_columns (stmt, data);
  _mc_store_bind_text (stmt, 9, data->uuid);
  sqlite3_bind_int64 (stmt, 10, data->revision_number);
  sqlite3_bind_int64 (stmt, 11, data->created);
  sqlite3_bind_int64 (stmt, 12, data->modified);
  sqlite3_bind_int64 (stmt, 13, mc_design_get_approved_revision (data->design));
  _mc_store_bind_text (stmt, 14, mc_design_get_approved_on (data->design));
  _mc_store_bind_text (stmt, 15, mc_design_get_review_due (data->design));
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  data->version = 1;

  return save_search_text (self, data->id, search_text, error) &&
         save_revision (self, data->id, data->revision_number, data->content,
                        data->modified, error);
}

static void
save_data_init (SaveData *data,
                McDesign *design)
{
  McRevision *content = mc_design_get_content (design);
  const char *uuid = mc_design_get_uuid (design);

  data->design = design;
  data->content = content ? g_object_ref (content) : mc_revision_new ();
  data->uuid = uuid != NULL && *uuid != '\0' ? g_strdup (uuid) : g_uuid_string_random ();
  data->revision_number = MAX (mc_design_get_revision_number (design), 1);
  data->version = mc_design_get_version (design);
  data->created = mc_design_get_created (design);
  data->modified = mc_design_get_modified (design);
}

/* What is written must read back: content beyond its fields' hard limits
 * (an over-long title, a line break in a one-line field) is refused here,
 * naming the field, rather than stored as a design no one could open. */
static gboolean
check_content (McDesign  *design,
               GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (mc_revision_check (mc_design_get_content (design), &local_error))
    return TRUE;

  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
               /* Translators: %s says which field and what is wrong with it */
               _("The design cannot be saved: %s"), local_error->message);
  return FALSE;
}

/**
 * mc_store_insert_design:
 * @self: a #McStore
 * @design: a design that is not stored yet (id 0)
 * @error: return location for a #GError
 *
 * Stores a new design and its current revision.  On success sets the
 * design's id, its version to 1, a uuid if it had none, and its created
 * and modified times unless they were set already (an imported design
 * keeps its own).  A uuid that is already stored, or a unit or owner that
 * does not exist, is refused with %MC_STORE_ERROR_CONSTRAINT and nothing
 * is written.
 *
 * Returns: %TRUE if the design was stored
 */
gboolean
mc_store_insert_design (McStore   *self,
                        McDesign  *design,
                        GError   **error)
{
  g_auto(SaveData) data = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  g_return_val_if_fail (mc_design_get_id (design) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_content (design, error))
    return FALSE;

  save_data_init (&data, design);
  if (data.created == 0)
    data.created = now;
  if (data.modified == 0)
    data.modified = data.created > now ? data.created : now;

  if (!mc_store_run_in_transaction (self, insert_design_cb, &data, error))
    return FALSE;

  mc_design_set_id (design, data.id);
  mc_design_set_uuid (design, data.uuid);
  mc_design_set_revision_number (design, data.revision_number);
  mc_design_set_version (design, data.version);
  mc_design_set_created (design, data.created);
  mc_design_set_modified (design, data.modified);

  return TRUE;
}

static gboolean
update_design_cb (McStore   *self,
                  gpointer   user_data,
                  GError   **error)
{
  SaveData *data = user_data;
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *unit_name = NULL;
  g_autofree char *search_text = NULL;

  if (!check_references (self, data->design, data->content, &unit_name, error))
    return FALSE;
  search_text = build_search_text (data->content, unit_name);

  /* Optimistic concurrency: the row only changes if nobody saved it since
   * this copy was loaded.  The state and the revision number are the
   * workflow's (mc-workflow.c): content edits never change them, and a
   * submitted revision is refused by the revisions_frozen trigger. */
  stmt = _mc_store_prepare (self,
                            "UPDATE designs SET unit_id = ?2, owner_id = ?3, "
                            "title = ?4, credential_type = ?5, ects = ?6, eqf_level = ?7, "
                            "title_key = ?8, "
                            "modified = ?10, version = version + 1 "
                            "WHERE id = ?11 AND version = ?12 AND revision_number = ?9",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_design_columns (stmt, data);
  sqlite3_bind_int64 (stmt, 9, data->revision_number);
  sqlite3_bind_int64 (stmt, 10, data->modified);
  sqlite3_bind_int64 (stmt, 11, data->id);
  sqlite3_bind_int64 (stmt, 12, data->version);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_mc_store_get_db (self)) == 0)
    {
      g_autoptr(McStmt) exists = _mc_store_prepare (self, "SELECT 1 FROM designs WHERE id = ?", error);
      int rc;

      if (exists == NULL)
        return FALSE;
      sqlite3_bind_int64 (exists, 1, data->id);
      rc = _mc_store_step (self, exists, error);
      if (rc == SQLITE_ROW)
        g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                     _("“%s” was changed meanwhile by someone else; reload it to see their changes"),
                     design_display_title (data->content));
      else if (rc == SQLITE_DONE)
        g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                     _("“%s” is no longer in the database: someone else deleted it"),
                     design_display_title (data->content));
      return FALSE;
    }

  data->version++;

  return save_search_text (self, data->id, search_text, error) &&
         save_revision (self, data->id, data->revision_number, data->content,
                        data->modified, error);
}

/**
 * mc_store_update_design:
 * @self: a #McStore
 * @design: a stored design
 * @error: return location for a #GError
 *
 * Saves the attributes and the current revision's content of @design.
 * If someone else saved the design since @design was loaded, nothing is
 * written and %MC_STORE_ERROR_CONFLICT is returned; if it was deleted,
 * %MC_STORE_ERROR_NOT_FOUND.  On success the design's version is bumped
 * and its modified time set to now.
 *
 * Returns: %TRUE if the design was saved
 */
gboolean
mc_store_update_design (McStore   *self,
                        McDesign  *design,
                        GError   **error)
{
  g_auto(SaveData) data = { 0 };

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  g_return_val_if_fail (mc_design_get_id (design) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_content (design, error))
    return FALSE;

  save_data_init (&data, design);
  data.id = mc_design_get_id (design);
  data.modified = g_get_real_time () / G_USEC_PER_SEC;

  if (!mc_store_run_in_transaction (self, update_design_cb, &data, error))
    return FALSE;

  mc_design_set_revision_number (design, data.revision_number);
  mc_design_set_version (design, data.version);
  mc_design_set_modified (design, data.modified);

  return TRUE;
}

static McRevision *
parse_content (McStore     *self,
               const char  *uuid,
               const char  *json,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  McRevision *content = NULL;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, &local_error))
    content = mc_revision_new_from_json (json_parser_get_root (parser), &local_error);

  if (content == NULL)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                 _("The stored content of design %s in “%s” is damaged: %s"),
                 uuid, _mc_store_get_display_name (self),
                 local_error ? local_error->message : _("the revision is missing"));

  return content;
}

gboolean
_mc_store_parse_enum (McStore     *self,
                      GType        type,
                      const char  *nick,
                      int         *value,
                      GError     **error)
{
  if (mc_enum_from_nick (type, nick, value))
    return TRUE;

  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
               _("“%s” holds an unknown value “%s”; it may have been written by a newer Microcred"),
               _mc_store_get_display_name (self), nick);
  return FALSE;
}

/**
 * mc_store_load_design:
 * @self: a #McStore
 * @id: a design id
 * @error: return location for a #GError
 *
 * Loads a design with the content of its current revision.
 *
 * Returns: (transfer full) (nullable): the design, or %NULL with @error set
 *   (%MC_STORE_ERROR_NOT_FOUND if there is no design with this id)
 */
McDesign *
mc_store_load_design (McStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McRevision) content = NULL;
  const char *uuid;
  int state = 0;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _mc_store_select_by_id (self,
                                 "SELECT d.uuid, d.state, d.unit_id, d.owner_id, d.revision_number, "
                                 "d.version, d.created, d.modified, r.content, "
                                 "d.approved_revision, d.approved_on, d.review_due "
                                 "FROM designs AS d LEFT JOIN revisions AS r "
                                 "ON r.design_id = d.id AND r.number = d.revision_number "
                                 "WHERE d.id = ?",
                                 id, error, _(DESIGN_NOT_FOUND_MESSAGE), (long long) id);
  if (stmt == NULL)
    return NULL;

  uuid = _mc_store_column_text (stmt, 0);
  if (!g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("“%s” holds a damaged design: number %lld has no valid identifier"),
                   _mc_store_get_display_name (self), (long long) id);
      return NULL;
    }
  if (!_mc_store_parse_enum (self, MC_TYPE_DESIGN_STATE, _mc_store_column_text (stmt, 1), &state, error))
    return NULL;
  content = parse_content (self, uuid, (const char *) sqlite3_column_text (stmt, 8), error);
  if (content == NULL)
    return NULL;

  design = mc_design_new ();
  mc_design_set_id (design, id);
  mc_design_set_uuid (design, uuid);
  mc_design_set_state (design, state);
  mc_design_set_unit_id (design, sqlite3_column_int64 (stmt, 2));
  mc_design_set_owner_id (design, sqlite3_column_int64 (stmt, 3));
  mc_design_set_revision_number (design, sqlite3_column_int (stmt, 4));
  mc_design_set_version (design, sqlite3_column_int64 (stmt, 5));
  mc_design_set_created (design, sqlite3_column_int64 (stmt, 6));
  mc_design_set_modified (design, sqlite3_column_int64 (stmt, 7));
  mc_design_set_content (design, content);
  mc_design_set_approved_revision (design, sqlite3_column_int (stmt, 9));
  mc_design_set_approved_on (design, (const char *) sqlite3_column_text (stmt, 10));
  mc_design_set_review_due (design, (const char *) sqlite3_column_text (stmt, 11));

  return g_steal_pointer (&design);
}

/**
 * mc_store_find_design_by_uuid:
 * @self: a #McStore
 * @uuid: a design's stable identifier
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the design, or %NULL without an
 *   error if there is none with this uuid
 */
McDesign *
mc_store_find_design_by_uuid (McStore     *self,
                              const char  *uuid,
                              GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _mc_store_prepare (self, "SELECT id FROM designs WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;

  _mc_store_bind_text (stmt, 1, uuid);
  if (_mc_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;

  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _mc_store_release);

  return mc_store_load_design (self, id, error);
}

static gboolean
delete_design_cb (McStore   *self,
                  gpointer   user_data,
                  GError   **error)
{
  gint64 id = *(gint64 *) user_data;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McStmt) stmt = NULL;

  design = mc_store_load_design (self, id, error);
  if (design == NULL)
    return FALSE;

  /* A design that went to review has a history the QA office keeps. */
  if (mc_design_get_state (design) != MC_DESIGN_STATE_DRAFT)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                   _("Only drafts can be deleted; “%s” is %s."),
                   design_display_title (mc_design_get_content (design)),
                   mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)));
      return FALSE;
    }
  stmt = _mc_store_prepare (self, "SELECT 1 FROM revisions WHERE design_id = ? "
                            "AND frozen_at IS NOT NULL LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  switch (_mc_store_step (self, stmt, error))
    {
    case SQLITE_ROW:
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                   _("“%s” was submitted before and has a review history; it cannot be deleted."),
                   design_display_title (mc_design_get_content (design)));
      return FALSE;
    case SQLITE_DONE:
      break;
    default:
      return FALSE;
    }
  g_clear_pointer (&stmt, _mc_store_release);

  stmt = _mc_store_prepare (self, "DELETE FROM designs WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return _mc_store_exec (self, stmt, error);
}

/**
 * mc_store_delete_design:
 * @self: a #McStore
 * @id: a design id
 * @error: return location for a #GError
 *
 * Deletes a draft with all its revisions.  A design in any other state is
 * refused with %MC_STORE_ERROR_CONSTRAINT: once submitted, it belongs to
 * the institution's quality record.
 *
 * Returns: %TRUE if the design was deleted
 */
gboolean
mc_store_delete_design (McStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mc_store_run_in_transaction (self, delete_design_cb, &id, error);
}

/**
 * mc_store_count_designs:
 * @self: a #McStore
 * @error: return location for a #GError
 *
 * Returns: the number of stored designs (0 with @error set on failure)
 */
guint
mc_store_count_designs (McStore  *self,
                        GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = _mc_store_prepare (self, "SELECT count(*) FROM designs", error);
  if (stmt == NULL || _mc_store_step (self, stmt, error) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* A LIKE pattern that matches @search literally anywhere in the text. */
static char *
search_pattern (const char *search)
{
  g_autofree char *folded = fold_for_search (search);
  GString *pattern = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/**
 * mc_store_query_designs:
 * @self: a #McStore
 * @query: (nullable): filters and order, or %NULL for all designs by title
 * @error: return location for a #GError
 *
 * Lists the designs that match every filter of @query.  The search is
 * case-insensitive and matches the title, the unit's name and the
 * outcomes' codes and texts.
 *
 * Returns: (transfer container) (element-type McDesignSummary) (nullable):
 *   the matching designs, or %NULL with @error set
 */
GPtrArray *
mc_store_query_designs (McStore              *self,
                        const McDesignQuery  *query,
                        GError              **error)
{
  static const McDesignQuery all = MC_DESIGN_QUERY_INIT;
  g_autoptr(GString) sql = NULL;
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) designs = NULL;
  g_autofree char *pattern = NULL;
  const char *type_nick = NULL;
  const char *state_nick = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query == NULL)
    query = &all;

  if (query->credential_type >= 0)
    {
      type_nick = mc_enum_to_nick (MC_TYPE_CREDENTIAL_TYPE, query->credential_type);
      g_return_val_if_fail (type_nick != NULL, NULL);
    }
  if (query->state >= 0)
    {
      state_nick = mc_enum_to_nick (MC_TYPE_DESIGN_STATE, query->state);
      g_return_val_if_fail (state_nick != NULL, NULL);
    }
  if (query->search != NULL && *query->search != '\0')
    pattern = search_pattern (query->search);

  /* Numbered parameters, so each filter binds the same number whichever
   * others are present; each combination is prepared once and cached. */
  sql = g_string_new ("SELECT d.id, d.uuid, d.title, d.unit_id, u.name, d.credential_type, "
                      "d.state, d.ects, d.eqf_level, d.modified FROM designs AS d ");
  /* CROSS JOIN keeps designs the outer loop, so that SQLite walks them in
   * the order of the sort index (or by the filters' indexes) and checks
   * each one's search text, rather than sorting all matches afterwards. */
  if (pattern != NULL)
    g_string_append (sql, "CROSS JOIN design_search AS s ON s.design_id = d.id ");
  g_string_append (sql, "JOIN units AS u ON u.id = d.unit_id WHERE 1");
  if (query->unit_id != 0)
    g_string_append (sql, " AND d.unit_id = ?1");
  if (type_nick != NULL)
    g_string_append (sql, " AND d.credential_type = ?2");
  if (state_nick != NULL)
    g_string_append (sql, " AND d.state = ?3");
  if (pattern != NULL)
    g_string_append (sql, " AND s.search_text LIKE ?4 ESCAPE '\\'");
  if (query->sort == MC_DESIGN_SORT_MODIFIED)
    g_string_append (sql, " ORDER BY d.modified DESC, d.id DESC");
  else
    g_string_append (sql, " ORDER BY d.title_key, d.title, d.id");

  stmt = _mc_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (query->unit_id != 0)
    sqlite3_bind_int64 (stmt, 1, query->unit_id);
  if (type_nick != NULL)
    sqlite3_bind_text (stmt, 2, type_nick, -1, SQLITE_STATIC);
  if (state_nick != NULL)
    sqlite3_bind_text (stmt, 3, state_nick, -1, SQLITE_STATIC);
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 4, pattern, -1, SQLITE_STATIC);

  designs = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      int type = 0;
      int state = 0;

      if (!_mc_store_parse_enum (self, MC_TYPE_CREDENTIAL_TYPE, _mc_store_column_text (stmt, 5), &type, error) ||
          !_mc_store_parse_enum (self, MC_TYPE_DESIGN_STATE, _mc_store_column_text (stmt, 6), &state, error))
        return NULL;

      g_ptr_array_add (designs,
                       mc_design_summary_new (sqlite3_column_int64 (stmt, 0),
                                              _mc_store_column_text (stmt, 1),
                                              _mc_store_column_text (stmt, 2),
                                              sqlite3_column_int64 (stmt, 3),
                                              _mc_store_column_text (stmt, 4),
                                              type, state,
                                              sqlite3_column_double (stmt, 7),
                                              sqlite3_column_int (stmt, 8),
                                              sqlite3_column_int64 (stmt, 9)));
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&designs);
}
