/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-grading-scale.h"
#include "mc-grading-scale-private.h"

/* Reading the text of a scale is in mc-grading-scale-parse.c, describing
 * it in mc-grading-scale-describe.c; this file holds the object, the
 * checks of a grade and what a writer of other formats reads back. */

G_DEFINE_FINAL_TYPE (McGradingScale, mc_grading_scale, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-grading-scale-error-quark, mc_grading_scale_error)

static void
grade_free (gpointer data)
{
  McGrade *grade = data;

  g_free (grade->name);
  g_free (grade);
}

static void
mc_grading_scale_finalize (GObject *object)
{
  McGradingScale *self = MC_GRADING_SCALE (object);

  g_free (self->text);
  g_clear_pointer (&self->lookup, g_hash_table_unref);
  g_clear_pointer (&self->grades, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_grading_scale_parent_class)->finalize (object);
}

static void
mc_grading_scale_class_init (McGradingScaleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_grading_scale_finalize;
}

static void
mc_grading_scale_init (McGradingScale *self)
{
  self->grades = g_ptr_array_new_with_free_func (grade_free);
  self->lookup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * mc_grading_scale_new_from_text:
 * @scheme: the kind of grading
 * @text: (nullable): the free text that names the grades
 *
 * Returns: (transfer full): the scale that @scheme and @text describe
 */
McGradingScale *
mc_grading_scale_new_from_text (McGradingScheme  scheme,
                                const char      *text)
{
  McGradingScale *self = g_object_new (MC_TYPE_GRADING_SCALE, NULL);

  self->scheme = scheme;
  self->text = g_strdup (text != NULL ? text : "");
  _mc_grading_scale_parse (self);
  return self;
}

/**
 * mc_grading_scale_new:
 * @revision: a revision of a design
 *
 * Returns: (transfer full): the scale of @revision's "grading_scheme" and
 *   "grading_scale"
 */
McGradingScale *
mc_grading_scale_new (McRevision *revision)
{
  g_return_val_if_fail (MC_IS_REVISION (revision), NULL);

  return mc_grading_scale_new_from_text (mc_revision_get_int (revision, "grading_scheme"),
                                         mc_revision_get_string (revision, "grading_scale"));
}

McGradingScheme
mc_grading_scale_get_scheme (McGradingScale *self)
{
  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), MC_GRADING_UNSET);
  return self->scheme;
}

/* The scale's text as the design states it ("" when it states none). */
const char *
mc_grading_scale_get_text (McGradingScale *self)
{
  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), NULL);
  return self->text;
}

/**
 * mc_grading_scale_is_understood:
 * @self: a scale
 *
 * Returns: %TRUE when grades can be checked against the scale; %FALSE
 *   when the scheme is unset or its text could not be read, and every
 *   grade is accepted
 */
gboolean
mc_grading_scale_is_understood (McGradingScale *self)
{
  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), FALSE);
  return self->understood;
}

McGrade *
_mc_grading_scale_add_grade (McGradingScale *self,
                             const char     *name,
                             gboolean        passes)
{
  McGrade *grade = g_new0 (McGrade, 1);

  grade->name = g_strdup (name);
  grade->passes = passes;
  g_ptr_array_add (self->grades, grade);
  _mc_grading_scale_add_alias (self, name, grade);
  return grade;
}

/* The first grade to claim a spelling keeps it. */
void
_mc_grading_scale_add_alias (McGradingScale *self,
                             const char     *spelling,
                             McGrade        *grade)
{
  char *key = _mc_grading_scale_fold (spelling);

  if (*key == '\0' || g_hash_table_contains (self->lookup, key))
    g_free (key);
  else
    g_hash_table_insert (self->lookup, key, grade);
}

/**
 * mc_grading_scale_format_mark:
 * @mark: a mark
 *
 * Returns: (transfer full): @mark as the scale spells marks: a decimal
 *   point, no trailing zeros, in any locale ("67.5", "40")
 */
char *
mc_grading_scale_format_mark (double mark)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", mark));
}

