/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mc-cli-answers.h"
#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred annual-review …": which active designs are due their yearly
 * review, and doing one on the yearly review template. */

typedef struct {
  gint64  id;
  char   *title;
  char   *unit;
  char   *due;
} DueDesign;

static void
due_design_free (DueDesign *due)
{
  g_free (due->title);
  g_free (due->unit);
  g_free (due->due);
  g_free (due);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const DueDesign *x = *(DueDesign **) a;
  const DueDesign *y = *(DueDesign **) b;

  return g_strcmp0 (x->due, y->due);
}

static gboolean
is_overdue (DueDesign  *entry,
            const char *today)
{
  return entry->due != NULL && strcmp (entry->due, today) < 0;
}

static int
print_due_json (GPtrArray  *due,
                const char *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < due->len; i++)
    {
      DueDesign *entry = g_ptr_array_index (due, i);

      json_builder_begin_object (builder);
      mc_cli_json_int (builder, "id", entry->id);
      mc_cli_json_string (builder, "title", entry->title);
      mc_cli_json_string (builder, "unit", entry->unit);
      mc_cli_json_string (builder, "review_due", entry->due);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, is_overdue (entry, today));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return mc_cli_print_builder (builder);
}

static void
print_due_table (GPtrArray  *due,
                 const char *today)
{
  const char *headers[] = { _("ID"), _("Review due"), _("Overdue"), _("Unit"), _("Title") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < due->len; i++)
    {
      DueDesign *entry = g_ptr_array_index (due, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
      row[1] = g_strdup (entry->due != NULL ? entry->due : "—");
      row[2] = g_strdup (is_overdue (entry, today) ? _("overdue") : "");
      row[3] = g_strdup (entry->unit);
      row[4] = g_strdup (entry->title);
      g_ptr_array_add (rows, row);
    }
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0x1);
}

static int
annual_due (McCliContext *ctx,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) due_design_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *unit = NULL;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Only designs of the unit with this code"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("List the active designs with the date of their next yearly "
                               "review, soonest first; overdue ones are marked."),
                             entries, 0, 0, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (unit != NULL)
    {
      g_autoptr(McUnit) found = mc_cli_resolve_unit (store, "--unit", unit);

      if (found == NULL)
        return MC_CLI_EXIT_FAILURE;
      query.unit_id = mc_unit_get_id (found);
    }
  query.state = MC_DESIGN_STATE_ACTIVE;
  if (!(summaries = mc_store_query_designs (store, &query, &error)))
    return mc_cli_fail (error);

  for (guint i = 0; i < summaries->len; i++)
    {
      McDesignSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(McDesign) design = mc_store_load_design (store, mc_design_summary_get_id (summary),
                                                         &error);
      g_autoptr(McUnit) design_unit = NULL;
      DueDesign *entry;

      if (design == NULL)
        return mc_cli_fail (error);
      design_unit = mc_store_get_unit (store, mc_design_get_unit_id (design), NULL);
      entry = g_new0 (DueDesign, 1);
      entry->id = mc_design_get_id (design);
      entry->title = g_strdup (mc_design_summary_get_title (summary));
      entry->unit = g_strdup (design_unit ? mc_unit_get_code (design_unit) : "");
      entry->due = g_strdup (mc_design_get_review_due (design));
      g_ptr_array_add (due, entry);
    }
  g_ptr_array_sort (due, compare_due);

  if (json)
    return print_due_json (due, today);
  if (due->len == 0)
    g_print ("%s\n", _("No active designs."));
  else
    print_due_table (due, today);
  return MC_CLI_EXIT_OK;
}

/* The yearly review in progress of the design @ref (a new one if none is),
 * with the workflow, the design and the template it is made on. */
static McAnnualReview *
open_review (McCliContext  *ctx,
             const char    *ref,
             McWorkflow   **workflow,
             McDesign     **design,
             McTemplate   **template_)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McAnnualReview) review = NULL;

  if (!(*design = mc_cli_open_design (ctx, ref, workflow)))
    return NULL;
  if (!(review = mc_workflow_open_annual_review (*workflow, *design, &error)))
    {
      mc_cli_fail (error);
      return NULL;
    }
  if (!(*template_ = mc_cli_load_template (mc_workflow_get_store (*workflow), review->template_id)))
    return NULL;
  return g_steal_pointer (&review);
}

