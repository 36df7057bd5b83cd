/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-verifier-private.h"
#include "mc-workflow.h"

/* Reading what is to be verified, and running the checks in order.  The
 * input comes from anyone (a file a learner sent, a pasted QR code), so
 * its size is capped before it is read, and every problem with it becomes
 * a failed check that a registrar can read, not an error. */

#define READ_CHUNK (64 * 1024)
#define CREDENTIALS_SEGMENT "credentials"

G_DEFINE_FINAL_TYPE (McCredentialVerifier, mc_credential_verifier, G_TYPE_OBJECT)

static void
mc_credential_verifier_finalize (GObject *object)
{
  McCredentialVerifier *self = MC_CREDENTIAL_VERIFIER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->status_lists, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  G_OBJECT_CLASS (mc_credential_verifier_parent_class)->finalize (object);
}

static void
mc_credential_verifier_class_init (McCredentialVerifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_credential_verifier_finalize;
}

static void
mc_credential_verifier_init (McCredentialVerifier *self)
{
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) _mc_known_key_free);
  self->status_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) _mc_status_list_source_free);
}

McCredentialVerifier *
mc_credential_verifier_new (void)
{
  return g_object_new (MC_TYPE_CREDENTIAL_VERIFIER, NULL);
}

void
mc_credential_verifier_set_store (McCredentialVerifier *self,
                                  McStore              *store)
{
  g_return_if_fail (MC_IS_CREDENTIAL_VERIFIER (self));
  g_return_if_fail (store == NULL || MC_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
mc_credential_verifier_set_now (McCredentialVerifier *self,
                                GDateTime            *now)
{
  g_return_if_fail (MC_IS_CREDENTIAL_VERIFIER (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
}

/* Input */

static void
set_too_large (GError **error)
{
  g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
               _("The text or file is larger than %u MiB; no credential or key is that large."),
               MC_CREDENTIAL_VERIFIER_MAX_SIZE / (1024 * 1024));
}

GBytes *
_mc_credential_verifier_read_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > MC_CREDENTIAL_VERIFIER_MAX_SIZE)
    {
      set_too_large (error);
      return NULL;
    }
  /* Read on to one byte past the cap: a pipe or a growing file has no
   * size to check first. */
  while (data->len <= MC_CREDENTIAL_VERIFIER_MAX_SIZE)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (G_INPUT_STREAM (stream), READ_CHUNK, cancellable, error);

      if (chunk == NULL)
        return NULL;
      if (g_bytes_get_size (chunk) == 0)
        return g_byte_array_free_to_bytes (g_steal_pointer (&data));
      g_byte_array_append (data, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
    }
  set_too_large (error);
  return NULL;
}

char *
mc_credential_verifier_bytes_to_text (GBytes  *bytes,
                                      GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = NULL;

  if (size > MC_CREDENTIAL_VERIFIER_MAX_SIZE)
    {
      set_too_large (error);
      return NULL;
    }
  if ((size > 0 && memchr (data, '\0', size) != NULL) || !g_utf8_validate_len (data, size, NULL))
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                           _("The data is binary, not text."));
      return NULL;
    }
  text = g_strstrip (g_strndup (size > 0 ? data : "", size));
  if (text[0] == '\0')
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                           _("The text or file is empty."));
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* Verification addresses ("<base>/credentials/<uuid>?token=…") */

static gboolean
is_web_address (const char *text)
{
  return g_ascii_strncasecmp (text, "https://", strlen ("https://")) == 0 ||
         g_ascii_strncasecmp (text, "http://", strlen ("http://")) == 0;
}

static void
skip_address (McVerifying *v,
              const char  *detail)
{
  _mc_verification_skip (v->result, MC_CHECK_FORMAT, detail,
                         _("a verification address can only be checked in a web browser or "
                           "by the institution that issued it"));
}

static void
fail_address (McVerifying *v,
              const char  *detail,
              const char  *reason)
{
  _mc_verification_fail (v->result, MC_CHECK_FORMAT, MC_CREDENTIAL_ERROR_FAILED, detail, reason);
}

/* The uuid and token of a verification address, or FALSE when @uri is
 * not one. */
