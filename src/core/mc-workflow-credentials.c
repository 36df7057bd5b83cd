/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-workflow-private.h"

/* Issued credentials: storing them once signed, and what a registrar
 * does with them afterwards: suspend, reinstate, revoke, reprint and
 * re-issue.  Each is an event in the history of the credential's design,
 * naming the credential. */

/* Whether @credential carries a compact JWS (three base64url parts) and,
 * if any, a JSON object as its Data Integrity document. */
static gboolean
check_signed (McIssuedCredential  *credential,
              GError             **error)
{
  const char *jwt = credential->jwt != NULL ? credential->jwt : "";
  const char *document = credential->document;
  guint dots = 0;
  gboolean ok = *jwt != '\0' && *jwt != '.';

  for (const char *p = jwt; ok && *p != '\0'; p++)
    {
      if (*p == '.')
        ok = ++dots <= 2 && p[1] != '.' && p[1] != '\0';
      else
        ok = g_ascii_isalnum (*p) || *p == '-' || *p == '_';
    }
  if (ok && dots == 2 &&
      (document == NULL || (g_utf8_validate (document, -1, NULL) && *document == '{')))
    return TRUE;
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
               _("The signed credential %s is damaged: it is not a compact JWS and a JSON document"),
               credential->uuid != NULL ? credential->uuid : "");
  return FALSE;
}

/* Credential actions */

JsonBuilder *
_mc_workflow_credential_details (McIssuedCredential *credential)
{
  JsonBuilder *details = json_builder_new ();

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "credential");
  json_builder_add_string_value (details, credential->uuid);
  json_builder_set_member_name (details, "student_id");
  json_builder_add_string_value (details, credential->student_id);
  json_builder_set_member_name (details, "batch");
  json_builder_add_int_value (details, credential->batch_id);
  return details;
}

gboolean
_mc_workflow_record_credential (McWorkflow          *self,
                                McAction             action,
                                McDesign            *design,
                                McIssuedCredential  *credential,
                                const char          *comment,
                                JsonBuilder         *details,
                                GError             **error)
{
  McEvent *event = _mc_workflow_event (self, action, design);
  g_autoptr(JsonBuilder) own = details == NULL ? _mc_workflow_credential_details (credential) : NULL;

  g_free (event->comment);
  event->comment = g_strstrip (g_strdup (comment != NULL ? comment : ""));
  return _mc_workflow_record (self, event, details != NULL ? details : own, error);
}

typedef struct {
  GPtrArray  *credentials;
  GHashTable *designs;   /* design id → McDesign the actor may issue */
  GHashTable *counts;    /* batch id → credentials completed */
} CompleteData;

/* The credential's design, checked once per design for the whole call. */
static McDesign *
issuable_design (McWorkflow    *self,
                 CompleteData  *data,
                 gint64         design_id,
                 GError       **error)
{
  McDesign *design = g_hash_table_lookup (data->designs, &design_id);

  if (design != NULL)
    return design;
  design = mc_store_load_design (self->store, design_id, error);
  if (design == NULL || !mc_workflow_check (self, design, MC_ACTION_ISSUE, error))
    {
      g_clear_object (&design);
      return NULL;
    }
  g_hash_table_insert (data->designs, g_memdup2 (&design_id, sizeof design_id), design);
  return design;
}

static gboolean
complete_one (McWorkflow          *self,
              CompleteData        *data,
              McIssuedCredential  *signed_credential,
              GError             **error)
{
  g_autoptr(McIssuedCredential) stored = mc_store_load_credential (self->store, signed_credential->id,
                                                                   error);
  McDesign *design;
  g_autofree char *holder = NULL;
  gint64 *count;

  if (stored == NULL || (design = issuable_design (self, data, stored->design_id, error)) == NULL)
    return FALSE;
  if (stored->state != MC_CREDENTIAL_STATE_PENDING)
    {
      holder = _mc_workflow_holder (stored);
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("The credential of %s is not waiting to be signed: it is %s"),
                   holder, mc_enum_label (MC_TYPE_CREDENTIAL_STATE, stored->state));
      return FALSE;
    }
  if (!check_signed (signed_credential, error) ||
      !_mc_store_complete_credential (self->store, stored->id, signed_credential->jwt,
                                      signed_credential->document, error))
    return FALSE;
  count = g_hash_table_lookup (data->counts, &stored->batch_id);
  if (count == NULL)
    {
      count = g_new0 (gint64, 2);
      count[0] = stored->batch_id;
      g_hash_table_insert (data->counts, count, count);
    }
  count[1]++;
  return _mc_workflow_record_credential (self, MC_ACTION_ISSUE, design, stored, NULL, NULL, error);
}

