/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-error.h"
#include "mc-credential-urls.h"
#include "mc-workflow.h"

#define KEYS_SEGMENT        "/keys/"
#define CREDENTIALS_SEGMENT "/credentials/"
#define TOKEN_PARAMETER     "token"

/* The base without its trailing slashes; a slash alone stays. */
static char *
strip_base (const char *base)
{
  gsize len;

  g_return_val_if_fail (base != NULL, NULL);

  len = strlen (base);
  while (len > 1 && base[len - 1] == '/')
    len--;
  return g_strndup (base, len);
}

/**
 * mc_credential_urls_normalize_base:
 * @base: a verification address
 *
 * Returns: (transfer full): @base without trailing slashes, or %NULL with
 * @error set when it is no http(s) address fit to publish under
 */
char *
mc_credential_urls_normalize_base (const char  *base,
                                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *stripped = NULL;
  const char *scheme;

  g_return_val_if_fail (base != NULL, NULL);

  stripped = strip_base (base);
  uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL || strpbrk (stripped, " \t\r\n\"<>\\") != NULL)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                   _("“%s” is not a web address credentials can be verified at; "
                     "give one like https://credentials.example.edu"), base);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

/**
 * mc_credential_urls_dup_base_from_store:
 *
 * Returns: (transfer full): the institution's verification address, or
 * %NULL with @error set when it is unset or unusable
 */
char *
mc_credential_urls_dup_base_from_store (McStore  *store,
                                        GError  **error)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  base = mc_store_get_setting (store, MC_SETTING_VERIFICATION_URL, NULL);
  if (base == NULL || *g_strstrip (base) == '\0')
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                   _("Set the institution's verification address in Administration before issuing"));
      return NULL;
    }
  return mc_credential_urls_normalize_base (base, error);
}

/* BASE + "/" + the parts, which are joined as they are. */
static char *
join (const char *base,
      const char *first,
      ...) G_GNUC_NULL_TERMINATED;

static char *
join (const char *base,
      const char *first,
      ...)
{
  g_autofree char *stripped = strip_base (base);
  GString *url = g_string_new (stripped);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_string_append (url, part);
  va_end (args);
  return g_string_free (url, FALSE);
}

char *
mc_credential_urls_issuer (const char *base)
{
  return join (base, "/issuer", NULL);
}

char *
mc_credential_urls_jwks (const char *base)
{
  return join (base, "/keys.json", NULL);
}

char *
mc_credential_urls_key (const char *base,
                        const char *thumbprint)
{
  g_return_val_if_fail (thumbprint != NULL, NULL);

  return join (base, KEYS_SEGMENT, thumbprint, NULL);
}

char *
mc_credential_urls_status_base (const char *base)
{
  return join (base, "/status", NULL);
}

char *
mc_credential_urls_status_list (const char *base,
                                const char *purpose,
                                guint       list_number)
{
  g_autofree char *number = g_strdup_printf ("%u", list_number);

  g_return_val_if_fail (g_strcmp0 (purpose, "revocation") == 0 ||
                        g_strcmp0 (purpose, "suspension") == 0, NULL);

  return join (base, "/status/", purpose, "/", number, NULL);
}

char *
mc_credential_urls_achievement (const char *base,
                                const char *design_uuid)
{
  g_return_val_if_fail (design_uuid != NULL, NULL);

  return join (base, "/achievements/", design_uuid, NULL);
}

char *
mc_credential_urls_context (const char *base)
{
  return join (base, "/contexts/microcred-v1.json", NULL);
}

char *
mc_credential_urls_catalogue (const char *base)
{
  return join (base, "/catalogue.json", NULL);
}

char *
mc_credential_urls_catalogue_page (const char *base)
{
  return join (base, "/catalogue/", NULL);
}

/* did:web (W3C CCG did-method-web): the host, a port as "%3A" and the
 * path's segments, each after a colon. */
char *
mc_credential_urls_did_web (const char *base)
{
  g_autoptr(GUri) uri = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) segments = NULL;
  GString *did;

  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 || g_uri_get_host (uri) == NULL)
    return NULL;
  did = g_string_new ("did:web:");
  g_string_append (did, g_uri_get_host (uri));
  if (g_uri_get_port (uri) > 0)
    g_string_append_printf (did, "%%3A%d", g_uri_get_port (uri));
  segments = g_strsplit (g_uri_get_path (uri), "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (segments[i][0] != '\0')
      g_string_append_printf (did, ":%s", segments[i]);
  return g_string_free (did, FALSE);
}

