/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-publication-private.h"
#include "mc-status-list-export.h"

/* The signed status lists.  Signing costs milliseconds and changes the
 * bytes (the validity window moves), which would defeat every cache, so a
 * list is signed again only when its bits change, or when half of its
 * validity has passed so that verifiers never see one expire. */

#define STATUS_LIST_TYPE "application/vc+jwt"
#define RESIGN_AFTER_SECONDS (MC_STATUS_LIST_VALIDITY_HOURS * 3600 / 2)

typedef struct {
  GBytes                *bits;
  McPublicationDocument *document;
} SignedList;

static void
signed_list_free (SignedList *list)
{
  g_bytes_unref (list->bits);
  mc_publication_document_unref (list->document);
  g_free (list);
}

/* The list signed earlier for these bits, if still fresh enough.
 * Called with the cache lock held. */
static McPublicationDocument *
find_signed (McPublication *self,
             const char    *name,
             GBytes        *bits,
             gint64         now)
{
  SignedList *list = self->status_lists != NULL ? g_hash_table_lookup (self->status_lists, name) : NULL;

  if (list == NULL || !g_bytes_equal (list->bits, bits) || now - list->document->modified >= RESIGN_AFTER_SECONDS)
    return NULL;
  return mc_publication_document_ref (list->document);
}

static McPublicationDocument *
sign (McPublication  *self,
      McStore        *store,
      const char     *purpose,
      guint           number,
      GBytes         *bits,
      gint64          now,
      GError        **error)
{
  g_autofree char *token = mc_status_list_sign (store, self->key, NULL, self->base_url, purpose, number,
                                                bits, now, error);
  McPublicationDocument *document;
  gsize length;

  if (token == NULL)
    return NULL;
  length = strlen (token);
  document = mc_publication_document_new (g_bytes_new_take (g_steal_pointer (&token), length),
                                          STATUS_LIST_TYPE, MC_PUBLICATION_CACHE_SHORT, TRUE);
  document->modified = now;
  return document;
}

McPublicationDocument *
_mc_publication_build_status_list (McPublication           *self,
                                   McPublicationConnection *connection,
                                   const char              *purpose,
                                   guint                    number,
                                   GError                 **error)
{
  g_autoptr(GBytes) bits = NULL;
  g_autofree char *name = g_strdup_printf ("%s/%u", purpose, number);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n_lists = 0;
  McPublicationDocument *document;
  SignedList *list;

  if (!mc_status_list_count_lists (connection->store, &n_lists, error))
    return NULL;
  if (number >= n_lists)
    return NULL;
  if ((bits = mc_store_get_status_bits (connection->store, number, purpose, error)) == NULL)
    return NULL;

  /* Under the lock, so that two requests never sign the same list twice
   * and the key is not swapped while it signs. */
  g_mutex_lock (&self->cache_lock);
  if ((document = find_signed (self, name, bits, now)) != NULL)
    {
      g_mutex_unlock (&self->cache_lock);
      return document;
    }
  if (self->key == NULL)
    {
      g_mutex_unlock (&self->cache_lock);
      g_set_error_literal (error, MC_PUBLICATION_ERROR, MC_PUBLICATION_ERROR_UNAVAILABLE,
                           _("The status lists are not available: the publishing service was started "
                             "without the signing key. Try again later."));
      return NULL;
    }
  document = sign (self, connection->store, purpose, number, bits, now, error);
  if (document != NULL)
    {
      if (self->status_lists == NULL)
        self->status_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) signed_list_free);
      list = g_new0 (SignedList, 1);
      list->bits = g_bytes_ref (bits);
      list->document = mc_publication_document_ref (document);
      g_hash_table_replace (self->status_lists, g_steal_pointer (&name), list);
    }
  g_mutex_unlock (&self->cache_lock);
  return document;
}
