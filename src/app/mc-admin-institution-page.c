/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-institution-page.h"
#include "mc-admin-private.h"
#include "mc-problem-row.h"

struct _McAdminInstitutionPage
{
  McAdminPage           parent_instance;

  McWorkflow           *workflow;      /* the page's (borrowed) */
  McValidator          *validator;
  gboolean              editable;
  gboolean              syncing;
  gboolean              has_logo;
  guint                 numbers_timeout;
  GHashTable           *entries;          /* setting key → AdwEntryRow */
  GHashTable           *problems;         /* setting key → problem row */
  GPtrArray            *profile_switches; /* GtkSwitch, in the validator's order */
  GtkFileChooserNative *logo_chooser;
  GCancellable         *cancellable;

  /* Template widgets */
  AdwPreferencesGroup  *note_group;
  AdwPreferencesGroup  *institution_group;
  AdwPreferencesGroup  *credentials_group;
  AdwPreferencesGroup  *logo_group;
  AdwActionRow         *logo_row;
  GtkStack             *logo_stack;
  GtkPicture           *logo_picture;
  GtkButton            *logo_choose_button;
  GtkButton            *logo_remove_button;
  AdwPreferencesGroup  *profiles_group;
  AdwPreferencesGroup  *review_group;
  GtkSpinButton        *min_reviews_spin;
  GtkSpinButton        *min_modification_spin;
  GtkSpinButton        *cycle_spin;
};

G_DEFINE_FINAL_TYPE (McAdminInstitutionPage, mc_admin_institution_page, MC_TYPE_ADMIN_PAGE)

