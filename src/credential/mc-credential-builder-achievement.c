/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-credential-builder-private.h"
#include "mc-item.h"
#include "mc-ob3-json-private.h"
#include "mc-result-description.h"

/* The achievement: what the design promises, taken from its approved
 * revision.  Open Badges properties first; the EU elements Open Badges
 * has no property for are added by the extensions. */

#define EQF_LEVEL_URL "http://data.europa.eu/snb/eqf/%d"

static void
append_outcomes (McCredentialBuilder *self,
                 GString             *text)
{
  GListModel *outcomes = G_LIST_MODEL (mc_revision_get_outcomes (self->revision));
  guint n = g_list_model_get_n_items (outcomes);

  if (n == 0)
    return;
  g_string_append (text, _("The learner has achieved these learning outcomes:"));
  g_string_append (text, "\n\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McItem) outcome = g_list_model_get_item (outcomes, i);
      const char *code = mc_item_get_string (outcome, "code");

      g_string_append (text, "- ");
      if (code != NULL && *code != '\0')
        g_string_append_printf (text, "%s: ", code);
      g_string_append_printf (text, "%s\n", mc_item_get_string (outcome, "text"));
    }
}

static void
append_assessment (GString *text,
                   McItem  *assessment)
{
  const char *description = mc_item_get_string (assessment, "description");
  double weight = mc_item_get_double (assessment, "weight");
  McSupervision supervision = mc_item_get_int (assessment, "supervision");

  g_string_append_printf (text, "- %s", mc_enum_label (MC_TYPE_ASSESSMENT_METHOD,
                                                      mc_item_get_int (assessment, "method")));
  if (weight > 0)
    g_string_append_printf (text, " (%g %%)", weight);
  if (description != NULL && *description != '\0')
    g_string_append_printf (text, ": %s", description);
  if (supervision != MC_SUPERVISION_UNSET)
    g_string_append_printf (text, " (%s)", mc_enum_label (MC_TYPE_SUPERVISION, supervision));
  g_string_append_c (text, '\n');
}

static void
append_assessments (McCredentialBuilder *self,
                    GString             *text)
{
  GListModel *assessments = G_LIST_MODEL (mc_revision_get_assessments (self->revision));
  guint n = g_list_model_get_n_items (assessments);

  if (n == 0)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, _("They were assessed through:"));
  g_string_append (text, "\n\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McItem) assessment = g_list_model_get_item (assessments, i);
      append_assessment (text, assessment);
    }
}

/* Markdown, as Open Badges allows in a narrative. */
static char *
criteria_narrative (McCredentialBuilder *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  append_outcomes (self, text);
  append_assessments (self, text);
  if (text->len == 0)
    g_string_printf (text, _("Awarded for successfully completing “%s”."),
                     _mc_credential_builder_revision_text (self, "title"));
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
ascii_case (char     *text,
            gboolean  upper)
{
  for (char *c = text; *c != '\0'; c++)
    *c = upper ? g_ascii_toupper (*c) : g_ascii_tolower (*c);
}

/* A BCP 47 tag as Open Badges spells it ("en", "pt-BR", "sr-Latn"), from
 * the language codes of the design; NULL when it cannot be one. */
static char *
language_tag (const char *code)
{
  g_auto(GStrv) parts = g_strsplit_set (code, "-_", -1);
  g_autofree char *tag = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      /* Language in small letters, script capitalised, region in capitals. */
      ascii_case (parts[i], i > 0 && strlen (parts[i]) != 4);
      if (i > 0 && strlen (parts[i]) == 4)
        parts[i][0] = g_ascii_toupper (parts[i][0]);
    }
  tag = g_strjoinv ("-", parts);
  if (!g_regex_match_simple ("^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$", tag, G_REGEX_RAW, 0))
    return NULL;
  return g_steal_pointer (&tag);
}

static void
add_language (McCredentialBuilder *self,
              JsonBuilder         *builder)
{
  const char * const *languages = mc_revision_get_strv (self->revision, "languages");
  g_autofree char *tag = NULL;

  if (languages == NULL || languages[0] == NULL)
    return;
  tag = language_tag (languages[0]);
  _mc_ob3_json_add_string (builder, "inLanguage", tag);
}

