/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-enums.h"
#include "mc-verified-recognition.h"

McRecognition *
mc_verified_recognition_new (McVerification *verification,
                             const char     *credential_text)
{
  g_autoptr(JsonNode) json = NULL;
  McRecognition *r;
  double credits = 0;

  g_return_val_if_fail (MC_IS_VERIFICATION (verification), NULL);
  g_return_val_if_fail (credential_text != NULL, NULL);

  r = mc_recognition_new ();
  r->credential_id = g_strdup (mc_verification_get_credential_id (verification));
  r->issuer_id = g_strdup (mc_verification_get_issuer_id (verification));
  r->issuer_name = g_strdup (mc_verification_get_issuer_name (verification));
  r->learner_name = g_strdup (mc_verification_get_learner_name (verification));
  r->achievement_name = g_strdup (mc_verification_get_achievement_name (verification));
  r->credential_text = g_strstrip (g_strdup (credential_text));
  json = mc_verification_to_json (verification);
  r->verification = json_to_string (json, FALSE);
  r->verdict = g_strdup (mc_enum_to_nick (MC_TYPE_VERDICT, mc_verification_get_verdict (verification)));
  if (mc_verification_get_credits (verification, &credits))
    r->credits_available = credits;
  return r;
}
