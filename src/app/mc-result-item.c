/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-result-item.h"

struct _McResultItem
{
  GObject   parent_instance;

  McResult *result;
  char     *name;
  int       credential_state;
};

G_DEFINE_FINAL_TYPE (McResultItem, mc_result_item, G_TYPE_OBJECT)

static void
mc_result_item_finalize (GObject *object)
{
  McResultItem *self = MC_RESULT_ITEM (object);

  g_clear_pointer (&self->result, mc_result_free);
  g_free (self->name);

  G_OBJECT_CLASS (mc_result_item_parent_class)->finalize (object);
}

static void
mc_result_item_class_init (McResultItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_result_item_finalize;
}

static void
mc_result_item_init (McResultItem *self)
{
  self->credential_state = -1;
}

McResultItem *
mc_result_item_new (McResult *result,
                    int       credential_state)
{
  McResultItem *self = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (MC_TYPE_RESULT_ITEM, NULL);
  self->result = result;
  self->name = result->learner != NULL ? mc_learner_dup_full_name (result->learner) : g_strdup ("");
  self->credential_state = credential_state;
  return self;
}

const McResult *
mc_result_item_get_result (McResultItem *self)
{
  g_return_val_if_fail (MC_IS_RESULT_ITEM (self), NULL);
  return self->result;
}

const char *
mc_result_item_get_name (McResultItem *self)
{
  g_return_val_if_fail (MC_IS_RESULT_ITEM (self), NULL);
  return self->name;
}

int
mc_result_item_get_credential_state (McResultItem *self)
{
  g_return_val_if_fail (MC_IS_RESULT_ITEM (self), -1);
  return self->credential_state;
}

const char *
mc_result_item_get_credential_text (McResultItem *self)
{
  g_return_val_if_fail (MC_IS_RESULT_ITEM (self), NULL);

  if (self->credential_state < 0)
    return self->result->passed ? _("Not issued yet") : "—";
  if (self->credential_state == MC_CREDENTIAL_STATE_ACTIVE)
    return _("Issued");
  return mc_enum_label (MC_TYPE_CREDENTIAL_STATE, self->credential_state);
}

/* The states of the offering's credentials, by id, read a page at a time. */
static GHashTable *
credential_states (McStore  *store,
                   gint64    offering_id,
                   GError  **error)
{
  McCredentialQuery query = MC_CREDENTIAL_QUERY_INIT;
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint offset = 0;
  const guint page_size = 1000;

  query.offering_id = offering_id;
  for (;;)
    {
      g_autoptr(GPtrArray) page = mc_store_query_credentials (store, &query, offset, page_size, error);

      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len; i++)
        {
          McCredentialSummary *summary = g_ptr_array_index (page, i);

          g_hash_table_insert (states, g_memdup2 (&summary->id, sizeof summary->id),
                               GINT_TO_POINTER (summary->state));
        }
      if (page->len < page_size)
        break;
      offset += page->len;
    }
  return g_steal_pointer (&states);
}

GPtrArray *
mc_result_item_list (McStore  *store,
                     gint64    offering_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) states = NULL;
  GPtrArray *items = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  results = mc_store_list_results (store, offering_id, error);
  if (results == NULL || (states = credential_states (store, offering_id, error)) == NULL)
    return NULL;

  /* The items take the results over. */
  g_ptr_array_set_free_func (results, NULL);
  items = g_ptr_array_new_full (results->len, g_object_unref);
  for (guint i = 0; i < results->len; i++)
    {
      McResult *result = g_ptr_array_index (results, i);
      gpointer state = NULL;
      int credential_state = -1;

      if (result->credential_id != 0 &&
          g_hash_table_lookup_extended (states, &result->credential_id, NULL, &state))
        credential_state = GPOINTER_TO_INT (state);
      g_ptr_array_add (items, mc_result_item_new (result, credential_state));
    }
  return items;
}
