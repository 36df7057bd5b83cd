/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-urls.h"
#include "mc-publication-private.h"

/* The verification page a certificate's QR code opens, and the frame of
 * every HTML page: plain HTML and CSS (no script), landmarks and
 * headings, text that says the status in words (colour only repeats
 * it), contrast above WCAG AA.  Everything from the database is
 * escaped. */

#define HTML_TYPE "text/html; charset=utf-8"

static const char style[] =
  "body{font-family:Cantarell,'Noto Sans',sans-serif;margin:0;color:#1a1a1a;background:#fafafa;line-height:1.5}"
  "header,main,footer{max-width:44rem;margin:0 auto;padding:1rem 1.5rem}"
  "header{border-bottom:1px solid #c0c0c0}footer{color:#3d3d3d;font-size:.9rem}"
  "h1{font-size:1.6rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}"
  "dt{font-weight:bold}dd{margin:0}a{color:#1a5fb4}"
  ".status{font-size:1.3rem;font-weight:bold;padding:.5rem 1rem;border-radius:.4rem;border:2px solid}"
  ".valid{color:#0b5a1e;background:#e6f4ea}.revoked,.unknown{color:#8b0a0a;background:#fbe9e9}"
  ".suspended,.expired,.replaced{color:#6b4100;background:#fdf1dc}";

/* Appends @format with every %s argument HTML-escaped. */
static void
append_escaped (GString    *html,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

static void
append_escaped (GString    *html,
                const char *format,
                ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (html, text);
}

void
_mc_publication_html_begin (GString                     *html,
                            const McPublicationLanguage *language,
                            const char                  *title)
{
  append_escaped (html, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>%s</title>\n", language->tag, title);
  g_string_append_printf (html, "<style>%s</style>\n</head>\n<body>\n", style);
}

void
_mc_publication_html_end (GString    *html,
                          const char *institution_name)
{
  g_string_append (html, "</main>\n<footer>\n");
  append_escaped (html, "<p>%s</p>\n", institution_name);
  append_escaped (html, "<p>%s</p>\n", _("Published with Microcred."));
  g_string_append (html, "</footer>\n</body>\n</html>\n");
}

McPublicationDocument *
_mc_publication_html_document (GString            *html,
                               McPublicationCache  cache)
{
  gsize length = html->len;

  return mc_publication_document_new (g_bytes_new_take (g_string_free (html, FALSE), length),
                                      HTML_TYPE, cache, FALSE);
}

static void
add_header (GString    *html,
            const char *institution_name)
{
  append_escaped (html, "<header>\n<p><strong>%s</strong></p>\n</header>\n<main>\n", institution_name);
}

/* Compares the whole token whatever differs, so that the time taken
 * tells nothing about how much of a guess was right. */
static gboolean
tokens_equal (const char *given,
              const char *expected)
{
  gsize length = strlen (expected);
  guint8 difference = 0;

  if (expected[0] == '\0' || strlen (given) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    difference |= (guint8) (given[i] ^ expected[i]);
  return difference == 0;
}

typedef struct {
  const char *css;
  const char *label;
  const char *explanation;
} Status;

static Status
credential_status (const McIssuedCredential *credential)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = credential->valid_until != NULL
                               ? g_date_time_new_from_iso8601 (credential->valid_until, NULL) : NULL;

  switch (credential->state)
    {
    case MC_CREDENTIAL_STATE_REVOKED:
      return (Status) { "revoked", _("Revoked"),
                        _("The institution has withdrawn this credential. It is no longer valid.") };
    case MC_CREDENTIAL_STATE_SUSPENDED:
      return (Status) { "suspended", _("Suspended"),
                        _("The institution has suspended this credential for now. It is not valid while suspended.") };
    case MC_CREDENTIAL_STATE_SUPERSEDED:
      return (Status) { "replaced", _("Replaced"),
                        _("The institution has issued a corrected credential in place of this one.") };
    case MC_CREDENTIAL_STATE_ACTIVE:
      if (until != NULL && g_date_time_compare (until, now) < 0)
        return (Status) { "expired", _("Expired"), _("This credential was valid until the date below.") };
      return (Status) { "valid", _("Valid"),
                        _("The institution issued this credential and has not withdrawn it.") };
    case MC_CREDENTIAL_STATE_PENDING:
    default:
      return (Status) { "unknown", _("Unknown"),
                        _("The institution has not issued a credential at this address. Check that "
                          "the address is complete.") };
    }
}

static void
add_row (GString    *html,
         const char *label,
         const char *value)
{
  if (value != NULL && *value != '\0')
    append_escaped (html, "<dt>%s</dt><dd>%s</dd>\n", label, value);
}

/* The date of a dateTime, as ISO 8601 ("2026-06-12"), which every
 * reader understands whatever the page's language. */
static char *
date_part (const char *date_time)
{
  return date_time != NULL ? g_strndup (date_time, 10) : NULL;
}

/* The ECTS and EQF level of the revision a credential was built from.
 * Issued from a frozen revision, they never change: kept after the first
 * load, which parses the whole revision. */
static void
revision_facts (McPublication      *self,
                McStore            *store,
                McIssuedCredential *credential,
                double             *ects,
                int                *eqf_level)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", credential->design_id,
                                          credential->revision_number);
  g_autoptr(McRevision) revision = NULL;
  double *facts;

  g_mutex_lock (&self->cache_lock);
  facts = g_hash_table_lookup (self->revision_facts, key);
  if (facts != NULL)
    {
      *ects = facts[0];
      *eqf_level = (int) facts[1];
    }
  g_mutex_unlock (&self->cache_lock);
  if (facts != NULL)
    return;
  *ects = 0;
  *eqf_level = 0;
  revision = mc_store_load_revision (store, credential->design_id, credential->revision_number, NULL);
  if (revision == NULL)
    return;
  *ects = mc_revision_get_ects (revision);
  *eqf_level = mc_revision_get_eqf_level (revision);
  facts = g_new (double, 2);
  facts[0] = *ects;
  facts[1] = *eqf_level;
  g_mutex_lock (&self->cache_lock);
  g_hash_table_replace (self->revision_facts, g_steal_pointer (&key), facts);
  g_mutex_unlock (&self->cache_lock);
}

