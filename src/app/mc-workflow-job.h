/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Workflow calls that take a while (generating an RSA key, opening a
 * PKCS #12 file or an encrypted private key, recording thousands of
 * results) off the main thread.  A workflow and its store are not
 * thread-safe, so the job runs on a workflow of its own: on a connection
 * of its own to the same database (see mc-store-job.h), for the same
 * account, acting for the same person, on the same "today" as
 * @workflow. */

/* Returns the job's result (freed with the @result_free given to
 * mc_workflow_job_run), or NULL with @error set. */
typedef gpointer (*McWorkflowJobFunc) (McWorkflow  *workflow,
                                       gpointer     data,
                                       GError     **error);

void     mc_workflow_job_run         (McWorkflow          *workflow,
                                      McWorkflowJobFunc    func,
                                      gpointer             data,
                                      GDestroyNotify       data_free,
                                      GDestroyNotify       result_free,
                                      gpointer             source_object,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* The result (transfer full), or NULL with @error set. */
gpointer mc_workflow_job_finish      (GAsyncResult        *result,
                                      GError             **error);

/* Frees a passphrase copied into a job's data, overwriting it first. */
void     mc_workflow_job_free_secret (char                *secret);

G_END_DECLS
