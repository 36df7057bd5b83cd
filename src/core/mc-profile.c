/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-core-private.h"
#include "mc-json-private.h"
#include "mc-profile.h"
#include "mc-validator-private.h"

/* A policy profile is data an administrator may edit, so loading is strict:
 * anything the validator would not understand (an unknown check, field or
 * member, a bad severity, a newer format version) is refused with a message
 * that names the rule, instead of being silently ignored. */

#define PROFILE_FORMAT  "io.github.microcred.profile"
#define PROFILE_VERSION 1
/* A profile is a list of flat rules; nothing deeper is ever needed. */
#define MC_PROFILE_MAX_DEPTH 16

struct _McProfile
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *description;
  char      *source;
  JsonArray *rules_json;
  McRule    *rules;
  guint      n_rules;
};

G_DEFINE_TYPE (McProfile, mc_profile, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-profile-error-quark, mc_profile_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *name;
  McParam     param;
} param_names[] = {
  { "min", MC_PARAM_MIN },
  { "max", MC_PARAM_MAX },
  { "min_exclusive", MC_PARAM_MIN_EXCLUSIVE },
  { "max_exclusive", MC_PARAM_MAX_EXCLUSIVE },
  { "values", MC_PARAM_VALUES },
  { "item_field", MC_PARAM_ITEM_FIELD },
  { "alternatives", MC_PARAM_ALTERNATIVES },
  { "warn_days", MC_PARAM_WARN_DAYS },
};

/* Names and descriptions of the built-in profiles, repeated here because
 * xgettext cannot read the JSON files; the tests check that every built-in
 * profile's strings are in this list. */
static const char * const builtin_strings[] = {
  /* TRANSLATORS: name of a policy profile */
  N_("Common Microcredential Framework"),
  N_("The conditions of the European MOOC Consortium's Common Microcredential "
     "Framework: 100 to 150 hours including the summative assessment, EQF level 6 or 7"
     " (or 5 with matching credits), credit awarded by a summative assessment with "
     "identity verification, and a transcript of outcomes, hours, level and credits."),
  /* TRANSLATORS: name of a policy profile */
  N_("Internal consistency"),
  N_("Checks that the parts of a design agree with each other: every outcome is "
     "assessed, weights add up, the workload matches the credits, partner agreements "
     "are current and every listed item is complete."),
  /* TRANSLATORS: name of a policy profile */
  N_("EU Council Recommendation"),
  N_("The elements every micro-credential must state under the 2022 Council "
     "Recommendation on a European approach to micro-credentials, and the optional "
     "elements it suggests."),
  /* TRANSLATORS: name of a policy profile */
  N_("MicroHE typology"),
  N_("The workload ranges of the three kinds of micro-credential in the MicroHE "
     "typology, and the rule that anything from 30 ECTS credits up is no longer a "
     "micro-credential."),
  /* TRANSLATORS: name of a policy profile */
  N_("UK QAA practice"),
  N_("What UK higher education expects of a credit-bearing micro-credential: a level "
     "on FHEQ, SCQF or CQFW, UK credits that are a whole number, a stated mark scheme,"
     " aims, subject codes and the mode of study."),
  NULL
};

static void
condition_clear (McCondition *cond)
{
  g_clear_pointer (&cond->numbers, g_array_unref);
  g_clear_pointer (&cond->strings, g_strfreev);
}

static void
rule_clear (McRule *rule)
{
  g_clear_pointer (&rule->id, g_free);
  g_clear_pointer (&rule->alternatives, g_ptr_array_unref);
  g_clear_pointer (&rule->numbers, g_array_unref);
  g_clear_pointer (&rule->strings, g_strfreev);
  for (guint i = 0; i < rule->n_conditions; i++)
    condition_clear (&rule->conditions[i]);
  g_clear_pointer (&rule->conditions, g_free);
}

/* Sets a "rule N: ..." error; @detail is already translated. */
static void
set_rule_error (GError    **error,
                guint       index,
                const char *rule_id,
                const char *detail)
{
  if (rule_id != NULL)
    g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                 _("Rule “%s”: %s"), rule_id, detail);
  else
    g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                 _("Rule %u: %s"), index + 1, detail);
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Parses one value of @field ("module", true, 25, "FHEQ") into @numbers or
 * @strings; returns a translated complaint, or NULL when it is fine. */