static int
annual_start (McCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(McAnnualReview) review = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"),
                             _("Start the yearly review of an active design, or show the one in "
                               "progress, with the criteria of its template."),
                             NULL, 1, 1, &args) ||
      !(review = open_review (ctx, args[1], &workflow, &design, &template_)))
    return MC_CLI_EXIT_FAILURE;
  /* Saved at once, so that the unit sees it is under way. */
  if (review->id == 0 && !mc_workflow_save_annual_review (workflow, review, &error))
    return mc_cli_fail (error);

  /* Translators: "Yearly review of “Data Analytics”, due 2026-05-01 (Yearly review, version 1)" */
  g_print (_("Yearly review of “%s”, due %s (%s, version %u)\n"),
           mc_revision_get_title (mc_design_get_content (design)), review->due_on,
           mc_template_get_title (template_), mc_template_get_version (template_));
  mc_cli_print_criteria (template_, review->answers);
  return MC_CLI_EXIT_OK;
}

static int
annual_answer (McCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(McAnnualReview) review = NULL;
  g_autofree char *comment = NULL;
  const GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment,
      N_("Why the criterion is rated so (rated criteria)"), N_("TEXT") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID CRITERION met|partly-met|not-met|TEXT"),
                             _("Answer one criterion of a design’s yearly review; the answer is "
                               "saved at once."),
                             entries, 3, 3, &args) ||
      !(review = open_review (ctx, args[1], &workflow, &design, &template_)) ||
      !mc_cli_set_answer (ctx, template_, review->answers, args[2], args[3], comment))
    return MC_CLI_EXIT_FAILURE;

  if (!mc_workflow_save_annual_review (workflow, review, &error))
    return mc_cli_fail (error);
  mc_cli_print_answered (args[2], template_, review->answers);
  return MC_CLI_EXIT_OK;
}

static int
annual_complete (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(McAnnualReview) review = NULL;
  g_autofree char *outcome_nick = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *answers = NULL;
  int outcome = MC_ANNUAL_OUTCOME_UNSET;
  const GOptionEntry entries[] = {
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_nick,
      N_("continue, modify or retire"), N_("OUTCOME") },
    { "actions", 0, 0, G_OPTION_ARG_STRING, &actions,
      N_("The actions taken or proposed, or that none are needed"), N_("TEXT") },
    MC_CLI_ANSWERS_OPTION (&answers),
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"),
                             _("Complete a design’s yearly review.  Modify starts a minor "
                               "modification, retire retires the design."),
                             entries, 1, 1, &args) ||
      !mc_cli_parse_nick (ctx, MC_TYPE_ANNUAL_OUTCOME, "--outcome", outcome_nick, &outcome))
    return MC_CLI_EXIT_FAILURE;
  if (outcome == MC_ANNUAL_OUTCOME_UNSET)
    return mc_cli_usage_error (ctx, _("Say what the review leads to with --outcome"));

  if (!(review = open_review (ctx, args[1], &workflow, &design, &template_)) ||
      (answers != NULL && !mc_cli_read_answers (template_, answers, review->answers)))
    return MC_CLI_EXIT_FAILURE;
  review->outcome = (McAnnualOutcome) outcome;
  if (actions != NULL)
    {
      g_free (review->actions);
      review->actions = g_steal_pointer (&actions);
    }
  if (!mc_workflow_complete_annual_review (workflow, design, review, &error))
    return mc_cli_fail (error);

  /* Translators: "Completed the yearly review of “Data Analytics”: Continue; it is Active" */
  g_print (_("Completed the yearly review of “%s”: %s; it is %s\n"),
           mc_revision_get_title (mc_design_get_content (design)),
           mc_enum_label (MC_TYPE_ANNUAL_OUTCOME, review->outcome),
           mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)));
  if (mc_design_get_review_due (design) != NULL)
    g_print (_("The next yearly review is due on %s\n"), mc_design_get_review_due (design));
  return MC_CLI_EXIT_OK;
}

static const McCliCommand annual_commands[] = {
  { "due",      annual_due,      N_("List the active designs and their yearly review dates") },
  { "start",    annual_start,    N_("Start or show a design’s yearly review") },
  { "answer",   annual_answer,   N_("Answer one criterion of a yearly review") },
  { "complete", annual_complete, N_("Complete a yearly review") },
};

int
mc_cli_annual_run (McCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  return mc_cli_dispatch (ctx, annual_commands, G_N_ELEMENTS (annual_commands),
                          NULL, NULL, argc, argv);
}
