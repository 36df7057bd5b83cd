/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-credential-document.h"
#include "mc-credential-error.h"
#include "mc-jws.h"
#include "mc-status-list-export.h"
#include "mc-status-list.h"
#include "mc-workflow.h"

static const char * const purposes[] = { "revocation", "suspension" };

typedef struct {
  char *file_name;
  char *token;
} SignedList;

static void
signed_list_free (SignedList *list)
{
  g_free (list->file_name);
  g_free (list->token);
  g_free (list);
}

/* The highest list number in use: that of the newest credential, whose
 * status index is the highest (they are handed out in order). */
static gboolean
last_list_number (McStore  *store,
                  guint    *number,
                  GError  **error)
{
  McCredentialQuery query = MC_CREDENTIAL_QUERY_INIT;
  g_autoptr(GPtrArray) newest = NULL;
  g_autoptr(McIssuedCredential) credential = NULL;
  McCredentialSummary *summary;

  *number = 0;
  newest = mc_store_query_credentials (store, &query, 0, 1, error);
  if (newest == NULL)
    return FALSE;
  if (newest->len == 0)
    return TRUE;
  summary = g_ptr_array_index (newest, 0);
  credential = mc_store_load_credential (store, summary->id, error);
  if (credential == NULL)
    return FALSE;
  *number = credential->status_index / MC_STATUS_LIST_SIZE;
  return TRUE;
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* The VC-JWT claims that repeat the list credential (OB 3.0 §8.2.4.1,
 * as for credentials). */
static char *
jwt_payload (JsonNode  *list,
             GDateTime *from,
             GDateTime *until)
{
  JsonObject *object = json_node_get_object (list);

  json_object_set_string_member (object, "iss", json_object_get_string_member (object, "issuer"));
  json_object_set_string_member (object, "jti", json_object_get_string_member (object, "id"));
  json_object_set_int_member (object, "nbf", g_date_time_to_unix (from));
  json_object_set_int_member (object, "exp", g_date_time_to_unix (until));
  return json_to_string (list, FALSE);
}

static SignedList *
sign_list (McStore         *store,
           McSigningKey    *key,
           const char      *kid_url,
           McIssuerProfile *issuer,
           const char      *status_base,
           const char      *purpose,
           guint            number,
           GBytes          *given_bits,
           GDateTime       *from,
           GDateTime       *until,
           GError         **error)
{
  g_autoptr(GBytes) bits = given_bits != NULL ? g_bytes_ref (given_bits) : NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *url = NULL;
  g_autofree char *from_text = format_time (from);
  g_autofree char *until_text = format_time (until);
  g_autofree char *payload = NULL;
  g_autofree char *token = NULL;
  SignedList *signed_list;

  if (bits == NULL)
    bits = mc_store_get_status_bits (store, number, purpose, error);
  if (bits == NULL)
    return NULL;
  url = mc_status_list_url (status_base, purpose, number * MC_STATUS_LIST_SIZE, NULL);
  list = mc_status_list_build_credential (issuer, url, purpose, bits, from_text, until_text, error);
  if (list == NULL)
    return NULL;
  payload = jwt_payload (list, from, until);
  token = mc_jws_sign_with_kid (key, kid_url, payload, error);
  if (token == NULL)
    return NULL;
  signed_list = g_new0 (SignedList, 1);
  signed_list->file_name = g_strdup_printf ("%s-%u.jwt", purpose, number);
  signed_list->token = g_steal_pointer (&token);
  return signed_list;
}

/* Every list, signed, in memory: nothing is written unless all are. */
static GPtrArray *
sign_all (McStore         *store,
          McSigningKey    *key,
          const char      *kid_url,
          const char      *base_url,
          McIssuerProfile *issuer,
          GError         **error)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) signed_list_free);
  g_autofree char *status_base = g_strconcat (base_url, "/status", NULL);
  /* To the second, as the JWT times are. */
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
  g_autoptr(GDateTime) until = g_date_time_add_hours (from, MC_STATUS_LIST_VALIDITY_HOURS);
  guint last;

  if (!last_list_number (store, &last, error))
    return NULL;
  for (guint number = 0; number <= last; number++)
    for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
      {
        SignedList *list = sign_list (store, key, kid_url, issuer, status_base, purposes[i], number,
                                      NULL, from, until, error);

        if (list == NULL)
          return NULL;
        g_ptr_array_add (lists, list);
      }
  return g_steal_pointer (&lists);
}

