/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred decision record" and "list": the QA committee's decisions, as
 * recorded by the chair. */

static int
decision_record (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDecision) decision = NULL;
  g_autofree char *outcome_nick = NULL;
  g_autofree char *meeting_date = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *comment = NULL;
  g_auto(GStrv) conditions = NULL;
  int outcome = MC_OUTCOME_UNSET;
  McDesignState before;
  const GOptionEntry entries[] = {
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_nick,
      N_("approve, approve-with-conditions, request-changes or reject"), N_("OUTCOME") },
    { "meeting-date", 0, 0, G_OPTION_ARG_STRING, &meeting_date,
      N_("The date of the committee’s meeting"), N_("YYYY-MM-DD") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The reference of the meeting’s minutes"), N_("REF") },
    { "condition", 0, 0, G_OPTION_ARG_STRING_ARRAY, &conditions,
      N_("A condition of the approval; repeat for each"), N_("TEXT") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment,
      N_("The committee’s reasons, for the history"), N_("TEXT") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"),
                             _("Record the QA committee’s decision on a design in review (QA "
                               "chair).  It needs the configured number of completed reviews."),
                             entries, 1, 1, &args) ||
      !mc_cli_parse_nick (ctx, MC_TYPE_OUTCOME_KIND, "--outcome", outcome_nick, &outcome))
    return MC_CLI_EXIT_FAILURE;
  if (outcome == MC_OUTCOME_UNSET)
    return mc_cli_usage_error (ctx, _("Give the committee’s decision with --outcome"));
  if (meeting_date == NULL || reference == NULL)
    return mc_cli_usage_error (ctx, _("Give the meeting with --meeting-date and --reference"));
  if (!(design = mc_cli_open_design (ctx, args[1], &workflow)))
    return MC_CLI_EXIT_FAILURE;

  decision = mc_decision_new ((McOutcomeKind) outcome, meeting_date, reference);
  if (comment != NULL)
    {
      g_free (decision->comment);
      decision->comment = g_steal_pointer (&comment);
    }
  for (guint i = 0; conditions != NULL && conditions[i] != NULL; i++)
    mc_decision_add_condition (decision, conditions[i]);

  before = mc_design_get_state (design);
  if (!mc_workflow_decide (workflow, design, decision, &error))
    return mc_cli_fail (error);

  /* Translators: "Recorded Approve for “Data Analytics”; it is now Approved (was In review)" */
  g_print (_("Recorded %s for “%s”; it is now %s (was %s)\n"),
           mc_enum_label (MC_TYPE_OUTCOME_KIND, decision->outcome),
           mc_revision_get_title (mc_design_get_content (design)),
           mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)),
           mc_enum_label (MC_TYPE_DESIGN_STATE, before));
  return MC_CLI_EXIT_OK;
}

static int
print_decisions_json (GPtrArray  *decisions,
                      GHashTable *people)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < decisions->len; i++)
    {
      McDecision *decision = g_ptr_array_index (decisions, i);
      McPerson *chair = g_hash_table_lookup (people, &decision->decided_by);

      json_builder_begin_object (builder);
      mc_cli_json_int (builder, "id", decision->id);
      mc_cli_json_int (builder, "revision", decision->revision_number);
      mc_cli_json_nick (builder, "outcome", MC_TYPE_OUTCOME_KIND, decision->outcome);
      mc_cli_json_string (builder, "meeting_date", decision->meeting_date);
      mc_cli_json_string (builder, "reference", decision->reference);
      mc_cli_json_string (builder, "comment", decision->comment);
      mc_cli_json_string (builder, "decided_by", chair ? mc_person_get_username (chair) : NULL);
      mc_cli_json_time (builder, "recorded", decision->created);
      json_builder_set_member_name (builder, "conditions");
      json_builder_begin_array (builder);
      for (guint c = 0; c < decision->conditions->len; c++)
        {
          McDecisionCondition *condition = g_ptr_array_index (decision->conditions, c);

          json_builder_begin_object (builder);
          mc_cli_json_string (builder, "text", condition->text);
          json_builder_set_member_name (builder, "met");
          json_builder_add_boolean_value (builder, condition->met);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return mc_cli_print_builder (builder);
}

static void
print_decision (McDecision *decision)
{
  g_autofree char *recorded = mc_cli_format_time (decision->created);
  g_autofree char *meeting = g_strdup_printf ("%s, %s", decision->meeting_date, decision->reference);
  g_autofree char *revision = g_strdup_printf ("%u", decision->revision_number);

  g_print ("%s\n", mc_enum_label (MC_TYPE_OUTCOME_KIND, decision->outcome));
  mc_cli_print_labelled (2, _("Revision"), revision);
  mc_cli_print_labelled (2, _("Meeting"), meeting);
  mc_cli_print_labelled (2, _("Recorded by"), decision->decided_by_name);
  mc_cli_print_labelled (2, _("Recorded"), recorded);
  if (decision->comment != NULL && *decision->comment != '\0')
    mc_cli_print_labelled (2, _("Comment"), decision->comment);
  for (guint c = 0; c < decision->conditions->len; c++)
    {
      McDecisionCondition *condition = g_ptr_array_index (decision->conditions, c);

      g_print ("  %u. [%s] %s\n", c + 1, condition->met ? "x" : " ", condition->text);
    }
}

static int
decision_list (McCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GHashTable) people = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the decisions as JSON"), NULL },
    { NULL }
  };

  if (!(design = mc_cli_parse_design_command (ctx, argc, argv,
                                              _("List the committee’s decisions on a design, "
                                                "oldest first."),
                                              entries, &store)))
    return MC_CLI_EXIT_FAILURE;
  if (!(decisions = mc_store_list_decisions (store, mc_design_get_id (design), &error)))
    return mc_cli_fail (error);

  if (json)
    {
      people = mc_cli_people_by_id (store);
      return print_decisions_json (decisions, people);
    }
  if (decisions->len == 0)
    g_print ("%s\n", _("No decisions."));
  for (guint i = 0; i < decisions->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      print_decision (g_ptr_array_index (decisions, i));
    }
  return MC_CLI_EXIT_OK;
}

static const McCliCommand decision_commands[] = {
  { "record", decision_record, N_("Record the committee’s decision") },
  { "list",   decision_list,   N_("List the decisions on a design") },
};

int
mc_cli_decision_run (McCliContext *ctx,
                     int           argc,
                     char        **argv)
{
  return mc_cli_dispatch (ctx, decision_commands, G_N_ELEMENTS (decision_commands),
                          NULL, NULL, argc, argv);
}
