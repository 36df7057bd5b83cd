/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-field-schema-private.h"
#include "mc-item.h"
#include "mc-revision.h"

#define N_LISTS 4
static const char * const list_ids[N_LISTS] = { "outcomes", "assessments", "partners", "stack_targets" };

struct _McRevision
{
  GObject     parent_instance;

  GValue     *values;
  GListStore *lists[N_LISTS];
  /* The items each list held after its last change, so that their notify
   * handlers can be disconnected when they leave the list. */
  GPtrArray  *watched[N_LISTS];
};

G_DEFINE_FINAL_TYPE (McRevision, mc_revision, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-revision-error-quark, mc_revision_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const McFieldSchema *
schema (void)
{
  return _mc_field_schema_for_revision ();
}

static int
list_index (const char *list_id)
{
  for (int i = 0; i < N_LISTS; i++)
    if (g_str_equal (list_ids[i], list_id))
      return i;
  return -1;
}

static void
emit_changed (McRevision *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_item_notify (McRevision *self,
                GParamSpec *pspec,
                McItem     *item)
{
  emit_changed (self);
}

static void
on_list_items_changed (McRevision *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *list)
{
  int l;
  GPtrArray *watched;

  for (l = 0; l < N_LISTS; l++)
    if (G_LIST_MODEL (self->lists[l]) == list)
      break;
  g_assert (l < N_LISTS);
  watched = self->watched[l];

  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (watched, position + i),
                                          on_item_notify, self);
  g_ptr_array_remove_range (watched, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(McItem) item = g_list_model_get_item (list, position + i);

      g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify), self, G_CONNECT_SWAPPED);
      g_ptr_array_insert (watched, position + i, g_object_ref (item));
    }
  emit_changed (self);
}

static void
mc_revision_dispose (GObject *object)
{
  McRevision *self = MC_REVISION (object);

  for (int l = 0; l < N_LISTS; l++)
    {
      if (self->lists[l] != NULL)
        g_signal_handlers_disconnect_by_func (self->lists[l], on_list_items_changed, self);
      if (self->watched[l] != NULL)
        for (guint i = 0; i < self->watched[l]->len; i++)
          g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched[l], i),
                                                on_item_notify, self);
      g_clear_pointer (&self->watched[l], g_ptr_array_unref);
      g_clear_object (&self->lists[l]);
    }
  G_OBJECT_CLASS (mc_revision_parent_class)->dispose (object);
}

static void
mc_revision_finalize (GObject *object)
{
  McRevision *self = MC_REVISION (object);

  _mc_field_values_free (schema (), self->values);
  G_OBJECT_CLASS (mc_revision_parent_class)->finalize (object);
}

static void
mc_revision_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  McRevision *self = MC_REVISION (object);

  g_assert (prop_id >= 1 && prop_id <= schema ()->n_specs);
  g_value_copy (&self->values[prop_id - 1], value);
}

static void
mc_revision_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  McRevision *self = MC_REVISION (object);

  g_assert (prop_id >= 1 && prop_id <= schema ()->n_specs);
  if (_mc_field_values_set (schema (), self->values, prop_id - 1, value))
    {
      g_object_notify_by_pspec (object, pspec);
      emit_changed (self);
    }
}

static void
mc_revision_class_init (McRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_revision_dispose;
  object_class->finalize = mc_revision_finalize;
  object_class->get_property = mc_revision_get_property;
  object_class->set_property = mc_revision_set_property;

  _mc_field_schema_install (schema (), object_class, 1);

  /**
   * McRevision::changed:
   *
   * Emitted after any change of the content, including the items of its lists.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Make sure the item types exist before the first list is made. */
  g_type_ensure (MC_TYPE_OUTCOME);
  g_type_ensure (MC_TYPE_ASSESSMENT);
  g_type_ensure (MC_TYPE_PARTNER);
  g_type_ensure (MC_TYPE_STACK_TARGET);
}

static void
mc_revision_init (McRevision *self)
{
  static GType (*item_types[N_LISTS]) (void) = {
    mc_outcome_get_type, mc_assessment_get_type, mc_partner_get_type, mc_stack_target_get_type,
  };

  self->values = _mc_field_values_new (schema ());
  for (int l = 0; l < N_LISTS; l++)
    {
      self->lists[l] = g_list_store_new (item_types[l] ());
      self->watched[l] = g_ptr_array_new_with_free_func (g_object_unref);
      g_signal_connect_object (self->lists[l], "items-changed",
                               G_CALLBACK (on_list_items_changed), self, G_CONNECT_SWAPPED);
    }
}

