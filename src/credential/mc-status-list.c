/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-credential-document-private.h"
#include "mc-ob3-json-private.h"
#include "mc-status-list.h"

/* The bitstring travels GZIP-compressed and base64url-encoded.  Whatever
 * is decoded comes from outside (a list fetched from the web, a file a
 * registrar opened), so every size is capped before memory is spent. */

#define MAX_DECODED_SIZE  (16 * 1024 * 1024)
/* The largest honest encoding of MAX_DECODED_SIZE bytes: incompressible
 * data grows a little in GZIP, then by 4/3 in base64. */
#define MAX_ENCODED_SIZE  (1 + ((MAX_DECODED_SIZE + 4096) / 3 + 1) * 4)
#define MIN_LIST_BYTES    (MC_STATUS_LIST_SIZE / 8)

static char *
base64url_encode (const guint8 *data,
                  gsize         size)
{
  char *text = g_base64_encode (data, size);
  gsize length = strlen (text);

  while (length > 0 && text[length - 1] == '=')
    text[--length] = '\0';
  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }
  return text;
}

/* Strict: only the base64url alphabet, no padding, no whitespace. */
static GBytes *
base64url_decode (const char  *text,
                  GError     **error)
{
  gsize length = strlen (text);
  g_autofree char *standard = NULL;
  guchar *data;
  gsize size;

  if (length % 4 == 1 || strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789-_") != length)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                   _("The status list is damaged: its text is not base64url."));
      return NULL;
    }
  standard = g_malloc (length + 3);
  for (gsize i = 0; i < length; i++)
    standard[i] = text[i] == '-' ? '+' : text[i] == '_' ? '/' : text[i];
  memset (standard + length, '=', (4 - length % 4) % 4);
  standard[length + (4 - length % 4) % 4] = '\0';
  data = g_base64_decode (standard, &size);
  return g_bytes_new_take (data, size);
}

/* Runs @converter over all of @input.  Output beyond @max_output is
 * refused with MC_OB3_ERROR_TOO_LARGE, data after the end of the stream
 * with MC_OB3_ERROR_MALFORMED; converter errors come as they are. */
static GBytes *
convert_all (GConverter  *converter,
             GBytes      *input,
             gsize        max_output,
             GError     **error)
{
  g_autoptr(GByteArray) output = g_byte_array_new ();
  gsize in_size, in_pos = 0;
  const guint8 *in = g_bytes_get_data (input, &in_size);
  guint8 buffer[16384];

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (converter, in + in_pos, in_size - in_pos,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      in_pos += bytes_read;
      if (output->len + bytes_written > max_output)
        {
          g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_TOO_LARGE,
                       _("The status list is larger than %u MiB once unpacked; it is refused."),
                       (guint) (max_output / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (output, buffer, bytes_written);
      if (result == G_CONVERTER_FINISHED)
        break;
      if (bytes_read == 0 && bytes_written == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "truncated");
          return NULL;
        }
    }
  if (in_pos != in_size)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                   _("The status list is damaged: unexpected data follows its end."));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}

/**
 * mc_status_list_encode:
 * @bits: the bitstring
 * @error: return location for an error
 *
 * Returns: (transfer full): the encodedList value, "u" and base64url text
 */
char *
mc_status_list_encode (GBytes  *bits,
                       GError **error)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GBytes) compressed = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (bits != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bits) > MAX_DECODED_SIZE)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_TOO_LARGE,
                   _("The status list is larger than %u MiB."), MAX_DECODED_SIZE / (1024 * 1024));
      return NULL;
    }
  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  compressed = convert_all (G_CONVERTER (compressor), bits, MAX_ENCODED_SIZE, error);
  if (compressed == NULL)
    return NULL;
  data = g_bytes_get_data (compressed, &size);
  text = base64url_encode (data, size);
  return g_strconcat ("u", text, NULL);
}

static GBytes *
gunzip (GBytes  *compressed,
        GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GError) local_error = NULL;
  GBytes *bits;

  bits = convert_all (G_CONVERTER (decompressor), compressed, MAX_DECODED_SIZE, &local_error);
  if (bits != NULL)
    return bits;
  if (local_error->domain == MC_OB3_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                 _("The status list is damaged: it is not complete GZIP data."));
  return NULL;
}

/**
 * mc_status_list_decode:
 * @encoded_list: an encodedList value
 * @error: return location for an error
 *
 * Returns: (transfer full): the bitstring, or %NULL with @error set
 */
