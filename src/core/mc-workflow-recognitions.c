/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "mc-workflow-private.h"

/* Recognition decisions: a registrar grants credit for a micro-credential
 * another institution issued.  Only a credential whose verification was
 * complete and valid can be recognised: one verified only partly (offline,
 * without its status) might have been revoked, so the registrar verifies
 * it online first.  See docs/recognition.md. */

#define MAX_PROGRAMME 200

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID, message);
  return FALSE;
}

/* The credential and its verification. */
static gboolean
check_verified (McRecognition  *r,
                GError        **error)
{
  if (r->credential_text == NULL || *r->credential_text == '\0' || r->verification == NULL ||
      *r->verification == '\0' || r->credential_id == NULL || *r->credential_id == '\0' ||
      r->issuer_id == NULL || *r->issuer_id == '\0')
    return invalid (error, _("A recognition needs the credential, with its id and issuer, and the "
                             "result of verifying it"));
  if (g_strcmp0 (r->verdict, "incomplete") == 0)
    {
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                           _("The credential was only partly verified (for example offline, without "
                             "its status); verify it online before recognising it"));
      return FALSE;
    }
  if (g_strcmp0 (r->verdict, "valid") != 0)
    {
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                           _("The credential did not verify, so it cannot be recognised"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_credit (McRecognition  *r,
              GError        **error)
{
  if (!isfinite (r->ects) || r->ects <= 0 || r->ects > MC_RECOGNITION_MAX_ECTS)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The ECTS recognised must be more than 0 and at most %g"), MC_RECOGNITION_MAX_ECTS);
      return FALSE;
    }
  if (r->credits_available > 0 && r->ects > r->credits_available)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("%g ECTS cannot be recognised: the credential itself is worth %g ECTS"),
                   r->ects, r->credits_available);
      return FALSE;
    }
  if (mc_enum_to_nick (MC_TYPE_CREDIT_ROUTE, r->route) == NULL)
    return invalid (error, _("Choose the route of the recognition"));
  return _mc_workflow_check_reason (r->note, FALSE, NULL, error);
}

static gboolean
is_approved (McDesign *design)
{
  switch (mc_design_get_state (design))
    {
    case MC_DESIGN_STATE_APPROVED:
    case MC_DESIGN_STATE_ACTIVE:
    case MC_DESIGN_STATE_SUSPENDED:
    case MC_DESIGN_STATE_RETIRED:
    case MC_DESIGN_STATE_MODIFYING:
    case MC_DESIGN_STATE_MODIFICATION_REVIEW:
      return TRUE;
    case MC_DESIGN_STATE_DRAFT:
    case MC_DESIGN_STATE_SUBMITTED:
    case MC_DESIGN_STATE_IN_REVIEW:
    case MC_DESIGN_STATE_CHANGES_REQUESTED:
    case MC_DESIGN_STATE_REJECTED:
    default:
      return FALSE;
    }
}

/* What the credit goes towards, and whether the actor may grant it:
 * a registrar of the design's unit, or one for the whole institution. */
static gboolean
check_target (McWorkflow     *self,
              McRecognition  *r,
              McDesign      **design,
              GError        **error)
{
  if ((r->design_id != 0) == (r->programme != NULL))
    return invalid (error, _("Recognise the credit towards either one of our micro-credentials or a "
                             "programme"));
  if (r->programme != NULL)
    {
      g_strstrip (r->programme);
      if (*r->programme == '\0' || !_mc_workflow_is_line (r->programme, MAX_PROGRAMME))
        return invalid (error, _("Give the programme’s name, on one line of up to 200 characters"));
      return _mc_workflow_require_role (self, MC_ROLE_REGISTRAR, 0, error);
    }
  *design = mc_store_load_design (self->store, r->design_id, error);
  if (*design == NULL)
    return FALSE;
  if (!is_approved (*design))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("Credit cannot be recognised towards “%s”: it has not been approved"),
                   _mc_workflow_design_title (*design));
      return FALSE;
    }
  return _mc_workflow_require_role (self, MC_ROLE_REGISTRAR, mc_design_get_unit_id (*design), error);
}

static void
add_string (JsonBuilder *details,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (details, name);
  json_builder_add_string_value (details, value != NULL ? value : "");
}

typedef struct {
  McRecognition *recognition;
  McDesign      *design;
} RecogniseData;

static gboolean
recognise_cb (McWorkflow  *self,
              gpointer     user_data,
              GError     **error)
{
  RecogniseData *data = user_data;
  McRecognition *r = data->recognition;
  McEvent *event;
  g_autoptr(JsonBuilder) details = json_builder_new ();

  if (!_mc_store_insert_recognition (self->store, r, error))
    return FALSE;
  event = _mc_workflow_event (self, MC_ACTION_RECOGNISE, data->design);
  g_free (event->comment);
  event->comment = g_strdup (r->note);
  json_builder_begin_object (details);
  json_builder_set_member_name (details, "recognition");
  json_builder_add_int_value (details, r->id);
  add_string (details, "credential", r->credential_id);
  add_string (details, "issuer", r->issuer_id);
  add_string (details, "learner", r->learner_name);
  add_string (details, "achievement", r->achievement_name);
  if (r->programme != NULL)
    add_string (details, "programme", r->programme);
  json_builder_set_member_name (details, "ects");
  json_builder_add_double_value (details, r->ects);
  add_string (details, "route", mc_enum_to_nick (MC_TYPE_CREDIT_ROUTE, r->route));
  return _mc_workflow_record (self, event, details, error);
}

/**
 * mc_workflow_recognise:
 * @recognition: the decision; its id, recorded_at and recorded_by are set
 *
 * Records a recognition decision for a verified incoming credential.
 *
 * Returns: %TRUE when it was recorded
 */
gboolean
mc_workflow_recognise (McWorkflow     *self,
                       McRecognition  *recognition,
                       GError        **error)
{
  g_autoptr(McDesign) design = NULL;
  RecogniseData data = { recognition, NULL };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (recognition != NULL, FALSE);

  if (!check_target (self, recognition, &design, error) ||
      !check_verified (recognition, error) ||
      !check_credit (recognition, error))
    return FALSE;
  if (recognition->note == NULL)
    recognition->note = g_strdup ("");
  g_strstrip (recognition->note);
  recognition->recorded_at = g_get_real_time () / G_USEC_PER_SEC;
  recognition->recorded_by = _mc_workflow_actor_id (self);
  data.design = design;
  return _mc_workflow_run (self, recognise_cb, &data, error);
}

/**
 * mc_workflow_check_recognise:
 * @recognition: (nullable): a decision prepared from a verification
 *
 * Whether the actor may record recognition decisions at all: a registrar
 * of one of the units, or of the whole institution; and whether the
 * credential of @recognition, if given, was verified completely.
 *
 * Returns: %TRUE if so; %FALSE with the reason in @error
 */
gboolean
mc_workflow_check_recognise (McWorkflow     *self,
                             McRecognition  *recognition,
                             GError        **error)
{
  g_autoptr(GPtrArray) grants = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  grants = mc_store_list_roles (self->store, _mc_workflow_actor_id (self), error);
  if (grants == NULL)
    return FALSE;
  for (guint i = 0; i < grants->len; i++)
    if (((McRoleGrant *) g_ptr_array_index (grants, i))->role == MC_ROLE_REGISTRAR)
      return recognition == NULL || check_verified (recognition, error);
  return _mc_workflow_require_role (self, MC_ROLE_REGISTRAR, 0, error);
}
