/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The publishing page's institution settings: the TLS certificate and
 * key files the service speaks HTTPS with, and did:web. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-private.h"
#include "mc-admin-publishing-page-private.h"

static char *
get_setting (McAdminPublishingPage *self,
             const char            *key,
             const char            *default_value)
{
  return mc_store_get_setting (mc_workflow_get_store (self->workflow), key, default_value);
}

static void
show_file (AdwActionRow *row,
           const char   *path)
{
  g_autofree char *shown = *path != '\0' ? g_filename_display_name (path) : g_strdup (_("None chosen"));

  adw_action_row_set_subtitle (row, shown);
}

void
_mc_admin_publishing_page_load_settings (McAdminPublishingPage *self)
{
  g_autofree char *certificate = get_setting (self, MC_SETTING_PUBLISH_TLS_CERTIFICATE, "");
  g_autofree char *key = get_setting (self, MC_SETTING_PUBLISH_TLS_KEY, "");
  g_autofree char *did_web = get_setting (self, MC_SETTING_PUBLISH_DID_WEB, "false");

  show_file (self->certificate_row, certificate);
  show_file (self->tls_key_row, key);
  _mc_admin_set_editable (self->tls_clear_button, self->editable && (*certificate != '\0' || *key != '\0'));
  self->syncing = TRUE;
  gtk_switch_set_active (self->did_web_switch, g_str_equal (did_web, "true"));
  self->syncing = FALSE;
}

/* HTTPS */

static gboolean
store_setting (McAdminPublishingPage *self,
               const char            *key,
               const char            *value,
               McProblemRow          *problem)
{
  g_autoptr(GError) error = NULL;

  if (!mc_workflow_set_setting (self->workflow, key, value, &error))
    {
      mc_problem_row_set_message (problem, error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_admin_publishing_page_set_tls_files (McAdminPublishingPage *self,
                                        const char            *certificate,
                                        const char            *key)
{
  g_autoptr(GTlsCertificate) pair = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored = FALSE;

  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), FALSE);
  g_return_val_if_fail (certificate != NULL && key != NULL, FALSE);

  mc_problem_row_set_message (self->tls_problem, NULL);
  if (*certificate != '\0' && *key != '\0' &&
      (pair = mc_publishing_service_load_certificate (mc_workflow_get_store (self->workflow),
                                                      certificate, key, &error)) == NULL)
    {
      mc_problem_row_set_message (self->tls_problem, error->message);
      return FALSE;
    }
  stored = store_setting (self, MC_SETTING_PUBLISH_TLS_CERTIFICATE, certificate, self->tls_problem) &&
           store_setting (self, MC_SETTING_PUBLISH_TLS_KEY, key, self->tls_problem);
  _mc_admin_publishing_page_load_settings (self);
  if (!stored)
    return FALSE;
  if ((*certificate == '\0') != (*key == '\0'))
    mc_problem_row_set_message (self->tls_problem,
                                *key == '\0' ? _("Choose the certificate’s private key too: HTTPS needs both")
                                             : _("Choose the certificate too: HTTPS needs both"));
  else
    _mc_admin_publishing_page_toast (self, adw_toast_new (*key == '\0' ? _("Publishing will use plain HTTP")
                                                                       : _("Publishing will use HTTPS")));
  return TRUE;
}

const char *
mc_admin_publishing_page_get_tls_problem (McAdminPublishingPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), NULL);
  return mc_problem_row_get_message (self->tls_problem);
}

static GtkFileFilter *
pem_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PEM files"));
  gtk_file_filter_add_mime_type (filter, "application/x-pem-file");
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");
  gtk_file_filter_add_suffix (filter, "pem");
  gtk_file_filter_add_suffix (filter, "crt");
  gtk_file_filter_add_suffix (filter, "key");
  return filter;
}

static void
on_certificate_chosen (McAdminPublishingPage *self,
                       const char            *path)
{
  g_autofree char *key = get_setting (self, MC_SETTING_PUBLISH_TLS_KEY, "");

  mc_admin_publishing_page_set_tls_files (self, path, key);
}

static void
on_tls_key_chosen (McAdminPublishingPage *self,
                   const char            *path)
{
  g_autofree char *certificate = get_setting (self, MC_SETTING_PUBLISH_TLS_CERTIFICATE, "");

  mc_admin_publishing_page_set_tls_files (self, certificate, path);
}

void
_mc_admin_publishing_page_on_certificate_clicked (McAdminPublishingPage *self)
{
  g_autoptr(GtkFileFilter) filter = pem_filter ();

  _mc_admin_publishing_page_choose (self, _("Choose the TLS Certificate"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                    filter, on_certificate_chosen);
}

void
_mc_admin_publishing_page_on_tls_key_clicked (McAdminPublishingPage *self)
{
  g_autoptr(GtkFileFilter) filter = pem_filter ();

  _mc_admin_publishing_page_choose (self, _("Choose the Certificate’s Private Key"),
                                    GTK_FILE_CHOOSER_ACTION_OPEN, filter, on_tls_key_chosen);
}

void
_mc_admin_publishing_page_on_tls_clear_clicked (McAdminPublishingPage *self)
{
  mc_admin_publishing_page_set_tls_files (self, "", "");
}

/* did:web */

gboolean
mc_admin_publishing_page_set_did_web (McAdminPublishingPage *self,
                                      gboolean               did_web)
{
  gboolean stored = FALSE;

  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), FALSE);

  mc_problem_row_set_message (self->did_web_problem, NULL);
  stored = store_setting (self, MC_SETTING_PUBLISH_DID_WEB, did_web ? "true" : "false", self->did_web_problem);
  /* The switch shows what is stored, not what was refused. */
  _mc_admin_publishing_page_load_settings (self);
  return stored;
}

void
_mc_admin_publishing_page_on_did_web_toggled (McAdminPublishingPage *self)
{
  if (!self->syncing)
    mc_admin_publishing_page_set_did_web (self, gtk_switch_get_active (self->did_web_switch));
}
