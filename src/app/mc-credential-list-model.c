/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-credential-item.h"
#include "mc-credential-list-model.h"
#include "mc-store-job.h"

/* Rows are read at most this many at a time when collecting a selection. */
#define COLLECT_CHUNK 500

typedef struct {
  guint      number;
  GPtrArray *items;     /* McCredentialItem */
  guint64    used;      /* the model's clock when last asked for */
  gboolean   loaded;
} Page;

struct _McCredentialListModel
{
  GObject            parent_instance;

  McStore           *store;
  McCredentialQuery  query;      /* its search is owned */
  guint              n_items;
  gboolean           loading;
  char              *error;
  GHashTable        *pages;      /* page number → Page */
  guint64            clock;
  GQueue             wanted;     /* page numbers to read, the latest asked for first */
  gboolean           reading;
  guint              n_reads;
  GCancellable      *cancellable;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (McCredentialListModel, mc_credential_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void read_next_page (McCredentialListModel *self);

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

/* Reading, in the worker */

typedef struct {
  McCredentialQuery  query;
  char              *search;
  guint              offset;
  guint              limit;
  gboolean           count;
  GArray            *ranges;   /* guint pairs (start, length), when collecting */
} ReadRequest;

typedef struct {
  guint      count;
  GPtrArray *rows;             /* McCredentialSummary */
} ReadResult;

static ReadRequest *
read_request_new (McCredentialListModel *self)
{
  ReadRequest *request = g_new0 (ReadRequest, 1);

  request->query = self->query;
  request->search = g_strdup (self->query.search);
  request->query.search = request->search;
  return request;
}

static void
read_request_free (ReadRequest *request)
{
  g_free (request->search);
  g_clear_pointer (&request->ranges, g_array_unref);
  g_free (request);
}

static void
read_result_free (ReadResult *result)
{
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

static gpointer
read_job (McStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  ReadRequest *request = data;
  g_autoptr(GPtrArray) rows = NULL;
  GError *local_error = NULL;
  ReadResult *result = NULL;
  guint count = 0;

  if (request->count)
    {
      count = mc_store_count_credentials (store, &request->query, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  rows = mc_store_query_credentials (store, &request->query, request->offset, request->limit, error);
  if (rows == NULL)
    return NULL;

  result = g_new0 (ReadResult, 1);
  result->count = count;
  result->rows = g_steal_pointer (&rows);
  return result;
}

/* The rows of every range, a chunk at a time. */
static gpointer
collect_job (McStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ReadRequest *request = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_credential_summary_free);

  for (guint i = 0; i + 1 < request->ranges->len; i += 2)
    {
      guint start = g_array_index (request->ranges, guint, i);
      guint length = g_array_index (request->ranges, guint, i + 1);

      for (guint done = 0; done < length; done += COLLECT_CHUNK)
        {
          g_autoptr(GPtrArray) chunk = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          chunk = mc_store_query_credentials (store, &request->query, start + done,
                                              MIN (COLLECT_CHUNK, length - done), error);
          if (chunk == NULL)
            return NULL;
          g_ptr_array_extend_and_steal (rows, g_steal_pointer (&chunk));
        }
    }
  return g_steal_pointer (&rows);
}

/* Pages */

static void
fill_page (Page      *page,
           GPtrArray *rows)
{
  for (guint i = 0; i < page->items->len && i < rows->len; i++)
    mc_credential_item_set_summary (g_ptr_array_index (page->items, i), g_ptr_array_index (rows, i));
  page->loaded = TRUE;
}

static guint
page_length (McCredentialListModel *self,
             guint                  number)
{
  guint first = number * MC_CREDENTIAL_LIST_PAGE_SIZE;

  return MIN (MC_CREDENTIAL_LIST_PAGE_SIZE, self->n_items - first);
}

static Page *
add_page (McCredentialListModel *self,
          guint                  number)
{
  Page *page = g_new0 (Page, 1);
  guint length = page_length (self, number);

  page->number = number;
  page->items = g_ptr_array_new_full (length, g_object_unref);
  for (guint i = 0; i < length; i++)
    g_ptr_array_add (page->items, mc_credential_item_new ());
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
  return page;
}

/* Keeps the pages used last; the view still holds the items it shows. */
static void
drop_old_pages (McCredentialListModel *self)
{
  while (g_hash_table_size (self->pages) > MC_CREDENTIAL_LIST_MAX_PAGES)
    {
      GHashTableIter iter;
      Page *page = NULL;
      Page *oldest = NULL;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
        if (oldest == NULL || page->used < oldest->used)
          oldest = page;
      g_queue_remove (&self->wanted, GUINT_TO_POINTER (oldest->number));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->number));
    }
}

static void
on_page_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  McCredentialListModel *self = MC_CREDENTIAL_LIST_MODEL (source);
  g_autoptr(GError) error = NULL;
  ReadResult *read = mc_store_job_finish (result, &error);
  Page *page = NULL;

  self->reading = FALSE;
  if (read == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_free (self->error);
      self->error = g_strdup (error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }

  self->n_reads++;
  page = g_hash_table_lookup (self->pages, user_data);
  if (page != NULL)
    fill_page (page, read->rows);
  read_result_free (read);
  read_next_page (self);
}

static void
read_next_page (McCredentialListModel *self)
{
  ReadRequest *request = NULL;
  Page *page = NULL;

  if (self->reading || self->error != NULL)
    return;
  /* Pages dropped or read since they were asked for are skipped. */
  while (page == NULL && !g_queue_is_empty (&self->wanted))
    {
      page = g_hash_table_lookup (self->pages, g_queue_pop_head (&self->wanted));
      if (page != NULL && page->loaded)
        page = NULL;
    }
  if (page == NULL)
    return;

  request = read_request_new (self);
  request->offset = page->number * MC_CREDENTIAL_LIST_PAGE_SIZE;
  request->limit = page->items->len;
  self->reading = TRUE;
  mc_store_job_run (self->store, read_job, request, (GDestroyNotify) read_request_free,
                    (GDestroyNotify) read_result_free, self, self->cancellable,
                    on_page_read, GUINT_TO_POINTER (page->number));
}

static Page *
get_page (McCredentialListModel *self,
          guint                  number)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));

  if (page == NULL)
    {
      page = add_page (self, number);
      page->used = ++self->clock;
      g_queue_push_head (&self->wanted, GUINT_TO_POINTER (number));
      drop_old_pages (self);
      read_next_page (self);
    }
  page->used = ++self->clock;
  return page;
}

