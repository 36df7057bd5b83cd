/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-field-schema-private.h"
#include "mc-item.h"
#include "mc-revision.h"

/* McItem keeps the values of its subclass's McItemField table.  The four
 * subclasses only name their list; they live here because each is a few
 * lines and they share everything else. */

typedef struct
{
  GValue *values;
} McItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (McItem, mc_item, G_TYPE_OBJECT)

static const McFieldSchema *
item_schema (McItem *self)
{
  return _mc_field_schema_for_list (MC_ITEM_GET_CLASS (self)->list_id);
}

static void
mc_item_constructed (GObject *object)
{
  McItem *self = MC_ITEM (object);
  McItemPrivate *priv = mc_item_get_instance_private (self);

  G_OBJECT_CLASS (mc_item_parent_class)->constructed (object);
  if (priv->values == NULL)
    priv->values = _mc_field_values_new (item_schema (self));
}

static void
mc_item_finalize (GObject *object)
{
  McItem *self = MC_ITEM (object);
  McItemPrivate *priv = mc_item_get_instance_private (self);

  _mc_field_values_free (item_schema (self), priv->values);
  G_OBJECT_CLASS (mc_item_parent_class)->finalize (object);
}

static void
mc_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  McItem *self = MC_ITEM (object);
  McItemPrivate *priv = mc_item_get_instance_private (self);

  g_assert (prop_id >= 1 && prop_id <= item_schema (self)->n_specs);
  g_value_copy (&priv->values[prop_id - 1], value);
}

static void
mc_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  McItem *self = MC_ITEM (object);
  McItemPrivate *priv = mc_item_get_instance_private (self);
  const McFieldSchema *schema = item_schema (self);

  g_assert (prop_id >= 1 && prop_id <= schema->n_specs);
  /* Construct-time properties may arrive before constructed(). */
  if (priv->values == NULL)
    priv->values = _mc_field_values_new (schema);
  if (_mc_field_values_set (schema, priv->values, prop_id - 1, value))
    g_object_notify_by_pspec (object, pspec);
}

static void
mc_item_class_init (McItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mc_item_constructed;
  object_class->finalize = mc_item_finalize;
}

static void
mc_item_init (McItem *self)
{
}

static void
item_class_setup (McItemClass *klass,
                  const char  *list_id)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject clears these for every class; the subclass owns the properties. */
  object_class->get_property = mc_item_get_property;
  object_class->set_property = mc_item_set_property;
  klass->list_id = list_id;
  _mc_field_schema_install (_mc_field_schema_for_list (list_id), G_OBJECT_CLASS (klass), 1);
}

const char *
mc_item_get_list_id (McItem *self)
{
  g_return_val_if_fail (MC_IS_ITEM (self), NULL);
  return MC_ITEM_GET_CLASS (self)->list_id;
}

/* The stored GValue of a field, checking its kind. */
static GValue *
item_value (McItem      *self,
            const char  *field_id,
            McFieldKind  kind1,
            McFieldKind  kind2)
{
  McItemPrivate *priv = mc_item_get_instance_private (self);
  const McFieldSchema *schema = item_schema (self);
  int index = _mc_field_schema_find (schema, field_id);

  if (index < 0)
    {
      g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), field_id);
      return NULL;
    }
  if (schema->specs[index].kind != kind1 && schema->specs[index].kind != kind2)
    {
      g_critical ("Field “%s” of %s accessed as the wrong kind", field_id, G_OBJECT_TYPE_NAME (self));
      return NULL;
    }
  return &priv->values[index];
}

static void
item_set_value (McItem       *self,
                const char   *field_id,
                const GValue *value)
{
  g_object_set_property (G_OBJECT (self), field_id, value);
}

const char *
mc_item_get_string (McItem     *self,
                    const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_ITEM (self), NULL);
  v = item_value (self, field_id, MC_FIELD_STRING, MC_FIELD_TEXT);
  return v ? g_value_get_string (v) : NULL;
}

void
mc_item_set_string (McItem     *self,
                    const char *field_id,
                    const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (MC_IS_ITEM (self));
  g_return_if_fail (item_value (self, field_id, MC_FIELD_STRING, MC_FIELD_TEXT) != NULL);
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  item_set_value (self, field_id, &v);
}

int
mc_item_get_int (McItem     *self,
                 const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_ITEM (self), 0);
  v = item_value (self, field_id, MC_FIELD_INT, MC_FIELD_ENUM);
  if (v == NULL)
    return 0;
  return G_VALUE_HOLDS_ENUM (v) ? g_value_get_enum (v) : g_value_get_int (v);
}

