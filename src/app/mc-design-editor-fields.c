/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The widget factory of the editor: one kind of widget per McFieldKind,
 * used alike for the fields of a revision and of its repeated items. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-design-editor-private.h"

typedef struct {
  GObject     *target;     /* McRevision or McItem */
  McRevision  *revision;
  McFieldSpec  spec;
  GPtrArray   *rows;       /* outcome-code rows of an expander, if any */
  char        *signature;  /* outcome codes the rows were built for */
} Binding;

static void
binding_free (gpointer data)
{
  Binding *b = data;

  g_clear_object (&b->target);
  g_clear_object (&b->revision);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_free (b->signature);
  g_free (b);
}

static Binding *
binding_new (GtkWidget *owner, const McFieldSpec *spec, GObject *target, McRevision *revision)
{
  Binding *b = g_new0 (Binding, 1);

  b->target = g_object_ref (target);
  b->revision = revision ? g_object_ref (revision) : NULL;
  b->spec = *spec;
  g_object_set_data_full (G_OBJECT (owner), "mc-binding", b, binding_free);
  return b;
}

/* Generic access to a McRevision or McItem field. */
#define IS_REV(b) MC_IS_REVISION ((b)->target)

static const char *
get_string (Binding *b)
{
  return IS_REV (b) ? mc_revision_get_string (MC_REVISION (b->target), b->spec.id)
                    : mc_item_get_string (MC_ITEM (b->target), b->spec.id);
}

static void
set_string (Binding *b, const char *value)
{
  if (IS_REV (b))
    mc_revision_set_string (MC_REVISION (b->target), b->spec.id, value);
  else
    mc_item_set_string (MC_ITEM (b->target), b->spec.id, value);
}

static int
get_int (Binding *b)
{
  return IS_REV (b) ? mc_revision_get_int (MC_REVISION (b->target), b->spec.id)
                    : mc_item_get_int (MC_ITEM (b->target), b->spec.id);
}

static void
set_int (Binding *b, int value)
{
  if (IS_REV (b))
    mc_revision_set_int (MC_REVISION (b->target), b->spec.id, value);
  else
    mc_item_set_int (MC_ITEM (b->target), b->spec.id, value);
}

static double
get_double (Binding *b)
{
  return IS_REV (b) ? mc_revision_get_double (MC_REVISION (b->target), b->spec.id)
                    : mc_item_get_double (MC_ITEM (b->target), b->spec.id);
}

static void
set_double (Binding *b, double value)
{
  if (IS_REV (b))
    mc_revision_set_double (MC_REVISION (b->target), b->spec.id, value);
  else
    mc_item_set_double (MC_ITEM (b->target), b->spec.id, value);
}

static gboolean
get_boolean (Binding *b)
{
  return IS_REV (b) ? mc_revision_get_boolean (MC_REVISION (b->target), b->spec.id)
                    : mc_item_get_boolean (MC_ITEM (b->target), b->spec.id);
}

static void
set_boolean (Binding *b, gboolean value)
{
  if (IS_REV (b))
    mc_revision_set_boolean (MC_REVISION (b->target), b->spec.id, value);
  else
    mc_item_set_boolean (MC_ITEM (b->target), b->spec.id, value);
}

static guint
get_flags (Binding *b)
{
  return IS_REV (b) ? mc_revision_get_flags (MC_REVISION (b->target), b->spec.id)
                    : mc_item_get_flags (MC_ITEM (b->target), b->spec.id);
}

static void
set_flags (Binding *b, guint value)
{
  if (IS_REV (b))
    mc_revision_set_flags (MC_REVISION (b->target), b->spec.id, value);
  else
    mc_item_set_flags (MC_ITEM (b->target), b->spec.id, value);
}

static const char * const *
get_strv (Binding *b)
{
  return IS_REV (b) ? mc_revision_get_strv (MC_REVISION (b->target), b->spec.id)
                    : mc_item_get_strv (MC_ITEM (b->target), b->spec.id);
}

static void
set_strv (Binding *b, const char * const *value)
{
  if (IS_REV (b))
    mc_revision_set_strv (MC_REVISION (b->target), b->spec.id, value);
  else
    mc_item_set_strv (MC_ITEM (b->target), b->spec.id, value);
}

void
_mc_field_spec_from_field (McFieldSpec *spec, const McField *field)
{
  spec->id = field->id;
  spec->kind = field->kind;
  spec->label = mc_field_get_label (field);
  spec->type = (field->get_type && field->kind != MC_FIELD_LIST) ? field->get_type () : G_TYPE_INVALID;
  spec->min = field->min;
  spec->max = field->max;
  spec->max_length = field->max_length;
}

