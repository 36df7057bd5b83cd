/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* The yearly review of an active design, made by its unit on the yearly
 * review template: answers, the actions taken or proposed, and what it
 * leads to (continue, modify, retire).  @due_on is the date it was due. */
typedef struct {
  gint64           id;
  gint64           design_id;
  guint            revision_number;
  char            *due_on;        /* YYYY-MM-DD */
  gint64           template_id;
  gint64           reviewer_id;
  char            *reviewer_name; /* filled when loaded */
  McReviewState    state;         /* in-progress or completed */
  McAnnualOutcome  outcome;
  GPtrArray       *answers;       /* McAnswer */
  char            *actions;
  gint64           completed_at;
  gint64           version;
} McAnnualReview;

#define MC_TYPE_ANNUAL_REVIEW (mc_annual_review_get_type ())
GType           mc_annual_review_get_type (void) G_GNUC_CONST;
McAnnualReview *mc_annual_review_new      (void);
McAnnualReview *mc_annual_review_copy     (const McAnnualReview *self);
void            mc_annual_review_free     (McAnnualReview *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McAnnualReview, mc_annual_review_free)

G_END_DECLS
