/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-format.h"
#include "mc-history-dialog.h"
#include "mc-history-item.h"
#include "mc-history-row.h"
#include "mc-store-job.h"

struct _McHistoryDialog
{
  AdwWindow        parent_instance;

  McWorkflow      *workflow;
  McDesign        *design;

  gboolean         institution;
  GCancellable    *load_cancellable;
  GCancellable    *verify_cancellable;
  GListStore      *items;           /* McHistoryItem shown, newest first */
  GHashTable      *titles;          /* design id → title, institution history only */
  guint64          total;           /* events in the institution history, 0 if not counted */
  gboolean         has_more;        /* older events are left to read */
  gint64           broken_id;       /* first altered event, 0 if none known */
  char            *verdict;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkToggleButton *design_button;
  GtkToggleButton *institution_button;
  GtkButton       *verify_button;
  GtkRevealer     *verdict_revealer;
  GtkBox          *verdict_box;
  GtkSpinner      *verdict_spinner;
  GtkImage        *verdict_icon;
  GtkLabel        *verdict_label;
  GtkLabel        *verdict_detail;
  GtkButton       *verdict_cancel;
  GtkStack        *stack;
  GtkSpinner      *loading_spinner;
  GtkLabel        *scope_label;
  GtkLabel        *count_label;
  GtkScrolledWindow *scroller;
  GtkListView     *list;
  GtkButton       *more_button;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (McHistoryDialog, mc_history_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_DESIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (McHistoryDialog *self);

static void
_mc_history_dialog_toast (McHistoryDialog *self,
                          const char      *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Reading, in the worker: a page of events at a time. */

typedef struct {
  gint64   design_id;
  gint64   before_id;
  gboolean first;       /* also count the events and name the designs */
  gboolean titles;
} LoadRequest;

typedef struct {
  GPtrArray  *events;   /* newest first */
  GHashTable *titles;
  guint64     total;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->events, g_ptr_array_unref);
  g_clear_pointer (&result->titles, g_hash_table_unref);
  g_free (result);
}

static GHashTable *
read_titles (McStore  *store,
             GError  **error)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) designs = mc_store_query_designs (store, &query, error);
  GHashTable *titles = NULL;

  if (designs == NULL)
    return NULL;
  titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < designs->len; i++)
    {
      McDesignSummary *summary = g_ptr_array_index (designs, i);
      gint64 id = mc_design_summary_get_id (summary);

      g_hash_table_insert (titles, g_memdup2 (&id, sizeof id),
                           g_strdup (mc_design_summary_get_title (summary)));
    }
  return titles;
}

static gpointer
load_job (McStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  LoadRequest *request = data;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) titles = NULL;
  LoadResult *result = NULL;
  guint64 total = 0;

  events = mc_store_list_events_before (store, request->design_id, request->before_id,
                                        MC_HISTORY_PAGE_SIZE, error);
  if (events == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (request->first && request->design_id == 0)
    {
      g_autoptr(GError) count_error = NULL;

      total = mc_store_count_events (store, &count_error);
      if (count_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&count_error));
          return NULL;
        }
    }
  if (request->first && request->titles && (titles = read_titles (store, error)) == NULL)
    return NULL;

  result = g_new0 (LoadResult, 1);
  result->events = g_steal_pointer (&events);
  result->titles = g_steal_pointer (&titles);
  result->total = total;
  return result;
}

/* Showing */

static const char *
design_title_of (McHistoryDialog *self,
                 const McEvent   *event)
{
  const char *title = NULL;

  if (self->titles == NULL)
    return NULL;
  if (event->design_id == 0)
    return NULL;

  title = g_hash_table_lookup (self->titles, &event->design_id);
  if (title == NULL)
    return _("a deleted design");
  if (title[0] == '\0')
    return _("Untitled Design");
  return title;
}

static guint
n_shown (McHistoryDialog *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

static void
update_count (McHistoryDialog *self)
{
  g_autofree char *shown = mc_format_count (n_shown (self));
  g_autofree char *text = NULL;

  if (self->has_more && self->total > 0)
    {
      g_autofree char *total = mc_format_count (self->total);

      /* Translators: "Newest 200 of 200,000 events" */
      text = g_strdup_printf (ngettext ("Newest %s of %s event", "Newest %s of %s events",
                                        (gulong) self->total),
                              shown, total);
    }
  else if (self->has_more)
    /* Translators: "Newest 200 events" (there are more) */
    text = g_strdup_printf (ngettext ("Newest %s event", "Newest %s events", n_shown (self)),
                            shown);
  else
    text = g_strdup_printf (ngettext ("%s event, newest first", "%s events, newest first",
                                      n_shown (self)),
                            shown);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->has_more);
  gtk_widget_set_sensitive (GTK_WIDGET (self->more_button), self->load_cancellable == NULL);
}

