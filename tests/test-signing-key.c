/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>

#include "credential-fixture.h"
#include "folder-fixture.h"
#include "mc-core.h"
#include "mc-credential.h"

/* Signing keys: making, saving, loading, importing, certificates. */

#define PASSPHRASE "correct horse battery staple"

static McSigningKey *
shared_key (McKeyAlgorithm alg)
{
  return credential_fixture_key (alg, 0);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mc-test-key-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

static void
assert_load_refused (const char *path,
                     const char *passphrase,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McSigningKey) key = mc_signing_key_load (path, passphrase, &error);

  g_assert_null (key);
  g_assert_error (error, MC_CREDENTIAL_ERROR, code);
  /* Words for people: no GnuTLS codes, never the passphrase. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, "GnuTLS"));
  g_assert_null (strstr (error->message, "-64"));
  if (passphrase != NULL && passphrase[0] != '\0')
    g_assert_null (strstr (error->message, passphrase));
  if (code == MC_CREDENTIAL_ERROR_INVALID_KEY)
    g_assert_nonnull (strstr (error->message, path));
}

/* Generating, saving, loading */

static void
check_generated (McKeyAlgorithm alg,
                 guint          bits)
{
  McSigningKey *key = shared_key (alg);
  McPublicKey *public_key = mc_signing_key_get_public_key (key);
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mc_signing_key_get_algorithm (key), ==, alg);
  g_assert_cmpint (mc_public_key_get_algorithm (public_key), ==, alg);
  g_assert_cmpuint (mc_public_key_get_bits (public_key), ==, bits);
  g_assert_cmpstr (mc_signing_key_get_kid (key), ==, mc_public_key_get_kid (public_key));
  g_assert_cmpuint (strlen (mc_signing_key_get_kid (key)), ==, 43);
  g_assert_null (mc_signing_key_get_certificate_pem (key));

  signature = mc_signing_key_sign (key, (const guint8 *) "data", 4, &error);
  g_assert_no_error (error);
  g_assert_true (mc_public_key_verify (public_key, alg, (const guint8 *) "data", 4,
                                       g_bytes_get_data (signature, NULL), g_bytes_get_size (signature),
                                       &error));
  g_assert_no_error (error);
}

static void
test_generate (void)
{
  check_generated (MC_KEY_ALGORITHM_RS256, 3072);
  check_generated (MC_KEY_ALGORITHM_EDDSA, 256);
}

/* The decoded body of the first PEM block in @text. */
static GBytes *
pem_body (const char *text)
{
  const char *start = strstr (text, "-----\n");
  const char *end = strstr (text, "\n-----END");
  g_autofree char *base64 = NULL;
  guchar *der;
  gsize len = 0;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  base64 = g_strndup (start + 6, end - start - 6);
  der = g_base64_decode (base64, &len);
  return g_bytes_new_take (der, len);
}

static void
assert_absent (GBytes *haystack,
               GBytes *needle)
{
  gsize size = 0;
  gsize needle_size = 0;
  const guint8 *data = g_bytes_get_data (haystack, &size);
  const guint8 *bytes = g_bytes_get_data (needle, &needle_size);

  g_assert_cmpuint (needle_size, >, 0);
  for (gsize i = 0; i + needle_size <= size; i++)
    g_assert_false (memcmp (data + i, bytes, needle_size) == 0);
}

