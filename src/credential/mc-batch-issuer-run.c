/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* syncfs() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-batch-issuer-private.h"
#include "mc-credential-error.h"
#include "mc-workflow.h"

/* The coordinator: it owns the database connection, reserves or resumes
 * the batch, hands pages of credentials to the workers, syncs their
 * files and commits each page, and ends the batch. */

typedef struct {
  McBatchIssuer    *self;
  McStore          *store;
  McWorkflow       *workflow;
  McIssuingContext *context;
  McIssueBatch     *batch;
  char             *export_dir;
  GPtrArray        *workers;   /* McBatchWorker, one per job */
  GCancellable     *cancellable;
} Run;

static void
run_clear (Run *run)
{
  g_clear_object (&run->store);
  g_clear_object (&run->workflow);
  g_clear_object (&run->context);
  g_clear_pointer (&run->batch, mc_issue_batch_free);
  g_clear_pointer (&run->export_dir, g_free);
  g_clear_pointer (&run->workers, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static double
since_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
open_session (Run     *run,
              GError **error)
{
  McBatchIssuer *self = run->self;

  run->store = mc_store_open (self->database_path, MC_STORE_OPEN_DEFAULT, error);
  if (run->store == NULL ||
      (run->workflow = mc_workflow_new (run->store, self->username, error)) == NULL ||
      (self->act_as != NULL && !mc_workflow_act_as (run->workflow, self->act_as, error)))
    return FALSE;
  /* Refused before anything is reserved when the institution is not ready. */
  run->context = mc_issuing_context_new (run->store, error);
  return run->context != NULL;
}

static gboolean
check_keys (Run     *run,
            GError **error)
{
  McSigningKey *di_key = run->self->data_integrity_key;
  g_autoptr(McKeyRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;

  if (run->self->key == NULL)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("Unlock the signing key before issuing"));
      return FALSE;
    }
  if (di_key == NULL)
    return TRUE;
  if (mc_signing_key_get_algorithm (di_key) != MC_KEY_ALGORITHM_EDDSA)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH,
                   _("Data Integrity proofs need an Ed25519 key"));
      return FALSE;
    }
  /* Its address must lead verifiers to a key the institution publishes. */
  record = mc_store_find_key (run->store, mc_signing_key_get_kid (di_key), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (record == NULL)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("The Data Integrity key is not one of the institution's keys"));
      return FALSE;
    }
  return TRUE;
}

/* "<database folder>/exports/<offering code>-batch<id>" */
static char *
default_export_dir (Run     *run,
                    GError **error)
{
  g_autoptr(McOffering) offering = mc_store_load_offering (run->store, run->batch->offering_id, error);
  g_autofree char *database_dir = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *name = NULL;

  if (offering == NULL)
    return NULL;
  absolute = g_canonicalize_filename (run->self->database_path, NULL);
  database_dir = g_path_get_dirname (absolute);
  name = g_strdup_printf ("%s-batch%" G_GINT64_FORMAT, offering->code, run->batch->id);
  g_strdelimit (name, G_DIR_SEPARATOR_S " ", '_');
  return g_build_filename (database_dir, "exports", name, NULL);
}

/* The batch's folder: the one it has, or the default, which is then
 * recorded with the batch (starting the running batch again resumes it). */
static gboolean
keep_export_dir (Run     *run,
                 GError **error)
{
  g_autofree char *dir = NULL;
  McIssueBatch *batch;

  if (run->batch->export_dir != NULL)
    {
      run->export_dir = g_strdup (run->batch->export_dir);
      return TRUE;
    }
  if ((dir = default_export_dir (run, error)) == NULL)
    return FALSE;
  batch = mc_workflow_start_batch (run->workflow, run->batch->offering_id, run->batch->kid, dir,
                                   run->batch->data_integrity, error);
  if (batch == NULL)
    return FALSE;
  g_assert (batch->id == run->batch->id);
  mc_issue_batch_free (run->batch);
  run->batch = batch;
  run->export_dir = g_steal_pointer (&dir);
  return TRUE;
}

/* Creates the folder and removes what a crash left half-written. */
static gboolean
prepare_folder (const char  *dir,
                GError     **error)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the export folder “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  if ((listing = g_dir_open (dir, 0, error)) == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, MC_BATCH_ISSUER_TEMP_SUFFIX))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  return TRUE;
}

