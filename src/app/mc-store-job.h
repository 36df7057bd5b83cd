/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Long reads of the database (the whole history, a yearly report) off the
 * main thread.  A store object is not thread-safe, so the job runs in a
 * worker thread on a connection of its own, opened on the same file.  An
 * in-memory database cannot be opened twice: its jobs run in the main
 * thread on @store itself (only tests use one). */

/* Returns the job's result (freed with the @result_free given to
 * mc_store_job_run), or NULL with @error set. */
typedef gpointer (*McStoreJobFunc) (McStore       *store,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);

void     mc_store_job_run    (McStore             *store,
                              McStoreJobFunc       func,
                              gpointer             data,
                              GDestroyNotify       data_free,
                              GDestroyNotify       result_free,
                              gpointer             source_object,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
/* The result (transfer full), or NULL with @error set. */
gpointer mc_store_job_finish (GAsyncResult        *result,
                              GError             **error);

G_END_DECLS