static gboolean
write_all (GPtrArray   *lists,
           const char  *directory,
           GError     **error)
{
  if (g_mkdir_with_parents (directory, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (directory);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” cannot be created: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < lists->len; i++)
    {
      SignedList *list = g_ptr_array_index (lists, i);
      g_autofree char *path = g_build_filename (directory, list->file_name, NULL);

      if (!g_file_set_contents_full (path, list->token, -1,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, error))
        return FALSE;
    }
  return TRUE;
}

/* The institution as the issuer of the lists, or NULL with @error set
 * when its name is not set. */
static McIssuerProfile *
issuer_profile (McStore     *store,
                const char  *base_url,
                GError     **error)
{
  g_autofree char *name = mc_store_get_setting (store, MC_SETTING_INSTITUTION_NAME, "");
  g_autofree char *id = g_strconcat (base_url, "/issuer", NULL);

  if (g_strstrip (name)[0] == '\0')
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                           _("The institution's name is not set; the status lists name their issuer."));
      return NULL;
    }
  return mc_issuer_profile_new (id, name);
}

/* The verification address without a trailing slash, or NULL with
 * @error set when there is none. */
static char *
find_base_url (McStore     *store,
               const char  *base_url,
               GError     **error)
{
  g_autofree char *base = base_url != NULL ? g_strdup (base_url)
                                           : mc_store_get_setting (store, MC_SETTING_VERIFICATION_URL, NULL);
  gsize length = base != NULL ? strlen (base) : 0;

  while (length > 0 && base[length - 1] == '/')
    base[--length] = '\0';
  if (length == 0 || strchr (base, ':') == NULL)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                           _("The institution's verification address is not set; the status lists "
                             "are published under it."));
      return NULL;
    }
  return g_steal_pointer (&base);
}

guint
mc_status_list_export (McStore       *store,
                       McSigningKey  *key,
                       const char    *kid_url,
                       const char    *base_url,
                       const char    *directory,
                       GError       **error)
{
  g_autofree char *base = NULL;
  g_autofree char *default_kid = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(McIssuerProfile) issuer = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), 0);
  g_return_val_if_fail (MC_IS_SIGNING_KEY (key), 0);
  g_return_val_if_fail (directory != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  base = find_base_url (store, base_url, error);
  if (base == NULL || (issuer = issuer_profile (store, base, error)) == NULL)
    return 0;
  if (kid_url == NULL)
    kid_url = default_kid = g_strconcat (base, "/keys/", mc_signing_key_get_kid (key), NULL);
  lists = sign_all (store, key, kid_url, base, issuer, error);
  if (lists == NULL || !write_all (lists, directory, error))
    return 0;
  return lists->len;
}

gboolean
mc_status_list_count_lists (McStore  *store,
                            guint    *n_lists,
                            GError  **error)
{
  guint last = 0;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_lists != NULL, FALSE);

  if (!last_list_number (store, &last, error))
    return FALSE;
  *n_lists = last + 1;
  return TRUE;
}

char *
mc_status_list_sign (McStore      *store,
                     McSigningKey *key,
                     const char   *kid_url,
                     const char   *base_url,
                     const char   *purpose,
                     guint         number,
                     GBytes       *bits,
                     gint64        signed_at,
                     GError      **error)
{
  g_autofree char *base = NULL;
  g_autofree char *default_kid = NULL;
  g_autofree char *status_base = NULL;
  g_autoptr(McIssuerProfile) issuer = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  SignedList *list;
  char *token;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (MC_IS_SIGNING_KEY (key), NULL);
  g_return_val_if_fail (bits != NULL, NULL);

  base = find_base_url (store, base_url, error);
  if (base == NULL || (issuer = issuer_profile (store, base, error)) == NULL)
    return NULL;
  if (kid_url == NULL)
    kid_url = default_kid = g_strconcat (base, "/keys/", mc_signing_key_get_kid (key), NULL);
  status_base = g_strconcat (base, "/status", NULL);
  from = g_date_time_new_from_unix_utc (signed_at);
  until = g_date_time_add_hours (from, MC_STATUS_LIST_VALIDITY_HOURS);
  list = sign_list (store, key, kid_url, issuer, status_base, purpose, number, bits, from, until, error);
  if (list == NULL)
    return NULL;
  token = g_steal_pointer (&list->token);
  signed_list_free (list);
  return token;
}