enum {
  PROP_0,
  PROP_VALIDATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where refusals of the logo are shown, among the settings' keys. */
#define LOGO_KEY "logo"

/* Defaults the workflow applies when a setting was never set. */
#define DEFAULT_MIN_REVIEWS              "2"
#define DEFAULT_MIN_MODIFICATION_REVIEWS "1"
#define DEFAULT_REVIEW_CYCLE_MONTHS      "12"

/* The settings typed as one line of text, in the order shown. */
static const struct {
  const char     *key;
  const char     *title;
  const char     *accessible_name;
  const char     *done;
  gsize           group_offset;
  GtkInputPurpose purpose;
  gboolean        upper_case;
} text_settings[] = {
  { MC_SETTING_INSTITUTION_NAME, N_("Name"), N_("Institution name"),
    N_("Institution name changed"),
    G_STRUCT_OFFSET (McAdminInstitutionPage, institution_group), GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { MC_SETTING_INSTITUTION_COUNTRY, N_("Country (two-letter code)"), N_("Institution country"),
    N_("Country changed"),
    G_STRUCT_OFFSET (McAdminInstitutionPage, institution_group), GTK_INPUT_PURPOSE_ALPHA, TRUE },
  { MC_SETTING_INSTITUTION_LEGAL_ID, N_("Legal identifier (registered number)"),
    N_("Institution legal identifier"), N_("Legal identifier changed"),
    G_STRUCT_OFFSET (McAdminInstitutionPage, institution_group), GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
  { MC_SETTING_INSTITUTION_URL, N_("Website"), N_("Institution website"),
    N_("Website changed"),
    G_STRUCT_OFFSET (McAdminInstitutionPage, institution_group), GTK_INPUT_PURPOSE_URL, FALSE },
  { MC_SETTING_VERIFICATION_URL, N_("Verification address (https://…)"),
    N_("Verification address of credentials"), N_("Verification address changed"),
    G_STRUCT_OFFSET (McAdminInstitutionPage, credentials_group), GTK_INPUT_PURPOSE_URL, FALSE },
  { MC_SETTING_SIGNATORY_NAME, N_("Signatory’s name"), N_("Name of the person who signs the certificates"),
    N_("Signatory changed"),
    G_STRUCT_OFFSET (McAdminInstitutionPage, credentials_group), GTK_INPUT_PURPOSE_NAME, FALSE },
  { MC_SETTING_SIGNATORY_TITLE, N_("Signatory’s title"), N_("Title of the person who signs the certificates"),
    N_("Signatory’s title changed"),
    G_STRUCT_OFFSET (McAdminInstitutionPage, credentials_group), GTK_INPUT_PURPOSE_FREE_FORM, FALSE },
};

/* The review numbers, applied together. */
static const struct {
  const char *key;
  const char *default_value;
  gsize       offset;
} numbers[] = {
  { MC_SETTING_MIN_REVIEWS, DEFAULT_MIN_REVIEWS,
    G_STRUCT_OFFSET (McAdminInstitutionPage, min_reviews_spin) },
  { MC_SETTING_MIN_MODIFICATION_REVIEWS, DEFAULT_MIN_MODIFICATION_REVIEWS,
    G_STRUCT_OFFSET (McAdminInstitutionPage, min_modification_spin) },
  { MC_SETTING_REVIEW_CYCLE_MONTHS, DEFAULT_REVIEW_CYCLE_MONTHS,
    G_STRUCT_OFFSET (McAdminInstitutionPage, cycle_spin) },
};

static char *
get_setting (McAdminInstitutionPage *self,
             const char             *key,
             const char             *default_value)
{
  return mc_store_get_setting (mc_workflow_get_store (self->workflow), key, default_value);
}

/* Refusals */

static void
show_problem (McAdminInstitutionPage *self,
              const char             *key,
              const char             *message)
{
  GtkWidget *row = g_hash_table_lookup (self->problems, key);
  GtkWidget *entry = g_hash_table_lookup (self->entries, key);

  g_return_if_fail (row != NULL);
  mc_problem_row_set_message (MC_PROBLEM_ROW (row), message);
  if (entry == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
}

const char *
mc_admin_institution_page_get_problem (McAdminInstitutionPage *self,
                                       const char             *key)
{
  GtkWidget *row = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_INSTITUTION_PAGE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  row = g_hash_table_lookup (self->problems, key);
  return row != NULL ? mc_problem_row_get_message (MC_PROBLEM_ROW (row)) : NULL;
}

/* Loading */

static void
load_profiles (McAdminInstitutionPage *self)
{
  g_autofree char *required = get_setting (self, MC_SETTING_REQUIRED_PROFILES,
                                           MC_WORKFLOW_DEFAULT_REQUIRED_PROFILES);
  g_auto(GStrv) required_ids = g_strsplit (required, ",", -1);
  GListModel *profiles = mc_validator_get_profiles (self->validator);

  for (guint i = 0; i < self->profile_switches->len; i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);
      gboolean on = FALSE;

      for (guint j = 0; required_ids[j] != NULL; j++)
        if (g_str_equal (g_strstrip (required_ids[j]), mc_profile_get_id (profile)))
          on = TRUE;
      gtk_switch_set_active (g_ptr_array_index (self->profile_switches, i), on);
    }
}

static void
load_settings (McAdminInstitutionPage *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (text_settings); i++)
    {
      g_autofree char *value = get_setting (self, text_settings[i].key, "");

      gtk_editable_set_text (g_hash_table_lookup (self->entries, text_settings[i].key), value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *value = get_setting (self, numbers[i].key, numbers[i].default_value);

      gtk_spin_button_set_value (G_STRUCT_MEMBER (GtkSpinButton *, self, numbers[i].offset),
                                 g_ascii_strtod (value, NULL));
    }
  load_profiles (self);
  self->syncing = FALSE;
}

/* Applying */

gboolean
mc_admin_institution_page_set_setting (McAdminInstitutionPage *self,
                                       const char             *key,
                                       const char             *value)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_INSTITUTION_PAGE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!mc_workflow_set_setting (self->workflow, key, value, &error))
    {
      if (g_hash_table_contains (self->problems, key))
        show_problem (self, key, error->message);
      else
        _mc_admin_show_error (GTK_WIDGET (self), _("Could Not Change the Setting"), error->message);
      /* The switches show what is stored, not what was refused. */
      if (g_str_equal (key, MC_SETTING_REQUIRED_PROFILES))
        {
          self->syncing = TRUE;
          load_profiles (self);
          self->syncing = FALSE;
        }
      return FALSE;
    }

  if (g_hash_table_contains (self->problems, key))
    show_problem (self, key, NULL);
  mc_admin_page_emit_changed (MC_ADMIN_PAGE (self));
  return TRUE;
}

static void
on_entry_apply (AdwEntryRow            *row,
                McAdminInstitutionPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mc-setting"));
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text_settings[i].upper_case)
    {
      char *upper = g_utf8_strup (value, -1);

      g_free (value);
      value = upper;
    }
  if (!mc_admin_institution_page_set_setting (self, text_settings[i].key, value))
    return;

