/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "mc-jws.h"
#include "mc-remote-fetcher.h"
#include "mc-remote-verifier.h"
#include "verify-fixture.h"
#include "workflow-fixture.h"

/* The remote verifier against a partner's documents served on
 * 127.0.0.1 by a SoupServer in a thread of its own, and every way that
 * server can misbehave. */

typedef struct {
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *base;        /* "http://127.0.0.1:<port>" */
  GHashTable   *documents;   /* path → body (char *) */
  GMutex        lock;
  guint         n_not_modified;
  guint         n_requests;
  GCond         ready;
  gboolean      started;
} Server;

typedef struct {
  Server           *server;
  char             *cache;
  McRemoteVerifier *verifier;
  char             *credential;  /* signed for the server's base */
  char             *key_path;    /* "/keys/<thumbprint>" */
} Fixture;

static void
handle (SoupServer        *soup,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Server *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *body;
  g_autofree char *etag = NULL;

  g_mutex_lock (&server->lock);
  server->n_requests++;
  body = g_hash_table_lookup (server->documents, path);
  g_mutex_unlock (&server->lock);
  if (g_str_equal (path, "/fail"))
    soup_server_message_set_status (msg, 500, NULL);
  else if (g_str_equal (path, "/hang"))
    soup_server_message_pause (msg);
  else if (g_str_has_prefix (path, "/loop"))
    {
      soup_server_message_set_redirect (msg, 302, "/loop-again");
    }
  else if (g_str_equal (path, "/huge"))
    {
      /* 1 GB announced and streamed; the client must stop at its cap. */
      static char zeros[65536];

      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      for (guint i = 0; i < 16384; i++)
        soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                                  zeros, sizeof zeros);
    }
  else if (g_strcmp0 (body, "GZIP") == 0)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "\x1f\x8b\x08\x00garbage-garbage-garbage", 27);
    }
  else if (body == NULL)
    soup_server_message_set_status (msg, 404, NULL);
  else
    {
      etag = g_strdup_printf ("\"%08x\"", g_str_hash (body));
      soup_message_headers_replace (headers, "ETag", etag);
      if (g_strcmp0 (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "If-None-Match"), etag) == 0)
        {
          g_mutex_lock (&server->lock);
          server->n_not_modified++;
          g_mutex_unlock (&server->lock);
          soup_server_message_set_status (msg, 304, NULL);
          return;
        }
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, g_str_has_suffix (path, ".json") ? "application/json" : "application/jwt",
                                        SOUP_MEMORY_COPY, body, strlen (body));
    }
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  GUri *uri;

  g_main_context_push_thread_default (server->context);
  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, handle, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  uri = uris->data;
  server->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_mutex_lock (&server->lock);
  server->started = TRUE;
  g_cond_signal (&server->ready);
  g_mutex_unlock (&server->lock);
  g_main_loop_run (server->loop);
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static Server *
server_start (void)
{
  Server *server = g_new0 (Server, 1);

  g_mutex_init (&server->lock);
  g_cond_init (&server->ready);
  server->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->thread = g_thread_new ("test-server", server_thread, server);
  g_mutex_lock (&server->lock);
  while (!server->started)
    g_cond_wait (&server->ready, &server->lock);
  g_mutex_unlock (&server->lock);
  return server;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *server)
{
  g_main_context_invoke (server->context, quit_cb, server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_hash_table_unref (server->documents);
  g_free (server->base);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->ready);
  g_free (server);
}

static void
serve (Server     *server,
       const char *path,
       const char *body)
{
  g_mutex_lock (&server->lock);
  g_hash_table_replace (server->documents, g_strdup (path), g_strdup (body));
  g_mutex_unlock (&server->lock);
}

static char *
jwk_text (McSigningKey *key)
{
  JsonObject *jwk = mc_public_key_to_jwk (mc_signing_key_get_public_key (key));
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), jwk);

  json_object_unref (jwk);
  return json_to_string (node, FALSE);
}

/* Serves the partner's key and both status lists, and signs its
 * credential with kid = @kid (NULL: the key's address). */