static gboolean
check_mark (McGradingScale  *self,
            const char      *grade,
            gboolean        *passed,
            char           **normalised,
            GError         **error)
{
  g_autofree char *allowed = _mc_grading_scale_dup_allowed (self);
  double mark = 0;

  if (!_mc_grading_scale_parse_mark (grade, &mark))
    {
      g_set_error (error, MC_GRADING_SCALE_ERROR, MC_GRADING_SCALE_ERROR_NOT_A_GRADE,
                   _("“%s” is not a mark of this micro-credential (%s)"), grade, allowed);
      return FALSE;
    }
  if (mark < self->min || mark > self->max)
    {
      g_set_error (error, MC_GRADING_SCALE_ERROR, MC_GRADING_SCALE_ERROR_NOT_A_GRADE,
                   _("“%s” is outside the marks of this micro-credential (%s)"), grade, allowed);
      return FALSE;
    }
  if (passed != NULL)
    *passed = !self->has_pass_mark || mark >= self->pass_mark;
  if (normalised != NULL)
    *normalised = mc_grading_scale_format_mark (mark);
  return TRUE;
}

/* The grade @grade names, in any spelling; a letter of a range scale may
 * carry a modifier ("B+" is a B), returned in @modifier ('\0' for none). */
static McGrade *
lookup_grade (McGradingScale *self,
              const char     *grade,
              char           *modifier)
{
  g_autofree char *key = _mc_grading_scale_fold (grade);
  g_autofree char *base = NULL;
  McGrade *found = g_hash_table_lookup (self->lookup, key);
  gsize length = strlen (key);

  *modifier = '\0';
  if (found != NULL || !self->letter_range || length < 2 ||
      (key[length - 1] != '+' && key[length - 1] != '-'))
    return found;
  base = g_strndup (key, length - 1);
  found = g_hash_table_lookup (self->lookup, base);
  if (found != NULL)
    *modifier = key[length - 1];
  return found;
}

static gboolean
check_named (McGradingScale  *self,
             const char      *grade,
             gboolean        *passed,
             char           **normalised,
             GError         **error)
{
  char modifier = '\0';
  McGrade *found = lookup_grade (self, grade, &modifier);

  if (found == NULL)
    {
      g_autofree char *allowed = _mc_grading_scale_dup_allowed (self);

      g_set_error (error, MC_GRADING_SCALE_ERROR, MC_GRADING_SCALE_ERROR_NOT_A_GRADE,
                   _("“%s” is not a grade of this micro-credential (%s)"), grade, allowed);
      return FALSE;
    }
  if (passed != NULL)
    *passed = found->passes;
  if (normalised != NULL)
    *normalised = modifier != '\0' ? g_strdup_printf ("%s%c", found->name, modifier)
                                   : g_strdup (found->name);
  return TRUE;
}

/**
 * mc_grading_scale_check:
 * @self: a scale
 * @grade: a grade as a student-records system writes it
 * @passed: (out) (optional): whether @grade passes
 * @normalised: (out) (optional) (transfer full): @grade in the scale's
 *   spelling ("B" for "b", "67.5" for "67,5 %")
 * @error: return location for a #MC_GRADING_SCALE_ERROR
 *
 * Checks that @grade belongs to the scale.  A scale that is not
 * understood accepts every grade that is not empty, and passes it unless
 * it reads like a fail ("F", "Fail", "Not yet competent").
 *
 * Returns: %TRUE if @grade is a grade of the scale
 */
gboolean
mc_grading_scale_check (McGradingScale  *self,
                        const char      *grade,
                        gboolean        *passed,
                        char           **normalised,
                        GError         **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), FALSE);
  g_return_val_if_fail (grade != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (grade));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, MC_GRADING_SCALE_ERROR, MC_GRADING_SCALE_ERROR_NOT_A_GRADE,
                           _("No grade is given"));
      return FALSE;
    }
  if (!self->understood)
    {
      g_autofree char *key = _mc_grading_scale_fold (trimmed);

      if (passed != NULL)
        *passed = !_mc_grading_scale_reads_like_fail (key);
      if (normalised != NULL)
        *normalised = g_steal_pointer (&trimmed);
      return TRUE;
    }
  if (self->scheme == MC_GRADING_NUMERIC)
    return check_mark (self, trimmed, passed, normalised, error);
  return check_named (self, trimmed, passed, normalised, error);
}

/**
 * mc_grading_scale_get_range:
 * @self: a scale
 * @min: (out) (optional): the lowest mark
 * @max: (out) (optional): the highest mark
 *
 * Returns: %TRUE for an understood numeric scale, which has a range
 */
