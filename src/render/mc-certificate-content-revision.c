/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-core.h"
#include "mc-certificate-content-private.h"

/* The supplement's sections from a design revision: the elements a
 * credential must carry (DOMAIN.md), in plain sentences for a reader
 * who has never seen the design. */

/* A list being built: items, then the section if there are any. */
typedef struct {
  GPtrArray *items;
} Items;

static void
items_init (Items *self)
{
  self->items = g_ptr_array_new_with_free_func (g_free);
}

/* Takes @item; an empty or NULL item is dropped. */
static void
items_take (Items *self,
            char  *item)
{
  if (item != NULL && *item != '\0')
    g_ptr_array_add (self->items, item);
  else
    g_free (item);
}

/* Adds the section when it has items, and frees the list. */
static void
items_finish (Items                *self,
              McCertificateContent *content,
              const char           *heading)
{
  if (self->items->len > 0)
    {
      g_ptr_array_add (self->items, NULL);
      mc_certificate_content_add_list_section (content, heading,
                                               (const char * const *) self->items->pdata);
    }
  g_ptr_array_unref (self->items);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* "Label: value" with the label of a revision's field; NULL when empty. */
static char *
labelled (McRevision *revision,
          const char *field_id)
{
  const char *value = mc_revision_get_string (revision, field_id);

  if (!is_set (value))
    return NULL;
  /* Translators: a label, then its value: "Accreditation: approved by QQI". */
  return g_strdup_printf (_("%s: %s"), mc_field_get_label (mc_field_lookup (field_id)), value);
}

/* The labels of the bits set in @value, "Co-design, Co-delivery". */
static char *
flags_labels (GType flags_type,
              guint value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint bit = 1; bit != 0 && bit <= value; bit <<= 1)
    if (value & bit)
      {
        if (text->len > 0)
          /* Translators: between the items of a list in a sentence. */
          g_string_append (text, _(", "));
        g_string_append (text, mc_enum_label (flags_type, bit));
      }
  return g_strdup (text->str);
}

/* A number as it reads in a sentence: "5", "2.5". */
static char *
format_number (double value)
{
  return g_strdup_printf ("%g", value);
}

static void
add_outcomes (McCertificateContent *self,
              McRevision           *revision)
{
  GListModel *outcomes = G_LIST_MODEL (mc_revision_get_outcomes (revision));
  Items items;

  items_init (&items);
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(McItem) outcome = g_list_model_get_item (outcomes, i);
      const char *code = mc_item_get_string (outcome, "code");
      const char *text = mc_item_get_string (outcome, "text");

      if (!is_set (text))
        continue;
      items_take (&items, is_set (code) ? g_strdup_printf (_("%s: %s"), code, text)
                                        : g_strdup (text));
    }
  items_finish (&items, self, _("Learning outcomes"));
}

/* "Project, 40 % — A report on a public data set (Supervised, no
 * identity verification)". */
static char *
describe_assessment (McItem *assessment)
{
  const char *description = mc_item_get_string (assessment, "description");
  double weight = mc_item_get_double (assessment, "weight");
  int supervision = mc_item_get_int (assessment, "supervision");
  char *text = g_strdup (mc_enum_label (MC_TYPE_ASSESSMENT_METHOD,
                                        (guint) mc_item_get_int (assessment, "method")));

  if (weight > 0)
    {
      g_autofree char *method = text;
      g_autofree char *number = format_number (weight);

      /* Translators: an assessment method and its weight: "Project, 40 %". */
      text = g_strdup_printf (_("%s, %s %%"), method, number);
    }
  if (is_set (description))
    {
      g_autofree char *head = text;

      /* Translators: what an assessment is, then its description. */
      text = g_strdup_printf (_("%s — %s"), head, description);
    }
  if (supervision != MC_SUPERVISION_UNSET)
    {
      g_autofree char *head = text;

      /* Translators: an assessment, then in brackets how it is supervised. */
      text = g_strdup_printf (_("%s (%s)"), head,
                              mc_enum_label (MC_TYPE_SUPERVISION, (guint) supervision));
    }
  return text;
}

static void
add_assessment (McCertificateContent *self,
                McRevision           *revision)
{
  GListModel *assessments = G_LIST_MODEL (mc_revision_get_assessments (revision));
  Items items;

  items_init (&items);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(McItem) assessment = g_list_model_get_item (assessments, i);

      items_take (&items, describe_assessment (assessment));
    }
  items_finish (&items, self, _("Assessment"));
}

