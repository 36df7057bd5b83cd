/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/pkcs12.h>

#include "mc-credential-error.h"
#include "mc-credential-private.h"
#include "mc-signing-key-private.h"

/* Reading and writing keys: PKCS #8 PEM files and PKCS #12 key stores. */

#define PEM_CERTIFICATE "-----BEGIN CERTIFICATE-----"

static gboolean
contains (GBytes     *bytes,
          const char *needle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return data != NULL && g_strstr_len (data, (gssize) size, needle) != NULL;
}

static gboolean
refuse_passphrase (GError     **error,
                   const char  *passphrase)
{
  if (passphrase == NULL || passphrase[0] == '\0')
    g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE,
                         _("The key is protected by a passphrase; enter it to use the key."));
  else
    g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE,
                         _("The passphrase is wrong."));
  return FALSE;
}

static gboolean
refuse_size (GBytes  *bytes,
             GError **error)
{
  gsize size = g_bytes_get_size (bytes);

  if (size == 0)
    g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                         _("The key file is empty."));
  else if (size > MC_SIGNING_KEY_MAX_FILE_SIZE || size > G_MAXUINT)
    g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                         _("The file is too large to be a key."));
  else
    return FALSE;
  return TRUE;
}

/* PKCS #8 */

static gboolean
add_certificate_from_pem (McSigningKey  *self,
                          GBytes        *pem,
                          GError       **error)
{
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t data = _mc_credential_datum (pem);
  gboolean ok;
  int ret;

  if (gnutls_x509_crt_init (&crt) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_x509_crt_import (crt, &data, GNUTLS_X509_FMT_PEM);
  if (ret < 0)
    ok = _mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                          _("The certificate in the key file is damaged."));
  else
    ok = _mc_signing_key_set_certificate (self, crt, error);
  gnutls_x509_crt_deinit (crt);
  return ok;
}

McSigningKey *
mc_signing_key_new_from_pkcs8 (GBytes      *pem,
                               const char  *passphrase,
                               GError     **error)
{
  g_autoptr(McSigningKey) self = NULL;
  gnutls_x509_privkey_t key = NULL;
  gnutls_datum_t data;
  int ret;

  g_return_val_if_fail (pem != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (refuse_size (pem, error))
    return NULL;
  if (!contains (pem, "PRIVATE KEY-----"))
    {
      if (contains (pem, "-----BEGIN PUBLIC KEY-----") || contains (pem, PEM_CERTIFICATE))
        g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                             _("The file holds a public key or a certificate, not the private key."));
      else
        g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                             _("The key file is damaged or not a private key."));
      return NULL;
    }

  data = _mc_credential_datum (pem);
  if (gnutls_x509_privkey_init (&key) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_x509_privkey_import2 (key, &data, GNUTLS_X509_FMT_PEM, passphrase, 0);
  if (ret < 0)
    {
      gnutls_x509_privkey_deinit (key);
      if (ret == GNUTLS_E_DECRYPTION_FAILED)
        return (refuse_passphrase (error, passphrase), NULL);
      return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                               _("The key file is damaged or not a private key.")),
              NULL);
    }

  self = _mc_signing_key_new_take (key, error);
  if (self == NULL)
    return NULL;
  if (contains (pem, PEM_CERTIFICATE) && !add_certificate_from_pem (self, pem, error))
    return NULL;
  return g_steal_pointer (&self);
}

GBytes *
mc_signing_key_export_pkcs8 (McSigningKey  *self,
                             const char    *passphrase,
                             GError       **error)
{
  gnutls_datum_t out = { NULL, 0 };
  GBytes *pem;
  int ret;

  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (passphrase == NULL || passphrase[0] == '\0')
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE,
                           _("Choose a passphrase to protect the key."));
      return NULL;
    }

  ret = gnutls_x509_privkey_export2_pkcs8 (_mc_signing_key_get_x509 (self), GNUTLS_X509_FMT_PEM,
                                           passphrase, GNUTLS_PKCS_PBES2_AES_256, &out);
  if (ret < 0)
    return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_FAILED,
                                             _("Could not encrypt the key.")), NULL);
  pem = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

/* PKCS #12 */