/* Counting */

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  McCredentialListModel *self = MC_CREDENTIAL_LIST_MODEL (source);
  g_autoptr(GError) error = NULL;
  ReadResult *read = mc_store_job_finish (result, &error);

  if (read == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (read == NULL)
    {
      self->error = g_strdup (error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  self->n_reads++;
  self->n_items = read->count;
  if (self->n_items > 0)
    {
      Page *first = add_page (self, 0);

      first->used = ++self->clock;
      fill_page (first, read->rows);
    }
  read_result_free (read);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* GListModel */

static GType
mc_credential_list_model_get_item_type (GListModel *list)
{
  return MC_TYPE_CREDENTIAL_ITEM;
}

static guint
mc_credential_list_model_get_n_items (GListModel *list)
{
  return MC_CREDENTIAL_LIST_MODEL (list)->n_items;
}

static gpointer
mc_credential_list_model_get_item (GListModel *list,
                                   guint       position)
{
  McCredentialListModel *self = MC_CREDENTIAL_LIST_MODEL (list);
  Page *page = NULL;

  if (position >= self->n_items)
    return NULL;
  page = get_page (self, position / MC_CREDENTIAL_LIST_PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->items, position % MC_CREDENTIAL_LIST_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mc_credential_list_model_get_item_type;
  iface->get_n_items = mc_credential_list_model_get_n_items;
  iface->get_item = mc_credential_list_model_get_item;
}

/* Public */

const McCredentialQuery *
mc_credential_list_model_get_query (McCredentialListModel *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_LIST_MODEL (self), NULL);
  return &self->query;
}

gboolean
mc_credential_list_model_get_loading (McCredentialListModel *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_LIST_MODEL (self), FALSE);
  return self->loading;
}

const char *
mc_credential_list_model_get_error (McCredentialListModel *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_LIST_MODEL (self), NULL);
  return self->error;
}

guint
mc_credential_list_model_get_n_pages (McCredentialListModel *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_LIST_MODEL (self), 0);
  return g_hash_table_size (self->pages);
}

