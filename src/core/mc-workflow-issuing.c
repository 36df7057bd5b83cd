/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <glib/gi18n-lib.h>

#include "mc-workflow-private.h"

/* Issuing: offerings of active designs, and the batches that reserve,
 * sign and store their credentials.  The batch issuer does the signing;
 * this file decides what may be issued and keeps the records straight:
 * every credential is reserved (pending) before it is signed, in one
 * transaction per batch start, so that a crash at any point and a resume
 * never issue twice. */

gboolean
_mc_workflow_load_offering (McWorkflow   *self,
                            gint64        offering_id,
                            McAction      action,
                            McOffering  **offering,
                            McDesign    **design,
                            GError      **error)
{
  g_autoptr(McOffering) loaded = mc_store_load_offering (self->store, offering_id, error);
  g_autoptr(McDesign) owner = NULL;

  if (loaded == NULL)
    return FALSE;
  owner = mc_store_load_design (self->store, loaded->design_id, error);
  if (owner == NULL || !mc_workflow_check (self, owner, action, error))
    return FALSE;
  *offering = g_steal_pointer (&loaded);
  *design = g_steal_pointer (&owner);
  return TRUE;
}

char *
_mc_workflow_holder (McIssuedCredential *credential)
{
  /* Translators: a learner and their student id, "Aoife Byrne (S1234567)" */
  return g_strdup_printf (_("%s (%s)"), credential->learner_name, credential->student_id);
}

/* Offerings */

static gboolean
check_offering (McOffering  *offering,
                GError     **error)
{
  const char *message = NULL;

  if (offering->code == NULL || *offering->code == '\0' || !_mc_workflow_is_line (offering->code, 100))
    message = _("Give the offering a code of one line and up to 100 characters, like 2026-SPRING");
  else if (offering->title != NULL && !_mc_workflow_is_line (offering->title, 500))
    message = _("The title of the offering must be one line of up to 500 characters");
  else if (offering->location != NULL && !_mc_workflow_is_line (offering->location, 200))
    message = _("The location must be one line of up to 200 characters");
  else if (mc_enum_to_nick (MC_TYPE_PARTICIPATION_MODE, offering->mode) == NULL)
    message = _("Choose the form of participation of the offering");
  if (message != NULL)
    {
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID, message);
      return FALSE;
    }
  if (!_mc_workflow_is_date (offering->starts_on) || !_mc_workflow_is_date (offering->ends_on))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The offering’s dates “%s” and “%s” must be dates like 2026-09-14"),
                   offering->starts_on != NULL ? offering->starts_on : "",
                   offering->ends_on != NULL ? offering->ends_on : "");
      return FALSE;
    }
  if (strcmp (offering->starts_on, offering->ends_on) > 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The offering cannot end (%s) before it starts (%s)"),
                   offering->ends_on, offering->starts_on);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_offering_cb (McWorkflow  *self,
                    gpointer     user_data,
                    GError     **error)
{
  McOffering *offering = user_data;
  g_autoptr(McDesign) design = mc_store_load_design (self->store, offering->design_id, error);
  g_autoptr(McRevision) revision = NULL;
  g_autoptr(JsonBuilder) details = json_builder_new ();
  gboolean taken = FALSE;

  if (design == NULL || !mc_workflow_check (self, design, MC_ACTION_CREATE_OFFERING, error) ||
      !_mc_store_has_offering_code (self->store, offering->design_id, offering->code, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("“%s” already has an offering with the code “%s”"),
                   _mc_workflow_design_title (design), offering->code);
      return FALSE;
    }
  /* Never the draft of a modification: what is offered is what was approved. */
  offering->revision_number = mc_design_get_approved_revision (design);
  revision = mc_store_load_revision (self->store, offering->design_id, offering->revision_number, error);
  if (revision == NULL)
    return FALSE;
  if (offering->title == NULL || *offering->title == '\0')
    offering->title = (g_free (offering->title), g_strdup (mc_revision_get_title (revision)));
  if (offering->mode == MC_PARTICIPATION_UNSET)
    offering->mode = mc_revision_get_int (revision, "participation_mode");
  offering->uuid = (g_free (offering->uuid), g_uuid_string_random ());
  offering->created_at = g_get_real_time () / G_USEC_PER_SEC;
  offering->created_by = _mc_workflow_actor_id (self);
  if (!_mc_store_insert_offering (self->store, offering, error))
    return FALSE;

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "offering");
  json_builder_add_string_value (details, offering->code);
  json_builder_set_member_name (details, "uuid");
  json_builder_add_string_value (details, offering->uuid);
  json_builder_set_member_name (details, "revision");
  json_builder_add_int_value (details, offering->revision_number);
  json_builder_set_member_name (details, "starts_on");
  json_builder_add_string_value (details, offering->starts_on);
  json_builder_set_member_name (details, "ends_on");
  json_builder_add_string_value (details, offering->ends_on);
  return _mc_workflow_record (self, _mc_workflow_event (self, MC_ACTION_CREATE_OFFERING, design),
                              details, error);
}

