/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-store-private.h"

/* Recognition decisions on other institutions' credentials. */

#define RECOGNITION_COLUMNS \
  "id, credential_id, issuer_id, issuer_name, learner_name, achievement_name, design_id, " \
  "programme, ects, route, note, credential_text, verification, recorded_at, recorded_by, verdict, " \
  "credits_available"

static McRecognition *
recognition_from_row (McStore  *self,
                      McStmt   *stmt,
                      GError  **error)
{
  g_autoptr(McRecognition) recognition = mc_recognition_new ();
  int route = 0;

  if (!_mc_store_parse_enum (self, MC_TYPE_CREDIT_ROUTE, _mc_store_column_text (stmt, 9), &route, error))
    return NULL;
  recognition->id = sqlite3_column_int64 (stmt, 0);
  recognition->credential_id = g_strdup (_mc_store_column_text (stmt, 1));
  recognition->issuer_id = g_strdup (_mc_store_column_text (stmt, 2));
  recognition->issuer_name = g_strdup (_mc_store_column_text (stmt, 3));
  recognition->learner_name = g_strdup (_mc_store_column_text (stmt, 4));
  recognition->achievement_name = g_strdup (_mc_store_column_text (stmt, 5));
  recognition->design_id = sqlite3_column_int64 (stmt, 6);
  recognition->programme = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  recognition->ects = sqlite3_column_double (stmt, 8);
  recognition->route = route;
  recognition->note = g_strdup (_mc_store_column_text (stmt, 10));
  recognition->credential_text = g_strdup (_mc_store_column_text (stmt, 11));
  recognition->verification = g_strdup (_mc_store_column_text (stmt, 12));
  recognition->recorded_at = sqlite3_column_int64 (stmt, 13);
  recognition->recorded_by = sqlite3_column_int64 (stmt, 14);
  recognition->verdict = g_strdup (_mc_store_column_text (stmt, 15));
  recognition->credits_available = sqlite3_column_double (stmt, 16);
  return g_steal_pointer (&recognition);
}

/**
 * mc_store_list_recognitions:
 *
 * Returns: (transfer full) (element-type McRecognition): every decision,
 *   newest first
 */
GPtrArray *
mc_store_list_recognitions (McStore  *self,
                            GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_recognition_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " RECOGNITION_COLUMNS " FROM recognitions "
                            "ORDER BY recorded_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McRecognition *recognition = recognition_from_row (self, stmt, error);

      if (recognition == NULL)
        return NULL;
      g_ptr_array_add (list, recognition);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

gboolean
_mc_store_insert_recognition (McStore        *self,
                              McRecognition  *recognition,
                              GError        **error)
{
  g_autoptr(McStmt) stmt = NULL;
  McRecognition *r = recognition;

  stmt = _mc_store_prepare (self, "INSERT INTO recognitions (credential_id, issuer_id, issuer_name, "
                            "learner_name, achievement_name, design_id, programme, ects, route, note, "
                            "credential_text, verification, recorded_at, recorded_by, verdict, "
                            "credits_available) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, r->credential_id);
  _mc_store_bind_text (stmt, 2, r->issuer_id);
  _mc_store_bind_text (stmt, 3, r->issuer_name != NULL ? r->issuer_name : "");
  _mc_store_bind_text (stmt, 4, r->learner_name != NULL ? r->learner_name : "");
  _mc_store_bind_text (stmt, 5, r->achievement_name != NULL ? r->achievement_name : "");
  _mc_store_bind_id (stmt, 6, r->design_id);
  _mc_store_bind_text (stmt, 7, r->programme);
  sqlite3_bind_double (stmt, 8, r->ects);
  _mc_store_bind_text (stmt, 9, mc_enum_to_nick (MC_TYPE_CREDIT_ROUTE, r->route));
  _mc_store_bind_text (stmt, 10, r->note != NULL ? r->note : "");
  _mc_store_bind_text (stmt, 11, r->credential_text);
  _mc_store_bind_text (stmt, 12, r->verification);
  sqlite3_bind_int64 (stmt, 13, r->recorded_at);
  _mc_store_bind_id (stmt, 14, r->recorded_by);
  _mc_store_bind_text (stmt, 15, r->verdict);
  sqlite3_bind_double (stmt, 16, r->credits_available);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  r->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}
