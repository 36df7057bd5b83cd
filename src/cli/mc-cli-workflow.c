/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mc-cli-design.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred design submit" and the other moves of a design through the
 * approval workflow, and the conditions of its approval.  The workflow
 * checks the role and the state; its refusal is the message shown. */

static const struct {
  const char *name;
  McAction    action;
  gboolean    takes_comment;
  const char *summary;   /* N_() */
} transitions[] = {
  { "submit",   MC_ACTION_SUBMIT,   TRUE,
    N_("Submit a draft for review.  It must have no errors under the institution’s required "
       "profiles; its revision is frozen from then on.") },
  { "withdraw", MC_ACTION_WITHDRAW, TRUE,
    N_("Take a submitted design back; work goes on in a new draft revision.") },
  { "revise",   MC_ACTION_REVISE,   FALSE,
    N_("Start a new draft revision of a design the committee sent back for changes.") },
  { "activate", MC_ACTION_ACTIVATE, TRUE,
    N_("Put an approved design into use (QA chair); every condition must be met first.") },
  { "suspend",  MC_ACTION_SUSPEND,  TRUE,
    N_("Suspend an active design (QA chair).") },
  { "reinstate", MC_ACTION_REINSTATE, TRUE,
    N_("Make a suspended design active again (QA chair).") },
  { "retire",   MC_ACTION_RETIRE,   TRUE,
    N_("Retire an active or suspended design for good (QA chair).") },
  { "modify",   MC_ACTION_START_MODIFICATION, TRUE,
    N_("Start a minor modification of an active design; the approved revision stays in force "
       "meanwhile.") },
  { "submit-modification", MC_ACTION_SUBMIT_MODIFICATION, TRUE,
    N_("Submit a minor modification for review.") },
};

int
mc_cli_design_transition (McCliContext *ctx,
                          int           argc,
                          char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autofree char *comment = NULL;
  McDesignState before;
  const GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment,
      N_("Say why, for the history"), N_("TEXT") },
    { NULL }
  };
  guint t = 0;

  while (strcmp (transitions[t].name, argv[0]) != 0)
    t++;
  g_assert (t < G_N_ELEMENTS (transitions));

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"), _(transitions[t].summary),
                             transitions[t].takes_comment ? entries : NULL, 1, 1, &args) ||
      !(design = mc_cli_open_design (ctx, args[1], &workflow)))
    return MC_CLI_EXIT_FAILURE;

  before = mc_design_get_state (design);
  if (!mc_workflow_transition (workflow, design, transitions[t].action, comment, &error))
    return mc_cli_fail (error);

  /* Translators: "“Data Analytics” is now Submitted (was Draft)" */
  g_print (_("“%s” is now %s (was %s)\n"), mc_revision_get_title (mc_design_get_content (design)),
           mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)),
           mc_enum_label (MC_TYPE_DESIGN_STATE, before));
  return MC_CLI_EXIT_OK;
}

/* --- conditions ---------------------------------------------------------- */

/* The decision the conditions belong to: the latest one. */
static McDecision *
latest_decision (McStore  *store,
                 McDesign *design)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = mc_store_list_decisions (store, mc_design_get_id (design),
                                                            &error);

  if (decisions == NULL)
    {
      mc_cli_report (NULL, error);
      return NULL;
    }
  if (decisions->len == 0)
    {
      mc_cli_error (mc_revision_get_title (mc_design_get_content (design)),
                    _("The committee has not decided on this design yet"));
      return NULL;
    }
  return mc_decision_copy (g_ptr_array_index (decisions, decisions->len - 1));
}

static int
print_conditions_json (McStore    *store,
                       McDecision *decision)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < decision->conditions->len; i++)
    {
      McDecisionCondition *condition = g_ptr_array_index (decision->conditions, i);
      g_autoptr(McPerson) met_by = condition->met_by > 0
                                   ? mc_store_get_person (store, condition->met_by, NULL) : NULL;

      json_builder_begin_object (builder);
      mc_cli_json_int (builder, "number", i + 1);
      mc_cli_json_string (builder, "text", condition->text);
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, condition->met);
      mc_cli_json_string (builder, "met_by", met_by ? mc_person_get_username (met_by) : NULL);
      mc_cli_json_time (builder, "met_at", condition->met_at);
      mc_cli_json_string (builder, "evidence", condition->evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return mc_cli_print_builder (builder);
}

int
mc_cli_design_conditions (McCliContext *ctx,
                          int           argc,
                          char        **argv)
{
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDecision) decision = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the conditions as JSON"), NULL },
    { NULL }
  };

  if (!(design = mc_cli_parse_design_command (ctx, argc, argv,
                                              _("List the conditions of a design’s approval and "
                                                "whether they are met."),
                                              entries, &store)) ||
      !(decision = latest_decision (store, design)))
    return MC_CLI_EXIT_FAILURE;

  if (json)
    return print_conditions_json (store, decision);
  if (decision->conditions->len == 0)
    g_print ("%s\n", _("The approval has no conditions."));
  for (guint i = 0; i < decision->conditions->len; i++)
    {
      McDecisionCondition *condition = g_ptr_array_index (decision->conditions, i);

      g_print ("%u. [%s] %s\n", i + 1, condition->met ? "x" : " ", condition->text);
      if (condition->met)
        {
          g_autofree char *who = mc_cli_person_text (store, condition->met_by);
          g_autofree char *when = mc_cli_format_time (condition->met_at);
          g_autofree char *met = g_strdup_printf ("%s, %s", who ? who : "—", when);

          mc_cli_print_labelled (3, _("Met"), met);
          mc_cli_print_labelled (3, _("Evidence"), condition->evidence);
        }
    }
  return MC_CLI_EXIT_OK;
}

int
mc_cli_design_meet_condition (McCliContext *ctx,
                              int           argc,
                              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDecision) decision = NULL;
  g_autofree char *evidence = NULL;
  McDecisionCondition *condition;
  gint64 number = 0;
  const GOptionEntry entries[] = {
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence,
      N_("How the condition was met"), N_("TEXT") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID N"),
                             _("Record that condition N of the approval is met (the author); "
                               "“mcred design conditions” numbers them."),
                             entries, 2, 2, &args) ||
      !mc_cli_parse_number ("N", args[2], &number) ||
      !(design = mc_cli_open_design (ctx, args[1], &workflow)) ||
      !(decision = latest_decision (mc_workflow_get_store (workflow), design)))
    return MC_CLI_EXIT_FAILURE;

  if ((guint64) number > decision->conditions->len)
    {
      mc_cli_error ("N", ngettext ("The approval has %u condition",
                                   "The approval has %u conditions",
                                   decision->conditions->len),
                    decision->conditions->len);
      return MC_CLI_EXIT_FAILURE;
    }
  condition = g_ptr_array_index (decision->conditions, number - 1);
  if (!mc_workflow_meet_condition (workflow, design, condition->id, evidence, &error))
    return mc_cli_fail (error);

  g_print (_("Condition %u of “%s” is met: %s\n"), (guint) number,
           mc_revision_get_title (mc_design_get_content (design)), condition->text);
  return MC_CLI_EXIT_OK;
}
