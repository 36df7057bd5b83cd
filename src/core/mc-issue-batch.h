/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* One run of the batch issuer over an offering: it holds the credentials
 * reserved when it started, signed with the key @kid.  A batch that
 * stopped (a crash, a cancel, a failure) with credentials still pending
 * is resumed by the next start on the offering.  Times are Unix seconds. */
typedef struct {
  gint64        id;
  gint64        offering_id;
  char         *kid;
  McBatchState  state;
  char         *export_dir;       /* folder the issuer writes to, or NULL */
  gboolean      data_integrity;   /* also sign a Data Integrity proof */
  guint         total;            /* credentials in the batch */
  guint         issued;           /* of which signed */
  gint64        started_by;
  gint64        started_at;
  gint64        finished_at;      /* 0 while running */
} McIssueBatch;

#define MC_TYPE_ISSUE_BATCH (mc_issue_batch_get_type ())
GType          mc_issue_batch_get_type (void) G_GNUC_CONST;
McIssueBatch  *mc_issue_batch_new  (void);
McIssueBatch  *mc_issue_batch_copy (const McIssueBatch *self);
void           mc_issue_batch_free (McIssueBatch *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McIssueBatch, mc_issue_batch_free)

G_END_DECLS
