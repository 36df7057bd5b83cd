/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* The register of issued credentials as a GListModel of
 * McCredentialItem, for a list view of any length: it never holds all
 * the rows.  It counts the credentials matching its query, then reads
 * them from the database a page at a time as the view asks for them,
 * and keeps only the pages used last.  Counting and reading run in a
 * worker thread on a connection of its own (see mc-store-job.h): an item
 * asked for before its page arrives is handed out empty and filled in
 * place when the page comes (McCredentialItem:loaded).
 *
 * A model answers one query; a new search makes a new model.  It is
 * empty until the count arrives: "loading" is TRUE until then. */

#define MC_CREDENTIAL_LIST_PAGE_SIZE 100
/* Pages kept at most. */
#define MC_CREDENTIAL_LIST_MAX_PAGES 8

#define MC_TYPE_CREDENTIAL_LIST_MODEL (mc_credential_list_model_get_type ())
G_DECLARE_FINAL_TYPE (McCredentialListModel, mc_credential_list_model,
                      MC, CREDENTIAL_LIST_MODEL, GObject)

/* @query is copied. */
McCredentialListModel *mc_credential_list_model_new            (McStore                 *store,
                                                                const McCredentialQuery *query);
const McCredentialQuery *mc_credential_list_model_get_query    (McCredentialListModel   *self);
/* TRUE until the count has arrived. */
gboolean               mc_credential_list_model_get_loading    (McCredentialListModel   *self);
/* Why the register could not be read, or NULL. */
const char            *mc_credential_list_model_get_error      (McCredentialListModel   *self);
/* Pages of rows held now, read or being read. */
guint                  mc_credential_list_model_get_n_pages    (McCredentialListModel   *self);
/* Pages read from the database so far (for tests and benchmarks). */
guint                  mc_credential_list_model_get_n_reads    (McCredentialListModel   *self);
/* Shows @summary in the item of the same credential, if it is held;
 * returns whether it was. */
gboolean               mc_credential_list_model_update         (McCredentialListModel     *self,
                                                                const McCredentialSummary *summary);

/* The rows at @positions (McCredentialSummary, in order), read in a
 * worker thread: a selection may span pages that are not held. */
void                   mc_credential_list_model_collect_async  (McCredentialListModel   *self,
                                                                GtkBitset               *positions,
                                                                GCancellable            *cancellable,
                                                                GAsyncReadyCallback      callback,
                                                                gpointer                 user_data);
GPtrArray             *mc_credential_list_model_collect_finish (McCredentialListModel   *self,
                                                                GAsyncResult            *result,
                                                                GError                 **error);

G_END_DECLS
