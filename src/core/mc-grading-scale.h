/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"
#include "mc-revision.h"

G_BEGIN_DECLS

/* The grades a micro-credential awards, read from a revision's
 * "grading_scheme" and the free text of its "grading_scale" ("0–100 %,
 * pass mark 40 %", "A–F, pass at D", "Novice, proficient, expert",
 * "Pass / Fail").  It tells whether a grade belongs to the scale, gives
 * the grade in the scale's own spelling, and whether it passes.
 *
 * What is understood (docs/results-csv.md has the details):
 * - numeric: a range "0–100", "0 to 20", "0-100 %" or a bare "%" (0–100),
 *   with an optional pass mark ("pass mark 40", "pass at 40", "40 to
 *   pass", "40 or above"); marks may carry a "%" and a decimal comma;
 * - letter: a range "A–F" (grades may carry a + or − modifier) or a list
 *   "A, B, C, D, E, FX, F" (exactly these), best first, with an optional
 *   "pass at D" / "pass mark D" / "D or better"; without one, F and FX fail;
 * - tiered: a list of tiers, lowest first; tiers named like a fail ("Fail",
 *   "Not yet competent", "Not achieved") fail, the others pass, unless a
 *   "pass at" names the lowest passing tier;
 * - pass-fail: Pass/Fail, Passed/Failed, P/F in any case, their
 *   translations, and the two words the scale names ("Competent / Not yet
 *   competent").
 * Anything else is not understood: mc_grading_scale_check() then accepts
 * every grade, passing those that do not read like a fail. */

#define MC_GRADING_SCALE_ERROR (mc_grading_scale_error_quark ())
typedef enum {
  MC_GRADING_SCALE_ERROR_NOT_A_GRADE,
} McGradingScaleError;
GQuark mc_grading_scale_error_quark (void);

#define MC_TYPE_GRADING_SCALE (mc_grading_scale_get_type ())
G_DECLARE_FINAL_TYPE (McGradingScale, mc_grading_scale, MC, GRADING_SCALE, GObject)

McGradingScale  *mc_grading_scale_new           (McRevision *revision);
McGradingScale  *mc_grading_scale_new_from_text (McGradingScheme scheme, const char *text);

McGradingScheme  mc_grading_scale_get_scheme    (McGradingScale *self);
const char      *mc_grading_scale_get_text      (McGradingScale *self);
gboolean         mc_grading_scale_is_understood (McGradingScale *self);
char            *mc_grading_scale_describe      (McGradingScale *self);
gboolean         mc_grading_scale_check         (McGradingScale  *self,
                                                 const char      *grade,
                                                 gboolean        *passed,
                                                 char           **normalised,
                                                 GError         **error);

/* What an understood scale holds, for writers of other formats (the Open
 * Badges ResultDescription).  A scale that is not understood has no range
 * and no grades. */

/* Numeric scales: the range, the pass mark, whether the marks are
 * percentages ("0–100 %"), and a mark spelled as mc_grading_scale_check()
 * normalises it ("67.5", "40"). */
gboolean         mc_grading_scale_get_range     (McGradingScale *self,
                                                 double         *min,
                                                 double         *max);
gboolean         mc_grading_scale_get_pass_mark (McGradingScale *self,
                                                 double         *pass_mark);
gboolean         mc_grading_scale_is_percentage (McGradingScale *self);
char            *mc_grading_scale_format_mark   (double          mark);

/* Letter, tiered and pass-fail scales: the grades in the scale's order
 * (letters best first, tiers as listed, the pass word first), each with
 * whether it passes; the position of a grade in any spelling check
 * accepts ("b+" is the position of B), or -1; and the lowest passing grade
 * when the grades split cleanly into passing and failing ones. */
guint            mc_grading_scale_get_n_grades  (McGradingScale *self);
const char      *mc_grading_scale_get_grade     (McGradingScale *self,
                                                 guint           position,
                                                 gboolean       *passes);
int              mc_grading_scale_find_grade    (McGradingScale *self,
                                                 const char     *grade);
const char      *mc_grading_scale_get_pass_grade (McGradingScale *self);

G_END_DECLS
