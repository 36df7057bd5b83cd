/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mc-format.h"

char *
mc_format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);

  /* Translators: a date and time, as strftime() formats it: "3 March 2027, 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

char *
mc_format_count (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  const char *sep = localeconv ()->thousands_sep;
  GString *out = NULL;
  size_t len = strlen (digits);

  if (sep == NULL || sep[0] == '\0')
    return g_steal_pointer (&digits);

  out = g_string_new (NULL);
  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}
