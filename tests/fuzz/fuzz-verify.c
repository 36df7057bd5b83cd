/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the credential verifier: any bytes are verified
 * as a credential by a verifier that trusts a fixed Ed25519 key and holds
 * the fixture's status lists, and are given as a status list to a
 * verifier that then checks the fixture credential.  The seeds in
 * tests/files/verify/ are written by tests/verify-samples and signed with
 * the same fixed key, so mutations reach every check.  Besides crashes,
 * leaks and undefined behaviour, it hunts for broken promises: either a
 * result or an error with a message; six checks; a verdict that agrees
 * with them; a failure exactly when the verdict is invalid. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "mc-core.h"
#include "mc-credential-verifier.h"
#include "verify-fixture.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *credential;
static char *lists[2];

static G_GNUC_NORETURN void
broken (const char   *what,
        const GError *error)
{
  g_printerr ("fuzz-verify: %s: %s\n", what, error != NULL ? error->message : "no error");
  abort ();
}

static void
set_up (void)
{
  g_autoptr(McCredentialBuilder) builder = NULL;

  if (credential != NULL)
    return;
  mc_core_init ();
  builder = verify_fixture_builder ();
  credential = verify_fixture_jwt (verify_fixture_fixed_key (0), builder);
  lists[0] = verify_fixture_status_list (verify_fixture_fixed_key (0), "revocation", FALSE);
  lists[1] = verify_fixture_status_list (verify_fixture_fixed_key (0), "suspension", FALSE);
}

static McCredentialVerifier *
new_verifier (void)
{
  McCredentialVerifier *verifier = mc_credential_verifier_new ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (VERIFY_FIXTURE_NOW, NULL);

  mc_credential_verifier_add_public_key (verifier, mc_signing_key_get_public_key (verify_fixture_fixed_key (0)));
  mc_credential_verifier_set_now (verifier, now);
  return verifier;
}

static void
check_result (McVerification *result,
              const GError   *error)
{
  gboolean failed = FALSE, skipped = FALSE;
  g_autoptr(JsonNode) json = NULL;

  if ((result == NULL) == (error == NULL))
    broken ("neither a result nor an error, or both", error);
  if (result == NULL)
    {
      if (error->message == NULL || error->message[0] == '\0')
        broken ("an error without a message", error);
      return;
    }
  if (mc_verification_get_n_checks (result) != 6 || mc_verification_get_summary (result) == NULL)
    broken ("a result without its checks or summary", NULL);
  for (guint i = 0; i < 6; i++)
    {
      const McVerificationCheck *check = mc_verification_get_check (result, i);

      if (mc_verification_check_get_detail (check)[0] == '\0')
        broken ("a check without a detail", NULL);
      failed |= mc_verification_check_get_outcome (check) == MC_CHECK_OUTCOME_FAILED;
      skipped |= mc_verification_check_get_outcome (check) == MC_CHECK_OUTCOME_SKIPPED;
    }
  if (mc_verification_get_verdict (result) != (failed ? MC_VERDICT_INVALID : skipped ? MC_VERDICT_INCOMPLETE
                                                                                       : MC_VERDICT_VALID))
    broken ("the verdict disagrees with the checks", NULL);
  if ((mc_verification_get_failure (result) != NULL) != failed)
    broken ("a failure without a failed check, or the reverse", NULL);
  json = mc_verification_to_json (result);
  if (json == NULL)
    broken ("no JSON", NULL);
}

/* The input as a credential. */
static void
fuzz_credential (GBytes *bytes)
{
  g_autoptr(McCredentialVerifier) verifier = new_verifier ();
  g_autoptr(McVerification) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (!mc_credential_verifier_set_status_list (verifier, NULL, lists[i], &error))
      broken ("the fixture's status list is refused", error);
  result = mc_credential_verifier_verify_bytes (verifier, bytes, &error);
  check_result (result, error);
}

/* The input as a status list for the fixture credential. */
static void
fuzz_status_list (const char *text)
{
  g_autoptr(McCredentialVerifier) verifier = new_verifier ();
  g_autoptr(McVerification) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!mc_credential_verifier_set_status_list (verifier, NULL, text, &error))
    {
      if (error == NULL || error->message[0] == '\0')
        broken ("a status list refused without a message", error);
      return;
    }
  result = mc_credential_verifier_verify_text (verifier, credential, &error);
  check_result (result, error);
  if (mc_verification_check_get_outcome (mc_verification_find_check (result, MC_CHECK_SIGNATURE)) !=
      MC_CHECK_OUTCOME_PASSED)
    broken ("a status list changed the credential's signature check", NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *text = g_strndup ((const char *) data, size);

  set_up ();
  fuzz_credential (bytes);
  fuzz_status_list (text);
  return 0;
}