/* Adds a page of events (newest first) at the end of the list, in one
 * change: the list view makes rows only for what is on screen. */
static void
append_items (McHistoryDialog *self,
              GPtrArray       *page)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (page->len, g_object_unref);

  for (guint i = 0; i < page->len; i++)
    {
      McEvent *event = g_ptr_array_index (page, i);
      McHistoryItem *item = mc_history_item_new (mc_event_copy (event), design_title_of (self, event));

      if (self->broken_id != 0 && event->id == self->broken_id)
        mc_history_item_set_broken (item, TRUE);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, n_shown (self), 0, items->pdata, items->len);
}

static gint64
oldest_shown_id (McHistoryDialog *self)
{
  g_autoptr(McHistoryItem) item = NULL;
  guint n = n_shown (self);

  if (n == 0)
    return 0;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), n - 1);
  return mc_history_item_get_event (item)->id;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  McHistoryDialog *self = MC_HISTORY_DIALOG (source);
  g_autoptr(GError) error = NULL;
  LoadResult *loaded = mc_store_job_finish (result, &error);
  gboolean first = GPOINTER_TO_INT (user_data);

  if (loaded == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled by the person (the window is still there) or by
       * closing the window or changing scope (nothing to update). */
      if (self->load_cancellable != NULL && g_cancellable_is_cancelled (self->load_cancellable))
        {
          g_clear_object (&self->load_cancellable);
          gtk_spinner_stop (self->loading_spinner);
          if (first)
            {
              adw_status_page_set_description (self->error_page,
                                               _("Reading the history was cancelled"));
              gtk_stack_set_visible_child_name (self->stack, "error");
            }
          else
            update_count (self);
        }
      return;
    }

  g_clear_object (&self->load_cancellable);
  gtk_spinner_stop (self->loading_spinner);

  if (loaded == NULL)
    {
      if (first)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        {
          _mc_history_dialog_toast (self, error->message);
          update_count (self);
        }
      return;
    }

  if (first)
    {
      g_list_store_remove_all (self->items);
      g_clear_pointer (&self->titles, g_hash_table_unref);
      self->titles = g_steal_pointer (&loaded->titles);
      self->total = loaded->total;
    }
  self->has_more = loaded->events->len == MC_HISTORY_PAGE_SIZE;
  append_items (self, loaded->events);
  load_result_free (loaded);

  if (n_shown (self) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, "events");
}

static void
start_load (McHistoryDialog *self,
            gboolean         first)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->design_id = self->institution ? 0 : mc_design_get_id (self->design);
  request->before_id = first ? 0 : oldest_shown_id (self);
  request->first = first;
  request->titles = self->institution;

  self->load_cancellable = g_cancellable_new ();
  mc_store_job_run (mc_workflow_get_store (self->workflow), load_job, request, g_free,
                    (GDestroyNotify) load_result_free, self, self->load_cancellable,
                    on_loaded, GINT_TO_POINTER (first));
}

void
mc_history_dialog_show_more (McHistoryDialog *self)
{
  g_return_if_fail (MC_IS_HISTORY_DIALOG (self));

  if (!self->has_more || self->load_cancellable != NULL)
    return;
  start_load (self, FALSE);
  update_count (self);
}

static void
load (McHistoryDialog *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (!self->institution && self->design == NULL)
    {
      adw_status_page_set_description (self->empty_page, _("No design is open"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  adw_status_page_set_description (self->empty_page,
                                   self->institution
                                   ? _("Nothing has been recorded yet")
                                   : _("Nothing has been recorded for this design yet"));
  if (self->institution)
    {
      gtk_label_set_text (self->scope_label, _("The Whole Institution"));
    }
  else
    {
      const char *title = mc_revision_get_title (mc_design_get_content (self->design));

      gtk_label_set_text (self->scope_label,
                          title != NULL && title[0] != '\0' ? title : _("Untitled Design"));
    }
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  start_load (self, TRUE);
}

static void
on_load_cancel (McHistoryDialog *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

static void
on_reload (McHistoryDialog *self)
{
  load (self);
}

static gboolean
may_see_institution (McHistoryDialog *self)
{
  return mc_workflow_has_role (self->workflow, MC_ROLE_ADMINISTRATOR, 0);
}

gboolean
mc_history_dialog_set_institution (McHistoryDialog *self,
                                   gboolean         institution)
{
  g_return_val_if_fail (MC_IS_HISTORY_DIALOG (self), FALSE);

  if (institution && !may_see_institution (self))
    return FALSE;
  if (!institution && self->design == NULL)
    return FALSE;

  if (self->institution == institution &&
      (n_shown (self) > 0 || self->load_cancellable != NULL))
    return TRUE;

  /* Set first: the toggle's handler then finds nothing to do. */
  self->institution = institution;
  gtk_toggle_button_set_active (institution ? self->institution_button : self->design_button, TRUE);
  load (self);
  return TRUE;
}

static void
on_scope_toggled (McHistoryDialog *self)
{
  gboolean institution = gtk_toggle_button_get_active (self->institution_button);

  if (institution != self->institution)
    mc_history_dialog_set_institution (self, institution);
}

/* Verifying */

static void
history_check_free (McHistoryCheck *check)
{
  mc_history_check_clear (check);
  g_free (check);
}

static gpointer
verify_job (McStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  McHistoryCheck *check = g_new0 (McHistoryCheck, 1);

  if (!mc_store_verify_history (store, check, cancellable, error))
    {
      history_check_free (check);
      return NULL;
    }
  return check;
}

static void
show_verdict (McHistoryDialog *self,
              const char      *text,
              const char      *detail,
              const char      *icon,
              const char      *css_class)
{
  gtk_label_set_text (self->verdict_detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_detail), detail != NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "intact");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "altered");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_box), css_class);

  gtk_label_set_text (self->verdict_label, text);
  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_icon), icon != NULL);
  gtk_revealer_set_reveal_child (self->verdict_revealer, TRUE);
}

