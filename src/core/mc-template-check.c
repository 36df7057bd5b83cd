/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-field.h"
#include "mc-field-schema-private.h"
#include "mc-template-private.h"

/* The rules a template must meet, whether it was read from a file or
 * edited: the parser checks the shape of the JSON, then hands the result
 * to mc_template_check(), so that both refuse the same things with the
 * same words. */

gboolean
_mc_template_error (GError     **error,
                    int          code,
                    const char  *detail)
{
  /* TRANSLATORS: %s says what is wrong, e.g. "the title is empty" */
  g_set_error (error, MC_TEMPLATE_ERROR, code, _("Review template: %s"), detail);
  return FALSE;
}

gboolean
_mc_template_criterion_error (GError     **error,
                              guint        index,
                              const char  *id,
                              const char  *detail)
{
  if (id != NULL)
    /* TRANSLATORS: "Criterion 3 (“outcomes-assessable”): the title is empty" */
    g_set_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_INVALID,
                 _("Criterion %u (“%s”): %s"), index + 1, id, detail);
  else
    g_set_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_INVALID,
                 _("Criterion %u: %s"), index + 1, detail);
  return FALSE;
}

gboolean
_mc_template_id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;
  length = strlen (id);
  if (length == 0 || length > MC_TEMPLATE_MAX_ID)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* Returns a translated complaint about a title, or NULL. */
static char *
title_problem (const char *title)
{
  glong length;

  /* JSON escapes can spell what UTF-8 cannot (a lone surrogate). */
  if (title != NULL && !g_utf8_validate (title, -1, NULL))
    return g_strdup (_("the title is not valid UTF-8 text"));
  if (_mc_text_is_blank (title))
    return g_strdup (_("the title is empty"));
  if (strpbrk (title, "\r\n") != NULL)
    return g_strdup (_("the title must be a single line"));
  length = g_utf8_strlen (title, -1);
  if (length > MC_TEMPLATE_MAX_TITLE)
    return g_strdup_printf (_("the title is %ld characters long; at most %u are allowed"),
                            length, MC_TEMPLATE_MAX_TITLE);
  return NULL;
}

/* A paragraph member ("guidance", "description"): only its length. */
static char *
text_problem (const char *member,
              const char *text)
{
  glong length;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    /* TRANSLATORS: %s is the name of a member of the file, e.g. “guidance” */
    return g_strdup_printf (_("“%s” is not valid UTF-8 text"), member);
  length = text != NULL ? g_utf8_strlen (text, -1) : 0;
  if (length > MC_TEMPLATE_MAX_TEXT)
    /* TRANSLATORS: the first %s is the name of a member of the file, e.g. “guidance” */
    return g_strdup_printf (_("“%s” is %ld characters long; at most %u are allowed"),
                            member, length, MC_TEMPLATE_MAX_TEXT);
  return NULL;
}

static char *
fields_problem (const char * const *fields)
{
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const McField *field = mc_field_lookup (fields[i]);

      if (field == NULL)
        {
          g_autofree char *shown = g_utf8_make_valid (fields[i], -1);

          return g_strdup_printf (_("“%s” is not a field of a design"), shown);
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (fields[i], fields[j]))
          return g_strdup_printf (_("the field “%s” is listed twice"), fields[i]);
    }
  return NULL;
}

static gboolean
check_criterion (const McCriterion  *criterion,
                 guint               index,
                 GHashTable         *seen,
                 GError            **error)
{
  g_autofree char *problem = NULL;

  if (!_mc_template_id_is_valid (criterion->id))
    return _mc_template_criterion_error (error, index, NULL,
                                         _("the id must be 1 to 64 lower-case letters, "
                                           "digits and dashes"));
  if (!g_hash_table_add (seen, criterion->id))
    problem = g_strdup (_("another criterion has the same id"));
  else if (mc_enum_to_nick (MC_TYPE_ANSWER_KIND, criterion->answer) == NULL)
    problem = g_strdup (_("the kind of answer is unknown"));
  else if ((problem = title_problem (criterion->title)) == NULL &&
           (problem = text_problem ("guidance", criterion->guidance)) == NULL)
    problem = fields_problem ((const char * const *) criterion->fields);

  if (problem != NULL)
    return _mc_template_criterion_error (error, index, criterion->id, problem);
  return TRUE;
}

/**
 * mc_template_check:
 * @self: a template
 * @error: return location for a #MC_TEMPLATE_ERROR_INVALID error
 *
 * Applies the rules of the file format (docs/template-format.md) to a
 * template however it was made: a valid key, kind and title, 1 to
 * %MC_TEMPLATE_MAX_CRITERIA criteria with unique, valid ids, non-empty
 * one-line titles, texts within their lengths, known answer kinds and
 * design fields.  The store checks before saving.
 *
 * Returns: %TRUE if the template can be saved and written out
 */
gboolean
mc_template_check (McTemplate  *self,
                   GError     **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *problem = NULL;
  guint n;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_mc_template_id_is_valid (mc_template_get_key (self)))
    return _mc_template_error (error, MC_TEMPLATE_ERROR_INVALID,
                               _("the key must be 1 to 64 lower-case letters, digits and dashes"));
  if ((problem = title_problem (_mc_template_get_stored_title (self))) != NULL ||
      (problem = text_problem ("description", _mc_template_get_stored_description (self))) != NULL)
    return _mc_template_error (error, MC_TEMPLATE_ERROR_INVALID, problem);

  n = mc_template_get_n_criteria (self);
  if (n == 0)
    return _mc_template_error (error, MC_TEMPLATE_ERROR_INVALID,
                               _("there must be at least one criterion"));
  if (n > MC_TEMPLATE_MAX_CRITERIA)
    {
      problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "there can be at most %u criterion",
                                              "there can be at most %u criteria",
                                              MC_TEMPLATE_MAX_CRITERIA),
                                 MC_TEMPLATE_MAX_CRITERIA);
      return _mc_template_error (error, MC_TEMPLATE_ERROR_INVALID, problem);
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    if (!check_criterion (mc_template_get_criterion (self, i), i, seen, error))
      return FALSE;
  return TRUE;
}