static void
publish (Fixture    *f,
         const char *kid)
{
  McSigningKey *key = verify_fixture_fixed_key (0);
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *jwt = verify_fixture_jwt (key, builder);
  g_autofree char *key_url = NULL;
  g_autofree char *jwk = jwk_text (key);
  const char *purposes[] = { "revocation", "suspension" };

  g_free (f->key_path);
  f->key_path = g_strconcat ("/keys/", mc_signing_key_get_kid (key), NULL);
  key_url = g_strconcat (f->server->base, f->key_path, NULL);
  serve (f->server, f->key_path, jwk);
  for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
    {
      g_autofree char *list = verify_fixture_status_list (key, purposes[i], FALSE);
      g_autofree char *moved = verify_fixture_resign (key, list, f->server->base, key_url);
      g_autofree char *path = g_strdup_printf ("/status/%s/1", purposes[i]);

      serve (f->server, path, moved);
    }
  g_free (f->credential);
  f->credential = verify_fixture_resign (key, jwt, f->server->base, kid != NULL ? kid : key_url);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (VERIFY_FIXTURE_NOW, NULL);
  g_autoptr(GError) error = NULL;

  f->server = server_start ();
  f->cache = g_dir_make_tmp ("mc-remote-XXXXXX", &error);
  g_assert_no_error (error);
  f->verifier = mc_remote_verifier_new (NULL);
  mc_remote_verifier_set_cache_directory (f->verifier, f->cache);
  mc_remote_verifier_set_now (f->verifier, now);
  mc_remote_verifier_set_timeouts (f->verifier, 1, 2);
  publish (f, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->cache);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (folder, NULL, NULL);
  g_clear_object (&f->verifier);
  server_stop (f->server);
  g_free (f->cache);
  g_free (f->credential);
  g_free (f->key_path);
}

static McVerification *
verify (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  McVerification *result = mc_remote_verifier_verify (f->verifier, f->credential, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_check (McVerification *result,
              const char     *id,
              McCheckOutcome  outcome,
              const char     *fragment)
{
  const McVerificationCheck *check = mc_verification_find_check (result, id);

  if (mc_verification_check_get_outcome (check) != outcome ||
      (fragment != NULL && strstr (mc_verification_check_get_detail (check), fragment) == NULL))
    g_error ("check %s: outcome %d, “%s”; wanted %d with “%s”", id, mc_verification_check_get_outcome (check),
             mc_verification_check_get_detail (check), outcome, fragment);
}

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(McVerification) result = verify (f);

  g_autofree char *key_url = g_strconcat (f->server->base, f->key_path, NULL);

  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_VALID);
  assert_check (result, MC_CHECK_STATUS, MC_CHECK_OUTCOME_PASSED, "status lists");
  /* It names where the key came from, not "a key you supplied". */
  assert_check (result, MC_CHECK_SIGNATURE, MC_CHECK_OUTCOME_PASSED, key_url);
  assert_check (result, MC_CHECK_ISSUER, MC_CHECK_OUTCOME_PASSED, "published at its own address");
  g_assert_cmpint (mc_verification_get_issuer_trust (result), ==, MC_ISSUER_TRUST_UNKNOWN);
}

/* The status list is missing (404): not checked, and it says why. */
static void
test_status_missing (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(McVerification) result = NULL;

  serve (f->server, "/status/revocation/1", NULL);
  g_hash_table_remove (f->server->documents, "/status/revocation/1");
  result = verify (f);
  assert_check (result, MC_CHECK_STATUS, MC_CHECK_OUTCOME_SKIPPED, "the server answered 404");
  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INCOMPLETE);
}

static void
fetch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GBytes) body = mc_remote_fetcher_fetch_finish (MC_REMOTE_FETCHER (source), result, NULL, error);

  g_assert_null (body);
}