void
mc_item_set_int (McItem     *self,
                 const char *field_id,
                 int         value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  GValue *stored;

  g_return_if_fail (MC_IS_ITEM (self));
  stored = item_value (self, field_id, MC_FIELD_INT, MC_FIELD_ENUM);
  g_return_if_fail (stored != NULL);
  g_value_init (&v, G_VALUE_TYPE (stored));
  if (G_VALUE_HOLDS_ENUM (stored))
    g_value_set_enum (&v, value);
  else
    g_value_set_int (&v, value);
  item_set_value (self, field_id, &v);
}

double
mc_item_get_double (McItem     *self,
                    const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_ITEM (self), 0);
  v = item_value (self, field_id, MC_FIELD_DOUBLE, MC_FIELD_DOUBLE);
  return v ? g_value_get_double (v) : 0;
}

void
mc_item_set_double (McItem     *self,
                    const char *field_id,
                    double      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (MC_IS_ITEM (self));
  g_return_if_fail (item_value (self, field_id, MC_FIELD_DOUBLE, MC_FIELD_DOUBLE) != NULL);
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  item_set_value (self, field_id, &v);
}

gboolean
mc_item_get_boolean (McItem     *self,
                     const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_ITEM (self), FALSE);
  v = item_value (self, field_id, MC_FIELD_BOOLEAN, MC_FIELD_BOOLEAN);
  return v ? g_value_get_boolean (v) : FALSE;
}

void
mc_item_set_boolean (McItem     *self,
                     const char *field_id,
                     gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (MC_IS_ITEM (self));
  g_return_if_fail (item_value (self, field_id, MC_FIELD_BOOLEAN, MC_FIELD_BOOLEAN) != NULL);
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  item_set_value (self, field_id, &v);
}

guint
mc_item_get_flags (McItem     *self,
                   const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_ITEM (self), 0);
  v = item_value (self, field_id, MC_FIELD_FLAGS, MC_FIELD_FLAGS);
  return v ? g_value_get_flags (v) : 0;
}

void
mc_item_set_flags (McItem     *self,
                   const char *field_id,
                   guint       value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  GValue *stored;

  g_return_if_fail (MC_IS_ITEM (self));
  stored = item_value (self, field_id, MC_FIELD_FLAGS, MC_FIELD_FLAGS);
  g_return_if_fail (stored != NULL);
  g_value_init (&v, G_VALUE_TYPE (stored));
  g_value_set_flags (&v, value);
  item_set_value (self, field_id, &v);
}

const char * const *
mc_item_get_strv (McItem     *self,
                  const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_ITEM (self), NULL);
  v = item_value (self, field_id, MC_FIELD_STRV, MC_FIELD_STRV);
  return v ? g_value_get_boxed (v) : NULL;
}

void
mc_item_set_strv (McItem             *self,
                  const char         *field_id,
                  const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (MC_IS_ITEM (self));
  g_return_if_fail (item_value (self, field_id, MC_FIELD_STRV, MC_FIELD_STRV) != NULL);
  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  item_set_value (self, field_id, &v);
}

McItem *
mc_item_new_for_list (const char *list_id)
{
  g_return_val_if_fail (list_id != NULL, NULL);

  if (g_str_equal (list_id, "outcomes"))
    return g_object_new (MC_TYPE_OUTCOME, NULL);
  if (g_str_equal (list_id, "assessments"))
    return g_object_new (MC_TYPE_ASSESSMENT, NULL);
  if (g_str_equal (list_id, "partners"))
    return g_object_new (MC_TYPE_PARTNER, NULL);
  if (g_str_equal (list_id, "stack_targets"))
    return g_object_new (MC_TYPE_STACK_TARGET, NULL);
  g_return_val_if_reached (NULL);
}

gboolean
mc_item_check (McItem  *self,
               guint    index,
               GError **error)
{
  McItemPrivate *priv;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (MC_IS_ITEM (self), FALSE);

  priv = mc_item_get_instance_private (self);
  prefix = g_strdup_printf ("%s[%u]", mc_item_get_list_id (self), index);
  return _mc_field_values_check (item_schema (self), priv->values, prefix, error);
}

