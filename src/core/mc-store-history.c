/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* The history: an append-only, hash-chained list of events.  The first
 * event's prev_hash is GENESIS_HASH. */

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

gboolean
_mc_store_append_event (McStore  *self,
                        McEvent  *event,
                        GError  **error)
{
  g_autoptr(McStmt) last = NULL;
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  last = _mc_store_prepare (self, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  rc = _mc_store_step (self, last, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;

  g_free (event->prev_hash);
  event->prev_hash = g_strdup (rc == SQLITE_ROW ? _mc_store_column_text (last, 1) : GENESIS_HASH);
  event->id = rc == SQLITE_ROW ? sqlite3_column_int64 (last, 0) + 1 : 1;
  if (event->time == 0)
    event->time = g_get_real_time ();
  if (event->recorded_by_id == 0)
    event->recorded_by_id = event->actor_id;
  g_free (event->hash);
  event->hash = mc_event_compute_hash (event);
  g_clear_pointer (&last, _mc_store_release);

  stmt = _mc_store_prepare (self,
                            "INSERT INTO events (id, design_id, design_uuid, actor_id, recorded_by_id, "
                            "time, action, from_state, to_state, comment, details, prev_hash, hash) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->id);
  _mc_store_bind_id (stmt, 2, event->design_id);
  _mc_store_bind_text (stmt, 3, event->design_uuid);
  sqlite3_bind_int64 (stmt, 4, event->actor_id);
  sqlite3_bind_int64 (stmt, 5, event->recorded_by_id);
  sqlite3_bind_int64 (stmt, 6, event->time);
  _mc_store_bind_text (stmt, 7, mc_enum_to_nick (MC_TYPE_ACTION, event->action));
  _mc_store_bind_text (stmt, 8, event->from_state >= 0
                       ? mc_enum_to_nick (MC_TYPE_DESIGN_STATE, event->from_state) : NULL);
  _mc_store_bind_text (stmt, 9, event->to_state >= 0
                       ? mc_enum_to_nick (MC_TYPE_DESIGN_STATE, event->to_state) : NULL);
  _mc_store_bind_text (stmt, 10, event->comment != NULL ? event->comment : "");
  _mc_store_bind_text (stmt, 11, event->details);
  _mc_store_bind_text (stmt, 12, event->prev_hash);
  _mc_store_bind_text (stmt, 13, event->hash);
  return _mc_store_exec (self, stmt, error);
}

/* Reads the event in the current row (see EVENT_COLUMNS).  Returns NULL
 * and sets @problem (not an error: the caller decides) when a stored
 * value is not one this build knows. */
#define EVENT_COLUMNS \
  "e.id, e.design_id, e.design_uuid, e.actor_id, e.recorded_by_id, e.time, e.action, " \
  "e.from_state, e.to_state, e.comment, e.details, e.prev_hash, e.hash, a.name, r.name"

static McEvent *
event_from_row (McStmt  *stmt,
                char   **problem)
{
  g_autoptr(McEvent) event = mc_event_new (MC_ACTION_CREATE);
  const char *nicks[3] = {
    _mc_store_column_text (stmt, 6),
    (const char *) sqlite3_column_text (stmt, 7),
    (const char *) sqlite3_column_text (stmt, 8),
  };
  int action = 0, from = -1, to = -1;

  event->id = sqlite3_column_int64 (stmt, 0);
  if (!mc_enum_from_nick (MC_TYPE_ACTION, nicks[0], &action) ||
      (nicks[1] != NULL && !mc_enum_from_nick (MC_TYPE_DESIGN_STATE, nicks[1], &from)) ||
      (nicks[2] != NULL && !mc_enum_from_nick (MC_TYPE_DESIGN_STATE, nicks[2], &to)))
    {
      *problem = g_strdup_printf (_("event #%lld holds an unknown action or state"),
                                  (long long) event->id);
      return NULL;
    }
  event->design_id = sqlite3_column_int64 (stmt, 1);
  event->design_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  event->actor_id = sqlite3_column_int64 (stmt, 3);
  event->recorded_by_id = sqlite3_column_int64 (stmt, 4);
  event->time = sqlite3_column_int64 (stmt, 5);
  event->action = action;
  event->from_state = from;
  event->to_state = to;
  g_free (event->comment);
  event->comment = g_strdup (_mc_store_column_text (stmt, 9));
  event->details = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  event->prev_hash = g_strdup (_mc_store_column_text (stmt, 11));
  event->hash = g_strdup (_mc_store_column_text (stmt, 12));
  event->actor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
  event->recorded_by_name = g_strdup ((const char *) sqlite3_column_text (stmt, 14));
  return g_steal_pointer (&event);
}

/* The events of the rows of @stmt, in its order. */
static GPtrArray *
read_events (McStore  *self,
             McStmt   *stmt,
             GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_event_free);
  int rc;

  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *problem = NULL;
      McEvent *event = event_from_row (stmt, &problem);

      if (event == NULL)
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                       _("The history in “%s” is damaged: %s"),
                       _mc_store_get_display_name (self), problem);
          return NULL;
        }
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&events);
}

/**
 * mc_store_list_events:
 * @self: a #McStore
 * @design_id: a design, or 0 for the whole history
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type McEvent): the events, oldest first
 */
