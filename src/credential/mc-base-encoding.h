/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text encodings of JOSE and Data Integrity: base64url without padding
 * (RFC 7515 §2) and base58btc (the Bitcoin alphabet, as used by Multibase
 * "z" values).
 *
 * The decoders are strict, so that every byte string has exactly one
 * accepted text: padding, white space, characters outside the alphabet and
 * base64url texts whose unused trailing bits are not zero are refused with
 * MC_CREDENTIAL_ERROR_MALFORMED.  Decoding returns a newly allocated buffer,
 * never NULL on success (also for an empty text), with a NUL byte after
 * the @out_len bytes, so that decoded text can be used as a string. */

/* Longest base58btc text the decoder accepts; the work grows with the
 * square of the length, and Multibase keys and signatures are far shorter. */
#define MC_BASE58BTC_MAX_LENGTH 1024

char   *mc_base64url_encode (const guint8  *data,
                             gsize          len);
guint8 *mc_base64url_decode (const char    *text,
                             gsize         *out_len,
                             GError       **error);
char   *mc_base58btc_encode (const guint8  *data,
                             gsize          len);
guint8 *mc_base58btc_decode (const char    *text,
                             gsize         *out_len,
                             GError       **error);

G_END_DECLS
