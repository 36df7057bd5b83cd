/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* One criterion of a review template (see McTemplate): a question a
 * reviewer answers about a design.  The members hold the text as it is
 * stored; mc_criterion_get_title() and mc_criterion_get_guidance() give
 * what to show, translated for the criteria of the built-in templates.
 * NULL @guidance and @fields mean empty. */
typedef struct {
  char         *id;        /* [a-z0-9-]{1,64}, unique within its template */
  char         *title;     /* the question, one line */
  char         *guidance;  /* what a reviewer should look for */
  McAnswerKind  answer;
  gboolean      required;  /* must be answered before a review is complete */
  char        **fields;    /* ids of the design fields it is about (McField table) */
} McCriterion;

#define MC_TYPE_CRITERION (mc_criterion_get_type ())
GType        mc_criterion_get_type     (void) G_GNUC_CONST;

McCriterion *mc_criterion_new          (const char        *id,
                                        const char        *title,
                                        McAnswerKind       answer);
McCriterion *mc_criterion_copy         (const McCriterion *self);
void         mc_criterion_free         (McCriterion       *self);
gboolean     mc_criterion_equal        (const McCriterion *a,
                                        const McCriterion *b);
const char  *mc_criterion_get_title    (const McCriterion *self);
const char  *mc_criterion_get_guidance (const McCriterion *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McCriterion, mc_criterion_free)

G_END_DECLS
