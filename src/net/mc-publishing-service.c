/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "mc-publishing-service-private.h"
#include "mc-workflow.h"

/* The server's main loop only parses requests, answers from the
 * publication's short cache and writes responses; anything that reads
 * the database runs in the worker pool.  Requests that could tie up a
 * connection or memory are cut short: see check_request() and the
 * request timeout. */

#define WORKERS 4
#define DEFAULT_REQUEST_TIMEOUT 10
/* Connections waiting to be accepted (the kernel caps it at somaxconn). */
#define LISTEN_BACKLOG 1024

enum {
  PROP_0,
  PROP_PUBLICATION,
  PROP_RUNNING,
  PROP_REQUEST_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (McPublishingService, mc_publishing_service, G_TYPE_OBJECT)

static void
mc_publishing_service_dispose (GObject *object)
{
  McPublishingService *self = MC_PUBLISHING_SERVICE (object);

  mc_publishing_service_stop (self);
  G_OBJECT_CLASS (mc_publishing_service_parent_class)->dispose (object);
}

static void
mc_publishing_service_finalize (GObject *object)
{
  McPublishingService *self = MC_PUBLISHING_SERVICE (object);

  g_clear_object (&self->publication);

  G_OBJECT_CLASS (mc_publishing_service_parent_class)->finalize (object);
}

static void
mc_publishing_service_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  McPublishingService *self = MC_PUBLISHING_SERVICE (object);

  switch (prop_id)
    {
    case PROP_PUBLICATION:
      g_value_set_object (value, self->publication);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->server != NULL);
      break;
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_publishing_service_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  McPublishingService *self = MC_PUBLISHING_SERVICE (object);

