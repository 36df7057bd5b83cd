/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "mc-remote-fetcher.h"

#define CHUNK_SIZE 16384
#define ACCEPT "application/json, application/jwk+json, application/jwk-set+json, " \
               "application/did+json, application/did+ld+json, application/vc+jwt, application/jwt, " \
               "application/vc+ld+json, text/plain;q=0.5, */*;q=0.1"

G_DEFINE_QUARK (mc-remote-error-quark, mc_remote_error)

struct _McRemoteFetcher
{
  GObject        parent_instance;

  SoupSession   *session;   /* made on the first fetch, in its thread-default context */
  McRemoteCache *cache;
  guint          connect_timeout;
  guint          total_timeout;
  gsize          max_size;
  gboolean       offline;
};

G_DEFINE_FINAL_TYPE (McRemoteFetcher, mc_remote_fetcher, G_TYPE_OBJECT)

static void
mc_remote_fetcher_dispose (GObject *object)
{
  McRemoteFetcher *self = MC_REMOTE_FETCHER (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cache);
  G_OBJECT_CLASS (mc_remote_fetcher_parent_class)->dispose (object);
}

static void
mc_remote_fetcher_class_init (McRemoteFetcherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_remote_fetcher_dispose;
}

static void
mc_remote_fetcher_init (McRemoteFetcher *self)
{
  self->connect_timeout = MC_REMOTE_FETCHER_DEFAULT_CONNECT_TIMEOUT;
  self->total_timeout = MC_REMOTE_FETCHER_DEFAULT_TOTAL_TIMEOUT;
  self->max_size = MC_REMOTE_FETCHER_DEFAULT_MAX_SIZE;
}

McRemoteFetcher *
mc_remote_fetcher_new (McRemoteCache *cache)
{
  McRemoteFetcher *self = g_object_new (MC_TYPE_REMOTE_FETCHER, NULL);

  g_return_val_if_fail (cache == NULL || MC_IS_REMOTE_CACHE (cache), self);

  self->cache = cache != NULL ? g_object_ref (cache) : NULL;
  return self;
}

void
mc_remote_fetcher_set_timeouts (McRemoteFetcher *self,
                                guint            connect_seconds,
                                guint            total_seconds)
{
  g_return_if_fail (MC_IS_REMOTE_FETCHER (self));
  g_return_if_fail (connect_seconds > 0 && total_seconds > 0);

  self->connect_timeout = connect_seconds;
  self->total_timeout = total_seconds;
}

void
mc_remote_fetcher_set_max_size (McRemoteFetcher *self,
                                gsize            max_size)
{
  g_return_if_fail (MC_IS_REMOTE_FETCHER (self));
  g_return_if_fail (max_size > 0);

  self->max_size = max_size;
}

void
mc_remote_fetcher_set_offline (McRemoteFetcher *self,
                               gboolean         offline)
{
  g_return_if_fail (MC_IS_REMOTE_FETCHER (self));

  self->offline = offline;
}

gboolean
mc_remote_fetcher_get_offline (McRemoteFetcher *self)
{
  g_return_val_if_fail (MC_IS_REMOTE_FETCHER (self), FALSE);

  return self->offline;
}

/* Addresses */

static gboolean
is_loopback (const char *host)
{
  return g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "::1") == 0 ||
         g_strcmp0 (host, "[::1]") == 0 || g_ascii_strcasecmp (host != NULL ? host : "", "localhost") == 0;
}

static gboolean
check_uri (GUri    *uri,
           GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (host == NULL || *host == '\0')
    {
      g_set_error_literal (error, MC_REMOTE_ERROR, MC_REMOTE_ERROR_INSECURE,
                           _("it is not a web address"));
      return FALSE;
    }
  if (g_ascii_strcasecmp (scheme, "https") == 0 || (g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback (host)))
    return TRUE;
  g_set_error_literal (error, MC_REMOTE_ERROR, MC_REMOTE_ERROR_INSECURE,
                       _("only secure (https) addresses are fetched"));
  return FALSE;
}

gboolean
mc_remote_fetcher_check_url (const char  *url,
                             GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, MC_REMOTE_ERROR, MC_REMOTE_ERROR_INSECURE, _("it is not a web address"));
      return FALSE;
    }
  return check_uri (uri, error);
}

/* One fetch */