guint
mc_credential_list_model_get_n_reads (McCredentialListModel *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_LIST_MODEL (self), 0);
  return self->n_reads;
}

gboolean
mc_credential_list_model_update (McCredentialListModel     *self,
                                 const McCredentialSummary *summary)
{
  GHashTableIter iter;
  Page *page = NULL;

  g_return_val_if_fail (MC_IS_CREDENTIAL_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    for (guint i = 0; i < page->items->len; i++)
      {
        McCredentialItem *item = g_ptr_array_index (page->items, i);

        if (mc_credential_item_get_id (item) == summary->id)
          {
            mc_credential_item_set_summary (item, summary);
            return TRUE;
          }
      }
  return FALSE;
}

void
mc_credential_list_model_collect_async (McCredentialListModel *self,
                                        GtkBitset             *positions,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  ReadRequest *request = NULL;
  GtkBitsetIter iter;
  guint position = 0;

  g_return_if_fail (MC_IS_CREDENTIAL_LIST_MODEL (self));
  g_return_if_fail (positions != NULL);

  request = read_request_new (self);
  request->ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Runs of consecutive positions become one range each. */
  for (gboolean more = gtk_bitset_iter_init_first (&iter, positions, &position);
       more && position < self->n_items;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      guint n = request->ranges->len;

      if (n > 0 && g_array_index (request->ranges, guint, n - 2) +
                   g_array_index (request->ranges, guint, n - 1) == position)
        {
          g_array_index (request->ranges, guint, n - 1)++;
        }
      else
        {
          guint range[2] = { position, 1 };

          g_array_append_vals (request->ranges, range, 2);
        }
    }
  mc_store_job_run (self->store, collect_job, request, (GDestroyNotify) read_request_free,
                    (GDestroyNotify) g_ptr_array_unref, self, cancellable, callback, user_data);
}

GPtrArray *
mc_credential_list_model_collect_finish (McCredentialListModel  *self,
                                         GAsyncResult           *result,
                                         GError                **error)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_LIST_MODEL (self), NULL);
  return mc_store_job_finish (result, error);
}

/* GObject */

static void
mc_credential_list_model_dispose (GObject *object)
{
  McCredentialListModel *self = MC_CREDENTIAL_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_queue_clear (&self->wanted);
  g_hash_table_remove_all (self->pages);

  G_OBJECT_CLASS (mc_credential_list_model_parent_class)->dispose (object);
}

static void
mc_credential_list_model_finalize (GObject *object)
{
  McCredentialListModel *self = MC_CREDENTIAL_LIST_MODEL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_free ((char *) self->query.search);
  g_free (self->error);

  G_OBJECT_CLASS (mc_credential_list_model_parent_class)->finalize (object);
}

static void
mc_credential_list_model_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  McCredentialListModel *self = MC_CREDENTIAL_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_credential_list_model_class_init (McCredentialListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = mc_credential_list_model_dispose;
  object_class->finalize = mc_credential_list_model_finalize;
  object_class->get_property = mc_credential_list_model_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, TRUE, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_credential_list_model_init (McCredentialListModel *self)
{
  self->loading = TRUE;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->wanted);
}

McCredentialListModel *
mc_credential_list_model_new (McStore                 *store,
                              const McCredentialQuery *query)
{
  static const McCredentialQuery all = MC_CREDENTIAL_QUERY_INIT;
  McCredentialListModel *self = NULL;
  ReadRequest *request = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  self = g_object_new (MC_TYPE_CREDENTIAL_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->query = query != NULL ? *query : all;
  self->query.search = g_strdup (self->query.search);

  /* The count and the first page in one trip. */
  request = read_request_new (self);
  request->count = TRUE;
  request->limit = MC_CREDENTIAL_LIST_PAGE_SIZE;
  mc_store_job_run (store, read_job, request, (GDestroyNotify) read_request_free,
                    (GDestroyNotify) read_result_free, self, self->cancellable, on_counted, NULL);
  return self;
}
