/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"
#include "mc-issuing-context.h"

/* What a registrar does to one credential of the register: print its
 * certificate again, revoke, suspend or reinstate it, or replace it. */

/* Writes @credential's certificate to @path. */
static gboolean
write_certificate (McStore            *store,
                   McIssuedCredential *credential,
                   McPaperSize         paper,
                   const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssuingContext) context = NULL;
  g_autoptr(McCertificateContent) content = NULL;
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();

  if ((context = mc_issuing_context_new (store, &error)) == NULL ||
      (content = mc_issuing_context_build_certificate (context, credential, &error)) == NULL)
    {
      mc_cli_fail (error);
      return FALSE;
    }
  if (!mc_certificate_renderer_write_pdf (renderer, content, paper, path, &error))
    {
      mc_cli_report (path, error);
      return FALSE;
    }
  return TRUE;
}

static int
certificate_render (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McIssuedCredential) credential = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *paper_name = NULL;
  McPaperSize paper = MC_PAPER_A4;
  gboolean counted;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("The PDF file to write"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 (the default) or letter"), N_("SIZE") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"),
                             _("Write the certificate of an issued credential as PDF: a reprint, "
                               "counted in its history."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (pdf == NULL)
    return mc_cli_usage_error (ctx, _("Give the file to write with --pdf"));
  if (!mc_cli_parse_paper (paper_name, &paper) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(credential = mc_cli_resolve_credential (mc_workflow_get_store (workflow), args[1])))
    return MC_CLI_EXIT_FAILURE;
  /* Only an active credential is reprinted; others print with their
   * watermark, for the file. */
  counted = credential->state == MC_CREDENTIAL_STATE_ACTIVE;
  if (counted && !mc_workflow_record_reprint (workflow, credential->id, &error))
    return mc_cli_fail (error);
  if (!write_certificate (mc_workflow_get_store (workflow), credential, paper, pdf))
    return MC_CLI_EXIT_FAILURE;
  if (counted)
    g_print (_("Wrote the certificate of %s to %s (reprint %u)\n"), credential->learner_name, pdf,
             credential->reprints + 1);
  else
    g_print (_("Wrote the certificate of %s to %s, marked as %s\n"), credential->learner_name, pdf,
             mc_enum_label (MC_TYPE_CREDENTIAL_STATE, credential->state));
  return MC_CLI_EXIT_OK;
}

static const McCliCommand certificate_commands[] = {
  { "render", certificate_render, N_("Write a credential’s certificate as PDF") },
};

int
mc_cli_certificate_run (McCliContext *ctx,
                        int           argc,
                        char        **argv)
{
  return mc_cli_dispatch (ctx, certificate_commands, G_N_ELEMENTS (certificate_commands), NULL, NULL,
                          argc, argv);
}

/* revoke, suspend and reinstate: one state change with its reason. */
static void
print_changed (McIssuedCredential *credential,
               McCredentialState   state)
{
  /* Translators: the credential's uuid, then its holder. */
  if (state == MC_CREDENTIAL_STATE_REVOKED)
    g_print (_("Revoked credential %s of %s\n"), credential->uuid, credential->learner_name);
  else if (state == MC_CREDENTIAL_STATE_SUSPENDED)
    g_print (_("Suspended credential %s of %s\n"), credential->uuid, credential->learner_name);
  else
    g_print (_("Reinstated credential %s of %s\n"), credential->uuid, credential->learner_name);
}

static int
change_state (McCliContext      *ctx,
              int                argc,
              char             **argv,
              McCredentialState  state,
              const char        *summary)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McIssuedCredential) credential = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry with_reason[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why, for the history and the learner"),
      N_("TEXT") },
    { NULL }
  };
  gboolean needs_reason = state != MC_CREDENTIAL_STATE_ACTIVE;

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"), summary, needs_reason ? with_reason : NULL,
                             1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (needs_reason && (reason == NULL || *g_strstrip (reason) == '\0'))
    return mc_cli_usage_error (ctx, _("Give the reason with --reason"));
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(credential = mc_cli_resolve_credential (mc_workflow_get_store (workflow), args[1])))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_workflow_set_credential_state (workflow, credential->id, state, reason, &error))
    return mc_cli_fail (error);
  print_changed (credential, state);
  return MC_CLI_EXIT_OK;
}

int
mc_cli_revoke_run (McCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  return change_state (ctx, argc, argv, MC_CREDENTIAL_STATE_REVOKED,
                       _("Revoke an issued credential for good (registrars)."));
}

int
mc_cli_suspend_run (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  return change_state (ctx, argc, argv, MC_CREDENTIAL_STATE_SUSPENDED,
                       _("Suspend an issued credential until it is reinstated (registrars)."));
}

int
mc_cli_reinstate_run (McCliContext *ctx,
                      int           argc,
                      char        **argv)
{
  return change_state (ctx, argc, argv, MC_CREDENTIAL_STATE_ACTIVE,
                       _("Reinstate a suspended credential (registrars)."));
}

int
mc_cli_reissue_run (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McIssuedCredential) credential = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(McCliSecret) secret = NULL;
  g_autofree char *reason = NULL;
  g_auto(McCliPassphrase) passphrase = MC_CLI_PASSPHRASE_INIT;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is replaced"), N_("TEXT") },
    MC_CLI_PASSPHRASE_ENTRIES (&passphrase),
    { NULL }
  };

  if (!mc_cli_passphrase_check_argv (argc, argv) ||
      !mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"),
                             _("Replace an issued credential with a corrected one, signed now; the old "
                               "one is superseded (registrars)."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (reason == NULL || *g_strstrip (reason) == '\0')
    return mc_cli_usage_error (ctx, _("Give the reason with --reason"));
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(credential = mc_cli_resolve_credential (mc_workflow_get_store (workflow), args[1])) ||
      !(secret = mc_cli_passphrase_read (&passphrase)))
    return MC_CLI_EXIT_FAILURE;
  keyring = mc_keyring_new (workflow);
  /* The key is unlocked first: a wrong passphrase changes nothing. */
  if (!(key = mc_cli_unlock_key (keyring, NULL, mc_keyring_get_signing_algorithm (keyring), secret)))
    return MC_CLI_EXIT_FAILURE;
  if (!(batch = mc_workflow_reissue_credential (workflow, credential->id, reason, &error)))
    return mc_cli_fail (error);
  g_print (_("Credential %s is superseded\n"), credential->uuid);
  return mc_cli_issue_offering (ctx, workflow, credential->offering_id, key, NULL, 2, NULL, MC_PAPER_A4);
}