typedef struct {
  McRemoteFetcher *fetcher;
  char            *url;         /* as asked for: the cache's key */
  GUri            *current;     /* after redirects */
  guint            n_redirects;
  SoupMessage     *message;
  GInputStream    *stream;
  GByteArray      *body;
  GCancellable    *cancellable; /* ours: cancelled by the timeout or the caller's */
  gulong           cancelled_id;
  GCancellable    *caller;
  GSource         *timeout;
  gboolean         timed_out;
  GBytes          *cached;
  char            *etag;
  char            *last_modified;
  gboolean         from_cache;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  if (fetch->timeout != NULL)
    {
      g_source_destroy (fetch->timeout);
      g_source_unref (fetch->timeout);
    }
  if (fetch->caller != NULL)
    g_cancellable_disconnect (fetch->caller, fetch->cancelled_id);
  g_clear_object (&fetch->caller);
  g_clear_object (&fetch->cancellable);
  g_clear_object (&fetch->stream);
  g_clear_object (&fetch->message);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_clear_pointer (&fetch->current, g_uri_unref);
  g_clear_pointer (&fetch->cached, g_bytes_unref);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
  g_free (fetch->url);
  g_object_unref (fetch->fetcher);
  g_free (fetch);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->timed_out = TRUE;
  g_cancellable_cancel (fetch->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* Returns @task's error from @local, in MC_REMOTE_ERROR words. */
static void
fail (GTask  *task,
      GError *local)
{
  Fetch *fetch = g_task_get_task_data (task);

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) && fetch->timed_out)
    g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_TIMEOUT,
                             /* Translators: a number of seconds */
                             _("it took longer than %u s"), fetch->fetcher->total_timeout);
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_TIMEOUT,
                             _("the server did not answer within %u s"), fetch->fetcher->connect_timeout);
  else if (local->domain == G_IO_ERROR && local->code == G_IO_ERROR_CANCELLED)
    g_task_return_error (task, g_error_copy (local));
  else if (local->domain == G_IO_ERROR && (local->code == G_IO_ERROR_INVALID_DATA ||
                                           local->code == G_IO_ERROR_PARTIAL_INPUT))
    g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_DAMAGED,
                             _("its compressed answer is damaged (%s)"), local->message);
  else
    g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_NETWORK,
                             _("the server could not be reached (%s)"), local->message);
  g_error_free (local);
}

static void
succeed (GTask  *task,
         GBytes *body,
         gboolean from_cache)
{
  Fetch *fetch = g_task_get_task_data (task);

  fetch->from_cache = from_cache;
  g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
}

static void send_message (GTask *task);

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  McRemoteFetcher *self = fetch->fetcher;
  GError *local = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &local);
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *headers;

  if (chunk == NULL)
    {
      fail (task, local);
      return;
    }
  if (g_bytes_get_size (chunk) > 0)
    {
      if (fetch->body->len + g_bytes_get_size (chunk) > self->max_size)
        {
          g_autofree char *limit = g_format_size_full (self->max_size, G_FORMAT_SIZE_IEC_UNITS);

          /* Stop reading: the rest is never downloaded. */
          g_cancellable_cancel (fetch->cancellable);
          g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_TOO_LARGE,
                                   _("it sent more than %s"), limit);
          return;
        }
      g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT, fetch->cancellable,
                                       read_cb, g_steal_pointer (&task));
      return;
    }
  body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  headers = soup_message_get_response_headers (fetch->message);
  if (self->cache != NULL)
    mc_remote_cache_store (self->cache, fetch->url, body, soup_message_headers_get_one (headers, "ETag"),
                           soup_message_headers_get_one (headers, "Last-Modified"));
  succeed (task, body, FALSE);
}

/* No web pages, images, audio, video or multipart bodies: whatever the
 * address, a key, a DID document or a status list is JSON or a JWT. */
static gboolean
check_content_type (GTask              *task,
                    SoupMessageHeaders *headers)
{
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  static const char * const refused[] = { "text/html", "application/xhtml+xml", "image/", "audio/",
                                          "video/", "multipart/", "font/" };

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (refused); i++)
    if (g_str_has_prefix (type, refused[i]))
      {
        g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_CONTENT_TYPE,
                                 _("it sent %s instead of a document"), type);
        return FALSE;
      }
  return TRUE;
}