gboolean
mc_grading_scale_get_range (McGradingScale *self,
                            double         *min,
                            double         *max)
{
  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), FALSE);

  if (!self->understood || self->scheme != MC_GRADING_NUMERIC)
    return FALSE;
  if (min != NULL)
    *min = self->min;
  if (max != NULL)
    *max = self->max;
  return TRUE;
}

/**
 * mc_grading_scale_get_pass_mark:
 * @self: a scale
 * @pass_mark: (out) (optional): the lowest mark that passes
 *
 * Returns: %TRUE when @self is an understood numeric scale that states a
 *   pass mark; without one every mark passes
 */
gboolean
mc_grading_scale_get_pass_mark (McGradingScale *self,
                                double         *pass_mark)
{
  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), FALSE);

  if (!self->has_pass_mark)
    return FALSE;
  if (pass_mark != NULL)
    *pass_mark = self->pass_mark;
  return TRUE;
}

/**
 * mc_grading_scale_is_percentage:
 * @self: a scale
 *
 * Returns: %TRUE when @self is an understood numeric scale whose text
 *   writes the marks as percentages ("0–100 %", "%, pass mark 40 %")
 */
gboolean
mc_grading_scale_is_percentage (McGradingScale *self)
{
  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), FALSE);
  return self->percentage;
}

/**
 * mc_grading_scale_get_n_grades:
 * @self: a scale
 *
 * Returns: how many grades an understood letter, tiered or pass-fail
 *   scale names; 0 for a numeric scale or one not understood
 */
guint
mc_grading_scale_get_n_grades (McGradingScale *self)
{
  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), 0);
  return self->grades->len;
}

/**
 * mc_grading_scale_get_grade:
 * @self: a scale
 * @position: a position below mc_grading_scale_get_n_grades()
 * @passes: (out) (optional): whether the grade passes
 *
 * Returns: the grade at @position, in the scale's order and spelling
 */
const char *
mc_grading_scale_get_grade (McGradingScale *self,
                            guint           position,
                            gboolean       *passes)
{
  McGrade *grade = NULL;

  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), NULL);
  g_return_val_if_fail (position < self->grades->len, NULL);

  grade = self->grades->pdata[position];
  if (passes != NULL)
    *passes = grade->passes;
  return grade->name;
}

/**
 * mc_grading_scale_find_grade:
 * @self: a scale
 * @grade: a grade in any spelling mc_grading_scale_check() accepts
 *
 * Returns: the position of @grade among the scale's grades ("B+" and "b"
 *   are where B is), or -1 when it names none of them
 */
int
mc_grading_scale_find_grade (McGradingScale *self,
                             const char     *grade)
{
  char modifier = '\0';
  McGrade *found = NULL;
  guint position = 0;

  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), -1);
  g_return_val_if_fail (grade != NULL, -1);

  found = lookup_grade (self, grade, &modifier);
  if (found == NULL || !g_ptr_array_find (self->grades, found, &position))
    return -1;
  return (int) position;
}

/**
 * mc_grading_scale_get_pass_grade:
 * @self: a scale
 *
 * The lowest passing grade of a letter, tiered or pass-fail scale whose
 * grades split cleanly into passing and failing ones, whichever end of the
 * list the passing grades are at: "D" for "A–F, pass at D", "E" for "A–F",
 * "Pass" for "Pass / Fail", "Novice" for "Fail, novice, expert".
 *
 * Returns: (nullable): the grade in the scale's spelling, or %NULL when
 *   every grade passes, when passing and failing grades alternate, or when
 *   the scale has no named grades
 */
const char *
mc_grading_scale_get_pass_grade (McGradingScale *self)
{
  GPtrArray *grades = NULL;
  guint changes = 0;
  guint boundary = 0;

  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), NULL);

  grades = self->grades;
  for (guint i = 1; i < grades->len; i++)
    if (((McGrade *) grades->pdata[i])->passes != ((McGrade *) grades->pdata[i - 1])->passes)
      {
        changes++;
        boundary = i;
      }
  if (changes != 1)
    return NULL;
  if (((McGrade *) grades->pdata[0])->passes)
    return ((McGrade *) grades->pdata[boundary - 1])->name;
  return ((McGrade *) grades->pdata[boundary])->name;
}