static char *
parse_value (const McField *field,
             JsonNode      *node,
             GArray        *numbers,
             GPtrArray     *strings)
{
  double number;

  switch (field->kind)
    {
    case MC_FIELD_ENUM:
      {
        int value;

        if (!node_is_type (node, G_TYPE_STRING) ||
            !mc_enum_from_nick (field->get_type (), json_node_get_string (node), &value))
          return g_strdup_printf (_("“%s” takes one of the names of its choices"), field->id);
        number = value;
        g_array_append_val (numbers, number);
        return NULL;
      }
    case MC_FIELD_BOOLEAN:
      if (!node_is_type (node, G_TYPE_BOOLEAN))
        return g_strdup_printf (_("“%s” takes true or false"), field->id);
      number = json_node_get_boolean (node) ? 1 : 0;
      g_array_append_val (numbers, number);
      return NULL;
    case MC_FIELD_INT:
    case MC_FIELD_DOUBLE:
      if (!node_is_number (node))
        return g_strdup_printf (_("“%s” takes numbers"), field->id);
      number = json_node_get_double (node);
      g_array_append_val (numbers, number);
      return NULL;
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      if (!node_is_type (node, G_TYPE_STRING))
        return g_strdup_printf (_("“%s” takes text"), field->id);
      g_ptr_array_add (strings, g_strdup (json_node_get_string (node)));
      return NULL;
    case MC_FIELD_FLAGS:
    case MC_FIELD_STRV:
    case MC_FIELD_LIST:
    default:
      return g_strdup_printf (_("values of “%s” cannot be compared"), field->id);
    }
}

/* A single value or an array of values. */
static char *
parse_values (const McField  *field,
              JsonNode       *node,
              GArray        **numbers_out,
              GStrv          *strings_out)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        return g_strdup (_("the list of values is empty"));
      for (guint i = 0; i < n; i++)
        {
          char *complaint = parse_value (field, json_array_get_element (array, i), numbers, strings);
          if (complaint != NULL)
            return complaint;
        }
    }
  else
    {
      char *complaint = parse_value (field, node, numbers, strings);
      if (complaint != NULL)
        return complaint;
    }

  if (strings->len > 0)
    {
      g_ptr_array_add (strings, NULL);
      *strings_out = (GStrv) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
    }
  else
    *numbers_out = g_steal_pointer (&numbers);
  return NULL;
}

static char *
parse_condition (const char  *field_id,
                 JsonNode    *node,
                 McCondition *cond)
{
  cond->field = mc_field_lookup (field_id);
  if (cond->field == NULL)
    return g_strdup_printf (_("“when” names an unknown field “%s”"), field_id);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (members == NULL)
        return g_strdup_printf (_("the condition on “%s” is empty"), field_id);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          JsonNode *value = json_object_get_member (object, name);

          if (g_str_equal (name, "empty") && node_is_type (value, G_TYPE_BOOLEAN))
            {
              cond->test_empty = TRUE;
              cond->empty = json_node_get_boolean (value);
            }
          else if ((g_str_equal (name, "min") || g_str_equal (name, "max")) &&
                   node_is_number (value) &&
                   (cond->field->kind == MC_FIELD_INT || cond->field->kind == MC_FIELD_DOUBLE))
            {
              if (!cond->test_range)
                {
                  cond->test_range = TRUE;
                  cond->min = -G_MAXDOUBLE;
                  cond->max = G_MAXDOUBLE;
                }
              if (g_str_equal (name, "min"))
                cond->min = json_node_get_double (value);
              else
                cond->max = json_node_get_double (value);
            }
          else
            return g_strdup_printf (_("the condition on “%s” has an unknown or mistyped member “%s”"),
                                    field_id, name);
        }
      /* A condition no value meets would switch its rule off silently. */
      if (cond->test_range && cond->min > cond->max)
        return g_strdup_printf (_("the condition on “%s” has “min” greater than “max”"), field_id);
      return NULL;
    }

  return parse_values (cond->field, node, &cond->numbers, &cond->strings);
}

static char *
parse_when (JsonNode *node,
            McRule   *rule)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  guint i = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("“when” must be an object of field conditions"));

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  rule->n_conditions = g_list_length (members);
  rule->conditions = g_new0 (McCondition, rule->n_conditions);
  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      char *complaint = parse_condition (l->data, json_object_get_member (object, l->data),
                                         &rule->conditions[i]);
      if (complaint != NULL)
        return complaint;
    }
  return NULL;
}

