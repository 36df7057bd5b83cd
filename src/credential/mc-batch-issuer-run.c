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

/* The coordinator's page cache. */
#define STORE_CACHE_KIB 4096

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
  /* Pages pass through once: memory stays flat however large the batch. */
  if (run->store != NULL)
    mc_store_set_cache_limit (run->store, STORE_CACHE_KIB);
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

/* Commits the credentials of @page whose files were written. */
static gboolean
commit_page (Run          *run,
             McBatchPage  *page,
             GError      **error)
{
  g_autoptr(GPtrArray) done = _mc_batch_page_dup_done (page);
  gint64 start;

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

/* The next page of pending credentials, after those of @previous (which
 * may be still being signed), made ready for the workers; an empty page
 * when none is left, NULL on failure. */
static McBatchPage *
fetch_page (Run          *run,
            McBatchPage  *previous,
            GError      **error)
{
  gint64 after = previous != NULL ? _mc_batch_page_get_last_id (previous) : 0;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) credentials = mc_store_list_batch_credentials (run->store, run->batch->id,
                                                                      MC_CREDENTIAL_STATE_PENDING, after,
                                                                      MC_BATCH_ISSUER_PAGE_SIZE, error);

  run->self->stats.database_ms += since_ms (start);
  if (credentials == NULL)
    return NULL;
  for (guint i = 0; i < credentials->len; i++)
    if (!mc_issuing_context_prepare (run->context, g_ptr_array_index (credentials, i), error))
      return NULL;
  return _mc_batch_page_new (run->export_dir, run->self->paper, g_steal_pointer (&credentials));
}

static void
progress_tick (gpointer user_data,
               guint    completed)
{
  Run *run = user_data;

  _mc_batch_issuer_progress (run->self, run->batch->issued + completed, run->batch->total, FALSE);
}

/* Waits for @page; FALSE with its worker's error when one failed. */
static gboolean
wait_page (Run          *run,
           McBatchPage  *page,
           GError      **error)
{
  _mc_batch_page_wait (page, progress_tick, run);
  return _mc_batch_page_propagate_error (page, error);
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

/* Ends the batch as @state; the manifest lists what was issued.  The
 * manifest is written before the batch is marked as ended, so a batch
 * stopped between the two (a crash, a full disk) stays unfinished and
 * the next run writes it.  A batch that stopped keeps its own reason,
 * so only a finished one reports a manifest that could not be written. */
static gboolean
finish (Run           *run,
        McBatchState   state,
        GError       **error)
{
  g_autoptr(GError) manifest_error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (run->export_dir != NULL)
    {
      McIssueBatch described = *run->batch;

      described.state = state;
      if (!_mc_batch_issuer_write_manifest (run->store, run->context, &described, run->export_dir,
                                            &manifest_error))
        {
          if (state == MC_BATCH_STATE_DONE)
            {
              g_set_error (error, manifest_error->domain, manifest_error->code,
                           _("Every credential was issued, but the manifest was not written: %s. "
                             "Issue again to write it."),
                           manifest_error->message);
              return FALSE;
            }
          g_debug ("No manifest for batch %" G_GINT64_FORMAT ": %s", run->batch->id, manifest_error->message);
        }
    }
  run->self->stats.write_ms += since_ms (start);
  start = g_get_monotonic_time ();
  if (!mc_workflow_finish_batch (run->workflow, run->batch, state, error))
    return FALSE;
  run->self->stats.database_ms += since_ms (start);
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

static void
cancel (Run     *run,
        GError **error)
{
  g_autoptr(GError) finish_error = NULL;

  if (!finish (run, MC_BATCH_STATE_CANCELLED, &finish_error))
    g_warning ("Batch %" G_GINT64_FORMAT " could not be marked as cancelled: %s",
               run->batch->id, finish_error->message);
  g_cancellable_set_error_if_cancelled (run->cancellable, error);
}

/* The first of the errors that stopped a page, in the order given. */
static void
take_first_error (GError **error,
                  GError **page_error,
                  GError **commit_error,
                  GError **fetch_error)
{
  GError **causes[] = { page_error, commit_error, fetch_error };

  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    if (*causes[i] != NULL)
      {
        g_propagate_error (error, g_steal_pointer (causes[i]));
        return;
      }
}

/* A pipeline of pages: while the workers sign and write a page, the
 * coordinator syncs and commits the one before.  Cancelling starts no
 * new page; the one under way is finished and committed. */
static gboolean
issue_pages (Run     *run,
             GError **error)
{
  g_autoptr(McBatchPage) current = fetch_page (run, NULL, error);

  if (current == NULL)
    {
      fail (run, error);
      return FALSE;
    }
  _mc_batch_page_start (current, run->workers);
  while (_mc_batch_page_get_size (current) > 0)
    {
      g_autoptr(McBatchPage) next = NULL;
      g_autoptr(GError) page_error = NULL;
      g_autoptr(GError) commit_error = NULL;
      g_autoptr(GError) fetch_error = NULL;
      gboolean cancelled;

      wait_page (run, current, &page_error);
      cancelled = g_cancellable_is_cancelled (run->cancellable);
      if (page_error == NULL && !cancelled && (next = fetch_page (run, current, &fetch_error)) != NULL)
        _mc_batch_page_start (next, run->workers);
      /* What the workers wrote is committed, even when the batch stops. */
      commit_page (run, current, &commit_error);
      if (page_error != NULL || commit_error != NULL || fetch_error != NULL)
        {
          if (next != NULL)
            _mc_batch_page_wait (next, NULL, NULL);
          take_first_error (error, &page_error, &commit_error, &fetch_error);
          fail (run, error);
          return FALSE;
        }
      /* A cancel that came with the last page changes nothing. */
      if (cancelled && (next = fetch_page (run, current, error)) != NULL && _mc_batch_page_get_size (next) > 0)
        {
          cancel (run, error);
          return FALSE;
        }
      g_clear_pointer (&current, _mc_batch_page_free);
      current = g_steal_pointer (&next);
      if (current == NULL)
        {
          fail (run, error);
          return FALSE;
        }
    }
  return finish (run, MC_BATCH_STATE_DONE, error);
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
    g_ptr_array_add (run.workers, _mc_batch_worker_new (run.context, self->key, self->data_integrity_key));
  _mc_batch_issuer_progress (self, run.batch->issued, run.batch->total, TRUE);
  ok = issue_pages (&run, error);
  collect_stats (&run);
  self->stats.total_ms = since_ms (start);
  return ok ? g_steal_pointer (&run.batch) : NULL;
}
