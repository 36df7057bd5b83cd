/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-credential-error.h"
#include "mc-credential-urls.h"
#include "mc-keyring.h"
#include "mc-strict-json.h"

/* How long a self-signed certificate made with a new key is valid. */
#define SELF_SIGNED_DAYS 3650

struct _McKeyring
{
  GObject     parent_instance;

  McWorkflow *workflow;
  McStore    *store;
  char       *directory;   /* NULL for a database in memory */
};

G_DEFINE_FINAL_TYPE (McKeyring, mc_keyring, G_TYPE_OBJECT)

static void
mc_keyring_finalize (GObject *object)
{
  McKeyring *self = MC_KEYRING (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->store);
  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (mc_keyring_parent_class)->finalize (object);
}

static void
mc_keyring_class_init (McKeyringClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_keyring_finalize;
}

static void
mc_keyring_init (McKeyring *self)
{
}

/**
 * mc_keyring_new:
 * @workflow: the workflow of the person managing or using the keys
 *
 * Returns: (transfer full): the keyring of @workflow's database
 */
McKeyring *
mc_keyring_new (McWorkflow *workflow)
{
  McKeyring *self;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  self = g_object_new (MC_TYPE_KEYRING, NULL);
  self->workflow = g_object_ref (workflow);
  self->store = g_object_ref (mc_workflow_get_store (workflow));
  self->directory = mc_store_dup_key_directory (self->store);
  return self;
}

/**
 * mc_keyring_new_public:
 * @store: the institution's database
 *
 * Returns: (transfer full): a keyring that only reads public keys
 */
McKeyring *
mc_keyring_new_public (McStore *store)
{
  McKeyring *self;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  self = g_object_new (MC_TYPE_KEYRING, NULL);
  self->store = g_object_ref (store);
  self->directory = mc_store_dup_key_directory (self->store);
  return self;
}

const char *
mc_keyring_get_directory (McKeyring *self)
{
  g_return_val_if_fail (MC_IS_KEYRING (self), NULL);

  return self->directory;
}

McKeyAlgorithm
mc_keyring_get_signing_algorithm (McKeyring *self)
{
  g_autofree char *name = NULL;
  McKeyAlgorithm alg = MC_KEY_ALGORITHM_RS256;

  g_return_val_if_fail (MC_IS_KEYRING (self), MC_KEY_ALGORITHM_RS256);

  name = mc_store_get_setting (self->store, MC_SETTING_SIGNING_ALGORITHM,
                               MC_WORKFLOW_DEFAULT_SIGNING_ALGORITHM);
  if (!mc_key_algorithm_from_jws_name (name, &alg))
    alg = MC_KEY_ALGORITHM_RS256;
  return alg;
}

static McKeyKind
kind_of (McKeyAlgorithm alg)
{
  return alg == MC_KEY_ALGORITHM_EDDSA ? MC_KEY_KIND_ED25519 : MC_KEY_KIND_RSA;
}

/**
 * mc_keyring_get_current_key:
 * @alg: the algorithm wanted
 *
 * Returns: (transfer full): the key that signs with @alg, or %NULL with
 *   @error set when there is none
 */
McKeyRecord *
mc_keyring_get_current_key (McKeyring       *self,
                            McKeyAlgorithm   alg,
                            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  McKeyRecord *key;

  g_return_val_if_fail (MC_IS_KEYRING (self), NULL);

  key = mc_store_get_current_key (self->store, kind_of (alg), &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (key == NULL)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                 _("The institution has no %s signing key; an administrator can generate or import "
                   "one in Administration"), mc_key_algorithm_to_jws_name (alg));
  return key;
}

static gboolean
require_directory (McKeyring  *self,
                   GError    **error)
{
  if (self->directory == NULL)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("This database is not saved in a file, so it cannot keep private keys"));
      return FALSE;
    }
  if (g_mkdir_with_parents (self->directory, 0700) != 0 || g_chmod (self->directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (self->directory);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the key folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The record of @key, whose private half is the file @file_name. */
static McKeyRecord *
record_for (McSigningKey *key,
            const char   *file_name)
{
  McPublicKey *public_key = mc_signing_key_get_public_key (key);
  g_autoptr(JsonObject) jwk = mc_public_key_to_jwk (public_key);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), jwk);
  McKeyRecord *record = mc_key_record_new ();

  record->kid = g_strdup (mc_signing_key_get_kid (key));
  record->kind = kind_of (mc_signing_key_get_algorithm (key));
  record->public_jwk = json_to_string (node, FALSE);
  record->certificate_pem = g_strdup (mc_signing_key_get_certificate_pem (key));
  record->private_path = g_strdup (file_name);
  return record;
}