static gboolean
complete_cb (McWorkflow  *self,
             gpointer     user_data,
             GError     **error)
{
  CompleteData *data = user_data;
  GHashTableIter iter;
  gint64 *count;

  for (guint i = 0; i < data->credentials->len; i++)
    if (!complete_one (self, data, g_ptr_array_index (data->credentials, i), error))
      return FALSE;

  g_hash_table_iter_init (&iter, data->counts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &count, NULL))
    {
      g_autoptr(McIssueBatch) batch = mc_store_load_batch (self->store, count[0], error);

      if (batch == NULL)
        return FALSE;
      batch->issued += (guint) count[1];
      if (!_mc_store_update_batch (self->store, batch, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mc_workflow_complete_credentials (McWorkflow  *self,
                                  GPtrArray   *credentials,
                                  GError     **error)
{
  g_autoptr(GHashTable) designs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_object_unref);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  CompleteData data = { credentials, designs, counts };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (credentials != NULL, FALSE);

  if (!_mc_workflow_run (self, complete_cb, &data, error))
    return FALSE;
  for (guint i = 0; i < credentials->len; i++)
    ((McIssuedCredential *) g_ptr_array_index (credentials, i))->state = MC_CREDENTIAL_STATE_ACTIVE;
  return TRUE;
}

/* Suspending, reinstating, revoking, reprinting, re-issuing */

/* Loads the credential and its design, and checks that the actor may
 * take @action on it. */
static gboolean
load_credential (McWorkflow          *self,
                 gint64               credential_id,
                 McAction             action,
                 McIssuedCredential **credential,
                 McDesign           **design,
                 GError             **error)
{
  g_autoptr(McIssuedCredential) loaded = mc_store_load_credential (self->store, credential_id, error);
  g_autoptr(McDesign) owner = NULL;

  if (loaded == NULL)
    return FALSE;
  owner = mc_store_load_design (self->store, loaded->design_id, error);
  if (owner == NULL || !mc_workflow_check (self, owner, action, error))
    return FALSE;
  *credential = g_steal_pointer (&loaded);
  *design = g_steal_pointer (&owner);
  return TRUE;
}

/* Refuses a credential that is not issued and current: pending,
 * revoked or superseded. */
static gboolean
require_current (McIssuedCredential  *credential,
                 GError             **error)
{
  g_autofree char *holder = _mc_workflow_holder (credential);

#define REFUSE(message) \
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE, message, holder)

  switch (credential->state)
    {
    case MC_CREDENTIAL_STATE_ACTIVE:
    case MC_CREDENTIAL_STATE_SUSPENDED:
      return TRUE;
    case MC_CREDENTIAL_STATE_PENDING:
      REFUSE (_("The credential of %s is not issued yet"));
      return FALSE;
    case MC_CREDENTIAL_STATE_REVOKED:
      REFUSE (_("The credential of %s is revoked, and revocation is final"));
      return FALSE;
    case MC_CREDENTIAL_STATE_SUPERSEDED:
    default:
      REFUSE (_("The credential of %s was replaced by a re-issued one; use that one instead"));
      return FALSE;
    }
#undef REFUSE
}

static gboolean
check_transition (McIssuedCredential  *credential,
                  McCredentialState    to,
                  GError             **error)
{
  g_autofree char *holder = _mc_workflow_holder (credential);

  if (to != MC_CREDENTIAL_STATE_SUSPENDED && to != MC_CREDENTIAL_STATE_ACTIVE &&
      to != MC_CREDENTIAL_STATE_REVOKED)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("A credential can only be suspended, reinstated or revoked; "
                     "re-issue it to replace it"));
      return FALSE;
    }
  if (!require_current (credential, error))
    return FALSE;
  if (to == MC_CREDENTIAL_STATE_SUSPENDED && credential->state == MC_CREDENTIAL_STATE_SUSPENDED)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("The credential of %s is already suspended"), holder);
      return FALSE;
    }
  if (to == MC_CREDENTIAL_STATE_ACTIVE && credential->state == MC_CREDENTIAL_STATE_ACTIVE)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("The credential of %s is active, not suspended: there is nothing to reinstate"),
                   holder);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  gint64             credential_id;
  McCredentialState  state;
  const char        *reason;
  McAction           action;
  McIssueBatch      *batch;
} CredentialData;

