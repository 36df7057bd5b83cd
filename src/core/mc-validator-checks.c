/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mc-field-schema-private.h"
#include "mc-validator-private.h"

/* The check kinds a profile rule can name.  The generic ones take their
 * parameters from the rule; the named ones express what data cannot (sums,
 * cross-references between lists, dates, the institution's context).
 * Each composes its own translatable message around the field's label. */

#define ANY_NUMBER (MC_FIELD_KIND_BIT (MC_FIELD_INT) | MC_FIELD_KIND_BIT (MC_FIELD_DOUBLE))
#define COMPARABLE (ANY_NUMBER | MC_FIELD_KIND_BIT (MC_FIELD_ENUM) | \
                    MC_FIELD_KIND_BIT (MC_FIELD_BOOLEAN) | \
                    MC_FIELD_KIND_BIT (MC_FIELD_STRING) | MC_FIELD_KIND_BIT (MC_FIELD_TEXT))

void
_mc_check_report (McCheckContext *ctx,
                  McSeverity      severity,
                  const char     *field,
                  int             item_index,
                  const char     *item_field,
                  char           *message)
{
  g_ptr_array_add (ctx->findings,
                   mc_finding_new (ctx->rule->id, mc_profile_get_id (ctx->profile), severity,
                                   field, item_index, item_field, message));
  g_free (message);
}

/* Reports at the rule's severity on the rule's field. */
static void
report (McCheckContext *ctx,
        int             item_index,
        const char     *item_field,
        char           *message)
{
  _mc_check_report (ctx, ctx->rule->severity, ctx->rule->field->id, item_index, item_field, message);
}

/* The numeric value of a scalar field of a revision or of an item: both
 * store the same field kinds, only the getters differ. */
static double
get_number (GObject     *object,
            McFieldKind  kind,
            const char  *field_id)
{
  gboolean is_item = MC_IS_ITEM (object);

  switch (kind)
    {
    case MC_FIELD_INT:
    case MC_FIELD_ENUM:
      return is_item ? mc_item_get_int (MC_ITEM (object), field_id)
                     : mc_revision_get_int (MC_REVISION (object), field_id);
    case MC_FIELD_DOUBLE:
      return is_item ? mc_item_get_double (MC_ITEM (object), field_id)
                     : mc_revision_get_double (MC_REVISION (object), field_id);
    case MC_FIELD_BOOLEAN:
      return (is_item ? mc_item_get_boolean (MC_ITEM (object), field_id)
                      : mc_revision_get_boolean (MC_REVISION (object), field_id)) ? 1 : 0;
    case MC_FIELD_FLAGS:
      return is_item ? mc_item_get_flags (MC_ITEM (object), field_id)
                     : mc_revision_get_flags (MC_REVISION (object), field_id);
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
    case MC_FIELD_STRV:
    case MC_FIELD_LIST:
    default:
      return 0;
    }
}

double
_mc_revision_get_number (McRevision    *content,
                         const McField *field)
{
  return get_number (G_OBJECT (content), field->kind, field->id);
}

double
_mc_item_get_number (McItem            *item,
                     const McItemField *field)
{
  return get_number (G_OBJECT (item), field->kind, field->id);
}

gboolean
_mc_item_field_is_empty (McItem            *item,
                         const McItemField *field)
{
  switch (field->kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      return _mc_text_is_blank (mc_item_get_string (item, field->id));
    case MC_FIELD_STRV:
      {
        const char * const *strv = mc_item_get_strv (item, field->id);
        return strv == NULL || strv[0] == NULL;
      }
    case MC_FIELD_ENUM:
      /* Choices that mean "not stated" have the nick "unset". */
      return g_strcmp0 (mc_enum_to_nick (field->get_type (), mc_item_get_int (item, field->id)),
                        "unset") == 0;
    case MC_FIELD_INT:
    case MC_FIELD_DOUBLE:
    case MC_FIELD_BOOLEAN:
    case MC_FIELD_FLAGS:
      return _mc_item_get_number (item, field) == 0;
    case MC_FIELD_LIST:
    default:
      return TRUE;
    }
}

static char *
format_number (double value)
{
  return g_strdup_printf ("%g", value);
}

