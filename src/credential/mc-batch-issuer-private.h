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
  McCertificateRenderer *renderer;
  McCertificateContent  *content;
  McSigningKey          *key;
  McSigningKey          *data_integrity_key;
  double                 sign_ms;
  double                 render_ms;
  double                 write_ms;
} McBatchWorker;

/* One page being issued by the workers. */
typedef struct {
  McIssuingContext *context;
  const char       *export_dir;
  McPaperSize       paper;
  GPtrArray        *credentials;   /* McIssuedCredential */
  gboolean         *done;          /* per credential: files written */
  gint              next;          /* atomic: the next credential to take */
  gint              completed;     /* atomic: credentials done */
  gint              failed;        /* atomic: a worker failed, the others stop */
  GMutex            lock;
  GCond             cond;
  guint             running;       /* workers still at work, under lock */
  GError           *error;         /* the first failure, under lock */
  char             *failed_holder; /* whose credential failed, under lock */
} McBatchPage;

McBatchWorker *_mc_batch_worker_new       (McSigningKey *key,
                                           McSigningKey *data_integrity_key);
void           _mc_batch_worker_free      (McBatchWorker *worker);
/* Issues credentials of @page until none is left or one fails. */
void           _mc_batch_worker_run_page  (McBatchWorker *worker,
                                           McBatchPage   *page);

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