void
_mc_field_spec_from_item_field (McFieldSpec *spec, const McItemField *field)
{
  spec->id = field->id;
  spec->kind = field->kind;
  spec->label = mc_item_field_get_label (field);
  spec->type = field->get_type ? field->get_type () : G_TYPE_INVALID;
  spec->min = field->min;
  spec->max = field->max;
  spec->max_length = field->max_length;
}

void
_mc_widget_set_accessible_label (GtkWidget *widget, const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

char *
_mc_item_format_field (McItem *item, const char *field_id)
{
  const McItemField *field = mc_item_field_lookup (mc_item_get_list_id (item), field_id);

  if (field == NULL)
    return g_strdup ("");

  switch (field->kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      return g_strdup (mc_item_get_string (item, field_id) ?: "");
    case MC_FIELD_INT:
      return g_strdup_printf ("%d", mc_item_get_int (item, field_id));
    case MC_FIELD_DOUBLE:
      return g_strdup_printf ("%g", mc_item_get_double (item, field_id));
    case MC_FIELD_ENUM:
      return g_strdup (mc_enum_label (field->get_type (), mc_item_get_int (item, field_id)) ?: "");
    case MC_FIELD_BOOLEAN:
    case MC_FIELD_FLAGS:
    case MC_FIELD_STRV:
    case MC_FIELD_LIST:
    default:
      return g_strdup ("");
    }
}

static void
prepare_row (GtkWidget *row, const McFieldSpec *spec)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spec->label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, spec->id);
}

/* STRING */

static void
entry_changed_cb (GtkEditable *editable, Binding *b)
{
  set_string (b, gtk_editable_get_text (editable));
}

static GtkWidget *
string_row_new (const McFieldSpec *spec, GObject *target, GtkWidget **focus)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  Binding *b = binding_new (row, spec, target, NULL);

  prepare_row (row, spec);
  if (spec->max_length > 0 && GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), (int) spec->max_length);
  gtk_editable_set_text (GTK_EDITABLE (row), get_string (b) ?: "");
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), b);
  if (delegate)
    _mc_widget_set_accessible_label (GTK_WIDGET (delegate), spec->label);
  *focus = row;
  return row;
}

/* STRV: comma-separated codes */

static void
strv_changed_cb (GtkEditable *editable, Binding *b)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (editable), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) value = NULL;

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i])
        g_strv_builder_add (builder, parts[i]);
    }
  value = g_strv_builder_end (builder);
  set_strv (b, (const char * const *) value);
}

static GtkWidget *
strv_row_new (const McFieldSpec *spec, GObject *target, GtkWidget **focus)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  Binding *b = binding_new (row, spec, target, NULL);
  const char * const *value = get_strv (b);
  g_autofree char *text = value ? g_strjoinv (", ", (char **) value) : g_strdup ("");

  prepare_row (row, spec);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect (row, "changed", G_CALLBACK (strv_changed_cb), b);
  if (delegate)
    _mc_widget_set_accessible_label (GTK_WIDGET (delegate), spec->label);
  *focus = row;
  return row;
}

/* TEXT: a heading over a multi-line text view */

static void
buffer_changed_cb (GtkTextBuffer *buffer, Binding *b)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_string (b, text);
}

static GtkWidget *
text_row_new (const McFieldSpec *spec, GObject *target, GtkWidget **focus)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (spec->label);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  Binding *b = binding_new (view, spec, target, NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_name (row, spec->id);
  gtk_widget_add_css_class (row, "text-field-row");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  /* Suffixes beside the label, as other rows have them (comments). */
  gtk_box_append (GTK_BOX (header), label);
  g_object_set_data (G_OBJECT (row), "mc-suffix-box", header);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "field-text");
  gtk_text_buffer_set_text (buffer, get_string (b) ?: "", -1);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), b);
  _mc_widget_set_accessible_label (view, spec->label);

  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  *focus = view;
  return row;
}

/* INT and DOUBLE: an action row with a spin button */

static guint
double_digits (const char *id)
{
  /* Money has cents; credits and percentages one decimal. */
  return g_strcmp0 (id, "fee") == 0 ? 2 : 1;
}

static void
spin_changed_cb (GtkSpinButton *spin, Binding *b)
{
  if (b->spec.kind == MC_FIELD_INT)
    set_int (b, gtk_spin_button_get_value_as_int (spin));
  else
    set_double (b, gtk_spin_button_get_value (spin));
}

/* A spin button takes typed text in only on Enter or when it loses focus;
 * until then the findings would lag behind what the user sees.  Take each
 * complete number in at once, leaving the text as typed. */
static void
spin_text_changed_cb (GtkEditable *editable, Binding *b)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editable);
  const char *text = gtk_editable_get_text (editable);
  double lower, upper, value;
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return;
  value = g_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || end == text)
    return;
  gtk_spin_button_get_range (spin, &lower, &upper);
  if (value < lower || value > upper)
    return;

  if (b->spec.kind == MC_FIELD_INT)
    {
      if (value != (double) (int) value)
        return;
      set_int (b, (int) value);
    }
  else
    set_double (b, value);
}