static gboolean
follow_redirect (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (fetch->message),
                                                       "Location");
  g_autoptr(GUri) next = NULL;
  GError *local = NULL;

  if (++fetch->n_redirects > MC_REMOTE_FETCHER_MAX_REDIRECTS)
    {
      g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_REDIRECTS,
                               _("it redirected more than %d times"), MC_REMOTE_FETCHER_MAX_REDIRECTS);
      return FALSE;
    }
  next = location != NULL ? g_uri_parse_relative (fetch->current, location, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  if (next == NULL)
    {
      g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_HTTP_STATUS,
                               _("it redirected to no valid address"));
      return FALSE;
    }
  if (g_ascii_strcasecmp (g_uri_get_scheme (fetch->current), "https") == 0 &&
      g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0)
    {
      g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_INSECURE,
                               _("it redirected from a secure (https) address to an insecure one"));
      return FALSE;
    }
  if (!check_uri (next, &local))
    {
      g_task_return_error (task, local);
      return FALSE;
    }
  g_uri_unref (fetch->current);
  fetch->current = g_steal_pointer (&next);
  return TRUE;
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *local = NULL;
  SoupMessageHeaders *headers;
  guint status;

  g_clear_object (&fetch->stream);
  fetch->stream = soup_session_send_finish (SOUP_SESSION (source), result, &local);
  if (fetch->stream == NULL)
    {
      fail (task, local);
      return;
    }
  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);
  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      if (follow_redirect (task))
        send_message (g_steal_pointer (&task));
      return;
    }
  if (status == SOUP_STATUS_NOT_MODIFIED && fetch->cached != NULL)
    {
      succeed (task, fetch->cached, TRUE);
      return;
    }
  if (status != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_HTTP_STATUS,
                               /* Translators: an HTTP status code and its reason, like "500 (Internal Server Error)" */
                               _("the server answered %u (%s)"), status,
                               soup_message_get_reason_phrase (fetch->message));
      return;
    }
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) fetch->fetcher->max_size &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    {
      g_autofree char *limit = g_format_size_full (fetch->fetcher->max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_TOO_LARGE,
                               _("it sent more than %s"), limit);
      return;
    }
  if (!check_content_type (task, headers))
    return;
  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT, fetch->cancellable,
                                   read_cb, g_steal_pointer (&task));
}

static void
send_message (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&fetch->message);
  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, fetch->current);
  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (fetch->message);
  soup_message_headers_replace (headers, "Accept", ACCEPT);
  if (fetch->n_redirects == 0 && fetch->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", fetch->etag);
  if (fetch->n_redirects == 0 && fetch->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", fetch->last_modified);
  soup_session_send_async (fetch->fetcher->session, fetch->message, G_PRIORITY_DEFAULT, fetch->cancellable,
                           sent_cb, task);
}

static void
ensure_session (McRemoteFetcher *self)
{
  g_autofree char *agent = NULL;

  if (self->session != NULL)
    return;
  agent = g_strdup_printf ("Microcred/%s", PACKAGE_VERSION);
  self->session = soup_session_new_with_options ("timeout", self->connect_timeout,
                                                 "idle-timeout", self->connect_timeout,
                                                 "user-agent", agent,
                                                 "max-conns-per-host", 4,
                                                 NULL);
}

void
mc_remote_fetcher_fetch_async (McRemoteFetcher     *self,
                               const char          *url,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Fetch *fetch;
  GError *local = NULL;

  g_return_if_fail (MC_IS_REMOTE_FETCHER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_remote_fetcher_fetch_async);
  fetch = g_new0 (Fetch, 1);
  fetch->fetcher = g_object_ref (self);
  fetch->url = g_strdup (url);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  if (self->cache != NULL)
    fetch->cached = mc_remote_cache_lookup (self->cache, url, &fetch->etag, &fetch->last_modified);
  if (self->offline)
    {
      if (fetch->cached != NULL)
        succeed (task, fetch->cached, TRUE);
      else
        g_task_return_new_error (task, MC_REMOTE_ERROR, MC_REMOTE_ERROR_NOT_CACHED,
                                 _("it is not in the cache, and verification is offline"));
      return;
    }
  fetch->current = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (!mc_remote_fetcher_check_url (url, &local))
    {
      g_task_return_error (task, local);
      return;
    }
  fetch->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      fetch->caller = g_object_ref (cancellable);
      fetch->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                   fetch->cancellable, NULL);
    }
  fetch->timeout = g_timeout_source_new_seconds (self->total_timeout);
  g_source_set_callback (fetch->timeout, timeout_cb, fetch, NULL);
  g_source_attach (fetch->timeout, g_main_context_get_thread_default ());
  ensure_session (self);
  send_message (g_steal_pointer (&task));
}

GBytes *
mc_remote_fetcher_fetch_finish (McRemoteFetcher  *self,
                                GAsyncResult     *result,
                                gboolean         *from_cache,
                                GError          **error)
{
  Fetch *fetch;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  fetch = g_task_get_task_data (G_TASK (result));
  if (from_cache != NULL)
    *from_cache = fetch->from_cache;
  return g_task_propagate_pointer (G_TASK (result), error);
}
