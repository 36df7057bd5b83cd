/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mc-credential-document.h"
#include "mc-status-list.h"
#include "ob3-fixture.h"

#define LIST_BYTES (MC_STATUS_LIST_SIZE / 8)

/* The encodedList of Example 3 of W3C Bitstring Status List v1.0: an
 * empty list of 131,072 entries. */
#define W3C_EXAMPLE "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"

static GBytes *
random_list (gsize size)
{
  guint8 *bits = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    bits[i] = g_test_rand_int_range (0, 256);
  return g_bytes_new_take (bits, size);
}

static void
test_round_trip (void)
{
  g_autoptr(GBytes) bits = random_list (LIST_BYTES);
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *encoded = mc_status_list_encode (bits, &error);

  g_assert_no_error (error);
  g_assert_true (encoded[0] == 'u');
  g_assert_cmpuint (strspn (encoded + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                    ==, strlen (encoded) - 1);
  decoded = mc_status_list_decode (encoded, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bits, decoded));
}

static void
test_bit_order (void)
{
  g_autofree guint8 *bits = g_malloc0 (LIST_BYTES);
  g_autoptr(GBytes) bytes = NULL;
  const guint set[] = { 0, 7, 8, MC_STATUS_LIST_SIZE - 1 };
  const guint clear[] = { 1, 6, 9, 15, MC_STATUS_LIST_SIZE - 2 };

  for (guint i = 0; i < G_N_ELEMENTS (set); i++)
    mc_status_list_set_bit (bits, LIST_BYTES, set[i]);
  /* Index 0 is the most significant bit of the first byte. */
  g_assert_cmphex (bits[0], ==, 0x81);
  g_assert_cmphex (bits[1], ==, 0x80);
  g_assert_cmphex (bits[2], ==, 0x00);
  g_assert_cmphex (bits[LIST_BYTES - 1], ==, 0x01);

  bytes = g_bytes_new (bits, LIST_BYTES);
  for (guint i = 0; i < G_N_ELEMENTS (set); i++)
    {
      gboolean value = FALSE;

      g_assert_true (mc_status_list_get_bit (bytes, set[i], &value, NULL));
      g_assert_true (value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    {
      gboolean value = TRUE;

      g_assert_true (mc_status_list_get_bit (bytes, clear[i], &value, NULL));
      g_assert_false (value);
    }
}

static void
test_out_of_range (void)
{
  g_autoptr(GBytes) bytes = random_list (LIST_BYTES);
  g_autoptr(GError) error = NULL;
  gboolean value;

  g_assert_false (mc_status_list_get_bit (bytes, MC_STATUS_LIST_SIZE, &value, &error));
  g_assert_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "131072"));
}

static void
test_w3c_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bits = mc_status_list_decode (W3C_EXAMPLE, &error);
  const guint8 *data;
  gsize size;

  g_assert_no_error (error);
  data = g_bytes_get_data (bits, &size);
  g_assert_cmpuint (size, ==, LIST_BYTES);
  for (gsize i = 0; i < size; i++)
    g_assert_cmpuint (data[i], ==, 0);
}

/* A tiny gzip file that inflates to 100 MiB of zeros. */
static char *
gzip_bomb (void)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);
  g_autofree char *base64 = NULL;
  guint8 buffer[65536];

  for (guint chunk = 0; chunk <= 100; chunk++)
    {
      gsize offset = 0;
      gboolean last = chunk == 100;
      GConverterResult result;

      do
        {
          gsize bytes_read, bytes_written;

          result = g_converter_convert (G_CONVERTER (compressor), zeros + offset,
                                        last ? 0 : 1024 * 1024 - offset, buffer, sizeof buffer,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &bytes_read, &bytes_written, NULL);
          g_assert_cmpint (result, !=, G_CONVERTER_ERROR);
          offset += bytes_read;
          g_byte_array_append (out, buffer, bytes_written);
        }
      while (last ? result != G_CONVERTER_FINISHED : offset < 1024 * 1024);
    }
  g_assert_cmpuint (out->len, <, 200 * 1024);
  base64 = g_base64_encode (out->data, out->len);
  g_strdelimit (base64, "+", '-');
  g_strdelimit (base64, "/", '_');
  g_strdelimit (base64, "=", '\0');
  return g_strconcat ("u", base64, NULL);
}