McRevision *
mc_revision_new (void)
{
  return g_object_new (MC_TYPE_REVISION, NULL);
}

/**
 * mc_revision_copy:
 * @self: a revision
 *
 * Returns: (transfer full): a deep copy, items included
 */
McRevision *
mc_revision_copy (McRevision *self)
{
  McRevision *copy;

  g_return_val_if_fail (MC_IS_REVISION (self), NULL);

  copy = mc_revision_new ();
  _mc_field_values_copy (schema (), copy->values, self->values);
  for (int l = 0; l < N_LISTS; l++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lists[l]));
      g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(McItem) item = g_list_model_get_item (G_LIST_MODEL (self->lists[l]), i);
          g_ptr_array_add (items, mc_item_copy (item));
        }
      g_list_store_splice (copy->lists[l], 0, 0, items->pdata, items->len);
    }
  return copy;
}

gboolean
mc_revision_equal (McRevision *a,
                   McRevision *b)
{
  g_return_val_if_fail (MC_IS_REVISION (a) && MC_IS_REVISION (b), FALSE);

  if (!_mc_field_values_equal (schema (), a->values, b->values))
    return FALSE;
  for (int l = 0; l < N_LISTS; l++)
    {
      GListModel *la = G_LIST_MODEL (a->lists[l]), *lb = G_LIST_MODEL (b->lists[l]);
      guint n = g_list_model_get_n_items (la);

      if (n != g_list_model_get_n_items (lb))
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(McItem) ia = g_list_model_get_item (la, i);
          g_autoptr(McItem) ib = g_list_model_get_item (lb, i);

          if (!mc_item_equal (ia, ib))
            return FALSE;
        }
    }
  return TRUE;
}

static GValue *
revision_value (McRevision  *self,
                const char  *field_id,
                McFieldKind  kind1,
                McFieldKind  kind2)
{
  int index = _mc_field_schema_find (schema (), field_id);

  if (index < 0)
    {
      g_critical ("A revision has no field “%s”", field_id);
      return NULL;
    }
  if (schema ()->specs[index].kind != kind1 && schema ()->specs[index].kind != kind2)
    {
      g_critical ("Field “%s” accessed as the wrong kind", field_id);
      return NULL;
    }
  return &self->values[index];
}

const char *
mc_revision_get_string (McRevision *self,
                        const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_REVISION (self), NULL);
  v = revision_value (self, field_id, MC_FIELD_STRING, MC_FIELD_TEXT);
  return v ? g_value_get_string (v) : NULL;
}

void
mc_revision_set_string (McRevision *self,
                        const char *field_id,
                        const char *value)
{
  g_return_if_fail (MC_IS_REVISION (self));
  g_return_if_fail (revision_value (self, field_id, MC_FIELD_STRING, MC_FIELD_TEXT) != NULL);
  g_object_set (self, field_id, value, NULL);
}

int
mc_revision_get_int (McRevision *self,
                     const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_REVISION (self), 0);
  v = revision_value (self, field_id, MC_FIELD_INT, MC_FIELD_ENUM);
  if (v == NULL)
    return 0;
  return G_VALUE_HOLDS_ENUM (v) ? g_value_get_enum (v) : g_value_get_int (v);
}

void
mc_revision_set_int (McRevision *self,
                     const char *field_id,
                     int         value)
{
  g_return_if_fail (MC_IS_REVISION (self));
  g_return_if_fail (revision_value (self, field_id, MC_FIELD_INT, MC_FIELD_ENUM) != NULL);
  g_object_set (self, field_id, value, NULL);
}

double
mc_revision_get_double (McRevision *self,
                        const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_REVISION (self), 0);
  v = revision_value (self, field_id, MC_FIELD_DOUBLE, MC_FIELD_DOUBLE);
  return v ? g_value_get_double (v) : 0;
}

void
mc_revision_set_double (McRevision *self,
                        const char *field_id,
                        double      value)
{
  g_return_if_fail (MC_IS_REVISION (self));
  g_return_if_fail (revision_value (self, field_id, MC_FIELD_DOUBLE, MC_FIELD_DOUBLE) != NULL);
  g_object_set (self, field_id, value, NULL);
}

