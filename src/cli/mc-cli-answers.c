/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-answers.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* Answers to the criteria of a review template, shared by reviews and
 * yearly reviews: showing them, setting one from the command line and
 * reading a whole answers file. */

McTemplate *
mc_cli_load_template (McStore *store,
                      gint64   template_id)
{
  g_autoptr(GError) error = NULL;
  McTemplate *template_ = mc_store_load_template (store, template_id, &error);

  if (template_ == NULL)
    mc_cli_report (NULL, error);
  return template_;
}

static char *
answer_text (const McCriterion *criterion,
             McAnswer          *answer)
{
  const char *text = answer != NULL && answer->text != NULL && *answer->text != '\0'
                     ? answer->text : NULL;

  if (criterion->answer == MC_ANSWER_KIND_TEXT || answer == NULL ||
      answer->rating == MC_RATING_UNSET)
    return g_strdup (text);
  if (text == NULL)
    return g_strdup (mc_enum_label (MC_TYPE_RATING, answer->rating));
  /* Translators: a rating and the reviewer's comment, "Partly met — Too vague" */
  return g_strdup_printf (_("%s — %s"), mc_enum_label (MC_TYPE_RATING, answer->rating), text);
}

void
mc_cli_print_criteria (McTemplate *template_,
                       GPtrArray  *answers)
{
  guint n = mc_template_get_n_criteria (template_);

  for (guint i = 0; i < n; i++)
    {
      const McCriterion *criterion = mc_template_get_criterion (template_, i);
      const char *kind = criterion->answer == MC_ANSWER_KIND_RATING
                         ? (criterion->required ? _("rated, required") : _("rated"))
                         : (criterion->required ? _("text, required") : _("text"));

      g_print ("\n%u. %s (%s)\n", i + 1, criterion->id, kind);
      mc_cli_print_labelled (3, _("Question"), mc_criterion_get_title (criterion));
      if (answers == NULL)
        {
          const char *guidance = mc_criterion_get_guidance (criterion);

          mc_cli_print_labelled (3, _("Guidance"), *guidance != '\0' ? guidance : NULL);
        }
      else
        {
          g_autofree char *text = answer_text (criterion, mc_answers_find (answers, criterion->id));

          mc_cli_print_labelled (3, _("Answer"), text);
        }
    }
}

void
mc_cli_json_answers (JsonBuilder *builder,
                     McTemplate  *template_,
                     GPtrArray   *answers)
{
  guint n = mc_template_get_n_criteria (template_);

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const McCriterion *criterion = mc_template_get_criterion (template_, i);
      McAnswer *answer = mc_answers_find (answers, criterion->id);

      json_builder_begin_object (builder);
      mc_cli_json_string (builder, "criterion", criterion->id);
      mc_cli_json_string (builder, "question", mc_criterion_get_title (criterion));
      mc_cli_json_nick (builder, "kind", MC_TYPE_ANSWER_KIND, criterion->answer);
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, criterion->required);
      mc_cli_json_nick (builder, "rating", MC_TYPE_RATING,
                        criterion->answer == MC_ANSWER_KIND_RATING && answer != NULL
                        ? (int) answer->rating : -1);
      mc_cli_json_string (builder, "text", answer != NULL ? answer->text : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static const McCriterion *
find_criterion (McTemplate *template_,
                const char *id)
{
  const McCriterion *criterion = mc_template_find_criterion (template_, id, NULL);
  g_autoptr(GString) known = NULL;

  if (criterion != NULL)
    return criterion;
  known = g_string_new (NULL);
  for (guint i = 0; i < mc_template_get_n_criteria (template_); i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                            mc_template_get_criterion (template_, i)->id);
  mc_cli_error (id, _("Not a criterion of the template “%s” (its criteria are: %s)"),
                mc_template_get_title (template_), known->str);
  return NULL;
}

gboolean
mc_cli_set_answer (McCliContext *ctx,
                   McTemplate   *template_,
                   GPtrArray    *answers,
                   const char   *criterion_id,
                   const char   *value,
                   const char   *comment)
{
  const McCriterion *criterion = find_criterion (template_, criterion_id);
  int rating = MC_RATING_UNSET;

  if (criterion == NULL)
    return FALSE;
  if (criterion->answer == MC_ANSWER_KIND_TEXT)
    {
      if (comment != NULL)
        {
          mc_cli_usage_error (ctx, _("“%s” is answered with text: give the text as the answer, "
                                     "without --comment"), criterion_id);
          return FALSE;
        }
      mc_answers_set (answers, criterion->id, MC_RATING_UNSET, value);
      return TRUE;
    }
  if (!mc_enum_from_nick (MC_TYPE_RATING, value, &rating) || rating == MC_RATING_UNSET)
    {
      mc_cli_usage_error (ctx, _("“%s” is rated: answer met, partly-met or not-met, "
                                 "and say why with --comment"), criterion_id);
      return FALSE;
    }
  mc_answers_set (answers, criterion->id, (McRating) rating, comment != NULL ? comment : "");
  return TRUE;
}

gboolean
mc_cli_read_answers (McTemplate *template_,
                     const char *name,
                     GPtrArray  *answers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = mc_cli_read_input (name, MC_TEMPLATE_MAX_ANSWERS_BYTES);
  g_autoptr(GPtrArray) read = NULL;
  gsize length = 0;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!(read = mc_template_parse_answers (template_, data, (gssize) length, &error)))
    {
      mc_cli_error (mc_cli_input_name (name), "%s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < read->len; i++)
    {
      McAnswer *answer = g_ptr_array_index (read, i);

      mc_answers_set (answers, answer->criterion_id, answer->rating, answer->text);
    }
  return TRUE;
}

guint
mc_cli_count_answered (McTemplate *template_,
                       GPtrArray  *answers)
{
  guint n = mc_template_get_n_criteria (template_);
  guint answered = 0;

  for (guint i = 0; i < n; i++)
    {
      const McCriterion *criterion = mc_template_get_criterion (template_, i);
      McAnswer *answer = mc_answers_find (answers, criterion->id);

      if (answer != NULL && (criterion->answer == MC_ANSWER_KIND_RATING
                             ? answer->rating != MC_RATING_UNSET
                             : answer->text != NULL && *answer->text != '\0'))
        answered++;
    }
  return answered;
}

void
mc_cli_print_answered (const char *criterion_id,
                       McTemplate *template_,
                       GPtrArray  *answers)
{
  guint n = mc_template_get_n_criteria (template_);

  g_print (ngettext ("Saved the answer to “%s” (%u of %u criterion answered)\n",
                     "Saved the answer to “%s” (%u of %u criteria answered)\n", n),
           criterion_id, mc_cli_count_answered (template_, answers), n);
}