static void
check_save_and_load (McSigningKey *key,
                     GBytes       *secret)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "keys", "institution", "key.pem", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) der = NULL;
  g_autoptr(McSigningKey) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (mc_signing_key_save (key, path, PASSPHRASE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Encrypted: the secret is nowhere in the file, not even encoded. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
  g_assert_null (strstr (contents, "BEGIN PRIVATE KEY"));
  der = pem_body (contents);
  assert_absent (der, secret);

  loaded = mc_signing_key_load (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_signing_key_get_kid (loaded), ==, mc_signing_key_get_kid (key));
  g_assert_cmpint (mc_signing_key_get_algorithm (loaded), ==, mc_signing_key_get_algorithm (key));

  assert_load_refused (path, "Correct horse battery staple", MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  assert_load_refused (path, NULL, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  mc_test_remove_tree (dir);
}

static void
test_save_and_load_ed25519 (void)
{
  static const guint8 seed[32] = "an Ed25519 seed of 32 bytes, ok";
  g_autoptr(McSigningKey) key = mc_signing_key_new_from_ed25519_seed (seed, NULL);
  g_autoptr(GBytes) secret = g_bytes_new_static (seed, sizeof seed);

  g_assert_nonnull (key);
  check_save_and_load (key, secret);
}

static void
test_save_and_load_rsa (void)
{
  McSigningKey *key = shared_key (MC_KEY_ALGORITHM_RS256);
  JsonObject *jwk = mc_public_key_to_jwk (mc_signing_key_get_public_key (key));
  g_autofree guint8 *n = NULL;
  g_autoptr(GBytes) modulus = NULL;
  gsize len = 0;

  /* Plain PKCS #8 holds the modulus; the encrypted file must not show it. */
  n = mc_base64url_decode (json_object_get_string_member (jwk, "n"), &len, NULL);
  modulus = g_bytes_new (n, len);
  json_object_unref (jwk);
  check_save_and_load (key, modulus);
}

static void
test_export_needs_passphrase (void)
{
  McSigningKey *key = shared_key (MC_KEY_ALGORITHM_EDDSA);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "key.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pem = NULL;

  pem = mc_signing_key_export_pkcs8 (key, "", &error);
  g_assert_null (pem);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  g_assert_false (mc_signing_key_save (key, path, NULL, &error));
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  mc_test_remove_tree (dir);
}

static void
test_load_refusals (void)
{
  McSigningKey *key = shared_key (MC_KEY_ALGORITHM_EDDSA);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.pem", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pem", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.pem", NULL);
  g_autofree char *corrupt = g_build_filename (dir, "corrupt.pem", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.key", NULL);
  g_autofree char *public = g_build_filename (dir, "public.pem", NULL);
  g_autofree char *public_pem = mc_public_key_to_pem (mc_signing_key_get_public_key (key));
  g_autoptr(GBytes) pem = mc_signing_key_export_pkcs8 (key, PASSPHRASE, NULL);
  const char *corrupt_pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nnot base64 at all!\n"
                            "-----END ENCRYPTED PRIVATE KEY-----\n";
  const guint8 random_bytes[] = { 0x30, 0x82, 0x01, 0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef };

  assert_load_refused (missing, PASSPHRASE, MC_CREDENTIAL_ERROR_INVALID_KEY);
  write_file (empty, "", 0);
  assert_load_refused (empty, PASSPHRASE, MC_CREDENTIAL_ERROR_INVALID_KEY);
  write_file (truncated, g_bytes_get_data (pem, NULL), g_bytes_get_size (pem) / 2);
  assert_load_refused (truncated, PASSPHRASE, MC_CREDENTIAL_ERROR_INVALID_KEY);
  write_file (corrupt, corrupt_pem, strlen (corrupt_pem));
  assert_load_refused (corrupt, PASSPHRASE, MC_CREDENTIAL_ERROR_INVALID_KEY);
  write_file (garbage, random_bytes, sizeof random_bytes);
  assert_load_refused (garbage, PASSPHRASE, MC_CREDENTIAL_ERROR_INVALID_KEY);
  write_file (public, public_pem, strlen (public_pem));
  assert_load_refused (public, PASSPHRASE, MC_CREDENTIAL_ERROR_INVALID_KEY);
  assert_load_refused (dir, PASSPHRASE, MC_CREDENTIAL_ERROR_INVALID_KEY);
  mc_test_remove_tree (dir);
}

static void
test_public_key_as_private (void)
{
  g_autofree char *public_pem = mc_public_key_to_pem (mc_signing_key_get_public_key (shared_key (MC_KEY_ALGORITHM_RS256)));
  g_autoptr(GBytes) bytes = g_bytes_new (public_pem, strlen (public_pem));
  g_autoptr(GError) error = NULL;
  g_autoptr(McSigningKey) key = mc_signing_key_new_from_pkcs8 (bytes, PASSPHRASE, &error);

  g_assert_null (key);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
  g_assert_nonnull (strstr (error->message, "public key"));
}

/* PKCS #12, made here with GnuTLS as a certificate authority would */

static gnutls_x509_crt_t
certificate_of (McSigningKey *key)
{
  const char *pem = mc_signing_key_get_certificate_pem (key);
  gnutls_datum_t data = { (unsigned char *) pem, (unsigned int) strlen (pem) };
  gnutls_x509_crt_t crt = NULL;

  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_import (crt, &data, GNUTLS_X509_FMT_PEM), ==, 0);
  return crt;
}

static gnutls_x509_privkey_t
private_key_of (McSigningKey *key)
{
  g_autoptr(GBytes) pem = mc_signing_key_export_pkcs8 (key, PASSPHRASE, NULL);
  gnutls_datum_t data = { (unsigned char *) g_bytes_get_data (pem, NULL), (unsigned int) g_bytes_get_size (pem) };
  gnutls_x509_privkey_t x509 = NULL;

  g_assert_cmpint (gnutls_x509_privkey_init (&x509), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_import2 (x509, &data, GNUTLS_X509_FMT_PEM, PASSPHRASE, 0), ==, 0);
  return x509;
}

static GBytes *
make_pkcs12 (McSigningKey *key,
             const char   *password)
{
  gnutls_x509_crt_t crt = certificate_of (key);
  gnutls_x509_privkey_t x509 = private_key_of (key);
  gnutls_pkcs12_bag_t cert_bag = NULL;
  gnutls_pkcs12_bag_t key_bag = NULL;
  gnutls_pkcs12_t p12 = NULL;
  guint8 id[64];
  size_t id_size = sizeof id;
  gnutls_datum_t key_id;
  gnutls_datum_t out = { NULL, 0 };
  GBytes *der;
  int index;

  g_assert_cmpint (gnutls_x509_crt_get_key_id (crt, 0, id, &id_size), ==, 0);
  key_id.data = id;
  key_id.size = (unsigned int) id_size;

  g_assert_cmpint (gnutls_pkcs12_bag_init (&cert_bag), ==, 0);
  index = gnutls_pkcs12_bag_set_crt (cert_bag, crt);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_set_key_id (cert_bag, index, &key_id), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_encrypt (cert_bag, password, GNUTLS_PKCS_PBES2_AES_256), ==, 0);

  g_assert_cmpint (gnutls_pkcs12_bag_init (&key_bag), ==, 0);
  index = gnutls_pkcs12_bag_set_privkey (key_bag, x509, password, GNUTLS_PKCS_PBES2_AES_256);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_set_key_id (key_bag, index, &key_id), ==, 0);

  g_assert_cmpint (gnutls_pkcs12_init (&p12), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_set_bag (p12, cert_bag), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_set_bag (p12, key_bag), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_generate_mac2 (p12, GNUTLS_MAC_SHA256, password), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_export2 (p12, GNUTLS_X509_FMT_DER, &out), ==, 0);
  der = g_bytes_new (out.data, out.size);

  gnutls_free (out.data);
  gnutls_pkcs12_deinit (p12);
  gnutls_pkcs12_bag_deinit (key_bag);
  gnutls_pkcs12_bag_deinit (cert_bag);
  gnutls_x509_privkey_deinit (x509);
  gnutls_x509_crt_deinit (crt);
  return der;
}

static void
check_pkcs12 (McKeyAlgorithm alg)
{
  g_autoptr(McSigningKey) key = mc_signing_key_dup (shared_key (alg));
  g_autoptr(McSigningKey) imported = NULL;
  g_autoptr(McSigningKey) loaded = NULL;
  g_autoptr(McSigningKey) wrong = NULL;
  g_autoptr(GBytes) der = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "institution.p12", NULL);

  g_assert_true (mc_signing_key_create_self_signed (key, "Université d'Exemple", "FR", 365, &error));
  g_assert_no_error (error);
  der = make_pkcs12 (key, "p12 password");

  imported = mc_signing_key_new_from_pkcs12 (der, "p12 password", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_signing_key_get_kid (imported), ==, mc_signing_key_get_kid (key));
  g_assert_cmpstr (mc_signing_key_get_certificate_pem (imported), ==,
                   mc_signing_key_get_certificate_pem (key));

  wrong = mc_signing_key_new_from_pkcs12 (der, "P12 password", &error);
  g_assert_null (wrong);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);
  wrong = mc_signing_key_new_from_pkcs12 (der, NULL, &error);
  g_assert_null (wrong);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  /* From a file too. */
  write_file (path, g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  loaded = mc_signing_key_load (path, "p12 password", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_signing_key_get_kid (loaded), ==, mc_signing_key_get_kid (key));
  assert_load_refused (path, "not the p12 password", MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  mc_test_remove_tree (dir);
}

static void
test_pkcs12 (void)
{
  check_pkcs12 (MC_KEY_ALGORITHM_RS256);
  check_pkcs12 (MC_KEY_ALGORITHM_EDDSA);
}

static void
test_plain_pkcs8 (void)
{
  McSigningKey *key = shared_key (MC_KEY_ALGORITHM_RS256);
  gnutls_x509_privkey_t x509 = private_key_of (key);
  gnutls_datum_t out = { NULL, 0 };
  g_autoptr(GBytes) pem = NULL;
  g_autoptr(McSigningKey) imported = NULL;
  g_autoptr(GError) error = NULL;

  /* As openssl writes it for an institution that kept its key unencrypted. */
  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (x509, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &out),
                   ==, 0);
  pem = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  gnutls_x509_privkey_deinit (x509);

  imported = mc_signing_key_new_from_pkcs8 (pem, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_signing_key_get_kid (imported), ==, mc_signing_key_get_kid (key));
}

