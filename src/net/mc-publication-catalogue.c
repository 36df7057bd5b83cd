/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-credential-builder.h"
#include "mc-credential-urls.h"
#include "mc-design-summary.h"
#include "mc-publication-private.h"

/* The catalogue of active micro-credentials, for information portals
 * to harvest (JSON, data/schemas/catalogue.schema.json) and for people
 * (HTML).  Each entry is the achievement credentials embed, which carries
 * every EU element of the approved revision, plus the form of
 * participation that otherwise travels with each offering. */

#define CATALOGUE_TYPE "MicrocredentialCatalogue"

GPtrArray *
_mc_publication_list_active_designs (McStore  *store,
                                     GError  **error)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) summaries = NULL;
  GPtrArray *uuids;

  query.state = MC_DESIGN_STATE_ACTIVE;
  query.sort = MC_DESIGN_SORT_TITLE;
  if ((summaries = mc_store_query_designs (store, &query, error)) == NULL)
    return NULL;
  uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (uuids, g_strdup (mc_design_summary_get_uuid (summaries->pdata[i])));
  return uuids;
}

static JsonNode *
build_entry (McPublication *self,
             McRevision    *revision,
             const char    *design_uuid)
{
  g_autofree char *id = mc_credential_urls_achievement (self->base_url, design_uuid);
  g_autoptr(McCredentialBuilder) builder = mc_credential_builder_new (self->issuer);
  JsonNode *achievement;
  JsonObject *object;
  int mode = mc_revision_get_int (revision, "participation_mode");
  int months = mc_revision_get_int (revision, "validity_months");

  mc_credential_builder_set_revision (builder, revision, design_uuid, id);
  achievement = mc_credential_builder_build_achievement (builder);
  object = json_node_get_object (achievement);
  /* Embedded: the catalogue's own context applies. */
  json_object_remove_member (object, "@context");
  if (mode != MC_PARTICIPATION_UNSET)
    json_object_set_string_member (object, "participationMode",
                                   mc_enum_to_nick (MC_TYPE_PARTICIPATION_MODE, mode));
  if (months > 0)
    json_object_set_int_member (object, "validityMonths", months);
  return achievement;
}

/* The active designs' approved revisions, in the order of their titles,
 * with their uuids in @uuids. */
