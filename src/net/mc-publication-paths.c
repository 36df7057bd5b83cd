/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-credential-urls.h"
#include "mc-publication-private.h"
#include "mc-status-list-export.h"

/* The published paths: which document a path names, and every path
 * there is. */

/* A path segment of the characters ids, uuids and thumbprints use. */
static gboolean
is_plain_segment (const char *segment)
{
  if (*segment == '\0' || strlen (segment) > 128)
    return FALSE;
  for (const char *c = segment; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_')
      return FALSE;
  return TRUE;
}

/* The rest of @path after @prefix when it is one plain segment. */
static const char *
segment_after (const char *path,
               const char *prefix)
{
  const char *rest;

  if (!g_str_has_prefix (path, prefix))
    return NULL;
  rest = path + strlen (prefix);
  return is_plain_segment (rest) ? rest : NULL;
}

/* @full without the base address, as a path. */
static char *
relative (McPublication *self,
          char          *full)
{
  g_autofree char *owned = full;

  if (owned == NULL || !g_str_has_prefix (owned, self->base_url))
    return g_strdup ("");
  return g_strdup (owned + strlen (self->base_url));
}

static gboolean
parse_list_number (const char *text,
                   guint      *number)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32 / MC_STATUS_LIST_SIZE,
                                                   &value, NULL) ||
      (text[0] == '0' && text[1] != '\0'))
    return FALSE;
  *number = (guint) value;
  return TRUE;
}

static McPublicationDocument *
build_status (McPublication           *self,
              McPublicationConnection *connection,
              const char              *path,
              GError                 **error)
{
  static const char * const purposes[] = { "revocation", "suspension" };
  g_autofree char *status_base = relative (self, mc_credential_urls_status_base (self->base_url));

  for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
    {
      g_autofree char *prefix = g_strconcat (status_base, "/", purposes[i], "/", NULL);
      guint number;

      if (parse_list_number (segment_after (path, prefix), &number))
        return _mc_publication_build_status_list (self, connection, purposes[i], number, error);
    }
  return NULL;
}

/* The document at @path (relative to the base address), or NULL: with
 * @error set, or without when nothing is published there. */
McPublicationDocument *
_mc_publication_route (McPublication               *self,
       McPublicationConnection     *connection,
       const char                  *path,
       const char                  *token,
       const McPublicationLanguage *language,
       GError                     **error)
{
  g_autofree char *issuer = relative (self, mc_credential_urls_issuer (self->base_url));
  g_autofree char *jwks = relative (self, mc_credential_urls_jwks (self->base_url));
  g_autofree char *key_prefix = relative (self, mc_credential_urls_key (self->base_url, ""));
  g_autofree char *achievement_prefix = relative (self, mc_credential_urls_achievement (self->base_url, ""));
  g_autofree char *context = relative (self, mc_credential_urls_context (self->base_url));
  g_autofree char *catalogue = relative (self, mc_credential_urls_catalogue (self->base_url));
  g_autofree char *catalogue_page = relative (self, mc_credential_urls_catalogue_page (self->base_url));
  g_autofree char *page_prefix = relative (self, mc_credential_urls_verification_page (self->base_url, "", NULL));
  g_autofree char *did = relative (self, mc_credential_urls_did_document (self->base_url));
  const char *arg;

  if (g_str_equal (path, issuer))
    return _mc_publication_build_issuer (self);
  if (g_str_equal (path, jwks))
    return _mc_publication_build_jwks (self, connection, error);
  if ((arg = segment_after (path, key_prefix)) != NULL)
    return _mc_publication_build_jwk (self, connection, arg, error);
  if ((arg = segment_after (path, achievement_prefix)) != NULL)
    return _mc_publication_build_achievement (self, connection, arg, error);
  if (g_str_equal (path, context))
    return _mc_publication_build_context (self);
  if (g_str_equal (path, catalogue))
    return _mc_publication_build_catalogue (self, connection, FALSE, language, error);
  if (g_str_equal (path, catalogue_page) || g_str_equal (path, "/"))
    return _mc_publication_build_catalogue (self, connection, TRUE, language, error);
  if ((arg = segment_after (path, page_prefix)) != NULL)
    return _mc_publication_build_page (self, connection, arg, token, language, error);
  if (self->did_web && *did != '\0' && g_str_equal (path, did))
    return _mc_publication_build_did (self, connection, error);
  return build_status (self, connection, path, error);
}

GPtrArray *
mc_publication_list_paths (McPublication  *self,
                           GError        **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) designs = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  McPublicationConnection *connection;
  McCredentialQuery query = MC_CREDENTIAL_QUERY_INIT;
  guint n_lists = 0;
  gboolean ok;

  g_return_val_if_fail (MC_IS_PUBLICATION (self), NULL);

  connection = _mc_publication_acquire (self);
  ok = (keys = mc_store_list_keys (connection->store, error)) != NULL &&
       (designs = _mc_publication_list_active_designs (connection->store, error)) != NULL &&
       mc_status_list_count_lists (connection->store, &n_lists, error) &&
       (credentials = mc_store_query_credentials (connection->store, &query, 0, G_MAXUINT, error)) != NULL;
  _mc_publication_release (self, connection);
  if (!ok)
    return NULL;

  g_ptr_array_add (paths, g_strdup ("/"));
  g_ptr_array_add (paths, relative (self, mc_credential_urls_issuer (self->base_url)));
  g_ptr_array_add (paths, relative (self, mc_credential_urls_jwks (self->base_url)));
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (paths, relative (self, mc_credential_urls_key (self->base_url,
                                                                    ((McKeyRecord *) keys->pdata[i])->kid)));
  if (self->did_web)
    g_ptr_array_add (paths, relative (self, mc_credential_urls_did_document (self->base_url)));
  g_ptr_array_add (paths, relative (self, mc_credential_urls_context (self->base_url)));
  for (guint i = 0; i < designs->len; i++)
    g_ptr_array_add (paths, relative (self, mc_credential_urls_achievement (self->base_url, designs->pdata[i])));
  g_ptr_array_add (paths, relative (self, mc_credential_urls_catalogue (self->base_url)));
  g_ptr_array_add (paths, relative (self, mc_credential_urls_catalogue_page (self->base_url)));
  for (guint n = 0; n < n_lists; n++)
    {
      g_ptr_array_add (paths, relative (self, mc_credential_urls_status_list (self->base_url, "revocation", n)));
      g_ptr_array_add (paths, relative (self, mc_credential_urls_status_list (self->base_url, "suspension", n)));
    }
  for (guint i = 0; i < credentials->len; i++)
    {
      McCredentialSummary *summary = g_ptr_array_index (credentials, i);

      if (summary->state != MC_CREDENTIAL_STATE_PENDING)
        g_ptr_array_add (paths, relative (self, mc_credential_urls_verification_page (self->base_url,
                                                                                      summary->uuid, NULL)));
    }
  return g_steal_pointer (&paths);
}