GBytes *
mc_status_list_decode (const char  *encoded_list,
                       GError     **error)
{
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GBytes) bits = NULL;

  g_return_val_if_fail (encoded_list != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strnlen (encoded_list, MAX_ENCODED_SIZE + 1) > MAX_ENCODED_SIZE)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_TOO_LARGE,
                   _("The status list is larger than %u MiB; it is refused."),
                   MAX_ENCODED_SIZE / (1024 * 1024));
      return NULL;
    }
  if (encoded_list[0] != 'u')
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                   _("The status list is not in base64url multibase form (it must start with “u”)."));
      return NULL;
    }
  compressed = base64url_decode (encoded_list + 1, error);
  if (compressed == NULL)
    return NULL;
  bits = gunzip (compressed, error);
  if (bits == NULL)
    return NULL;
  if (g_bytes_get_size (bits) < MIN_LIST_BYTES)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                   _("The status list holds %lu entries; at least %u are required."),
                   (unsigned long) g_bytes_get_size (bits) * 8, MC_STATUS_LIST_SIZE);
      return NULL;
    }
  return g_steal_pointer (&bits);
}

gboolean
mc_status_list_get_bit (GBytes   *bits,
                        guint     index,
                        gboolean *value,
                        GError  **error)
{
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (bits != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bits, &size);
  if (index / 8 >= size)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                   _("Position %u is outside the status list, which holds %lu entries."),
                   index, (unsigned long) size * 8);
      return FALSE;
    }
  /* Index 0 is the left-most, most significant bit of the first byte. */
  *value = (data[index / 8] & (0x80 >> (index % 8))) != 0;
  return TRUE;
}

void
mc_status_list_set_bit (guint8 *bits,
                        gsize   len,
                        guint   index)
{
  g_return_if_fail (bits != NULL);
  g_return_if_fail (index / 8 < len);

  bits[index / 8] |= 0x80 >> (index % 8);
}

char *
mc_status_list_url (const char *base_url,
                    const char *purpose,
                    guint       status_index,
                    guint      *list_offset)
{
  gboolean slash;

  g_return_val_if_fail (base_url != NULL && *base_url != '\0', NULL);
  g_return_val_if_fail (purpose != NULL, NULL);

  if (list_offset != NULL)
    *list_offset = status_index % MC_STATUS_LIST_SIZE;
  slash = g_str_has_suffix (base_url, "/");
  return g_strdup_printf ("%s%s%s/%u", base_url, slash ? "" : "/", purpose,
                          status_index / MC_STATUS_LIST_SIZE);
}

static void
add_subject (JsonBuilder *builder,
             const char  *list_url,
             const char  *purpose,
             const char  *encoded)
{
  g_autofree char *subject_id = g_strconcat (list_url, "#list", NULL);

  json_builder_set_member_name (builder, "credentialSubject");
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "id", subject_id);
  _mc_ob3_json_add_string (builder, "type", "BitstringStatusList");
  _mc_ob3_json_add_string (builder, "statusPurpose", purpose);
  _mc_ob3_json_add_string (builder, "encodedList", encoded);
  json_builder_end_object (builder);
}

/**
 * mc_status_list_build_credential:
 *
 * Returns: (transfer full): an unsigned BitstringStatusListCredential
 */
JsonNode *
mc_status_list_build_credential (McIssuerProfile *issuer,
                                 const char      *list_url,
                                 const char      *purpose,
                                 GBytes          *bits,
                                 const char      *valid_from,
                                 const char      *valid_until,
                                 GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *encoded = NULL;

  g_return_val_if_fail (MC_IS_ISSUER_PROFILE (issuer), NULL);
  g_return_val_if_fail (list_url != NULL && strchr (list_url, ':') != NULL, NULL);
  g_return_val_if_fail (g_strcmp0 (purpose, "revocation") == 0 || g_strcmp0 (purpose, "suspension") == 0, NULL);
  g_return_val_if_fail (bits != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bits) < MIN_LIST_BYTES)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
                   _("A status list must hold at least %u entries."), MC_STATUS_LIST_SIZE);
      return NULL;
    }
  from = _mc_credential_document_format_datetime (valid_from, _("the status list"), error);
  if (from == NULL)
    return NULL;
  if (valid_until != NULL &&
      (until = _mc_credential_document_format_datetime (valid_until, _("the end of the status list"), error)) == NULL)
    return NULL;
  encoded = mc_status_list_encode (bits, error);
  if (encoded == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, MC_OB3_CONTEXT_VC);
  json_builder_end_array (builder);
  _mc_ob3_json_add_string (builder, "id", list_url);
  json_builder_set_member_name (builder, "type");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "VerifiableCredential");
  json_builder_add_string_value (builder, "BitstringStatusListCredential");
  json_builder_end_array (builder);
  _mc_ob3_json_add_string (builder, "issuer", mc_issuer_profile_get_id (issuer));
  _mc_ob3_json_add_string (builder, "validFrom", from);
  if (until != NULL)
    _mc_ob3_json_add_string (builder, "validUntil", until);
  add_subject (builder, list_url, purpose, encoded);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
