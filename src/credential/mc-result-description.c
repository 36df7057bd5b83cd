/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-credential-document.h"
#include "mc-result-description.h"
#include "mc-ob3-json-private.h"

struct _McResultScale
{
  McGradingScheme scheme;
  char           *id;
  char           *name;
  const char     *result_type;
  GPtrArray      *values;      /* letters, levels or pass/fail words, as written */
  char           *required;    /* the pass mark as written, or NULL */
  char           *min;         /* the range of marks, or NULL */
  char           *max;
};

#define RANGE_DASH "\\s*(?:-|–|—|to)\\s*"
#define NUMBER     "([0-9]+(?:[.,][0-9]+)?)"

void
mc_result_scale_free (McResultScale *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_ptr_array_unref (self->values);
  g_free (self->required);
  g_free (self->min);
  g_free (self->max);
  g_free (self);
}

/* "5,5" and "40 %" as numbers; FALSE for anything else. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strdup (text);
  char *end;

  g_strdelimit (g_strstrip (copy), ",", '.');
  if (g_str_has_suffix (copy, "%"))
    copy[strlen (copy) - 1] = '\0';
  g_strchomp (copy);
  *value = g_ascii_strtod (copy, &end);
  return *copy != '\0' && *end == '\0';
}

/* Removes the pass-mark clause ("pass mark 40 %", "pass at D") from @text
 * and returns the mark, or NULL. */
static char *
take_pass_mark (char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  char *mark = NULL;
  int start;

  regex = g_regex_new ("[,;(]?\\s*pass(?:ing)?(?:\\s+(?:mark|grade|level))?(?:\\s+(?:at|from|is|of))?"
                       "\\s*[:=]?\\s*([0-9]+(?:[.,][0-9]+)?(?:\\s*%)?|[^\\s,;)]+)",
                       G_REGEX_CASELESS, 0, NULL);
  if (g_regex_match (regex, text, 0, &match))
    {
      mark = g_match_info_fetch (match, 1);
      g_match_info_fetch_pos (match, 0, &start, NULL);
      text[start] = '\0';
    }
  return mark;
}

static void
read_list (McResultScale *self,
           const char     *text)
{
  g_auto(GStrv) items = g_regex_split_simple ("\\s*[,;/]\\s*|\\s+or\\s+", text, 0, 0);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] != '\0')
        g_ptr_array_add (self->values, g_strdup (items[i]));
    }
}

/* "A–F" written out as A, B, C, D, E, F. */
static gboolean
read_letter_range (McResultScale *self,
                   const char     *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*([A-Za-z])" RANGE_DASH "([A-Za-z])\\s*$", 0, 0, NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  first = g_match_info_fetch (match, 1);
  last = g_match_info_fetch (match, 2);
  for (char c = MIN (first[0], last[0]); c <= MAX (first[0], last[0]); c++)
    g_ptr_array_add (self->values, g_strdup_printf ("%c", c));
  return TRUE;
}

static void
read_number_range (McResultScale *self,
                   const char     *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new (NUMBER "\\s*%?" RANGE_DASH NUMBER, 0, 0, NULL);

  if (!g_regex_match (regex, text, 0, &match))
    return;
  self->min = g_strdelimit (g_match_info_fetch (match, 1), ",", '.');
  self->max = g_strdelimit (g_match_info_fetch (match, 2), ",", '.');
}

static void
read_scale (McResultScale *self,
            const char     *text)
{
  switch (self->scheme)
    {
    case MC_GRADING_NUMERIC:
      read_number_range (self, text);
      self->result_type = strchr (text, '%') != NULL || (self->name != NULL && strchr (self->name, '%'))
                          ? "Percent" : "ScaledScore";
      break;
    case MC_GRADING_LETTER:
      if (!read_letter_range (self, text))
        read_list (self, text);
      self->result_type = "LetterGrade";
      break;
    case MC_GRADING_TIERED:
      read_list (self, text);
      self->result_type = "RubricCriterionLevel";
      break;
    case MC_GRADING_PASS_FAIL:
      read_list (self, text);
      if (self->values->len < 2)
        g_ptr_array_set_size (self->values, 0);
      if (self->required == NULL && self->values->len > 0)
        self->required = g_strdup (g_ptr_array_index (self->values, 0));
      self->result_type = "Status";
      break;
    case MC_GRADING_UNSET:
    default:
      self->result_type = "Result";
      break;
    }
}

McResultScale *
mc_result_scale_new (McGradingScheme  scheme,
                      const char      *text,
                      const char      *id)
{
  McResultScale *self = g_new0 (McResultScale, 1);
  g_autofree char *scale = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (id != NULL, NULL);

  self->scheme = scheme;
  self->id = g_strdup (id);
  self->values = g_ptr_array_new_with_free_func (g_free);
  self->name = *scale != '\0' ? g_strdup (scale)
               : g_strdup (scheme != MC_GRADING_UNSET ? mc_enum_label (MC_TYPE_GRADING_SCHEME, scheme)
                                                      : _("Result"));
  self->required = take_pass_mark (scale);
  if (self->required != NULL && scheme == MC_GRADING_NUMERIC)
    {
      double mark;

      if (parse_number (self->required, &mark))
        self->required = (g_free (self->required), g_strdup_printf ("%g", mark));
    }
  read_scale (self, scale);
  return self;
}

