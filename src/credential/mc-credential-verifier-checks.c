/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-document.h"
#include "mc-credential-verifier-private.h"
#include "mc-workflow.h"

/* The checks of a credential, except its status (-status.c).  Each says
 * what it found in one sentence; failures also give the clause that the
 * summary uses ("Not valid: <clause>."). */

/* JSON from outside */

const char *
_mc_json_get_string (JsonObject *object,
                     const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
_mc_json_get_object (JsonObject *object,
                     const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A JWT NumericDate: a number of seconds, possibly with a fraction. */
gboolean
_mc_json_get_seconds (JsonObject *object,
                      const char *name,
                      gint64     *seconds)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  GType type;
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *seconds = json_node_get_int (node);
      return TRUE;
    }
  if (type != G_TYPE_DOUBLE)
    return FALSE;
  value = floor (json_node_get_double (node));
  /* Beyond year 9999 no date means anything. */
  if (!isfinite (value) || fabs (value) > 253402300799.0)
    return FALSE;
  *seconds = (gint64) value;
  return TRUE;
}

const char *
_mc_credential_get_issuer_id (JsonObject *credential)
{
  JsonObject *issuer = _mc_json_get_object (credential, "issuer");

  return issuer != NULL ? _mc_json_get_string (issuer, "id") : _mc_json_get_string (credential, "issuer");
}

static GDateTime *
get_date (JsonObject *object,
          const char *name)
{
  GDateTime *date = NULL;

  mc_credential_document_parse_datetime (_mc_json_get_string (object, name), &date);
  return date;
}

static const char *
issuer_display_name (McVerifying *v)
{
  const char *name = mc_verification_get_issuer_name (v->result);

  return name != NULL ? name : mc_verification_get_issuer_id (v->result);
}

/* Format */

void
_mc_verifying_check_format (McVerifying  *v,
                            const GError *parse_error)
{
  if (parse_error != NULL)
    {
      gboolean unsupported = g_error_matches (parse_error, MC_CREDENTIAL_ERROR,
                                              MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);

      _mc_verification_fail (v->result, MC_CHECK_FORMAT,
                             unsupported ? MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM : MC_CREDENTIAL_ERROR_MALFORMED,
                             parse_error->message,
                             unsupported
                             ? _("it is signed in a way that cannot be trusted")
                             : _("this is not a credential that can be read"));
      return;
    }
  if (v->signed_text->jws != NULL)
    {
      g_autofree char *detail = NULL;

      /* Translators: the signature algorithm, "RS256" or "EdDSA" */
      detail = g_strdup_printf (_("A signed credential in the VC-JWT format (%s)."),
                                mc_key_algorithm_to_jws_name (mc_jws_get_algorithm (v->signed_text->jws)));
      _mc_verification_pass (v->result, MC_CHECK_FORMAT, detail);
    }
  else
    _mc_verification_pass (v->result, MC_CHECK_FORMAT, _("A credential in JSON."));
}

/* Signature */

static void
fail_signature (McVerifying  *v,
                const GError *error,
                gboolean      unknown_key)
{
  McCredentialError code = error->domain == MC_CREDENTIAL_ERROR ? error->code : MC_CREDENTIAL_ERROR_FAILED;
  const char *reason;

  if (unknown_key)
    reason = _("it was signed with a key this institution does not know");
  else if (code == MC_CREDENTIAL_ERROR_BAD_SIGNATURE)
    reason = _("the signature does not match — the file was changed after it was signed");
  else if (code == MC_CREDENTIAL_ERROR_KEY_MISMATCH)
    reason = _("its signature does not fit the key it names");
  else
    reason = _("its signature cannot be checked");
  if (code == MC_CREDENTIAL_ERROR_BAD_SIGNATURE)
    _mc_verification_fail (v->result, MC_CHECK_SIGNATURE, code,
                           _("The signature does not match: the credential was changed after it was signed."),
                           reason);
  else
    _mc_verification_fail (v->result, MC_CHECK_SIGNATURE, code, error->message, reason);
}