/**
 * mc_workflow_create_offering:
 * @offering: the new offering (id 0): design_id, code, dates, and
 *   optionally title, mode and location
 *
 * Returns: %TRUE if the offering was created; @offering is then complete
 */
gboolean
mc_workflow_create_offering (McWorkflow  *self,
                             McOffering  *offering,
                             GError     **error)
{
  g_autoptr(McOffering) copy = NULL;
  McOffering swap;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (offering != NULL && offering->id == 0, FALSE);

  copy = mc_offering_copy (offering);
  if (copy->code != NULL)
    g_strstrip (copy->code);
  if (!check_offering (copy, error) || !_mc_workflow_run (self, create_offering_cb, copy, error))
    return FALSE;
  /* Hand the completed offering over; @offering's old fields go with @copy. */
  swap = *offering;
  *offering = *copy;
  *copy = swap;
  return TRUE;
}

/* Reserving credentials */

/* 16 random bytes from the kernel, base64url without padding: the
 * unguessable part of a credential's public verification address. */
static char *
random_token (GError **error)
{
  guint8 bytes[16];
  gsize done = 0;
  char *token;

  while (done < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + done, sizeof bytes - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The system gave no random numbers for the credential: %s"),
                       g_strerror (saved_errno));
          return NULL;
        }
      done += (gsize) n;
    }
  token = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  *strchr (token, '=') = '\0';
  return token;
}

static char *
format_date_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

McIssuedCredential *
_mc_workflow_reserve_credential (McWorkflow    *self,
                                 McOffering    *offering,
                                 McRevision    *revision,
                                 McResult      *result,
                                 McIssueBatch  *batch,
                                 gint64         supersedes_id,
                                 GError       **error)
{
  g_autoptr(McIssuedCredential) credential = mc_issued_credential_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int months = mc_revision_get_int (revision, "validity_months");

  if (!_mc_store_next_status_index (self->store, &credential->status_index, error) ||
      (credential->token = random_token (error)) == NULL)
    return NULL;
  credential->uuid = g_uuid_string_random ();
  credential->offering_id = offering->id;
  credential->learner_id = result->learner_id;
  credential->result_id = result->id;
  credential->batch_id = batch->id;
  credential->design_id = offering->design_id;
  credential->revision_number = offering->revision_number;
  credential->title = g_strdup (mc_revision_get_title (revision));
  credential->kid = g_strdup (batch->kid);
  credential->state = MC_CREDENTIAL_STATE_PENDING;
  credential->issued_at = g_date_time_to_unix (now);
  credential->valid_from = format_date_time (now);
  if (months > 0)
    {
      g_autoptr(GDateTime) until = g_date_time_add_months (now, months);

      credential->valid_until = format_date_time (until);
    }
  credential->supersedes_id = supersedes_id;
  credential->status_reason = g_strdup ("");
  if (!_mc_store_insert_credential (self->store, credential, error))
    return NULL;
  return g_steal_pointer (&credential);
}

/* Batches */

static gboolean
check_signing_key (McWorkflow  *self,
                   const char  *kid,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McKeyRecord) key = mc_store_find_key (self->store, kid, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (key == NULL)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                 _("There is no signing key “%s”"), kid);
  else if (key->retired_at != 0)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                 _("The signing key “%s” is retired: it only verifies what it signed before"), kid);
  else if (key->private_path == NULL)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                 _("The signing key “%s” has no private key here: it can only verify"), kid);
  return key != NULL && key->retired_at == 0 && key->private_path != NULL;
}

typedef struct {
  gint64        offering_id;
  const char   *kid;
  const char   *export_dir;
  gboolean      data_integrity;
  McIssueBatch *batch;
} StartData;

/* The unfinished batch of the offering, made to run again, or NULL. */
static gboolean
resume_batch (McWorkflow    *self,
              StartData     *data,
              McIssueBatch **batch,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  *batch = mc_store_find_unfinished_batch (self->store, data->offering_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*batch == NULL)
    return TRUE;
  (*batch)->state = MC_BATCH_STATE_RUNNING;
  (*batch)->finished_at = 0;
  (*batch)->data_integrity = data->data_integrity;
  (*batch)->kid = (g_free ((*batch)->kid), g_strdup (data->kid));
  if (data->export_dir != NULL)
    (*batch)->export_dir = (g_free ((*batch)->export_dir), g_strdup (data->export_dir));
  /* Nothing pending is signed yet: it may take another key. */
  return _mc_store_set_pending_kid (self->store, (*batch)->id, data->kid, error);
}

