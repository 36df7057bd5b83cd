/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-grading-scale.h"
#include "mc-grading-scale-private.h"

/* Reading the text of a scale is in mc-grading-scale-parse.c; this file
 * holds the object, the checks of a grade and the descriptions. */

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

static char *
format_mark (double mark)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", mark));
}

/* What the scale allows, short, for messages: "0–100", "A–F", "Novice,
 * proficient, expert". */
static char *
dup_allowed (McGradingScale *self)
{
  GString *out = NULL;

  if (self->scheme == MC_GRADING_NUMERIC)
    {
      g_autofree char *min = format_mark (self->min);
      g_autofree char *max = format_mark (self->max);

      return g_strdup_printf ("%s–%s", min, max);
    }
  if (self->letter_range)
    return g_strdup_printf ("%s–%s", ((McGrade *) self->grades->pdata[0])->name,
                            ((McGrade *) self->grades->pdata[self->grades->len - 1])->name);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->grades->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, ((McGrade *) self->grades->pdata[i])->name);
    }
  return g_string_free (out, FALSE);
}

static gboolean
check_mark (McGradingScale  *self,
            const char      *grade,
            gboolean        *passed,
            char           **normalised,
            GError         **error)
{
  g_autofree char *allowed = dup_allowed (self);
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
    *normalised = format_mark (mark);
  return TRUE;
}

/* A letter of a range scale may carry a modifier: "B+" is a B. */
static McGrade *
lookup_letter_with_modifier (McGradingScale *self,
                             const char     *key,
                             char           *modifier)
{
  gsize length = strlen (key);
  g_autofree char *base = NULL;

  if (!self->letter_range || length < 2 || (key[length - 1] != '+' && key[length - 1] != '-'))
    return NULL;
  *modifier = key[length - 1];
  base = g_strndup (key, length - 1);
  return g_hash_table_lookup (self->lookup, base);
}

static gboolean
check_named (McGradingScale  *self,
             const char      *grade,
             gboolean        *passed,
             char           **normalised,
             GError         **error)
{
  g_autofree char *key = _mc_grading_scale_fold (grade);
  McGrade *found = g_hash_table_lookup (self->lookup, key);
  char modifier = '\0';

  if (found == NULL)
    found = lookup_letter_with_modifier (self, key, &modifier);
  if (found == NULL)
    {
      g_autofree char *allowed = dup_allowed (self);

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

static char *
describe_not_understood (McGradingScale *self)
{
  const char *scheme = mc_enum_label (MC_TYPE_GRADING_SCHEME, self->scheme);

  if (self->scheme == MC_GRADING_UNSET)
    return g_strdup (_("No grading scheme is set; grades are not checked"));
  if (self->text[0] == '\0')
    /* Translators: %s is a grading scheme ("Letter grades"). */
    return g_strdup_printf (_("%s, with no grades stated; grades are not checked"), scheme);
  /* Translators: the first %s is a grading scheme, the second the
   * design's text about its grades. */
  return g_strdup_printf (_("%s “%s” is not understood; grades are not checked"), scheme, self->text);
}

static char *
describe_numeric (McGradingScale *self)
{
  g_autofree char *min = format_mark (self->min);
  g_autofree char *max = format_mark (self->max);
  g_autofree char *pass = NULL;

  if (!self->has_pass_mark)
    return g_strdup_printf (_("Numeric %s–%s, no pass mark: every mark passes"), min, max);
  pass = format_mark (self->pass_mark);
  return g_strdup_printf (_("Numeric %s–%s, pass mark %s"), min, max, pass);
}

/* The lowest passing grade when the scale splits cleanly into passing and
 * failing grades (best first for letters, lowest first for tiers), or NULL:
 * "D" for A–F passing at D. */
static const char *
pass_threshold (McGradingScale *self)
{
  GPtrArray *grades = self->grades;
  guint changes = 0;
  guint boundary = 0;

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

static gboolean
all_pass (McGradingScale *self)
{
  for (guint i = 0; i < self->grades->len; i++)
    if (!((McGrade *) self->grades->pdata[i])->passes)
      return FALSE;
  return TRUE;
}

/* The failing grades, joined ("F, FX"). */
static char *
dup_failing (McGradingScale *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->grades->len; i++)
    {
      McGrade *grade = self->grades->pdata[i];

      if (grade->passes)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, grade->name);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_named (McGradingScale *self)
{
  g_autofree char *allowed = dup_allowed (self);
  g_autofree char *failing = NULL;
  const char *threshold = NULL;
  gboolean letters = self->scheme == MC_GRADING_LETTER;

  if (self->scheme == MC_GRADING_PASS_FAIL)
    return g_strdup_printf (_("Pass or fail: %s"), allowed);
  if (all_pass (self))
    return g_strdup_printf (letters ? _("Letter grades %s, all pass") : _("Tiers %s, all pass"),
                            allowed);
  threshold = pass_threshold (self);
  if (threshold != NULL)
    /* Translators: "Letter grades A–F, pass at D". */
    return g_strdup_printf (letters ? _("Letter grades %s, pass at %s") : _("Tiers %s, pass at %s"),
                            allowed, threshold);
  failing = dup_failing (self);
  return g_strdup_printf (letters ? _("Letter grades %s, not passing: %s")
                                  : _("Tiers %s, not passing: %s"), allowed, failing);
}

/**
 * mc_grading_scale_describe:
 * @self: a scale
 *
 * Returns: (transfer full): the scale in a sentence for the registrar:
 *   "Numeric 0–100, pass mark 40", "Letter grades A–F, pass at D"
 */
char *
mc_grading_scale_describe (McGradingScale *self)
{
  g_return_val_if_fail (MC_IS_GRADING_SCALE (self), NULL);

  if (!self->understood)
    return describe_not_understood (self);
  if (self->scheme == MC_GRADING_NUMERIC)
    return describe_numeric (self);
  return describe_named (self);
}