/* A string claim that must equal a member of the credential. */
static char *
compare_claim (JsonObject *claims,
               const char *claim,
               const char *expected,
               const char *member)
{
  const char *value = _mc_json_get_string (claims, claim);

  if (expected == NULL || g_strcmp0 (value, expected) == 0)
    return NULL;
  if (value == NULL)
    /* Translators: a JWT claim ("iss") and the credential's member it must repeat ("issuer") */
    return g_strdup_printf (_("The token lacks the “%s” claim, which must repeat the credential's “%s”."),
                            claim, member);
  /* Translators: a JWT claim ("jti"), its value, the credential's member ("id"), its value */
  return g_strdup_printf (_("The token's “%s” claim (%s) differs from the credential's “%s” (%s)."),
                          claim, value, member, expected);
}

/* A NumericDate claim that must be the time of a date of the credential. */
static char *
compare_time_claim (JsonObject *claims,
                    const char *claim,
                    JsonObject *credential,
                    const char *member)
{
  g_autoptr(GDateTime) date = get_date (credential, member);
  gint64 seconds;

  if (date == NULL)
    return NULL;
  if (!_mc_json_get_seconds (claims, claim, &seconds))
    return g_strdup_printf (_("The token lacks the “%s” claim, which must repeat the credential's “%s”."),
                            claim, member);
  if (seconds == g_date_time_to_unix (date))
    return NULL;
  /* Translators: a JWT claim ("nbf") and the credential's member ("validFrom") */
  return g_strdup_printf (_("The token's “%s” claim differs from the credential's “%s”."), claim, member);
}

/* Open Badges 3.0 §8.2.4.1: iss, jti, sub, nbf and exp repeat the
 * credential.  Returns: (nullable): what disagrees */
static char *
check_claims (McVerifying *v)
{
  JsonObject *claims = mc_jws_get_payload (v->signed_text->jws);
  JsonObject *subject = _mc_json_get_object (v->credential, "credentialSubject");
  char *problem;

  if ((problem = compare_claim (claims, "iss", _mc_credential_get_issuer_id (v->credential), "issuer")) ||
      (problem = compare_claim (claims, "jti", _mc_json_get_string (v->credential, "id"), "id")) ||
      (problem = compare_claim (claims, "sub", _mc_json_get_string (subject, "id"), "credentialSubject.id")) ||
      (problem = compare_time_claim (claims, "nbf", v->credential, "validFrom")) ||
      (problem = compare_time_claim (claims, "exp", v->credential, "validUntil")))
    return problem;
  return NULL;
}

static void
pass_signature (McVerifying *v)
{
  g_autofree char *detail = NULL;

  if (v->key->record != NULL)
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (v->key->record->created_at);
      g_autofree char *date = _mc_verification_format_date (created);

      /* Translators: the date the institution's key was made */
      detail = g_strdup_printf (_("Signed with this institution's key of %s, and unchanged since."), date);
    }
  else if (v->key->source != NULL)
    /* Translators: the address the issuer publishes its key at */
    detail = g_strdup_printf (_("Signed with the issuer’s key published at %s, and unchanged since."),
                              v->key->source);
  else
    /* Translators: the key's thumbprint, a long code */
    detail = g_strdup_printf (_("Signed with the key you supplied (%s), and unchanged since."),
                              mc_public_key_get_kid (v->key->key));
  _mc_verification_pass (v->result, MC_CHECK_SIGNATURE, detail);
}