gboolean
mc_revision_get_boolean (McRevision *self,
                         const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_REVISION (self), FALSE);
  v = revision_value (self, field_id, MC_FIELD_BOOLEAN, MC_FIELD_BOOLEAN);
  return v ? g_value_get_boolean (v) : FALSE;
}

void
mc_revision_set_boolean (McRevision *self,
                         const char *field_id,
                         gboolean    value)
{
  g_return_if_fail (MC_IS_REVISION (self));
  g_return_if_fail (revision_value (self, field_id, MC_FIELD_BOOLEAN, MC_FIELD_BOOLEAN) != NULL);
  g_object_set (self, field_id, value, NULL);
}

guint
mc_revision_get_flags (McRevision *self,
                       const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_REVISION (self), 0);
  v = revision_value (self, field_id, MC_FIELD_FLAGS, MC_FIELD_FLAGS);
  return v ? g_value_get_flags (v) : 0;
}

void
mc_revision_set_flags (McRevision *self,
                       const char *field_id,
                       guint       value)
{
  g_return_if_fail (MC_IS_REVISION (self));
  g_return_if_fail (revision_value (self, field_id, MC_FIELD_FLAGS, MC_FIELD_FLAGS) != NULL);
  g_object_set (self, field_id, value, NULL);
}

const char * const *
mc_revision_get_strv (McRevision *self,
                      const char *field_id)
{
  GValue *v;

  g_return_val_if_fail (MC_IS_REVISION (self), NULL);
  v = revision_value (self, field_id, MC_FIELD_STRV, MC_FIELD_STRV);
  return v ? g_value_get_boxed (v) : NULL;
}

void
mc_revision_set_strv (McRevision         *self,
                      const char         *field_id,
                      const char * const *value)
{
  g_return_if_fail (MC_IS_REVISION (self));
  g_return_if_fail (revision_value (self, field_id, MC_FIELD_STRV, MC_FIELD_STRV) != NULL);
  g_object_set (self, field_id, value, NULL);
}

gboolean
mc_revision_field_is_empty (McRevision *self,
                            const char *field_id)
{
  int index;

  g_return_val_if_fail (MC_IS_REVISION (self), TRUE);
  g_return_val_if_fail (field_id != NULL, TRUE);

  if (list_index (field_id) >= 0)
    return g_list_model_get_n_items (G_LIST_MODEL (self->lists[list_index (field_id)])) == 0;
  index = _mc_field_schema_find (schema (), field_id);
  g_return_val_if_fail (index >= 0, TRUE);
  return _mc_field_value_is_empty (&schema ()->specs[index], &self->values[index]);
}

/**
 * mc_revision_get_list:
 * @self: a revision
 * @list_id: "outcomes", "assessments", "partners" or "stack_targets"
 *
 * Returns: (transfer none): the list store
 */
GListStore *
mc_revision_get_list (McRevision *self,
                      const char *list_id)
{
  int l;

  g_return_val_if_fail (MC_IS_REVISION (self), NULL);
  g_return_val_if_fail (list_id != NULL, NULL);

  l = list_index (list_id);
  g_return_val_if_fail (l >= 0, NULL);
  return self->lists[l];
}

GListStore *
mc_revision_get_outcomes (McRevision *self)
{
  return mc_revision_get_list (self, "outcomes");
}

GListStore *
mc_revision_get_assessments (McRevision *self)
{
  return mc_revision_get_list (self, "assessments");
}

GListStore *
mc_revision_get_partners (McRevision *self)
{
  return mc_revision_get_list (self, "partners");
}

GListStore *
mc_revision_get_stack_targets (McRevision *self)
{
  return mc_revision_get_list (self, "stack_targets");
}

gboolean
mc_revision_move_item (McRevision *self,
                       const char *list_id,
                       guint       from,
                       guint       to)
{
  GListStore *store;
  g_autoptr(McItem) item = NULL;
  guint n;

  g_return_val_if_fail (MC_IS_REVISION (self), FALSE);

  store = mc_revision_get_list (self, list_id);
  g_return_val_if_fail (store != NULL, FALSE);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (from >= n || to >= n)
    return FALSE;
  if (from == to)
    return TRUE;
  item = g_list_model_get_item (G_LIST_MODEL (store), from);
  g_list_store_remove (store, from);
  g_list_store_insert (store, to, item);
  return TRUE;
}

const char *
mc_revision_get_title (McRevision *self)
{
  return mc_revision_get_string (self, "title");
}