/* One fetch from the fetcher alone; returns its error. */
static GError *
fetch_error (Fixture    *f,
             const char *path)
{
  g_autoptr(McRemoteFetcher) fetcher = mc_remote_fetcher_new (NULL);
  g_autofree char *url = g_str_has_prefix (path, "/") ? g_strconcat (f->server->base, path, NULL) : g_strdup (path);
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  mc_remote_fetcher_set_timeouts (fetcher, 1, 2);
  mc_remote_fetcher_fetch_async (fetcher, url, NULL, fetch_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Bounded: never much longer than the total timeout. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  return error;
}

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  static const struct {
    const char *path;
    int         code;
    const char *words;
  } faults[] = {
    { "/fail", MC_REMOTE_ERROR_HTTP_STATUS, "the server answered 500" },
    { "/hang", MC_REMOTE_ERROR_TIMEOUT, "s" },
    { "/huge", MC_REMOTE_ERROR_TOO_LARGE, "sent more than 1.0" },
    { "/loop", MC_REMOTE_ERROR_REDIRECTS, "redirected more than 3 times" },
    { "http://credentials.example.edu/keys.json", MC_REMOTE_ERROR_INSECURE, "https" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = fetch_error (f, faults[i].path);

      g_test_message ("%s: %s", faults[i].path, error->message);
      g_assert_error (error, MC_REMOTE_ERROR, faults[i].code);
      g_assert_nonnull (strstr (error->message, faults[i].words));
    }
}

/* Damaged answers: invalid gzip, and a status list that is not JSON:
 * either way the status is not checked, and the check says so. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(McVerification) gzip = NULL;
  g_autoptr(McVerification) json = NULL;

  serve (f->server, "/status/revocation/1", "GZIP");
  gzip = verify (f);
  assert_check (gzip, MC_CHECK_STATUS, MC_CHECK_OUTCOME_SKIPPED, "revocation list");
  g_test_message ("gzip: %s", mc_verification_check_get_detail (mc_verification_find_check (gzip, MC_CHECK_STATUS)));
  serve (f->server, "/status/revocation/1", "{\"not json");
  json = verify (f);
  assert_check (json, MC_CHECK_STATUS, MC_CHECK_OUTCOME_SKIPPED, "cannot be read");
}

/* The kid's address now holds another key. */
static void
test_key_changed (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *other = jwk_text (verify_fixture_fixed_key (1));
  g_autoptr(McVerification) result = NULL;

  serve (f->server, f->key_path, other);
  result = verify (f);
  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INVALID);
  assert_check (result, MC_CHECK_SIGNATURE, MC_CHECK_OUTCOME_FAILED, "The key changed");
}

static char *
did_document (const char *did,
              const char *method_id,
              const char *jwk)
{
  return g_strdup_printf ("{\"@context\":[\"https://www.w3.org/ns/did/v1\"],\"id\":\"%s\","
                          "\"verificationMethod\":[{\"id\":\"%s\",\"type\":\"JsonWebKey2020\","
                          "\"controller\":\"%s\",\"publicKeyJwk\":%s}]}", did, method_id, did, jwk);
}

static void
test_did_web (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *jwk = jwk_text (verify_fixture_fixed_key (0));
  g_autoptr(GString) did = g_string_new (f->server->base + strlen ("http://"));
  g_autofree char *kid = NULL;
  g_autofree char *document = NULL;
  g_autoptr(McVerification) result = NULL;
  g_autoptr(McVerification) missing = NULL;

  g_string_replace (did, ":", "%3A", 0);
  g_string_prepend (did, "did:web:");
  g_string_append (did, ":partner");
  kid = g_strconcat (did->str, "#key-1", NULL);
  document = did_document (did->str, kid, jwk);
  serve (f->server, "/partner/did.json", document);
  publish (f, kid);
  result = verify (f);
  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_VALID);
  assert_check (result, MC_CHECK_SIGNATURE, MC_CHECK_OUTCOME_PASSED, "/partner/did.json");
  assert_check (result, MC_CHECK_ISSUER, MC_CHECK_OUTCOME_PASSED, "/partner/did.json");

  /* The document lists another key id only. */
  g_free (document);
  document = did_document (did->str, "#key-2", jwk);
  serve (f->server, "/partner/did.json", document);
  missing = verify (f);
  g_assert_cmpint (mc_verification_get_verdict (missing), ==, MC_VERDICT_INVALID);
  assert_check (missing, MC_CHECK_SIGNATURE, MC_CHECK_OUTCOME_FAILED, "has no usable key");
}

