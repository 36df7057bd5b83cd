/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-template-form.h"

/* The widgets of one criterion. */
typedef struct {
  char         *id;
  McAnswerKind  kind;
  gboolean      required;
  GtkWidget    *box;          /* the criterion's part of the form */
  GtkWidget    *status;       /* "Required", "Required, not answered yet" */
  GtkWidget    *toggles[4];   /* by McRating; [MC_RATING_UNSET] unused */
  GtkWidget    *comment;      /* AdwEntryRow of a rated criterion */
  GtkWidget    *view;         /* GtkTextView of a text criterion */
  gboolean      flagged;      /* marked as missing after a refusal */
} Entry;

struct _McTemplateForm
{
  AdwBin       parent_instance;

  GtkBox      *box;

  McTemplate  *template_;
  GPtrArray   *answers;       /* McAnswer */
  GPtrArray   *entries;       /* Entry */
  gboolean     read_only;
  gboolean     building;
};

G_DEFINE_FINAL_TYPE (McTemplateForm, mc_template_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const McRating ratings[] = { MC_RATING_MET, MC_RATING_PARTLY_MET, MC_RATING_NOT_MET };

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->id);
  g_free (e);
}

static gboolean
answer_given (const McAnswer *answer, McAnswerKind kind)
{
  const char *p;

  if (answer == NULL)
    return FALSE;
  if (kind == MC_ANSWER_KIND_RATING)
    return answer->rating != MC_RATING_UNSET;
  for (p = answer->text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static const char *
rating_style (McRating rating)
{
  switch (rating)
    {
    case MC_RATING_MET:
      return "rating-met";
    case MC_RATING_PARTLY_MET:
      return "rating-partly-met";
    case MC_RATING_NOT_MET:
      return "rating-not-met";
    case MC_RATING_UNSET:
    default:
      return "rating-unset";
    }
}

/* The words beside a criterion's title: whether it must be answered and
 * still is not.  Colour repeats what the words say. */
static void
update_status (McTemplateForm *self, Entry *e)
{
  McAnswer *answer = mc_answers_find (self->answers, e->id);
  gboolean given = answer_given (answer, e->kind);
  GtkWidget *label = e->status;

  if (given)
    e->flagged = FALSE;
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");

  /* Read-only answers are complete: nothing to say about them. */
  if (!e->required || self->read_only)
    {
      gtk_widget_set_visible (label, FALSE);
      return;
    }
  gtk_widget_set_visible (label, TRUE);
  if (given)
    {
      gtk_label_set_label (GTK_LABEL (label), _("Required"));
      gtk_widget_add_css_class (label, "dim-label");
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (label), _("Required, not answered yet"));
      gtk_widget_add_css_class (label, e->flagged ? "error" : "warning");
    }
}

static void
emit_changed (McTemplateForm *self, Entry *e)
{
  update_status (self, e);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
toggle_cb (GtkToggleButton *toggle, McTemplateForm *self)
{
  Entry *e = g_object_get_data (G_OBJECT (toggle), "mc-entry");
  McRating rating = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "mc-rating"));
  McAnswer *answer;
  g_autofree char *text = NULL;

  if (self->building || !gtk_toggle_button_get_active (toggle))
    return;
  answer = mc_answers_find (self->answers, e->id);
  if (answer && answer->rating == rating)
    return;
  text = g_strdup (answer ? answer->text : NULL);
  mc_answers_set (self->answers, e->id, rating, text);
  emit_changed (self, e);
}

static void
comment_changed_cb (GtkEditable *editable, McTemplateForm *self)
{
  Entry *e = g_object_get_data (G_OBJECT (editable), "mc-entry");
  McAnswer *answer;
  McRating rating;

  if (self->building)
    return;
  answer = mc_answers_find (self->answers, e->id);
  rating = answer ? answer->rating : MC_RATING_UNSET;
  mc_answers_set (self->answers, e->id, rating, gtk_editable_get_text (editable));
  emit_changed (self, e);
}

static void
text_changed_cb (GtkTextBuffer *buffer, McTemplateForm *self)
{
  Entry *e = g_object_get_data (G_OBJECT (buffer), "mc-entry");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->building)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mc_answers_set (self->answers, e->id, MC_RATING_UNSET, text);
  emit_changed (self, e);
}

static void
set_label (GtkWidget *widget, const char *label, const char *description)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Editable answers */

static GtkWidget *
rating_row_new (McTemplateForm *self, Entry *e, const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (linked, "linked");
  gtk_box_set_homogeneous (GTK_BOX (linked), TRUE);
  gtk_widget_set_margin_start (linked, 12);
  gtk_widget_set_margin_end (linked, 12);
  gtk_widget_set_margin_top (linked, 10);
  gtk_widget_set_margin_bottom (linked, 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (linked),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      const char *label = mc_enum_label (MC_TYPE_RATING, ratings[i]);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

      if (group)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), group);
      else
        group = GTK_TOGGLE_BUTTON (toggle);
      gtk_widget_add_css_class (toggle, rating_style (ratings[i]));
      /* A screen reader hears the choice, then what it is about. */
      set_label (toggle, label, title);
      g_object_set_data (G_OBJECT (toggle), "mc-entry", e);
      g_object_set_data (G_OBJECT (toggle), "mc-rating", GINT_TO_POINTER (ratings[i]));
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (toggle_cb), self, 0);
      gtk_box_append (GTK_BOX (linked), toggle);
      e->toggles[ratings[i]] = toggle;
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), linked);
  return row;
}

