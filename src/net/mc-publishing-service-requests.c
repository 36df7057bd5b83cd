/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-publishing-service-private.h"

/* One request: checked on the main loop, answered from the cache or by a
 * worker, and given its headers here. */

/* Longer addresses are no address we publish. */
#define MAX_URI_LENGTH 2048
/* Browsers send a few kilobytes at most. */
#define MAX_HEADERS_SIZE (16 * 1024)
/* What a request may carry; nothing published needs a body. */
#define MAX_BODY_SIZE (64 * 1024)

typedef struct {
  McPublishingService   *self;
  SoupServer            *server;    /* the one that received it */
  SoupServerMessage     *message;
  char                  *path;
  char                  *token;
  char                  *accept_language;
  McPublicationDocument *document;
  GError                *error;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_object_unref (job->server);
  g_object_unref (job->message);
  g_free (job->path);
  g_free (job->token);
  g_free (job->accept_language);
  g_clear_pointer (&job->document, mc_publication_document_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
set_text (SoupServerMessage *message,
          guint              status,
          const char        *text)
{
  g_autofree char *body = g_strconcat (text, "\n", NULL);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

static gboolean
etag_matches (const char *if_none_match,
              const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (if_none_match == NULL)
    return FALSE;
  tags = g_strsplit (if_none_match, ",", 64);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (g_str_equal (tag, "*") || g_str_equal (tag, etag))
        return TRUE;
    }
  return FALSE;
}

/* RFC 9110 §13.1.2 and §13.1.3: If-None-Match decides when present. */
static gboolean
not_modified (SoupMessageHeaders    *request,
              McPublicationDocument *document)
{
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");
  g_autoptr(GDateTime) since = NULL;

  if (document->status != 200)
    return FALSE;
  if (if_none_match != NULL)
    return etag_matches (if_none_match, document->etag);
  if (if_modified_since == NULL || document->modified == 0 ||
      (since = soup_date_time_new_from_http_string (if_modified_since)) == NULL)
    return FALSE;
  return document->modified <= g_date_time_to_unix (since);
}

static void
set_document (SoupServerMessage     *message,
              McPublicationDocument *document)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  gboolean html = g_str_has_prefix (document->content_type, "text/html");

  soup_message_headers_replace (headers, "ETag", document->etag);
  soup_message_headers_replace (headers, "Cache-Control", mc_publication_document_get_cache_control (document));
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  if (document->modified != 0)
    {
      g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc (document->modified);
      g_autofree char *text = soup_date_time_to_string (modified, SOUP_DATE_HTTP);

      soup_message_headers_replace (headers, "Last-Modified", text);
    }
  if (document->cors)
    soup_message_headers_replace (headers, "Access-Control-Allow-Origin", "*");
  if (html)
    {
      /* No script, nothing from elsewhere, and the token never leaves in
       * a Referer header. */
      soup_message_headers_replace (headers, "Content-Security-Policy",
                                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                    "frame-ancestors 'none'");
      soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
      soup_message_headers_replace (headers, "Vary", "Accept-Language");
    }
  if (not_modified (soup_server_message_get_request_headers (message), document))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (message, document->status, NULL);
  soup_server_message_set_response (message, document->content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (document->body, NULL),
                                    g_bytes_get_size (document->body));
}

static void
set_error (SoupServerMessage *message,
           const GError      *error)
{
  if (g_error_matches (error, MC_PUBLICATION_ERROR, MC_PUBLICATION_ERROR_NOT_FOUND))
    {
      set_text (message, SOUP_STATUS_NOT_FOUND, _("Nothing is published at this address."));
      return;
    }
  if (g_error_matches (error, MC_PUBLICATION_ERROR, MC_PUBLICATION_ERROR_UNAVAILABLE))
    {
      set_text (message, SOUP_STATUS_SERVICE_UNAVAILABLE, error->message);
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "300");
      return;
    }
  g_warning ("Publishing %s failed: %s", g_uri_get_path (soup_server_message_get_uri (message)), error->message);
  set_text (message, SOUP_STATUS_INTERNAL_SERVER_ERROR,
            _("The publishing service could not read the institution’s records. Try again later."));
}

static gboolean
answer (gpointer data)
{
  Job *job = data;

  /* Stopped (or restarted) meanwhile: the connection is gone. */
  if (job->self->server != job->server)
    return G_SOURCE_REMOVE;
  if (job->document != NULL)
    set_document (job->message, job->document);
  else
    set_error (job->message, job->error);
  soup_server_message_unpause (job->message);
  return G_SOURCE_REMOVE;
}

void
_mc_publishing_service_work (gpointer data,
                             gpointer user_data)
{
  Job *job = data;

  job->document = mc_publication_get (job->self->publication, job->path, job->token,
                                      job->accept_language, &job->error);
  g_main_context_invoke_full (job->self->context, G_PRIORITY_DEFAULT, answer, job, (GDestroyNotify) job_free);
}

void
_mc_publishing_service_free_workers (GThreadPool *workers)
{
  g_thread_pool_free (workers, FALSE, TRUE);
}

/* The path below the verification address's path, or NULL when the
 * request is for something else. */
static const char *
local_path (McPublishingService *self,
            const char          *path)
{
  const char *base_path = mc_publication_get_base_path (self->publication);
  gsize length = strlen (base_path);

  while (length > 0 && base_path[length - 1] == '/')
    length--;
  if (strncmp (path, base_path, length) != 0)
    return NULL;
  path += length;
  return *path == '/' ? path : NULL;
}