static void
add_workload (McCertificateContent *self,
              McRevision           *revision)
{
  double ects = mc_revision_get_ects (revision);
  int hours = mc_revision_get_hours (revision);
  g_autofree char *credits = NULL;
  g_autofree char *learning = NULL;

  if (ects > 0)
    {
      g_autofree char *number = format_number (ects);

      /* Translators: the credit value of a credential: "5 ECTS credits". */
      credits = g_strdup_printf (_("%s ECTS credits"), number);
    }
  if (hours > 0)
    learning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour of notional learning",
                                             "%d hours of notional learning", hours), hours);
  if (credits != NULL && learning != NULL)
    {
      /* Translators: a credential's workload: "5 ECTS credits, 125 hours
       * of notional learning". */
      g_autofree char *both = g_strdup_printf (_("%s, %s"), credits, learning);

      mc_certificate_content_add_section (self, _("Workload"), both);
    }
  else if (credits != NULL || learning != NULL)
    mc_certificate_content_add_section (self, _("Workload"), credits != NULL ? credits : learning);
}

static void
add_level (McCertificateContent *self,
           McRevision           *revision)
{
  int eqf = mc_revision_get_eqf_level (revision);
  int cycle = mc_revision_get_int (revision, "cycle");
  Items items;

  items_init (&items);
  if (eqf > 0)
    /* Translators: a level of the European Qualifications Framework. */
    items_take (&items, g_strdup_printf (_("European Qualifications Framework (EQF), level %d"),
                                         eqf));
  items_take (&items, g_strdup (mc_certificate_content_get_national_framework (self)));
  if (cycle > MC_CYCLE_NONE)
    items_take (&items, g_strdup (mc_enum_label (MC_TYPE_CYCLE, (guint) cycle)));
  items_finish (&items, self, _("Level"));
}

static void
add_participation (McCertificateContent *self,
                   McRevision           *revision)
{
  int mode = mc_revision_get_int (revision, "participation_mode");

  if (mode != MC_PARTICIPATION_UNSET)
    mc_certificate_content_add_section (self, _("Form of participation"),
                                        mc_enum_label (MC_TYPE_PARTICIPATION_MODE, (guint) mode));
}

static void
add_grading (McCertificateContent *self,
             McRevision           *revision)
{
  int scheme = mc_revision_get_int (revision, "grading_scheme");
  const char *scale = mc_revision_get_string (revision, "grading_scale");
  g_autofree char *text = NULL;

  if (scheme != MC_GRADING_UNSET && is_set (scale))
    text = g_strdup_printf (_("%s: %s"), mc_enum_label (MC_TYPE_GRADING_SCHEME, (guint) scheme),
                            scale);
  else if (scheme != MC_GRADING_UNSET)
    text = g_strdup (mc_enum_label (MC_TYPE_GRADING_SCHEME, (guint) scheme));
  else if (is_set (scale))
    text = g_strdup (scale);
  if (text != NULL)
    mc_certificate_content_add_section (self, _("Grading"), text);
}

static void
add_quality (McCertificateContent *self,
             McRevision           *revision)
{
  Items items;

  items_init (&items);
  items_take (&items, labelled (revision, "qa_internal"));
  items_take (&items, labelled (revision, "qa_external_body"));
  items_take (&items, labelled (revision, "qa_accreditation"));
  items_take (&items, labelled (revision, "psrb_recognition"));
  items_finish (&items, self, _("Quality assurance"));
}

/* "Higher Diploma in Data Analytics (programme, 5 ECTS credits)". */
static char *
describe_stack_target (McItem *target)
{
  const char *name = mc_item_get_string (target, "name");
  const char *kind = mc_enum_label (MC_TYPE_STACK_TARGET_KIND,
                                    (guint) mc_item_get_int (target, "kind"));
  double ects = mc_item_get_double (target, "ects");
  g_autofree char *number = format_number (ects);

  if (!is_set (name))
    return NULL;
  if (ects > 0)
    /* Translators: what a credential counts towards: its name, its kind
     * (credential or programme) and the credits it counts for there. */
    return g_strdup_printf (_("Counts towards %s (%s, %s ECTS credits)"), name, kind, number);
  /* Translators: what a credential counts towards: its name and kind. */
  return g_strdup_printf (_("Counts towards %s (%s)"), name, kind);
}

static void
add_stackability (McCertificateContent *self,
                  McRevision           *revision)
{
  GListModel *targets = G_LIST_MODEL (mc_revision_get_stack_targets (revision));
  int stackability = mc_revision_get_int (revision, "stackability");
  guint routes = mc_revision_get_flags (revision, "recognition_routes");
  Items items;

  items_init (&items);
  if (stackability == MC_STACKABILITY_STACKABLE && mc_revision_get_boolean (revision,
                                                                             "stacking_sequential"))
    items_take (&items, g_strdup (_("Stackable, in sequence")));
  else
    items_take (&items, g_strdup (mc_enum_label (MC_TYPE_STACKABILITY, (guint) stackability)));
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(McItem) target = g_list_model_get_item (targets, i);

      items_take (&items, describe_stack_target (target));
    }
  if (routes != 0)
    {
      g_autofree char *labels = flags_labels (MC_TYPE_RECOGNITION_ROUTE, routes);

      items_take (&items, g_strdup_printf (_("%s: %s"),
                                           mc_field_get_label (mc_field_lookup (
                                             "recognition_routes")), labels));
    }
  items_finish (&items, self, _("Stackability and recognition"));
}