static GtkWidget *
comment_row_new (McTemplateForm *self, Entry *e, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Comment"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "mc-entry", e);
  g_signal_connect_object (row, "changed", G_CALLBACK (comment_changed_cb), self, 0);
  if (delegate)
    set_label (GTK_WIDGET (delegate), _("Comment"), title);
  set_label (row, _("Comment"), title);
  e->comment = row;
  return row;
}

static GtkWidget *
text_row_new (McTemplateForm *self, Entry *e, const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "answer-text");
  set_label (view, title, NULL);
  g_object_set_data (G_OBJECT (buffer), "mc-entry", e);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), view);
  e->view = view;
  return row;
}

/* Read-only answers: the rating in words, the comment or text below. */

static GtkWidget *
answer_label_new (const char *text, const char *placeholder)
{
  gboolean empty = text == NULL || *text == '\0';
  GtkWidget *label = gtk_label_new (empty ? placeholder : text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), !empty);
  gtk_widget_set_hexpand (label, TRUE);
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
answer_row_new (McTemplateForm *self, Entry *e)
{
  McAnswer *answer = mc_answers_find (self->answers, e->id);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  if (e->kind == MC_ANSWER_KIND_RATING)
    {
      McRating rating = answer ? answer->rating : MC_RATING_UNSET;
      GtkWidget *pill = gtk_label_new (rating == MC_RATING_UNSET
                                       ? _("Not rated")
                                       : mc_enum_label (MC_TYPE_RATING, rating));

      gtk_widget_set_halign (pill, GTK_ALIGN_START);
      gtk_widget_add_css_class (pill, "rating-pill");
      gtk_widget_add_css_class (pill, rating_style (rating));
      gtk_box_append (GTK_BOX (box), pill);
      gtk_box_append (GTK_BOX (box), answer_label_new (answer ? answer->text : NULL,
                                                       _("No comment")));
    }
  else
    gtk_box_append (GTK_BOX (box), answer_label_new (answer ? answer->text : NULL,
                                                     _("Not answered")));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
criterion_new (McTemplateForm *self, Entry *e, const McCriterion *criterion, guint number)
{
  const char *title = mc_criterion_get_title (criterion);
  const char *guidance = mc_criterion_get_guidance (criterion);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *heading;
  g_autofree char *numbered = NULL;

  /* Translators: a criterion's number and its title, "3. Workload is realistic" */
  numbered = g_strdup_printf (_("%u. %s"), number, title ? title : "");
  heading = gtk_label_new (numbered);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);

  /* Below the title, so that a narrow panel keeps the title whole. */
  e->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (e->status), 0);
  gtk_widget_add_css_class (e->status, "caption-heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), e->status);

  /* What to look for is for the one answering. */
  if (guidance && *guidance && !self->read_only)
    {
      GtkWidget *hint = gtk_label_new (guidance);

      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (hint), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "caption");
      gtk_box_append (GTK_BOX (box), hint);
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 9);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (self->read_only)
    gtk_list_box_append (GTK_LIST_BOX (list), answer_row_new (self, e));
  else if (e->kind == MC_ANSWER_KIND_RATING)
    {
      gtk_list_box_append (GTK_LIST_BOX (list), rating_row_new (self, e, title));
      gtk_list_box_append (GTK_LIST_BOX (list), comment_row_new (self, e, title));
    }
  else
    gtk_list_box_append (GTK_LIST_BOX (list), text_row_new (self, e, title));
  gtk_box_append (GTK_BOX (box), list);

  gtk_widget_set_name (box, e->id);
  e->box = box;
  return box;
}

/* Puts the stored answers into the editable controls. */
static void
show_answers (McTemplateForm *self)
{
  self->building = TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      McAnswer *answer = mc_answers_find (self->answers, e->id);

      if (!self->read_only)
        {
          if (e->kind == MC_ANSWER_KIND_RATING)
            {
              McRating rating = answer ? answer->rating : MC_RATING_UNSET;

              for (guint r = 0; r < G_N_ELEMENTS (ratings); r++)
                gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (e->toggles[ratings[r]]),
                                              ratings[r] == rating);
              gtk_editable_set_text (GTK_EDITABLE (e->comment),
                                     answer && answer->text ? answer->text : "");
            }
          else
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (e->view)),
                                      answer && answer->text ? answer->text : "", -1);
        }
      update_status (self, e);
    }
  self->building = FALSE;
}

