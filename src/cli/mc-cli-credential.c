/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"
#include "mc-issuing-context.h"

/* The register of issued credentials: "mcred credential list|show",
 * "certificate render" (a counted reprint), "revoke", "suspend",
 * "reinstate" and "reissue".  Every change is an event of the history. */

#define LIST_PAGE_SIZE 500

McIssuedCredential *
mc_cli_resolve_credential (McStore    *store,
                           const char *ref)
{
  g_autoptr(GError) error = NULL;
  McIssuedCredential *credential;
  gint64 id = 0;

  if (g_ascii_isdigit (ref[0]) && strchr (ref, '-') == NULL)
    {
      if (!mc_cli_parse_number ("CREDENTIAL", ref, &id))
        return NULL;
      credential = mc_store_load_credential (store, id, &error);
    }
  else
    credential = mc_store_find_credential (store, ref, &error);
  if (credential == NULL && error == NULL)
    mc_cli_error (NULL, _("There is no credential “%s”"), ref);
  else if (credential == NULL)
    mc_cli_report (NULL, error);
  return credential;
}

static void
add_summary_json (JsonBuilder         *builder,
                  McCredentialSummary *row)
{
  json_builder_begin_object (builder);
  mc_cli_json_int (builder, "id", row->id);
  mc_cli_json_string (builder, "uuid", row->uuid);
  mc_cli_json_string (builder, "student_id", row->student_id);
  mc_cli_json_string (builder, "name", row->learner_name);
  mc_cli_json_string (builder, "title", row->title);
  mc_cli_json_nick (builder, "state", MC_TYPE_CREDENTIAL_STATE, row->state);
  mc_cli_json_time (builder, "issued", row->issued_at);
  json_builder_end_object (builder);
}

static char **
summary_row (McCredentialSummary *summary)
{
  char **row = g_new0 (char *, 7);

  row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, summary->id);
  row[1] = g_strdup (summary->student_id);
  row[2] = g_strdup (summary->learner_name);
  row[3] = g_strdup (summary->title);
  row[4] = g_strdup (mc_enum_label (MC_TYPE_CREDENTIAL_STATE, summary->state));
  row[5] = summary->issued_at > 0 ? mc_cli_format_time (summary->issued_at) : g_strdup ("—");
  return row;
}

/* Prints one page as JSON array elements, after @n_printed others. */
static void
print_json_page (GPtrArray *page,
                 guint      n_printed)
{
  for (guint i = 0; i < page->len; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      add_summary_json (builder, g_ptr_array_index (page, i));
      node = json_builder_get_root (builder);
      text = json_to_string (node, FALSE);
      g_print ("%s  %s", n_printed + i > 0 ? ",\n" : "", text);
    }
}

/* The register a page at a time, so that 100,000 credentials print in
 * little memory. */
static int
print_register (McStore                 *store,
                const McCredentialQuery *query,
                gboolean                 json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("ID"), _("Student"), _("Name"), _("Credential"), _("State"), _("Issued") };
  guint total = mc_store_count_credentials (store, query, &error);

  if (error != NULL)
    return mc_cli_fail (error);
  if (json)
    g_print ("[\n");
  for (guint offset = 0; offset < total; offset += LIST_PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = mc_store_query_credentials (store, query, offset, LIST_PAGE_SIZE, &error);

      if (page == NULL)
        return mc_cli_fail (error);
      if (json)
        print_json_page (page, offset);
      else
        for (guint i = 0; i < page->len; i++)
          g_ptr_array_add (rows, summary_row (g_ptr_array_index (page, i)));
      if (page->len < LIST_PAGE_SIZE)
        break;
    }
  if (json)
    g_print ("%s]\n", total > 0 ? "\n" : "");
  else if (total == 0)
    g_print ("%s\n", _("No credentials."));
  else
    mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0x1);
  return MC_CLI_EXIT_OK;
}

