/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-workflow-private.h"

/* The institution's signing keys and logo: administrators only.  The
 * history names the keys, never their material. */

#define MAX_LOGO_SIZE (2 * 1024 * 1024)

/* Logo */

static gboolean
check_png (GBytes  *png,
           GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (png, &size);

  if (size > MAX_LOGO_SIZE)
    {
      g_autofree char *shown = g_format_size (size);

      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The logo is too large (%s); it can be at most 2 MB"), shown);
      return FALSE;
    }
  /* The signature, then the header chunk that every PNG starts with. */
  if (size < 33 || memcmp (data, signature, sizeof signature) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The logo is not a PNG image"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_logo_cb (McWorkflow  *self,
             gpointer     user_data,
             GError     **error)
{
  GBytes *png = user_data;
  g_autofree char *checksum = png != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png) : NULL;

  /* The history records which image it was by its checksum. */
  return _mc_store_set_logo (self->store, png, error) &&
         _mc_workflow_record_admin (self, MC_ACTION_CHANGE_SETTINGS, "logo", checksum, error);
}

/**
 * mc_workflow_set_logo:
 * @png: (nullable): the logo as PNG, or %NULL to remove it
 *
 * Returns: %TRUE if the logo was changed
 */
gboolean
mc_workflow_set_logo (McWorkflow  *self,
                      GBytes      *png,
                      GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  return _mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) &&
         (png == NULL || check_png (png, error)) &&
         _mc_workflow_run (self, set_logo_cb, png, error);
}

/* Keys */

static const char *
jwk_string (JsonObject *jwk,
            const char *name)
{
  JsonNode *node = json_object_get_member (jwk, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
check_public_jwk (McKeyRecord  *key,
                  GError      **error)
{
  /* The members of private JWKs (RFC 7518 section 6). */
  static const char * const private_members[] = { "d", "p", "q", "dp", "dq", "qi", "oth", "k" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *jwk;
  const char *kid;
  gboolean matches;

  if (key->public_jwk == NULL || !json_parser_load_from_data (parser, key->public_jwk, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The public key of “%s” is not a JSON Web Key"), key->kid);
      return FALSE;
    }
  jwk = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (private_members); i++)
    if (json_object_has_member (jwk, private_members[i]))
      {
        g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                     _("The public key of “%s” holds private key material; only its public part "
                       "may be stored"), key->kid);
        return FALSE;
      }
  if (key->kind == MC_KEY_KIND_RSA)
    matches = g_strcmp0 (jwk_string (jwk, "kty"), "RSA") == 0 &&
              jwk_string (jwk, "n") != NULL && jwk_string (jwk, "e") != NULL;
  else
    matches = g_strcmp0 (jwk_string (jwk, "kty"), "OKP") == 0 &&
              g_strcmp0 (jwk_string (jwk, "crv"), "Ed25519") == 0 && jwk_string (jwk, "x") != NULL;
  if (!matches)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The public key of “%s” is not a complete %s key"), key->kid,
                   mc_enum_label (MC_TYPE_KEY_KIND, key->kind));
      return FALSE;
    }
  kid = jwk_string (jwk, "kid");
  if (kid != NULL && !g_str_equal (kid, key->kid))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The public key of “%s” names another key id, “%s”"), key->kid, kid);
      return FALSE;
    }
  return TRUE;
}

/* The private key is a file in the database's key folder, named without
 * any folder, or a file given by its absolute path; it exists. */
static gboolean
check_private_path (McStore      *store,
                    McKeyRecord  *key,
                    GError      **error)
{
  g_autofree char *path = mc_store_dup_private_key_path (store, key);
  g_autofree char *name = NULL;
  gboolean bare = strchr (key->private_path, G_DIR_SEPARATOR) == NULL &&
                  !g_str_equal (key->private_path, ".") && !g_str_equal (key->private_path, "..");

  if ((g_path_is_absolute (key->private_path) || bare) && path != NULL &&
      g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  name = g_filename_display_name (key->private_path);
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
               _("The private key file “%s” of “%s” does not exist"), name, key->kid);
  return FALSE;
}

