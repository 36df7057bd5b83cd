/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* One answer to one criterion of a review template: a rating (for rated
 * criteria) and a comment, or the text of a free-text criterion. */
typedef struct {
  char     *criterion_id;
  McRating  rating;
  char     *text;
} McAnswer;

#define MC_TYPE_ANSWER (mc_answer_get_type ())
GType     mc_answer_get_type (void) G_GNUC_CONST;
McAnswer *mc_answer_new      (const char *criterion_id, McRating rating, const char *text);
McAnswer *mc_answer_copy     (const McAnswer *self);
void      mc_answer_free     (McAnswer *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McAnswer, mc_answer_free)

/* Looks up the answer to @criterion_id in an array of McAnswer (transfer none). */
McAnswer *mc_answers_find    (GPtrArray *answers, const char *criterion_id);
/* Sets (replacing) the answer to @criterion_id in an array of McAnswer. */
void      mc_answers_set     (GPtrArray *answers, const char *criterion_id,
                              McRating rating, const char *text);

/* A reviewer's review of one submitted revision of a design, on the
 * template version it was assigned with.  Saved as the reviewer goes
 * ("in-progress"), then completed with a recommendation.  @version detects
 * a second window saving the same review meanwhile. */
typedef struct {
  gint64         id;
  gint64         design_id;
  guint          revision_number;
  gint64         reviewer_id;
  char          *reviewer_name;    /* filled when loaded */
  gint64         template_id;      /* the template version reviewed on */
  McReviewState  state;
  McOutcomeKind  recommendation;
  char          *summary;
  GPtrArray     *answers;          /* McAnswer */
  gint64         assigned_at;      /* Unix seconds, UTC */
  gint64         completed_at;     /* 0 until completed */
  gint64         version;
} McReview;

#define MC_TYPE_REVIEW (mc_review_get_type ())
GType     mc_review_get_type (void) G_GNUC_CONST;
McReview *mc_review_new      (void);
McReview *mc_review_copy     (const McReview *self);
void      mc_review_free     (McReview *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReview, mc_review_free)

G_END_DECLS