static McItem *
list_item (GListModel *list,
           guint       index)
{
  McItem *item = g_list_model_get_item (list, index);

  /* The revision's store keeps the item alive while the check runs. */
  g_object_unref (item);
  return item;
}

static GListModel *
content_list (McCheckContext *ctx,
              const char     *list_id)
{
  return G_LIST_MODEL (mc_revision_get_list (ctx->content, list_id));
}

/* Generic: "required" — the field (or one of its alternatives) is set. */
static void
check_required (McCheckContext *ctx)
{
  const McRule *rule = ctx->rule;
  const char *label = mc_field_get_label (rule->field);
  g_autoptr(GString) labels = NULL;

  if (!mc_revision_field_is_empty (ctx->content, rule->field->id))
    return;

  if (rule->alternatives != NULL)
    {
      for (guint i = 0; i < rule->alternatives->len; i++)
        {
          const McField *alt = g_ptr_array_index (rule->alternatives, i);
          if (!mc_revision_field_is_empty (ctx->content, alt->id))
            return;
        }
      if (rule->alternatives->len == 1)
        {
          report (ctx, -1, NULL,
                  /* Translators: two field names, e.g. "ECTS credits or Notional
                   * learning hours: neither is filled in" */
                  g_strdup_printf (_("%s or %s: neither is filled in"), label,
                                   mc_field_get_label (g_ptr_array_index (rule->alternatives, 0))));
          return;
        }
      labels = g_string_new (label);
      for (guint i = 0; i < rule->alternatives->len; i++)
        {
          /* TRANSLATORS: separates field names in a list */
          g_string_append (labels, _(", "));
          g_string_append (labels, mc_field_get_label (g_ptr_array_index (rule->alternatives, i)));
        }
      report (ctx, -1, NULL,
              g_strdup_printf (_("None of these is filled in: %s"), labels->str));
      return;
    }

  if (rule->severity == MC_SEVERITY_INFO)
    report (ctx, -1, NULL,
            /* Translators: a field name, then a policy profile's name.  The
             * "Label: problem" form avoids agreeing a verb with the label. */
            g_strdup_printf (_("%s: not filled in; %s recommends it"),
                             label, mc_profile_get_name (ctx->profile)));
  else if (rule->field->kind == MC_FIELD_LIST)
    report (ctx, -1, NULL, g_strdup_printf (_("%s: add at least one"), label));
  else
    report (ctx, -1, NULL, g_strdup_printf (_("%s: not filled in"), label));
}

/* Generic: "range" — a number within [min, max], bounds optionally open. */
static void
check_range (McCheckContext *ctx)
{
  const McRule *rule = ctx->rule;
  const char *label = mc_field_get_label (rule->field);
  double value = _mc_revision_get_number (ctx->content, rule->field);
  g_autofree char *min = format_number (rule->min);
  g_autofree char *max = format_number (rule->max);
  g_autofree char *actual = format_number (value);
  g_autofree char *limit = NULL;

  if ((!rule->has_min || (rule->min_exclusive ? value > rule->min : value >= rule->min)) &&
      (!rule->has_max || (rule->max_exclusive ? value < rule->max : value <= rule->max)))
    return;

  if (rule->has_min && rule->has_max)
    {
      if (!rule->min_exclusive && !rule->max_exclusive)
        limit = g_strdup_printf (_("%s must be between %s and %s"), label, min, max);
      else if (rule->min_exclusive && rule->max_exclusive)
        limit = g_strdup_printf (_("%s must be more than %s and less than %s"), label, min, max);
      else if (rule->min_exclusive)
        limit = g_strdup_printf (_("%s must be more than %s and at most %s"), label, min, max);
      else
        limit = g_strdup_printf (_("%s must be at least %s and less than %s"), label, min, max);
    }
  else if (rule->has_min)
    limit = rule->min_exclusive
      ? g_strdup_printf (_("%s must be more than %s"), label, min)
      : g_strdup_printf (_("%s must be at least %s"), label, min);
  else
    limit = rule->max_exclusive
      ? g_strdup_printf (_("%s must be less than %s"), label, max)
      : g_strdup_printf (_("%s must be at most %s"), label, max);

  /* TRANSLATORS: "<limit>; it is <value> (<profile name>)" */
  report (ctx, -1, NULL, g_strdup_printf (_("%s; it is %s (%s)"), limit, actual,
                                          mc_profile_get_name (ctx->profile)));
}

