/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred history": the events of a design, or of the whole database. */

/* Details are written by the workflow, but the file may have been edited:
 * only text that json-glib can parse without deep recursion is parsed. */
#define MAX_DETAIL_NESTING 32

static JsonNode *
parse_details (const char *details)
{
  guint openers = 0;

  if (details == NULL)
    return NULL;
  for (const char *p = details; *p != '\0'; p++)
    if ((*p == '{' || *p == '[') && ++openers > MAX_DETAIL_NESTING)
      return json_node_init_string (json_node_alloc (), details);
  return json_from_string (details, NULL);
}

static const char *
username_of (GHashTable *people,
             gint64      id)
{
  McPerson *person = g_hash_table_lookup (people, &id);

  return person != NULL ? mc_person_get_username (person) : NULL;
}

static char *
event_time (McEvent *event)
{
  return mc_cli_format_local_iso8601 (event->time / G_USEC_PER_SEC);
}

static int
print_events_json (GPtrArray  *events,
                   GHashTable *people)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      McEvent *event = g_ptr_array_index (events, i);
      g_autofree char *time = event_time (event);
      JsonNode *details = parse_details (event->details);

      json_builder_begin_object (builder);
      mc_cli_json_int (builder, "id", event->id);
      mc_cli_json_string (builder, "time", time);
      if (event->design_id > 0)
        mc_cli_json_int (builder, "design", event->design_id);
      else
        mc_cli_json_string (builder, "design", NULL);
      mc_cli_json_string (builder, "design_uuid", event->design_uuid);
      mc_cli_json_nick (builder, "action", MC_TYPE_ACTION, event->action);
      mc_cli_json_string (builder, "actor", username_of (people, event->actor_id));
      mc_cli_json_string (builder, "actor_name", event->actor_name);
      mc_cli_json_string (builder, "recorded_by", username_of (people, event->recorded_by_id));
      mc_cli_json_string (builder, "recorded_by_name", event->recorded_by_name);
      mc_cli_json_nick (builder, "from", MC_TYPE_DESIGN_STATE, event->from_state);
      mc_cli_json_nick (builder, "to", MC_TYPE_DESIGN_STATE, event->to_state);
      mc_cli_json_string (builder, "comment", event->comment);
      json_builder_set_member_name (builder, "details");
      if (details != NULL)
        json_builder_add_value (builder, details);
      else
        json_builder_add_null_value (builder);
      mc_cli_json_string (builder, "hash", event->hash);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return mc_cli_print_builder (builder);
}

static void
print_event (McEvent    *event,
             GHashTable *people,
             gboolean    with_design)
{
  g_autofree char *time = event_time (event);
  g_autofree char *actor = g_strdup_printf ("%s (%s)", event->actor_name,
                                            username_of (people, event->actor_id));
  g_autofree char *by = NULL;

  g_print ("#%lld  %s  %s", (long long) event->id, time, mc_enum_label (MC_TYPE_ACTION, event->action));
  /* A state that did not change is shown in parentheses. */
  if (event->to_state >= 0)
    g_print ("  %s → %s",
             event->from_state >= 0 ? mc_enum_label (MC_TYPE_DESIGN_STATE, event->from_state) : "—",
             mc_enum_label (MC_TYPE_DESIGN_STATE, event->to_state));
  else if (event->from_state >= 0)
    g_print ("  (%s)", mc_enum_label (MC_TYPE_DESIGN_STATE, event->from_state));
  g_print ("\n");

  if (event->recorded_by_id != event->actor_id)
    /* Translators: "Admin (root) on behalf of Dr Aoife Brennan (aoife.brennan)" */
    by = g_strdup_printf (_("%s (%s) on behalf of %s"), event->recorded_by_name,
                          username_of (people, event->recorded_by_id), actor);
  mc_cli_print_labelled (4, _("By"), by != NULL ? by : actor);
  if (with_design && event->design_uuid != NULL)
    {
      g_autofree char *design = event->design_id > 0
                                ? g_strdup_printf ("%lld (%s)", (long long) event->design_id,
                                                   event->design_uuid)
                                : g_strdup (event->design_uuid);

      mc_cli_print_labelled (4, _("Design"), design);
    }
  if (event->comment != NULL && *event->comment != '\0')
    mc_cli_print_labelled (4, _("Comment"), event->comment);
  if (event->details != NULL)
    mc_cli_print_labelled (4, _("Details"), event->details);
}

int
mc_cli_history_run (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) people = NULL;
  gboolean json = FALSE, all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("The whole history of the database"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the events as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"),
                             _("Show who did what to a design, when and why, oldest first "
                               "(times in local time)."),
                             entries, 0, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (all == (args[1] != NULL))
    return mc_cli_usage_error (ctx, _("Give either a design or --all"));
  if (!(store = mc_cli_open_store (ctx, FALSE)) ||
      (!all && !(design = mc_cli_resolve_design (store, args[1]))))
    return MC_CLI_EXIT_FAILURE;
  if (!(events = mc_store_list_events (store, design ? mc_design_get_id (design) : 0, &error)))
    return mc_cli_fail (error);

  people = mc_cli_people_by_id (store);
  if (json)
    return print_events_json (events, people);
  if (events->len == 0)
    g_print ("%s\n", _("No events."));
  for (guint i = 0; i < events->len; i++)
    print_event (g_ptr_array_index (events, i), people, all);
  return MC_CLI_EXIT_OK;
}
