/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-key-text.h"

const char *
mc_key_text_kind (McKeyKind kind)
{
  return kind == MC_KEY_KIND_ED25519 ? _("Ed25519 (EdDSA)") : _("RSA (RS256)");
}

char *
mc_key_text_short_kid (const char *kid)
{
  glong length = 0;
  g_autofree char *head = NULL;

  g_return_val_if_fail (kid != NULL, NULL);

  length = g_utf8_strlen (kid, -1);
  if (length <= 14)
    return g_strdup (kid);
  head = g_utf8_substring (kid, 0, 8);
  return g_strconcat (head, "…", g_utf8_offset_to_pointer (kid, length - 4), NULL);
}