/* Self-signed certificates */

static char *
dn_part (gnutls_x509_crt_t  crt,
         const char        *oid,
         gboolean           issuer)
{
  char buffer[256];
  size_t size = sizeof buffer;
  int ret = issuer ? gnutls_x509_crt_get_issuer_dn_by_oid (crt, oid, 0, 0, buffer, &size)
                   : gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buffer, &size);

  g_assert_cmpint (ret, ==, 0);
  return g_strndup (buffer, size);
}

/* The status of @crt's signature checked with @issuer's key.  The flags
 * keep GnuTLS from trusting a certificate because it is in the list, and
 * from asking the issuer to be a CA. */
static unsigned int
verify_signature (gnutls_x509_crt_t crt,
                  gnutls_x509_crt_t issuer)
{
  unsigned int status = 0;

  g_assert_cmpint (gnutls_x509_crt_verify (crt, &issuer, 1,
                                           GNUTLS_VERIFY_DO_NOT_ALLOW_SAME | GNUTLS_VERIFY_DISABLE_CA_SIGN,
                                           &status), ==, 0);
  return status;
}

static void
check_self_signed (McKeyAlgorithm           alg,
                   gnutls_sign_algorithm_t  expected_signature)
{
  g_autoptr(McSigningKey) key = mc_signing_key_dup (shared_key (alg));
  g_autoptr(McSigningKey) other = mc_signing_key_dup (credential_fixture_key (alg, 1));
  gnutls_x509_crt_t other_crt;
  g_autoptr(McPublicKey) certified = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cn = NULL;
  g_autofree char *country = NULL;
  g_autofree char *issuer_cn = NULL;
  gnutls_x509_crt_t crt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  time_t activation;
  time_t expiration;
  guint8 serial[32];
  size_t serial_size = sizeof serial;
  unsigned int critical = 0;

  g_assert_true (mc_signing_key_create_self_signed (key, "Université d'Exemple", "fr", 730, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (mc_signing_key_get_certificate_pem (key), "-----BEGIN CERTIFICATE-----"));

  crt = certificate_of (key);
  cn = dn_part (crt, GNUTLS_OID_X520_COMMON_NAME, FALSE);
  country = dn_part (crt, GNUTLS_OID_X520_COUNTRY_NAME, FALSE);
  issuer_cn = dn_part (crt, GNUTLS_OID_X520_COMMON_NAME, TRUE);
  g_assert_cmpstr (cn, ==, "Université d'Exemple");
  g_assert_cmpstr (country, ==, "FR");
  g_assert_cmpstr (issuer_cn, ==, cn);
  g_assert_cmpint (gnutls_x509_crt_get_version (crt), ==, 3);

  activation = gnutls_x509_crt_get_activation_time (crt);
  expiration = gnutls_x509_crt_get_expiration_time (crt);
  g_assert_cmpint (ABS (activation - now), <=, 60);
  g_assert_cmpint (expiration - activation, ==, 730 * 86400);

  g_assert_cmpint (gnutls_x509_crt_get_serial (crt, serial, &serial_size), ==, 0);
  g_assert_cmpuint (serial_size, ==, 20);
  g_assert_cmpint (gnutls_x509_crt_get_ca_status (crt, &critical), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_get_signature_algorithm (crt), ==, expected_signature);

  /* It certifies this very key, and the key signed it. */
  certified = mc_public_key_new_from_pem (mc_signing_key_get_certificate_pem (key), &error);
  g_assert_no_error (error);
  g_assert_true (mc_public_key_equal (certified, mc_signing_key_get_public_key (key)));
  g_assert_cmpint (gnutls_x509_crt_check_issuer (crt, crt), ==, 1);
  g_assert_cmpuint (verify_signature (crt, crt), ==, 0);

  /* That check is real: the same names on another key do not pass. */
  g_assert_true (mc_signing_key_create_self_signed (other, "Université d'Exemple", "FR", 730, &error));
  g_assert_no_error (error);
  other_crt = certificate_of (other);
  g_assert_cmpuint (verify_signature (crt, other_crt), !=, 0);

  gnutls_x509_crt_deinit (other_crt);
  gnutls_x509_crt_deinit (crt);
}

static void
test_self_signed (void)
{
  check_self_signed (MC_KEY_ALGORITHM_RS256, GNUTLS_SIGN_RSA_SHA256);
  check_self_signed (MC_KEY_ALGORITHM_EDDSA, GNUTLS_SIGN_EDDSA_ED25519);
}

static void
test_self_signed_kept (void)
{
  g_autoptr(McSigningKey) key = mc_signing_key_dup (shared_key (MC_KEY_ALGORITHM_EDDSA));
  g_autoptr(McSigningKey) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "key.pem", NULL);

  g_assert_true (mc_signing_key_create_self_signed (key, "Example University", NULL, 10, &error));
  g_assert_no_error (error);
  g_assert_true (mc_signing_key_save (key, path, PASSPHRASE, &error));
  g_assert_no_error (error);
  loaded = mc_signing_key_load (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_signing_key_get_certificate_pem (loaded), ==, mc_signing_key_get_certificate_pem (key));
  mc_test_remove_tree (dir);
}

