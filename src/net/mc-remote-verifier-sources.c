/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-error.h"
#include "mc-credential-urls.h"
#include "mc-public-key.h"
#include "mc-remote-verifier-private.h"
#include "mc-strict-json.h"

/* From fetched documents to trusted keys and status lists, and from
 * fetching problems to check results a registrar reads. */

struct _McSourceProblems
{
  /* The signature check: failed (the key changed, a did:web document
   * without the key) or not done (the key could not be fetched). */
  char              *key_detail;
  char              *key_reason;
  gboolean           key_failed;
  /* The status check, when it could not be done. */
  char              *status_detail;
};

void
_mc_source_free (McSource *source)
{
  g_free (source->url);
  g_clear_pointer (&source->body, g_bytes_unref);
  g_clear_error (&source->error);
  g_free (source);
}

void
_mc_source_problems_free (McSourceProblems *problems)
{
  g_free (problems->key_detail);
  g_free (problems->key_reason);
  g_free (problems->status_detail);
  g_free (problems);
}

static const char *
label (McSourceKind kind)
{
  switch (kind)
    {
    case MC_SOURCE_KEY:
      return _("key");
    case MC_SOURCE_REVOCATION:
      return _("revocation list");
    case MC_SOURCE_SUSPENSION:
    default:
      return _("suspension list");
    }
}

static void
key_problem (McSourceProblems *problems,
             gboolean          failed,
             char             *detail,
             const char       *reason)
{
  if (problems->key_detail != NULL)
    {
      g_free (detail);
      return;
    }
  problems->key_failed = failed;
  problems->key_detail = detail;
  problems->key_reason = g_strdup (reason);
}

/* @body as text: UTF-8 without NUL bytes, trimmed. */
static char *
body_text (GBytes  *body,
           GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);
  g_autofree char *text = NULL;

  if (size == 0 || memchr (data, '\0', size) != NULL || !g_utf8_validate (data, size, NULL))
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                           size == 0 ? _("it is empty") : _("it is not text"));
      return NULL;
    }
  text = g_strndup (data, size);
  return g_strdup (g_strstrip (text));
}

static JsonNode *
body_object (GBytes  *body,
             GError **error)
{
  g_autofree char *text = body_text (body, error);

  return text != NULL ? mc_strict_json_parse_object (text, -1, error) : NULL;
}

/* The verification method of a did:web document whose id is @kid (or
 * "#fragment" of the document's DID). */
static JsonObject *
find_method (JsonObject *document,
             const char *kid)
{
  JsonNode *methods = json_object_get_member (document, "verificationMethod");
  const char *fragment = strchr (kid, '#');

  if (methods == NULL || !JSON_NODE_HOLDS_ARRAY (methods))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (methods)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (methods), i);
      JsonNode *id = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "id") : NULL;
      const char *text = id != NULL && JSON_NODE_HOLDS_VALUE (id) ? json_node_get_string (id) : NULL;

      if (g_strcmp0 (text, kid) == 0 || (fragment != NULL && g_strcmp0 (text, fragment) == 0))
        return json_node_get_object (node);
    }
  return NULL;
}

static void
use_did_document (McCredentialVerifier *verifier,
                  const char           *kid,
                  McSource             *source,
                  JsonObject           *document,
                  McSourceProblems     *problems)
{
  JsonObject *method = find_method (document, kid);
  JsonNode *jwk = method != NULL ? json_object_get_member (method, "publicKeyJwk") : NULL;
  g_autoptr(McPublicKey) key = NULL;
  g_autoptr(GError) local = NULL;

  if (jwk != NULL && JSON_NODE_HOLDS_OBJECT (jwk))
    key = mc_public_key_new_from_jwk (json_node_get_object (jwk), &local);
  if (key != NULL)
    {
      mc_credential_verifier_add_published_key (verifier, key, kid, source->url);
      return;
    }
  key_problem (problems, TRUE,
               /* Translators: the address of a did:web document, then a key id */
               g_strdup_printf (_("The did:web document at %s has no usable key %s%s%s."), source->url, kid,
                                local != NULL ? ": " : "", local != NULL ? local->message : ""),
               _("the issuer’s did:web document does not hold the key it was signed with"));
}

static void
use_key_set (McCredentialVerifier *verifier,
             McSource             *source,
             JsonArray            *keys)
{
  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonNode *node = json_array_get_element (keys, i);
      g_autoptr(McPublicKey) key = NULL;
      JsonNode *kid;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          (key = mc_public_key_new_from_jwk (json_node_get_object (node), NULL)) == NULL)
        continue;
      kid = json_object_get_member (json_node_get_object (node), "kid");
      mc_credential_verifier_add_published_key (verifier, key,
                                                kid != NULL && JSON_NODE_HOLDS_VALUE (kid) &&
                                                json_node_get_value_type (kid) == G_TYPE_STRING ?
                                                json_node_get_string (kid) : NULL,
                                                source->url);
    }
}

/* A single JWK at the kid's address must be the key the kid names: our
 * kid ends in the key's thumbprint (…/keys/<thumbprint>). */
