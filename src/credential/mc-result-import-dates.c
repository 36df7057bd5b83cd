/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-result-import-private.h"

/* Dates as student-records systems write them: ISO 8601, or day first
 * with slashes, dots or dashes.  Month first (the US order) is never
 * read: 03/04/2026 is the 3rd of April, and 03/25/2026 an error that
 * says so. */

/* Reads up to three groups of digits separated by one of - / . */
static gboolean
split_date (const char  *text,
            guint        numbers[3],
            guint        digits[3],
            char         separators[2],
            const char **rest)
{
  const char *p = text;

  for (guint k = 0; k < 3; k++)
    {
      numbers[k] = 0;
      digits[k] = 0;
      while (g_ascii_isdigit (*p) && digits[k] < 5)
        {
          numbers[k] = numbers[k] * 10 + (guint) (*p++ - '0');
          digits[k]++;
        }
      if (digits[k] == 0 || g_ascii_isdigit (*p))
        return FALSE;
      if (k < 2)
        {
          if (*p != '-' && *p != '/' && *p != '.')
            return FALSE;
          separators[k] = *p++;
        }
    }
  *rest = p;
  return TRUE;
}

char *
_mc_result_import_parse_date (const char  *text,
                              char       **reason)
{
  guint numbers[3], digits[3];
  char separators[2];
  const char *rest = NULL;
  gboolean iso = FALSE;
  gboolean day_first = FALSE;
  guint day = 0, month = 0, year = 0;

  if (split_date (text, numbers, digits, separators, &rest))
    {
      iso = digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2 &&
            separators[0] == '-' && separators[1] == '-';
      day_first = digits[0] <= 2 && digits[1] <= 2 && separators[0] == separators[1];
      /* An ISO date may come with a time: "2026-06-30T12:00:00". */
      if (*rest != '\0' && !(iso && (*rest == 'T' || *rest == ' ')))
        iso = day_first = FALSE;
    }
  if (day_first && digits[2] == 2)
    {
      *reason = g_strdup_printf (_("“%s” has a two-digit year; write the year in full, as in "
                                   "30/06/2026."), text);
      return NULL;
    }
  if (iso)
    year = numbers[0], month = numbers[1], day = numbers[2];
  else if (day_first && digits[2] == 4)
    day = numbers[0], month = numbers[1], year = numbers[2];
  else
    {
      *reason = g_strdup_printf (_("“%s” is not a date; write dates as 2026-06-30, 30/06/2026 "
                                   "or 30.06.2026."), text);
      return NULL;
    }
  if (year < 1000 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      if (!iso && month > 12 && day <= 12)
        *reason = g_strdup_printf (_("“%s” is not a date: dates are read day first (DD/MM/YYYY), "
                                     "never month first."), text);
      else
        *reason = g_strdup_printf (_("“%s” is not a date in the calendar."), text);
      return NULL;
    }
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

char *
_mc_result_import_add_years (const char *iso_date,
           guint       years)
{
  GDate date;
  char buffer[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso_date);
  g_return_val_if_fail (g_date_valid (&date), g_strdup (iso_date));
  g_date_add_years (&date, years);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  return g_strdup (buffer);
}