static void
test_gzip_bomb (void)
{
  g_autofree char *bomb = gzip_bomb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bits = mc_status_list_decode (bomb, &error);

  g_assert_null (bits);
  g_assert_error (error, MC_OB3_ERROR, MC_OB3_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "16 MiB"));
}

static void
test_huge_input (void)
{
  gsize size = 25 * 1024 * 1024;
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bits = NULL;

  memset (text, 'A', size);
  text[0] = 'u';
  text[size] = '\0';
  bits = mc_status_list_decode (text, &error);
  g_assert_null (bits);
  g_assert_error (error, MC_OB3_ERROR, MC_OB3_ERROR_TOO_LARGE);
}

static void
assert_refused (const char *encoded,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bits = mc_status_list_decode (encoded, &error);

  g_assert_null (bits);
  g_assert_error (error, MC_OB3_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", encoded, error->message, words);
}

static char *
encode_raw (const guint8 *data,
            gsize         size)
{
  g_autofree char *base64 = g_base64_encode (data, size);

  g_strdelimit (base64, "+", '-');
  g_strdelimit (base64, "/", '_');
  g_strdelimit (base64, "=", '\0');
  return g_strconcat ("u", base64, NULL);
}

static void
test_bad_text (void)
{
  assert_refused ("", MC_OB3_ERROR_MALFORMED, "“u”");
  assert_refused ("zH4sIAAAAAAAAA", MC_OB3_ERROR_MALFORMED, "“u”");
  assert_refused ("uH4sI+AAAAAAAA", MC_OB3_ERROR_MALFORMED, "base64url");
  assert_refused ("uH4sIAAAAA==", MC_OB3_ERROR_MALFORMED, "base64url");
  assert_refused ("uH4sI AAAAA", MC_OB3_ERROR_MALFORMED, "base64url");
  assert_refused ("uH4sIA", MC_OB3_ERROR_MALFORMED, "base64url");
  assert_refused ("uH4sIAA", MC_OB3_ERROR_MALFORMED, "GZIP");
  assert_refused ("uAAAAAA", MC_OB3_ERROR_MALFORMED, "GZIP");
}

static void
test_bad_gzip (void)
{
  g_autoptr(GBytes) bits = random_list (LIST_BYTES);
  g_autofree char *encoded = mc_status_list_encode (bits, NULL);
  g_autofree char *truncated = g_strndup (encoded, strlen (encoded) - 12);
  g_autofree guchar *raw = NULL;
  g_autofree char *trailing = NULL;
  g_autofree char *standard = g_strdup (encoded + 1);
  gsize size;
  const char *not_gzip = "This is plainly not GZIP data at all.";

  g_autofree char *text = encode_raw ((const guint8 *) not_gzip, strlen (not_gzip));
  assert_refused (text, MC_OB3_ERROR_MALFORMED, "GZIP");
  assert_refused (truncated, MC_OB3_ERROR_MALFORMED, "GZIP");

  /* A complete stream followed by more bytes. */
  g_strdelimit (standard, "-", '+');
  g_strdelimit (standard, "_", '/');
  standard = g_realloc (standard, strlen (standard) + 4);
  while (strlen (standard) % 4 != 0)
    strcat (standard, "=");
  raw = g_base64_decode (standard, &size);
  raw = g_realloc (raw, size + 4);
  memcpy (raw + size, "MORE", 4);
  trailing = encode_raw (raw, size + 4);
  assert_refused (trailing, MC_OB3_ERROR_MALFORMED, "follows");
}

static void
test_short_list (void)
{
  g_autoptr(GBytes) bits = random_list (1000);
  g_autofree char *encoded = mc_status_list_encode (bits, NULL);

  assert_refused (encoded, MC_OB3_ERROR_MALFORMED, "131072");
}

static void
test_url (void)
{
  guint offset = 0;
  g_autofree char *first = mc_status_list_url ("https://x.example/status", "revocation", 7, &offset);
  g_autofree char *second = NULL;

  g_assert_cmpstr (first, ==, "https://x.example/status/revocation/0");
  g_assert_cmpuint (offset, ==, 7);
  second = mc_status_list_url ("https://x.example/status/", "suspension", MC_STATUS_LIST_SIZE * 2 + 5, &offset);
  g_assert_cmpstr (second, ==, "https://x.example/status/suspension/2");
  g_assert_cmpuint (offset, ==, 5);
}

static void
test_credential (void)
{
  g_autoptr(McIssuerProfile) issuer = ob3_fixture_issuer ();
  g_autofree guint8 *bits = g_malloc0 (LIST_BYTES);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *credential, *subject;
  gboolean value = FALSE;

  mc_status_list_set_bit (bits, LIST_BYTES, 42);
  bytes = g_bytes_new (bits, LIST_BYTES);
  node = mc_status_list_build_credential (issuer, OB3_FIXTURE_BASE "/status/suspension/0", "suspension",
                                          bytes, "2026-02-01", "2026-02-08T00:00:00+01:00", &error);
  g_assert_no_error (error);
  credential = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (credential, "id"), ==, OB3_FIXTURE_BASE "/status/suspension/0");
  g_assert_cmpstr (json_object_get_string_member (credential, "issuer"), ==, OB3_FIXTURE_BASE "/issuer");
  g_assert_cmpstr (json_object_get_string_member (credential, "validFrom"), ==, "2026-02-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (credential, "validUntil"), ==, "2026-02-07T23:00:00Z");
  subject = json_object_get_object_member (credential, "credentialSubject");
  g_assert_cmpstr (json_object_get_string_member (subject, "id"), ==, OB3_FIXTURE_BASE "/status/suspension/0#list");
  g_assert_cmpstr (json_object_get_string_member (subject, "type"), ==, "BitstringStatusList");
  g_assert_cmpstr (json_object_get_string_member (subject, "statusPurpose"), ==, "suspension");
  decoded = mc_status_list_decode (json_object_get_string_member (subject, "encodedList"), &error);
  g_assert_no_error (error);
  g_assert_true (mc_status_list_get_bit (decoded, 42, &value, NULL));
  g_assert_true (value);
}

static void
test_credential_refusals (void)
{
  g_autoptr(McIssuerProfile) issuer = ob3_fixture_issuer ();
  g_autoptr(GBytes) small = random_list (100);
  g_autoptr(GBytes) bits = random_list (LIST_BYTES);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = mc_status_list_build_credential (issuer, OB3_FIXTURE_BASE "/status/revocation/0", "revocation",
                                          small, "2026-02-01", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA);
  g_clear_error (&error);
  node = mc_status_list_build_credential (issuer, OB3_FIXTURE_BASE "/status/revocation/0", "revocation",
                                          bits, "1 February 2026", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "1 February 2026"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credential/status-list/round-trip", test_round_trip);
  g_test_add_func ("/credential/status-list/bit-order", test_bit_order);
  g_test_add_func ("/credential/status-list/out-of-range", test_out_of_range);
  g_test_add_func ("/credential/status-list/w3c-example", test_w3c_example);
  g_test_add_func ("/credential/status-list/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/credential/status-list/huge-input", test_huge_input);
  g_test_add_func ("/credential/status-list/bad-text", test_bad_text);
  g_test_add_func ("/credential/status-list/bad-gzip", test_bad_gzip);
  g_test_add_func ("/credential/status-list/short-list", test_short_list);
  g_test_add_func ("/credential/status-list/url", test_url);
  g_test_add_func ("/credential/status-list/credential", test_credential);
  g_test_add_func ("/credential/status-list/credential-refusals", test_credential_refusals);

  return g_test_run ();
}
