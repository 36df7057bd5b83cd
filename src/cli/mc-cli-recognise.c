/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-lookup.h"
#include "mc-cli-verify.h"
#include "mc-verified-recognition.h"

/* "mcred recognise FILE": a registrar grants credit for a micro-credential
 * another institution issued.  The credential is verified online first
 * (as `mcred verify --online` does, and printed the same way); McWorkflow
 * records the decision only for a credential that verified completely,
 * and only for a registrar.  See docs/recognition.md. */

typedef struct {
  char   *towards;
  char   *programme;
  char   *ects;
  char   *route;
  char   *note;
  gboolean offline;
} RecogniseOptions;

static void
recognise_options_clear (RecogniseOptions *o)
{
  g_free (o->towards);
  g_free (o->programme);
  g_free (o->ects);
  g_free (o->route);
  g_free (o->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecogniseOptions, recognise_options_clear)

static gboolean
parse_ects (McCliContext *ctx,
            const char   *text,
            double       *ects)
{
  char *end = NULL;

  if (text == NULL)
    {
      mc_cli_usage_error (ctx, _("Give the ECTS recognised with --ects"));
      return FALSE;
    }
  *ects = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*ects))
    {
      mc_cli_usage_error (ctx, _("--ects: “%s” is not a number of credits (5, or 2.5)"), text);
      return FALSE;
    }
  return TRUE;
}

/* What the options say, into @r; FALSE after a usage error. */
static gboolean
parse_decision (McCliContext     *ctx,
                RecogniseOptions *o,
                McRecognition    *r)
{
  int route = 0;

  if ((o->towards != NULL) == (o->programme != NULL))
    {
      mc_cli_usage_error (ctx, _("Say what the credit goes towards: --towards DESIGN or --programme NAME"));
      return FALSE;
    }
  if (o->route == NULL)
    {
      mc_cli_usage_error (ctx, _("Give the route of the recognition with --route"));
      return FALSE;
    }
  if (!parse_ects (ctx, o->ects, &r->ects) ||
      !mc_cli_parse_nick (ctx, MC_TYPE_CREDIT_ROUTE, "--route", o->route, &route))
    return FALSE;
  r->route = route;
  r->programme = g_strdup (o->programme);
  r->note = g_strdup (o->note);
  return TRUE;
}

static char *
target_text (McDesign      *design,
             McRecognition *r)
{
  const char *title = design != NULL ? mc_revision_get_title (mc_design_get_content (design)) : NULL;

  return g_strdup (design != NULL ? (title != NULL ? title : mc_design_get_uuid (design)) : r->programme);
}

static int
record (McWorkflow     *workflow,
        McRecognition  *r,
        McDesign       *design)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *ects = NULL;

  if (!mc_workflow_recognise (workflow, r, &error))
    {
      mc_cli_fail (error);
      /* A credential that did not verify is a finding, not a failure. */
      return g_error_matches (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY)
             ? MC_CLI_EXIT_INVALID : MC_CLI_EXIT_FAILURE;
    }
  target = target_text (design, r);
  ects = g_strdup_printf ("%g", r->ects);
  g_print ("\n");
  /* Translators: the recognition's number, the ECTS, the achievement, the
   * design or programme, and the route */
  g_print (_("Recorded recognition %lld: %s ECTS for “%s” towards “%s” (%s)\n"),
           (long long) r->id, ects, r->achievement_name != NULL ? r->achievement_name : r->credential_id, target,
           mc_enum_label (MC_TYPE_CREDIT_ROUTE, r->route));
  return MC_CLI_EXIT_OK;
}

int
mc_cli_recognise_run (McCliContext *ctx,
                      int           argc,
                      char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_auto(RecogniseOptions) o = { NULL, NULL, NULL, NULL, NULL, FALSE };
  g_autoptr(McRecognition) decision = mc_recognition_new ();
  g_autoptr(McRecognition) r = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McVerification) result = NULL;
  g_autofree char *text = NULL;
  const GOptionEntry entries[] = {
    { "towards", 0, 0, G_OPTION_ARG_STRING, &o.towards,
      N_("Grant the credit towards our micro-credential DESIGN (its id or UUID)"), N_("DESIGN") },
    { "programme", 0, 0, G_OPTION_ARG_STRING, &o.programme,
      N_("Grant the credit towards the programme NAME"), N_("NAME") },
    { "ects", 0, 0, G_OPTION_ARG_STRING, &o.ects,
      N_("The ECTS recognised: at most what the credential is worth"), N_("N") },
    { "route", 0, 0, G_OPTION_ARG_STRING, &o.route,
      N_("credit-transfer, joint-offer, clearinghouse, national-framework or prior-learning"), N_("ROUTE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &o.note, N_("The reasons, for the record"), N_("TEXT") },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &o.offline,
      N_("Verify only with what was fetched before (refused unless everything could be checked)"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("FILE"),
                             _("Recognise another institution’s micro-credential (a .jwt or .json file, or "
                               "“-” for standard input) for credit, after verifying it online (registrars)."),
                             entries, 1, 1, &args) ||
      !parse_decision (ctx, &o, decision) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (o.towards != NULL && !(design = mc_cli_resolve_design (mc_workflow_get_store (workflow), o.towards)))
    return MC_CLI_EXIT_FAILURE;

  result = mc_cli_verify_remote (mc_workflow_get_store (workflow), args[1], o.offline, NULL, &text);
  if (result == NULL || !mc_cli_verify_print (result, FALSE))
    return MC_CLI_EXIT_FAILURE;
  r = mc_verified_recognition_new (result, text);
  r->design_id = design != NULL ? mc_design_get_id (design) : 0;
  r->programme = g_steal_pointer (&decision->programme);
  r->ects = decision->ects;
  r->route = decision->route;
  r->note = g_steal_pointer (&decision->note);
  return record (workflow, r, design);
}
