/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-batch-issuer-private.h"

/* The issuer's settings, its progress signal and the asynchronous run.
 * The run is in mc-batch-issuer-run.c, the workers in
 * mc-batch-issuer-worker.c and the manifest in
 * mc-batch-issuer-manifest.c. */

#define DEFAULT_JOBS 2
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 20)

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (McBatchIssuer, mc_batch_issuer, G_TYPE_OBJECT)

static void
mc_batch_issuer_finalize (GObject *object)
{
  McBatchIssuer *self = MC_BATCH_ISSUER (object);

  g_free (self->database_path);
  g_free (self->username);
  g_free (self->act_as);
  g_clear_object (&self->key);
  g_clear_object (&self->data_integrity_key);
  g_free (self->export_dir);
  g_clear_pointer (&self->progress_context, g_main_context_unref);

  G_OBJECT_CLASS (mc_batch_issuer_parent_class)->finalize (object);
}

static void
mc_batch_issuer_class_init (McBatchIssuerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_batch_issuer_finalize;

  /**
   * McBatchIssuer::progress:
   * @done: credentials of the batch signed so far
   * @total: credentials in the batch
   */
  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
mc_batch_issuer_init (McBatchIssuer *self)
{
  self->jobs = DEFAULT_JOBS;
  self->paper = MC_PAPER_A4;
}

/**
 * mc_batch_issuer_new:
 * @database_path: the institution's database file
 * @username: the registrar's account
 * @act_as: (nullable): the account an administrator acts for
 *
 * Returns: (transfer full): an issuer
 */
McBatchIssuer *
mc_batch_issuer_new (const char *database_path,
                     const char *username,
                     const char *act_as)
{
  McBatchIssuer *self;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);

  self = g_object_new (MC_TYPE_BATCH_ISSUER, NULL);
  self->database_path = g_strdup (database_path);
  self->username = g_strdup (username);
  self->act_as = g_strdup (act_as);
  return self;
}

void
mc_batch_issuer_set_jobs (McBatchIssuer *self,
                          guint          jobs)
{
  g_return_if_fail (MC_IS_BATCH_ISSUER (self));
  g_return_if_fail (!self->running);

  self->jobs = CLAMP (jobs, MC_BATCH_ISSUER_MIN_JOBS, MC_BATCH_ISSUER_MAX_JOBS);
}

guint
mc_batch_issuer_get_jobs (McBatchIssuer *self)
{
  g_return_val_if_fail (MC_IS_BATCH_ISSUER (self), 0);

  return self->jobs;
}

void
mc_batch_issuer_set_signing_key (McBatchIssuer *self,
                                 McSigningKey  *key)
{
  g_return_if_fail (MC_IS_BATCH_ISSUER (self));
  g_return_if_fail (key == NULL || MC_IS_SIGNING_KEY (key));
  g_return_if_fail (!self->running);

  g_set_object (&self->key, key);
}

void
mc_batch_issuer_set_data_integrity_key (McBatchIssuer *self,
                                        McSigningKey  *key)
{
  g_return_if_fail (MC_IS_BATCH_ISSUER (self));
  g_return_if_fail (key == NULL || MC_IS_SIGNING_KEY (key));
  g_return_if_fail (!self->running);

  g_set_object (&self->data_integrity_key, key);
}

void
mc_batch_issuer_set_paper (McBatchIssuer *self,
                           McPaperSize    paper)
{
  g_return_if_fail (MC_IS_BATCH_ISSUER (self));
  g_return_if_fail (!self->running);

  self->paper = paper;
}

void
mc_batch_issuer_set_export_dir (McBatchIssuer *self,
                                const char    *export_dir)
{
  g_return_if_fail (MC_IS_BATCH_ISSUER (self));
  g_return_if_fail (!self->running);

  g_free (self->export_dir);
  self->export_dir = g_strdup (export_dir);
}

void
mc_batch_issuer_get_stats (McBatchIssuer      *self,
                           McBatchIssuerStats *stats)
{
  g_return_if_fail (MC_IS_BATCH_ISSUER (self));
  g_return_if_fail (stats != NULL);

  *stats = self->stats;
}

typedef struct {
  McBatchIssuer *self;
  guint          done;
  guint          total;
} Progress;

static gboolean
emit_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  g_signal_emit (progress->self, signals[SIGNAL_PROGRESS], 0, progress->done, progress->total);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer user_data)
{
  Progress *progress = user_data;

  g_object_unref (progress->self);
  g_free (progress);
}

void
_mc_batch_issuer_progress (McBatchIssuer *self,
                           guint          done,
                           guint          total,
                           gboolean       final)
{
  gint64 now = g_get_monotonic_time ();
  Progress *progress;

  if (!final && now - self->last_progress_us < PROGRESS_INTERVAL_US)
    return;
  self->last_progress_us = now;
  if (self->progress_context == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, done, total);
      return;
    }
  progress = g_new0 (Progress, 1);
  progress->self = g_object_ref (self);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (self->progress_context, G_PRIORITY_DEFAULT, emit_progress_cb, progress,
                              progress_free);
}

static gboolean
start (McBatchIssuer  *self,
       GError        **error)
{
  if (self->running)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("This issuer is already issuing a batch"));
      return FALSE;
    }
  self->running = TRUE;
  self->last_progress_us = 0;
  memset (&self->stats, 0, sizeof self->stats);
  return TRUE;
}

/**
 * mc_batch_issuer_run:
 * @offering_id: the offering to issue
 * @cancellable: (nullable): stops the batch between pages
 *
 * Returns: (transfer full): the finished batch, or %NULL with @error set
 */
McIssueBatch *
mc_batch_issuer_run (McBatchIssuer  *self,
                     gint64          offering_id,
                     GCancellable   *cancellable,
                     GError        **error)
{
  McIssueBatch *batch;

  g_return_val_if_fail (MC_IS_BATCH_ISSUER (self), NULL);

  if (!start (self, error))
    return NULL;
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  batch = _mc_batch_issuer_issue (self, offering_id, cancellable, error);
  self->running = FALSE;
  return batch;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  McBatchIssuer *self = source_object;
  gint64 offering_id = *(gint64 *) task_data;
  GError *error = NULL;
  McIssueBatch *batch = _mc_batch_issuer_issue (self, offering_id, cancellable, &error);

  if (batch == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, batch, (GDestroyNotify) mc_issue_batch_free);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  McBatchIssuer *self = MC_BATCH_ISSUER (object);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  McIssueBatch *batch = g_task_propagate_pointer (G_TASK (result), &error);

  self->running = FALSE;
  if (batch == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, batch, (GDestroyNotify) mc_issue_batch_free);
}

/**
 * mc_batch_issuer_run_async:
 * @offering_id: the offering to issue
 * @cancellable: (nullable): stops the batch between pages
 * @callback: called in the caller's thread-default main context
 * @user_data: for @callback
 */
void
mc_batch_issuer_run_async (McBatchIssuer       *self,
                           gint64               offering_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;

  g_return_if_fail (MC_IS_BATCH_ISSUER (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, mc_batch_issuer_run_async);
  /* A batch that ended DONE is DONE, even if cancelled just after. */
  g_task_set_check_cancellable (outer, FALSE);
  if (!start (self, &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();
  /* The inner task runs the batch; the outer one reports after "running"
   * is cleared in this thread. */
  inner = g_task_new (self, cancellable, run_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, g_memdup2 (&offering_id, sizeof offering_id), g_free);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, run_thread);
}

McIssueBatch *
mc_batch_issuer_run_finish (McBatchIssuer  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (MC_IS_BATCH_ISSUER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mc_batch_issuer_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
