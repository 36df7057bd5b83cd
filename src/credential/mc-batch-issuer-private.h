/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-batch-issuer.h"
#include "mc-certificate-renderer.h"
#include "mc-issuing-context.h"

G_BEGIN_DECLS

/* Credentials signed, rendered and written per page; the page is then
 * synced to disk and committed in one transaction. */
#define MC_BATCH_ISSUER_PAGE_SIZE 64

/* The files of one credential in the export folder: "<student id>-<uuid>"
 * plus ".pdf", ".jwt" and, with a Data Integrity proof, ".json". */
#define MC_BATCH_ISSUER_TEMP_SUFFIX ".tmp"

/* One worker thread's own tools: nothing here is shared. */
typedef struct {
  McIssuingContext      *context;
  McCertificateRenderer *renderer;
  McCertificateContent  *content;
  McSigningKey          *key;
  McSigningKey          *data_integrity_key;
  double                 sign_ms;
  double                 render_ms;
  double                 write_ms;
} McBatchWorker;

/* One page being issued by the workers (mc-batch-issuer-worker.c). */
typedef struct _McBatchPage McBatchPage;

/* Takes @credentials. */
McBatchPage   *_mc_batch_page_new         (const char       *export_dir,
                                           McPaperSize       paper,
                                           GPtrArray        *credentials);
void           _mc_batch_page_free        (McBatchPage *page);
guint          _mc_batch_page_get_size    (McBatchPage *page);
/* The id of its last credential, or 0 when empty. */
gint64         _mc_batch_page_get_last_id (McBatchPage *page);
/* Starts a thread per worker of @workers (McBatchWorker) on the page. */
void           _mc_batch_page_start       (McBatchPage *page,
                                           GPtrArray   *workers);
/* Waits for the page's threads, calling @tick (nullable) about 20 times
 * a second with how many credentials are done. */
void           _mc_batch_page_wait        (McBatchPage *page,
                                           void       (*tick) (gpointer user_data, guint completed),
                                           gpointer     user_data);
/* FALSE, with the first failure of a worker (naming whose credential it
 * was), when there was one. */
gboolean       _mc_batch_page_propagate_error (McBatchPage  *page,
                                               GError      **error);
/* The credentials whose files were written (transfer container). */
GPtrArray     *_mc_batch_page_dup_done    (McBatchPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McBatchPage, _mc_batch_page_free)

/* @context: the coordinator's; the worker works on its own copy. */
McBatchWorker *_mc_batch_worker_new       (McIssuingContext *context,
                                           McSigningKey     *key,
                                           McSigningKey     *data_integrity_key);
void           _mc_batch_worker_free      (McBatchWorker *worker);

/* The base name of @credential's files. */
char          *_mc_batch_issuer_file_stem (McIssuedCredential *credential);
/* Writes @data to @dir/@name through a temporary name, mode 0600. */
gboolean       _mc_batch_issuer_write_file (const char  *dir,
                                            const char  *name,
                                            const void  *data,
                                            gsize        len,
                                            GError     **error);

/* manifest.json and manifest.csv of @batch: every active credential, its
 * files and their SHA-256, read in pages from @store. */
gboolean       _mc_batch_issuer_write_manifest (McStore          *store,
                                                McIssuingContext *context,
                                                McIssueBatch     *batch,
                                                const char       *export_dir,
                                                GError          **error);

G_END_DECLS

G_BEGIN_DECLS

struct _McBatchIssuer
{
  GObject             parent_instance;

  char               *database_path;
  char               *username;
  char               *act_as;
  guint               jobs;
  McSigningKey       *key;
  McSigningKey       *data_integrity_key;
  McPaperSize         paper;
  char               *export_dir;

  gboolean            running;
  /* Where "progress" goes during run_async(); NULL during run(). */
  GMainContext       *progress_context;
  gint64              last_progress_us;
  McBatchIssuerStats  stats;
};

/* Emits "progress" in the right thread, at most 20 times a second unless
 * @final. */
void          _mc_batch_issuer_progress (McBatchIssuer *self,
                                         guint          done,
                                         guint          total,
                                         gboolean       final);
/* The run itself, in the calling thread (mc-batch-issuer-run.c). */
McIssueBatch *_mc_batch_issuer_issue    (McBatchIssuer  *self,
                                         gint64          offering_id,
                                         GCancellable   *cancellable,
                                         GError        **error);

G_END_DECLS
