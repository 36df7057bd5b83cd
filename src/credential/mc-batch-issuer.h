/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-issue-batch.h"
#include "mc-paper-size.h"
#include "mc-signing-key.h"

G_BEGIN_DECLS

/* Issues an offering: every learner who passed and holds no credential yet
 * gets a signed credential and a PDF certificate, written to the batch's
 * export folder (one <student id>-<uuid>.pdf, .jwt and, with a Data
 * Integrity key, .json per learner, plus manifest.json and manifest.csv).
 *
 * Exactly one credential per learner and offering, whatever happens: the
 * workflow reserves the batch (or resumes the unfinished one), workers
 * sign and render pages of 64 credentials, the files of a page reach the
 * disk before the page is committed in one transaction.  A crash leaves
 * only files of pending credentials, which the next run rewrites to the
 * same bytes.  Cancelling stops between pages (the batch is CANCELLED,
 * its pending credentials kept); a full disk or an unwritable folder
 * stops it as FAILED.  Both resume on the next run.
 *
 * The issuer opens its own connections to the database, so it needs a
 * database in a file. */

#define MC_BATCH_ISSUER_MIN_JOBS 1
#define MC_BATCH_ISSUER_MAX_JOBS 8

/* Where the time of a run went, in milliseconds summed over the workers
 * (sign, render, write) or spent by the coordinator (database). */
typedef struct {
  guint  count;          /* credentials issued by the run */
  double sign_ms;        /* building and signing the credentials */
  double render_ms;      /* drawing the certificates */
  double write_ms;       /* writing and syncing files */
  double database_ms;    /* reading pending pages and committing them */
  double total_ms;       /* wall-clock time of the run */
} McBatchIssuerStats;

#define MC_TYPE_BATCH_ISSUER (mc_batch_issuer_get_type ())
G_DECLARE_FINAL_TYPE (McBatchIssuer, mc_batch_issuer, MC, BATCH_ISSUER, GObject)

/* @username: the account issuing (a registrar); @act_as: (nullable): an
 * account an administrator acts for. */
McBatchIssuer *mc_batch_issuer_new                   (const char     *database_path,
                                                      const char     *username,
                                                      const char     *act_as);
/* Worker threads, MC_BATCH_ISSUER_MIN_JOBS to _MAX_JOBS; 2 by default. */
void           mc_batch_issuer_set_jobs              (McBatchIssuer  *self,
                                                      guint           jobs);
guint          mc_batch_issuer_get_jobs              (McBatchIssuer  *self);
/* The unlocked key to sign with (required); the issuer signs with copies. */
void           mc_batch_issuer_set_signing_key       (McBatchIssuer  *self,
                                                      McSigningKey   *key);
/* @key: (nullable): an Ed25519 key for Data Integrity proofs, or NULL for
 * VC-JWT only. */
void           mc_batch_issuer_set_data_integrity_key (McBatchIssuer *self,
                                                       McSigningKey  *key);
/* A4 unless set. */
void           mc_batch_issuer_set_paper             (McBatchIssuer  *self,
                                                      McPaperSize     paper);
/* @export_dir: (nullable): an absolute folder; NULL keeps the one of a
 * resumed batch, else "<database folder>/exports/<offering code>-batch<id>". */
void           mc_batch_issuer_set_export_dir        (McBatchIssuer  *self,
                                                      const char     *export_dir);

/* Issues @offering_id; blocks until done, cancelled or failed.
 * Cancelling ends the batch CANCELLED and returns NULL with
 * G_IO_ERROR_CANCELLED.
 * Returns: (transfer full): the batch as it ended (DONE) */
McIssueBatch  *mc_batch_issuer_run                   (McBatchIssuer  *self,
                                                      gint64          offering_id,
                                                      GCancellable   *cancellable,
                                                      GError        **error);
/* The same in a thread; "progress" is emitted in the thread-default main
 * context of the caller. */
void           mc_batch_issuer_run_async             (McBatchIssuer       *self,
                                                      gint64               offering_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
McIssueBatch  *mc_batch_issuer_run_finish            (McBatchIssuer  *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);

/* Statistics of the last run. */
void           mc_batch_issuer_get_stats             (McBatchIssuer      *self,
                                                      McBatchIssuerStats *stats);

/* Signals:
 *   "progress" (McBatchIssuer *, guint done, guint total): credentials of
 *   the batch signed so far, at most 20 times a second and always at the
 *   end.  Emitted in the thread-default main context of the caller of
 *   mc_batch_issuer_run_async(), or in the caller's thread during
 *   mc_batch_issuer_run(). */

G_END_DECLS