/* The second verification revalidates with If-None-Match and uses the
 * cache; offline, the cache alone verifies, and an empty cache says
 * what it could not check. */
static void
test_cache_and_offline (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(McVerification) first = NULL;
  g_autoptr(McVerification) second = NULL;
  g_autoptr(McVerification) offline = NULL;
  g_autoptr(McVerification) empty = NULL;
  g_autoptr(McRemoteVerifier) uncached = mc_remote_verifier_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_build_filename (f->cache, "none", NULL);
  guint n_requests;

  first = verify (f);
  g_assert_cmpint (mc_verification_get_verdict (first), ==, MC_VERDICT_VALID);
  g_assert_cmpuint (f->server->n_not_modified, ==, 0);
  second = verify (f);
  g_assert_cmpint (mc_verification_get_verdict (second), ==, MC_VERDICT_VALID);
  g_assert_cmpuint (f->server->n_not_modified, ==, 3);

  n_requests = f->server->n_requests;
  mc_remote_verifier_set_offline (f->verifier, TRUE);
  offline = verify (f);
  g_assert_cmpint (mc_verification_get_verdict (offline), ==, MC_VERDICT_VALID);
  g_assert_cmpuint (f->server->n_requests, ==, n_requests);

  mc_remote_verifier_set_offline (uncached, TRUE);
  mc_remote_verifier_set_cache_directory (uncached, elsewhere);
  empty = mc_remote_verifier_verify (uncached, f->credential, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_verification_get_verdict (empty), ==, MC_VERDICT_INCOMPLETE);
  assert_check (empty, MC_CHECK_SIGNATURE, MC_CHECK_OUTCOME_SKIPPED, "not in the cache");
  g_assert_cmpuint (f->server->n_requests, ==, n_requests);
}

/* With a database: a listed issuer is a trusted partner. */
static void
test_partner (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McRemoteVerifier) verifier = mc_remote_verifier_new (inst->store);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (VERIFY_FIXTURE_NOW, NULL);
  g_autoptr(McVerification) before = NULL;
  g_autoptr(McVerification) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *issuer = g_strconcat (f->server->base, "/issuer", NULL);

  mc_remote_verifier_set_cache_directory (verifier, f->cache);
  mc_remote_verifier_set_now (verifier, now);
  before = mc_remote_verifier_verify (verifier, f->credential, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_verification_get_issuer_trust (before), ==, MC_ISSUER_TRUST_NOT_PARTNER);
  g_assert_true (g_str_has_prefix (mc_verification_get_summary (before),
                                   "Valid, but the issuer is not one of our partners."));

  g_assert_cmpint (mc_workflow_add_partner (mc_test_workflow (inst, MC_TEST_ADMIN), issuer, "Hanze Polytechnic",
                                            NULL, &error), >, 0);
  g_assert_no_error (error);
  after = mc_remote_verifier_verify (verifier, f->credential, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_verification_get_issuer_trust (after), ==, MC_ISSUER_TRUST_PARTNER);
  g_assert_cmpstr (mc_verification_get_partner_name (after), ==, "Hanze Polytechnic");
  g_assert_true (g_str_has_prefix (mc_verification_get_summary (after), "Valid, from a trusted partner"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/net/remote/valid", test_valid);
  ADD ("/net/remote/status-missing", test_status_missing);
  ADD ("/net/remote/faults", test_faults);
  ADD ("/net/remote/damaged", test_damaged);
  ADD ("/net/remote/key-changed", test_key_changed);
  ADD ("/net/remote/did-web", test_did_web);
  ADD ("/net/remote/cache-and-offline", test_cache_and_offline);
  ADD ("/net/remote/partner", test_partner);
#undef ADD
  return g_test_run ();
}