static void
mark_broken (McHistoryDialog *self)
{
  for (guint i = 0; i < n_shown (self); i++)
    {
      g_autoptr(McHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      mc_history_item_set_broken (item, self->broken_id != 0 &&
                                        mc_history_item_get_event (item)->id == self->broken_id);
    }
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McHistoryDialog *self = MC_HISTORY_DIALOG (source);
  g_autoptr(GError) error = NULL;
  McHistoryCheck *check = mc_store_job_finish (result, &error);
  g_autofree char *detail = NULL;
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  if (cancelled && (self->verify_cancellable == NULL ||
                    !g_cancellable_is_cancelled (self->verify_cancellable)))
    return;

  g_clear_object (&self->verify_cancellable);
  gtk_spinner_stop (self->verdict_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_spinner), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_cancel), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->verify_button), TRUE);
  g_clear_pointer (&self->verdict, g_free);

  if (check == NULL)
    {
      if (cancelled)
        self->verdict = g_strdup (_("The check was cancelled"));
      else
        /* Translators: %s says why the history could not be checked */
        self->verdict = g_strdup_printf (_("The history could not be checked: %s"), error->message);
      show_verdict (self, self->verdict, NULL, cancelled ? NULL : "dialog-warning-symbolic", NULL);
      return;
    }

  if (check->intact)
    {
      g_autofree char *n = mc_format_count (check->n_checked);

      self->broken_id = 0;
      self->verdict = g_strdup_printf (ngettext ("The history is intact: %s event checked",
                                                 "The history is intact: %s events checked",
                                                 (gulong) check->n_checked),
                                       n);
      if (check->head_hash != NULL && check->n_checked > 0)
        /* Translators: %s is a long hexadecimal fingerprint */
        detail = g_strdup_printf (_("Fingerprint of the newest event: %s. Note it down elsewhere, "
                                    "for instance in the committee’s minutes, to detect later "
                                    "whether the whole history was rewritten."),
                                  check->head_hash);
      show_verdict (self, self->verdict, detail, "emblem-ok-symbolic", "intact");
    }
  else
    {
      self->broken_id = check->first_broken_id;
      /* Translators: %s says which event was altered and how, e.g.
       * "event #12 was changed after it was recorded" */
      self->verdict = g_strdup_printf (_("The history has been altered: %s"),
                                       check->reason != NULL ? check->reason : "");
      if (check->n_checked > 0)
        {
          g_autofree char *n = mc_format_count (check->n_checked);

          detail = g_strdup_printf (ngettext ("The %s event before it is intact.",
                                              "The %s events before it are intact.",
                                              (gulong) check->n_checked),
                                    n);
        }
      show_verdict (self, self->verdict, detail, "dialog-warning-symbolic", "altered");
    }
  mark_broken (self);
  history_check_free (check);
}

void
mc_history_dialog_verify (McHistoryDialog *self)
{
  g_return_if_fail (MC_IS_HISTORY_DIALOG (self));

  if (self->verify_cancellable != NULL)
    return;

  g_clear_pointer (&self->verdict, g_free);
  self->verify_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->verify_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_spinner), TRUE);
  gtk_spinner_start (self->verdict_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_cancel), TRUE);
  show_verdict (self, _("Checking every event of the history…"), NULL, NULL, NULL);

  mc_store_job_run (mc_workflow_get_store (self->workflow), verify_job, NULL, NULL,
                    (GDestroyNotify) history_check_free, self, self->verify_cancellable,
                    on_verified, NULL);
}

static void
on_verify_cancel (McHistoryDialog *self)
{
  if (self->verify_cancellable != NULL)
    g_cancellable_cancel (self->verify_cancellable);
}

