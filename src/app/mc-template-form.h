/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"
#include "mc-template.h"

G_BEGIN_DECLS

/* The criteria of a review template and the answers to them: for a rated
 * criterion a met / partly met / not met choice and a comment, for a text
 * criterion a few paragraphs.  Required criteria without an answer are
 * marked in words.  Emits ::changed after every edit.  In read-only mode
 * (a completed review, someone else's) it shows the answers as text.
 * Properties: "template" (McTemplate), "read-only". */

#define MC_TYPE_TEMPLATE_FORM (mc_template_form_get_type ())
G_DECLARE_FINAL_TYPE (McTemplateForm, mc_template_form, MC, TEMPLATE_FORM, AdwBin)

GtkWidget  *mc_template_form_new               (void);
McTemplate *mc_template_form_get_template      (McTemplateForm *self);
void        mc_template_form_set_template      (McTemplateForm *self,
                                                McTemplate     *template_);
/* Shows a copy of @answers (McAnswer; NULL for none) without ::changed. */
void        mc_template_form_set_answers       (McTemplateForm *self,
                                                GPtrArray      *answers);
/* The answers as edited: McAnswer, transfer none. */
GPtrArray  *mc_template_form_get_answers       (McTemplateForm *self);
gboolean    mc_template_form_get_read_only     (McTemplateForm *self);
void        mc_template_form_set_read_only     (McTemplateForm *self,
                                                gboolean        read_only);
/* Required criteria that have no answer yet. */
guint       mc_template_form_count_missing     (McTemplateForm *self);
/* Marks the required criteria without an answer as errors (after a
 * refused completion), focuses the first one and returns their number. */
guint       mc_template_form_show_missing      (McTemplateForm *self);
/* The control answering @criterion_id: the toggle of @rating for a rated
 * criterion, or with MC_RATING_UNSET the comment entry (rated) or the
 * text view (text).  NULL if there is none (read-only, unknown id). */
GtkWidget  *mc_template_form_get_control       (McTemplateForm *self,
                                                const char     *criterion_id,
                                                McRating        rating);

G_END_DECLS