static char *
query_token (GUri *uri)
{
  const char *query = g_uri_get_query (uri);
  g_autoptr(GHashTable) parameters = NULL;

  if (query == NULL)
    return NULL;
  parameters = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  return parameters != NULL ? g_strdup (g_hash_table_lookup (parameters, "token")) : NULL;
}

/* "/./" or "/../" anywhere, or at the end. */
static gboolean
has_dot_segment (const char *path)
{
  for (const char *dot = strstr (path, "/."); dot != NULL; dot = strstr (dot + 1, "/."))
    {
      const char *after = dot[2] == '.' ? dot + 3 : dot + 2;

      if (*after == '/' || *after == '\0')
        return TRUE;
    }
  return FALSE;
}

/* Refuses what is not a plain read of a published address; TRUE when
 * the message has its answer. */
static gboolean
check_request (SoupServerMessage *message,
               const char        *path)
{
  const char *method = soup_server_message_get_method (message);
  g_autofree char *uri = g_uri_to_string (soup_server_message_get_uri (message));

  if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
    {
      set_text (message, SOUP_STATUS_METHOD_NOT_ALLOWED, _("Only GET and HEAD are answered here."));
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Allow", "GET, HEAD");
      return TRUE;
    }
  if (strlen (uri) > MAX_URI_LENGTH)
    {
      set_text (message, SOUP_STATUS_REQUEST_URI_TOO_LONG, _("The address is too long."));
      return TRUE;
    }
  /* Published paths are plain: no escapes, no dot segments, no empty
   * segments.  Nothing is ever read from files, but an odd path is
   * refused before it gets anywhere. */
  if (path == NULL || strchr (path, '%') != NULL || has_dot_segment (path) ||
      strstr (path, "//") != NULL || strchr (path, '\\') != NULL)
    {
      set_text (message, SOUP_STATUS_NOT_FOUND, _("Nothing is published at this address."));
      return TRUE;
    }
  return FALSE;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *unused_path,
        GHashTable        *unused_query,
        gpointer           user_data)
{
  McPublishingService *self = user_data;
  GUri *uri = soup_server_message_get_uri (message);
  const char *path = local_path (self, g_uri_get_path (uri));
  const char *accept_language = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                              "Accept-Language");
  g_autofree char *token = NULL;
  g_autoptr(McPublicationDocument) document = NULL;
  Job *job;

  if (check_request (message, path))
    return;
  token = query_token (uri);
  if (token == NULL && (document = mc_publication_peek (self->publication, path, accept_language)) != NULL)
    {
      set_document (message, document);
      return;
    }
  job = g_new0 (Job, 1);
  job->self = g_object_ref (self);
  job->server = g_object_ref (server);
  job->message = g_object_ref (message);
  job->path = g_strdup (path);
  job->token = g_steal_pointer (&token);
  job->accept_language = g_strdup (accept_language);
  soup_server_message_pause (message);
  g_thread_pool_push (self->workers, job, NULL);
}

#define TIMEOUT_KEY "mc-request-timeout"

static void
forget_timeout (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

/* Hangs up: libsoup sees the end of the stream and lets the connection go. */
static void
close_connection (SoupServerMessage *message)
{
  GSocket *socket = soup_server_message_get_socket (message);

  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
}

static void
add_header_size (const char *name,
                 const char *value,
                 gpointer    data)
{
  gsize *size = data;

  *size += strlen (name) + strlen (value) + 4;
}

/* Headers beyond MAX_HEADERS_SIZE get 431.  A request with a body
 * larger than MAX_BODY_SIZE, or of unknown length, loses its connection
 * before the body is read: libsoup would otherwise keep it all in
 * memory.  A small body is read and ignored. */
static void
got_headers (SoupServerMessage *message,
             gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  gsize size = 0;

  g_object_set_data (G_OBJECT (message), TIMEOUT_KEY, NULL);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED ||
      soup_message_headers_get_content_length (headers) > MAX_BODY_SIZE)
    {
      close_connection (message);
      return;
    }
  soup_message_headers_foreach (headers, add_header_size, &size);
  if (size > MAX_HEADERS_SIZE)
    {
      /* (libsoup itself drops a connection whose headers pass 100 KiB.) */
      set_text (message, 431, _("The request’s headers are too large."));
      soup_server_message_set_status (message, 431, "Request Header Fields Too Large");
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
    }
}

/* A client that has not sent its request's headers in time (slowloris)
 * loses its connection, which frees it for others. */
static gboolean
request_timed_out (gpointer data)
{
  close_connection (data);
  return G_SOURCE_REMOVE;
}

static void
request_started (SoupServer        *server,
                 SoupServerMessage *message,
                 gpointer           user_data)
{
  McPublishingService *self = user_data;
  GSource *timeout = g_timeout_source_new_seconds (self->request_timeout);

  g_source_set_callback (timeout, request_timed_out, message, NULL);
  g_source_attach (timeout, self->context);
  g_object_set_data_full (G_OBJECT (message), TIMEOUT_KEY, timeout, forget_timeout);
  g_signal_connect (message, "got-headers", G_CALLBACK (got_headers), NULL);
}

void
_mc_publishing_service_connect_handlers (McPublishingService *self)
{
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  g_signal_connect (self->server, "request-started", G_CALLBACK (request_started), self);
}
