/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-publication-private.h"

/* The language of a page: the first of the request's Accept-Language
 * that Microcred has a translation for, else English.  Each page is
 * built with its thread's messages switched to that language
 * (uselocale()), so that requests in different languages can be served
 * at the same time. */

void
_mc_publication_language_free (McPublicationLanguage *language)
{
  if (language->locale != (locale_t) 0)
    freelocale (language->locale);
  g_free (language->code);
  g_free (language->tag);
  g_free (language);
}

/* A locale whose messages are in @code ("de", "pt_BR"), trying the
 * names systems usually give their locales. */
static locale_t
open_locale (const char *code)
{
  g_autofree char *country = g_ascii_strup (code, -1);
  char *names[] = {
    g_strconcat (code, ".UTF-8", NULL),
    g_strconcat (code, "_", country, ".UTF-8", NULL),
    g_strdup (code),
  };
  locale_t locale = (locale_t) 0;

  for (guint i = 0; i < G_N_ELEMENTS (names) && locale == (locale_t) 0; i++)
    locale = newlocale (LC_MESSAGES_MASK, names[i], (locale_t) 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (names[i]);
  return locale;
}

static McPublicationLanguage *
language_new (const char *code,
              locale_t    locale)
{
  McPublicationLanguage *language = g_new0 (McPublicationLanguage, 1);

  language->code = g_strdup (code);
  language->tag = g_strdelimit (g_strdup (code), "_", '-');
  language->locale = locale;
  return language;
}

/* English, then every installed translation the system has a locale for. */
void
_mc_publication_languages_init (McPublication *self)
{
  g_autoptr(GDir) dir = g_dir_open (LOCALEDIR, 0, NULL);
  locale_t english = newlocale (LC_MESSAGES_MASK, "C.UTF-8", (locale_t) 0);
  const char *name;

  self->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) _mc_publication_language_free);
  self->language_codes = g_ptr_array_new ();
  g_ptr_array_add (self->languages, language_new ("en", english != (locale_t) 0 ? english
                                                                             : newlocale (LC_MESSAGES_MASK, "C", (locale_t) 0)));
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *catalogue = g_build_filename (LOCALEDIR, name, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      locale_t locale;

      if (g_str_equal (name, "en") || !g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
        continue;
      if ((locale = open_locale (name)) == (locale_t) 0)
        {
          g_debug ("No locale for the %s translation; its pages are in English", name);
          continue;
        }
      g_ptr_array_add (self->languages, language_new (name, locale));
    }
  for (guint i = 0; i < self->languages->len; i++)
    g_ptr_array_add (self->language_codes, ((McPublicationLanguage *) self->languages->pdata[i])->code);
  g_ptr_array_add (self->language_codes, NULL);
}

/* The language matching one Accept-Language range ("de-AT" matches "de"
 * as well as "de_AT"), or NULL. */
static const McPublicationLanguage *
match (McPublication *self,
       const char    *range)
{
  g_autofree char *primary = g_strndup (range, strcspn (range, "-"));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->languages->len; i++)
      {
        McPublicationLanguage *language = g_ptr_array_index (self->languages, i);

        if (g_ascii_strcasecmp (language->tag, pass == 0 ? range : primary) == 0)
          return language;
      }
  return NULL;
}

static double
quality (const char *parameters)
{
  const char *q = parameters != NULL ? strstr (parameters, "q=") : NULL;

  return q != NULL ? g_ascii_strtod (q + 2, NULL) : 1.0;
}

const McPublicationLanguage *
_mc_publication_find_language (McPublication *self,
                               const char    *accept_language)
{
  g_auto(GStrv) ranges = NULL;
  const McPublicationLanguage *best = NULL;
  double best_quality = 0;

  /* A header longer than this is not a browser's: English. */
  if (accept_language == NULL || strlen (accept_language) > 512)
    return g_ptr_array_index (self->languages, 0);
  ranges = g_strsplit (accept_language, ",", 32);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (ranges[i], ";", 2);
      const McPublicationLanguage *language = match (self, g_strstrip (parts[0]));
      double q = quality (parts[1]);

      if (language != NULL && q > best_quality)
        {
          best = language;
          best_quality = q;
        }
    }
  return best != NULL ? best : g_ptr_array_index (self->languages, 0);
}

locale_t
_mc_publication_language_enter (const McPublicationLanguage *language)
{
  if (language->locale == (locale_t) 0)
    return (locale_t) 0;
  return uselocale (language->locale);
}

void
_mc_publication_language_leave (locale_t previous)
{
  if (previous != (locale_t) 0)
    uselocale (previous);
}

const char * const *
mc_publication_get_languages (McPublication *self)
{
  g_return_val_if_fail (MC_IS_PUBLICATION (self), NULL);

  return (const char * const *) self->language_codes->pdata;
}

const char *
mc_publication_negotiate_language (McPublication *self,
                                   const char    *accept_language)
{
  g_return_val_if_fail (MC_IS_PUBLICATION (self), NULL);

  return _mc_publication_find_language (self, accept_language)->code;
}
