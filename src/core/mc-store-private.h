/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "mc-store.h"

G_BEGIN_DECLS

/* A cached prepared statement.  g_autoptr(McStmt) does not free it: it
 * resets it and hands it back to the store's cache at the end of the scope. */
typedef sqlite3_stmt McStmt;

McStmt     *_mc_store_prepare          (McStore     *self,
                                        const char  *sql,
                                        GError     **error);
void        _mc_store_release          (McStmt      *stmt);
/* Steps @stmt: returns SQLITE_ROW or SQLITE_DONE, or another code with
 * @error set. */
int         _mc_store_step             (McStore     *self,
                                        McStmt      *stmt,
                                        GError     **error);
/* Runs a statement that returns no rows. */
gboolean    _mc_store_exec             (McStore     *self,
                                        McStmt      *stmt,
                                        GError     **error);
/* Maps an SQLite result code to MC_STORE_ERROR with a message naming the file. */
void        _mc_store_set_error        (McStore     *self,
                                        int          rc,
                                        GError     **error);
sqlite3    *_mc_store_get_db           (McStore     *self);
const char *_mc_store_get_display_name (McStore     *self);
/* Binds a string, or NULL, as a copy. */
void        _mc_store_bind_text        (McStmt      *stmt,
                                        int          index,
                                        const char  *text);
/* Binds an id; 0 becomes NULL. */
void        _mc_store_bind_id          (McStmt      *stmt,
                                        int          index,
                                        gint64       id);
/* Text of a column, never NULL. */
const char *_mc_store_column_text      (McStmt      *stmt,
                                        int          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McStmt, _mc_store_release)

G_END_DECLS