static char *
describe_value (const McField *field,
                double         value)
{
  if (field->kind == MC_FIELD_ENUM)
    return g_strdup (mc_enum_label (field->get_type (), (guint) value));
  return format_number (value);
}

/* Generic: "one_of" — the value is one of a list. */
static void
check_one_of (McCheckContext *ctx)
{
  const McRule *rule = ctx->rule;
  const char *label = mc_field_get_label (rule->field);
  const char *profile = mc_profile_get_name (ctx->profile);
  g_autoptr(GString) allowed = g_string_new (NULL);
  guint n_allowed = 0;

  if (rule->strings != NULL)
    {
      const char *value = mc_revision_get_string (ctx->content, rule->field->id);
      g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));

      for (guint i = 0; rule->strings[i] != NULL; i++)
        if (g_ascii_strcasecmp (rule->strings[i], stripped) == 0)
          return;
      for (guint i = 0; rule->strings[i] != NULL; i++, n_allowed++)
        g_string_append_printf (allowed, "%s%s", i > 0 ? _(", ") : "", rule->strings[i]);
    }
  else
    {
      double value = _mc_revision_get_number (ctx->content, rule->field);

      for (guint i = 0; i < rule->numbers->len; i++)
        if (g_array_index (rule->numbers, double, i) == value)
          return;
      if (rule->field->kind == MC_FIELD_BOOLEAN && rule->numbers->len == 1)
        {
          if (g_array_index (rule->numbers, double, 0) != 0)
            report (ctx, -1, NULL, g_strdup_printf (_("%s is required by %s"), label, profile));
          else
            report (ctx, -1, NULL, g_strdup_printf (_("%s is not allowed by %s"), label, profile));
          return;
        }
      for (guint i = 0; i < rule->numbers->len; i++, n_allowed++)
        {
          g_autofree char *text = describe_value (rule->field, g_array_index (rule->numbers, double, i));
          g_string_append_printf (allowed, "%s%s", i > 0 ? _(", ") : "", text);
        }
    }

  if (n_allowed == 1)
    report (ctx, -1, NULL, g_strdup_printf (_("%s must be %s (%s)"), label, allowed->str, profile));
  else
    report (ctx, -1, NULL,
            g_strdup_printf (_("%s must be one of %s (%s)"), label, allowed->str, profile));
}

/* Generic: "items-required" — every item of a list has the item field set. */
static void
check_items_required (McCheckContext *ctx)
{
  const McRule *rule = ctx->rule;
  GListModel *list = content_list (ctx, rule->field->id);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    if (_mc_item_field_is_empty (list_item (list, i), rule->item_field))
      report (ctx, (int) i, rule->item_field->id,
              g_strdup_printf (_("%s is missing in item %u of %s"),
                               mc_item_field_get_label (rule->item_field), i + 1,
                               mc_field_get_label (rule->field)));
}

/* Named checks, for what a rule cannot say as data. */

static GHashTable *
outcome_codes (McCheckContext *ctx)
{
  GListModel *outcomes = content_list (ctx, "outcomes");
  GHashTable *codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      const char *code = mc_item_get_string (list_item (outcomes, i), "code");
      if (!_mc_text_is_blank (code))
        g_hash_table_add (codes, (gpointer) code);
    }
  return codes;
}

/* Every outcome code is covered by some assessment component. */
static void
check_outcomes_assessed (McCheckContext *ctx)
{
  GListModel *outcomes = content_list (ctx, "outcomes");
  GListModel *assessments = content_list (ctx, "assessments");
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      const char * const *codes = mc_item_get_strv (list_item (assessments, i), "outcomes");
      for (guint j = 0; codes != NULL && codes[j] != NULL; j++)
        g_hash_table_add (covered, (gpointer) codes[j]);
    }

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      const char *code = mc_item_get_string (list_item (outcomes, i), "code");

      if (!_mc_text_is_blank (code) && !g_hash_table_contains (covered, code))
        report (ctx, (int) i, "code",
                g_strdup_printf (_("%s: “%s” is not covered by any assessment component"),
                                 mc_field_get_label (ctx->rule->field), code));
    }
}