/* One parameter of a rule (anything but id, severity, check, field, when). */
static char *
parse_param (McRule     *rule,
             McParam     param,
             const char *name,
             JsonNode   *node)
{
  switch (param)
    {
    case MC_PARAM_MIN:
    case MC_PARAM_MAX:
      if (!node_is_number (node))
        return g_strdup_printf (_("“%s” must be a number"), name);
      if (param == MC_PARAM_MIN)
        {
          rule->min = json_node_get_double (node);
          rule->has_min = TRUE;
        }
      else
        {
          rule->max = json_node_get_double (node);
          rule->has_max = TRUE;
        }
      return NULL;
    case MC_PARAM_MIN_EXCLUSIVE:
    case MC_PARAM_MAX_EXCLUSIVE:
      if (!node_is_type (node, G_TYPE_BOOLEAN))
        return g_strdup_printf (_("“%s” must be true or false"), name);
      if (param == MC_PARAM_MIN_EXCLUSIVE)
        rule->min_exclusive = json_node_get_boolean (node);
      else
        rule->max_exclusive = json_node_get_boolean (node);
      return NULL;
    case MC_PARAM_VALUES:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return g_strdup (_("“values” must be a list"));
      return parse_values (rule->field, node, &rule->numbers, &rule->strings);
    case MC_PARAM_ITEM_FIELD:
      if (!node_is_type (node, G_TYPE_STRING))
        return g_strdup (_("“item_field” must be text"));
      rule->item_field = mc_item_field_lookup (rule->field->id, json_node_get_string (node));
      if (rule->item_field == NULL)
        return g_strdup_printf (_("items of “%s” have no field “%s”"),
                                rule->field->id, json_node_get_string (node));
      return NULL;
    case MC_PARAM_ALTERNATIVES:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node) ||
            json_array_get_length (json_node_get_array (node)) == 0)
          return g_strdup (_("“alternatives” must be a list of field ids"));
        array = json_node_get_array (node);
        rule->alternatives = g_ptr_array_new ();
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            const McField *field = NULL;

            if (node_is_type (element, G_TYPE_STRING))
              field = mc_field_lookup (json_node_get_string (element));
            if (field == NULL || field->kind == MC_FIELD_LIST)
              return g_strdup_printf (_("“alternatives” names an unknown field “%s”"),
                                      node_is_type (element, G_TYPE_STRING)
                                        ? json_node_get_string (element) : "?");
            g_ptr_array_add (rule->alternatives, (gpointer) field);
          }
        return NULL;
      }
    case MC_PARAM_WARN_DAYS:
      if (!node_is_type (node, G_TYPE_INT64) ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > 3650)
        return g_strdup (_("“warn_days” must be a whole number of days between 0 and 3650"));
      rule->warn_days = (int) json_node_get_int (node);
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_identifier (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !node_is_type (node, G_TYPE_STRING))
    return NULL;
  return json_node_get_string (node);
}

static gboolean
field_fits_check (const McField     *field,
                  const McCheckKind *check)
{
  if (check->field_kinds != 0 && (check->field_kinds & MC_FIELD_KIND_BIT (field->kind)) == 0)
    return FALSE;
  if (check->fields != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (check->fields, " ", -1);
      return g_strv_contains ((const char * const *) ids, field->id);
    }
  return TRUE;
}