/* "Westbridge Analytics Ltd (Employer): Co-design, Co-delivery". */
static char *
describe_partner (McItem *partner)
{
  const char *name = mc_item_get_string (partner, "name");
  const char *kind = mc_enum_label (MC_TYPE_PARTNER_KIND, (guint) mc_item_get_int (partner, "kind"));
  guint roles = mc_item_get_flags (partner, "roles");
  g_autofree char *role_labels = flags_labels (MC_TYPE_PARTNER_ROLE, roles);

  if (!is_set (name))
    return NULL;
  if (roles != 0)
    /* Translators: a partner, its kind, then its roles: "Westbridge
     * Analytics Ltd (Employer): Co-design, Co-delivery". */
    return g_strdup_printf (_("%s (%s): %s"), name, kind, role_labels);
  /* Translators: a partner and its kind: "Westbridge Analytics Ltd (Employer)". */
  return g_strdup_printf (_("%s (%s)"), name, kind);
}

static void
add_partners (McCertificateContent *self,
              McRevision           *revision)
{
  GListModel *partners = G_LIST_MODEL (mc_revision_get_partners (revision));
  Items items;

  items_init (&items);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(McItem) partner = g_list_model_get_item (partners, i);

      items_take (&items, describe_partner (partner));
    }
  items_finish (&items, self, _("Partners"));
}

/* Language names from the iso-codes package, in the reader's language,
 * by two- and three-letter ISO 639 code; empty when the package is
 * missing.  ISO 639-3 has the plain names ("Dutch", not "Dutch;
 * Flemish"). */
static GHashTable *
load_language_names (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autofree char *path = g_build_filename (dirs[d], "iso-codes", "json", "iso_639-3.json",
                                                NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;
      JsonArray *languages;

      if (!json_parser_load_from_file (parser, path, NULL))
        continue;
      root = json_parser_get_root (parser);
      languages = JSON_NODE_HOLDS_OBJECT (root)
        ? json_object_get_array_member (json_node_get_object (root), "639-3") : NULL;
      for (guint i = 0; languages != NULL && i < json_array_get_length (languages); i++)
        {
          JsonObject *language = json_array_get_object_element (languages, i);
          const char *name = json_object_get_string_member_with_default (
            language, "common_name",
            json_object_get_string_member_with_default (language, "name", NULL));
          const char *codes[] = { "alpha_2", "alpha_3" };

          for (guint c = 0; name != NULL && c < G_N_ELEMENTS (codes); c++)
            {
              const char *code = json_object_get_string_member_with_default (language, codes[c],
                                                                             NULL);

              if (code != NULL)
                g_hash_table_insert (names, g_strdup (code),
                                     g_strdup (g_dgettext ("iso_639-3", name)));
            }
        }
      break;
    }
  return names;
}

/* "English", or the code itself when it is unknown. */
static const char *
language_name (const char *code)
{
  static GHashTable *names = NULL;
  const char *name;

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, load_language_names ());
  name = g_hash_table_lookup (names, code);
  return name != NULL ? name : code;
}

static void
add_languages (McCertificateContent *self,
               McRevision           *revision)
{
  const char * const *codes = mc_revision_get_strv (revision, "languages");
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = codes != NULL ? g_strv_length ((char **) codes) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, language_name (codes[i]));
    }
  if (n > 0)
    mc_certificate_content_add_section (self, g_dngettext (GETTEXT_PACKAGE, "Language",
                                                           "Languages", n), text->str);
}

void
_mc_certificate_content_add_revision_sections (McCertificateContent *self,
                                               McRevision           *revision)
{
  const char *description = mc_revision_get_string (revision, "description");
  const char *prerequisites = mc_revision_get_string (revision, "prerequisites");

  if (is_set (description))
    mc_certificate_content_add_section (self, _("Description"), description);
  add_outcomes (self, revision);
  add_assessment (self, revision);
  add_workload (self, revision);
  add_level (self, revision);
  add_participation (self, revision);
  add_grading (self, revision);
  add_quality (self, revision);
  add_stackability (self, revision);
  add_partners (self, revision);
  if (is_set (prerequisites))
    mc_certificate_content_add_section (self, _("Prerequisites"), prerequisites);
  add_languages (self, revision);
}