/* Accessors */

gboolean
mc_history_dialog_get_busy (McHistoryDialog *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_DIALOG (self), FALSE);
  return self->load_cancellable != NULL || self->verify_cancellable != NULL;
}

guint64
mc_history_dialog_get_total (McHistoryDialog *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_DIALOG (self), 0);
  return self->total;
}

guint
mc_history_dialog_get_n_shown (McHistoryDialog *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_DIALOG (self), 0);
  return n_shown (self);
}

const McEvent *
mc_history_dialog_get_shown_event (McHistoryDialog *self,
                                   guint            index)
{
  g_autoptr(McHistoryItem) item = NULL;

  g_return_val_if_fail (MC_IS_HISTORY_DIALOG (self), NULL);
  g_return_val_if_fail (index < n_shown (self), NULL);

  /* The store keeps its own reference. */
  item = g_list_model_get_item (G_LIST_MODEL (self->items), index);
  return mc_history_item_get_event (item);
}

const char *
mc_history_dialog_get_verdict (McHistoryDialog *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_DIALOG (self), NULL);
  return self->verdict;
}

/* The list */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (mc_history_row_new ()));
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  mc_history_row_set_item (MC_HISTORY_ROW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  mc_history_row_set_item (MC_HISTORY_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* Older events come as the list is scrolled to its end. */
static void
on_edge_reached (McHistoryDialog *self,
                 GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    mc_history_dialog_show_more (self);
}

/* GObject */

static void
mc_history_dialog_constructed (GObject *object)
{
  McHistoryDialog *self = MC_HISTORY_DIALOG (object);

  G_OBJECT_CLASS (mc_history_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));

  if (self->design == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->design_button), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->design_button), _("No design is open"));
    }
  if (!may_see_institution (self))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->institution_button), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->institution_button),
                                   _("Only administrators can see the history of the whole institution"));
    }

  if (self->design != NULL)
    {
      const char *title = mc_revision_get_title (mc_design_get_content (self->design));
      g_autofree char *window_title = NULL;

      /* Translators: the title of the history window, %s is a design's title */
      window_title = g_strdup_printf (_("History of “%s”"),
                                      title != NULL && title[0] != '\0' ? title : _("Untitled Design"));
      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Institution History"));
    }

  self->institution = self->design == NULL && may_see_institution (self);
  gtk_toggle_button_set_active (self->institution ? self->institution_button : self->design_button,
                                TRUE);
  load (self);
}

static void
mc_history_dialog_dispose (GObject *object)
{
  McHistoryDialog *self = MC_HISTORY_DIALOG (object);

  /* Closing the window stops its work; the callbacks then find the
   * cancellables gone and touch nothing. */
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  if (self->verify_cancellable != NULL)
    g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->verify_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_HISTORY_DIALOG);

  G_OBJECT_CLASS (mc_history_dialog_parent_class)->dispose (object);
}

static void
mc_history_dialog_finalize (GObject *object)
{
  McHistoryDialog *self = MC_HISTORY_DIALOG (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->design);
  g_clear_object (&self->items);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_clear_pointer (&self->verdict, g_free);

  G_OBJECT_CLASS (mc_history_dialog_parent_class)->finalize (object);
}

static void
mc_history_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  McHistoryDialog *self = MC_HISTORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_DESIGN:
      g_value_set_object (value, self->design);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_history_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  McHistoryDialog *self = MC_HISTORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_DESIGN:
      self->design = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_history_dialog_class_init (McHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_history_dialog_constructed;
  object_class->dispose = mc_history_dialog_dispose;
  object_class->finalize = mc_history_dialog_finalize;
  object_class->get_property = mc_history_dialog_get_property;
  object_class->set_property = mc_history_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIGN] =
    g_param_spec_object ("design", NULL, NULL, MC_TYPE_DESIGN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, design_button);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, institution_button);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, verify_button);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, verdict_revealer);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, verdict_spinner);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, verdict_detail);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, verdict_cancel);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, scope_label);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, list);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, more_button);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, McHistoryDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_load_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_reload);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_cancel);
  gtk_widget_class_bind_template_callback (widget_class, mc_history_dialog_verify);
  gtk_widget_class_bind_template_callback (widget_class, mc_history_dialog_show_more);
  gtk_widget_class_bind_template_callback (widget_class, on_edge_reached);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_history_dialog_init (McHistoryDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->items = g_list_store_new (MC_TYPE_HISTORY_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
}

McHistoryDialog *
mc_history_dialog_new (McWorkflow *workflow,
                       McDesign   *design)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (design == NULL || MC_IS_DESIGN (design), NULL);

  return g_object_new (MC_TYPE_HISTORY_DIALOG,
                       "workflow", workflow,
                       "design", design,
                       NULL);
}
