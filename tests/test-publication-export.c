/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mc_publication_export(): the progress it reports, and cancelling it
 * half-way, from its progress callback or from another thread, which
 * must leave the target folder exactly as it was: missing, empty, or an
 * earlier export with its files' contents.  tests/test-publish.py checks
 * what a complete export holds. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mc-keyring.h"
#include "mc-publication.h"
#include "workflow-fixture.h"

#define PASSPHRASE "Zeven zeeën"

typedef struct {
  McTestInstitution *inst;
  McPublication     *publication;
  char              *target;      /* inside inst->dir */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McKeyRecord) record = NULL;
  g_autoptr(McSigningKey) key = NULL;
  McWorkflow *admin = NULL;

  f->inst = mc_test_institution_new ();
  admin = mc_test_workflow (f->inst, MC_TEST_ADMIN);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_INSTITUTION_NAME, "Test University", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_VERIFICATION_URL,
                                              "https://credentials.example.edu/mc", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_SIGNING_ALGORITHM, "EdDSA", &error));
  keyring = mc_keyring_new (admin);
  record = mc_keyring_generate (keyring, MC_KEY_ALGORITHM_EDDSA, PASSPHRASE, FALSE, &error);
  g_assert_no_error (error);
  key = mc_keyring_unlock (keyring, NULL, PASSPHRASE, &error);
  g_assert_no_error (error);
  f->publication = mc_publication_new (f->inst->store, &error);
  g_assert_no_error (error);
  mc_publication_set_signing_key (f->publication, key);
  f->target = g_build_filename (f->inst->dir, "site", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->publication);
  g_free (f->target);
  mc_test_institution_free (f->inst);
}

/* Every file and folder below @root, one a line with its content's
 * checksum, sorted: equal strings, equal trees. */
static void
describe_tree (const char *root,
               const char *relative,
               GPtrArray  *lines)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name = NULL;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (lines, g_strconcat (child, "/", NULL));
          describe_tree (root, child, lines);
        }
      else
        {
          g_autofree char *text = NULL;
          g_autofree char *sum = NULL;
          gsize length = 0;
          g_autoptr(GError) error = NULL;

          MC_TEST_ASSERT_OK (g_file_get_contents (full, &text, &length, &error));
          sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
          g_ptr_array_add (lines, g_strdup_printf ("%s %s", child, sum));
        }
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The whole folder the target lives in: a temporary folder left beside
 * the target would show too. */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  describe_tree (f->inst->dir, "", lines);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Progress */

typedef struct {
  guint written;
  guint total;
  guint calls;
} Progress;

static void
count_progress (guint    written,
                guint    total,
                gpointer data)
{
  Progress *progress = data;

  g_assert_cmpuint (written, ==, progress->written + 1);
  g_assert_cmpuint (written, <=, total);
  progress->written = written;
  progress->total = total;
  progress->calls++;
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *marker = g_build_filename (f->target, ".microcred-export", NULL);
  Progress progress = { 0, 0, 0 };

  /* An empty folder (as a folder chooser creates) is a fine target. */
  g_assert_cmpint (g_mkdir (f->target, 0700), ==, 0);
  MC_TEST_ASSERT_OK (mc_publication_export (f->publication, f->target, count_progress, &progress,
                                            cancellable, &error));
  g_assert_cmpuint (progress.calls, >, 3);
  g_assert_cmpuint (progress.written, ==, progress.total);
  g_assert_true (g_file_test (marker, G_FILE_TEST_IS_REGULAR));
}

/* Cancelled from the progress callback */

typedef struct {
  GCancellable *cancellable;
  guint         at;         /* cancels after this many documents */
  guint         last;       /* the last count heard */
} CancelAt;

static void
cancel_at (guint    written,
           guint    total,
           gpointer data)
{
  CancelAt *cancel = data;

  cancel->last = written;
  if (written == cancel->at)
    g_cancellable_cancel (cancel->cancellable);
}

/* Exports into the target, cancelled after two documents: fails as
 * cancelled, and stops there. */