static GtkWidget *
number_row_new (const McFieldSpec *spec, GObject *target, GtkWidget **focus)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean is_int = spec->kind == MC_FIELD_INT;
  guint digits = is_int ? 0 : double_digits (spec->id);
  double min = spec->min, max = spec->max;
  GtkWidget *spin;
  Binding *b;

  if (max <= min)
    {
      min = 0;
      max = is_int ? G_MAXINT : 1e9;
    }
  spin = gtk_spin_button_new_with_range (min, max, is_int || digits == 2 ? 1 : 0.5);
  b = binding_new (spin, spec, target, NULL);
  prepare_row (row, spec);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), is_int ? get_int (b) : get_double (b));
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), b);
  g_signal_connect (spin, "changed", G_CALLBACK (spin_text_changed_cb), b);
  _mc_widget_set_accessible_label (spin, spec->label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  *focus = spin;
  return row;
}

/* BOOLEAN */

static void
switch_changed_cb (GtkSwitch *sw, GParamSpec *pspec, Binding *b)
{
  set_boolean (b, gtk_switch_get_active (sw));
}

static GtkWidget *
boolean_row_new (const McFieldSpec *spec, GObject *target, GtkWidget **focus)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  Binding *b = binding_new (sw, spec, target, NULL);

  prepare_row (row, spec);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), get_boolean (b));
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_changed_cb), b);
  _mc_widget_set_accessible_label (sw, spec->label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *focus = sw;
  return row;
}

/* ENUM */

static void
combo_selected_cb (AdwComboRow *row, GParamSpec *pspec, Binding *b)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION)
    set_int (b, (int) mc_enum_nth_value (b->spec.type, selected));
}

static GtkWidget *
enum_row_new (const McFieldSpec *spec, GObject *target, GtkWidget **focus)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  Binding *b = binding_new (row, spec, target, NULL);
  guint n = mc_enum_n_values (spec->type);
  int current = get_int (b);

  prepare_row (row, spec);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, mc_enum_label (spec->type, mc_enum_nth_value (spec->type, i)));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  for (guint i = 0; i < n; i++)
    if ((int) mc_enum_nth_value (spec->type, i) == current)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), b);
  _mc_widget_set_accessible_label (row, spec->label);
  *focus = row;
  return row;
}

/* FLAGS: an expander with a check button per bit */

static void
update_flags_subtitle (AdwExpanderRow *row, GType type, guint value)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < mc_enum_n_values (type); i++)
    {
      guint bit = mc_enum_nth_value (type, i);

      if (value & bit)
        g_string_append_printf (s, "%s%s", s->len ? ", " : "", mc_enum_label (type, bit));
    }
  adw_expander_row_set_subtitle (row, s->len ? s->str : _("None"));
}

static void
flag_toggled_cb (GtkCheckButton *check, Binding *b)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "mc-bit"));
  guint value = get_flags (b);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_EXPANDER_ROW);

  value = gtk_check_button_get_active (check) ? (value | bit) : (value & ~bit);
  set_flags (b, value);
  if (row)
    update_flags_subtitle (ADW_EXPANDER_ROW (row), b->spec.type, value);
}

static GtkWidget *
check_row_new (const char *title, const char *subtitle, gboolean active, GtkWidget **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  _mc_widget_set_accessible_label (check, title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  *check_out = check;
  return row;
}

static GtkWidget *
flags_row_new (const McFieldSpec *spec, GObject *target, GtkWidget **focus)
{
  GtkWidget *row = adw_expander_row_new ();
  Binding *b = binding_new (row, spec, target, NULL);
  guint value = get_flags (b);

  prepare_row (row, spec);
  for (guint i = 0; i < mc_enum_n_values (spec->type); i++)
    {
      guint bit = mc_enum_nth_value (spec->type, i);
      GtkWidget *check;
      GtkWidget *child = check_row_new (mc_enum_label (spec->type, bit), NULL,
                                        (value & bit) != 0, &check);

      g_object_set_data (G_OBJECT (check), "mc-bit", GUINT_TO_POINTER (bit));
      g_signal_connect (check, "toggled", G_CALLBACK (flag_toggled_cb), b);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }
  update_flags_subtitle (ADW_EXPANDER_ROW (row), spec->type, value);
  _mc_widget_set_accessible_label (row, spec->label);
  *focus = row;
  return row;
}

/* The outcomes an assessment component covers: a check button for each of
 * the revision's current outcome codes, rebuilt when the outcomes change.
 * Codes the component still names but the revision no longer has stay
 * listed, so the author can see and clear them. */

static char *
outcomes_signature (McRevision *revision)
{
  GListModel *outcomes = G_LIST_MODEL (mc_revision_get_outcomes (revision));
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(McItem) o = g_list_model_get_item (outcomes, i);

      g_string_append_printf (s, "%s\x1f%s\x1e", mc_item_get_string (o, "code") ?: "",
                              mc_item_get_string (o, "text") ?: "");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
covered_toggled_cb (GtkCheckButton *check, Binding *b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) value = NULL;

  for (guint i = 0; i < b->rows->len; i++)
    {
      GtkWidget *c = g_object_get_data (b->rows->pdata[i], "mc-check");

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (c)))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (c), "mc-code"));
    }
  value = g_strv_builder_end (builder);
  set_strv (b, (const char * const *) value);
}

