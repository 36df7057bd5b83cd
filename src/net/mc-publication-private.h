/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <locale.h>

#include "mc-issuer-profile.h"
#include "mc-keyring.h"
#include "mc-publication.h"

G_BEGIN_DECLS

/* One database connection of the pool, used by one thread at a time. */
typedef struct {
  McStore   *store;
  McKeyring *keyring;
} McPublicationConnection;

typedef struct {
  char     *code;     /* "en", "de", "pt_BR" */
  char     *tag;      /* the same as a BCP 47 tag: "pt-BR" */
  locale_t  locale;   /* its messages; (locale_t) 0 for English */
} McPublicationLanguage;

struct _McPublication
{
  GObject          parent_instance;

  char            *base_url;
  char            *base_path;
  char            *database_path;   /* NULL: the one store only */
  McIssuerProfile *issuer;
  char            *institution_name;
  gboolean         did_web;

  GAsyncQueue     *idle;            /* McPublicationConnection */
  GPtrArray       *connections;     /* every one, to free them */
  GMutex           pool_lock;

  GMutex           cache_lock;
  GHashTable      *cache;           /* "path\nlanguage" → CacheEntry */
  GHashTable      *status_lists;    /* "purpose/n" → SignedList */
  GHashTable      *revision_facts;  /* "design id:revision" → double[2]: ECTS, EQF level */
  McSigningKey    *key;

  GPtrArray       *languages;       /* McPublicationLanguage, English first */
  GPtrArray       *language_codes;  /* their codes, NULL-terminated */
};

/* mc-publication.c: a connection of the pool for this thread, and back. */
McPublicationConnection *_mc_publication_acquire (McPublication           *self);
void                   _mc_publication_release   (McPublication           *self,
                                                  McPublicationConnection *connection);

/* mc-publication-paths.c: the document at @path (relative to the base
 * address), or NULL: with @error set, or without when nothing is
 * published there. */
McPublicationDocument *_mc_publication_route     (McPublication               *self,
                                                  McPublicationConnection     *connection,
                                                  const char                  *path,
                                                  const char                  *token,
                                                  const McPublicationLanguage *language,
                                                  GError                     **error);

/* Documents of one kind, built with a connection.  Each returns NULL
 * with MC_PUBLICATION_ERROR_NOT_FOUND when there is nothing at @arg. */

/* mc-publication-json.c */
McPublicationDocument *_mc_publication_build_issuer      (McPublication           *self);
McPublicationDocument *_mc_publication_build_context     (McPublication           *self);
McPublicationDocument *_mc_publication_build_jwks        (McPublication           *self,
                                                          McPublicationConnection *connection,
                                                          GError                 **error);
McPublicationDocument *_mc_publication_build_jwk         (McPublication           *self,
                                                          McPublicationConnection *connection,
                                                          const char              *thumbprint,
                                                          GError                 **error);
McPublicationDocument *_mc_publication_build_did         (McPublication           *self,
                                                          McPublicationConnection *connection,
                                                          GError                 **error);
McPublicationDocument *_mc_publication_build_achievement (McPublication           *self,
                                                          McPublicationConnection *connection,
                                                          const char              *design_uuid,
                                                          GError                 **error);
McPublicationDocument *_mc_publication_json_document     (JsonNode                *node,
                                                          const char              *content_type,
                                                          McPublicationCache       cache);
/* The approved revision of an active design (@active_only) or of any
 * design that has one; NULL without error when there is none. */
McRevision            *_mc_publication_load_approved     (McStore                 *store,
                                                          const char              *design_uuid,
                                                          gboolean                 active_only,
                                                          GError                 **error);

/* mc-publication-status.c */
McPublicationDocument *_mc_publication_build_status_list (McPublication           *self,
                                                          McPublicationConnection *connection,
                                                          const char              *purpose,
                                                          guint                    number,
                                                          GError                 **error);

/* mc-publication-catalogue.c */
McPublicationDocument *_mc_publication_build_catalogue   (McPublication           *self,
                                                          McPublicationConnection *connection,
                                                          gboolean                 html,
                                                          const McPublicationLanguage *language,
                                                          GError                 **error);
/* The uuids of the active designs with an approved revision. */
GPtrArray             *_mc_publication_list_active_designs (McStore               *store,
                                                            GError                **error);

/* mc-publication-page.c */
McPublicationDocument *_mc_publication_build_page        (McPublication           *self,
                                                          McPublicationConnection *connection,
                                                          const char              *credential_uuid,
                                                          const char              *token,
                                                          const McPublicationLanguage *language,
                                                          GError                 **error);
/* The start and end of every HTML page: doctype, lang, style, landmarks. */
void                   _mc_publication_html_begin        (GString                 *html,
                                                          const McPublicationLanguage *language,
                                                          const char              *title);
void                   _mc_publication_html_end          (GString                 *html,
                                                          const char              *institution_name);
McPublicationDocument *_mc_publication_html_document     (GString                 *html,
                                                          McPublicationCache       cache);

/* mc-publication-language.c */
void                   _mc_publication_languages_init    (McPublication           *self);
void                   _mc_publication_language_free     (McPublicationLanguage   *language);
const McPublicationLanguage *_mc_publication_find_language (McPublication         *self,
                                                            const char            *accept_language);
/* Switches this thread's messages to @language; give the result to
 * _mc_publication_language_leave(). */
locale_t               _mc_publication_language_enter    (const McPublicationLanguage *language);
void                   _mc_publication_language_leave    (locale_t                 previous);

G_END_DECLS
