/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-credential-verifier.h"

/* "mcred verify FILE": checks a credential a learner or another
 * institution presents, and says in plain words whether it is valid.
 * With the institution's database at hand, its keys and register are
 * used; keys and status lists of other issuers are given as files. */

/* Standard input, to the verifier's size cap and one byte beyond. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[16384];
  size_t n;

  while (data->len <= MC_CREDENTIAL_VERIFIER_MAX_SIZE && (n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_byte_array_append (data, buffer, (guint) n);
  if (ferror (stdin))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Standard input cannot be read"));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static gboolean
give_files (McCredentialVerifier *verifier,
            char                **keys,
            char                **lists)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (mc_credential_verifier_load_key_file (verifier, keys[i], &error) == 0)
        {
          mc_cli_report (keys[i], error);
          return FALSE;
        }
    }
  for (guint i = 0; lists != NULL && lists[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!mc_credential_verifier_load_status_list_file (verifier, NULL, lists[i], &error))
        {
          mc_cli_report (lists[i], error);
          return FALSE;
        }
    }
  return TRUE;
}

/* The institution's database when there is one: its keys and register. */
static gboolean
use_database (McCliContext         *ctx,
              McCredentialVerifier *verifier)
{
  g_autoptr(McStore) store = NULL;

  if (!g_file_test (mc_cli_database_path (ctx), G_FILE_TEST_EXISTS))
    return TRUE;
  store = mc_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return FALSE;
  mc_credential_verifier_set_store (verifier, store);
  return TRUE;
}

static void
print_result (McVerification *result)
{
  g_print ("%s\n\n", mc_verification_get_summary (result));
  for (guint i = 0; i < mc_verification_get_n_checks (result); i++)
    {
      const McVerificationCheck *check = mc_verification_get_check (result, i);
      McCheckOutcome outcome = mc_verification_check_get_outcome (check);
      const char *mark = outcome == MC_CHECK_OUTCOME_PASSED ? "✓" : outcome == MC_CHECK_OUTCOME_FAILED ? "✗" : "–";

      /* Translators: a mark (✓, ✗ or –), the check's title and what it found */
      g_print (_("%s %s: %s\n"), mark, mc_verification_check_get_title (check),
               mc_verification_check_get_detail (check));
    }
}

static McVerification *
verify_input (McCredentialVerifier *verifier,
              const char           *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL;
  McVerification *result;

  if (g_str_equal (file, "-"))
    {
      input = read_stdin (&error);
      result = input != NULL ? mc_credential_verifier_verify_bytes (verifier, input, &error) : NULL;
    }
  else
    result = mc_credential_verifier_verify_file (verifier, file, &error);
  if (result == NULL)
    mc_cli_report (g_str_equal (file, "-") ? _("standard input") : file, error);
  return result;
}

static gboolean
set_time (McCliContext         *ctx,
          McCredentialVerifier *verifier,
          const char           *at)
{
  g_autoptr(GDateTime) time = NULL;

  if (at == NULL)
    return TRUE;
  time = g_date_time_new_from_iso8601 (at, NULL);
  if (time == NULL)
    {
      g_autofree char *midnight = g_strconcat (at, "T00:00:00Z", NULL);

      time = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  if (time == NULL)
    {
      mc_cli_usage_error (ctx, _("“%s” is not a date (2026-06-12) or a date and time (2026-06-12T09:30:00Z)"),
                          at);
      return FALSE;
    }
  mc_credential_verifier_set_now (verifier, time);
  return TRUE;
}

int
mc_cli_verify_run (McCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) lists = NULL;
  g_autofree char *at = NULL;
  gboolean json = FALSE;
  g_autoptr(McCredentialVerifier) verifier = mc_credential_verifier_new ();
  g_autoptr(McVerification) result = NULL;
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &keys,
      N_("Trust the public keys in FILE (a JWKS, a JWK, a PEM key or certificate)"), N_("FILE") },
    { "status-list", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &lists,
      N_("Check the status against the issuer’s status list in FILE"), N_("FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("Check whether it was valid at DATE instead of now"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the whole result as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("FILE"),
                             _("Verify a credential: a signed file (.jwt or .json), or, with FILE “-”, "
                               "the text or verification address read from standard input. Exits with 0 "
                               "when it is valid, 1 when it is not or could not be fully checked."),
                             entries, 1, 1, &args) ||
      !set_time (ctx, verifier, at) || !use_database (ctx, verifier) || !give_files (verifier, keys, lists))
    return MC_CLI_EXIT_FAILURE;

  result = verify_input (verifier, args[1]);
  if (result == NULL)
    return MC_CLI_EXIT_FAILURE;
  if (json)
    {
      g_autoptr(JsonNode) node = mc_verification_to_json (result);

      if (!mc_cli_print_json (node))
        return MC_CLI_EXIT_FAILURE;
    }
  else
    print_result (result);
  return mc_verification_is_valid (result) ? MC_CLI_EXIT_OK : MC_CLI_EXIT_INVALID;
}
