/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-issue-batch.h"

G_DEFINE_BOXED_TYPE (McIssueBatch, mc_issue_batch, mc_issue_batch_copy, mc_issue_batch_free)

McIssueBatch *
mc_issue_batch_new (void)
{
  return g_new0 (McIssueBatch, 1);
}

McIssueBatch *
mc_issue_batch_copy (const McIssueBatch *self)
{
  McIssueBatch *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->kid = g_strdup (self->kid);
  copy->export_dir = g_strdup (self->export_dir);
  return copy;
}

void
mc_issue_batch_free (McIssueBatch *self)
{
  if (self == NULL)
    return;
  g_free (self->kid);
  g_free (self->export_dir);
  g_free (self);
}