static gboolean
set_state_cb (McWorkflow  *self,
              gpointer     user_data,
              GError     **error)
{
  CredentialData *data = user_data;
  g_autoptr(McIssuedCredential) credential = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(JsonBuilder) details = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (data->reason != NULL ? data->reason : ""));

  if (!load_credential (self, data->credential_id, data->action, &credential, &design, error) ||
      !check_transition (credential, data->state, error) ||
      !_mc_store_update_credential_state (self->store, credential->id, credential->state, data->state,
                                          reason, g_get_real_time (), error))
    return FALSE;
  details = _mc_workflow_credential_details (credential);
  json_builder_set_member_name (details, "state");
  json_builder_add_string_value (details, mc_enum_to_nick (MC_TYPE_CREDENTIAL_STATE, data->state));
  return _mc_workflow_record_credential (self, data->action, design, credential, reason, details, error);
}

/**
 * mc_workflow_set_credential_state:
 * @credential_id: an issued credential
 * @state: %MC_CREDENTIAL_STATE_SUSPENDED, %MC_CREDENTIAL_STATE_ACTIVE (to
 *   reinstate a suspended one) or %MC_CREDENTIAL_STATE_REVOKED
 * @reason: (nullable): why; required to suspend or revoke
 *
 * Returns: %TRUE if the credential's state changed
 */
gboolean
mc_workflow_set_credential_state (McWorkflow         *self,
                                  gint64              credential_id,
                                  McCredentialState   state,
                                  const char         *reason,
                                  GError            **error)
{
  CredentialData data = { credential_id, state, reason, MC_ACTION_REINSTATE_CREDENTIAL, NULL };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (state == MC_CREDENTIAL_STATE_SUSPENDED)
    {
      data.action = MC_ACTION_SUSPEND_CREDENTIAL;
      if (!_mc_workflow_check_reason (reason, TRUE, _("Give the reason for suspending the credential"),
                                      error))
        return FALSE;
    }
  else if (state == MC_CREDENTIAL_STATE_REVOKED)
    {
      data.action = MC_ACTION_REVOKE_CREDENTIAL;
      if (!_mc_workflow_check_reason (reason, TRUE, _("Give the reason for revoking the credential"),
                                      error))
        return FALSE;
    }
  else if (!_mc_workflow_check_reason (reason, FALSE, NULL, error))
    return FALSE;
  return _mc_workflow_run (self, set_state_cb, &data, error);
}

static gboolean
reprint_cb (McWorkflow  *self,
            gpointer     user_data,
            GError     **error)
{
  CredentialData *data = user_data;
  g_autoptr(McIssuedCredential) credential = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(JsonBuilder) details = NULL;

  if (!load_credential (self, data->credential_id, MC_ACTION_REPRINT, &credential, &design, error) ||
      !require_current (credential, error))
    return FALSE;
  if (credential->state != MC_CREDENTIAL_STATE_ACTIVE)
    {
      g_autofree char *holder = _mc_workflow_holder (credential);

      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("The certificate of %s cannot be reprinted: the credential is suspended"), holder);
      return FALSE;
    }
  if (!_mc_store_add_reprint (self->store, credential->id, error))
    return FALSE;
  details = _mc_workflow_credential_details (credential);
  json_builder_set_member_name (details, "reprints");
  json_builder_add_int_value (details, credential->reprints + 1);
  return _mc_workflow_record_credential (self, MC_ACTION_REPRINT, design, credential, NULL, details, error);
}

gboolean
mc_workflow_record_reprint (McWorkflow  *self,
                            gint64       credential_id,
                            GError     **error)
{
  CredentialData data = { credential_id, MC_CREDENTIAL_STATE_ACTIVE, NULL, MC_ACTION_REPRINT, NULL };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  return _mc_workflow_run (self, reprint_cb, &data, error);
}

/* The key a re-issued credential is signed with: the current key of the
 * institution's signing algorithm, else the old credential's key if it
 * can still sign. */