/* The weights of the assessment components add up to 100 %. */
static void
check_weights_sum (McCheckContext *ctx)
{
  GListModel *assessments = content_list (ctx, "assessments");
  guint n = g_list_model_get_n_items (assessments);
  g_autofree char *total = NULL;
  double sum = 0;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    sum += mc_item_get_double (list_item (assessments, i), "weight");
  if (fabs (sum - 100) < 0.001)
    return;

  total = format_number (sum);
  report (ctx, -1, NULL,
          g_strdup_printf (_("%s: the weights add up to %s %%, not 100 %%"),
                           mc_field_get_label (ctx->rule->field), total));
}

/* Notional hours per ECTS credit within the rule's min and max. */
static void
check_hours_per_ects (McCheckContext *ctx)
{
  const McRule *rule = ctx->rule;
  double ects = mc_revision_get_double (ctx->content, "ects");
  int hours = mc_revision_get_int (ctx->content, "hours");
  g_autofree char *ratio = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *min = format_number (rule->min);
  g_autofree char *max = format_number (rule->max);

  if (ects <= 0 || hours <= 0)
    return;
  if (hours / ects >= rule->min && hours / ects <= rule->max)
    return;

  ratio = g_strdup_printf ("%.1f", hours / ects);
  credits = format_number (ects);
  report (ctx, -1, NULL,
          g_strdup_printf (_("%s: %d hours for %s ECTS credits make %s hours per credit, "
                             "outside %s to %s"),
                           mc_field_get_label (rule->field), hours, credits, ratio, min, max));
}

/* Partner agreements: a real date, not past; a warning when close. */
static void
check_partner_agreements (McCheckContext *ctx)
{
  GListModel *partners = content_list (ctx, "partners");
  const McItemField *expiry_field = mc_item_field_lookup ("partners", "agreement_expiry");
  const char *label = mc_item_field_get_label (expiry_field);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      McItem *partner = list_item (partners, i);
      const char *expiry = mc_item_get_string (partner, "agreement_expiry");
      const char *name = mc_item_get_string (partner, "name");
      g_autofree char *who = NULL;
      GDate date;
      int days;

      if (_mc_text_is_blank (expiry))
        continue;
      who = _mc_text_is_blank (name) ? g_strdup_printf (_("no. %u"), i + 1) : g_strdup (name);

      g_date_clear (&date, 1);
      if (!_mc_parse_iso_date (expiry, &date))
        {
          report (ctx, (int) i, "agreement_expiry",
                  g_strdup_printf (_("%s (partner %s): “%s” is not a date of the form YYYY-MM-DD"),
                                   label, who, expiry));
          continue;
        }

      days = g_date_days_between (ctx->today, &date);
      if (days < 0)
        report (ctx, (int) i, "agreement_expiry",
                g_strdup_printf (_("%s (partner %s): the agreement expired on %s"),
                                 label, who, expiry));
      else if (days < ctx->rule->warn_days)
        _mc_check_report (ctx, MIN (ctx->rule->severity, MC_SEVERITY_WARNING),
                          ctx->rule->field->id, (int) i, "agreement_expiry",
                          g_strdup_printf (ngettext ("%s (partner %s): the agreement expires "
                                                     "on %s, in %d day",
                                                     "%s (partner %s): the agreement expires "
                                                     "on %s, in %d days",
                                                     (gulong) days),
                                           label, who, expiry, days));
    }
}

/* A stackable credential names what it stacks towards. */
static void
check_stack_targets_named (McCheckContext *ctx)
{
  GListModel *targets = content_list (ctx, "stack_targets");
  const char *label = mc_field_get_label (ctx->rule->field);
  guint n = g_list_model_get_n_items (targets);

  if (mc_revision_get_int (ctx->content, "stackability") != MC_STACKABILITY_STACKABLE)
    return;
  if (n == 0)
    report (ctx, -1, NULL,
            g_strdup_printf (_("%s: a stackable credential needs at least one target"), label));
  for (guint i = 0; i < n; i++)
    if (_mc_text_is_blank (mc_item_get_string (list_item (targets, i), "name")))
      report (ctx, (int) i, "name", g_strdup_printf (_("%s: target %u has no name"), label, i + 1));
}

/* Returns whether some component is summative (and, if @with_id, supervised
 * with identity verification). */
