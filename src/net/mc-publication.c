/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-urls.h"
#include "mc-issuing-context.h"
#include "mc-publication-private.h"
#include "mc-workflow.h"

/* The publication's connections and its short-lived cache; the paths
 * are in mc-publication-paths.c, the documents are built in
 * mc-publication-{json,status,catalogue,page}.c. */

/* Connections beyond the first: enough for the service's workers. */
#define MAX_CONNECTIONS 4
/* How long a built document is served again without looking at the
 * database: a change of status shows within this time. */
#define CACHE_SECONDS 1
/* How long the old document stands in while a request builds the new one. */
#define STALE_SECONDS 5
/* The page cache of each connection, in KiB: the service reads little. */
#define CONNECTION_CACHE_KIB 2048
/* Documents kept at most; the cache is emptied when it would hold more. */
#define CACHE_ENTRIES 4096

G_DEFINE_QUARK (mc-publication-error-quark, mc_publication_error)

G_DEFINE_FINAL_TYPE (McPublication, mc_publication, G_TYPE_OBJECT)

typedef struct {
  McPublicationDocument *document;
  gint64                 built_at;   /* monotonic µs */
  gboolean               refreshing; /* one request is building it again */
} CacheEntry;

static void
cache_entry_free (CacheEntry *entry)
{
  mc_publication_document_unref (entry->document);
  g_free (entry);
}

static void
connection_free (McPublicationConnection *connection)
{
  g_clear_object (&connection->keyring);
  g_clear_object (&connection->store);
  g_free (connection);
}

static McPublicationConnection *
connection_new (McStore *store)
{
  McPublicationConnection *connection = g_new0 (McPublicationConnection, 1);

  connection->store = g_object_ref (store);
  connection->keyring = mc_keyring_new_public (store);
  mc_store_set_cache_limit (store, CONNECTION_CACHE_KIB);
  return connection;
}

static void
mc_publication_finalize (GObject *object)
{
  McPublication *self = MC_PUBLICATION (object);

  g_clear_pointer (&self->idle, g_async_queue_unref);
  g_clear_pointer (&self->connections, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->status_lists, g_hash_table_unref);
  g_clear_pointer (&self->revision_facts, g_hash_table_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);
  g_clear_object (&self->key);
  g_clear_object (&self->issuer);
  g_free (self->institution_name);
  g_free (self->base_url);
  g_free (self->base_path);
  g_free (self->database_path);
  g_mutex_clear (&self->pool_lock);
  g_mutex_clear (&self->cache_lock);

  G_OBJECT_CLASS (mc_publication_parent_class)->finalize (object);
}

static void
mc_publication_class_init (McPublicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_publication_finalize;
}

static void
mc_publication_init (McPublication *self)
{
  g_mutex_init (&self->pool_lock);
  g_mutex_init (&self->cache_lock);
  self->idle = g_async_queue_new ();
  self->connections = g_ptr_array_new_with_free_func ((GDestroyNotify) connection_free);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cache_entry_free);
  self->revision_facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
read_institution (McPublication  *self,
                  McStore        *store,
                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McIssuingContext) context = mc_issuing_context_new (store, &local_error);
  g_autofree char *did_web = NULL;
  g_autoptr(GUri) uri = NULL;

  /* The same institution, address and profile as the credentials name. */
  if (context == NULL)
    {
      /* Translators: %s says what is missing and where to set it. */
      g_set_error (error, MC_PUBLICATION_ERROR, MC_PUBLICATION_ERROR_FAILED,
                   _("Nothing can be published yet: %s"), local_error->message);
      return FALSE;
    }
  self->issuer = g_object_ref (mc_issuing_context_get_issuer (context));
  self->base_url = g_strdup (mc_issuing_context_get_base_url (context));
  self->institution_name = g_strdup (mc_issuer_profile_get_name (self->issuer));
  uri = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);
  self->base_path = g_strdup (uri != NULL ? g_uri_get_path (uri) : "");
  did_web = mc_store_get_setting (store, MC_SETTING_PUBLISH_DID_WEB, "false");
  self->did_web = g_str_equal (did_web, "true");
  return TRUE;
}

McPublication *
mc_publication_new (McStore  *store,
                    GError  **error)
{
  g_autoptr(McPublication) self = NULL;
  g_autoptr(McStore) own = NULL;
  McPublicationConnection *first;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MC_TYPE_PUBLICATION, NULL);
  if (!read_institution (self, store, error))
    return NULL;
  /* A file gets connections of our own, so that the caller keeps its
   * store to itself; a database in memory can only be shared. */
  if (!g_str_equal (mc_store_get_path (store), ":memory:"))
    {
      self->database_path = g_strdup (mc_store_get_path (store));
      if ((own = mc_store_open (self->database_path, MC_STORE_OPEN_DEFAULT, error)) == NULL)
        return NULL;
    }
  first = connection_new (own != NULL ? own : store);
  g_ptr_array_add (self->connections, first);
  g_async_queue_push (self->idle, first);
  _mc_publication_languages_init (self);
  return g_steal_pointer (&self);
}

const char *
mc_publication_get_base_url (McPublication *self)
{
  g_return_val_if_fail (MC_IS_PUBLICATION (self), NULL);

  return self->base_url;
}

