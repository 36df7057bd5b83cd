/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"
#include "mc-credential.h"

/* base64url (RFC 4648 §5, no padding) and base58btc. */

static void
assert_base64url (const char *data,
                  gsize       len,
                  const char *expected)
{
  g_autofree char *text = mc_base64url_encode ((const guint8 *) data, len);
  g_autofree guint8 *back = NULL;
  g_autoptr(GError) error = NULL;
  gsize back_len = 0;

  g_assert_cmpstr (text, ==, expected);
  back = mc_base64url_decode (text, &back_len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpmem (back, back_len, data, len);
}

static void
test_base64url_vectors (void)
{
  /* RFC 4648 §10 */
  assert_base64url ("", 0, "");
  assert_base64url ("f", 1, "Zg");
  assert_base64url ("fo", 2, "Zm8");
  assert_base64url ("foo", 3, "Zm9v");
  assert_base64url ("foob", 4, "Zm9vYg");
  assert_base64url ("fooba", 5, "Zm9vYmE");
  assert_base64url ("foobar", 6, "Zm9vYmFy");
  /* The two characters that differ from base64. */
  assert_base64url ("\xfb\xff\xbf", 3, "-_-_");
  assert_base64url ("\0\0", 2, "AAA");
}

static void
test_base64url_refusals (void)
{
  static const char *const refused[] = {
    "Zg==", "Zg=", "Zm9v=", "Zm 9v", "Zm9v\n", " Zm9v", "Zm+v", "Zm/v", "Z", "Zm9vY",
    /* Unused trailing bits set: "Zh" and "Zg" are both "f", "Zm9" and "Zm8" "fo". */
    "Zh", "Zm9", "Zm-", "AB", "AAB", "Zm9v\xC3\xA9",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *bytes = NULL;
      gsize len = 0;

      bytes = mc_base64url_decode (refused[i], &len, &error);
      if (bytes != NULL)
        g_error ("accepted “%s”", refused[i]);
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
    }
}

static void
assert_base58 (const guint8 *data,
               gsize         len,
               const char   *expected)
{
  g_autofree char *text = mc_base58btc_encode (data, len);
  g_autofree guint8 *back = NULL;
  g_autoptr(GError) error = NULL;
  gsize back_len = 0;

  g_assert_cmpstr (text, ==, expected);
  back = mc_base58btc_decode (text, &back_len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpmem (back, back_len, data, len);
}

static void
test_base58_vectors (void)
{
  /* draft-msporny-base58 and Bitcoin's address example. */
  static const guint8 address[] = {
    0x00, 0xeb, 0x15, 0x23, 0x1d, 0xfc, 0xeb, 0x60, 0x92, 0x58, 0x86, 0xb6, 0x7d,
    0x06, 0x52, 0x99, 0x92, 0x59, 0x15, 0xae, 0xb1, 0x72, 0xc0, 0x66, 0x47,
  };
  static const guint8 zeros[] = { 0, 0, 0, 1 };

  assert_base58 ((const guint8 *) "", 0, "");
  assert_base58 ((const guint8 *) "Hello World!", 12, "2NEpo7TZRRrLZSi2U");
  assert_base58 ((const guint8 *) "The quick brown fox jumps over the lazy dog.", 44,
                 "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
  assert_base58 (zeros, 1, "1");
  assert_base58 (zeros, sizeof zeros, "1112");
  assert_base58 (address, sizeof address, "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L");
}

static void
test_base58_refusals (void)
{
  static const char *const refused[] = { "0", "O", "I", "l", "2NEpo 7T", "2NEpo7T\n", "+", "z\xC3\xA9" };
  g_autofree char *long_text = g_strnfill (MC_BASE58BTC_MAX_LENGTH + 1, '2');

  for (guint i = 0; i < G_N_ELEMENTS (refused) + 1; i++)
    {
      const char *text = i < G_N_ELEMENTS (refused) ? refused[i] : long_text;
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *bytes = NULL;
      gsize len = 0;

      bytes = mc_base58btc_decode (text, &len, &error);
      g_assert_null (bytes);
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
    }
}

static void
test_round_trips (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  for (guint round = 0; round < 200; round++)
    {
      guint8 data[80];
      gsize len = g_rand_int_range (rand, 0, sizeof data);
      g_autofree char *base64url = NULL;
      g_autofree char *base58 = NULL;
      g_autofree guint8 *back64 = NULL;
      g_autofree guint8 *back58 = NULL;
      gsize len64 = 0;
      gsize len58 = 0;

      for (gsize i = 0; i < len; i++)
        data[i] = round % 5 == 0 && i < 3 ? 0 : (guint8) g_rand_int_range (rand, 0, 256);
      base64url = mc_base64url_encode (data, len);
      base58 = mc_base58btc_encode (data, len);
      back64 = mc_base64url_decode (base64url, &len64, NULL);
      back58 = mc_base58btc_decode (base58, &len58, NULL);
      g_assert_cmpmem (back64, len64, data, len);
      g_assert_cmpmem (back58, len58, data, len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/credential/base-encoding/base64url/vectors", test_base64url_vectors);
  g_test_add_func ("/credential/base-encoding/base64url/refusals", test_base64url_refusals);
  g_test_add_func ("/credential/base-encoding/base58btc/vectors", test_base58_vectors);
  g_test_add_func ("/credential/base-encoding/base58btc/refusals", test_base58_refusals);
  g_test_add_func ("/credential/base-encoding/round-trips", test_round_trips);

  return g_test_run ();
}