GPtrArray *
mc_store_list_events (McStore  *self,
                      gint64    design_id,
                      GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  /* Two statements: "?1 = 0 OR design_id = ?1" would not use the index. */
  stmt = _mc_store_prepare (self, design_id != 0
                            ? "SELECT " EVENT_COLUMNS " FROM events AS e "
                              "LEFT JOIN people AS a ON a.id = e.actor_id "
                              "LEFT JOIN people AS r ON r.id = e.recorded_by_id "
                              "WHERE e.design_id = ?1 ORDER BY e.id"
                            : "SELECT " EVENT_COLUMNS " FROM events AS e "
                              "LEFT JOIN people AS a ON a.id = e.actor_id "
                              "LEFT JOIN people AS r ON r.id = e.recorded_by_id "
                              "WHERE ?1 = 0 ORDER BY e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  return read_events (self, stmt, error);
}

/**
 * mc_store_list_events_before:
 * @self: a #McStore
 * @design_id: a design, or 0 for the whole history
 * @before_id: only events older than this one, or 0 for the newest
 * @limit: how many events at most
 * @error: return location for a #GError
 *
 * Reads one page of the history, so that a long history can be shown
 * without reading all of it: pass the id of the oldest event of a page as
 * @before_id to get the next one.
 *
 * Returns: (transfer full) (element-type McEvent): the events, newest first
 */
GPtrArray *
mc_store_list_events_before (McStore  *self,
                             gint64    design_id,
                             gint64    before_id,
                             guint     limit,
                             GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " EVENT_COLUMNS " FROM events AS e "
                            "LEFT JOIN people AS a ON a.id = e.actor_id "
                            "LEFT JOIN people AS r ON r.id = e.recorded_by_id "
                            "WHERE (?1 = 0 OR e.design_id = ?1) AND (?2 = 0 OR e.id < ?2) "
                            "ORDER BY e.id DESC LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  sqlite3_bind_int64 (stmt, 2, before_id);
  sqlite3_bind_int64 (stmt, 3, limit);
  return read_events (self, stmt, error);
}

/**
 * mc_store_list_credential_events:
 * @self: a #McStore
 * @uuid: a credential's uuid
 * @error: return location for a #GError
 *
 * The history of one issued credential: the events of its design that
 * name it, from its issue to its re-issue, suspensions, reprints and
 * revocation, and the re-issue that made it (as the replacement).  The
 * design's events are read in the database, so a worker thread is the
 * place to call it for a design with many credentials.
 *
 * Returns: (transfer full) (element-type McEvent): the events, oldest
 *   first; empty for a credential that is not known
 */
GPtrArray *
mc_store_list_credential_events (McStore     *self,
                                 const char  *uuid,
                                 GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = _mc_store_prepare (self, "SELECT " EVENT_COLUMNS " FROM events AS e "
                            "LEFT JOIN people AS a ON a.id = e.actor_id "
                            "LEFT JOIN people AS r ON r.id = e.recorded_by_id "
                            "WHERE e.design_id = (SELECT design_id FROM credentials WHERE uuid = ?1) "
                            "AND json_valid (e.details) "
                            "AND (json_extract (e.details, '$.credential') = ?1 "
                            "OR json_extract (e.details, '$.replacement') = ?1) "
                            "ORDER BY e.id", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, uuid);
  return read_events (self, stmt, error);
}

guint64
mc_store_count_events (McStore  *self,
                       GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), 0);

  stmt = _mc_store_prepare (self, "SELECT count(*) FROM events", error);
  if (stmt == NULL || _mc_store_step (self, stmt, error) != SQLITE_ROW)
    return 0;
  return (guint64) sqlite3_column_int64 (stmt, 0);
}

void
mc_history_check_clear (McHistoryCheck *check)
{
  g_clear_pointer (&check->reason, g_free);
  g_clear_pointer (&check->head_hash, g_free);
  memset (check, 0, sizeof *check);
}

static void
mark_broken (McHistoryCheck *check,
             gint64          id,
             char           *reason)
{
  check->intact = FALSE;
  check->first_broken_id = id;
  check->reason = reason;
}

/**
 * mc_store_verify_history:
 * @self: a #McStore
 * @check: (out caller-allocates): the result; clear it with
 *   mc_history_check_clear()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Walks the whole history in order, recomputing every event's hash and
 * checking that it links to the one before.  An event changed, removed or
 * inserted behind the application's back breaks the chain there.
 *
 * Returns: %FALSE only if the history could not be read (or the check
 *   was cancelled); whether it is intact is in @check
 */
gboolean
mc_store_verify_history (McStore         *self,
                         McHistoryCheck  *check,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  gint64 expected_id = 1;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  memset (check, 0, sizeof *check);
  check->intact = TRUE;

  stmt = _mc_store_prepare (self, "SELECT " EVENT_COLUMNS " FROM events AS e "
                            "LEFT JOIN people AS a ON 0 LEFT JOIN people AS r ON 0 "
                            "ORDER BY e.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *problem = NULL;
      g_autoptr(McEvent) event = event_from_row (stmt, &problem);
      g_autofree char *hash = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if ((check->n_checked & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (event == NULL)
        {
          mark_broken (check, id, g_steal_pointer (&problem));
          break;
        }
      if (id != expected_id)
        {
          mark_broken (check, id, g_strdup_printf (_("event #%lld follows event #%lld: events are missing"),
                                                   (long long) id, (long long) expected_id - 1));
          break;
        }
      if (g_strcmp0 (event->prev_hash, expected_prev) != 0)
        {
          mark_broken (check, id, g_strdup_printf (_("event #%lld does not link to the event before it"),
                                                   (long long) id));
          break;
        }
      hash = mc_event_compute_hash (event);
      if (g_strcmp0 (hash, event->hash) != 0)
        {
          mark_broken (check, id, g_strdup_printf (_("event #%lld was changed after it was recorded"),
                                                   (long long) id));
          break;
        }
      check->n_checked++;
      expected_id = id + 1;
      g_free (expected_prev);
      expected_prev = g_steal_pointer (&hash);
    }
  if (check->intact && rc != SQLITE_DONE)
    return FALSE;
  check->head_hash = g_steal_pointer (&expected_prev);
  return TRUE;
}