static void
covered_add (AdwExpanderRow *row, Binding *b, const char *code, const char *text, gboolean active)
{
  GtkWidget *check;
  GtkWidget *child = check_row_new (code, text, active, &check);

  g_object_set_data_full (G_OBJECT (check), "mc-code", g_strdup (code), g_free);
  g_object_set_data (G_OBJECT (child), "mc-check", check);
  g_signal_connect (check, "toggled", G_CALLBACK (covered_toggled_cb), b);
  adw_expander_row_add_row (row, child);
  g_ptr_array_add (b->rows, child);
}

static void
covered_rebuild (AdwExpanderRow *row, Binding *b)
{
  GListModel *outcomes = G_LIST_MODEL (mc_revision_get_outcomes (b->revision));
  const char * const *covered = get_strv (b);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < b->rows->len; i++)
    adw_expander_row_remove (row, b->rows->pdata[i]);
  g_ptr_array_set_size (b->rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(McItem) o = g_list_model_get_item (outcomes, i);
      const char *code = mc_item_get_string (o, "code");

      if (code == NULL || *code == '\0' || g_hash_table_contains (seen, code))
        continue;
      g_hash_table_add (seen, (gpointer) code);
      covered_add (row, b, code, mc_item_get_string (o, "text"),
                   covered && g_strv_contains (covered, code));
    }
  for (guint i = 0; covered && covered[i]; i++)
    if (!g_hash_table_contains (seen, covered[i]))
      covered_add (row, b, covered[i], _("No longer an outcome of this design"), TRUE);

  adw_expander_row_set_subtitle (row, b->rows->len ? "" : _("Add learning outcomes first"));
}

static void
covered_revision_changed_cb (McRevision *revision, GtkWidget *row)
{
  Binding *b = g_object_get_data (G_OBJECT (row), "mc-binding");
  g_autofree char *signature = outcomes_signature (revision);

  if (g_strcmp0 (signature, b->signature) == 0)
    return;
  g_free (b->signature);
  b->signature = g_steal_pointer (&signature);
  covered_rebuild (ADW_EXPANDER_ROW (row), b);
}

static GtkWidget *
covered_row_new (const McFieldSpec *spec, GObject *target, McRevision *revision,
                 GtkWidget **focus)
{
  GtkWidget *row = adw_expander_row_new ();
  Binding *b = binding_new (row, spec, target, revision);

  prepare_row (row, spec);
  b->rows = g_ptr_array_new ();
  b->signature = outcomes_signature (revision);
  covered_rebuild (ADW_EXPANDER_ROW (row), b);
  g_signal_connect_object (revision, "changed", G_CALLBACK (covered_revision_changed_cb),
                           row, 0);
  _mc_widget_set_accessible_label (row, spec->label);
  *focus = row;
  return row;
}

GtkWidget *
_mc_field_row_new (const McFieldSpec *spec,
                   GObject           *target,
                   McRevision        *revision,
                   GtkWidget        **focus)
{
  g_assert (MC_IS_REVISION (target) || MC_IS_ITEM (target));
  g_assert (focus != NULL);

  switch (spec->kind)
    {
    case MC_FIELD_STRING:
      return string_row_new (spec, target, focus);
    case MC_FIELD_TEXT:
      return text_row_new (spec, target, focus);
    case MC_FIELD_INT:
    case MC_FIELD_DOUBLE:
      return number_row_new (spec, target, focus);
    case MC_FIELD_BOOLEAN:
      return boolean_row_new (spec, target, focus);
    case MC_FIELD_ENUM:
      return enum_row_new (spec, target, focus);
    case MC_FIELD_FLAGS:
      return flags_row_new (spec, target, focus);
    case MC_FIELD_STRV:
      if (MC_IS_ITEM (target) && revision != NULL &&
          g_strcmp0 (mc_item_get_list_id (MC_ITEM (target)), "assessments") == 0 &&
          g_strcmp0 (spec->id, "outcomes") == 0)
        return covered_row_new (spec, target, revision, focus);
      return strv_row_new (spec, target, focus);
    case MC_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}
