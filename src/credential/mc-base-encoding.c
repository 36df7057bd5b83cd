/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-base-encoding.h"
#include "mc-credential-error.h"

static const char base58_alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/* base64url */

char *
mc_base64url_encode (const guint8 *data,
                     gsize         len)
{
  char *text;
  char *end;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  /* GLib writes the standard alphabet; the URL-safe one differs in two
   * characters and leaves out the padding. */
  text = g_base64_encode (data, len);
  end = strchr (text, '=');
  if (end != NULL)
    *end = '\0';
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  return text;
}

static int
base64url_value (char c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '-')
    return 62;
  if (c == '_')
    return 63;
  return -1;
}

static gpointer
base64url_refuse (GError     **error,
                  const char  *reason)
{
  /* TRANSLATORS: %s says what is wrong, for example "padding is not allowed" */
  g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
               _("The text is not valid base64url: %s."), reason);
  return NULL;
}

guint8 *
mc_base64url_decode (const char  *text,
                     gsize       *out_len,
                     GError     **error)
{
  g_autofree guint8 *out = NULL;
  gsize len;
  gsize n = 0;
  guint32 acc = 0;
  guint bits = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (out_len != NULL, NULL);

  len = strlen (text);
  if (len % 4 == 1)
    return base64url_refuse (error, _("its length is impossible"));

  out = g_malloc (len / 4 * 3 + 3);   /* the bytes and a NUL */
  for (gsize i = 0; i < len; i++)
    {
      int value = base64url_value (text[i]);

      if (value < 0)
        return base64url_refuse (error, text[i] == '='
                                        ? _("padding is not allowed")
                                        : _("it contains a character outside the alphabet"));

      acc = (acc << 6) | (guint32) value;
      bits += 6;
      if (bits >= 8)
        {
          bits -= 8;
          out[n++] = (guint8) (acc >> bits);
          acc &= (1u << bits) - 1;
        }
    }

  /* Two texts for one byte string would let a signed token be altered
   * without touching its signature. */
  if (acc != 0)
    return base64url_refuse (error, _("its last character is not the canonical one"));

  out[n] = 0;
  *out_len = n;
  return g_steal_pointer (&out);
}

/* base58btc: a big number in base 58, leading zero bytes written as '1'. */

char *
mc_base58btc_encode (const guint8 *data,
                     gsize         len)
{
  g_autofree guint8 *digits = NULL;
  GString *text;
  gsize zeros = 0;
  gsize size;
  gsize high;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  while (zeros < len && data[zeros] == 0)
    zeros++;

  /* log(256) / log(58) < 1.37 digits per byte */
  size = (len - zeros) * 137 / 100 + 1;
  digits = g_malloc0 (size);
  high = size;
  for (gsize i = zeros; i < len; i++)
    {
      guint carry = data[i];
      gsize j = size;

      while (j > high || carry != 0)
        {
          j--;
          carry += 256 * (guint) digits[j];
          digits[j] = (guint8) (carry % 58);
          carry /= 58;
        }
      high = j;
    }

  text = g_string_sized_new (zeros + size - high + 1);
  for (gsize i = 0; i < zeros; i++)
    g_string_append_c (text, '1');
  for (gsize j = high; j < size; j++)
    g_string_append_c (text, base58_alphabet[digits[j]]);
  return g_string_free (text, FALSE);
}

static int
base58_value (char c)
{
  const char *found = c != '\0' ? strchr (base58_alphabet, c) : NULL;

  return found != NULL ? (int) (found - base58_alphabet) : -1;
}

guint8 *
mc_base58btc_decode (const char  *text,
                     gsize       *out_len,
                     GError     **error)
{
  g_autofree guint8 *bytes = NULL;
  guint8 *out;
  gsize len;
  gsize zeros = 0;
  gsize size;
  gsize high;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (out_len != NULL, NULL);

  len = strlen (text);
  if (len > MC_BASE58BTC_MAX_LENGTH)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                           _("The base58 text is too long."));
      return NULL;
    }

  while (zeros < len && text[zeros] == '1')
    zeros++;

  /* log(58) / log(256) < 0.733 bytes per digit */
  size = (len - zeros) * 733 / 1000 + 1;
  bytes = g_malloc0 (size);
  high = size;
  for (gsize i = zeros; i < len; i++)
    {
      int value = base58_value (text[i]);
      guint carry;
      gsize j = size;

      if (value < 0)
        {
          g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                               _("The text is not valid base58: it contains a character "
                                 "outside the alphabet."));
          return NULL;
        }

      carry = (guint) value;
      while (j > high || carry != 0)
        {
          j--;
          carry += 58 * (guint) bytes[j];
          bytes[j] = (guint8) (carry & 0xff);
          carry >>= 8;
        }
      high = j;
    }

  *out_len = zeros + size - high;
  out = g_malloc0 (*out_len + 1);
  memcpy (out + zeros, bytes + high, size - high);
  return out;
}