static gboolean
start_batch_cb (McWorkflow  *self,
                gpointer     user_data,
                GError     **error)
{
  StartData *data = user_data;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McRevision) revision = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(GPtrArray) results = NULL;

  if (!_mc_workflow_load_offering (self, data->offering_id, MC_ACTION_ISSUE, &offering, &design, error) ||
      !check_signing_key (self, data->kid, error) ||
      !resume_batch (self, data, &batch, error) ||
      (results = _mc_store_list_unissued_results (self->store, offering->id, error)) == NULL)
    return FALSE;
  if (batch == NULL && results->len == 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                   _("There is nothing to issue: every learner who passed offering %s of “%s” "
                     "already has a credential"), offering->code, _mc_workflow_design_title (design));
      return FALSE;
    }
  revision = mc_store_load_revision (self->store, offering->design_id, offering->revision_number, error);
  if (revision == NULL)
    return FALSE;
  if (batch == NULL)
    {
      batch = mc_issue_batch_new ();
      batch->offering_id = offering->id;
      batch->kid = g_strdup (data->kid);
      batch->state = MC_BATCH_STATE_RUNNING;
      batch->export_dir = g_strdup (data->export_dir);
      batch->data_integrity = data->data_integrity;
      batch->started_by = _mc_workflow_actor_id (self);
      batch->started_at = g_get_real_time () / G_USEC_PER_SEC;
      if (!_mc_store_insert_batch (self->store, batch, error))
        return FALSE;
    }
  for (guint i = 0; i < results->len; i++)
    {
      g_autoptr(McIssuedCredential) credential =
        _mc_workflow_reserve_credential (self, offering, revision, g_ptr_array_index (results, i),
                                         batch, 0, error);

      if (credential == NULL)
        return FALSE;
      batch->total++;
    }
  if (!_mc_store_update_batch (self->store, batch, error))
    return FALSE;
  data->batch = g_steal_pointer (&batch);
  return TRUE;
}

/**
 * mc_workflow_start_batch:
 * @offering_id: the offering to issue
 * @kid: the signing key
 * @export_dir: (nullable): the absolute folder the issuer writes to
 * @data_integrity: whether the issuer adds a Data Integrity proof
 *
 * Returns: (transfer full) (nullable): the batch to sign, new or resumed
 */
McIssueBatch *
mc_workflow_start_batch (McWorkflow  *self,
                         gint64       offering_id,
                         const char  *kid,
                         const char  *export_dir,
                         gboolean     data_integrity,
                         GError     **error)
{
  StartData data = { offering_id, kid, export_dir, data_integrity, NULL };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (kid != NULL, NULL);

  if (export_dir != NULL && (!g_path_is_absolute (export_dir) || !g_utf8_validate (export_dir, -1, NULL)))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The export folder must be given as a full path, like /home/registrar/Credentials"));
      return NULL;
    }
  if (!_mc_workflow_run (self, start_batch_cb, &data, error))
    return NULL;
  return data.batch;
}

typedef struct {
  McIssueBatch *batch;
  McBatchState  state;
  McIssueBatch *finished;
} FinishData;

static gboolean
finish_cb (McWorkflow  *self,
           gpointer     user_data,
           GError     **error)
{
  FinishData *data = user_data;
  g_autoptr(McIssueBatch) stored = mc_store_load_batch (self->store, data->batch->id, error);
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McDesign) design = NULL;
  guint pending = 0;

  if (stored == NULL ||
      (offering = mc_store_load_offering (self->store, stored->offering_id, error)) == NULL ||
      (design = mc_store_load_design (self->store, offering->design_id, error)) == NULL ||
      /* Whatever the design's state: a batch stops when its design is suspended. */
      !_mc_workflow_require_role (self, MC_ROLE_REGISTRAR, mc_design_get_unit_id (design), error) ||
      !_mc_store_count_pending (self->store, stored->id, &pending, error))
    return FALSE;
  if (stored->state != MC_BATCH_STATE_RUNNING)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("This issuing batch has already ended: it is %s"),
                   mc_enum_label (MC_TYPE_BATCH_STATE, stored->state));
      return FALSE;
    }
  if (data->state == MC_BATCH_STATE_DONE && pending > 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The batch is not done: %u credential is not signed yet",
                                "The batch is not done: %u credentials are not signed yet", pending),
                   pending);
      return FALSE;
    }
  stored->state = data->state;
  stored->finished_at = g_get_real_time () / G_USEC_PER_SEC;
  if (!_mc_store_update_batch (self->store, stored, error))
    return FALSE;
  data->finished = g_steal_pointer (&stored);
  return TRUE;
}

gboolean
mc_workflow_finish_batch (McWorkflow    *self,
                          McIssueBatch  *batch,
                          McBatchState   state,
                          GError       **error)
{
  FinishData data = { batch, state, NULL };
  McIssueBatch swap;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (state == MC_BATCH_STATE_DONE || state == MC_BATCH_STATE_CANCELLED ||
                        state == MC_BATCH_STATE_FAILED, FALSE);

  if (!_mc_workflow_run (self, finish_cb, &data, error))
    return FALSE;
  /* The batch as stored, with its final counts; the old fields go. */
  swap = *batch;
  *batch = *data.finished;
  *data.finished = swap;
  mc_issue_batch_free (data.finished);
  return TRUE;
}