static gboolean
has_summative (McCheckContext *ctx,
               gboolean        with_id)
{
  GListModel *assessments = content_list (ctx, "assessments");

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      McItem *component = list_item (assessments, i);

      if (mc_item_get_boolean (component, "summative") &&
          (!with_id || mc_item_get_int (component, "supervision") == MC_SUPERVISION_SUPERVISED_WITH_ID))
        return TRUE;
    }
  return FALSE;
}

static void
check_summative_assessment (McCheckContext *ctx)
{
  if (!has_summative (ctx, FALSE))
    report (ctx, -1, NULL, g_strdup_printf (_("%s: no component is summative"),
                                            mc_field_get_label (ctx->rule->field)));
}

static void
check_identity_verification (McCheckContext *ctx)
{
  if (!has_summative (ctx, TRUE))
    report (ctx, -1, NULL,
            g_strdup_printf (_("%s: no summative component is “%s”"),
                             mc_field_get_label (ctx->rule->field),
                             mc_enum_label (MC_TYPE_SUPERVISION, MC_SUPERVISION_SUPERVISED_WITH_ID)));
}

/* Components name only outcome codes that exist. */
static void
check_assessment_outcome_codes (McCheckContext *ctx)
{
  GListModel *assessments = content_list (ctx, "assessments");
  g_autoptr(GHashTable) codes = outcome_codes (ctx);
  const char *label = mc_item_field_get_label (mc_item_field_lookup ("assessments", "outcomes"));

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      const char * const *named = mc_item_get_strv (list_item (assessments, i), "outcomes");

      for (guint j = 0; named != NULL && named[j] != NULL; j++)
        if (!g_hash_table_contains (codes, named[j]))
          report (ctx, (int) i, "outcomes",
                  g_strdup_printf (_("%s of component %u: no learning outcome has the code “%s”"),
                                   label, i + 1, named[j]));
    }
}

static void
check_unique_outcome_codes (McCheckContext *ctx)
{
  GListModel *outcomes = content_list (ctx, "outcomes");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *label = mc_item_field_get_label (mc_item_field_lookup ("outcomes", "code"));

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      const char *code = mc_item_get_string (list_item (outcomes, i), "code");

      if (_mc_text_is_blank (code))
        continue;
      if (!g_hash_table_add (seen, (gpointer) code))
        report (ctx, (int) i, "code",
                g_strdup_printf (_("%s “%s” is used by more than one outcome"), label, code));
    }
}

/* The institution's country (the application's preferences, or mcred's
 * --country) is a two-letter ISO code.  The message names no way to set it:
 * the window and the command line each have their own. */
static void
check_issuer_country (McCheckContext *ctx)
{
  const char *country = ctx->institution_country;
  const char *label = mc_field_get_label (ctx->rule->field);

  if (country == NULL)
    report (ctx, -1, NULL,
            g_strdup_printf (_("%s: the country of the issuing institution is not set"),
                             label));
  else if (strlen (country) != 2 || !g_ascii_isupper (country[0]) || !g_ascii_isupper (country[1]))
    report (ctx, -1, NULL,
            g_strdup_printf (_("%s: “%s” is not a two-letter country code"), label, country));
}

static void
check_awarding_body (McCheckContext *ctx)
{
  if (mc_revision_field_is_empty (ctx->content, ctx->rule->field->id) &&
      ctx->institution_name == NULL)
    report (ctx, -1, NULL,
            g_strdup_printf (_("%s: not filled in, and no institution name is set"),
                             mc_field_get_label (ctx->rule->field)));
}

/* UK credits (CATS) are twice the ECTS credits and must be whole. */
static void
check_cats_credit (McCheckContext *ctx)
{
  double ects = mc_revision_get_double (ctx->content, "ects");
  const char *label = mc_field_get_label (ctx->rule->field);
  g_autofree char *credits = format_number (ects);
  g_autofree char *cats = format_number (2 * ects);

  if (ects <= 0)
    report (ctx, -1, NULL,
            g_strdup_printf (_("%s is missing: UK credits (CATS) are twice the ECTS credits"), label));
  else if (fabs (2 * ects - round (2 * ects)) > 1e-6)
    report (ctx, -1, NULL,
            g_strdup_printf (_("%s: %s ECTS credits make %s UK credits (CATS), "
                               "which is not a whole number"), label, credits, cats));
}

