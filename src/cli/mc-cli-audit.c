/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred audit verify": proves the history has not been altered, and
 * "mcred tasks": what the acting person should do next. */

#define HASH_LENGTH 64

/* Whether @hash is the hash of one of the events: a head written down
 * earlier (in the minutes, say) must still be part of the chain, or the
 * chain was rewritten from before it. */
static gboolean
chain_contains (McStore     *store,
                const char  *hash,
                gboolean    *found,
                GError     **error)
{
  g_autoptr(GPtrArray) events = mc_store_list_events (store, 0, error);

  *found = FALSE;
  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < events->len && !*found; i++)
    *found = g_ascii_strcasecmp (((McEvent *) g_ptr_array_index (events, i))->hash, hash) == 0;
  return TRUE;
}

static gboolean
is_hash (const char *text)
{
  if (strlen (text) != HASH_LENGTH)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static int
print_check_json (McHistoryCheck *check,
                  const char     *expected,
                  gboolean        found)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "intact");
  json_builder_add_boolean_value (builder, check->intact && (expected == NULL || found));
  mc_cli_json_int (builder, "checked", (gint64) check->n_checked);
  mc_cli_json_string (builder, "head", check->head_hash);
  if (check->intact)
    mc_cli_json_string (builder, "first_broken", NULL);
  else
    mc_cli_json_int (builder, "first_broken", check->first_broken_id);
  mc_cli_json_string (builder, "reason", check->reason);
  if (expected != NULL)
    {
      json_builder_set_member_name (builder, "expected_head_found");
      json_builder_add_boolean_value (builder, found);
    }
  json_builder_end_object (builder);
  return mc_cli_print_builder (builder);
}

/* Prints the result; returns the exit status. */
static int
report_check (McHistoryCheck *check,
              const char     *expected,
              gboolean        found,
              gboolean        json)
{
  gboolean intact = check->intact && (expected == NULL || found);

  if (json)
    {
      int status = print_check_json (check, expected, found);

      if (status != MC_CLI_EXIT_OK)
        return status;
    }
  else if (!check->intact)
    g_print (_("History altered at event #%lld: %s\n"), (long long) check->first_broken_id,
             check->reason);
  else if (!intact)
    g_print (_("History rewritten: no event has the head hash %s that was written down; "
               "the head is now %s\n"), expected, check->head_hash);
  else
    g_print (ngettext ("History intact: %llu event checked, head %s\n",
                       "History intact: %llu events checked, head %s\n", check->n_checked),
             (unsigned long long) check->n_checked,
             check->head_hash != NULL ? check->head_hash : "—");
  return intact ? MC_CLI_EXIT_OK : MC_CLI_EXIT_INVALID;
}

static int
audit_verify (McCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autofree char *expected = NULL;
  McHistoryCheck check = { 0 };
  gboolean json = FALSE, found = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "expect-head", 0, 0, G_OPTION_ARG_STRING, &expected,
      N_("Also check that the chain still holds this head hash, written down earlier"), N_("HASH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Recompute the hash chain of the whole history.  Exits with 0 when "
                               "it is intact, 1 when an event was altered, removed or reordered."),
                             entries, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;
  if (expected != NULL && !is_hash (expected))
    return mc_cli_usage_error (ctx, _("--expect-head: “%s” is not a hash of 64 hexadecimal digits"),
                               expected);
  if (!(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;

  if (!mc_store_verify_history (store, &check, NULL, &error) ||
      (check.intact && expected != NULL && !chain_contains (store, expected, &found, &error)))
    status = mc_cli_fail (error);
  else
    status = report_check (&check, expected, found, json);
  mc_history_check_clear (&check);
  return status;
}

static const McCliCommand audit_commands[] = {
  { "verify", audit_verify, N_("Check that the history has not been altered") },
};

int
mc_cli_audit_run (McCliContext *ctx,
                  int           argc,
                  char        **argv)
{
  return mc_cli_dispatch (ctx, audit_commands, G_N_ELEMENTS (audit_commands),
                          NULL, NULL, argc, argv);
}

/* --- tasks --------------------------------------------------------------- */

static int
print_tasks_json (McPerson  *person,
                  GPtrArray *tasks,
                  guint     *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_kinds = mc_enum_n_values (MC_TYPE_TASK_KIND);

  json_builder_begin_object (builder);
  mc_cli_json_string (builder, "person", mc_person_get_username (person));
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint k = 0; k < n_kinds; k++)
    mc_cli_json_int (builder, mc_enum_to_nick (MC_TYPE_TASK_KIND, (int) k), counts[k]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tasks->len; i++)
    {
      McTask *task = g_ptr_array_index (tasks, i);

      json_builder_begin_object (builder);
      mc_cli_json_nick (builder, "kind", MC_TYPE_TASK_KIND, task->kind);
      mc_cli_json_int (builder, "design", task->design_id);
      mc_cli_json_string (builder, "title", task->design_title);
      mc_cli_json_string (builder, "unit", task->unit_name);
      if (task->review_id > 0)
        mc_cli_json_int (builder, "review", task->review_id);
      else
        mc_cli_json_string (builder, "review", NULL);
      mc_cli_json_string (builder, "due", task->due_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return mc_cli_print_builder (builder);
}

static void
print_tasks (McPerson  *person,
             GPtrArray *tasks,
             guint     *counts)
{
  const char *headers[] = { _("Task"), _("Design"), _("Review"), _("Due"), _("Title") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_kinds = mc_enum_n_values (MC_TYPE_TASK_KIND);

  /* Translators: "Tasks of Dr Aoife Brennan (aoife.brennan): 3" */
  g_print (_("Tasks of %s (%s): %u\n"), mc_person_get_name (person),
           mc_person_get_username (person), tasks->len);
  for (guint k = 0; k < n_kinds; k++)
    if (counts[k] > 0)
      g_print ("  %s: %u\n", mc_enum_label (MC_TYPE_TASK_KIND, k), counts[k]);
  if (tasks->len == 0)
    return;

  for (guint i = 0; i < tasks->len; i++)
    {
      McTask *task = g_ptr_array_index (tasks, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      row[0] = g_strdup (mc_enum_label (MC_TYPE_TASK_KIND, task->kind));
      row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, task->design_id);
      row[2] = task->review_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, task->review_id) : g_strdup ("");
      row[3] = g_strdup (task->due_on != NULL ? task->due_on : "");
      row[4] = g_strdup (task->design_title);
      g_ptr_array_add (rows, row);
    }
  g_print ("\n");
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0x6);
}

int
mc_cli_tasks_run (McCliContext *ctx,
                  int           argc,
                  char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree guint *counts = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the tasks as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("List what you should do next — drafts to finish, reviews to do, "
                               "decisions pending, yearly reviews due — with counts per kind."),
                             entries, 0, 0, &args) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (!(tasks = mc_workflow_list_tasks (workflow, &error)))
    return mc_cli_fail (error);

  counts = g_new0 (guint, mc_enum_n_values (MC_TYPE_TASK_KIND));
  for (guint i = 0; i < tasks->len; i++)
    counts[((McTask *) g_ptr_array_index (tasks, i))->kind]++;

  if (json)
    return print_tasks_json (mc_workflow_get_actor (workflow), tasks, counts);
  print_tasks (mc_workflow_get_actor (workflow), tasks, counts);
  return MC_CLI_EXIT_OK;
}
