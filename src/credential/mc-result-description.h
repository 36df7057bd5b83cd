/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-grading-scale.h"

G_BEGIN_DECLS

/* Writes a design's grading scale, as the core McGradingScale reads it, in
 * Open Badges 3.0 form: one ResultDescription for the achievement, and the
 * Result of a learner's grade on it.  The ResultDescription's id is the
 * achievement id followed by "#grading"; docs/credential-format.md lists
 * what each grading scheme gives. */

void mc_result_description_write        (JsonBuilder    *builder,
                                         McGradingScale *scale,
                                         const char     *achievement_id);
/* @grade: a grade mc_grading_scale_check() accepted, best as it
 * normalised it. */
void mc_result_description_write_result (JsonBuilder    *builder,
                                         McGradingScale *scale,
                                         const char     *achievement_id,
                                         const char     *grade);

G_END_DECLS