/* Saves @key encrypted and records it; nothing stays behind on failure. */
static McKeyRecord *
store_key (McKeyring     *self,
           McSigningKey  *key,
           const char    *passphrase,
           GError       **error)
{
  g_autofree char *file_name = g_strconcat (mc_signing_key_get_kid (key), ".pem", NULL);
  g_autofree char *path = NULL;
  g_autoptr(McKeyRecord) record = NULL;
  g_autoptr(McKeyRecord) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!require_directory (self, error))
    return NULL;
  existing = mc_store_find_key (self->store, mc_signing_key_get_kid (key), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (existing != NULL)
    {
      /* Saving would overwrite the file of a key in use. */
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("This key is already one of the institution's keys"));
      return NULL;
    }
  path = g_build_filename (self->directory, file_name, NULL);
  if (!mc_signing_key_save (key, path, passphrase, error))
    return NULL;
  record = record_for (key, file_name);
  if (!mc_workflow_add_key (self->workflow, record, error))
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&record);
}

/**
 * mc_keyring_generate:
 * @alg: RS256 (RSA 3072) or EdDSA (Ed25519)
 * @passphrase: what encrypts the private key
 * @self_signed: whether to make a self-signed certificate for it
 *
 * Returns: (transfer full): the new key's record, or %NULL with @error set
 */
McKeyRecord *
mc_keyring_generate (McKeyring       *self,
                     McKeyAlgorithm   alg,
                     const char      *passphrase,
                     gboolean         self_signed,
                     GError         **error)
{
  g_autoptr(McSigningKey) key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;

  g_return_val_if_fail (MC_IS_KEYRING (self), NULL);
  g_return_val_if_fail (self->workflow != NULL, NULL);

  if (!mc_workflow_has_role (self->workflow, MC_ROLE_ADMINISTRATOR, 0))
    {
      /* Refused before the slow part; the workflow checks again. */
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                   _("Only an administrator can add signing keys"));
      return NULL;
    }
  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE,
                   _("A new key needs a passphrase to protect it"));
      return NULL;
    }
  name = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_NAME, NULL);
  country = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_COUNTRY, NULL);
  if (self_signed && (name == NULL || *g_strstrip (name) == '\0'))
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                   _("Set the institution's name before making a self-signed certificate"));
      return NULL;
    }
  if ((key = mc_signing_key_generate (alg, error)) == NULL ||
      (self_signed &&
       !mc_signing_key_create_self_signed (key, name,
                                           country != NULL && strlen (country) == 2 ? country : NULL,
                                           SELF_SIGNED_DAYS, error)))
    return NULL;
  return store_key (self, key, passphrase, error);
}

/**
 * mc_keyring_import_pkcs12:
 * @pkcs12: the PKCS #12 file
 * @p12_password: (nullable): its password
 * @passphrase: what encrypts the private key from now on
 *
 * Returns: (transfer full): the new key's record, or %NULL with @error set
 */
McKeyRecord *
mc_keyring_import_pkcs12 (McKeyring   *self,
                          GBytes      *pkcs12,
                          const char  *p12_password,
                          const char  *passphrase,
                          GError     **error)
{
  g_autoptr(McSigningKey) key = NULL;

  g_return_val_if_fail (MC_IS_KEYRING (self), NULL);
  g_return_val_if_fail (self->workflow != NULL, NULL);
  g_return_val_if_fail (pkcs12 != NULL, NULL);

  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE,
                   _("A new key needs a passphrase to protect it"));
      return NULL;
    }
  key = mc_signing_key_new_from_pkcs12 (pkcs12, p12_password != NULL ? p12_password : "", error);
  if (key == NULL)
    return NULL;
  return store_key (self, key, passphrase, error);
}

/* The stored public JWK of @key, parsed strictly. */
static JsonNode *
parse_public_jwk (McKeyRecord  *key,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = mc_strict_json_parse_object (key->public_jwk != NULL ? key->public_jwk : "", -1,
                                                &local_error);

  if (node == NULL)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                 _("The public key of “%s” in the database is damaged"), key->kid);
  return node;
}

static McPublicKey *
record_public_key (McKeyRecord  *key,
                   GError      **error)
{
  g_autoptr(JsonNode) node = parse_public_jwk (key, error);

  if (node == NULL)
    return NULL;
  return mc_public_key_new_from_jwk (json_node_get_object (node), error);
}

/* The record of @kid, or the current key; refuses keys that cannot sign. */
static McKeyRecord *
signing_record (McKeyring   *self,
                const char  *kid,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McKeyRecord) record = NULL;

  if (kid == NULL)
    return mc_keyring_get_current_key (self, mc_keyring_get_signing_algorithm (self), error);
  record = mc_store_find_key (self->store, kid, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (record == NULL)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                 _("There is no signing key “%s”"), kid);
  else if (record->retired_at != 0)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                 _("The signing key “%s” is retired: it only verifies what it signed before"), kid);
  else if (record->private_path == NULL)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                 _("The signing key “%s” has no private key here: it can only verify"), kid);
  else
    return g_steal_pointer (&record);
  return NULL;
}