  /* Show the value as it was stored. */
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  self->syncing = FALSE;
  _mc_admin_toast (GTK_WIDGET (self), adw_toast_new (_(text_settings[i].done)));
}

static void
on_entry_changed (AdwEntryRow            *row,
                  McAdminInstitutionPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mc-setting"));

  /* A refusal goes as soon as the value is being corrected. */
  if (!self->syncing && mc_admin_institution_page_get_problem (self, text_settings[i].key) != NULL)
    show_problem (self, text_settings[i].key, NULL);
}

GtkWidget *
mc_admin_institution_page_get_row (McAdminInstitutionPage *self,
                                   const char             *key)
{
  g_return_val_if_fail (MC_IS_ADMIN_INSTITUTION_PAGE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->entries, key);
}

static void
add_text_rows (McAdminInstitutionPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_settings); i++)
    {
      AdwPreferencesGroup *group = G_STRUCT_MEMBER (AdwPreferencesGroup *, self,
                                                    text_settings[i].group_offset);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *problem = mc_problem_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(text_settings[i].title));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), text_settings[i].purpose);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(text_settings[i].accessible_name), -1);
      g_object_set_data (G_OBJECT (row), "mc-setting", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "apply", G_CALLBACK (on_entry_apply), self, 0);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_changed), self, 0);
      _mc_admin_set_editable (row, self->editable);
      adw_preferences_group_add (group, row);
      adw_preferences_group_add (group, problem);

      g_hash_table_insert (self->entries, (gpointer) text_settings[i].key, row);
      g_hash_table_insert (self->problems, (gpointer) text_settings[i].key, problem);
    }
}

/* Policy profiles */

static void
on_profile_toggled (McAdminInstitutionPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *value = NULL;
  GListModel *profiles = mc_validator_get_profiles (self->validator);

  if (self->syncing)
    return;

  for (guint i = 0; i < self->profile_switches->len; i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);

      if (gtk_switch_get_active (g_ptr_array_index (self->profile_switches, i)))
        g_strv_builder_add (builder, mc_profile_get_id (profile));
    }
  ids = g_strv_builder_end (builder);
  value = g_strjoinv (",", ids);
  mc_admin_institution_page_set_setting (self, MC_SETTING_REQUIRED_PROFILES, value);
}

static void
add_profile_rows (McAdminInstitutionPage *self)
{
  GListModel *profiles = mc_validator_get_profiles (self->validator);
  GtkWidget *problem = mc_problem_row_new ();

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_profile_get_name (profile));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mc_profile_get_description (profile));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      /* The row names the switch after its title (activatable widget). */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->profiles_group, row);
      _mc_admin_set_editable (row, self->editable);

      g_ptr_array_add (self->profile_switches, toggle);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_profile_toggled),
                               self, G_CONNECT_SWAPPED);
    }
  adw_preferences_group_add (self->profiles_group, problem);
  g_hash_table_insert (self->problems, (gpointer) MC_SETTING_REQUIRED_PROFILES, problem);
}

/* Review numbers: applied a moment after the last click, so that going
 * from 2 to 5 records one change in the history, not three. */

static void
apply_numbers (McAdminInstitutionPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      GtkSpinButton *spin = G_STRUCT_MEMBER (GtkSpinButton *, self, numbers[i].offset);
      g_autofree char *stored = get_setting (self, numbers[i].key, numbers[i].default_value);
      g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

      if (!g_str_equal (stored, value) &&
          !mc_admin_institution_page_set_setting (self, numbers[i].key, value))
        return;
    }
}

