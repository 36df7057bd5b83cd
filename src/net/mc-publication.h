/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-publication-document.h"
#include "mc-signing-key.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* Every document the institution publishes, built from its database: the
 * one place that makes them, so that the publishing service and the
 * static export give the same bytes.  docs/publishing.md lists them.
 *
 * Paths are relative to the verification address (its path stripped):
 * "/issuer", "/keys.json", "/credentials/<uuid>" … as
 * mc-credential-urls.h spells them.
 *
 * A publication is safe to use from many threads at once: it keeps a
 * small pool of read-only database connections (the store it was made
 * with, plus more opened on the same file as threads need them), signs
 * the status lists with the unlocked key it is given, re-signing a list
 * only when its bits change (or when half its validity has passed), and
 * keeps recently built documents for a second.  It never writes to the
 * database. */

#define MC_PUBLICATION_ERROR (mc_publication_error_quark ())
typedef enum {
  MC_PUBLICATION_ERROR_NOT_FOUND,    /* nothing is published at that path */
  MC_PUBLICATION_ERROR_UNAVAILABLE,  /* the status lists, while no key is unlocked */
  MC_PUBLICATION_ERROR_FAILED,
} McPublicationError;
GQuark mc_publication_error_quark (void);

#define MC_TYPE_PUBLICATION (mc_publication_get_type ())
G_DECLARE_FINAL_TYPE (McPublication, mc_publication, MC, PUBLICATION, GObject)

/* Reads the institution's name and verification address (refusing with
 * MC_PUBLICATION_ERROR_FAILED and where to set them when missing).  For a
 * database file the publication opens connections of its own and @store
 * stays the caller's; a database in memory is shared, and must then not
 * be used elsewhere while the publication lives. */
McPublication *mc_publication_new              (McStore        *store,
                                                GError        **error);
/* The verification address, without trailing slash. */
const char    *mc_publication_get_base_url     (McPublication  *self);
/* The path of the verification address ("" for a bare host, "/mc" for
 * "https://www.example.edu/mc"): request paths start with it. */
const char    *mc_publication_get_base_path    (McPublication  *self);
/* The key that signs the status lists (NULL: none, and the lists are
 * MC_PUBLICATION_ERROR_UNAVAILABLE). */
void           mc_publication_set_signing_key  (McPublication  *self,
                                                McSigningKey   *key);
gboolean       mc_publication_has_signing_key  (McPublication  *self);

/* The document at @path.  @token: the ?token= of a verification page
 * (NULL: none); only when it is the credential's own does the page name
 * the learner and the result.  @accept_language: the request's
 * Accept-Language header (NULL: English).  A verification page of an
 * unknown credential is a document with status 404.
 * Returns: (transfer full): the document, or NULL with @error set */
McPublicationDocument *mc_publication_get     (McPublication  *self,
                                                const char     *path,
                                                const char     *token,
                                                const char     *accept_language,
                                                GError        **error);
/* The document if it was built (without token) less than a second ago:
 * never touches the database, never blocks for long.
 * Returns: (transfer full) (nullable) */
McPublicationDocument *mc_publication_peek    (McPublication  *self,
                                                const char     *path,
                                                const char     *accept_language);
/* Every path published, in a stable order: what a static export writes.
 * Returns: (transfer full) (element-type utf8) */
GPtrArray     *mc_publication_list_paths       (McPublication  *self,
                                                GError        **error);

/* Called by mc_publication_export(), in the thread that exports, after
 * each document written: @written of @total. */
typedef void (*McPublicationProgressFunc) (guint    written,
                                           guint    total,
                                           gpointer user_data);

/* The static export: every document (verification pages without personal
 * data, in English) written below @directory as the paths lay them out,
 * "index.html" for a page whose path names a folder.  Written into a new
 * folder beside @directory first, which then replaces it: an upload never
 * sees half an export.  @directory must be missing, empty or a previous
 * export (holding ".microcred-export").  Needs the signing key for the status
 * lists.  @progress (nullable) hears of each document written.
 * @cancellable is checked between documents: a cancelled export fails
 * with G_IO_ERROR_CANCELLED, removes the new folder and leaves
 * @directory as it was (missing, or the earlier export). */
gboolean       mc_publication_export           (McPublication             *self,
                                                const char                *directory,
                                                McPublicationProgressFunc  progress,
                                                gpointer                   progress_data,
                                                GCancellable              *cancellable,
                                                GError                   **error);

/* The languages pages are available in ("en" and the installed
 * translations), and the one @accept_language prefers. */
const char * const *mc_publication_get_languages (McPublication *self);
const char    *mc_publication_negotiate_language (McPublication *self,
                                                  const char    *accept_language);

G_END_DECLS