  switch (prop_id)
    {
    case PROP_PUBLICATION:
      self->publication = g_value_dup_object (value);
      break;
    case PROP_REQUEST_TIMEOUT:
      mc_publishing_service_set_request_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_publishing_service_class_init (McPublishingServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_publishing_service_dispose;
  object_class->finalize = mc_publishing_service_finalize;
  object_class->get_property = mc_publishing_service_get_property;
  object_class->set_property = mc_publishing_service_set_property;

  properties[PROP_PUBLICATION] =
    g_param_spec_object ("publication", NULL, NULL, MC_TYPE_PUBLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL, 1, 3600, DEFAULT_REQUEST_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_publishing_service_init (McPublishingService *self)
{
  self->request_timeout = DEFAULT_REQUEST_TIMEOUT;
}

McPublishingService *
mc_publishing_service_new (McPublication *publication)
{
  g_return_val_if_fail (MC_IS_PUBLICATION (publication), NULL);

  return g_object_new (MC_TYPE_PUBLISHING_SERVICE, "publication", publication, NULL);
}

McPublication *
mc_publishing_service_get_publication (McPublishingService *self)
{
  g_return_val_if_fail (MC_IS_PUBLISHING_SERVICE (self), NULL);

  return self->publication;
}

gboolean
mc_publishing_service_get_running (McPublishingService *self)
{
  g_return_val_if_fail (MC_IS_PUBLISHING_SERVICE (self), FALSE);

  return self->server != NULL;
}

void
mc_publishing_service_set_request_timeout (McPublishingService *self,
                                           guint                seconds)
{
  g_return_if_fail (MC_IS_PUBLISHING_SERVICE (self));
  g_return_if_fail (seconds > 0);

  if (self->request_timeout == seconds)
    return;
  self->request_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_TIMEOUT]);
}

/* A socket of our own rather than soup_server_listen()'s, whose queue
 * of connections waiting to be accepted holds only 10: when more
 * clients connect at once, the kernel drops the rest, and they wait for
 * retransmissions (200 ms, then 400, 800…) before their first answer. */
static gboolean
listen_socket (McPublishingService      *self,
               GSocketAddress           *address,
               SoupServerListenOptions   options,
               GError                  **error)
{
  g_autoptr(GSocket) socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  return g_socket_bind (socket, address, TRUE, error) &&
         g_socket_listen (socket, error) &&
         soup_server_listen_socket (self->server, socket, options, error);
}

static gboolean
listen_on (McPublishingService  *self,
           const char           *address,
           guint                 port,
           GTlsCertificate      *tls_certificate,
           GError              **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupServerListenOptions options = 0;

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address to publish on; give one like 127.0.0.1 or ::1"), address);
      return FALSE;
    }
  if (port > G_MAXUINT16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u is not a port number; give one from 1 to 65535, or 0 for any free port"), port);
      return FALSE;
    }
  if (tls_certificate != NULL)
    {
      soup_server_set_tls_certificate (self->server, tls_certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  if (!listen_socket (self, socket_address, options, &local_error))
    {
      /* Translators: the address, the port, and why (“Address already in use”). */
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("The publishing service cannot listen on %s port %u: %s"), address, port,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_publishing_service_start (McPublishingService  *self,
                             const char           *address,
                             guint                 port,
                             GTlsCertificate      *tls_certificate,
                             McSigningKey         *key,
                             GError              **error)
{
  g_return_val_if_fail (MC_IS_PUBLISHING_SERVICE (self), FALSE);
  g_return_val_if_fail (tls_certificate == NULL || G_IS_TLS_CERTIFICATE (tls_certificate), FALSE);
  g_return_val_if_fail (key == NULL || MC_IS_SIGNING_KEY (key), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->server != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("The publishing service is already running"));
      return FALSE;
    }
  self->server = soup_server_new ("server-header", "Microcred", NULL);
  if (!listen_on (self, address != NULL ? address : MC_PUBLISHING_SERVICE_DEFAULT_ADDRESS, port,
                  tls_certificate, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }
  mc_publication_set_signing_key (self->publication, key);
  self->context = g_main_context_ref_thread_default ();
  self->workers = g_thread_pool_new (_mc_publishing_service_work, self, WORKERS, FALSE, NULL);
  _mc_publishing_service_connect_handlers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  return TRUE;
}

void
mc_publishing_service_stop (McPublishingService *self)
{
  g_return_if_fail (MC_IS_PUBLISHING_SERVICE (self));

  if (self->server == NULL)
    return;
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Finishes the requests under way; their answers go nowhere. */
  g_clear_pointer (&self->workers, _mc_publishing_service_free_workers);
  g_clear_pointer (&self->context, g_main_context_unref);
  mc_publication_set_signing_key (self->publication, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

char *
mc_publishing_service_dup_url (McPublishingService *self)
{
  GSList *uris = NULL;
  g_autofree char *root = NULL;

  g_return_val_if_fail (MC_IS_PUBLISHING_SERVICE (self), NULL);

  if (self->server == NULL || (uris = soup_server_get_uris (self->server)) == NULL)
    return NULL;
  root = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  /* "http://127.0.0.1:8080/" and the base's path ("mc/"). */
  while (g_str_has_suffix (root, "/"))
    root[strlen (root) - 1] = '\0';
  return g_strconcat (root, mc_publication_get_base_path (self->publication), "/", NULL);
}


GTlsCertificate *
mc_publishing_service_load_certificate (McStore     *store,
                                        const char  *certificate_path,
                                        const char  *key_path,
                                        GError     **error)
{
  g_autofree char *certificate_setting = NULL;
  g_autofree char *key_setting = NULL;
  g_autoptr(GError) local_error = NULL;
  GTlsCertificate *certificate;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  if (certificate_path == NULL && key_path == NULL)
    {
      certificate_path = certificate_setting = mc_store_get_setting (store, MC_SETTING_PUBLISH_TLS_CERTIFICATE, "");
      key_path = key_setting = mc_store_get_setting (store, MC_SETTING_PUBLISH_TLS_KEY, "");
      if (*certificate_path == '\0' && *key_path == '\0')
        return NULL;
    }
  if (certificate_path == NULL || *certificate_path == '\0' || key_path == NULL || *key_path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("HTTPS needs both the certificate and its private key"));
      return NULL;
    }
  certificate = g_tls_certificate_new_from_files (certificate_path, key_path, &local_error);
  if (certificate == NULL)
    {
      g_autofree char *name = g_filename_display_name (certificate_path);
      g_autofree char *key_name = g_filename_display_name (key_path);

      /* Translators: the certificate file, the key file, and why. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The TLS certificate “%s” with the key “%s” cannot be used: %s"),
                   name, key_name, local_error->message);
      return NULL;
    }
  return certificate;
}