void
mc_admin_institution_page_flush (McAdminInstitutionPage *self)
{
  g_return_if_fail (MC_IS_ADMIN_INSTITUTION_PAGE (self));

  if (self->numbers_timeout == 0)
    return;
  g_clear_handle_id (&self->numbers_timeout, g_source_remove);
  apply_numbers (self);
}

static gboolean
numbers_timeout_cb (gpointer user_data)
{
  McAdminInstitutionPage *self = user_data;

  self->numbers_timeout = 0;
  apply_numbers (self);
  return G_SOURCE_REMOVE;
}

static void
on_number_changed (McAdminInstitutionPage *self)
{
  if (self->syncing)
    return;
  g_clear_handle_id (&self->numbers_timeout, g_source_remove);
  self->numbers_timeout = g_timeout_add (800, numbers_timeout_cb, self);
}

static void
add_numbers_problem_row (McAdminInstitutionPage *self)
{
  GtkWidget *problem = mc_problem_row_new ();

  adw_preferences_group_add (self->review_group, problem);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_hash_table_insert (self->problems, (gpointer) numbers[i].key, problem);
}

/* Logo */

static void
show_logo (McAdminInstitutionPage *self,
           GBytes                 *png)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;

  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);
  self->has_logo = png != NULL;
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->logo_stack, texture != NULL ? "logo" : "none");
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_remove_button), self->editable && png != NULL);

  if (png == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->logo_row), _("No logo"));
      adw_action_row_set_subtitle (self->logo_row, _("A PNG image of up to 2 MB"));
      return;
    }
  size = g_format_size (g_bytes_get_size (png));
  if (texture != NULL)
    /* Translators: the logo's size in pixels and in bytes, "600 × 200 pixels, 24.1 kB" */
    subtitle = g_strdup_printf (_("%d × %d pixels, %s"), gdk_texture_get_width (texture),
                                gdk_texture_get_height (texture), size);
  else
    /* Translators: %s is the size of the logo file, "24.1 kB" */
    subtitle = g_strdup_printf (_("PNG image, %s"), size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->logo_row), _("Logo"));
  adw_action_row_set_subtitle (self->logo_row, subtitle);
}

static void
load_logo (McAdminInstitutionPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = mc_store_get_logo (mc_workflow_get_store (self->workflow), &error);

  show_logo (self, png);
  if (error != NULL)
    show_problem (self, LOGO_KEY, error->message);
}

gboolean
mc_admin_institution_page_set_logo (McAdminInstitutionPage *self,
                                    GBytes                 *png)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_INSTITUTION_PAGE (self), FALSE);

  /* The core checks that it is a PNG; what GTK cannot draw would not
   * print either. */
  if (png != NULL && (texture = gdk_texture_new_from_bytes (png, NULL)) == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The file is not a PNG image that can be read"));
  if (error != NULL || !mc_workflow_set_logo (self->workflow, png, &error))
    {
      show_problem (self, LOGO_KEY, error->message);
      return FALSE;
    }

  show_problem (self, LOGO_KEY, NULL);
  show_logo (self, png);
  _mc_admin_toast (GTK_WIDGET (self), adw_toast_new (png != NULL ? _("Logo changed") : _("Logo removed")));
  mc_admin_page_emit_changed (MC_ADMIN_PAGE (self));
  return TRUE;
}

gboolean
mc_admin_institution_page_has_logo (McAdminInstitutionPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_INSTITUTION_PAGE (self), FALSE);
  return self->has_logo;
}

static void
on_logo_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(McAdminInstitutionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (png == NULL)
    show_problem (self, LOGO_KEY, error->message);
  else
    mc_admin_institution_page_set_logo (self, png);
}

