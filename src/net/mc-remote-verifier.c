/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-urls.h"
#include "mc-credential-verifier.h"
#include "mc-jws.h"
#include "mc-remote-fetcher.h"
#include "mc-remote-verifier-private.h"
#include "mc-strict-json.h"

/* Reading the credential, fetching what it points at, and running the
 * checks; mc-remote-verifier-sources.c turns what was fetched into keys,
 * status lists and check results. */

struct _McRemoteVerifier
{
  GObject    parent_instance;

  McStore   *store;
  char      *cache_directory;
  gboolean   offline;
  guint      connect_timeout;
  guint      total_timeout;
  gsize      max_size;
  GDateTime *now;
};

G_DEFINE_FINAL_TYPE (McRemoteVerifier, mc_remote_verifier, G_TYPE_OBJECT)

static void
mc_remote_verifier_finalize (GObject *object)
{
  McRemoteVerifier *self = MC_REMOTE_VERIFIER (object);

  g_clear_object (&self->store);
  g_free (self->cache_directory);
  g_clear_pointer (&self->now, g_date_time_unref);
  G_OBJECT_CLASS (mc_remote_verifier_parent_class)->finalize (object);
}

static void
mc_remote_verifier_class_init (McRemoteVerifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_remote_verifier_finalize;
}

static void
mc_remote_verifier_init (McRemoteVerifier *self)
{
  self->connect_timeout = MC_REMOTE_FETCHER_DEFAULT_CONNECT_TIMEOUT;
  self->total_timeout = MC_REMOTE_FETCHER_DEFAULT_TOTAL_TIMEOUT;
  self->max_size = MC_REMOTE_FETCHER_DEFAULT_MAX_SIZE;
}