static void
rebuild (McTemplateForm *self)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);
  g_ptr_array_set_size (self->entries, 0);

  if (self->template_ == NULL)
    return;

  n = mc_template_get_n_criteria (self->template_);
  for (guint i = 0; i < n; i++)
    {
      const McCriterion *criterion = mc_template_get_criterion (self->template_, i);
      Entry *e = g_new0 (Entry, 1);

      e->id = g_strdup (criterion->id);
      e->kind = criterion->answer;
      e->required = criterion->required;
      g_ptr_array_add (self->entries, e);
      gtk_box_append (self->box, criterion_new (self, e, criterion, i + 1));
    }
  show_answers (self);
}

static Entry *
find_entry (McTemplateForm *self, const char *id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (e->id, id) == 0)
        return e;
    }
  return NULL;
}

static void
mc_template_form_dispose (GObject *object)
{
  McTemplateForm *self = MC_TEMPLATE_FORM (object);

  /* The bin's child is a template child: let go of it once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_TEMPLATE_FORM);
  g_clear_object (&self->template_);

  G_OBJECT_CLASS (mc_template_form_parent_class)->dispose (object);
}

static void
mc_template_form_finalize (GObject *object)
{
  McTemplateForm *self = MC_TEMPLATE_FORM (object);

  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_template_form_parent_class)->finalize (object);
}

static void
mc_template_form_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McTemplateForm *self = MC_TEMPLATE_FORM (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template_);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_template_form_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McTemplateForm *self = MC_TEMPLATE_FORM (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      mc_template_form_set_template (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      mc_template_form_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_template_form_class_init (McTemplateFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_template_form_dispose;
  object_class->finalize = mc_template_form_finalize;
  object_class->get_property = mc_template_form_get_property;
  object_class->set_property = mc_template_form_set_property;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, MC_TYPE_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-template-form.ui");
  gtk_widget_class_bind_template_child (widget_class, McTemplateForm, box);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mc_template_form_init (McTemplateForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_answer_free);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
}

GtkWidget *
mc_template_form_new (void)
{
  return g_object_new (MC_TYPE_TEMPLATE_FORM, NULL);
}

McTemplate *
mc_template_form_get_template (McTemplateForm *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_FORM (self), NULL);

  return self->template_;
}

void
mc_template_form_set_template (McTemplateForm *self, McTemplate *template_)
{
  g_return_if_fail (MC_IS_TEMPLATE_FORM (self));
  g_return_if_fail (template_ == NULL || MC_IS_TEMPLATE (template_));

  if (!g_set_object (&self->template_, template_))
    return;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

void
mc_template_form_set_answers (McTemplateForm *self, GPtrArray *answers)
{
  g_return_if_fail (MC_IS_TEMPLATE_FORM (self));

  g_ptr_array_set_size (self->answers, 0);
  for (guint i = 0; answers && i < answers->len; i++)
    g_ptr_array_add (self->answers, mc_answer_copy (g_ptr_array_index (answers, i)));
  for (guint i = 0; i < self->entries->len; i++)
    ((Entry *) g_ptr_array_index (self->entries, i))->flagged = FALSE;
  /* Read-only rows show the answers as built: build them again. */
  if (self->read_only)
    rebuild (self);
  else
    show_answers (self);
}

GPtrArray *
mc_template_form_get_answers (McTemplateForm *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_FORM (self), NULL);

  return self->answers;
}

gboolean
mc_template_form_get_read_only (McTemplateForm *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_FORM (self), FALSE);

  return self->read_only;
}

void
mc_template_form_set_read_only (McTemplateForm *self, gboolean read_only)
{
  g_return_if_fail (MC_IS_TEMPLATE_FORM (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

guint
mc_template_form_count_missing (McTemplateForm *self)
{
  guint n = 0;

  g_return_val_if_fail (MC_IS_TEMPLATE_FORM (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (e->required && !answer_given (mc_answers_find (self->answers, e->id), e->kind))
        n++;
    }
  return n;
}

guint
mc_template_form_show_missing (McTemplateForm *self)
{
  Entry *first = NULL;
  guint n = 0;

  g_return_val_if_fail (MC_IS_TEMPLATE_FORM (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (!e->required || answer_given (mc_answers_find (self->answers, e->id), e->kind))
        continue;
      e->flagged = TRUE;
      update_status (self, e);
      if (first == NULL)
        first = e;
      n++;
    }

  if (first && !self->read_only)
    {
      GtkWidget *target = first->kind == MC_ANSWER_KIND_RATING
                          ? first->toggles[MC_RATING_MET] : first->view;

      gtk_widget_grab_focus (target);
    }
  return n;
}

GtkWidget *
mc_template_form_get_control (McTemplateForm *self, const char *criterion_id, McRating rating)
{
  Entry *e;

  g_return_val_if_fail (MC_IS_TEMPLATE_FORM (self), NULL);

  e = find_entry (self, criterion_id);
  if (e == NULL || self->read_only)
    return NULL;
  if (e->kind == MC_ANSWER_KIND_TEXT)
    return rating == MC_RATING_UNSET ? e->view : NULL;
  if (rating == MC_RATING_UNSET)
    return e->comment;
  if ((guint) rating < G_N_ELEMENTS (e->toggles))
    return e->toggles[rating];
  return NULL;
}