/* Returns a translated complaint about the rule, or NULL. */
static char *
parse_rule_members (JsonObject *object,
                    McRule     *rule)
{
  const char *check_name = member_string (object, "check");
  const char *field_id = member_string (object, "field");
  const char *severity = member_string (object, "severity");
  g_autoptr(GList) members = NULL;
  guint given = 0;

  if (check_name == NULL)
    return g_strdup (_("“check” is missing"));
  rule->check = _mc_check_kind_lookup (check_name);
  if (rule->check == NULL)
    return g_strdup_printf (_("unknown check “%s”"), check_name);

  if (field_id == NULL)
    return g_strdup (_("“field” is missing"));
  rule->field = mc_field_lookup (field_id);
  if (rule->field == NULL)
    return g_strdup_printf (_("unknown field “%s”"), field_id);
  if (!field_fits_check (rule->field, rule->check))
    return g_strdup_printf (_("check “%s” cannot be applied to field “%s”"), check_name, field_id);

  if (g_strcmp0 (severity, "error") == 0)
    rule->severity = MC_SEVERITY_ERROR;
  else if (g_strcmp0 (severity, "warning") == 0)
    rule->severity = MC_SEVERITY_WARNING;
  else if (g_strcmp0 (severity, "info") == 0)
    rule->severity = MC_SEVERITY_INFO;
  else
    return g_strdup (_("“severity” must be “error”, “warning” or “info”"));

  rule->warn_days = 90;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);
      McParam param = 0;
      char *complaint;

      if (g_str_equal (name, "id") || g_str_equal (name, "check") ||
          g_str_equal (name, "field") || g_str_equal (name, "severity"))
        continue;
      if (g_str_equal (name, "when"))
        {
          complaint = parse_when (node, rule);
          if (complaint != NULL)
            return complaint;
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (param_names); i++)
        if (g_str_equal (param_names[i].name, name))
          param = param_names[i].param;
      if (param == 0)
        return g_strdup_printf (_("unknown member “%s”"), name);
      if ((rule->check->params & param) == 0)
        return g_strdup_printf (_("check “%s” does not take “%s”"), check_name, name);
      complaint = parse_param (rule, param, name, node);
      if (complaint != NULL)
        return complaint;
      given |= param;
    }

  for (guint i = 0; i < G_N_ELEMENTS (param_names); i++)
    if ((rule->check->required_params & param_names[i].param) != 0 &&
        (given & param_names[i].param) == 0)
      return g_strdup_printf (_("check “%s” needs “%s”"), check_name, param_names[i].name);
  if (rule->check->needs_bound && !rule->has_min && !rule->has_max)
    return g_strdup_printf (_("check “%s” needs “min” or “max”"), check_name);
  if (rule->has_min && rule->has_max && rule->min > rule->max)
    return g_strdup (_("“min” is greater than “max”"));
  /* Bounds that no value can meet would fail every design; a flag without
   * its bound would be ignored.  Neither is what the author meant. */
  if (rule->min_exclusive && !rule->has_min)
    return g_strdup (_("“min_exclusive” is given without “min”"));
  if (rule->max_exclusive && !rule->has_max)
    return g_strdup (_("“max_exclusive” is given without “max”"));
  if (rule->has_min && rule->has_max && rule->min == rule->max &&
      (rule->min_exclusive || rule->max_exclusive))
    return g_strdup (_("no value lies between “min” and “max”"));

  return NULL;
}

static gboolean
parse_rules (McProfile  *self,
             JsonArray  *array,
             GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  self->n_rules = json_array_get_length (array);
  self->rules = g_new0 (McRule, self->n_rules);

  for (guint i = 0; i < self->n_rules; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      McRule *rule = &self->rules[i];
      g_autofree char *complaint = NULL;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_rule_error (error, i, NULL, _("a rule must be an object"));
          return FALSE;
        }
      id = member_string (json_node_get_object (node), "id");
      if (!is_identifier (id))
        {
          set_rule_error (error, i, NULL,
                          _("“id” must be lower-case letters, digits, dots, dashes and underscores"));
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) id))
        {
          set_rule_error (error, i, id, _("another rule has the same id"));
          return FALSE;
        }
      rule->id = g_strdup (id);
      complaint = parse_rule_members (json_node_get_object (node), rule);
      if (complaint != NULL)
        {
          set_rule_error (error, i, id, complaint);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_profile (McProfile  *self,
               JsonNode   *root,
               GError    **error)
{
  static const char * const known[] = {
    "format", "version", "id", "name", "description", "source", "rules", NULL
  };
  static const char * const texts[] = { "name", "description", "source" };
  JsonObject *object;
  JsonNode *version;
  JsonNode *rules;
  g_autoptr(GList) members = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                   _("A policy profile must be a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (g_strcmp0 (member_string (object, "format"), PROFILE_FORMAT) != 0)
    {
      g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                   _("This is not a policy profile: “format” must be “%s”"), PROFILE_FORMAT);
      return FALSE;
    }
  version = json_object_get_member (object, "version");
  if (version == NULL || !node_is_type (version, G_TYPE_INT64))
    {
      g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                   _("The policy profile has no format “version”"));
      return FALSE;
    }
  if (json_node_get_int (version) != PROFILE_VERSION)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                   _("The policy profile has format version %s, but only version %d is understood"),
                   found, PROFILE_VERSION);
      return FALSE;
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                     _("The policy profile has an unknown member “%s”"), (const char *) l->data);
        return FALSE;
      }

  if (!is_identifier (member_string (object, "id")))
    {
      g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                   _("The policy profile’s “id” must be lower-case letters, digits, dots, "
                     "dashes and underscores"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *value = member_string (object, texts[i]);

      if (value == NULL || *value == '\0')
        {
          g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                       _("The policy profile’s “%s” is missing"), texts[i]);
          return FALSE;
        }
    }
  rules = json_object_get_member (object, "rules");
  if (rules == NULL || !JSON_NODE_HOLDS_ARRAY (rules))
    {
      g_set_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID,
                   _("The policy profile’s “rules” must be a list"));
      return FALSE;
    }

  self->id = g_strdup (member_string (object, "id"));
  self->name = g_strdup (member_string (object, "name"));
  self->description = g_strdup (member_string (object, "description"));
  self->source = g_strdup (member_string (object, "source"));
  self->rules_json = json_array_ref (json_node_get_array (rules));

  if (!parse_rules (self, self->rules_json, error))
    {
      g_prefix_error (error, _("Policy profile “%s”: "), self->id);
      return FALSE;
    }
  return TRUE;
}

