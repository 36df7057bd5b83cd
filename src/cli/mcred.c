/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-context.h"
#include "mc-cli-lookup.h"
#include "mc-cli-design.h"
#include "mc-cli-profile.h"
#include "mc-demo-issuing.h"

static int
run_init (McCliContext *ctx,
          int           argc,
          char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  gboolean existed;

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Create the database, or bring an older one up to date."),
                             NULL, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;

  existed = g_file_test (mc_cli_database_path (ctx), G_FILE_TEST_EXISTS);
  if (existed && !(store = mc_cli_open_store (ctx, TRUE)))
    return MC_CLI_EXIT_FAILURE;
  if (!existed)
    {
      /* Whoever creates the database becomes its administrator. */
      if (!(workflow = mc_cli_open_workflow (ctx, TRUE)))
        return MC_CLI_EXIT_FAILURE;
      store = g_object_ref (mc_workflow_get_store (workflow));
    }

  g_print (existed ? _("Database %s is ready (schema version %d)\n")
                   : _("Created database %s (schema version %d)\n"),
           mc_store_get_path (store), mc_store_get_schema_version (store));
  if (workflow != NULL)
    g_print (_("%s (%s) is its administrator\n"),
             mc_person_get_name (mc_workflow_get_account (workflow)),
             mc_person_get_username (mc_workflow_get_account (workflow)));
  return MC_CLI_EXIT_OK;
}

/* The demo's offerings and signing key, set up by its administrator. */
static int
populate_issuing (McCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McWorkflow) workflow = mc_cli_open_workflow (ctx, FALSE);

  if (workflow == NULL)
    return MC_CLI_EXIT_FAILURE;
  if (!mc_workflow_has_role (workflow, MC_ROLE_ADMINISTRATOR, 0))
    {
      g_print ("%s\n", _("Issuing is not set up: only an administrator can add the demo’s signing key"));
      return MC_CLI_EXIT_OK;
    }
  if (!mc_demo_issuing_populate (workflow, &error))
    return mc_cli_fail (error);
  g_print (_("Offerings ready to issue; the passphrase of the demo’s signing key is “%s”\n"),
           MC_DEMO_KEY_PASSPHRASE);
  return MC_CLI_EXIT_OK;
}

static int
run_demo (McCliContext *ctx,
          int           argc,
          char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  guint n_designs;

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Fill an empty database with the demo institution."),
                             NULL, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;

  if (!(store = mc_cli_open_store (ctx, TRUE)))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_demo_populate (store, &error))
    {
      mc_cli_report (mc_store_get_path (store), error);
      return MC_CLI_EXIT_FAILURE;
    }

  n_designs = mc_store_count_designs (store, NULL);
  g_print (ngettext ("Added the demo institution to %s: %u design\n",
                     "Added the demo institution to %s: %u designs\n", n_designs),
           mc_store_get_path (store), n_designs);
  return populate_issuing (ctx);
}

static const McCliCommand commands[] = {
  { "init",          run_init,            N_("Create or update the database") },
  { "demo",          run_demo,            N_("Fill the database with the demo institution") },
  { "design",        mc_cli_design_run,   N_("List, show, import, validate and submit designs") },
  { "review",        mc_cli_review_run,   N_("Assign reviewers, answer reviews, comment") },
  { "decision",      mc_cli_decision_run, N_("Record and list the committee’s decisions") },
  { "annual-review", mc_cli_annual_run,   N_("Yearly reviews of active designs") },
  { "tasks",         mc_cli_tasks_run,    N_("What you should do next") },
  { "history",       mc_cli_history_run,  N_("Who did what, when and why") },
  { "audit",         mc_cli_audit_run,    N_("Prove that the history has not been altered") },
  { "report",        mc_cli_report_run,   N_("Write a unit’s yearly QA report") },
  { "template",      mc_cli_template_run, N_("List, show, export and import review templates") },
  { "person",        mc_cli_person_run,   N_("Add and list the people of the institution") },
  { "unit",          mc_cli_unit_run,     N_("Add and list academic units") },
  { "role",          mc_cli_role_run,     N_("Grant and revoke roles") },
  { "settings",      mc_cli_settings_run, N_("Institution settings") },
  { "profile",       mc_cli_profile_run,  N_("List the policy profiles") },
  { "institution",   mc_cli_institution_run, N_("The institution as its credentials name it") },
  { "key",           mc_cli_key_run,      N_("Generate, import, list and retire signing keys") },
  { "offering",      mc_cli_offering_run, N_("Create and list offerings of active designs") },
  { "results",       mc_cli_results_run,  N_("Import the results of an offering from CSV") },
  { "issue",         mc_cli_issue_run,    N_("Sign and write the credentials of an offering") },
  { "credential",    mc_cli_credential_run, N_("List and show issued credentials") },
  { "certificate",   mc_cli_certificate_run, N_("Print a credential’s certificate again") },
  { "revoke",        mc_cli_revoke_run,   N_("Revoke an issued credential") },
  { "suspend",       mc_cli_suspend_run,  N_("Suspend an issued credential") },
  { "reinstate",     mc_cli_reinstate_run, N_("Reinstate a suspended credential") },
  { "reissue",       mc_cli_reissue_run,  N_("Replace an issued credential with a corrected one") },
  { "verify",        mc_cli_verify_run,   N_("Check a credential someone presents") },
  { "status-list",   mc_cli_status_list_run, N_("Publish which credentials are revoked or suspended") },
  { "partner",       mc_cli_partner_run,  N_("Trusted partner issuers: add, list and remove") },
  { "recognise",     mc_cli_recognise_run, N_("Grant credit for another institution’s credential") },
  { "recognition",   mc_cli_recognition_run, N_("List the recognition decisions") },
  { "serve",         mc_cli_serve_run,    N_("Run the publishing service for verifiers and portals") },
  { "publish",       mc_cli_publish_run,  N_("Write the published documents into a folder") },
};

int
main (int    argc,
      char **argv)
{
  McCliContext ctx = { NULL, NULL, NULL };
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  mc_core_init ();

  status = mc_cli_dispatch (&ctx, commands, G_N_ELEMENTS (commands), entries, &version,
                            argc, argv);
  if (status == MC_CLI_EXIT_OK && version)
    g_print ("mcred %s\n", PACKAGE_VERSION);

  mc_cli_context_clear (&ctx);
  return status;
}
