/* SPDX-License-Identifier: GPL-3.0-or-later */
/* McPublication and McPublishingService through the API the application
 * uses: start, the address, "running", stop; a document fetched with a
 * libsoup client on loopback.  tests/test-publish.py covers the documents
 * and the hardening through mcred. */
#include "config.h"

#include <libsoup/soup.h>

#include "mc-publishing-service.h"
#include "workflow-fixture.h"

#define BASE "https://credentials.example.edu/mc"

typedef struct {
  McTestInstitution *inst;
  McPublication     *publication;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *admin;

  fixture->inst = mc_test_institution_new ();
  admin = mc_test_workflow (fixture->inst, MC_TEST_ADMIN);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_INSTITUTION_NAME, "Test University", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_INSTITUTION_COUNTRY, "IE", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_VERIFICATION_URL, BASE "/", &error));
  fixture->publication = mc_publication_new (fixture->inst->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->publication);
  mc_test_institution_free (fixture->inst);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
got_bytes (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GBytes **bytes = data;
  g_autoptr(GError) error = NULL;

  *bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* GETs @url, running the default main context (where the service runs)
 * until the answer arrives. */
static guint
fetch (const char  *url,
       GBytes     **body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);

  *body = NULL;
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, got_bytes, body);
  while (*body == NULL)
    g_main_context_iteration (NULL, TRUE);
  return soup_message_get_status (message);
}

static void
test_start_stop (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McPublishingService) service = mc_publishing_service_new (fixture->publication);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) list = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *url = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *status = NULL;
  guint notified = 0;

  g_signal_connect (service, "notify::running", G_CALLBACK (count_notify), &notified);
  g_assert_false (mc_publishing_service_get_running (service));
  g_assert_null (mc_publishing_service_dup_url (service));

  MC_TEST_ASSERT_OK (mc_publishing_service_start (service, NULL, 0, NULL, NULL, &error));
  g_assert_true (mc_publishing_service_get_running (service));
  g_assert_cmpuint (notified, ==, 1);
  url = mc_publishing_service_dup_url (service);
  /* Loopback by default, any free port, the base's path. */
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (url, "/mc/"));

  /* A second start is refused while it runs. */
  g_assert_false (mc_publishing_service_start (service, NULL, 0, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  issuer = g_strconcat (url, "issuer", NULL);
  g_assert_cmpuint (fetch (issuer, &body), ==, 200);
  MC_TEST_ASSERT_OK (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                                 (gssize) g_bytes_get_size (body), &error));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "id"),
                   ==, BASE "/issuer");

  /* Without a key the lists are unavailable, saying why. */
  status = g_strconcat (url, "status/revocation/0", NULL);
  g_assert_cmpuint (fetch (status, &list), ==, 503);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (list, NULL), (gssize) g_bytes_get_size (list), "signing key"));

  mc_publishing_service_stop (service);
  g_assert_false (mc_publishing_service_get_running (service));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (mc_publishing_service_dup_url (service));
}

/* Many clients connecting at once are all let in by the kernel, even
 * before the service accepts them: a short queue of waiting connections
 * (libsoup's own is 10) would drop the rest, which then wait for
 * retransmissions, 200 ms and more, for their first answer. */
static void
test_connection_queue (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McPublishingService) service = mc_publishing_service_new (fixture->publication);
  g_autoptr(GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *url = NULL;
  guint connected = 0;

  MC_TEST_ASSERT_OK (mc_publishing_service_start (service, NULL, 0, NULL, NULL, &error));
  url = mc_publishing_service_dup_url (service);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new_from_string (g_uri_get_host (uri), (guint) g_uri_get_port (uri));
  /* The main context does not run: nothing is accepted meanwhile. */
  for (guint i = 0; i < 64; i++)
    {
      GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

      g_assert_no_error (error);
      g_socket_set_blocking (socket, FALSE);
      if (!g_socket_connect (socket, address, NULL, &error))
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
          g_clear_error (&error);
        }
      g_ptr_array_add (sockets, socket);
    }
  for (guint i = 0; i < sockets->len; i++)
    {
      GSocket *socket = g_ptr_array_index (sockets, i);

      /* A dropped handshake is retried after a second: wait half that. */
      if ((g_socket_condition_timed_wait (socket, G_IO_OUT, 500 * 1000, NULL, NULL) &&
           g_socket_check_connect_result (socket, NULL)))
        connected++;
    }
  g_assert_cmpuint (connected, ==, sockets->len);
  mc_publishing_service_stop (service);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McPublishingService) service = mc_publishing_service_new (fixture->publication);
  g_autoptr(GTlsCertificate) none = NULL;

  g_assert_false (mc_publishing_service_start (service, "localhost", 0, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (mc_publishing_service_get_running (service));

  /* No TLS settings: plain HTTP, no error. */
  none = mc_publishing_service_load_certificate (fixture->inst->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_null (mc_publishing_service_load_certificate (fixture->inst->store, "/nonexistent.pem",
                                                         "/nonexistent.key", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_publication (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = mc_publication_list_paths (fixture->publication, &error);
  g_autoptr(McPublicationDocument) document = NULL;
  g_autoptr(McStore) store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (mc_publication_get_base_path (fixture->publication), ==, "/mc");
  g_assert_true (g_ptr_array_find_with_equal_func (paths, "/issuer", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (paths, "/status/revocation/0", g_str_equal, NULL));
  g_assert_cmpstr (mc_publication_negotiate_language (fixture->publication, "xx-YY, en;q=0.1"), ==, "en");
  g_assert_cmpstr (mc_publication_get_languages (fixture->publication)[0], ==, "en");

  document = mc_publication_get (fixture->publication, "/catalogue.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->content_type, ==, "application/json");
  g_assert_cmpstr (mc_publication_document_get_cache_control (document), ==, "public, max-age=300");
  g_assert_null (mc_publication_get (fixture->publication, "/secrets", NULL, NULL, &error));
  g_assert_error (error, MC_PUBLICATION_ERROR, MC_PUBLICATION_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An institution without a name or address publishes nothing. */
  g_assert_null (mc_publication_new (store, &error));
  g_assert_error (error, MC_PUBLICATION_ERROR, MC_PUBLICATION_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/net/publishing-service/start-stop", Fixture, NULL, fixture_set_up, test_start_stop,
              fixture_tear_down);
  g_test_add ("/net/publishing-service/connection-queue", Fixture, NULL, fixture_set_up, test_connection_queue,
              fixture_tear_down);
  g_test_add ("/net/publishing-service/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);
  g_test_add ("/net/publication/documents", Fixture, NULL, fixture_set_up, test_publication,
              fixture_tear_down);
  return g_test_run ();
}
