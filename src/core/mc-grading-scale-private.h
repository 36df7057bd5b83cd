/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-grading-scale.h"

G_BEGIN_DECLS

/* One grade of a letter, tiered or pass-fail scale. */
typedef struct {
  char     *name;     /* as the scale spells it */
  gboolean  passes;
} McGrade;

struct _McGradingScale
{
  GObject          parent_instance;

  McGradingScheme  scheme;
  char            *text;          /* the design's "grading_scale", as written */
  gboolean         understood;

  /* numeric */
  double           min;
  double           max;
  double           pass_mark;
  gboolean         has_pass_mark;
  gboolean         percentage;    /* the text writes the marks with "%" */

  /* letter, tiered, pass-fail: the grades in the scale's order (letters
   * best first, tiers lowest first), and each folded spelling that names
   * one of them (McGrade, borrowed from @grades). */
  GPtrArray       *grades;
  GHashTable      *lookup;
  gboolean         letter_range;  /* "A–F": a + or − refines a letter */
};

/* Fills in what the scheme and text of @self say (mc-grading-scale-parse.c). */
void     _mc_grading_scale_parse       (McGradingScale *self);
McGrade *_mc_grading_scale_add_grade   (McGradingScale *self, const char *name, gboolean passes);
void     _mc_grading_scale_add_alias   (McGradingScale *self, const char *spelling, McGrade *grade);
/* Trimmed, case-folded, inner white space collapsed, final full stop dropped. */
char    *_mc_grading_scale_fold        (const char *text);
/* A mark: digits with an optional decimal point or comma, an optional "%". */
gboolean _mc_grading_scale_parse_mark  (const char *text, double *mark);
/* What the scale allows, short, for messages: "0–100", "A–F", "Novice,
 * proficient, expert" (mc-grading-scale-describe.c). */
char    *_mc_grading_scale_dup_allowed (McGradingScale *self);
/* "Fail", "Not yet competent", "F", …: a grade that does not pass. */
gboolean _mc_grading_scale_reads_like_fail (const char *folded);

G_END_DECLS
