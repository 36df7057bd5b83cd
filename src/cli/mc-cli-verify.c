/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-lookup.h"
#include "mc-cli-verify.h"
#include "mc-credential-verifier.h"
#include "mc-remote-verifier.h"

/* "mcred verify FILE": checks a credential a learner or another
 * institution presents, and says in plain words whether it is valid.
 * With the institution's database at hand, its keys and register are
 * used; keys and status lists of other issuers are given as files, or,
 * with --online, fetched from the addresses the credential names
 * (McRemoteVerifier); --offline uses only what was fetched before. */

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

static char *
issuer_text (McVerification *result)
{
  const char *name = mc_verification_get_issuer_name (result);
  const char *id = mc_verification_get_issuer_id (result);

  if (name == NULL)
    return g_strdup (id != NULL ? id : _("unknown"));
  /* Translators: the issuer's name and its id (an address) */
  return id != NULL ? g_strdup_printf (_("%s (%s)"), name, id) : g_strdup (name);
}

/* Who issued it, as far as we are concerned, when the verifier looked. */
static void
print_trust (McVerification *result)
{
  g_autofree char *issuer = issuer_text (result);

  switch (mc_verification_get_issuer_trust (result))
    {
    case MC_ISSUER_TRUST_OWN:
      g_print (_("Issuer: %s, this institution\n"), issuer);
      break;
    case MC_ISSUER_TRUST_PARTNER:
      g_print (_("Issuer: %s, one of our trusted partners (listed as “%s”)\n"), issuer,
               mc_verification_get_partner_name (result));
      break;
    case MC_ISSUER_TRUST_NOT_PARTNER:
      g_print (_("Issuer: %s, not one of our partners\n"), issuer);
      break;
    case MC_ISSUER_TRUST_UNKNOWN:
    default:
      break;
    }
}

/* The checks that were not done (skipped), by title or by id. */
static GPtrArray *
not_checked (McVerification *result,
             gboolean        titles)
{
  GPtrArray *skipped = g_ptr_array_new ();

  for (guint i = 0; i < mc_verification_get_n_checks (result); i++)
    {
      const McVerificationCheck *check = mc_verification_get_check (result, i);

      if (mc_verification_check_get_outcome (check) == MC_CHECK_OUTCOME_SKIPPED)
        g_ptr_array_add (skipped, (gpointer) (titles ? mc_verification_check_get_title (check)
                                                     : mc_verification_check_get_id (check)));
    }
  g_ptr_array_add (skipped, NULL);
  return skipped;
}

static void
print_text (McVerification *result)
{
  g_autoptr(GPtrArray) skipped = not_checked (result, TRUE);
  g_autofree char *list = NULL;

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
  if (mc_verification_get_issuer_trust (result) == MC_ISSUER_TRUST_UNKNOWN && skipped->len == 1)
    return;
  g_print ("\n");
  print_trust (result);
  if (skipped->len == 1)
    return;
  /* Translators: the separator between the titles of the checks not done */
  list = g_strjoinv (_(", "), (char **) skipped->pdata);
  g_print (_("Could not be checked: %s\n"), list);
}

static gboolean
print_json (McVerification *result)
{
  g_autoptr(JsonNode) node = mc_verification_to_json (result);
  g_autoptr(GPtrArray) skipped = not_checked (result, FALSE);
  JsonArray *ids = json_array_new ();

  for (guint i = 0; i + 1 < skipped->len; i++)
    json_array_add_string_element (ids, g_ptr_array_index (skipped, i));
  json_object_set_array_member (json_node_get_object (node), "not_checked", ids);
  return mc_cli_print_json (node);
}

