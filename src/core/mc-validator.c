/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mc-validator.h"
#include "mc-validator-private.h"

/* The validator runs the pre-parsed rules of each chosen profile over one
 * revision.  The window calls it on every edit, so it does no parsing and
 * no allocation beyond the findings themselves. */

struct _McValidator
{
  GObject     parent_instance;

  GListStore *profiles;
  char       *institution_name;
  char       *institution_country;
  char       *today;
};

G_DEFINE_TYPE (McValidator, mc_validator, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-validator-error-quark, mc_validator_error)

enum {
  PROP_0,
  PROP_INSTITUTION_NAME,
  PROP_INSTITUTION_COUNTRY,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_validator_finalize (GObject *object)
{
  McValidator *self = MC_VALIDATOR (object);

  g_clear_object (&self->profiles);
  g_free (self->institution_name);
  g_free (self->institution_country);
  g_free (self->today);

  G_OBJECT_CLASS (mc_validator_parent_class)->finalize (object);
}

static void
mc_validator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  McValidator *self = MC_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_INSTITUTION_NAME:
      g_value_set_string (value, self->institution_name);
      break;
    case PROP_INSTITUTION_COUNTRY:
      g_value_set_string (value, self->institution_country);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (McValidator  *self,
            char        **slot,
            const char   *value,
            guint         prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
mc_validator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  McValidator *self = MC_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_INSTITUTION_NAME:
      set_string (self, &self->institution_name, g_value_get_string (value), prop_id);
      break;
    case PROP_INSTITUTION_COUNTRY:
      set_string (self, &self->institution_country, g_value_get_string (value), prop_id);
      break;
    case PROP_TODAY:
      mc_validator_set_today (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_validator_class_init (McValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_validator_finalize;
  object_class->get_property = mc_validator_get_property;
  object_class->set_property = mc_validator_set_property;

  properties[PROP_INSTITUTION_NAME] =
    g_param_spec_string ("institution-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSTITUTION_COUNTRY] =
    g_param_spec_string ("institution-country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_validator_init (McValidator *self)
{
  self->profiles = g_list_store_new (MC_TYPE_PROFILE);
}

/**
 * mc_validator_new:
 *
 * Returns: (transfer full): a validator with the built-in profiles
 */
McValidator *
mc_validator_new (void)
{
  McValidator *self = g_object_new (MC_TYPE_VALIDATOR, NULL);
  g_autoptr(GListModel) builtin = NULL;
  g_autoptr(GError) error = NULL;

  builtin = mc_profile_list_builtin (&error);
  if (builtin == NULL)
    {
      /* The built-in profiles are part of the program; the tests load them. */
      g_critical ("Cannot load the built-in policy profiles: %s", error->message);
      return self;
    }
  for (guint i = 0; i < g_list_model_get_n_items (builtin); i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (builtin, i);
      mc_validator_add_profile (self, profile);
    }
  return self;
}

/* Adds @profile, replacing a profile with the same id. */
void
mc_validator_add_profile (McValidator *self,
                          McProfile   *profile)
{
  guint n;

  g_return_if_fail (MC_IS_VALIDATOR (self));
  g_return_if_fail (MC_IS_PROFILE (profile));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McProfile) other = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      if (g_str_equal (mc_profile_get_id (other), mc_profile_get_id (profile)))
        {
          g_list_store_splice (self->profiles, i, 1, (gpointer *) &profile, 1);
          return;
        }
    }
  g_list_store_append (self->profiles, profile);
}

/**
 * mc_validator_get_profiles:
 * @self: a validator
 *
 * Returns: (transfer none): the profiles (#McProfile) the validator knows
 */
GListModel *
mc_validator_get_profiles (McValidator *self)
{
  g_return_val_if_fail (MC_IS_VALIDATOR (self), NULL);
  return G_LIST_MODEL (self->profiles);
}

/**
 * mc_validator_find_profile:
 * @self: a validator
 * @id: a profile id ("eu-council")
 *
 * Returns: (transfer none) (nullable): the profile, or %NULL
 */
McProfile *
mc_validator_find_profile (McValidator *self,
                           const char  *id)
{
  guint n;

  g_return_val_if_fail (MC_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  for (guint i = 0; i < n; i++)
    {
      McProfile *profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      /* The store keeps its own reference. */
      g_object_unref (profile);
      if (g_str_equal (mc_profile_get_id (profile), id))
        return profile;
    }
  return NULL;
}

void
mc_validator_set_institution (McValidator *self,
                              const char  *name,
                              const char  *country)
{
  g_return_if_fail (MC_IS_VALIDATOR (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->institution_name, name, PROP_INSTITUTION_NAME);
  set_string (self, &self->institution_country, country, PROP_INSTITUTION_COUNTRY);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
_mc_parse_iso_date (const char *text,
                    GDate      *date)
{
  guint year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Sets the date rules take as today (YYYY-MM-DD); %NULL for the real date. */
void
mc_validator_set_today (McValidator *self,
                        const char  *iso_date)
{
  GDate date;

  g_return_if_fail (MC_IS_VALIDATOR (self));

  g_date_clear (&date, 1);
  if (iso_date != NULL && *iso_date != '\0')
    g_return_if_fail (_mc_parse_iso_date (iso_date, &date));
  set_string (self, &self->today, iso_date, PROP_TODAY);
}

static gboolean
condition_holds (const McCondition *cond,
                 McRevision        *content)
{
  if (cond->test_empty &&
      mc_revision_field_is_empty (content, cond->field->id) != cond->empty)
    return FALSE;

  if (cond->test_range)
    {
      double value = _mc_revision_get_number (content, cond->field);
      if (value < cond->min || value > cond->max)
        return FALSE;
    }

  if (cond->numbers != NULL)
    {
      double value = _mc_revision_get_number (content, cond->field);
      gboolean found = FALSE;

      for (guint i = 0; i < cond->numbers->len && !found; i++)
        found = g_array_index (cond->numbers, double, i) == value;
      if (!found)
        return FALSE;
    }

  if (cond->strings != NULL)
    {
      const char *value = mc_revision_get_string (content, cond->field->id);
      g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));
      gboolean found = FALSE;

      for (guint i = 0; cond->strings[i] != NULL && !found; i++)
        found = g_ascii_strcasecmp (cond->strings[i], stripped) == 0;
      if (!found)
        return FALSE;
    }

  return TRUE;
}

typedef struct {
  McFinding *finding;
  int        severity;
  guint      field_index;
  int        item_index;
  guint      sequence;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;

  if (x->severity != y->severity)
    return y->severity - x->severity;
  if (x->field_index != y->field_index)
    return x->field_index < y->field_index ? -1 : 1;
  if (x->item_index != y->item_index)
    return x->item_index - y->item_index;
  return x->sequence < y->sequence ? -1 : (x->sequence > y->sequence ? 1 : 0);
}

static guint
field_index (const char *id)
{
  guint n;
  const McField *all = mc_field_get_all (&n);
  const McField *field = id != NULL ? mc_field_lookup (id) : NULL;

  return field != NULL ? (guint) (field - all) : n;
}

/* Errors first, then warnings, then notes; in the order of the editor. */
static void
sort_findings (GPtrArray *findings)
{
  g_autofree SortEntry *entries = NULL;

  if (findings->len < 2)
    return;
  entries = g_new (SortEntry, findings->len);

  for (guint i = 0; i < findings->len; i++)
    {
      McFinding *finding = g_ptr_array_index (findings, i);

      entries[i].finding = finding;
      entries[i].severity = mc_finding_get_severity (finding);
      entries[i].field_index = field_index (mc_finding_get_field (finding));
      entries[i].item_index = mc_finding_get_item_index (finding);
      entries[i].sequence = i;
    }
  qsort (entries, findings->len, sizeof (SortEntry), compare_entries);
  for (guint i = 0; i < findings->len; i++)
    findings->pdata[i] = entries[i].finding;
}

/**
 * mc_validator_validate:
 * @self: a validator
 * @content: the revision to check
 * @profile_ids: (array zero-terminated=1): ids of the profiles to apply
 * @error: return location for a #MC_VALIDATOR_ERROR
 *
 * Returns: (transfer container) (element-type McFinding): the findings,
 *   sorted, or %NULL with @error set
 */
GPtrArray *
mc_validator_validate (McValidator         *self,
                       McRevision          *content,
                       const char * const  *profile_ids,
                       GError             **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  GDate today;
  McCheckContext ctx = { 0 };

  g_return_val_if_fail (MC_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (MC_IS_REVISION (content), NULL);
  g_return_val_if_fail (profile_ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  profiles = g_ptr_array_new ();
  for (guint i = 0; profile_ids[i] != NULL; i++)
    {
      McProfile *profile = mc_validator_find_profile (self, profile_ids[i]);

      if (profile == NULL)
        {
          g_set_error (error, MC_VALIDATOR_ERROR, MC_VALIDATOR_ERROR_UNKNOWN_PROFILE,
                       _("There is no policy profile “%s”"), profile_ids[i]);
          return NULL;
        }
      g_ptr_array_add (profiles, profile);
    }

  g_date_clear (&today, 1);
  if (self->today == NULL || !_mc_parse_iso_date (self->today, &today))
    g_date_set_time_t (&today, time (NULL));

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  ctx.validator = self;
  ctx.content = content;
  ctx.today = &today;
  ctx.institution_name = self->institution_name;
  ctx.institution_country = self->institution_country;
  ctx.findings = findings;

  for (guint p = 0; p < profiles->len; p++)
    {
      guint n_rules;
      const McRule *rules;

      ctx.profile = g_ptr_array_index (profiles, p);
      rules = _mc_profile_get_compiled_rules (ctx.profile, &n_rules);
      for (guint r = 0; r < n_rules; r++)
        {
          gboolean applies = TRUE;

          for (guint c = 0; c < rules[r].n_conditions && applies; c++)
            applies = condition_holds (&rules[r].conditions[c], content);
          if (!applies)
            continue;
          ctx.rule = &rules[r];
          rules[r].check->func (&ctx);
        }
    }

  sort_findings (findings);
  return g_steal_pointer (&findings);
}

guint
mc_validator_count (GPtrArray  *findings,
                    McSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (findings != NULL, 0);

  for (guint i = 0; i < findings->len; i++)
    if (mc_finding_get_severity (g_ptr_array_index (findings, i)) == severity)
      count++;
  return count;
}

/**
 * mc_validator_describe_counts:
 * @findings: (element-type McFinding): findings from mc_validator_validate()
 *
 * Returns: (transfer full): the counts per severity as one translated phrase
 */
char *
mc_validator_describe_counts (GPtrArray *findings)
{
  guint errors, warnings, notes;
  g_autofree char *e = NULL;
  g_autofree char *w = NULL;
  g_autofree char *n = NULL;

  g_return_val_if_fail (findings != NULL, NULL);

  errors = mc_validator_count (findings, MC_SEVERITY_ERROR);
  warnings = mc_validator_count (findings, MC_SEVERITY_WARNING);
  notes = mc_validator_count (findings, MC_SEVERITY_INFO);
  e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", notes), notes);
  /* Translators: the counts of findings, e.g. "2 errors, 1 warning, 3 notes";
   * reorder or re-punctuate as your language needs */
  return g_strdup_printf (_("%s, %s, %s"), e, w, n);
}