static void
export_cancelled_at_two (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelAt cancel = { cancellable, 2, 0 };

  g_assert_false (mc_publication_export (f->publication, f->target, cancel_at, &cancel, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cancel.last, ==, 2);
}

/* A complete export, then made recognisable: an edited document and a
 * file only it has.  The snapshot of the folder that holds it. */
static char *
earlier_export (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *issuer = g_build_filename (f->target, "issuer", NULL);
  g_autofree char *extra = g_build_filename (f->target, "uploaded-by-hand.txt", NULL);

  MC_TEST_ASSERT_OK (mc_publication_export (f->publication, f->target, NULL, NULL, NULL, &error));
  g_assert_true (g_file_test (issuer, G_FILE_TEST_IS_REGULAR));
  MC_TEST_ASSERT_OK (g_file_set_contents (issuer, "{\"earlier\": true}", -1, &error));
  MC_TEST_ASSERT_OK (g_file_set_contents (extra, "kept", -1, &error));
  return snapshot (f);
}

/* Cancelled from another thread: the export runs in a worker that stops
 * after its first document until the test thread has cancelled. */

typedef struct {
  Fixture      *f;
  GCancellable *cancellable;
  GMutex        lock;
  GCond         cond;
  gboolean      paused;
  gboolean      cancelled;
  GError       *error;
  gboolean      exported;
} Worker;

static void
pause_after_first (guint    written,
                   guint    total,
                   gpointer data)
{
  Worker *worker = data;

  if (written != 1)
    return;
  g_mutex_lock (&worker->lock);
  worker->paused = TRUE;
  g_cond_broadcast (&worker->cond);
  while (!worker->cancelled)
    g_cond_wait (&worker->cond, &worker->lock);
  g_mutex_unlock (&worker->lock);
}

static gpointer
export_thread (gpointer data)
{
  Worker *worker = data;

  worker->exported = mc_publication_export (worker->f->publication, worker->f->target, pause_after_first,
                                            worker, worker->cancellable, &worker->error);
  return NULL;
}

static void
cancel_from_thread (Fixture *f)
{
  Worker worker = { f, g_cancellable_new (), { 0 }, { 0 }, FALSE, FALSE, NULL, FALSE };
  GThread *thread = NULL;

  g_mutex_init (&worker.lock);
  g_cond_init (&worker.cond);
  thread = g_thread_new ("export", export_thread, &worker);
  g_mutex_lock (&worker.lock);
  while (!worker.paused)
    g_cond_wait (&worker.cond, &worker.lock);
  g_cancellable_cancel (worker.cancellable);
  worker.cancelled = TRUE;
  g_cond_broadcast (&worker.cond);
  g_mutex_unlock (&worker.lock);
  g_thread_join (thread);

  g_assert_false (worker.exported);
  g_assert_error (worker.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&worker.error);
  g_clear_object (&worker.cancellable);
  g_mutex_clear (&worker.lock);
  g_cond_clear (&worker.cond);
}

/* What the target holds before a cancelled export, which must hold it
 * after: nothing, an empty folder, or an earlier export. */
typedef enum {
  TARGET_MISSING,
  TARGET_EMPTY,
  TARGET_EARLIER,
} Target;

typedef struct {
  Target  target;
  void  (*cancel) (Fixture *f);
} CancelCase;

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  const CancelCase *c = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (c->target == TARGET_EMPTY)
    g_assert_cmpint (g_mkdir (f->target, 0755), ==, 0);
  before = c->target == TARGET_EARLIER ? earlier_export (f) : snapshot (f);
  c->cancel (f);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  switch (c->target)
    {
    case TARGET_MISSING:
      g_assert_false (g_file_test (f->target, G_FILE_TEST_EXISTS));
      break;
    case TARGET_EMPTY:
      g_assert_true (g_file_test (f->target, G_FILE_TEST_IS_DIR));
      break;
    case TARGET_EARLIER:
      g_assert_nonnull (strstr (after, "uploaded-by-hand.txt"));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Cancelled before it began: nothing is written at all. */
static void
test_cancelled_before (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  Progress progress = { 0, 0, 0 };

  g_cancellable_cancel (cancellable);
  g_assert_false (mc_publication_export (f->publication, f->target, count_progress, &progress, cancellable,
                                         &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 0);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/net/publication/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("progress", test_progress);
#define ADD_CANCEL(path, target, cancel) \
  G_STMT_START { \
    static const CancelCase c = { target, cancel }; \
    g_test_add ("/net/publication/export/" path, Fixture, &c, fixture_set_up, test_cancel, fixture_tear_down); \
  } G_STMT_END
  ADD_CANCEL ("cancel/missing", TARGET_MISSING, export_cancelled_at_two);
  ADD_CANCEL ("cancel/empty", TARGET_EMPTY, export_cancelled_at_two);
  ADD_CANCEL ("cancel/earlier-export", TARGET_EARLIER, export_cancelled_at_two);
  ADD_CANCEL ("cancel-from-thread/missing", TARGET_MISSING, cancel_from_thread);
  ADD_CANCEL ("cancel-from-thread/earlier-export", TARGET_EARLIER, cancel_from_thread);
#undef ADD_CANCEL
  ADD ("cancelled-before", test_cancelled_before);
#undef ADD
  return g_test_run ();
}