McItem *
mc_item_copy (McItem *self)
{
  McItem *copy;
  McItemPrivate *priv, *copy_priv;

  g_return_val_if_fail (MC_IS_ITEM (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  priv = mc_item_get_instance_private (self);
  copy_priv = mc_item_get_instance_private (copy);
  _mc_field_values_copy (item_schema (self), copy_priv->values, priv->values);
  return copy;
}

gboolean
mc_item_equal (McItem *a,
               McItem *b)
{
  McItemPrivate *pa, *pb;

  g_return_val_if_fail (MC_IS_ITEM (a) && MC_IS_ITEM (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pa = mc_item_get_instance_private (a);
  pb = mc_item_get_instance_private (b);
  return _mc_field_values_equal (item_schema (a), pa->values, pb->values);
}

/**
 * mc_item_to_json:
 * @self: an item
 *
 * Returns: (transfer full): a JSON object with one member per field
 */
JsonNode *
mc_item_to_json (McItem *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  McItemPrivate *priv;

  g_return_val_if_fail (MC_IS_ITEM (self), NULL);

  priv = mc_item_get_instance_private (self);
  json_builder_begin_object (builder);
  _mc_field_values_to_json (item_schema (self), priv->values, builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * mc_item_new_from_json:
 * @list_id: the list the item belongs to
 * @node: a JSON object
 * @index: position of the item in its list, for messages
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with @error set
 */
McItem *
mc_item_new_from_json (const char  *list_id,
                       JsonNode    *node,
                       guint        index,
                       GError     **error)
{
  g_autoptr(McItem) item = NULL;
  const McFieldSchema *schema;
  McItemPrivate *priv;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (list_id != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID,
                   /* Translators: %s[%u] names an entry of a list, like "outcomes[2]" */
                   _("%s[%u]: expected an object"), list_id, index);
      return NULL;
    }

  item = mc_item_new_for_list (list_id);
  schema = item_schema (item);
  priv = mc_item_get_instance_private (item);

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].%s", list_id, index, member);
      int i = _mc_field_schema_find (schema, member);

      if (i < 0)
        {
          g_set_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID,
                       _("%s: unknown field"), path);
          return NULL;
        }
      if (!_mc_field_value_from_json (&schema->specs[i], value, path, &priv->values[i], error))
        return NULL;
    }
  return g_steal_pointer (&item);
}

struct _McOutcome { McItem parent_instance; };
G_DEFINE_FINAL_TYPE (McOutcome, mc_outcome, MC_TYPE_ITEM)
static void mc_outcome_class_init (McOutcomeClass *klass) { item_class_setup (MC_ITEM_CLASS (klass), "outcomes"); }
static void mc_outcome_init (McOutcome *self) { }

McOutcome *
mc_outcome_new (const char *code,
                const char *text)
{
  McOutcome *self = g_object_new (MC_TYPE_OUTCOME, NULL);

  mc_item_set_string (MC_ITEM (self), "code", code);
  mc_item_set_string (MC_ITEM (self), "text", text);
  return self;
}

struct _McAssessment { McItem parent_instance; };
G_DEFINE_FINAL_TYPE (McAssessment, mc_assessment, MC_TYPE_ITEM)
static void mc_assessment_class_init (McAssessmentClass *klass) { item_class_setup (MC_ITEM_CLASS (klass), "assessments"); }
static void mc_assessment_init (McAssessment *self) { }

McAssessment *
mc_assessment_new (void)
{
  McAssessment *self = g_object_new (MC_TYPE_ASSESSMENT, NULL);

  mc_item_set_boolean (MC_ITEM (self), "summative", TRUE);
  return self;
}

struct _McPartner { McItem parent_instance; };
G_DEFINE_FINAL_TYPE (McPartner, mc_partner, MC_TYPE_ITEM)
static void mc_partner_class_init (McPartnerClass *klass) { item_class_setup (MC_ITEM_CLASS (klass), "partners"); }
static void mc_partner_init (McPartner *self) { }

McPartner *
mc_partner_new (const char *name)
{
  McPartner *self = g_object_new (MC_TYPE_PARTNER, NULL);

  mc_item_set_string (MC_ITEM (self), "name", name);
  return self;
}

struct _McStackTarget { McItem parent_instance; };
G_DEFINE_FINAL_TYPE (McStackTarget, mc_stack_target, MC_TYPE_ITEM)
static void mc_stack_target_class_init (McStackTargetClass *klass) { item_class_setup (MC_ITEM_CLASS (klass), "stack_targets"); }
static void mc_stack_target_init (McStackTarget *self) { }

McStackTarget *
mc_stack_target_new (const char *name)
{
  McStackTarget *self = g_object_new (MC_TYPE_STACK_TARGET, NULL);

  mc_item_set_string (MC_ITEM (self), "name", name);
  return self;
}
