/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-grading-scale.h"
#include "mc-grading-scale-private.h"

/* The scale in words, for the registrar: in the results import's preview
 * and in the messages that refuse a grade. */

/* What the scale allows, short, for messages: "0–100", "A–F", "Novice,
 * proficient, expert". */
char *
_mc_grading_scale_dup_allowed (McGradingScale *self)
{
  GString *out = NULL;

  if (self->scheme == MC_GRADING_NUMERIC)
    {
      g_autofree char *min = mc_grading_scale_format_mark (self->min);
      g_autofree char *max = mc_grading_scale_format_mark (self->max);

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
  g_autofree char *min = mc_grading_scale_format_mark (self->min);
  g_autofree char *max = mc_grading_scale_format_mark (self->max);
  g_autofree char *pass = NULL;

  if (!self->has_pass_mark)
    return g_strdup_printf (_("Numeric %s–%s, no pass mark: every mark passes"), min, max);
  pass = mc_grading_scale_format_mark (self->pass_mark);
  return g_strdup_printf (_("Numeric %s–%s, pass mark %s"), min, max, pass);
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
  g_autofree char *allowed = _mc_grading_scale_dup_allowed (self);
  g_autofree char *failing = NULL;
  const char *threshold = NULL;
  gboolean letters = self->scheme == MC_GRADING_LETTER;

  if (self->scheme == MC_GRADING_PASS_FAIL)
    return g_strdup_printf (_("Pass or fail: %s"), allowed);
  if (all_pass (self))
    return g_strdup_printf (letters ? _("Letter grades %s, all pass") : _("Tiers %s, all pass"),
                            allowed);
  threshold = mc_grading_scale_get_pass_grade (self);
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