static void
on_logo_chosen (McAdminInstitutionPage *self,
                int                     response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->logo_chooser));
  g_clear_object (&self->logo_chooser);
  if (file != NULL)
    g_file_load_bytes_async (file, self->cancellable, on_logo_loaded, g_object_ref (self));
}

static void
on_logo_choose (McAdminInstitutionPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->logo_chooser != NULL)
    return;
  self->logo_chooser = gtk_file_chooser_native_new (_("Choose the Logo"),
                                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->logo_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->logo_chooser), filter);
  g_signal_connect_object (self->logo_chooser, "response", G_CALLBACK (on_logo_chosen),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->logo_chooser));
}

static void
on_logo_remove (McAdminInstitutionPage *self)
{
  mc_admin_institution_page_set_logo (self, NULL);
}

static void
add_logo_problem_row (McAdminInstitutionPage *self)
{
  GtkWidget *problem = mc_problem_row_new ();

  adw_preferences_group_add (self->logo_group, problem);
  g_hash_table_insert (self->problems, (gpointer) LOGO_KEY, problem);
}

/* GObject */

static void
mc_admin_institution_page_constructed (GObject *object)
{
  McAdminInstitutionPage *self = MC_ADMIN_INSTITUTION_PAGE (object);

  G_OBJECT_CLASS (mc_admin_institution_page_parent_class)->constructed (object);

  self->workflow = mc_admin_page_get_workflow (MC_ADMIN_PAGE (self));
  self->editable = mc_admin_page_get_editable (MC_ADMIN_PAGE (self));
  mc_admin_page_set_note (MC_ADMIN_PAGE (self), self->note_group);
  g_assert (MC_IS_VALIDATOR (self->validator));

  add_text_rows (self);
  add_logo_problem_row (self);
  add_profile_rows (self);
  add_numbers_problem_row (self);
  load_settings (self);
  load_logo (self);

  _mc_admin_set_editable (GTK_WIDGET (self->logo_choose_button), self->editable);
  if (!self->editable)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->logo_remove_button), _mc_admin_read_only_reason ());
  _mc_admin_set_editable (GTK_WIDGET (self->min_reviews_spin), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->min_modification_spin), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->cycle_spin), self->editable);
}

static void
mc_admin_institution_page_dispose (GObject *object)
{
  McAdminInstitutionPage *self = MC_ADMIN_INSTITUTION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->numbers_timeout, g_source_remove);
  if (self->logo_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->logo_chooser));
  g_clear_object (&self->logo_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ADMIN_INSTITUTION_PAGE);
  self->workflow = NULL;  /* McAdminPage's, released there */
  g_clear_object (&self->validator);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->profile_switches, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_admin_institution_page_parent_class)->dispose (object);
}

static void
mc_admin_institution_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  McAdminInstitutionPage *self = MC_ADMIN_INSTITUTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_VALIDATOR:
      g_value_set_object (value, self->validator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_admin_institution_page_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  McAdminInstitutionPage *self = MC_ADMIN_INSTITUTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_VALIDATOR:
      self->validator = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_admin_institution_page_class_init (McAdminInstitutionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_admin_institution_page_constructed;
  object_class->dispose = mc_admin_institution_page_dispose;
  object_class->get_property = mc_admin_institution_page_get_property;
  object_class->set_property = mc_admin_institution_page_set_property;

  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, MC_TYPE_VALIDATOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-admin-institution-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, institution_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, credentials_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, logo_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, logo_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, logo_stack);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, logo_choose_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, min_reviews_spin);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, min_modification_spin);
  gtk_widget_class_bind_template_child (widget_class, McAdminInstitutionPage, cycle_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_choose);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_remove);
}

static void
mc_admin_institution_page_init (McAdminInstitutionPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = g_hash_table_new (g_str_hash, g_str_equal);
  self->profile_switches = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

McAdminInstitutionPage *
mc_admin_institution_page_new (McWorkflow  *workflow,
                               McValidator *validator)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_VALIDATOR (validator), NULL);

  return g_object_new (MC_TYPE_ADMIN_INSTITUTION_PAGE,
                       "workflow", workflow,
                       "validator", validator,
                       NULL);
}