static McSigningKey *
new_from_pkcs12_parsed (gnutls_pkcs12_t   p12,
                        const char       *password,
                        GError          **error)
{
  g_autoptr(McSigningKey) self = NULL;
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t *chain = NULL;
  unsigned int chain_len = 0;
  gboolean ok;
  int ret;

  ret = gnutls_pkcs12_simple_parse (p12, password, &key, &chain, &chain_len,
                                    NULL, NULL, NULL, 0);
  if (ret == GNUTLS_E_DECRYPTION_FAILED)
    return (refuse_passphrase (error, password), NULL);
  if (ret < 0 || key == NULL)
    return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                             _("The key store holds no usable private key.")),
            NULL);

  self = _mc_signing_key_new_take (key, error);
  /* The first certificate of the chain is the key's own. */
  ok = self != NULL && (chain_len == 0 || _mc_signing_key_set_certificate (self, chain[0], error));
  for (unsigned int i = 0; i < chain_len; i++)
    gnutls_x509_crt_deinit (chain[i]);
  gnutls_free (chain);
  return ok ? g_steal_pointer (&self) : NULL;
}

McSigningKey *
mc_signing_key_new_from_pkcs12 (GBytes      *der,
                                const char  *password,
                                GError     **error)
{
  gnutls_pkcs12_t p12 = NULL;
  gnutls_datum_t data;
  McSigningKey *self = NULL;
  /* No password is the empty one, which many key stores use. */
  const char *pass = password != NULL ? password : "";
  int ret;

  g_return_val_if_fail (der != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (refuse_size (der, error))
    return NULL;

  data = _mc_credential_datum (der);
  if (gnutls_pkcs12_init (&p12) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_pkcs12_import (p12, &data,
                              contains (der, "-----BEGIN ") ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER,
                              0);
  if (ret < 0)
    _mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                     _("The file is not a PKCS #12 key store, or it is damaged."));
  /* The MAC proves the password right; a store without one is checked
   * when its key is decrypted. */
  else if (gnutls_pkcs12_verify_mac (p12, pass) == GNUTLS_E_MAC_VERIFY_FAILED)
    refuse_passphrase (error, password);
  else
    self = new_from_pkcs12_parsed (p12, pass, error);
  gnutls_pkcs12_deinit (p12);
  return self;
}

/* Files */

/* Zeroes a buffer this file allocated and nobody else holds: a plain PEM
 * key may have been read into it. */
static void
wipe_bytes (GBytes *bytes)
{
  gsize size = 0;
  gpointer data = (gpointer) g_bytes_get_data (bytes, &size);

  if (data != NULL)
    gnutls_memset (data, 0, size);
}

static GBytes *
read_key_file (const char  *path,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  char *contents = NULL;
  gsize len = 0;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                     _("There is no key file “%s”."), display);
      else
        g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                     _("Could not read the key file “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size > MC_SIGNING_KEY_MAX_FILE_SIZE)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("“%s” is not a key file."), display);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("Could not read the key file “%s”: %s"), display, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, len);
}

McSigningKey *
mc_signing_key_load (const char  *path,
                     const char  *passphrase,
                     GError     **error)
{
  g_autoptr(GBytes) contents = NULL;
  McSigningKey *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contents = read_key_file (path, error);
  if (contents == NULL)
    return NULL;

  if (contains (contents, "-----BEGIN ") && !contains (contents, "-----BEGIN PKCS12-----"))
    self = mc_signing_key_new_from_pkcs8 (contents, passphrase, error);
  else
    self = mc_signing_key_new_from_pkcs12 (contents, passphrase, error);
  wipe_bytes (contents);

  if (self == NULL && error != NULL && *error != NULL && (*error)->code == MC_CREDENTIAL_ERROR_INVALID_KEY)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* TRANSLATORS: “file name”: what is wrong with it */
      g_prefix_error (error, _("“%s”: "), display);
    }
  return self;
}

gboolean
mc_signing_key_save (McSigningKey  *self,
                     const char    *path,
                     const char    *passphrase,
                     GError       **error)
{
  g_autoptr(GBytes) pem = NULL;
  g_autoptr(GString) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *display = NULL;
  const char *certificate;

  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pem = mc_signing_key_export_pkcs8 (self, passphrase, error);
  if (pem == NULL)
    return FALSE;

  contents = g_string_new_len (g_bytes_get_data (pem, NULL), (gssize) g_bytes_get_size (pem));
  certificate = mc_signing_key_get_certificate_pem (self);
  if (certificate != NULL)
    g_string_append (contents, certificate);

  display = g_filename_display_name (path);
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                   _("Could not save the key to “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, contents->str, (gssize) contents->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                   _("Could not save the key to “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}