/* An EQF level, or a national framework with its level. */
static void
check_level_stated (McCheckContext *ctx)
{
  if (mc_revision_get_int (ctx->content, "eqf_level") > 0)
    return;
  if (!mc_revision_field_is_empty (ctx->content, "nqf_name") &&
      !mc_revision_field_is_empty (ctx->content, "nqf_level"))
    return;
  report (ctx, -1, NULL,
          g_strdup_printf (_("%s: state an EQF level, or a national framework and its level"),
                           mc_field_get_label (ctx->rule->field)));
}

/* CMF: EQF 6 or 7, or 5 with ECTS credits within the rule's min and max. */
static void
check_cmf_level (McCheckContext *ctx)
{
  const McRule *rule = ctx->rule;
  int level = mc_revision_get_int (ctx->content, "eqf_level");
  double ects = mc_revision_get_double (ctx->content, "ects");
  g_autofree char *min = format_number (rule->min);
  g_autofree char *max = format_number (rule->max);

  if (level == 6 || level == 7)
    return;
  if (level == 5 && ects >= rule->min && ects <= rule->max)
    return;
  report (ctx, -1, NULL,
          g_strdup_printf (_("%s must be 6 or 7, or 5 with %s to %s ECTS credits (%s)"),
                           mc_field_get_label (rule->field), min, max,
                           mc_profile_get_name (ctx->profile)));
}

#define NAMED(name, func, fields) { name, func, 0, 0, 0, fields, FALSE }
#define NAMED_CHECK_KINDS \
  NAMED ("outcomes-assessed", check_outcomes_assessed, "outcomes"), \
  NAMED ("weights-sum", check_weights_sum, "assessments"), \
  { "hours-per-ects", check_hours_per_ects, MC_PARAM_MIN | MC_PARAM_MAX, \
    MC_PARAM_MIN | MC_PARAM_MAX, 0, "hours ects", FALSE }, \
  { "partner-agreements", check_partner_agreements, MC_PARAM_WARN_DAYS, 0, 0, "partners", FALSE }, \
  NAMED ("stack-targets-named", check_stack_targets_named, "stack_targets"), \
  NAMED ("summative-assessment", check_summative_assessment, "assessments"), \
  NAMED ("identity-verification", check_identity_verification, "assessments"), \
  NAMED ("assessment-outcome-codes", check_assessment_outcome_codes, "assessments"), \
  NAMED ("unique-outcome-codes", check_unique_outcome_codes, "outcomes"), \
  NAMED ("issuer-country", check_issuer_country, "awarding_body"), \
  NAMED ("awarding-body", check_awarding_body, "awarding_body"), \
  NAMED ("cats-credit", check_cats_credit, "ects"), \
  NAMED ("level-stated", check_level_stated, "eqf_level"), \
  { "cmf-level", check_cmf_level, MC_PARAM_MIN | MC_PARAM_MAX, \
    MC_PARAM_MIN | MC_PARAM_MAX, 0, "eqf_level", FALSE }

static const McCheckKind check_kinds[] = {
  { "required", check_required, MC_PARAM_ALTERNATIVES, 0, 0, NULL, FALSE },
  { "range", check_range,
    MC_PARAM_MIN | MC_PARAM_MAX | MC_PARAM_MIN_EXCLUSIVE | MC_PARAM_MAX_EXCLUSIVE, 0,
    ANY_NUMBER, NULL, TRUE },
  { "one_of", check_one_of, MC_PARAM_VALUES, MC_PARAM_VALUES, COMPARABLE, NULL, FALSE },
  { "items-required", check_items_required, MC_PARAM_ITEM_FIELD, MC_PARAM_ITEM_FIELD,
    MC_FIELD_KIND_BIT (MC_FIELD_LIST), NULL, FALSE },
  NAMED_CHECK_KINDS
};

const McCheckKind *
_mc_check_kind_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (check_kinds); i++)
    if (g_str_equal (check_kinds[i].name, name))
      return &check_kinds[i];
  return NULL;
}

const McCheckKind *
_mc_check_kind_get_all (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (check_kinds);
  return check_kinds;
}