gboolean
mc_cli_verify_print (McVerification *result,
                     gboolean        json)
{
  if (json)
    return print_json (result);
  print_text (result);
  return TRUE;
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

McVerification *
mc_cli_verify_remote (McStore    *store,
                      const char *file,
                      gboolean    offline,
                      GDateTime  *at,
                      char      **text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = mc_cli_read_input (file, MC_CREDENTIAL_VERIFIER_MAX_SIZE);
  g_autoptr(McRemoteVerifier) verifier = NULL;
  g_autofree char *read = NULL;
  McVerification *result;

  if (input == NULL)
    return NULL;
  if ((read = mc_credential_verifier_bytes_to_text (input, &error)) == NULL)
    {
      mc_cli_report (mc_cli_input_name (file), error);
      return NULL;
    }
  verifier = mc_remote_verifier_new (store);
  mc_remote_verifier_set_offline (verifier, offline);
  mc_remote_verifier_set_now (verifier, at);
  result = mc_remote_verifier_verify (verifier, read, NULL, &error);
  if (result == NULL)
    {
      mc_cli_report (mc_cli_input_name (file), error);
      return NULL;
    }
  if (text != NULL)
    *text = g_steal_pointer (&read);
  return result;
}

/* "--at DATE": NULL (now) without it; FALSE after a usage error. */
static gboolean
parse_time (McCliContext  *ctx,
            const char    *at,
            GDateTime    **time)
{
  if (at == NULL)
    return TRUE;
  *time = g_date_time_new_from_iso8601 (at, NULL);
  if (*time == NULL)
    {
      g_autofree char *midnight = g_strconcat (at, "T00:00:00Z", NULL);

      *time = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  if (*time == NULL)
    {
      mc_cli_usage_error (ctx, _("“%s” is not a date (2026-06-12) or a date and time (2026-06-12T09:30:00Z)"),
                          at);
      return FALSE;
    }
  return TRUE;
}

/* With the keys and status lists given as files. */
static McVerification *
verify_locally (McCliContext *ctx,
                const char   *file,
                GDateTime    *at,
                char        **keys,
                char        **lists)
{
  g_autoptr(McCredentialVerifier) verifier = mc_credential_verifier_new ();

  mc_credential_verifier_set_now (verifier, at);
  if (!use_database (ctx, verifier) || !give_files (verifier, keys, lists))
    return NULL;
  return verify_input (verifier, file);
}

/* Fetching what the credential names (or, offline, from the cache). */
static McVerification *
verify_online (McCliContext *ctx,
               const char   *file,
               GDateTime    *at,
               gboolean      offline)
{
  g_autoptr(McStore) store = NULL;

  if (g_file_test (mc_cli_database_path (ctx), G_FILE_TEST_EXISTS) &&
      (store = mc_cli_open_store (ctx, FALSE)) == NULL)
    return NULL;
  return mc_cli_verify_remote (store, file, offline, at, NULL);
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
  g_autoptr(GDateTime) time = NULL;
  gboolean json = FALSE;
  gboolean online = FALSE;
  gboolean offline = FALSE;
  g_autoptr(McVerification) result = NULL;
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &keys,
      N_("Trust the public keys in FILE (a JWKS, a JWK, a PEM key or certificate)"), N_("FILE") },
    { "status-list", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &lists,
      N_("Check the status against the issuer’s status list in FILE"), N_("FILE") },
    { "online", 0, 0, G_OPTION_ARG_NONE, &online,
      N_("Fetch the issuer’s key and status lists from the addresses the credential names"), NULL },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &offline,
      N_("Like --online, but only with what was fetched before (the cache)"), NULL },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("Check whether it was valid at DATE instead of now"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the whole result as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("FILE"),
                             _("Verify a credential: a signed file (.jwt or .json), or, with FILE “-”, "
                               "the text or verification address read from standard input. Exits with 0 "
                               "when it is valid, 1 when it is not or could not be fully checked."),
                             entries, 1, 1, &args) ||
      !parse_time (ctx, at, &time))
    return MC_CLI_EXIT_FAILURE;
  if (online && offline)
    return mc_cli_usage_error (ctx, _("Choose --online or --offline, not both"));
  if ((online || offline) && (keys != NULL || lists != NULL))
    return mc_cli_usage_error (ctx, _("--key and --status-list cannot be used with --online or --offline: "
                                      "the keys and status lists are fetched"));

  result = online || offline ? verify_online (ctx, args[1], time, offline)
                             : verify_locally (ctx, args[1], time, keys, lists);
  if (result == NULL || !mc_cli_verify_print (result, json))
    return MC_CLI_EXIT_FAILURE;
  return mc_verification_is_valid (result) ? MC_CLI_EXIT_OK : MC_CLI_EXIT_INVALID;
}
