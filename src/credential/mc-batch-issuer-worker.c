/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-batch-issuer-private.h"
#include "mc-certificate-pdf.h"

/* A worker signs, draws and writes the credentials of a page, taking them
 * one at a time until none is left.  Its renderer keeps the fonts, the
 * logo and the supplement's layout from one credential to the next.  A
 * page runs a thread per worker, which the coordinator waits for. */

struct _McBatchPage {
  char             *export_dir;
  McPaperSize       paper;
  GPtrArray        *credentials;   /* McIssuedCredential */
  gboolean         *done;          /* per credential: files written */
  gint              next;          /* atomic: the next credential to take */
  gint              completed;     /* atomic: credentials done */
  gint              failed;        /* atomic: a worker failed, the others stop */
  GPtrArray        *threads;
  GPtrArray        *assignments;   /* Assignment, one per thread */
  GMutex            lock;
  GCond             cond;
  guint             running;       /* threads still at work, under lock */
  GError           *error;         /* the first failure, under lock */
  char             *failed_holder; /* whose credential failed, under lock */
};

typedef struct {
  McBatchWorker *worker;
  McBatchPage   *page;
} Assignment;

McBatchWorker *
_mc_batch_worker_new (McIssuingContext *context,
                      McSigningKey     *key,
                      McSigningKey     *data_integrity_key)
{
  McBatchWorker *worker = g_new0 (McBatchWorker, 1);

  /* A revision's lists are not to be read from two threads. */
  worker->context = mc_issuing_context_dup (context);
  worker->renderer = mc_certificate_renderer_new ();
  worker->content = mc_certificate_content_new ();
  /* GnuTLS keys are for one thread at a time. */
  worker->key = mc_signing_key_dup (key);
  worker->data_integrity_key = data_integrity_key != NULL ? mc_signing_key_dup (data_integrity_key) : NULL;
  return worker;
}

void
_mc_batch_worker_free (McBatchWorker *worker)
{
  if (worker == NULL)
    return;
  g_clear_object (&worker->context);
  g_clear_object (&worker->renderer);
  g_clear_object (&worker->content);
  g_clear_object (&worker->key);
  g_clear_object (&worker->data_integrity_key);
  g_free (worker);
}

/* Letters, digits, '.', '-' and '_' of a student id; others become '_'. */
char *
_mc_batch_issuer_file_stem (McIssuedCredential *credential)
{
  const char *student_id = credential->student_id != NULL ? credential->student_id : "";
  GString *stem = g_string_new (NULL);

  for (const char *p = student_id; *p != '\0' && stem->len < 64; p++)
    g_string_append_c (stem, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '_');
  if (stem->len > 0)
    g_string_append_c (stem, '-');
  g_string_append (stem, credential->uuid);
  return g_string_free (stem, FALSE);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize written = write (fd, data, len);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      len -= (gsize) written;
    }
  return TRUE;
}

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
}

/* The file takes its name only when complete; the batch syncs the folder
 * before it commits, so a name in the register always has its bytes. */