static GPtrArray *
load_revisions (McStore    *store,
                GPtrArray **uuids,
                GError    **error)
{
  g_autoptr(GPtrArray) designs = _mc_publication_list_active_designs (store, error);
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  if (designs == NULL)
    return NULL;
  for (guint i = 0; i < designs->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      McRevision *revision = _mc_publication_load_approved (store, designs->pdata[i], TRUE, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (revision == NULL)
        continue;
      g_ptr_array_add (revisions, revision);
      g_ptr_array_add (kept, g_strdup (designs->pdata[i]));
    }
  *uuids = g_steal_pointer (&kept);
  return g_steal_pointer (&revisions);
}

static McPublicationDocument *
catalogue_json (McPublication *self,
                GPtrArray     *revisions,
                GPtrArray     *uuids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = mc_credential_urls_catalogue (self->base_url);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "https://www.w3.org/ns/credentials/v2");
  json_builder_add_string_value (builder, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, CATALOGUE_TYPE);
  json_builder_set_member_name (builder, "publisher");
  json_builder_add_value (builder, mc_issuer_profile_to_json (self->issuer, FALSE));
  json_builder_set_member_name (builder, "microcredentials");
  json_builder_begin_array (builder);
  for (guint i = 0; i < revisions->len; i++)
    json_builder_add_value (builder, build_entry (self, revisions->pdata[i], uuids->pdata[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return _mc_publication_json_document (root, "application/json", MC_PUBLICATION_CACHE_SHORT);
}

static void
add_row (GString    *html,
         const char *label,
         const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || *value == '\0')
    return;
  text = g_markup_printf_escaped ("<dt>%s</dt><dd>%s</dd>\n", label, value);
  g_string_append (html, text);
}

static void
add_html_entry (GString       *html,
                McPublication *self,
                McRevision    *revision,
                const char    *design_uuid)
{
  g_autofree char *id = mc_credential_urls_achievement (self->base_url, design_uuid);
  g_autofree char *heading = g_markup_printf_escaped ("<section>\n<h2>%s</h2>\n", mc_revision_get_title (revision));
  g_autofree char *ects = NULL;
  g_autofree char *level = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *languages = g_strjoinv (", ", (char **) mc_revision_get_strv (revision, "languages"));
  g_autofree char *link = NULL;
  const char *description = mc_revision_get_string (revision, "description");
  int mode = mc_revision_get_int (revision, "participation_mode");

  if (mc_revision_get_ects (revision) > 0)
    ects = g_strdup_printf ("%g", mc_revision_get_ects (revision));
  if (mc_revision_get_eqf_level (revision) > 0)
    level = g_strdup_printf (_("EQF level %d"), mc_revision_get_eqf_level (revision));
  if (mc_revision_get_hours (revision) > 0)
    hours = g_strdup_printf ("%d", mc_revision_get_hours (revision));
  g_string_append (html, heading);
  if (description != NULL && *description != '\0')
    {
      g_autofree char *paragraph = g_markup_printf_escaped ("<p>%s</p>\n", description);

      g_string_append (html, paragraph);
    }
  g_string_append (html, "<dl>\n");
  add_row (html, _("Type"), mc_enum_label (MC_TYPE_CREDENTIAL_TYPE, mc_revision_get_credential_type (revision)));
  add_row (html, _("ECTS credits"), ects);
  add_row (html, _("Study hours"), hours);
  add_row (html, _("Level"), level);
  if (mode != MC_PARTICIPATION_UNSET)
    add_row (html, _("Participation"), mc_enum_label (MC_TYPE_PARTICIPATION_MODE, mode));
  add_row (html, _("Languages"), languages);
  g_string_append (html, "</dl>\n");
  link = g_markup_printf_escaped ("<p><a href=\"%s\">%s</a></p>\n</section>\n", id,
                                  _("Full description (JSON)"));
  g_string_append (html, link);
}

static McPublicationDocument *
catalogue_html (McPublication               *self,
                GPtrArray                   *revisions,
                GPtrArray                   *uuids,
                const McPublicationLanguage *language)
{
  g_autofree char *json_url = mc_credential_urls_catalogue (self->base_url);
  g_autofree char *intro = NULL;
  GString *html = g_string_new (NULL);

  _mc_publication_html_begin (html, language, _("Micro-credentials"));
  intro = g_markup_printf_escaped ("<header>\n<p><strong>%s</strong></p>\n</header>\n<main>\n<h1>%s</h1>\n"
                                   "<p><a href=\"%s\">%s</a></p>\n",
                                   self->institution_name, _("Micro-credentials"), json_url,
                                   _("The catalogue as data (JSON)"));
  g_string_append (html, intro);
  if (revisions->len == 0)
    {
      g_autofree char *none = g_markup_printf_escaped ("<p>%s</p>\n", _("No micro-credentials are offered at the moment."));

      g_string_append (html, none);
    }
  for (guint i = 0; i < revisions->len; i++)
    add_html_entry (html, self, revisions->pdata[i], uuids->pdata[i]);
  _mc_publication_html_end (html, self->institution_name);
  return _mc_publication_html_document (html, MC_PUBLICATION_CACHE_SHORT);
}

McPublicationDocument *
_mc_publication_build_catalogue (McPublication               *self,
                                 McPublicationConnection     *connection,
                                 gboolean                     html,
                                 const McPublicationLanguage *language,
                                 GError                     **error)
{
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GPtrArray) revisions = load_revisions (connection->store, &uuids, error);

  if (revisions == NULL)
    return NULL;
  if (html)
    return catalogue_html (self, revisions, uuids, language);
  return catalogue_json (self, revisions, uuids);
}