McRemoteVerifier *
mc_remote_verifier_new (McStore *store)
{
  McRemoteVerifier *self = g_object_new (MC_TYPE_REMOTE_VERIFIER, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  return self;
}

void
mc_remote_verifier_set_cache_directory (McRemoteVerifier *self,
                                        const char       *directory)
{
  g_return_if_fail (MC_IS_REMOTE_VERIFIER (self));

  g_free (self->cache_directory);
  self->cache_directory = g_strdup (directory);
}

void
mc_remote_verifier_set_offline (McRemoteVerifier *self,
                                gboolean          offline)
{
  g_return_if_fail (MC_IS_REMOTE_VERIFIER (self));

  self->offline = offline;
}

void
mc_remote_verifier_set_timeouts (McRemoteVerifier *self,
                                 guint             connect_seconds,
                                 guint             total_seconds)
{
  g_return_if_fail (MC_IS_REMOTE_VERIFIER (self));
  g_return_if_fail (connect_seconds > 0 && total_seconds > 0);

  self->connect_timeout = connect_seconds;
  self->total_timeout = total_seconds;
}

void
mc_remote_verifier_set_max_size (McRemoteVerifier *self,
                                 gsize             max_size)
{
  g_return_if_fail (MC_IS_REMOTE_VERIFIER (self));
  g_return_if_fail (max_size > 0);

  self->max_size = max_size;
}

void
mc_remote_verifier_set_now (McRemoteVerifier *self,
                            GDateTime        *now)
{
  g_return_if_fail (MC_IS_REMOTE_VERIFIER (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
}

/* Reading the credential */

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The credential (a copy) and the key it names, or FALSE when @text is
 * not one we can read (the verifier then says why). */
static gboolean
read_credential (const char  *text,
                 JsonNode   **credential,
                 char       **kid)
{
  g_autoptr(McJws) jws = NULL;
  JsonObject *payload;
  JsonNode *proof;

  if (text[0] == '{')
    {
      *credential = mc_strict_json_parse_object (text, -1, NULL);
      if (*credential == NULL)
        return FALSE;
      proof = json_object_get_member (json_node_get_object (*credential), "proof");
      if (proof != NULL && JSON_NODE_HOLDS_ARRAY (proof) && json_array_get_length (json_node_get_array (proof)) > 0)
        proof = json_array_get_element (json_node_get_array (proof), 0);
      *kid = g_strdup (proof != NULL && JSON_NODE_HOLDS_OBJECT (proof)
                       ? string_member (json_node_get_object (proof), "verificationMethod") : NULL);
      return TRUE;
    }
  jws = mc_jws_parse (text, NULL);
  if (jws == NULL)
    return FALSE;
  payload = mc_jws_get_payload (jws);
  *credential = json_node_init_object (json_node_alloc (), object_member (payload, "vc") != NULL
                                                           ? object_member (payload, "vc") : payload);
  *kid = g_strdup (mc_jws_get_kid (jws));
  return TRUE;
}

static const char *
issuer_of (JsonObject *credential)
{
  JsonObject *issuer = object_member (credential, "issuer");

  return issuer != NULL ? string_member (issuer, "id") : string_member (credential, "issuer");
}

/* Where the documents are */

/* "did:web:host%3A8443:path:to" → "https://host:8443/path/to/did.json";
 * "did:web:host" → "https://host/.well-known/did.json".  A loopback host
 * is reached over http, as the fetcher allows for tests. */
char *
_mc_remote_did_web_url (const char *did)
{
  g_autofree char *method = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  const char *hash;
  const char *scheme;

  if (!g_str_has_prefix (did, "did:web:"))
    return NULL;
  hash = strchr (did, '#');
  method = g_strndup (did + strlen ("did:web:"), hash != NULL ? (gsize) (hash - did) - strlen ("did:web:") : strlen (did));
  parts = g_strsplit (method, ":", -1);
  host = g_uri_unescape_string (parts[0], "/");
  if (host == NULL || *host == '\0')
    return NULL;
  path = parts[1] != NULL ? g_strjoinv ("/", parts + 1) : g_strdup (".well-known");
  scheme = g_str_has_prefix (host, "127.0.0.1") || g_str_has_prefix (host, "localhost") ? "http" : "https";
  return g_strdup_printf ("%s://%s/%s/did.json", scheme, host, path);
}

/* The document that holds the key the credential names. */
static char *
key_document_url (const char *kid,
                  const char *issuer_id)
{
  g_autofree char *base = NULL;

  if (kid != NULL && g_str_has_prefix (kid, "did:web:"))
    return _mc_remote_did_web_url (kid);
  if (kid != NULL && (g_str_has_prefix (kid, "https://") || g_str_has_prefix (kid, "http://")))
    return g_strndup (kid, strcspn (kid, "#"));
  /* A bare key id: the issuer's key set beside its profile. */
  if (issuer_id != NULL && g_str_has_prefix (issuer_id, "did:web:"))
    return _mc_remote_did_web_url (issuer_id);
  if (issuer_id != NULL && g_str_has_suffix (issuer_id, "/issuer"))
    {
      base = g_strndup (issuer_id, strlen (issuer_id) - strlen ("/issuer"));
      return mc_credential_urls_jwks (base);
    }
  return NULL;
}

static void
add_source (GPtrArray    *sources,
            McSourceKind  kind,
            char         *url)
{
  McSource *source = g_new0 (McSource, 1);

  source->kind = kind;
  source->url = url;
  g_ptr_array_add (sources, source);
}

static GPtrArray *
plan_sources (JsonObject *credential,
              const char *kid)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) _mc_source_free);
  JsonObject *status = object_member (credential, "credentialStatus");
  const char *list = string_member (status, "statusListCredential");
  const char *purpose = string_member (status, "statusPurpose");
  char *url = key_document_url (kid, issuer_of (credential));

  if (url != NULL)
    add_source (sources, MC_SOURCE_KEY, url);
  if (list == NULL)
    return sources;
  if (g_strcmp0 (purpose, "suspension") == 0)
    {
      add_source (sources, MC_SOURCE_SUSPENSION, g_strdup (list));
      return sources;
    }
  add_source (sources, MC_SOURCE_REVOCATION, g_strdup (list));
  if ((url = mc_credential_urls_sibling_suspension (list)) != NULL)
    add_source (sources, MC_SOURCE_SUSPENSION, url);
  return sources;
}

/* Verifying */

typedef struct {
  char            *text;
  char            *kid;
  JsonNode        *credential;
  GPtrArray       *sources;
  guint            next;
  McRemoteFetcher *fetcher;
} Verifying;

static void
verifying_free (Verifying *v)
{
  g_free (v->text);
  g_free (v->kid);
  g_clear_pointer (&v->credential, json_node_unref);
  g_clear_pointer (&v->sources, g_ptr_array_unref);
  g_clear_object (&v->fetcher);
  g_free (v);
}

static McCredentialVerifier *
new_verifier (McRemoteVerifier *self)
{
  McCredentialVerifier *verifier = mc_credential_verifier_new ();

  mc_credential_verifier_set_now (verifier, self->now);
  return verifier;
}

/* Our own credential: the register decides, as for any of ours. */
static gboolean
is_own (McRemoteVerifier *self,
        const char       *issuer_id)
{
  g_autofree char *base = NULL;
  g_autofree char *own = NULL;

  if (self->store == NULL || issuer_id == NULL)
    return FALSE;
  base = mc_credential_urls_dup_base_from_store (self->store, NULL);
  own = base != NULL ? mc_credential_urls_issuer (base) : NULL;
  return g_strcmp0 (own, issuer_id) == 0;
}