/**
 * mc_keyring_unlock:
 * @kid: (nullable): the key, or %NULL for the current one
 * @passphrase: the key's passphrase
 *
 * Returns: (transfer full): the private key, or %NULL with @error set
 */
McSigningKey *
mc_keyring_unlock (McKeyring   *self,
                   const char  *kid,
                   const char  *passphrase,
                   GError     **error)
{
  g_autoptr(McKeyRecord) record = NULL;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McPublicKey) public_key = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MC_IS_KEYRING (self), NULL);

  if ((record = signing_record (self, kid, error)) == NULL)
    return NULL;
  path = mc_store_dup_private_key_path (self->store, record);
  name = g_filename_display_name (path != NULL ? path : record->private_path);
  if (path == NULL)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("The key file “%s” cannot be found: this database is not saved in a file"), name);
      return NULL;
    }
  key = mc_signing_key_load (path, passphrase != NULL ? passphrase : "", &local_error);
  if (g_error_matches (local_error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE))
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE,
                   _("The passphrase is not right for this key"));
      return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if ((public_key = record_public_key (record, error)) == NULL)
    return NULL;
  if (!mc_public_key_equal (mc_signing_key_get_public_key (key), public_key))
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("The key file “%s” holds another key than “%s”"), name, record->kid);
      return NULL;
    }
  return g_steal_pointer (&key);
}

/* A record with @kid_or_url: its thumbprint, or the kid as given. */
static McKeyRecord *
find_record (McKeyring   *self,
             const char  *kid_or_url,
             GError     **error)
{
  g_autofree char *thumbprint = mc_credential_urls_parse_key (kid_or_url);
  g_autoptr(GError) local_error = NULL;
  McKeyRecord *record = NULL;

  if (thumbprint != NULL)
    record = mc_store_find_key (self->store, thumbprint, &local_error);
  if (record == NULL && local_error == NULL)
    record = mc_store_find_key (self->store, kid_or_url, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (record == NULL)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                 _("The key “%s” is not one of the institution's keys"), kid_or_url);
  return record;
}

/**
 * mc_keyring_find_public_key:
 * @kid_or_url: a key id: thumbprint or address
 *
 * Returns: (transfer full): the public key, or %NULL with @error set
 */
McPublicKey *
mc_keyring_find_public_key (McKeyring   *self,
                            const char  *kid_or_url,
                            GError     **error)
{
  g_autoptr(McKeyRecord) record = NULL;

  g_return_val_if_fail (MC_IS_KEYRING (self), NULL);
  g_return_val_if_fail (kid_or_url != NULL, NULL);

  if ((record = find_record (self, kid_or_url, error)) == NULL)
    return NULL;
  return record_public_key (record, error);
}

/**
 * mc_keyring_build_jwk:
 * @key: one of the institution's keys
 *
 * Returns: (transfer full): the key's public JWK, "kid" its address
 */
JsonObject *
mc_keyring_build_jwk (McKeyring    *self,
                      McKeyRecord  *key,
                      GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *base = NULL;
  JsonObject *jwk;

  g_return_val_if_fail (MC_IS_KEYRING (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((node = parse_public_jwk (key, error)) == NULL)
    return NULL;
  /* Without a verification address, the key is known by its thumbprint. */
  base = mc_credential_urls_dup_base_from_store (self->store, NULL);
  jwk = json_object_ref (json_node_get_object (node));
  json_object_set_string_member (jwk, "kid", key->kid);
  if (base != NULL)
    {
      g_autofree char *url = mc_credential_urls_key (base, key->kid);

      json_object_set_string_member (jwk, "kid", url);
    }
  return jwk;
}

/**
 * mc_keyring_build_jwks:
 *
 * Returns: (transfer full): {"keys": [...]} of every key of the institution
 */
JsonNode *
mc_keyring_build_jwks (McKeyring  *self,
                       GError    **error)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonObject) jwks = json_object_new ();

  g_return_val_if_fail (MC_IS_KEYRING (self), NULL);

  if ((keys = mc_store_list_keys (self->store, error)) == NULL)
    return NULL;
  for (guint i = 0; i < keys->len; i++)
    {
      JsonObject *jwk = mc_keyring_build_jwk (self, g_ptr_array_index (keys, i), error);

      if (jwk == NULL)
        return NULL;
      json_array_add_object_element (array, jwk);
    }
  json_object_set_array_member (jwks, "keys", g_steal_pointer (&array));
  return json_node_init_object (json_node_alloc (), jwks);
}