const char *
mc_publication_get_base_path (McPublication *self)
{
  g_return_val_if_fail (MC_IS_PUBLICATION (self), NULL);

  return self->base_path;
}

void
mc_publication_set_signing_key (McPublication *self,
                                McSigningKey  *key)
{
  g_return_if_fail (MC_IS_PUBLICATION (self));
  g_return_if_fail (key == NULL || MC_IS_SIGNING_KEY (key));

  g_mutex_lock (&self->cache_lock);
  g_set_object (&self->key, key);
  /* Lists signed with another key must not outlive it. */
  g_clear_pointer (&self->status_lists, g_hash_table_unref);
  g_hash_table_remove_all (self->cache);
  g_mutex_unlock (&self->cache_lock);
}

gboolean
mc_publication_has_signing_key (McPublication *self)
{
  gboolean has;

  g_return_val_if_fail (MC_IS_PUBLICATION (self), FALSE);

  g_mutex_lock (&self->cache_lock);
  has = self->key != NULL;
  g_mutex_unlock (&self->cache_lock);
  return has;
}

/* A connection for this thread: an idle one, a new one while there are
 * fewer than MAX_CONNECTIONS, or else the next to come back. */
McPublicationConnection *
_mc_publication_acquire (McPublication *self)
{
  McPublicationConnection *connection = g_async_queue_try_pop (self->idle);
  g_autoptr(McStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean may_open;

  if (connection != NULL)
    return connection;
  g_mutex_lock (&self->pool_lock);
  may_open = self->database_path != NULL && self->connections->len < MAX_CONNECTIONS;
  g_mutex_unlock (&self->pool_lock);
  if (may_open && (store = mc_store_open (self->database_path, MC_STORE_OPEN_DEFAULT, &error)) != NULL)
    {
      connection = connection_new (store);
      g_mutex_lock (&self->pool_lock);
      g_ptr_array_add (self->connections, connection);
      g_mutex_unlock (&self->pool_lock);
      return connection;
    }
  if (error != NULL)
    g_debug ("Publishing shares its connections: %s", error->message);
  return g_async_queue_pop (self->idle);
}

void
_mc_publication_release (McPublication           *self,
                         McPublicationConnection *connection)
{
  g_async_queue_push (self->idle, connection);
}

static char *
cache_key (const char                  *path,
           const McPublicationLanguage *language)
{
  return g_strconcat (path, "\n", language->code, NULL);
}

static McPublicationDocument *
cache_lookup (McPublication *self,
              const char    *key,
              gboolean       allow_stale)
{
  McPublicationDocument *document = NULL;
  CacheEntry *entry;
  gint64 age;

  g_mutex_lock (&self->cache_lock);
  entry = g_hash_table_lookup (self->cache, key);
  age = entry != NULL ? g_get_monotonic_time () - entry->built_at : 0;
  /* Fresh; or stale while another request builds it again, so that a busy
   * page is built once a second, not once per waiting client. */
  if (entry != NULL &&
      (age < CACHE_SECONDS * G_USEC_PER_SEC ||
       (allow_stale && entry->refreshing && age < STALE_SECONDS * G_USEC_PER_SEC)))
    document = mc_publication_document_ref (entry->document);
  else if (entry != NULL && allow_stale)
    entry->refreshing = TRUE;
  g_mutex_unlock (&self->cache_lock);
  return document;
}

static void
cache_store (McPublication         *self,
             const char            *key,
             McPublicationDocument *document)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->document = mc_publication_document_ref (document);
  entry->built_at = g_get_monotonic_time ();
  g_mutex_lock (&self->cache_lock);
  if (g_hash_table_size (self->cache) >= CACHE_ENTRIES)
    g_hash_table_remove_all (self->cache);
  g_hash_table_replace (self->cache, g_strdup (key), entry);
  g_mutex_unlock (&self->cache_lock);
}

McPublicationDocument *
mc_publication_peek (McPublication *self,
                     const char    *path,
                     const char    *accept_language)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (MC_IS_PUBLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  key = cache_key (path, _mc_publication_find_language (self, accept_language));
  return cache_lookup (self, key, TRUE);
}

McPublicationDocument *
mc_publication_get (McPublication  *self,
                    const char     *path,
                    const char     *token,
                    const char     *accept_language,
                    GError        **error)
{
  const McPublicationLanguage *language;
  McPublicationConnection *connection;
  g_autofree char *key = NULL;
  g_autoptr(GError) local_error = NULL;
  McPublicationDocument *document;
  locale_t previous;

  g_return_val_if_fail (MC_IS_PUBLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  language = _mc_publication_find_language (self, accept_language);
  if (token != NULL && *token == '\0')
    token = NULL;
  key = cache_key (path, language);
  if (token == NULL && (document = cache_lookup (self, key, FALSE)) != NULL)
    return document;

  connection = _mc_publication_acquire (self);
  previous = _mc_publication_language_enter (language);
  document = _mc_publication_route (self, connection, path, token, language, &local_error);
  _mc_publication_language_leave (previous);
  _mc_publication_release (self, connection);

  if (document == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, MC_PUBLICATION_ERROR, MC_PUBLICATION_ERROR_NOT_FOUND,
                     _("Nothing is published at “%s”"), path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (token == NULL)
    cache_store (self, key, document);
  return document;
}