static McKeyRecord *
reissue_key (McWorkflow          *self,
             McIssuedCredential  *old,
             GError             **error)
{
  g_autofree char *algorithm = mc_store_get_setting (self->store, MC_SETTING_SIGNING_ALGORITHM,
                                                     MC_WORKFLOW_DEFAULT_SIGNING_ALGORITHM);
  McKeyKind kind = g_str_equal (algorithm, "EdDSA") ? MC_KEY_KIND_ED25519 : MC_KEY_KIND_RSA;
  g_autoptr(GError) local_error = NULL;
  McKeyRecord *key = mc_store_get_current_key (self->store, kind, &local_error);

  if (key == NULL && local_error == NULL)
    {
      key = mc_store_find_key (self->store, old->kid, &local_error);
      if (key != NULL && (key->retired_at != 0 || key->private_path == NULL))
        g_clear_pointer (&key, mc_key_record_free);
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (key == NULL)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                 _("There is no signing key to re-issue the credential with; "
                   "an administrator must add one"));
  return key;
}

/* A batch of one, for the replacement of @old. */
static McIssueBatch *
reissue_batch (McWorkflow          *self,
               McIssuedCredential  *old,
               GError             **error)
{
  g_autoptr(McIssueBatch) old_batch = mc_store_load_batch (self->store, old->batch_id, error);
  g_autoptr(McKeyRecord) key = NULL;
  g_autoptr(McIssueBatch) batch = NULL;

  if (old_batch == NULL || (key = reissue_key (self, old, error)) == NULL)
    return NULL;
  batch = mc_issue_batch_new ();
  batch->offering_id = old->offering_id;
  batch->kid = g_strdup (key->kid);
  batch->state = MC_BATCH_STATE_RUNNING;
  batch->data_integrity = old_batch->data_integrity;
  batch->total = 1;
  batch->started_by = _mc_workflow_actor_id (self);
  batch->started_at = g_get_real_time () / G_USEC_PER_SEC;
  if (!_mc_store_insert_batch (self->store, batch, error))
    return NULL;
  return g_steal_pointer (&batch);
}

static gboolean
reissue_cb (McWorkflow  *self,
            gpointer     user_data,
            GError     **error)
{
  CredentialData *data = user_data;
  g_autoptr(McIssuedCredential) old = NULL;
  g_autoptr(McIssuedCredential) replacement = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McRevision) revision = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(JsonBuilder) details = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (data->reason));

  if (!load_credential (self, data->credential_id, MC_ACTION_REISSUE, &old, &design, error) ||
      !require_current (old, error) ||
      (offering = mc_store_load_offering (self->store, old->offering_id, error)) == NULL ||
      (revision = mc_store_load_revision (self->store, offering->design_id, offering->revision_number,
                                          error)) == NULL ||
      (batch = reissue_batch (self, old, error)) == NULL ||
      /* Superseded first: only one credential of a learner and offering is current. */
      !_mc_store_update_credential_state (self->store, old->id, old->state,
                                          MC_CREDENTIAL_STATE_SUPERSEDED, reason, g_get_real_time (),
                                          error) ||
      (replacement = _mc_workflow_reserve_credential (self, offering, revision, old->result, batch,
                                                      old->id, error)) == NULL ||
      !_mc_store_set_superseded_by (self->store, old->id, replacement->id, error))
    return FALSE;
  details = _mc_workflow_credential_details (old);
  json_builder_set_member_name (details, "replacement");
  json_builder_add_string_value (details, replacement->uuid);
  json_builder_set_member_name (details, "replacement_batch");
  json_builder_add_int_value (details, batch->id);
  if (!_mc_workflow_record_credential (self, MC_ACTION_REISSUE, design, old, reason, details, error))
    return FALSE;
  data->batch = g_steal_pointer (&batch);
  return TRUE;
}

/**
 * mc_workflow_reissue_credential:
 * @credential_id: an active or suspended credential
 * @reason: why it is replaced
 *
 * Returns: (transfer full) (nullable): a running batch holding the one
 *   pending replacement, for the issuer to sign
 */
McIssueBatch *
mc_workflow_reissue_credential (McWorkflow  *self,
                                gint64       credential_id,
                                const char  *reason,
                                GError     **error)
{
  CredentialData data = { credential_id, MC_CREDENTIAL_STATE_SUPERSEDED, reason, MC_ACTION_REISSUE, NULL };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  if (!_mc_workflow_check_reason (reason, TRUE, _("Give the reason for re-issuing the credential"), error) ||
      !_mc_workflow_run (self, reissue_cb, &data, error))
    return NULL;
  return data.batch;
}
