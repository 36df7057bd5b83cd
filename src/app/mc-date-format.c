/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-date-format.h"

static gboolean
read_digits (const char *text, guint n, guint *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (guint) g_ascii_digit_value (text[i]);
    }
  return TRUE;
}

gboolean
mc_parse_iso_date (const char *text,
                   GDate      *date)
{
  guint y = 0, m = 0, d = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !read_digits (text, 4, &y) || !read_digits (text + 5, 2, &m) ||
      !read_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_dmy (int year, int month, int day, const char *today)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
  GDate now;
  int this_year;

  if (dt == NULL)
    return NULL;

  if (today == NULL || !mc_parse_iso_date (today, &now))
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();

      this_year = g_date_time_get_year (local);
    }
  else
    this_year = g_date_get_year (&now);

  if (year == this_year)
    /* Translators: a date of the current year, "3 March"; see the
     * strftime() conversions of g_date_time_format() */
    return g_date_time_format (dt, _("%-d %B"));
  /* Translators: a date with its year, "14 May 2027" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

char *
mc_format_iso_date (const char *iso_date,
                    const char *today)
{
  GDate date;

  if (!mc_parse_iso_date (iso_date, &date))
    return NULL;
  return format_dmy (g_date_get_year (&date), g_date_get_month (&date),
                     g_date_get_day (&date), today);
}

char *
mc_format_unix_date (gint64      unix_seconds,
                     const char *today)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return format_dmy (g_date_time_get_year (local), g_date_time_get_month (local),
                     g_date_time_get_day_of_month (local), today);
}
