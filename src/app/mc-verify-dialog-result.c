/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-format.h"
#include "mc-verified-recognition.h"
#include "mc-verify-dialog-private.h"

/* The result page of Verify Credential: the verdict, the issuer's
 * standing (ours, a trusted partner, or another issuer), what could not
 * be checked, what the credential says, and every check. */

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && value[0] != '\0');
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static char *
format_date (GDateTime *date)
{
  return date != NULL ? mc_format_unix_date (g_date_time_to_unix (date), NULL) : NULL;
}

static char *
dates_text (McVerification *verification)
{
  g_autofree char *issued = format_date (mc_verification_get_issued (verification));
  g_autofree char *until = format_date (mc_verification_get_valid_until (verification));

  if (issued == NULL)
    return NULL;
  if (until == NULL)
    /* Translators: %s is a date */
    return g_strdup_printf (_("From %s, with no end date"), issued);
  /* Translators: from one date until another */
  return g_strdup_printf (_("From %s until %s"), issued, until);
}

static GtkWidget *
check_row (const McVerificationCheck *check)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *outcome = gtk_label_new (NULL);
  const char *icon_name = "action-unavailable-symbolic";
  const char *css = "check-skipped";
  const char *text = _("Not checked");

  switch (mc_verification_check_get_outcome (check))
    {
    case MC_CHECK_OUTCOME_PASSED:
      icon_name = "emblem-ok-symbolic";
      css = "check-passed";
      text = _("Passed");
      break;
    case MC_CHECK_OUTCOME_FAILED:
      icon_name = "dialog-error-symbolic";
      css = "check-failed";
      text = _("Failed");
      break;
    case MC_CHECK_OUTCOME_SKIPPED:
    default:
      break;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_add_css_class (row, css);
  gtk_widget_add_css_class (icon, "check-icon");
  gtk_label_set_text (GTK_LABEL (outcome), text);
  gtk_widget_set_valign (outcome, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (outcome, "check-outcome");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_verification_check_get_title (check));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mc_verification_check_get_detail (check));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), outcome);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_verdict (McVerifyDialog *self)
{
  McVerification *verification = self->verification;
  const char *title = _("Incomplete");
  const char *icon = "dialog-question-symbolic";
  const char *css = "verdict-incomplete";

  switch (mc_verification_get_verdict (verification))
    {
    case MC_VERDICT_VALID:
      title = _("Valid");
      icon = "emblem-ok-symbolic";
      css = "verdict-valid";
      break;
    case MC_VERDICT_INVALID:
      title = _("Not Valid");
      icon = "dialog-error-symbolic";
      css = "verdict-invalid";
      break;
    case MC_VERDICT_INCOMPLETE:
    default:
      break;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "verdict-valid");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "verdict-invalid");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "verdict-incomplete");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_box), css);
  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_label_set_text (self->verdict_label, title);
  gtk_label_set_text (self->summary_label, mc_verification_get_summary (verification));
}

char *
_mc_verify_dialog_trust_text (McVerification *verification)
{
  gboolean valid = mc_verification_is_valid (verification);

  switch (mc_verification_get_issuer_trust (verification))
    {
    case MC_ISSUER_TRUST_OWN:
      return g_strdup (_("Issued by our institution"));
    case MC_ISSUER_TRUST_PARTNER:
      /* Translators: %s is a partner institution's name, as the administrator listed it */
      return g_strdup_printf (_("From a trusted partner: “%s”"),
                              mc_verification_get_partner_name (verification));
    case MC_ISSUER_TRUST_NOT_PARTNER:
      return g_strdup (valid ? _("Valid, but the issuer is not one of our trusted partners")
                             : _("The issuer is not one of our trusted partners"));
    case MC_ISSUER_TRUST_UNKNOWN:
    default:
      return NULL;
    }
}

/* The checks that were not done because something was missing (offline,
 * a server that failed); after a failed check the others are skipped
 * for that reason alone, which says nothing more. */
char *
_mc_verify_dialog_not_checked (McVerification *verification)
{
  g_autoptr(GString) text = NULL;

  if (mc_verification_get_verdict (verification) == MC_VERDICT_INVALID)
    return NULL;
  for (guint i = 0; i < mc_verification_get_n_checks (verification); i++)
    {
      const McVerificationCheck *check = mc_verification_get_check (verification, i);

      if (mc_verification_check_get_outcome (check) != MC_CHECK_OUTCOME_SKIPPED)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append (text, mc_verification_check_get_detail (check));
    }
  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

void
_mc_verify_dialog_update_recognise (McVerifyDialog *self)
{
  g_autoptr(McRecognition) recognition = NULL;
  g_autoptr(GError) error = NULL;
  gboolean incoming = FALSE;
  gboolean allowed = FALSE;

  incoming = self->verification != NULL &&
             mc_verification_get_issuer_trust (self->verification) != MC_ISSUER_TRUST_OWN;
  gtk_widget_set_visible (GTK_WIDGET (self->recognition_box), incoming);
  if (incoming)
    {
      recognition = mc_verified_recognition_new (self->verification, self->text);
      allowed = mc_workflow_check_recognise (self->workflow, recognition, &error);
    }
  self->can_recognise = allowed;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.recognise", allowed);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->recognise_button),
                               allowed ? _("Grant credit for this credential towards one of our micro-credentials or a programme")
                                       : (error != NULL ? error->message : NULL));
  gtk_label_set_text (self->recognition_label, self->recorded != NULL ? self->recorded : "");
  gtk_widget_set_visible (GTK_WIDGET (self->recognition_label), self->recorded != NULL);
}

static void
show_standing (McVerifyDialog *self)
{
  g_autofree char *trust = _mc_verify_dialog_trust_text (self->verification);
  g_autofree char *not_checked = _mc_verify_dialog_not_checked (self->verification);

  gtk_label_set_text (self->trust_label, trust != NULL ? trust : "");
  gtk_widget_set_visible (GTK_WIDGET (self->trust_label), trust != NULL);
  gtk_label_set_text (self->not_checked_label, not_checked != NULL ? not_checked : "");
  gtk_widget_set_visible (GTK_WIDGET (self->not_checked_group), not_checked != NULL);
}

void
_mc_verify_dialog_show_result (McVerifyDialog *self)
{
  McVerification *verification = self->verification;
  g_autofree char *dates = dates_text (verification);
  GtkWidget *child = NULL;

  show_verdict (self);
  show_standing (self);
  /* What a credential that is not valid says is only its claim. */
  if (mc_verification_get_verdict (verification) == MC_VERDICT_VALID)
    {
      adw_preferences_group_set_title (self->credential_group, _("What the Credential Says"));
      adw_preferences_group_set_description (self->credential_group, NULL);
    }
  else
    {
      adw_preferences_group_set_title (self->credential_group, _("What the Credential Claims"));
      adw_preferences_group_set_description (self->credential_group,
                                             _("Not confirmed: the checks below did not all pass"));
    }
  set_row (self->learner_row, mc_verification_get_learner_name (verification));
  set_row (self->achievement_row, mc_verification_get_achievement_name (verification));
  set_row (self->issuer_row, mc_verification_get_issuer_name (verification));
  set_row (self->dates_row, dates);
  set_row (self->id_row, mc_verification_get_credential_id (verification));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))) != NULL)
    gtk_list_box_remove (self->checks_list, child);
  for (guint i = 0; i < mc_verification_get_n_checks (verification); i++)
    gtk_list_box_append (self->checks_list, check_row (mc_verification_get_check (verification, i)));

  _mc_verify_dialog_update_recognise (self);
  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
}
