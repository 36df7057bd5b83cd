/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include "mc-signing-key.h"

G_BEGIN_DECLS

/* Largest key file read: keys with certificate chains are a few KiB. */
#define MC_SIGNING_KEY_MAX_FILE_SIZE (1024 * 1024)

/* Wraps @key (taken, also on failure) after checking its type and size. */
McSigningKey *_mc_signing_key_new_take        (gnutls_x509_privkey_t   key,
                                               GError                **error);
gnutls_x509_privkey_t _mc_signing_key_get_x509    (McSigningKey *self);
gnutls_privkey_t      _mc_signing_key_get_privkey (McSigningKey *self);
/* Keeps @crt (not taken) as the key's certificate, after checking that it
 * certifies this key (INVALID_KEY otherwise). */
gboolean      _mc_signing_key_set_certificate (McSigningKey           *self,
                                               gnutls_x509_crt_t       crt,
                                               GError                **error);

G_END_DECLS