char *
mc_credential_urls_did_document (const char *base)
{
  g_autoptr(GUri) uri = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);
  const char *path = uri != NULL ? g_uri_get_path (uri) : "";

  /* A bare host publishes under .well-known; a path holds did.json. */
  if (path[strspn (path, "/")] == '\0')
    return join (base, "/.well-known/did.json", NULL);
  return join (base, "/did.json", NULL);
}

char *
mc_credential_urls_verification_page (const char *base,
                                      const char *credential_uuid,
                                      const char *token)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (credential_uuid != NULL, NULL);

  if (token == NULL || *token == '\0')
    return join (base, CREDENTIALS_SEGMENT, credential_uuid, NULL);
  escaped = g_uri_escape_string (token, NULL, FALSE);
  return join (base, CREDENTIALS_SEGMENT, credential_uuid, "?" TOKEN_PARAMETER "=", escaped, NULL);
}

/* A base64url thumbprint: what RFC 7638 gives for SHA-256, 43 characters. */
static gboolean
is_thumbprint (const char *text)
{
  gsize len = strlen (text);

  if (len < 16 || len > 128)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/**
 * mc_credential_urls_parse_key:
 * @kid_or_url: a key id as a JWS or a proof names it
 *
 * Returns: (transfer full) (nullable): the key's thumbprint
 */
char *
mc_credential_urls_parse_key (const char *kid_or_url)
{
  const char *segment;

  g_return_val_if_fail (kid_or_url != NULL, NULL);

  if (is_thumbprint (kid_or_url))
    return g_strdup (kid_or_url);
  if (!g_str_has_prefix (kid_or_url, "https://") && !g_str_has_prefix (kid_or_url, "http://"))
    return NULL;
  segment = g_strrstr (kid_or_url, KEYS_SEGMENT);
  if (segment == NULL || !is_thumbprint (segment + strlen (KEYS_SEGMENT)))
    return NULL;
  return g_strdup (segment + strlen (KEYS_SEGMENT));
}

static gboolean
is_uuid (const char *text,
         gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);

  return g_uuid_string_is_valid (copy);
}

/* The value of "token" in a query, or NULL. */
static char *
query_token (const char *query)
{
  g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  const char *token = params != NULL ? g_hash_table_lookup (params, TOKEN_PARAMETER) : NULL;

  return token != NULL && *token != '\0' ? g_strdup (token) : NULL;
}

/**
 * mc_credential_urls_parse_verification_page:
 * @url: an address, as a QR code holds it
 * @credential_uuid: (out) (optional): the credential's bare uuid
 * @token: (out) (optional) (nullable): its token, or %NULL
 *
 * Returns: %TRUE when @url is the verification page of a credential
 */
gboolean
mc_credential_urls_parse_verification_page (const char  *url,
                                            char       **credential_uuid,
                                            char       **token)
{
  g_autoptr(GUri) uri = NULL;
  const char *path;
  const char *segment;
  const char *uuid;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (uri == NULL || g_uri_get_scheme (uri) == NULL ||
      (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0))
    return FALSE;
  path = g_uri_get_path (uri);
  segment = g_strrstr (path, CREDENTIALS_SEGMENT);
  if (segment == NULL)
    return FALSE;
  uuid = segment + strlen (CREDENTIALS_SEGMENT);
  if (!is_uuid (uuid, strlen (uuid)))
    return FALSE;
  if (credential_uuid != NULL)
    *credential_uuid = g_ascii_strdown (uuid, -1);
  if (token != NULL)
    *token = g_uri_get_query (uri) != NULL ? query_token (g_uri_get_query (uri)) : NULL;
  return TRUE;
}

char *
mc_credential_urls_sibling_suspension (const char *revocation_url)
{
  static const char revocation[] = "/revocation/";
  const char *segment;
  const char *number;

  g_return_val_if_fail (revocation_url != NULL, NULL);

  segment = g_strrstr (revocation_url, revocation);
  if (segment == NULL)
    return NULL;
  number = segment + strlen (revocation);
  if (number[0] == '\0' || strspn (number, "0123456789") != strlen (number))
    return NULL;
  return g_strdup_printf ("%.*s/suspension/%s", (int) (segment - revocation_url), revocation_url, number);
}