static gboolean
parse_address (GUri   *uri,
               char  **uuid,
               char  **token)
{
  g_auto(GStrv) segments = g_strsplit (g_uri_get_path (uri), "/", -1);
  guint n = g_strv_length (segments);
  g_autoptr(GHashTable) params = NULL;

  if (n < 2 || !g_str_equal (segments[n - 2], CREDENTIALS_SEGMENT) || !g_uuid_string_is_valid (segments[n - 1]))
    return FALSE;
  if (g_uri_get_query (uri) != NULL)
    params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  *uuid = g_strdup (segments[n - 1]);
  *token = params != NULL ? g_strdup (g_hash_table_lookup (params, "token")) : NULL;
  return TRUE;
}

/* Whether @address is under the institution's verification address
 * (always, when that is not set). */
static gboolean
is_ours (McStore    *store,
         const char *address)
{
  g_autofree char *base = mc_store_get_setting (store, MC_SETTING_VERIFICATION_URL, NULL);
  g_autofree char *prefix = NULL;

  if (base == NULL || base[0] == '\0')
    return TRUE;
  prefix = g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", CREDENTIALS_SEGMENT, "/", NULL);
  return g_ascii_strncasecmp (address, prefix, strlen (prefix)) == 0;
}

static McIssuedCredential *
look_up (McStore     *store,
         const char  *uuid,
         const char  *token,
         GError     **error)
{
  g_autoptr(McIssuedCredential) record = NULL;

  if (token == NULL)
    return mc_store_find_credential (store, uuid, error);
  record = mc_store_find_credential_by_token (store, token, error);
  /* The token unlocks one credential: with another uuid, it is forged. */
  if (record != NULL && g_ascii_strcasecmp (record->uuid, uuid) != 0)
    g_clear_pointer (&record, mc_issued_credential_free);
  return g_steal_pointer (&record);
}

/* Finds the credential a verification address names in the register.
 * Returns: (nullable): its signed form; NULL when the format check says
 * why it cannot be verified, or with @error set (the database). */
static char *
resolve_address (McVerifying  *v,
                 const char   *address,
                 GError      **error)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *token = NULL;
  McStore *store = v->verifier->store;

  if (uri == NULL || !parse_address (uri, &uuid, &token))
    {
      fail_address (v, _("This is a web address, not a credential or the verification address of one."),
                    _("this is a web address, not a credential"));
      return NULL;
    }
  if (store == NULL || !is_ours (store, address))
    {
      /* Translators: the web server of a verification address */
      g_autofree char *detail = g_strdup_printf (_("This is the address of a verification page at %s. Only "
                                                   "the institution that issued the credential can look it "
                                                   "up; open it in a web browser."), g_uri_get_host (uri));
      skip_address (v, detail);
      return NULL;
    }
  v->record = look_up (store, uuid, token, error);
  if (v->record == NULL)
    {
      if (error == NULL || *error == NULL)
        fail_address (v, _("No credential with this verification address is in this institution's register."),
                      _("no credential with this address was issued by this institution"));
      return NULL;
    }
  if (v->record->jwt == NULL)
    {
      fail_address (v, _("This credential is still being issued: it has not been signed yet."),
                    _("it has not been issued yet"));
      return NULL;
    }
  return g_strdup (v->record->jwt);
}

/* The checks */

static gboolean
run_checks (McVerifying  *v,
            const char   *text,
            GError      **error)
{
  g_autoptr(GError) parse_error = NULL;

  v->signed_text = _mc_signed_text_parse (text, &parse_error);
  _mc_verifying_check_format (v, parse_error);
  if (v->signed_text == NULL)
    return TRUE;
  v->credential = json_node_get_object (v->signed_text->credential);
  _mc_verification_set_credential (v->result, v->signed_text->credential);

  if (!_mc_verifying_check_signature (v, error))
    return FALSE;
  _mc_verifying_check_issuer (v);
  _mc_verifying_check_dates (v);
  if (!_mc_verifying_check_status (v, error))
    return FALSE;
  _mc_verifying_check_schema (v);
  return TRUE;
}