static void
set_trust (McRemoteVerifier *self,
           McVerification   *result,
           McIssuerTrust     own_or_unknown)
{
  g_autoptr(McPartnerIssuer) partner = NULL;
  const char *issuer_id = mc_verification_get_issuer_id (result);

  if (own_or_unknown == MC_ISSUER_TRUST_OWN || self->store == NULL || issuer_id == NULL)
    _mc_verification_set_issuer_trust (result, own_or_unknown, NULL);
  else if ((partner = mc_store_find_partner (self->store, issuer_id, NULL)) != NULL)
    _mc_verification_set_issuer_trust (result, MC_ISSUER_TRUST_PARTNER, partner->name);
  else
    _mc_verification_set_issuer_trust (result, MC_ISSUER_TRUST_NOT_PARTNER, NULL);
  _mc_verification_finish (result);
}

static void
verify_now (GTask *task)
{
  McRemoteVerifier *self = g_task_get_source_object (task);
  Verifying *v = g_task_get_task_data (task);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (self);
  g_autoptr(McVerification) result = NULL;
  g_autoptr(McSourceProblems) problems = NULL;
  GError *local = NULL;

  problems = _mc_remote_verifier_use_sources (verifier, v->kid, v->sources);
  result = mc_credential_verifier_verify_text (verifier, v->text, &local);
  if (result == NULL)
    {
      g_task_return_error (task, local);
      return;
    }
  _mc_remote_verifier_report_problems (result, problems);
  set_trust (self, result, MC_ISSUER_TRUST_UNKNOWN);
  g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
}

static void fetch_next (GTask *task);

static void
fetched_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Verifying *v = g_task_get_task_data (task);
  McSource *source = g_ptr_array_index (v->sources, v->next);
  GError *local = NULL;

  source->body = mc_remote_fetcher_fetch_finish (MC_REMOTE_FETCHER (source_object), result,
                                                 &source->from_cache, &local);
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, local);
      return;
    }
  source->error = local;
  v->next++;
  fetch_next (g_steal_pointer (&task));
}

static void
fetch_next (GTask *task)
{
  Verifying *v = g_task_get_task_data (task);

  if (v->next >= v->sources->len)
    {
      verify_now (task);
      g_object_unref (task);
      return;
    }
  mc_remote_fetcher_fetch_async (v->fetcher, ((McSource *) g_ptr_array_index (v->sources, v->next))->url,
                                 g_task_get_cancellable (task), fetched_cb, task);
}

static void
verify_own (GTask *task)
{
  McRemoteVerifier *self = g_task_get_source_object (task);
  Verifying *v = g_task_get_task_data (task);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (self);
  McVerification *result;
  GError *local = NULL;

  mc_credential_verifier_set_store (verifier, self->store);
  result = mc_credential_verifier_verify_text (verifier, v->text, &local);
  if (result == NULL)
    {
      g_task_return_error (task, local);
      return;
    }
  set_trust (self, result, MC_ISSUER_TRUST_OWN);
  g_task_return_pointer (task, result, g_object_unref);
}

void
mc_remote_verifier_verify_async (McRemoteVerifier    *self,
                                 const char          *text,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(McRemoteCache) cache = NULL;
  Verifying *v;

  g_return_if_fail (MC_IS_REMOTE_VERIFIER (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_remote_verifier_verify_async);
  v = g_new0 (Verifying, 1);
  v->text = g_strstrip (g_strdup (text));
  g_task_set_task_data (task, v, (GDestroyNotify) verifying_free);

  if (!read_credential (v->text, &v->credential, &v->kid))
    {
      /* Not readable: the verifier says why, with nothing to fetch. */
      v->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) _mc_source_free);
      verify_now (task);
      return;
    }
  if (is_own (self, issuer_of (json_node_get_object (v->credential))))
    {
      verify_own (task);
      return;
    }
  v->sources = plan_sources (json_node_get_object (v->credential), v->kid);
  cache = mc_remote_cache_new (self->cache_directory);
  v->fetcher = mc_remote_fetcher_new (cache);
  mc_remote_fetcher_set_timeouts (v->fetcher, self->connect_timeout, self->total_timeout);
  mc_remote_fetcher_set_max_size (v->fetcher, self->max_size);
  mc_remote_fetcher_set_offline (v->fetcher, self->offline);
  fetch_next (g_steal_pointer (&task));
}

McVerification *
mc_remote_verifier_verify_finish (McRemoteVerifier  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
done_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

McVerification *
mc_remote_verifier_verify (McRemoteVerifier  *self,
                           const char        *text,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (MC_IS_REMOTE_VERIFIER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  g_main_context_push_thread_default (context);
  mc_remote_verifier_verify_async (self, text, cancellable, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  return mc_remote_verifier_verify_finish (self, result, error);
}
