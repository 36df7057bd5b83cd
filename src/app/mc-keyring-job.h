/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-core.h"
#include "mc-keyring.h"

G_BEGIN_DECLS

/* Work with the institution's keys that takes a while (generating an RSA
 * key, opening a PKCS #12 file or an encrypted private key) off the main
 * thread.  A keyring works through a workflow and its store, which are not
 * thread-safe, so the job runs on a workflow of its own: on a connection
 * of its own to the same database (see mc-store-job.h), for the same
 * account and acting for the same person as @workflow. */

/* Returns the job's result (freed with the @result_free given to
 * mc_keyring_job_run), or NULL with @error set. */
typedef gpointer (*McKeyringJobFunc) (McKeyring  *keyring,
                                      gpointer    data,
                                      GError    **error);

void     mc_keyring_job_run    (McWorkflow          *workflow,
                                McKeyringJobFunc     func,
                                gpointer             data,
                                GDestroyNotify       data_free,
                                GDestroyNotify       result_free,
                                gpointer             source_object,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
/* The result (transfer full), or NULL with @error set. */
gpointer mc_keyring_job_finish (GAsyncResult        *result,
                                GError             **error);

/* Frees a passphrase after overwriting it, for the jobs' data. */
void     mc_keyring_job_free_secret (char *secret);

G_END_DECLS