static void
test_self_signed_refusals (void)
{
  McSigningKey *key = shared_key (MC_KEY_ALGORITHM_EDDSA);
  g_autofree char *long_name = g_strnfill (65, 'x');
  struct {
    const char *cn;
    const char *country;
    guint       days;
  } cases[] = {
    { "", "FR", 10 }, { long_name, "FR", 10 }, { "Uni", "FRA", 10 }, { "Uni", "F1", 10 }, { "Uni", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mc_signing_key_create_self_signed (key, cases[i].cn, cases[i].country, cases[i].days,
                                                         &error));
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED);
    }
  g_assert_null (mc_signing_key_get_certificate_pem (key));
}

/* Threads: each worker signs with its own copy. */

static gpointer
sign_many (gpointer data)
{
  McSigningKey *key = data;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *text = g_strdup_printf ("credential %u", i);
      g_autoptr(GBytes) signature = mc_signing_key_sign (key, (const guint8 *) text, strlen (text), NULL);

      if (signature == NULL
          || !mc_public_key_verify (mc_signing_key_get_public_key (key), MC_KEY_ALGORITHM_RS256,
                                    (const guint8 *) text, strlen (text), g_bytes_get_data (signature, NULL),
                                    g_bytes_get_size (signature), NULL))
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_dup_in_threads (void)
{
  McSigningKey *key = shared_key (MC_KEY_ALGORITHM_RS256);
  g_autoptr(McSigningKey) first = mc_signing_key_dup (key);
  g_autoptr(McSigningKey) second = mc_signing_key_dup (key);
  GThread *threads[2];

  g_assert_cmpstr (mc_signing_key_get_kid (first), ==, mc_signing_key_get_kid (key));
  threads[0] = g_thread_new ("signer-1", sign_many, first);
  threads[1] = g_thread_new ("signer-2", sign_many, second);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[0])));
  g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[1])));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/credential/signing-key/generate", test_generate);
  g_test_add_func ("/credential/signing-key/save-load/ed25519", test_save_and_load_ed25519);
  g_test_add_func ("/credential/signing-key/save-load/rsa", test_save_and_load_rsa);
  g_test_add_func ("/credential/signing-key/export-needs-passphrase", test_export_needs_passphrase);
  g_test_add_func ("/credential/signing-key/load-refusals", test_load_refusals);
  g_test_add_func ("/credential/signing-key/public-key-as-private", test_public_key_as_private);
  g_test_add_func ("/credential/signing-key/pkcs12", test_pkcs12);
  g_test_add_func ("/credential/signing-key/plain-pkcs8", test_plain_pkcs8);
  g_test_add_func ("/credential/signing-key/self-signed", test_self_signed);
  g_test_add_func ("/credential/signing-key/self-signed/kept", test_self_signed_kept);
  g_test_add_func ("/credential/signing-key/self-signed/refusals", test_self_signed_refusals);
  g_test_add_func ("/credential/signing-key/dup-in-threads", test_dup_in_threads);

  return g_test_run ();
}