static void
use_jwk (McCredentialVerifier *verifier,
         const char           *kid,
         McSource             *source,
         JsonObject           *jwk,
         McSourceProblems     *problems)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(McPublicKey) key = mc_public_key_new_from_jwk (jwk, &local);
  g_autofree char *expected = kid != NULL ? mc_credential_urls_parse_key (kid) : NULL;

  if (key == NULL)
    {
      key_problem (problems, FALSE,
                   g_strdup_printf (_("Not checked: the issuer’s key at %s cannot be read: %s"), source->url,
                                    local->message),
                   _("the issuer’s key could not be read"));
      return;
    }
  if (expected != NULL && !g_str_equal (expected, mc_public_key_get_kid (key)))
    {
      key_problem (problems, TRUE,
                   /* Translators: an address, then two key thumbprints */
                   g_strdup_printf (_("The key changed: %s now holds another key (%s), not the one this "
                                      "credential was signed with (%s)."), source->url,
                                    mc_public_key_get_kid (key), expected),
                   _("the issuer’s key changed since it was signed"));
      return;
    }
  mc_credential_verifier_add_published_key (verifier, key, kid, source->url);
}

static void
use_key_source (McCredentialVerifier *verifier,
                const char           *kid,
                McSource             *source,
                McSourceProblems     *problems)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) root = body_object (source->body, &local);
  JsonObject *object;
  JsonNode *keys;

  if (root == NULL)
    {
      key_problem (problems, FALSE,
                   g_strdup_printf (_("Not checked: the issuer’s key at %s cannot be read: %s"), source->url,
                                    local->message),
                   _("the issuer’s key could not be read"));
      return;
    }
  object = json_node_get_object (root);
  keys = json_object_get_member (object, "keys");
  if (kid != NULL && g_str_has_prefix (kid, "did:web:"))
    use_did_document (verifier, kid, source, object, problems);
  else if (keys != NULL && JSON_NODE_HOLDS_ARRAY (keys))
    use_key_set (verifier, source, json_node_get_array (keys));
  else
    use_jwk (verifier, kid, source, object, problems);
}

static void
use_status_source (McCredentialVerifier *verifier,
                   McSource             *source,
                   McSourceProblems     *problems)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *text = body_text (source->body, &local);
  const char *purpose = source->kind == MC_SOURCE_REVOCATION ? "revocation" : "suspension";

  if (text != NULL && mc_credential_verifier_set_status_list (verifier, purpose, text, &local))
    return;
  if (problems->status_detail == NULL)
    /* Translators: "revocation list" or "suspension list", its address, then why */
    problems->status_detail = g_strdup_printf (_("Not checked: the issuer’s %s at %s cannot be read: %s"),
                                               label (source->kind), source->url, local->message);
}

McSourceProblems *
_mc_remote_verifier_use_sources (McCredentialVerifier *verifier,
                                 const char           *kid,
                                 GPtrArray            *sources)
{
  McSourceProblems *problems = g_new0 (McSourceProblems, 1);

  for (guint i = 0; i < sources->len; i++)
    {
      McSource *source = g_ptr_array_index (sources, i);
      g_autofree char *detail = NULL;

      if (source->error != NULL)
        /* Translators: "key", "revocation list" or "suspension list", its address, then why,
         * like "the server answered 500 (Internal Server Error)" */
        detail = g_strdup_printf (_("Not checked: the issuer’s %s could not be fetched from %s: %s."),
                                  label (source->kind), source->url, source->error->message);
      if (source->kind == MC_SOURCE_KEY && detail != NULL)
        key_problem (problems, FALSE, g_steal_pointer (&detail), _("the issuer’s key could not be fetched"));
      else if (source->kind == MC_SOURCE_KEY)
        use_key_source (verifier, kid, source, problems);
      else if (detail != NULL && problems->status_detail == NULL)
        problems->status_detail = g_steal_pointer (&detail);
      else if (detail == NULL)
        use_status_source (verifier, source, problems);
    }
  return problems;
}

void
_mc_remote_verifier_report_problems (McVerification   *result,
                                     McSourceProblems *problems)
{
  const McVerificationCheck *signature = mc_verification_find_check (result, MC_CHECK_SIGNATURE);
  const McVerificationCheck *status = mc_verification_find_check (result, MC_CHECK_STATUS);

  if (problems->key_detail != NULL && mc_verification_check_get_outcome (signature) != MC_CHECK_OUTCOME_PASSED)
    {
      if (problems->key_failed)
        _mc_verification_fail (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_KEY_MISMATCH,
                               problems->key_detail, problems->key_reason);
      else
        _mc_verification_skip (result, MC_CHECK_SIGNATURE, problems->key_detail, problems->key_reason);
    }
  if (problems->status_detail != NULL && mc_verification_check_get_outcome (status) == MC_CHECK_OUTCOME_SKIPPED)
    _mc_verification_skip (result, MC_CHECK_STATUS, problems->status_detail, _("its status could not be checked"));
}