static void
mc_profile_finalize (GObject *object)
{
  McProfile *self = MC_PROFILE (object);

  for (guint i = 0; i < self->n_rules; i++)
    rule_clear (&self->rules[i]);
  g_free (self->rules);
  g_clear_pointer (&self->rules_json, json_array_unref);
  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->source);

  G_OBJECT_CLASS (mc_profile_parent_class)->finalize (object);
}

static void
mc_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  McProfile *self = MC_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, mc_profile_get_id (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, mc_profile_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, mc_profile_get_description (self));
      break;
    case PROP_SOURCE:
      g_value_set_string (value, mc_profile_get_source (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_profile_class_init (McProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_profile_finalize;
  object_class->get_property = mc_profile_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_profile_init (McProfile *self)
{
}

/**
 * mc_profile_new_from_bytes:
 * @bytes: the JSON text of a profile
 * @error: return location for a #MC_PROFILE_ERROR
 *
 * Parses a policy profile and checks every rule against the fields and
 * check kinds the validator knows.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
McProfile *
mc_profile_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(McProfile) self = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  root = _mc_json_parse_untrusted (data, size, MC_PROFILE_MAX_DEPTH, MC_PROFILE_ERROR,
                                   MC_PROFILE_ERROR_INVALID, MC_PROFILE_ERROR_INVALID, error);
  if (root == NULL)
    {
      g_prefix_error (error, _("The policy profile cannot be read: "));
      return NULL;
    }

  self = g_object_new (MC_TYPE_PROFILE, NULL);
  if (!parse_profile (self, root, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
mc_profile_get_id (McProfile *self)
{
  g_return_val_if_fail (MC_IS_PROFILE (self), NULL);
  return self->id;
}

/* Name and description of the built-in profiles are in the message
 * catalogue; a profile an administrator wrote is shown as written. */
const char *
mc_profile_get_name (McProfile *self)
{
  g_return_val_if_fail (MC_IS_PROFILE (self), NULL);
  return g_dgettext (GETTEXT_PACKAGE, self->name);
}

const char *
mc_profile_get_description (McProfile *self)
{
  g_return_val_if_fail (MC_IS_PROFILE (self), NULL);
  return g_dgettext (GETTEXT_PACKAGE, self->description);
}

const char *
mc_profile_get_source (McProfile *self)
{
  g_return_val_if_fail (MC_IS_PROFILE (self), NULL);
  return self->source;
}

/**
 * mc_profile_get_rules:
 * @self: a profile
 *
 * Returns: (transfer none): the rules as written in the file
 */
JsonArray *
mc_profile_get_rules (McProfile *self)
{
  g_return_val_if_fail (MC_IS_PROFILE (self), NULL);
  return self->rules_json;
}

const McRule *
_mc_profile_get_compiled_rules (McProfile *self,
                                guint     *n_rules)
{
  g_assert (MC_IS_PROFILE (self));
  *n_rules = self->n_rules;
  return self->rules;
}

const char * const *
_mc_profile_get_builtin_strings (void)
{
  return builtin_strings;
}

static int
compare_profiles (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return g_strcmp0 (mc_profile_get_id ((McProfile *) a), mc_profile_get_id ((McProfile *) b));
}

/**
 * mc_profile_list_builtin:
 * @error: return location for an error
 *
 * Returns: (transfer full): the profiles shipped with Microcred, by id
 */
GListModel *
mc_profile_list_builtin (GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (MC_TYPE_PROFILE);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = _mc_core_list_resources ("profiles", error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(McProfile) profile = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      path = g_strconcat ("profiles/", names[i], NULL);
      bytes = _mc_core_lookup_resource (path, error);
      if (bytes == NULL)
        return NULL;
      profile = mc_profile_new_from_bytes (bytes, error);
      if (profile == NULL)
        {
          g_prefix_error (error, "%s: ", path);
          return NULL;
        }
      g_list_store_insert_sorted (store, profile, compare_profiles, NULL);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