static gboolean
check_key (McStore      *store,
           McKeyRecord  *key,
           GError      **error)
{
  gboolean kid_ok = key->kid != NULL && *key->kid != '\0' && strlen (key->kid) <= 256;

  /* It goes into JWS headers, JSON and addresses as it is. */
  for (const char *p = key->kid; kid_ok && *p != '\0'; p++)
    kid_ok = *p > ' ' && *p < 0x7f && *p != '"' && *p != '\\';
  if (!kid_ok)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("A key id is up to 256 letters, digits and punctuation, without spaces or quotes"));
      return FALSE;
    }
  if (mc_enum_to_nick (MC_TYPE_KEY_KIND, key->kind) == NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The key “%s” is of no known kind"), key->kid);
      return FALSE;
    }
  if (!check_public_jwk (key, error))
    return FALSE;
  if (key->certificate_pem != NULL && strstr (key->certificate_pem, "-----BEGIN CERTIFICATE-----") == NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The certificate of “%s” is not a PEM certificate"), key->kid);
      return FALSE;
    }
  return key->private_path == NULL || check_private_path (store, key, error);
}

static gboolean
add_key_cb (McWorkflow  *self,
            gpointer     user_data,
            GError     **error)
{
  McKeyRecord *key = user_data;
  g_autoptr(McKeyRecord) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  existing = mc_store_find_key (self->store, key->kid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("There is already a signing key “%s”"), key->kid);
      return FALSE;
    }
  key->created_at = g_get_real_time () / G_USEC_PER_SEC;
  key->created_by = _mc_workflow_actor_id (self);
  key->retired_at = 0;
  return _mc_store_insert_key (self->store, key, error) &&
         _mc_workflow_record_admin (self, MC_ACTION_ADD_KEY, key->kid,
                                    mc_enum_to_nick (MC_TYPE_KEY_KIND, key->kind), error);
}

/**
 * mc_workflow_add_key:
 * @key: a new key (id 0): kid, kind, public JWK, and optionally its
 *   certificate and the path of its encrypted private key
 *
 * Returns: %TRUE if the key was recorded; its id, created_at and
 *   created_by are then set
 */
gboolean
mc_workflow_add_key (McWorkflow   *self,
                     McKeyRecord  *key,
                     GError      **error)
{
  g_autoptr(McKeyRecord) copy = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (key != NULL && key->id == 0, FALSE);

  if (!_mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) || !check_key (self->store, key, error))
    return FALSE;
  copy = mc_key_record_copy (key);
  if (!_mc_workflow_run (self, add_key_cb, copy, error))
    return FALSE;
  key->id = copy->id;
  key->created_at = copy->created_at;
  key->created_by = copy->created_by;
  key->retired_at = 0;
  return TRUE;
}

static gboolean
retire_key_cb (McWorkflow  *self,
               gpointer     user_data,
               GError     **error)
{
  const char *kid = user_data;
  g_autoptr(McKeyRecord) key = NULL;
  g_autoptr(GError) local_error = NULL;

  key = mc_store_find_key (self->store, kid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (key == NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("There is no signing key “%s”"), kid);
      return FALSE;
    }
  if (key->retired_at != 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("The signing key “%s” is already retired"), kid);
      return FALSE;
    }
  return _mc_store_retire_key (self->store, key->id, g_get_real_time () / G_USEC_PER_SEC, error) &&
         _mc_workflow_record_admin (self, MC_ACTION_RETIRE_KEY, kid, NULL, error);
}

gboolean
mc_workflow_retire_key (McWorkflow  *self,
                        const char  *kid,
                        GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (kid != NULL, FALSE);

  return _mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) &&
         _mc_workflow_run (self, retire_key_cb, (gpointer) kid, error);
}