static int
credential_list (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autofree char *search = NULL;
  g_autofree char *offering = NULL;
  g_autofree char *state = NULL;
  McCredentialQuery query = MC_CREDENTIAL_QUERY_INIT;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only those whose learner, student id, uuid, title or offering code holds TEXT"), N_("TEXT") },
    { "offering", 0, 0, G_OPTION_ARG_STRING, &offering, N_("Only those of this offering"), N_("ID") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only those in this state"), N_("STATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the credentials as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL, _("List issued credentials, newest first."),
                             entries, 0, 0, &args) ||
      !mc_cli_parse_nick (ctx, MC_TYPE_CREDENTIAL_STATE, "--state", state, &query.state) ||
      (offering != NULL && !mc_cli_parse_number ("--offering", offering, &query.offering_id)) ||
      !(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  query.search = search;
  return print_register (store, &query, json);
}

static void
add_credential_json (JsonBuilder        *builder,
                     McIssuedCredential *credential,
                     const char         *page)
{
  json_builder_begin_object (builder);
  mc_cli_json_int (builder, "id", credential->id);
  mc_cli_json_string (builder, "uuid", credential->uuid);
  mc_cli_json_nick (builder, "state", MC_TYPE_CREDENTIAL_STATE, credential->state);
  mc_cli_json_string (builder, "student_id", credential->student_id);
  mc_cli_json_string (builder, "name", credential->learner_name);
  mc_cli_json_string (builder, "title", credential->title);
  mc_cli_json_int (builder, "offering_id", credential->offering_id);
  mc_cli_json_string (builder, "offering_code", credential->offering_code);
  mc_cli_json_string (builder, "grade", credential->result->grade);
  mc_cli_json_int (builder, "batch", credential->batch_id);
  mc_cli_json_string (builder, "kid", credential->kid);
  mc_cli_json_int (builder, "status_index", credential->status_index);
  mc_cli_json_time (builder, "issued", credential->issued_at);
  mc_cli_json_string (builder, "valid_from", credential->valid_from);
  mc_cli_json_string (builder, "valid_until", credential->valid_until);
  mc_cli_json_string (builder, "status_reason", credential->status_reason);
  mc_cli_json_int (builder, "reprints", credential->reprints);
  mc_cli_json_int (builder, "supersedes", credential->supersedes_id);
  mc_cli_json_int (builder, "superseded_by", credential->superseded_by_id);
  mc_cli_json_string (builder, "verification_url", page);
  mc_cli_json_string (builder, "jwt", credential->jwt);
  json_builder_end_object (builder);
}

static void
print_credential (McIssuedCredential *credential,
                  const char         *page)
{
  g_autofree char *name = g_strdup_printf ("%s (%s)", credential->learner_name, credential->student_id);
  g_autofree char *urn = mc_issued_credential_dup_urn (credential);
  g_autofree char *issued = credential->issued_at > 0 ? mc_cli_format_time (credential->issued_at) : NULL;

  g_print ("%s\n", credential->title);
  mc_cli_print_labelled (2, _("ID"), urn);
  mc_cli_print_labelled (2, _("Learner"), name);
  mc_cli_print_labelled (2, _("Grade"), credential->result->grade);
  mc_cli_print_labelled (2, _("Offering"), credential->offering_code);
  mc_cli_print_labelled (2, _("State"), mc_enum_label (MC_TYPE_CREDENTIAL_STATE, credential->state));
  if (credential->status_reason != NULL && *credential->status_reason != '\0')
    mc_cli_print_labelled (2, _("Reason"), credential->status_reason);
  mc_cli_print_labelled (2, _("Issued"), issued);
  mc_cli_print_labelled (2, _("Valid from"), credential->valid_from);
  mc_cli_print_labelled (2, _("Valid until"), credential->valid_until);
  mc_cli_print_labelled (2, _("Signed with"), credential->kid);
  mc_cli_print_labelled (2, _("Verification page"), page);
}

static int
credential_show (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McIssuedCredential) credential = NULL;
  g_autofree char *base = NULL;
  g_autofree char *page = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the credential as JSON, with its signed form"),
      NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"), _("Show an issued credential."),
                             entries, 1, 1, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)) ||
      !(credential = mc_cli_resolve_credential (store, args[1])))
    return MC_CLI_EXIT_FAILURE;
  base = mc_credential_urls_dup_base_from_store (store, NULL);
  page = base != NULL ? mc_credential_urls_verification_page (base, credential->uuid, credential->token) : NULL;
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_credential_json (builder, credential, page);
      return mc_cli_print_builder (builder);
    }
  print_credential (credential, page);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand credential_commands[] = {
  { "list", credential_list, N_("List issued credentials") },
  { "show", credential_show, N_("Show an issued credential") },
};

int
mc_cli_credential_run (McCliContext *ctx,
                       int           argc,
                       char        **argv)
{
  return mc_cli_dispatch (ctx, credential_commands, G_N_ELEMENTS (credential_commands), NULL, NULL,
                          argc, argv);
}