/* The EQF level as an alignment to the EU's own identifier of that level. */
static void
add_eqf_alignment (McCredentialBuilder *self,
                   JsonBuilder         *builder)
{
  int level = mc_revision_get_eqf_level (self->revision);
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *url = NULL;

  if (level <= 0)
    return;
  name = g_strdup_printf (_("EQF level %d"), level);
  code = g_strdup_printf ("%d", level);
  url = g_strdup_printf (EQF_LEVEL_URL, level);
  json_builder_set_member_name (builder, "alignment");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  _mc_ob3_json_add_type (builder, "Alignment");
  _mc_ob3_json_add_string (builder, "targetName", name);
  _mc_ob3_json_add_string (builder, "targetCode", code);
  _mc_ob3_json_add_string (builder, "targetFramework", _("European Qualifications Framework"));
  _mc_ob3_json_add_string (builder, "targetType", "ext:QualificationsFrameworkLevel");
  _mc_ob3_json_add_string (builder, "targetUrl", url);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

/* A name-based (version 5) UUID: the same issuer and awarding body always
 * give the same id, and it reveals neither. */
static char *
name_uuid (const char *name)
{
  static const guint8 url_namespace[16] = {
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, url_namespace, sizeof url_namespace);
  g_checksum_update (checksum, (const guchar *) name, strlen (name));
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The awarding body, when it is not the issuing institution itself. */
static void
add_creator (McCredentialBuilder *self,
             JsonBuilder         *builder)
{
  const char *awarding_body = _mc_credential_builder_revision_text (self, "awarding_body");
  g_autofree char *issuer_name = NULL;
  g_autofree char *body_name = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *id = NULL;

  if (awarding_body == NULL)
    return;
  issuer_name = g_utf8_casefold (mc_issuer_profile_get_name (self->issuer), -1);
  body_name = g_utf8_casefold (awarding_body, -1);
  if (g_str_equal (issuer_name, body_name))
    return;
  seed = g_strconcat (mc_issuer_profile_get_id (self->issuer), "#awarding-body/", awarding_body, NULL);
  id = name_uuid (seed);
  json_builder_set_member_name (builder, "creator");
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "id", id);
  _mc_ob3_json_add_type (builder, "Profile");
  _mc_ob3_json_add_string (builder, "name", awarding_body);
  json_builder_end_object (builder);
}

/* The design's permanent id, so that the register can find the design. */
static void
add_design_identifier (McCredentialBuilder *self,
                       JsonBuilder         *builder)
{
  if (self->design_uuid == NULL)
    return;
  json_builder_set_member_name (builder, "otherIdentifier");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "type", "IdentifierEntry");
  _mc_ob3_json_add_string (builder, "identifier", self->design_uuid);
  _mc_ob3_json_add_string (builder, "identifierType", "systemId");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_criteria (McCredentialBuilder *self,
              JsonBuilder         *builder)
{
  g_autofree char *narrative = criteria_narrative (self);

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "narrative", narrative);
  json_builder_end_object (builder);
}

void
_mc_credential_builder_add_achievement_members (McCredentialBuilder  *self,
                                        JsonBuilder          *builder,
                                        McGradingScale       *scale)
{
  double ects = mc_revision_get_ects (self->revision);

  _mc_ob3_json_add_string (builder, "id", self->achievement_id);
  _mc_ob3_json_add_type (builder, "Achievement");
  _mc_ob3_json_add_string (builder, "achievementType", "MicroCredential");
  _mc_ob3_json_add_string (builder, "name", _mc_credential_builder_revision_text (self, "title"));
  _mc_ob3_json_add_string (builder, "description", _mc_credential_builder_revision_text (self, "description"));
  add_criteria (self, builder);
  if (ects > 0)
    {
      json_builder_set_member_name (builder, "creditsAvailable");
      json_builder_add_double_value (builder, ects);
    }
  _mc_ob3_json_add_string (builder, "fieldOfStudy", _mc_credential_builder_revision_text (self, "isced_f"));
  _mc_ob3_json_add_string (builder, "humanCode", _mc_credential_builder_revision_text (self, "code"));
  add_language (self, builder);
  add_design_identifier (self, builder);
  json_builder_set_member_name (builder, "resultDescription");
  json_builder_begin_array (builder);
  mc_result_description_write (builder, scale, self->achievement_id);
  json_builder_end_array (builder);
  add_eqf_alignment (self, builder);
  add_creator (self, builder);
  _mc_credential_builder_add_design_extensions (self, builder);
}
