/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How long a client may keep a published document. */
typedef enum {
  MC_PUBLICATION_CACHE_NONE,    /* pages with personal data: never stored */
  MC_PUBLICATION_CACHE_REVALIDATE, /* verification pages: ask again each time */
  MC_PUBLICATION_CACHE_SHORT,   /* status lists, catalogue: five minutes */
  MC_PUBLICATION_CACHE_LONG,    /* issuer, keys, achievements, context: a day */
} McPublicationCache;

/* One published document: its bytes and what the HTTP headers say about
 * them.  Immutable once made; shared between threads by reference. */
typedef struct {
  GBytes             *body;
  char               *content_type;
  char               *etag;          /* quoted, derived from the body */
  gint64              modified;      /* Unix seconds, or 0 when unknown */
  McPublicationCache  cache;
  gboolean            cors;          /* readable from any web page */
  guint               status;        /* 200, or 404 for a page about an unknown credential */
  int                 ref_count;
} McPublicationDocument;

#define MC_TYPE_PUBLICATION_DOCUMENT (mc_publication_document_get_type ())
GType                  mc_publication_document_get_type (void) G_GNUC_CONST;
/* Takes @body; the ETag is made from it. */
McPublicationDocument *mc_publication_document_new      (GBytes                *body,
                                                         const char            *content_type,
                                                         McPublicationCache     cache,
                                                         gboolean               cors);
McPublicationDocument *mc_publication_document_ref      (McPublicationDocument *self);
void                   mc_publication_document_unref    (McPublicationDocument *self);
/* The Cache-Control header value. */
const char            *mc_publication_document_get_cache_control (McPublicationDocument *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McPublicationDocument, mc_publication_document_unref)

G_END_DECLS