static void
verifying_clear (McVerifying *v)
{
  g_clear_object (&v->result);
  g_clear_pointer (&v->now, g_date_time_unref);
  g_clear_pointer (&v->signed_text, _mc_signed_text_free);
  g_clear_pointer (&v->key, _mc_found_key_free);
  g_clear_pointer (&v->record, mc_issued_credential_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McVerifying, verifying_clear)

/* @text: trimmed, not empty */
static McVerification *
verify_trimmed (McCredentialVerifier  *self,
                const char            *text,
                GError               **error)
{
  g_auto(McVerifying) v = { 0 };
  g_autofree char *stored = NULL;
  gboolean ok;

  v.verifier = self;
  v.result = _mc_verification_new ();
  v.now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();

  if (is_web_address (text))
    {
      g_autoptr(GError) local_error = NULL;

      stored = resolve_address (&v, text, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      ok = stored == NULL || run_checks (&v, stored, error);
    }
  else
    ok = run_checks (&v, text, error);
  if (!ok)
    return NULL;
  _mc_verification_finish (v.result);
  return g_steal_pointer (&v.result);
}

McVerification *
mc_credential_verifier_verify_bytes (McCredentialVerifier *self,
                                     GBytes               *data,
                                     GError              **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (MC_IS_CREDENTIAL_VERIFIER (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = mc_credential_verifier_bytes_to_text (data, error);
  if (text == NULL)
    return NULL;
  return verify_trimmed (self, text, error);
}

McVerification *
mc_credential_verifier_verify_text (McCredentialVerifier *self,
                                    const char           *text,
                                    GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MC_IS_CREDENTIAL_VERIFIER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Never measures more than one byte past the cap. */
  bytes = g_bytes_new_static (text, strnlen (text, MC_CREDENTIAL_VERIFIER_MAX_SIZE + 1));
  return mc_credential_verifier_verify_bytes (self, bytes, error);
}

char *
mc_credential_verifier_read_text_file (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _mc_credential_verifier_read_file (file, cancellable, error);
  return bytes != NULL ? mc_credential_verifier_bytes_to_text (bytes, error) : NULL;
}

McVerification *
mc_credential_verifier_verify_file (McCredentialVerifier *self,
                                    const char           *path,
                                    GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MC_IS_CREDENTIAL_VERIFIER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  bytes = _mc_credential_verifier_read_file (file, NULL, error);
  if (bytes == NULL)
    return NULL;
  return mc_credential_verifier_verify_bytes (self, bytes, error);
}

/* Asynchronous */

static void
return_verification (GTask          *task,
                     McVerification *result,
                     GError         *error)
{
  if (result != NULL)
    g_task_return_pointer (task, result, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
verify_text_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  McVerification *result = mc_credential_verifier_verify_text (source_object, task_data, &error);

  return_verification (task, result, error);
}

void
mc_credential_verifier_verify_text_async (McCredentialVerifier *self,
                                          const char           *text,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_CREDENTIAL_VERIFIER (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_credential_verifier_verify_text_async);
  g_task_set_task_data (task, g_strndup (text, MC_CREDENTIAL_VERIFIER_MAX_SIZE + 1), g_free);
  if (self->store != NULL)
    verify_text_thread (task, self, g_task_get_task_data (task), cancellable);
  else
    g_task_run_in_thread (task, verify_text_thread);
}

/* Without a store, the worker reads and verifies; with one, it only
 * reads, and the verification runs back in the calling thread. */
static void
verify_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  McCredentialVerifier *self = source_object;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = _mc_credential_verifier_read_file (task_data, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else if (self->store != NULL)
    g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  else
    return_verification (task, mc_credential_verifier_verify_bytes (self, bytes, &error), error);
}

static void
file_read_cb (GObject      *source_object,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (res), &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    return_verification (task, mc_credential_verifier_verify_bytes (MC_CREDENTIAL_VERIFIER (source_object),
                                                                    bytes, &error), error);
}

void
mc_credential_verifier_verify_file_async (McCredentialVerifier *self,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) reader = NULL;

  g_return_if_fail (MC_IS_CREDENTIAL_VERIFIER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_credential_verifier_verify_file_async);
  if (self->store == NULL)
    {
      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (task, verify_file_thread);
      return;
    }
  reader = g_task_new (self, cancellable, file_read_cb, g_steal_pointer (&task));
  g_task_set_task_data (reader, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (reader, verify_file_thread);
}

McVerification *
mc_credential_verifier_verify_finish (McCredentialVerifier *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_VERIFIER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
