/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-publication-document.h"

G_DEFINE_BOXED_TYPE (McPublicationDocument, mc_publication_document,
                     mc_publication_document_ref, mc_publication_document_unref)

McPublicationDocument *
mc_publication_document_new (GBytes             *body,
                             const char         *content_type,
                             McPublicationCache  cache,
                             gboolean            cors)
{
  McPublicationDocument *self;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (content_type != NULL, NULL);

  /* A strong validator: the same bytes always give the same tag, in this
   * process and the next, so that a restart does not empty the caches. */
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  self = g_new0 (McPublicationDocument, 1);
  self->ref_count = 1;
  self->body = body;
  self->content_type = g_strdup (content_type);
  self->etag = g_strdup_printf ("\"%.32s\"", digest);
  self->cache = cache;
  self->cors = cors;
  self->status = 200;
  return self;
}

McPublicationDocument *
mc_publication_document_ref (McPublicationDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
mc_publication_document_unref (McPublicationDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_bytes_unref (self->body);
  g_free (self->content_type);
  g_free (self->etag);
  g_free (self);
}

const char *
mc_publication_document_get_cache_control (McPublicationDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->cache)
    {
    case MC_PUBLICATION_CACHE_NONE:
      return "private, no-store";
    case MC_PUBLICATION_CACHE_REVALIDATE:
      return "no-cache";
    case MC_PUBLICATION_CACHE_SHORT:
      return "public, max-age=300";
    case MC_PUBLICATION_CACHE_LONG:
    default:
      return "public, max-age=86400";
    }
}
