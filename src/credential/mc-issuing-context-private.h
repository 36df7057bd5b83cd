/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-issuing-context.h"

G_BEGIN_DECLS

/* What the credentials of one offering are built from; immutable once
 * cached, so threads share it. */
typedef struct {
  McOffering *offering;
  McRevision *revision;
  char       *design_uuid;
  char       *achievement_id;
} McIssuingSource;

struct _McIssuingContext
{
  GObject          parent_instance;

  McStore         *store;     /* NULL in a copy for another thread */
  McIssuingContext *original; /* what a copy takes its sources from */
  char            *base_url;
  char            *status_base_url;
  McIssuerProfile *issuer;
  GBytes          *logo;
  char            *institution_name;
  char            *country;
  char            *legal_identifier;
  char            *institution_url;
  char            *signatory_name;
  char            *signatory_title;

  GMutex           lock;      /* guards sources: copies read them */
  GHashTable      *sources;   /* "offering id/revision number" → McIssuingSource */
};

/* The source of @credential, loaded on demand (transfer none: it lives as
 * long as the context). */
const McIssuingSource *_mc_issuing_context_get_source (McIssuingContext   *self,
                                                       McIssuedCredential *credential,
                                                       GError            **error);

G_END_DECLS