/* Every file of the folder's file system on disk, renames included. */
static gboolean
sync_folder (const char  *dir,
             GError     **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno = 0;

  if (fd < 0 || syncfs (fd) != 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (saved_errno != 0)
    {
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
page_clear (McBatchPage *page)
{
  g_free (page->done);
  g_clear_error (&page->error);
  g_free (page->failed_holder);
  g_mutex_clear (&page->lock);
  g_cond_clear (&page->cond);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McBatchPage, page_clear)

static gpointer
worker_thread (gpointer data)
{
  McBatchWorker *worker = ((gpointer *) data)[0];
  McBatchPage *page = ((gpointer *) data)[1];

  _mc_batch_worker_run_page (worker, page);
  return NULL;
}

/* Runs the workers over @page; reports progress meanwhile. */
static void
issue_page (Run         *run,
            McBatchPage *page)
{
  guint n = run->workers->len;
  g_autofree gpointer *args = g_new0 (gpointer, 2 * n);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  page->running = n;
  for (guint i = 0; i < n; i++)
    {
      args[2 * i] = g_ptr_array_index (run->workers, i);
      args[2 * i + 1] = page;
      g_ptr_array_add (threads, g_thread_new ("mc-issuer", worker_thread, &args[2 * i]));
    }
  g_mutex_lock (&page->lock);
  while (page->running > 0)
    {
      g_cond_wait_until (&page->cond, &page->lock, g_get_monotonic_time () + G_USEC_PER_SEC / 20);
      g_mutex_unlock (&page->lock);
      _mc_batch_issuer_progress (run->self, run->batch->issued + (guint) g_atomic_int_get (&page->completed),
                                 run->batch->total, FALSE);
      g_mutex_lock (&page->lock);
    }
  g_mutex_unlock (&page->lock);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

/* Commits the credentials of @page whose files were written. */
static gboolean
commit_page (Run          *run,
             McBatchPage  *page,
             GError      **error)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  gint64 start;

  for (guint i = 0; i < page->credentials->len; i++)
    if (page->done[i])
      g_ptr_array_add (done, g_ptr_array_index (page->credentials, i));
  if (done->len == 0)
    return TRUE;
  /* Files first: what the register calls issued is on disk. */
  start = g_get_monotonic_time ();
  if (!sync_folder (run->export_dir, error))
    return FALSE;
  run->self->stats.write_ms += since_ms (start);
  start = g_get_monotonic_time ();
  if (!mc_workflow_complete_credentials (run->workflow, done, error))
    return FALSE;
  run->self->stats.database_ms += since_ms (start);
  run->batch->issued += done->len;
  run->self->stats.count += done->len;
  return TRUE;
}

/* Issues one page; FALSE with @error when the batch must stop. */
static gboolean
run_page (Run        *run,
          GPtrArray  *credentials,
          GError    **error)
{
  g_auto(McBatchPage) page = { 0 };

  g_mutex_init (&page.lock);
  g_cond_init (&page.cond);
  page.context = run->context;
  page.export_dir = run->export_dir;
  page.paper = run->self->paper;
  page.credentials = credentials;
  page.done = g_new0 (gboolean, credentials->len);
  for (guint i = 0; i < credentials->len; i++)
    if (!mc_issuing_context_prepare (run->context, g_ptr_array_index (credentials, i), error))
      return FALSE;
  issue_page (run, &page);
  if (!commit_page (run, &page, error))
    return FALSE;
  if (page.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&page.error));
      g_prefix_error (error, _("%s: "), page.failed_holder);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_disk_full (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* The message of a batch stopped by @error, with where it stands. */
static void
explain_failure (Run     *run,
                 GError **error)
{
  guint issued = run->batch->issued;
  guint total = run->batch->total;
  g_autoptr(GError) cause = g_steal_pointer (error);

  if (is_disk_full (cause))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The disk is full: %u of %u credential was issued. "
                              "Free some space and issue again to continue.",
                              "The disk is full: %u of %u credentials were issued. "
                              "Free some space and issue again to continue.", total),
                 issued, total);
  else
    g_set_error (error, cause->domain, cause->code,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s. %u of %u credential was issued; issue again to continue.",
                              "%s. %u of %u credentials were issued; issue again to continue.", total),
                 cause->message, issued, total);
}

/* Ends the batch as @state; the manifest lists what was issued.  A batch
 * that stopped keeps its own reason, so only a finished one reports a
 * manifest that could not be written. */
static gboolean
finish (Run           *run,
        McBatchState   state,
        GError       **error)
{
  g_autoptr(GError) manifest_error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!mc_workflow_finish_batch (run->workflow, run->batch, state, error))
    return FALSE;
  run->self->stats.database_ms += since_ms (start);
  start = g_get_monotonic_time ();
  if (run->export_dir != NULL &&
      !_mc_batch_issuer_write_manifest (run->store, run->context, run->batch, run->export_dir,
                                        &manifest_error))
    {
      if (state == MC_BATCH_STATE_DONE)
        {
          g_set_error (error, manifest_error->domain, manifest_error->code,
                       _("Every credential was issued, but the manifest was not written: %s"),
                       manifest_error->message);
          return FALSE;
        }
      g_debug ("No manifest for batch %" G_GINT64_FORMAT ": %s", run->batch->id, manifest_error->message);
    }
  run->self->stats.write_ms += since_ms (start);
  _mc_batch_issuer_progress (run->self, run->batch->issued, run->batch->total, TRUE);
  return TRUE;
}