static int
value_position (const McResultScale *self,
                const char           *value)
{
  g_autofree char *wanted = g_utf8_casefold (value, -1);

  for (guint i = 0; i < self->values->len; i++)
    {
      g_autofree char *candidate = g_utf8_casefold (g_ptr_array_index (self->values, i), -1);

      if (g_str_equal (candidate, wanted))
        return (int) i;
    }
  return -1;
}

static gboolean
check_mark (const McResultScale *self,
            const char           *grade,
            GError              **error)
{
  double mark, min = 0, max = 0, pass;

  if (!parse_number (grade, &mark))
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
                   _("The grade “%s” is not a number, but the grading scale is “%s”."), grade, self->name);
      return FALSE;
    }
  if (self->min != NULL && parse_number (self->min, &min) && parse_number (self->max, &max) &&
      (mark < MIN (min, max) || mark > MAX (min, max)))
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
                   _("The grade “%s” is outside the grading scale “%s”."), grade, self->name);
      return FALSE;
    }
  /* A scale written from high to low ("5–1") counts the low marks best. */
  if (self->required != NULL && parse_number (self->required, &pass) &&
      (self->min != NULL && min > max ? mark > pass : mark < pass))
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
                   _("The grade “%s” does not reach the pass mark %s; no credential is issued for it."),
                   grade, self->required);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_result_scale_check_grade (const McResultScale *self,
                              const char           *grade,
                              GError              **error)
{
  int position, pass;

  g_return_val_if_fail (self != NULL && grade != NULL, FALSE);

  if (self->scheme == MC_GRADING_NUMERIC)
    return check_mark (self, grade, error);
  if (self->values->len == 0)
    return TRUE;
  position = value_position (self, grade);
  if (position < 0)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
                   _("The grade “%s” is not on the grading scale “%s”."), grade, self->name);
      return FALSE;
    }
  /* Letters and pass/fail words are written best first; tiered levels
   * have no agreed direction, so any level counts. */
  pass = self->required != NULL ? value_position (self, self->required) : -1;
  if (self->scheme != MC_GRADING_TIERED && pass >= 0 && position > pass)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
                   _("The grade “%s” does not reach the pass mark %s; no credential is issued for it."),
                   grade, self->required);
      return FALSE;
    }
  return TRUE;
}

static char *
level_id (const McResultScale *self,
          guint                 index)
{
  return g_strdup_printf ("%s-level-%u", self->id, index + 1);
}

static void
add_levels (const McResultScale *self,
            JsonBuilder          *builder)
{
  json_builder_set_member_name (builder, "rubricCriterionLevel");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->values->len; i++)
    {
      g_autofree char *id = level_id (self, i);

      json_builder_begin_object (builder);
      _mc_ob3_json_add_string (builder, "id", id);
      _mc_ob3_json_add_type (builder, "RubricCriterionLevel");
      _mc_ob3_json_add_string (builder, "name", g_ptr_array_index (self->values, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
mc_result_scale_add_description (const McResultScale *self,
                                  JsonBuilder          *builder)
{
  g_return_if_fail (self != NULL);

  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "id", self->id);
  _mc_ob3_json_add_type (builder, "ResultDescription");
  _mc_ob3_json_add_string (builder, "name", self->name);
  _mc_ob3_json_add_string (builder, "resultType", self->result_type);
  if (self->scheme == MC_GRADING_TIERED && self->values->len > 0)
    {
      int pass = self->required != NULL ? value_position (self, self->required) : -1;

      add_levels (self, builder);
      if (pass >= 0)
        {
          g_autofree char *required = level_id (self, pass);
          _mc_ob3_json_add_string (builder, "requiredLevel", required);
        }
    }
  else
    {
      g_autofree const char **allowed = g_new0 (const char *, self->values->len + 1);

      for (guint i = 0; i < self->values->len; i++)
        allowed[i] = g_ptr_array_index (self->values, i);
      _mc_ob3_json_add_strv (builder, "allowedValue", allowed);
      _mc_ob3_json_add_string (builder, "requiredValue", self->required);
    }
  _mc_ob3_json_add_string (builder, "valueMin", self->min);
  _mc_ob3_json_add_string (builder, "valueMax", self->max);
  json_builder_end_object (builder);
}

void
mc_result_scale_add_result (const McResultScale *self,
                             JsonBuilder          *builder,
                             const char           *grade)
{
  int position;

  g_return_if_fail (self != NULL && grade != NULL);

  position = value_position (self, grade);
  json_builder_begin_object (builder);
  _mc_ob3_json_add_type (builder, "Result");
  _mc_ob3_json_add_string (builder, "resultDescription", self->id);
  _mc_ob3_json_add_string (builder, "value", grade);
  if (self->scheme == MC_GRADING_TIERED && position >= 0)
    {
      g_autofree char *achieved = level_id (self, position);
      _mc_ob3_json_add_string (builder, "achievedLevel", achieved);
    }
  _mc_ob3_json_add_string (builder, "status", "Completed");
  json_builder_end_object (builder);
}