static void
add_achievement (GString            *html,
                 McPublication      *self,
                 McStore            *store,
                 McIssuedCredential *credential)
{
  g_autofree char *ects = NULL;
  g_autofree char *level = NULL;
  g_autofree char *from = date_part (credential->valid_from);
  g_autofree char *until = date_part (credential->valid_until);
  double credits;
  int eqf_level;

  revision_facts (self, store, credential, &credits, &eqf_level);
  if (credits > 0)
    ects = g_strdup_printf ("%g", credits);
  if (eqf_level > 0)
    /* Translators: the level of a micro-credential; %d is 1 to 8. */
    level = g_strdup_printf (_("EQF level %d"), eqf_level);

  append_escaped (html, "<section aria-labelledby=\"earned\">\n<h2 id=\"earned\">%s</h2>\n<dl>\n",
                  _("What was earned"));
  add_row (html, _("Micro-credential"), credential->title);
  add_row (html, _("Awarded by"), self->institution_name);
  add_row (html, _("ECTS credits"), ects);
  add_row (html, _("Level"), level);
  add_row (html, _("Issued on"), from);
  add_row (html, _("Valid until"), until);
  g_string_append (html, "</dl>\n</section>\n");
}

static void
add_holder (GString            *html,
            McIssuedCredential *credential)
{
  append_escaped (html, "<section aria-labelledby=\"holder\">\n<h2 id=\"holder\">%s</h2>\n<dl>\n",
                  _("Holder"));
  add_row (html, _("Name"), credential->learner_name);
  if (credential->result != NULL)
    add_row (html, _("Result"), credential->result->grade);
  g_string_append (html, "</dl>\n</section>\n");
}

static void
add_replacement (GString            *html,
                 McPublication      *self,
                 McStore            *store,
                 McIssuedCredential *credential)
{
  g_autoptr(McIssuedCredential) replacement = NULL;
  g_autofree char *url = NULL;

  if (credential->superseded_by_id == 0 ||
      (replacement = mc_store_load_credential (store, credential->superseded_by_id, NULL)) == NULL)
    return;
  url = mc_credential_urls_verification_page (self->base_url, replacement->uuid, NULL);
  append_escaped (html, "<p><a href=\"%s\">%s</a></p>\n", url, _("See the credential that replaces it"));
}

static void
add_status (GString       *html,
            const Status  *status)
{
  append_escaped (html, "<section aria-labelledby=\"status\">\n<h2 id=\"status\">%s</h2>\n"
                  "<p class=\"status %s\">%s</p>\n<p>%s</p>\n",
                  _("Status"), status->css, status->label, status->explanation);
}

static McPublicationDocument *
unknown_page (McPublication               *self,
              const McPublicationLanguage *language)
{
  McIssuedCredential nothing = { .state = MC_CREDENTIAL_STATE_PENDING };
  Status status = credential_status (&nothing);
  GString *html = g_string_new (NULL);
  McPublicationDocument *document;

  _mc_publication_html_begin (html, language, _("Unknown credential"));
  add_header (html, self->institution_name);
  append_escaped (html, "<h1>%s</h1>\n", _("Unknown credential"));
  add_status (html, &status);
  g_string_append (html, "</section>\n");
  _mc_publication_html_end (html, self->institution_name);
  document = _mc_publication_html_document (html, MC_PUBLICATION_CACHE_REVALIDATE);
  document->status = 404;
  return document;
}

McPublicationDocument *
_mc_publication_build_page (McPublication               *self,
                            McPublicationConnection     *connection,
                            const char                  *credential_uuid,
                            const char                  *token,
                            const McPublicationLanguage *language,
                            GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McIssuedCredential) credential = mc_store_find_credential (connection->store, credential_uuid,
                                                                       &local_error);
  gboolean personal;
  GString *html;
  Status status;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (credential == NULL || credential->state == MC_CREDENTIAL_STATE_PENDING)
    return unknown_page (self, language);
  personal = token != NULL && credential->token != NULL && tokens_equal (token, credential->token);
  status = credential_status (credential);

  html = g_string_new (NULL);
  _mc_publication_html_begin (html, language, credential->title);
  add_header (html, self->institution_name);
  append_escaped (html, "<h1>%s</h1>\n", credential->title);
  add_status (html, &status);
  if (credential->state == MC_CREDENTIAL_STATE_SUPERSEDED)
    add_replacement (html, self, connection->store, credential);
  g_string_append (html, "</section>\n");
  if (personal)
    add_holder (html, credential);
  add_achievement (html, self, connection->store, credential);
  _mc_publication_html_end (html, self->institution_name);
  return _mc_publication_html_document (html, personal ? MC_PUBLICATION_CACHE_NONE
                                                       : MC_PUBLICATION_CACHE_REVALIDATE);
}