gboolean
_mc_verifying_check_signature (McVerifying  *v,
                               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *problem = NULL;
  gboolean unknown_key = FALSE;

  _mc_verification_set_key_id (v->result, _mc_signed_text_get_key_id (v->signed_text));
  if (v->signed_text->document != NULL && !json_object_has_member (v->credential, "proof"))
    {
      _mc_verification_fail (v->result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_BAD_SIGNATURE,
                             _("The credential is not signed: it carries no proof."), _("it is not signed"));
      return TRUE;
    }
  v->key = _mc_credential_verifier_check_signature (v->verifier, v->signed_text, &unknown_key, &local_error);
  if (v->key == NULL && local_error->domain != MC_CREDENTIAL_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (v->key == NULL)
    {
      fail_signature (v, local_error, unknown_key);
      return TRUE;
    }
  if (v->signed_text->jws != NULL && (problem = check_claims (v)) != NULL)
    {
      _mc_verification_fail (v->result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_MALFORMED, problem,
                             _("the token's claims do not agree with the credential it carries"));
      return TRUE;
    }
  pass_signature (v);
  return TRUE;
}

/* Issuer */

/* The host and port of a did:web identifier ("did:web:host%3A8443:path"
 * or "…#key-1"), as web_origin() gives them, or NULL. */
static char *
did_web_origin (const char *did)
{
  g_autofree char *host = g_strndup (did + strlen ("did:web:"), strcspn (did + strlen ("did:web:"), ":#"));
  g_autofree char *unescaped = g_uri_unescape_string (host, NULL);
  const char *colon = unescaped != NULL ? strrchr (unescaped, ':') : NULL;

  if (unescaped == NULL || unescaped[0] == '\0')
    return NULL;
  if (colon != NULL)
    return g_strdup (unescaped);
  return g_strdup_printf ("%s:443", unescaped);
}

/* The host (and port) of an http(s) address or a did:web identifier: who
 * controls it.  NULL for anything else. */
static char *
web_origin (const char *address)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  int port;

  if (address != NULL && g_str_has_prefix (address, "did:web:"))
    return did_web_origin (address);
  uri = address != NULL ? g_uri_parse (address, G_URI_FLAGS_NONE, NULL) : NULL;
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      g_uri_get_host (uri) == NULL)
    return NULL;
  port = g_uri_get_port (uri);
  if (port == -1)
    port = g_ascii_strcasecmp (scheme, "https") == 0 ? 443 : 80;
  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

/* The issuer id of this institution's credentials, or NULL when the
 * verification address is not set. */
static char *
our_issuer_id (McStore *store)
{
  g_autofree char *base = mc_store_get_setting (store, MC_SETTING_VERIFICATION_URL, NULL);

  if (base == NULL || base[0] == '\0')
    return NULL;
  return g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", "issuer", NULL);
}

static void
check_our_issuer (McVerifying *v,
                  const char  *issuer_id)
{
  g_autofree char *ours = our_issuer_id (v->verifier->store);
  g_autofree char *detail = NULL;
  g_autoptr(GDateTime) issued = get_date (v->credential, "validFrom");
  McKeyRecord *record = v->key->record;

  if (ours != NULL && !g_str_equal (ours, issuer_id))
    {
      /* Translators: the issuer's identifier, an address */
      detail = g_strdup_printf (_("It was signed with this institution's key, but names another issuer (%s)."),
                                issuer_id);
      _mc_verification_fail (v->result, MC_CHECK_ISSUER, MC_CREDENTIAL_ERROR_KEY_MISMATCH, detail,
                             _("it names another issuer than the one whose key signed it"));
      return;
    }
  if (record->retired_at != 0 && issued != NULL && g_date_time_to_unix (issued) > record->retired_at)
    {
      g_autoptr(GDateTime) retired = g_date_time_new_from_unix_utc (record->retired_at);
      g_autofree char *date = _mc_verification_format_date (retired);

      detail = g_strdup_printf (_("It is dated after %s, when this institution retired the key that signed it."),
                                date);
      _mc_verification_fail (v->result, MC_CHECK_ISSUER, MC_CREDENTIAL_ERROR_KEY_MISMATCH, detail,
                             _("it was signed with a key that had been retired"));
      return;
    }
  /* Translators: the institution's name */
  detail = g_strdup_printf (_("Issued by %s, with one of its own keys."), issuer_display_name (v));
  _mc_verification_pass (v->result, MC_CHECK_ISSUER, detail);
}

static void
check_given_issuer (McVerifying *v,
                    const char  *issuer_id)
{
  const char *kid = mc_verification_get_key_id (v->result);
  g_autofree char *key_origin = web_origin (kid);
  g_autofree char *issuer_origin = web_origin (issuer_id);
  g_autofree char *detail = NULL;

  if (key_origin != NULL && issuer_origin != NULL && g_ascii_strcasecmp (key_origin, issuer_origin) != 0)
    {
      /* Translators: the key's address, then the issuer's identifier */
      detail = g_strdup_printf (_("The key is published at %s, but the credential names %s as its issuer."),
                                kid, issuer_id);
      _mc_verification_fail (v->result, MC_CHECK_ISSUER, MC_CREDENTIAL_ERROR_KEY_MISMATCH, detail,
                             _("its key does not belong to the issuer it names"));
      return;
    }
  if (key_origin != NULL && issuer_origin != NULL)
    /* Translators: the institution's name, then the address of its key */
    detail = g_strdup_printf (_("Issued by %s, with a key published at its own address (%s)."),
                              issuer_display_name (v), v->key->source != NULL ? v->key->source : kid);
  else
    /* Translators: the institution's name, then its identifier */
    detail = g_strdup_printf (_("Issued by %s (%s), with a key you supplied: make sure that key "
                                "was published by this issuer."), issuer_display_name (v), issuer_id);
  _mc_verification_pass (v->result, MC_CHECK_ISSUER, detail);
}