/* Stops a batch that failed, keeping @error as the reason. */
static void
fail (Run     *run,
      GError **error)
{
  g_autoptr(GError) finish_error = NULL;

  explain_failure (run, error);
  if (!finish (run, MC_BATCH_STATE_FAILED, &finish_error))
    g_warning ("Batch %" G_GINT64_FORMAT " could not be marked as failed: %s",
               run->batch->id, finish_error->message);
}

static gboolean
issue_pages (Run     *run,
             GError **error)
{
  for (;;)
    {
      g_autoptr(GPtrArray) credentials = NULL;
      gint64 start;

      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        {
          g_autoptr(GError) finish_error = NULL;

          if (!finish (run, MC_BATCH_STATE_CANCELLED, &finish_error))
            g_warning ("Batch %" G_GINT64_FORMAT " could not be marked as cancelled: %s",
                       run->batch->id, finish_error->message);
          return FALSE;
        }
      start = g_get_monotonic_time ();
      credentials = mc_store_list_pending_credentials (run->store, run->batch->id,
                                                       MC_BATCH_ISSUER_PAGE_SIZE, error);
      run->self->stats.database_ms += since_ms (start);
      if (credentials == NULL || (credentials->len > 0 && !run_page (run, credentials, error)))
        {
          fail (run, error);
          return FALSE;
        }
      if (credentials->len == 0)
        return finish (run, MC_BATCH_STATE_DONE, error);
    }
}

static void
collect_stats (Run *run)
{
  for (guint i = 0; i < run->workers->len; i++)
    {
      McBatchWorker *worker = g_ptr_array_index (run->workers, i);

      run->self->stats.sign_ms += worker->sign_ms;
      run->self->stats.render_ms += worker->render_ms;
      run->self->stats.write_ms += worker->write_ms;
    }
}

McIssueBatch *
_mc_batch_issuer_issue (McBatchIssuer  *self,
                        gint64          offering_id,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_auto(Run) run = { self, NULL };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  run.cancellable = cancellable;
  if (!open_session (&run, error) || !check_keys (&run, error))
    return NULL;
  run.batch = mc_workflow_start_batch (run.workflow, offering_id, mc_signing_key_get_kid (self->key),
                                       self->export_dir, self->data_integrity_key != NULL, error);
  if (run.batch == NULL)
    return NULL;
  if (!keep_export_dir (&run, error) || !prepare_folder (run.export_dir, error))
    {
      g_clear_pointer (&run.export_dir, g_free);
      fail (&run, error);
      return NULL;
    }
  run.workers = g_ptr_array_new_with_free_func ((GDestroyNotify) _mc_batch_worker_free);
  for (guint i = 0; i < self->jobs; i++)
    g_ptr_array_add (run.workers, _mc_batch_worker_new (self->key, self->data_integrity_key));
  _mc_batch_issuer_progress (self, run.batch->issued, run.batch->total, TRUE);
  ok = issue_pages (&run, error);
  collect_stats (&run);
  self->stats.total_ms = since_ms (start);
  return ok ? g_steal_pointer (&run.batch) : NULL;
}