gboolean
_mc_batch_issuer_write_file (const char  *dir,
                             const char  *name,
                             const void  *data,
                             gsize        len,
                             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *temp = g_strconcat (path, MC_BATCH_ISSUER_TEMP_SUFFIX, NULL);
  int fd = g_open (temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int saved_errno;

  if (fd < 0)
    {
      set_write_error (error, errno, path);
      return FALSE;
    }
  if (!write_all (fd, data, len))
    {
      saved_errno = errno != 0 ? errno : EIO;
      close (fd);
      g_unlink (temp);
      set_write_error (error, saved_errno, path);
      return FALSE;
    }
  if (close (fd) != 0 || g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      set_write_error (error, saved_errno, path);
      return FALSE;
    }
  return TRUE;
}

static double
elapsed_ms (gint64 *since)
{
  gint64 now = g_get_monotonic_time ();
  double ms = (now - *since) / 1000.0;

  *since = now;
  return ms;
}

/* The PDF into memory: the drawing is timed apart from the writing. */
static GBytes *
render (McBatchWorker       *worker,
        McBatchPage         *page,
        McIssuedCredential  *credential,
        GError             **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (!mc_issuing_context_fill_certificate (worker->context, credential, worker->content, error) ||
      !mc_certificate_renderer_write_pdf_to_stream (worker->renderer, worker->content, page->paper,
                                                    stream, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static gboolean
write_files (McBatchPage         *page,
             McIssuedCredential  *credential,
             GBytes              *pdf,
             GError             **error)
{
  g_autofree char *stem = _mc_batch_issuer_file_stem (credential);
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *jwt_name = g_strconcat (stem, ".jwt", NULL);
  g_autofree char *json_name = g_strconcat (stem, ".json", NULL);
  gsize pdf_len = 0;
  const guint8 *pdf_data = g_bytes_get_data (pdf, &pdf_len);

  return _mc_batch_issuer_write_file (page->export_dir, pdf_name, pdf_data, pdf_len, error) &&
         _mc_batch_issuer_write_file (page->export_dir, jwt_name, credential->jwt,
                                      strlen (credential->jwt), error) &&
         (credential->document == NULL ||
          _mc_batch_issuer_write_file (page->export_dir, json_name, credential->document,
                                       strlen (credential->document), error));
}

static gboolean
issue_one (McBatchWorker       *worker,
           McBatchPage         *page,
           McIssuedCredential  *credential,
           GError             **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gint64 clock = g_get_monotonic_time ();

  if (!mc_issuing_context_sign (worker->context, credential, worker->key, worker->data_integrity_key, error))
    return FALSE;
  worker->sign_ms += elapsed_ms (&clock);
  if ((pdf = render (worker, page, credential, error)) == NULL)
    return FALSE;
  worker->render_ms += elapsed_ms (&clock);
  if (!write_files (page, credential, pdf, error))
    return FALSE;
  worker->write_ms += elapsed_ms (&clock);
  return TRUE;
}

static void
fail (McBatchPage        *page,
      McIssuedCredential *credential,
      GError             *error)
{
  g_mutex_lock (&page->lock);
  g_atomic_int_set (&page->failed, TRUE);
  if (page->error == NULL)
    {
      page->error = error;
      page->failed_holder = g_strdup (credential->learner_name);
    }
  else
    g_error_free (error);
  g_mutex_unlock (&page->lock);
}

static void
run_page (McBatchWorker *worker,
          McBatchPage   *page)
{
  guint n = page->credentials->len;

  while (!g_atomic_int_get (&page->failed))
    {
      guint index = (guint) g_atomic_int_add (&page->next, 1);
      McIssuedCredential *credential;
      GError *error = NULL;

      if (index >= n)
        break;
      credential = g_ptr_array_index (page->credentials, index);
      if (!issue_one (worker, page, credential, &error))
        {
          fail (page, credential, error);
          break;
        }
      page->done[index] = TRUE;
      g_atomic_int_inc (&page->completed);
    }
  g_mutex_lock (&page->lock);
  page->running--;
  g_cond_broadcast (&page->cond);
  g_mutex_unlock (&page->lock);
}

static gpointer
page_thread (gpointer data)
{
  Assignment *assignment = data;

  run_page (assignment->worker, assignment->page);
  return NULL;
}

McBatchPage *
_mc_batch_page_new (const char  *export_dir,
                    McPaperSize  paper,
                    GPtrArray   *credentials)
{
  McBatchPage *page = g_new0 (McBatchPage, 1);

  g_mutex_init (&page->lock);
  g_cond_init (&page->cond);
  page->export_dir = g_strdup (export_dir);
  page->paper = paper;
  page->credentials = credentials;
  page->done = g_new0 (gboolean, credentials->len);
  page->threads = g_ptr_array_new ();
  page->assignments = g_ptr_array_new_with_free_func (g_free);
  return page;
}

void
_mc_batch_page_free (McBatchPage *page)
{
  if (page == NULL)
    return;
  /* A page is freed once its threads are done. */
  _mc_batch_page_wait (page, NULL, NULL);
  g_free (page->export_dir);
  g_ptr_array_unref (page->credentials);
  g_free (page->done);
  g_ptr_array_unref (page->threads);
  g_ptr_array_unref (page->assignments);
  g_clear_error (&page->error);
  g_free (page->failed_holder);
  g_mutex_clear (&page->lock);
  g_cond_clear (&page->cond);
  g_free (page);
}

guint
_mc_batch_page_get_size (McBatchPage *page)
{
  return page->credentials->len;
}

gint64
_mc_batch_page_get_last_id (McBatchPage *page)
{
  guint n = page->credentials->len;

  return n > 0 ? ((McIssuedCredential *) g_ptr_array_index (page->credentials, n - 1))->id : 0;
}

void
_mc_batch_page_start (McBatchPage *page,
                      GPtrArray   *workers)
{
  g_assert (page->threads->len == 0);

  page->running = workers->len;
  for (guint i = 0; i < workers->len; i++)
    {
      Assignment *assignment = g_new0 (Assignment, 1);

      assignment->worker = g_ptr_array_index (workers, i);
      assignment->page = page;
      g_ptr_array_add (page->assignments, assignment);
      g_ptr_array_add (page->threads, g_thread_new ("mc-issuer", page_thread, assignment));
    }
}

void
_mc_batch_page_wait (McBatchPage *page,
                     void       (*tick) (gpointer user_data, guint completed),
                     gpointer     user_data)
{
  g_mutex_lock (&page->lock);
  while (page->running > 0)
    {
      g_cond_wait_until (&page->cond, &page->lock, g_get_monotonic_time () + G_USEC_PER_SEC / 20);
      if (tick == NULL)
        continue;
      g_mutex_unlock (&page->lock);
      tick (user_data, (guint) g_atomic_int_get (&page->completed));
      g_mutex_lock (&page->lock);
    }
  g_mutex_unlock (&page->lock);
  for (guint i = 0; i < page->threads->len; i++)
    g_thread_join (g_ptr_array_index (page->threads, i));
  g_ptr_array_set_size (page->threads, 0);
}

gboolean
_mc_batch_page_propagate_error (McBatchPage  *page,
                                GError      **error)
{
  if (page->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&page->error));
  g_prefix_error (error, _("%s: "), page->failed_holder);
  return FALSE;
}

GPtrArray *
_mc_batch_page_dup_done (McBatchPage *page)
{
  GPtrArray *done = g_ptr_array_new ();

  for (guint i = 0; i < page->credentials->len; i++)
    if (page->done[i])
      g_ptr_array_add (done, g_ptr_array_index (page->credentials, i));
  return done;
}