void
_mc_verifying_check_issuer (McVerifying *v)
{
  const char *issuer_id = _mc_credential_get_issuer_id (v->credential);

  if (v->key == NULL)
    {
      _mc_verification_skip (v->result, MC_CHECK_ISSUER, _("Not checked: the signature is not valid."),
                             _("the issuer could not be checked"));
      return;
    }
  if (issuer_id == NULL)
    {
      _mc_verification_fail (v->result, MC_CHECK_ISSUER, MC_CREDENTIAL_ERROR_SCHEMA,
                             _("The credential does not name its issuer."), _("it does not name its issuer"));
      return;
    }
  if (v->key->record != NULL)
    check_our_issuer (v, issuer_id);
  else
    check_given_issuer (v, issuer_id);
}

/* Dates */

/* The later of a date of the credential and the JWT claim that should
 * repeat it (nbf), or the earlier (exp). */
static GDateTime *
effective_date (McVerifying *v,
                const char  *member,
                const char  *claim,
                gboolean     later)
{
  GDateTime *date = get_date (v->credential, member);
  gint64 seconds;

  if (v->signed_text->jws == NULL || !_mc_json_get_seconds (mc_jws_get_payload (v->signed_text->jws), claim, &seconds))
    return date;
  if (date == NULL || (later ? seconds > g_date_time_to_unix (date) : seconds < g_date_time_to_unix (date)))
    {
      g_clear_pointer (&date, g_date_time_unref);
      date = g_date_time_new_from_unix_utc (seconds);
    }
  return date;
}

void
_mc_verifying_check_dates (McVerifying *v)
{
  g_autoptr(GDateTime) from = effective_date (v, "validFrom", "nbf", TRUE);
  g_autoptr(GDateTime) until = effective_date (v, "validUntil", "exp", FALSE);
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *reason = NULL;

  if (from == NULL)
    {
      _mc_verification_fail (v->result, MC_CHECK_DATES, MC_CREDENTIAL_ERROR_SCHEMA,
                             _("The credential has no valid date of issue (validFrom)."),
                             _("it has no valid date of issue"));
      return;
    }
  from_text = _mc_verification_format_date (from);
  until_text = until != NULL ? _mc_verification_format_date (until) : NULL;
  if (g_date_time_compare (v->now, from) < 0)
    {
      /* Translators: a date */
      detail = g_strdup_printf (_("It is not valid before %s."), from_text);
      reason = g_strdup_printf (_("it is not valid before %s"), from_text);
      _mc_verification_fail (v->result, MC_CHECK_DATES, MC_CREDENTIAL_ERROR_NOT_YET_VALID, detail, reason);
    }
  else if (until != NULL && g_date_time_compare (v->now, until) >= 0)
    {
      detail = g_strdup_printf (_("It expired on %s."), until_text);
      reason = g_strdup_printf (_("this credential expired on %s"), until_text);
      _mc_verification_fail (v->result, MC_CHECK_DATES, MC_CREDENTIAL_ERROR_EXPIRED, detail, reason);
    }
  else
    {
      if (until != NULL)
        /* Translators: two dates */
        detail = g_strdup_printf (_("Issued on %s and valid until %s."), from_text, until_text);
      else
        detail = g_strdup_printf (_("Issued on %s; it does not expire."), from_text);
      _mc_verification_pass (v->result, MC_CHECK_DATES, detail);
    }
}

/* Schema */

void
_mc_verifying_check_schema (McVerifying *v)
{
  g_autoptr(GError) error = NULL;

  if (mc_credential_document_check (v->credential, &error))
    _mc_verification_pass (v->result, MC_CHECK_SCHEMA, _("A complete Open Badges 3.0 credential."));
  else
    _mc_verification_fail (v->result, MC_CHECK_SCHEMA, MC_CREDENTIAL_ERROR_SCHEMA, error->message,
                           _("it is not a complete Open Badges 3.0 credential"));
}