McCredentialType
mc_revision_get_credential_type (McRevision *self)
{
  return mc_revision_get_int (self, "credential_type");
}

double
mc_revision_get_ects (McRevision *self)
{
  return mc_revision_get_double (self, "ects");
}

int
mc_revision_get_hours (McRevision *self)
{
  return mc_revision_get_int (self, "hours");
}

int
mc_revision_get_eqf_level (McRevision *self)
{
  return mc_revision_get_int (self, "eqf_level");
}

/**
 * mc_revision_check:
 * @self: a revision
 * @error: return location for an error
 *
 * Returns: %TRUE if every field is within its hard limits
 */
gboolean
mc_revision_check (McRevision  *self,
                   GError     **error)
{
  g_return_val_if_fail (MC_IS_REVISION (self), FALSE);

  if (!_mc_field_values_check (schema (), self->values, NULL, error))
    return FALSE;
  for (int l = 0; l < N_LISTS; l++)
    {
      GListModel *list = G_LIST_MODEL (self->lists[l]);
      guint n = g_list_model_get_n_items (list);

      if (n > mc_field_lookup (list_ids[l])->max_length)
        {
          g_set_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID,
                       _("%s: %u entries; at most %u are allowed"), list_ids[l], n,
                       mc_field_lookup (list_ids[l])->max_length);
          return FALSE;
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(McItem) item = g_list_model_get_item (list, i);

          if (!mc_item_check (item, i, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * mc_revision_to_json:
 * @self: a revision
 *
 * Returns: (transfer full): the content as a JSON object, every field present,
 *   in the order of the field table
 */
JsonNode *
mc_revision_to_json (McRevision *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_fields;
  const McField *fields = mc_field_get_all (&n_fields);
  guint scalar = 0;

  g_return_val_if_fail (MC_IS_REVISION (self), NULL);

  json_builder_begin_object (builder);
  /* Walk the field table so that lists sit among the scalars in editor order. */
  for (guint f = 0; f < n_fields; f++)
    {
      if (fields[f].kind == MC_FIELD_LIST)
        {
          GListModel *list = G_LIST_MODEL (mc_revision_get_list (self, fields[f].id));

          json_builder_set_member_name (builder, fields[f].id);
          json_builder_begin_array (builder);
          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr(McItem) item = g_list_model_get_item (list, i);
              json_builder_add_value (builder, mc_item_to_json (item));
            }
          json_builder_end_array (builder);
        }
      else
        {
          McFieldSchema one = { 1, &schema ()->specs[scalar] };

          g_assert (g_str_equal (schema ()->specs[scalar].id, fields[f].id));
          _mc_field_values_to_json (&one, &self->values[scalar], builder);
          scalar++;
        }
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
list_from_json (McRevision  *self,
                const char  *list_id,
                JsonNode    *node,
                GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID,
                   _("%s: expected a list"), list_id);
      return FALSE;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > mc_field_lookup (list_id)->max_length)
    {
      g_set_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID,
                   _("%s: %u entries; at most %u are allowed"), list_id, n,
                   mc_field_lookup (list_id)->max_length);
      return FALSE;
    }

  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      McItem *item = mc_item_new_from_json (list_id, json_array_get_element (array, i), i, error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (mc_revision_get_list (self, list_id), 0, 0, items->pdata, items->len);
  return TRUE;
}

/**
 * mc_revision_new_from_json:
 * @node: a JSON object as written by mc_revision_to_json()
 * @error: return location for an error
 *
 * Members left out keep their default value; unknown members, wrong types,
 * unknown values and values beyond the hard limits are refused.
 *
 * Returns: (transfer full) (nullable): the revision, or %NULL with @error set
 */
McRevision *
mc_revision_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(McRevision) self = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID,
                           _("The design content is not a JSON object"));
      return NULL;
    }

  self = mc_revision_new ();
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      int index;

      if (list_index (member) >= 0)
        {
          if (!list_from_json (self, member, value, error))
            return NULL;
          continue;
        }
      index = _mc_field_schema_find (schema (), member);
      if (index < 0)
        {
          g_set_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID,
                       _("%s: unknown field"), member);
          return NULL;
        }
      if (!_mc_field_value_from_json (&schema ()->specs[index], value, member,
                                      &self->values[index], error))
        return NULL;
    }
  return g_steal_pointer (&self);
}
