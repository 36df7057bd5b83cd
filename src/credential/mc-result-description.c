/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-result-description.h"
#include "mc-ob3-json-private.h"

/* Only writing is done here: what the grades, marks and pass mark are is
 * what McGradingScale (src/core) read from the design's text. */

static char *
description_id (const char *achievement_id)
{
  return g_strconcat (achievement_id, "#grading", NULL);
}

static char *
level_id (const char *description_id,
          guint       position)
{
  return g_strdup_printf ("%s-level-%u", description_id, position + 1);
}

static const char *
result_type (McGradingScale *scale)
{
  switch (mc_grading_scale_get_scheme (scale))
    {
    case MC_GRADING_PASS_FAIL:
      return "Status";
    case MC_GRADING_LETTER:
      return "LetterGrade";
    case MC_GRADING_NUMERIC:
      return mc_grading_scale_is_percentage (scale) ? "Percent" : "ScaledScore";
    case MC_GRADING_TIERED:
      return "RubricCriterionLevel";
    case MC_GRADING_UNSET:
    default:
      return "Result";
    }
}

/* The scale's text as the design states it, or the scheme's name. */
static char *
dup_name (McGradingScale *scale)
{
  g_autofree char *text = g_strstrip (g_strdup (mc_grading_scale_get_text (scale)));
  McGradingScheme scheme = mc_grading_scale_get_scheme (scale);

  if (*text != '\0')
    return g_steal_pointer (&text);
  if (scheme != MC_GRADING_UNSET)
    return g_strdup (mc_enum_label (MC_TYPE_GRADING_SCHEME, scheme));
  return g_strdup (_("Result"));
}

/* Tiers: one RubricCriterionLevel each, and the lowest passing one. */
static void
add_levels (JsonBuilder    *builder,
            McGradingScale *scale,
            const char     *id)
{
  guint n_grades = mc_grading_scale_get_n_grades (scale);
  const char *required = mc_grading_scale_get_pass_grade (scale);

  if (n_grades == 0)
    return;
  json_builder_set_member_name (builder, "rubricCriterionLevel");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_grades; i++)
    {
      g_autofree char *level = level_id (id, i);

      json_builder_begin_object (builder);
      _mc_ob3_json_add_string (builder, "id", level);
      _mc_ob3_json_add_type (builder, "RubricCriterionLevel");
      _mc_ob3_json_add_string (builder, "name", mc_grading_scale_get_grade (scale, i, NULL));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (required != NULL)
    {
      g_autofree char *level = level_id (id, (guint) mc_grading_scale_find_grade (scale, required));

      _mc_ob3_json_add_string (builder, "requiredLevel", level);
    }
}

/* Letters and pass-fail words: all of them, and the lowest passing one. */
static void
add_allowed_values (JsonBuilder    *builder,
                    McGradingScale *scale)
{
  guint n_grades = mc_grading_scale_get_n_grades (scale);
  g_autofree const char **allowed = g_new0 (const char *, n_grades + 1);

  for (guint i = 0; i < n_grades; i++)
    allowed[i] = mc_grading_scale_get_grade (scale, i, NULL);
  _mc_ob3_json_add_strv (builder, "allowedValue", allowed);
  _mc_ob3_json_add_string (builder, "requiredValue", mc_grading_scale_get_pass_grade (scale));
}

static void
add_marks (JsonBuilder    *builder,
           McGradingScale *scale)
{
  double min = 0;
  double max = 0;
  double pass_mark = 0;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *pass_text = NULL;

  if (!mc_grading_scale_get_range (scale, &min, &max))
    return;
  min_text = mc_grading_scale_format_mark (min);
  max_text = mc_grading_scale_format_mark (max);
  if (mc_grading_scale_get_pass_mark (scale, &pass_mark))
    pass_text = mc_grading_scale_format_mark (pass_mark);
  _mc_ob3_json_add_string (builder, "requiredValue", pass_text);
  _mc_ob3_json_add_string (builder, "valueMin", min_text);
  _mc_ob3_json_add_string (builder, "valueMax", max_text);
}

/**
 * mc_result_description_write:
 * @builder: a builder inside an array
 * @scale: the design's grading scale
 * @achievement_id: the id of the achievement it grades
 *
 * Adds one ResultDescription object.  A scale that is not understood gives
 * its name and result type only.
 */
void
mc_result_description_write (JsonBuilder    *builder,
                             McGradingScale *scale,
                             const char     *achievement_id)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (MC_IS_GRADING_SCALE (scale));
  g_return_if_fail (achievement_id != NULL);

  id = description_id (achievement_id);
  name = dup_name (scale);
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "id", id);
  _mc_ob3_json_add_type (builder, "ResultDescription");
  _mc_ob3_json_add_string (builder, "name", name);
  _mc_ob3_json_add_string (builder, "resultType", result_type (scale));
  switch (mc_grading_scale_get_scheme (scale))
    {
    case MC_GRADING_TIERED:
      add_levels (builder, scale, id);
      break;
    case MC_GRADING_NUMERIC:
      add_marks (builder, scale);
      break;
    case MC_GRADING_LETTER:
    case MC_GRADING_PASS_FAIL:
      add_allowed_values (builder, scale);
      break;
    case MC_GRADING_UNSET:
    default:
      break;
    }
  json_builder_end_object (builder);
}

/**
 * mc_result_description_write_result:
 * @builder: a builder inside an array
 * @scale: the design's grading scale
 * @achievement_id: the id of the achievement it grades
 * @grade: the learner's grade
 *
 * Adds one Result object, with the learner's tier as its achievedLevel on
 * a tiered scale.
 */
void
mc_result_description_write_result (JsonBuilder    *builder,
                                    McGradingScale *scale,
                                    const char     *achievement_id,
                                    const char     *grade)
{
  g_autofree char *id = NULL;
  int position = -1;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (MC_IS_GRADING_SCALE (scale));
  g_return_if_fail (achievement_id != NULL && grade != NULL);

  id = description_id (achievement_id);
  json_builder_begin_object (builder);
  _mc_ob3_json_add_type (builder, "Result");
  _mc_ob3_json_add_string (builder, "resultDescription", id);
  _mc_ob3_json_add_string (builder, "value", grade);
  if (mc_grading_scale_get_scheme (scale) == MC_GRADING_TIERED)
    position = mc_grading_scale_find_grade (scale, grade);
  if (position >= 0)
    {
      g_autofree char *level = level_id (id, (guint) position);

      _mc_ob3_json_add_string (builder, "achievedLevel", level);
    }
  _mc_ob3_json_add_string (builder, "status", "Completed");
  json_builder_end_object (builder);
}
