/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-validator.h"
#include "mc-workflow-private.h"

/* The state machine.  Every public call: checks the actor's role and the
 * design's state, then changes the store and appends one event inside a
 * single transaction, so that a refusal or a failure changes nothing. */

G_DEFINE_FINAL_TYPE (McWorkflow, mc_workflow, G_TYPE_OBJECT)

G_DEFINE_QUARK (mc-workflow-error-quark, mc_workflow_error)

enum {
  PROP_0,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
mc_workflow_finalize (GObject *object)
{
  McWorkflow *self = MC_WORKFLOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_object (&self->actor);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->current_day, g_free);
  G_OBJECT_CLASS (mc_workflow_parent_class)->finalize (object);
}

static void
mc_workflow_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  McWorkflow *self = MC_WORKFLOW (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_workflow_class_init (McWorkflowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_workflow_finalize;
  object_class->get_property = mc_workflow_get_property;

  /* The person the workflow acts for; notified when an administrator
   * starts or stops acting for someone, so that views can follow. */
  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL, MC_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_workflow_init (McWorkflow *self)
{
}

/* Helpers shared by the mc-workflow*.c files */

gint64
_mc_workflow_actor_id (McWorkflow *self)
{
  return mc_person_get_id (self->actor);
}

const char *
_mc_workflow_design_title (McDesign *design)
{
  const char *title = mc_revision_get_title (mc_design_get_content (design));

  return title != NULL && *title != '\0' ? title : _("Untitled design");
}

gboolean
mc_workflow_has_role (McWorkflow *self,
                      McRole      role,
                      gint64      unit_id)
{
  gboolean has_role = FALSE;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  return mc_store_person_has_role (self->store, _mc_workflow_actor_id (self), role, unit_id,
                                   &has_role, NULL) && has_role;
}

gboolean
_mc_workflow_require_role (McWorkflow  *self,
                           McRole       role,
                           gint64       unit_id,
                           GError     **error)
{
  g_autoptr(McUnit) unit = NULL;

  if (mc_workflow_has_role (self, role, unit_id))
    return TRUE;

  if (unit_id != 0)
    unit = mc_store_get_unit (self->store, unit_id, NULL);
  if (unit != NULL)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                 /* Translators: "Dr Byrne is not a QA chair for the School of Computing" */
                 _("%s is not %s for %s"), mc_person_get_name (self->actor),
                 mc_enum_label (MC_TYPE_ROLE, role), mc_unit_get_name (unit));
  else
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                 /* Translators: "Dr Byrne does not have the role Administrator" */
                 _("%s does not have the role %s"), mc_person_get_name (self->actor),
                 mc_enum_label (MC_TYPE_ROLE, role));
  return FALSE;
}

gboolean
_mc_workflow_is_owner (McWorkflow *self,
                       McDesign   *design)
{
  return mc_design_get_owner_id (design) != 0 &&
         mc_design_get_owner_id (design) == _mc_workflow_actor_id (self);
}

gboolean
_mc_workflow_require_not_owner (McWorkflow  *self,
                                McDesign    *design,
                                GError     **error)
{
  if (!_mc_workflow_is_owner (self, design))
    return TRUE;
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
               _("%s is the author of “%s”: authors never review or decide on their own designs"),
               mc_person_get_name (self->actor), _mc_workflow_design_title (design));
  return FALSE;
}

/* The author of a design, or — for a design without one — an author of
 * its unit. */
static gboolean
require_author (McWorkflow  *self,
                McDesign    *design,
                GError     **error)
{
  if (_mc_workflow_is_owner (self, design))
    return TRUE;
  if (mc_design_get_owner_id (design) == 0)
    return _mc_workflow_require_role (self, MC_ROLE_AUTHOR, mc_design_get_unit_id (design), error);
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
               _("Only the author of “%s” can do this"), _mc_workflow_design_title (design));
  return FALSE;
}

McEvent *
_mc_workflow_event (McWorkflow *self,
                    McAction    action,
                    McDesign   *design)
{
  McEvent *event = mc_event_new (action);

  event->actor_id = _mc_workflow_actor_id (self);
  event->recorded_by_id = mc_person_get_id (self->account);
  if (design != NULL)
    {
      event->design_id = mc_design_get_id (design);
      event->design_uuid = g_strdup (mc_design_get_uuid (design));
      event->from_state = (int) mc_design_get_state (design);
    }
  return event;
}

gboolean
_mc_workflow_record (McWorkflow   *self,
                     McEvent      *event,
                     JsonBuilder  *details,
                     GError      **error)
{
  gboolean appended;

  if (details != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_object (details);
      root = json_builder_get_root (details);
      event->details = json_to_string (root, FALSE);
    }
  appended = _mc_store_append_event (self->store, event, error);
  mc_event_free (event);
  return appended;
}

guint
_mc_workflow_get_uint_setting (McWorkflow *self,
                               const char *key,
                               guint       fallback)
{
  g_autofree char *value = mc_store_get_setting (self->store, key, NULL);
  guint64 number = 0;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, 1000, &number, NULL))
    return fallback;
  return (guint) number;
}

gboolean
_mc_workflow_is_line (const char *text,
                      guint       max_chars)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > max_chars)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

gboolean
_mc_workflow_check_reason (const char  *reason,
                           gboolean     required,
                           const char  *missing,
                           GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > 2000)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The reason is not valid text of up to 2,000 characters"));
      return FALSE;
    }
  if (required && *stripped == '\0')
    {
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID, missing);
      return FALSE;
    }
  return TRUE;
}

gboolean
_mc_workflow_is_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *with_time = NULL;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  with_time = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (with_time, NULL);
  return date != NULL && g_date_time_get_year (date) >= 1970;
}

char *
_mc_workflow_add_months (const char *iso_date,
                         guint       months)
{
  g_autofree char *with_time = g_strconcat (iso_date, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (with_time, NULL);
  g_autoptr(GDateTime) later = NULL;

  g_return_val_if_fail (date != NULL, NULL);
  later = g_date_time_add_months (date, (int) months);
  return g_date_time_format (later, "%Y-%m-%d");
}

char *
_mc_workflow_add_days (const char *iso_date,
                       int         days)
{
  g_autofree char *with_time = g_strconcat (iso_date, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (with_time, NULL);
  g_autoptr(GDateTime) later = NULL;

  g_return_val_if_fail (date != NULL, NULL);
  later = g_date_time_add_days (date, days);
  return g_date_time_format (later, "%Y-%m-%d");
}

typedef struct {
  McWorkflow     *workflow;
  McWorkflowFunc  func;
  gpointer        data;
} RunData;

static gboolean
run_cb (McStore   *store,
        gpointer   user_data,
        GError   **error)
{
  RunData *run = user_data;

  return run->func (run->workflow, run->data, error);
}

gboolean
_mc_workflow_run (McWorkflow      *self,
                  McWorkflowFunc   func,
                  gpointer         data,
                  GError         **error)
{
  RunData run = { self, func, data };

  return mc_store_run_in_transaction (self->store, run_cb, &run, error);
}

/* Creating the workflow */

typedef struct {
  const char *username;
  McPerson   *person;
} OpenData;

static gboolean
become_administrator (McWorkflow  *self,
                      gpointer     user_data,
                      GError     **error)
{
  OpenData *data = user_data;
  g_autoptr(McEvent) event = NULL;
  guint n_admins = 0;

  if (!_mc_store_seed_templates (self->store, error) ||
      !_mc_store_count_role (self->store, MC_ROLE_ADMINISTRATOR, &n_admins, error))
    return FALSE;
  if (n_admins > 0)
    return TRUE;

  if (data->person == NULL)
    {
      const char *real_name = g_strcmp0 (data->username, g_get_user_name ()) == 0
                              ? g_get_real_name () : NULL;
      gint64 id;

      if (real_name == NULL || *real_name == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
        real_name = data->username;
      id = mc_store_add_person (self->store, data->username, real_name, "", 0, error);
      if (id == 0)
        return FALSE;
      data->person = mc_store_get_person (self->store, id, error);
      if (data->person == NULL)
        return FALSE;
    }

  /* Administrator, and author too, so that one person can start using a
   * new database straight away; the administrator hands out the other
   * roles. */
  for (guint i = 0; i < 2; i++)
    {
      McRole role = i == 0 ? MC_ROLE_ADMINISTRATOR : MC_ROLE_AUTHOR;

      if (!_mc_store_set_role (self->store, mc_person_get_id (data->person), role, 0, TRUE, error))
        return FALSE;
      g_clear_pointer (&event, mc_event_free);
      event = mc_event_new (MC_ACTION_GRANT_ROLE);
      event->actor_id = event->recorded_by_id = mc_person_get_id (data->person);
      g_free (event->comment);
      event->comment = g_strdup (_("The first account on a new database becomes its administrator"));
      event->details = g_strdup_printf ("{\"subject\":\"%s\",\"value\":\"%s\"}",
                                        mc_person_get_username (data->person),
                                        mc_enum_to_nick (MC_TYPE_ROLE, role));
      if (!_mc_store_append_event (self->store, event, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mc_workflow_new:
 * @store: the institution's database
 * @username: the operating-system account
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a workflow acting for @username
 */
McWorkflow *
mc_workflow_new (McStore     *store,
                 const char  *username,
                 GError     **error)
{
  g_autoptr(McWorkflow) self = NULL;
  g_autoptr(GError) local_error = NULL;
  OpenData data = { username, NULL };

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (username != NULL && *username != '\0', NULL);

  self = g_object_new (MC_TYPE_WORKFLOW, NULL);
  self->store = g_object_ref (store);

  data.person = mc_store_find_person_by_username (store, username, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!_mc_workflow_run (self, become_administrator, &data, error))
    {
      g_clear_object (&data.person);
      return NULL;
    }
  if (data.person == NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_UNKNOWN_PERSON,
                   _("The account “%s” is not one of the people of this institution; "
                     "ask an administrator to add it"), username);
      return NULL;
    }
  self->account = data.person;
  self->actor = g_object_ref (data.person);
  return g_steal_pointer (&self);
}

gboolean
mc_workflow_act_as (McWorkflow  *self,
                    const char  *username,
                    GError     **error)
{
  g_autoptr(McPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean is_admin = FALSE;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (username == NULL || g_strcmp0 (username, mc_person_get_username (self->account)) == 0)
    {
      if (g_set_object (&self->actor, self->account))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
      return TRUE;
    }

  if (!mc_store_person_has_role (self->store, mc_person_get_id (self->account),
                                 MC_ROLE_ADMINISTRATOR, 0, &is_admin, error))
    return FALSE;
  if (!is_admin)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                   _("Only an administrator can act on behalf of someone else"));
      return FALSE;
    }
  person = mc_store_find_person_by_username (self->store, username, &local_error);
  if (person == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_UNKNOWN_PERSON,
                     _("There is no person with the user name “%s”"), username);
      return FALSE;
    }
  if (g_set_object (&self->actor, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
  return TRUE;
}

McStore *
mc_workflow_get_store (McWorkflow *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  return self->store;
}

McPerson *
mc_workflow_get_actor (McWorkflow *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  return self->actor;
}

McPerson *
mc_workflow_get_account (McWorkflow *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  return self->account;
}

void
mc_workflow_set_today (McWorkflow *self,
                       const char *iso_date)
{
  g_return_if_fail (MC_IS_WORKFLOW (self));
  g_return_if_fail (iso_date == NULL || _mc_workflow_is_date (iso_date));

  g_free (self->today);
  self->today = g_strdup (iso_date);
}

const char *
mc_workflow_get_today (McWorkflow *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  if (self->today == NULL)
    {
      /* Not cached: a window left open over midnight moves on. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_free (self->current_day);
      self->current_day = g_date_time_format (now, "%Y-%m-%d");
      return self->current_day;
    }
  return self->today;
}

guint
mc_workflow_get_min_reviews (McWorkflow *self,
                             McDesign   *design)
{
  gboolean modification;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), 0);
  g_return_val_if_fail (MC_IS_DESIGN (design), 0);

  modification = mc_design_get_state (design) == MC_DESIGN_STATE_MODIFYING ||
                 mc_design_get_state (design) == MC_DESIGN_STATE_MODIFICATION_REVIEW;
  return modification
         ? _mc_workflow_get_uint_setting (self, MC_SETTING_MIN_MODIFICATION_REVIEWS, 1)
         : _mc_workflow_get_uint_setting (self, MC_SETTING_MIN_REVIEWS, 2);
}

/* The state table: which states each action starts from, and where it
 * leads (-1: depends on the call). */
typedef struct {
  McAction       action;
  McDesignState  from[3];
  guint          n_from;
  int            to;
} Transition;

static const Transition transitions[] = {
  { MC_ACTION_SUBMIT, { MC_DESIGN_STATE_DRAFT }, 1, MC_DESIGN_STATE_SUBMITTED },
  { MC_ACTION_WITHDRAW, { MC_DESIGN_STATE_SUBMITTED, MC_DESIGN_STATE_IN_REVIEW }, 2, MC_DESIGN_STATE_DRAFT },
  { MC_ACTION_ASSIGN_REVIEWERS, { MC_DESIGN_STATE_SUBMITTED, MC_DESIGN_STATE_IN_REVIEW,
                                  MC_DESIGN_STATE_MODIFICATION_REVIEW }, 3, -1 },
  { MC_ACTION_SUBMIT_REVIEW, { MC_DESIGN_STATE_IN_REVIEW, MC_DESIGN_STATE_MODIFICATION_REVIEW }, 2, -1 },
  { MC_ACTION_DECIDE, { MC_DESIGN_STATE_IN_REVIEW, MC_DESIGN_STATE_MODIFICATION_REVIEW }, 2, -1 },
  { MC_ACTION_REVISE, { MC_DESIGN_STATE_CHANGES_REQUESTED }, 1, MC_DESIGN_STATE_DRAFT },
  { MC_ACTION_MEET_CONDITION, { MC_DESIGN_STATE_APPROVED }, 1, -1 },
  { MC_ACTION_ACTIVATE, { MC_DESIGN_STATE_APPROVED }, 1, MC_DESIGN_STATE_ACTIVE },
  { MC_ACTION_SUSPEND, { MC_DESIGN_STATE_ACTIVE }, 1, MC_DESIGN_STATE_SUSPENDED },
  { MC_ACTION_REINSTATE, { MC_DESIGN_STATE_SUSPENDED }, 1, MC_DESIGN_STATE_ACTIVE },
  { MC_ACTION_RETIRE, { MC_DESIGN_STATE_ACTIVE, MC_DESIGN_STATE_SUSPENDED }, 2, MC_DESIGN_STATE_RETIRED },
  { MC_ACTION_START_MODIFICATION, { MC_DESIGN_STATE_ACTIVE }, 1, MC_DESIGN_STATE_MODIFYING },
  { MC_ACTION_SUBMIT_MODIFICATION, { MC_DESIGN_STATE_MODIFYING }, 1, MC_DESIGN_STATE_MODIFICATION_REVIEW },
  { MC_ACTION_ANNUAL_REVIEW, { MC_DESIGN_STATE_ACTIVE }, 1, -1 },
  { MC_ACTION_DELETE, { MC_DESIGN_STATE_DRAFT }, 1, -1 },
  /* Content edits, checked with the action that creates them. */
  { MC_ACTION_CREATE, { MC_DESIGN_STATE_DRAFT, MC_DESIGN_STATE_MODIFYING }, 2, -1 },
  /* Issuing: the approved revision stays in force during a modification. */
  { MC_ACTION_CREATE_OFFERING, { MC_DESIGN_STATE_ACTIVE, MC_DESIGN_STATE_MODIFYING,
                                 MC_DESIGN_STATE_MODIFICATION_REVIEW }, 3, -1 },
  { MC_ACTION_ISSUE, { MC_DESIGN_STATE_ACTIVE, MC_DESIGN_STATE_MODIFYING,
                       MC_DESIGN_STATE_MODIFICATION_REVIEW }, 3, -1 },
  { MC_ACTION_REISSUE, { MC_DESIGN_STATE_ACTIVE, MC_DESIGN_STATE_MODIFYING,
                         MC_DESIGN_STATE_MODIFICATION_REVIEW }, 3, -1 },
};

static const Transition *
find_transition (McAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].action == action)
      return &transitions[i];
  return NULL;
}

/* Why an action does not apply in a state: one sentence per action, so
 * that each reads naturally once translated. */
void
_mc_workflow_set_wrong_state_error (McDesign  *design,
                                    McAction   action,
                                    GError   **error)
{
  const char *title = _mc_workflow_design_title (design);
  const char *state = mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (design));

#define WRONG_STATE(message) \
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE, message, title, state)

  /* Translators: in these messages the first %s is a design's title and
   * the second its state, like "Active" */
  switch (action)
    {
    case MC_ACTION_SUBMIT:
      WRONG_STATE (_("“%s” cannot be submitted now: it is %s, and only a draft can be"));
      break;
    case MC_ACTION_WITHDRAW:
      WRONG_STATE (_("“%s” cannot be withdrawn now: it is %s"));
      break;
    case MC_ACTION_ASSIGN_REVIEWERS:
      WRONG_STATE (_("Reviewers cannot be assigned to “%s” now: it is %s"));
      break;
    case MC_ACTION_SUBMIT_REVIEW:
      WRONG_STATE (_("A review of “%s” cannot be completed now: it is %s"));
      break;
    case MC_ACTION_DECIDE:
      WRONG_STATE (_("No decision can be recorded on “%s” now: it is %s"));
      break;
    case MC_ACTION_REVISE:
      WRONG_STATE (_("“%s” cannot be revised now: it is %s, and no changes were requested"));
      break;
    case MC_ACTION_MEET_CONDITION:
      WRONG_STATE (_("Conditions of “%s” cannot be met now: it is %s"));
      break;
    case MC_ACTION_ACTIVATE:
      WRONG_STATE (_("“%s” cannot be activated now: it is %s"));
      break;
    case MC_ACTION_SUSPEND:
      WRONG_STATE (_("“%s” cannot be suspended now: it is %s"));
      break;
    case MC_ACTION_REINSTATE:
      WRONG_STATE (_("“%s” cannot be reinstated now: it is %s"));
      break;
    case MC_ACTION_RETIRE:
      WRONG_STATE (_("“%s” cannot be retired now: it is %s"));
      break;
    case MC_ACTION_START_MODIFICATION:
      WRONG_STATE (_("A modification of “%s” cannot be started now: it is %s"));
      break;
    case MC_ACTION_SUBMIT_MODIFICATION:
      WRONG_STATE (_("A modification of “%s” cannot be submitted now: it is %s"));
      break;
    case MC_ACTION_ANNUAL_REVIEW:
      WRONG_STATE (_("“%s” has no yearly review now: it is %s"));
      break;
    case MC_ACTION_DELETE:
      WRONG_STATE (_("“%s” cannot be deleted: it is %s, and only a draft can be"));
      break;
    case MC_ACTION_CREATE_OFFERING:
      WRONG_STATE (_("“%s” cannot be offered now: it is %s, and only an active design can be"));
      break;
    case MC_ACTION_ISSUE:
      WRONG_STATE (_("“%s” cannot be issued now: it is %s, and only an active design can be"));
      break;
    case MC_ACTION_REISSUE:
      WRONG_STATE (_("Credentials of “%s” cannot be re-issued now: it is %s, and only an active design can be"));
      break;
    case MC_ACTION_CREATE:
    default:
      WRONG_STATE (_("“%s” cannot be changed now: it is %s"));
      break;
    }
#undef WRONG_STATE
}

static gboolean
require_state (McDesign  *design,
               McAction   action,
               GError   **error)
{
  const Transition *transition = find_transition (action);
  McDesignState state = mc_design_get_state (design);

  g_return_val_if_fail (transition != NULL, FALSE);

  for (guint i = 0; i < transition->n_from; i++)
    if (transition->from[i] == state)
      return TRUE;

  _mc_workflow_set_wrong_state_error (design, action, error);
  return FALSE;
}

/* Who may take each action, given that the state allows it. */
static gboolean
check_actor (McWorkflow  *self,
             McDesign    *design,
             McAction     action,
             GError     **error)
{
  gint64 unit_id = mc_design_get_unit_id (design);

  switch (action)
    {
    case MC_ACTION_CREATE:
    case MC_ACTION_SUBMIT:
    case MC_ACTION_WITHDRAW:
    case MC_ACTION_REVISE:
    case MC_ACTION_MEET_CONDITION:
    case MC_ACTION_START_MODIFICATION:
    case MC_ACTION_SUBMIT_MODIFICATION:
    case MC_ACTION_DELETE:
      return require_author (self, design, error);
    case MC_ACTION_ANNUAL_REVIEW:
      return _mc_workflow_is_owner (self, design) ||
             _mc_workflow_require_role (self, MC_ROLE_AUTHOR, unit_id, error);
    case MC_ACTION_ASSIGN_REVIEWERS:
    case MC_ACTION_DECIDE:
    case MC_ACTION_ACTIVATE:
    case MC_ACTION_SUSPEND:
    case MC_ACTION_REINSTATE:
    case MC_ACTION_RETIRE:
      return _mc_workflow_require_role (self, MC_ROLE_QA_CHAIR, unit_id, error) &&
             _mc_workflow_require_not_owner (self, design, error);
    case MC_ACTION_SUBMIT_REVIEW:
    case MC_ACTION_COMMENT:
    case MC_ACTION_RESOLVE_COMMENT:
      return _mc_workflow_check_review_action (self, design, action, error);
    case MC_ACTION_CREATE_OFFERING:
    case MC_ACTION_RECORD_RESULTS:
    case MC_ACTION_ISSUE:
    case MC_ACTION_REVOKE_CREDENTIAL:
    case MC_ACTION_SUSPEND_CREDENTIAL:
    case MC_ACTION_REINSTATE_CREDENTIAL:
    case MC_ACTION_REPRINT:
    case MC_ACTION_REISSUE:
      return _mc_workflow_require_role (self, MC_ROLE_REGISTRAR, unit_id, error);
    case MC_ACTION_IMPORT:
    case MC_ACTION_ADD_PERSON:
    case MC_ACTION_ADD_UNIT:
    case MC_ACTION_GRANT_ROLE:
    case MC_ACTION_REVOKE_ROLE:
    case MC_ACTION_EDIT_TEMPLATE:
    case MC_ACTION_CHANGE_SETTINGS:
    case MC_ACTION_ADD_KEY:
    case MC_ACTION_RETIRE_KEY:
    default:
      return _mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error);
    }
}

/* What must be true beyond role and state. */
static gboolean
check_ready (McWorkflow  *self,
             McDesign    *design,
             McAction     action,
             GError     **error)
{
  switch (action)
    {
    case MC_ACTION_DECIDE:
      {
        guint needed = mc_workflow_get_min_reviews (self, design);
        guint done = 0;

        if (!_mc_workflow_count_completed (self, design, &done, error))
          return FALSE;
        if (done < needed)
          {
            g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "A decision needs %u completed review; “%s” has %u",
                                      "A decision needs %u completed reviews; “%s” has %u",
                                      needed),
                         needed, _mc_workflow_design_title (design), done);
            return FALSE;
          }
        return TRUE;
      }
    case MC_ACTION_ACTIVATE:
    case MC_ACTION_MEET_CONDITION:
      {
        g_autoptr(GPtrArray) decisions = mc_store_list_decisions (self->store, mc_design_get_id (design),
                                                                  error);
        McDecision *last;
        guint open = 0;

        if (decisions == NULL)
          return FALSE;
        last = decisions->len > 0 ? g_ptr_array_index (decisions, decisions->len - 1) : NULL;
        for (guint i = 0; last != NULL && i < last->conditions->len; i++)
          if (!((McDecisionCondition *) g_ptr_array_index (last->conditions, i))->met)
            open++;
        if (action == MC_ACTION_ACTIVATE && open > 0)
          {
            g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "“%s” cannot be activated: %u condition of its approval is not met yet",
                                      "“%s” cannot be activated: %u conditions of its approval are not met yet",
                                      open),
                         _mc_workflow_design_title (design), open);
            return FALSE;
          }
        if (action == MC_ACTION_MEET_CONDITION && open == 0)
          {
            g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                         _("“%s” has no condition left to meet"), _mc_workflow_design_title (design));
            return FALSE;
          }
        return TRUE;
      }
    case MC_ACTION_DELETE:
      {
        gboolean frozen = FALSE;

        /* The store refuses it too; say so before the interface offers it. */
        if (!_mc_store_has_frozen_revision (self->store, mc_design_get_id (design), &frozen, error))
          return FALSE;
        if (frozen)
          {
            g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                         _("“%s” was submitted before and has a review history; it cannot be deleted."),
                         _mc_workflow_design_title (design));
            return FALSE;
          }
        return TRUE;
      }
    case MC_ACTION_CREATE_OFFERING:
    case MC_ACTION_ISSUE:
    case MC_ACTION_REISSUE:
      if (mc_design_get_approved_revision (design) == 0)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                       _("“%s” has no approved revision to issue"), _mc_workflow_design_title (design));
          return FALSE;
        }
      return TRUE;
    case MC_ACTION_ANNUAL_REVIEW:
      if (mc_design_get_review_due (design) == NULL)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                       _("“%s” has no yearly review due"), _mc_workflow_design_title (design));
          return FALSE;
        }
      return TRUE;
    default:
      return TRUE;
    }
}

gboolean
mc_workflow_check (McWorkflow  *self,
                   McDesign    *design,
                   McAction     action,
                   GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);

  if (find_transition (action) != NULL && !require_state (design, action, error))
    return FALSE;
  return check_actor (self, design, action, error) && check_ready (self, design, action, error);
}

/* Submission: zero errors under the institution's required profiles, in
 * the stored revision that is about to be frozen (not in edits of
 * @design that were never saved). */
static gboolean
check_findings (McWorkflow  *self,
                McDesign    *design,
                GError     **error)
{
  g_autoptr(McRevision) content = NULL;
  g_autoptr(McValidator) validator = mc_validator_new ();
  g_autofree char *profiles = mc_store_get_setting (self->store, MC_SETTING_REQUIRED_PROFILES,
                                                    MC_WORKFLOW_DEFAULT_REQUIRED_PROFILES);
  g_autofree char *name = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_NAME, "");
  g_autofree char *country = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_COUNTRY, "");
  g_auto(GStrv) ids = g_strsplit (profiles, ",", -1);
  g_autoptr(GPtrArray) findings = NULL;
  guint errors;

  content = mc_store_load_revision (self->store, mc_design_get_id (design),
                                    mc_design_get_revision_number (design), error);
  if (content == NULL)
    return FALSE;
  mc_validator_set_institution (validator, name, country);
  mc_validator_set_today (validator, mc_workflow_get_today (self));
  for (guint i = 0; ids[i] != NULL; i++)
    g_strstrip (ids[i]);
  findings = mc_validator_validate (validator, content, (const char * const *) ids, error);
  if (findings == NULL)
    return FALSE;
  errors = mc_validator_count (findings, MC_SEVERITY_ERROR);
  if (errors == 0)
    return TRUE;

  for (guint i = 0; i < findings->len; i++)
    {
      McFinding *finding = g_ptr_array_index (findings, i);

      if (mc_finding_get_severity (finding) != MC_SEVERITY_ERROR)
        continue;
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be submitted: it has %u error under the required "
                                "profiles. First: %s",
                                "“%s” cannot be submitted: it has %u errors under the required "
                                "profiles. First: %s", errors),
                   _mc_workflow_design_title (design), errors, mc_finding_get_message (finding));
      break;
    }
  return FALSE;
}

/* Content */

static gboolean
create_cb (McWorkflow  *self,
           gpointer     data,
           GError     **error)
{
  McDesign *design = data;
  McEvent *event;

  if (!mc_store_insert_design (self->store, design, error))
    return FALSE;
  /* A new design comes from nowhere into its first state. */
  event = _mc_workflow_event (self, MC_ACTION_CREATE, design);
  event->from_state = -1;
  event->to_state = (int) mc_design_get_state (design);
  return _mc_workflow_record (self, event, NULL, error);
}

gboolean
mc_workflow_create_design (McWorkflow  *self,
                           McDesign    *design,
                           GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  g_return_val_if_fail (mc_design_get_id (design) == 0, FALSE);

  if (mc_design_get_state (design) != MC_DESIGN_STATE_DRAFT)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("A new design starts as a draft"));
      return FALSE;
    }
  if (mc_design_get_owner_id (design) == 0)
    mc_design_set_owner_id (design, _mc_workflow_actor_id (self));
  if (!_mc_workflow_require_role (self, MC_ROLE_AUTHOR, mc_design_get_unit_id (design), error) ||
      !require_author (self, design, error))
    return FALSE;
  return _mc_workflow_run (self, create_cb, design, error);
}

/* Refuses a copy of @design that is not what is stored: loaded before
 * someone else changed it, or with its state or owner (or, unless
 * @unit_may_differ, its unit) changed by the caller, since every check is
 * made on the copy. */
static gboolean
require_as_stored (McWorkflow  *self,
                   McDesign    *design,
                   gboolean     unit_may_differ,
                   GError     **error)
{
  g_autoptr(McDesign) stored = mc_store_load_design (self->store, mc_design_get_id (design), error);

  if (stored == NULL)
    return FALSE;
  if (mc_design_get_version (stored) == mc_design_get_version (design) &&
      mc_design_get_state (stored) == mc_design_get_state (design) &&
      mc_design_get_owner_id (stored) == mc_design_get_owner_id (design) &&
      mc_design_get_revision_number (stored) == mc_design_get_revision_number (design) &&
      (unit_may_differ || mc_design_get_unit_id (stored) == mc_design_get_unit_id (design)))
    return TRUE;
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
               _("“%s” was changed meanwhile by someone else; reload it to see their changes"),
               _mc_workflow_design_title (stored));
  return FALSE;
}

gboolean
mc_workflow_save_design (McWorkflow  *self,
                         McDesign    *design,
                         GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);

  /* Edits are not events: the revision that is submitted is.  The
   * editor may move a draft to another unit. */
  return require_as_stored (self, design, TRUE, error) &&
         mc_workflow_check (self, design, MC_ACTION_CREATE, error) &&
         mc_store_update_design (self->store, design, error);
}

static gboolean
delete_cb (McWorkflow  *self,
           gpointer     data,
           GError     **error)
{
  McDesign *design = data;
  g_autoptr(McEvent) event = _mc_workflow_event (self, MC_ACTION_DELETE, design);

  event->comment = (g_free (event->comment), g_strdup (_mc_workflow_design_title (design)));
  return mc_store_delete_design (self->store, mc_design_get_id (design), error) &&
         _mc_workflow_record (self, g_steal_pointer (&event), NULL, error);
}

gboolean
mc_workflow_delete_design (McWorkflow  *self,
                           McDesign    *design,
                           GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);

  return require_as_stored (self, design, FALSE, error) &&
         mc_workflow_check (self, design, MC_ACTION_DELETE, error) &&
         _mc_workflow_run (self, delete_cb, design, error);
}

typedef struct {
  McDesignFile *file;
  gboolean      replace;
  gint64        id;
} ImportData;

static gboolean
import_cb (McWorkflow  *self,
           gpointer     user_data,
           GError     **error)
{
  ImportData *data = user_data;
  g_autoptr(McDesign) design = NULL;
  McEvent *event;

  data->id = mc_design_io_import (self->store, data->file, data->replace, error);
  if (data->id == 0)
    return FALSE;
  design = mc_store_load_design (self->store, data->id, error);
  if (design == NULL)
    return FALSE;
  event = _mc_workflow_event (self, MC_ACTION_IMPORT, design);
  event->from_state = -1;
  event->to_state = (int) mc_design_get_state (design);
  return _mc_workflow_record (self, event, NULL, error);
}

gint64
mc_workflow_import_design (McWorkflow    *self,
                           McDesignFile  *file,
                           gboolean       replace,
                           GError       **error)
{
  ImportData data = { file, replace, 0 };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), 0);
  g_return_val_if_fail (file != NULL, 0);

  /* Authors bring in their own drafts; bringing in a catalogue of designs
   * that were approved elsewhere is an administrator's job. */
  if (!mc_workflow_has_role (self, MC_ROLE_ADMINISTRATOR, 0))
    {
      g_autoptr(McUnit) unit = mc_store_find_unit_by_code (self->store, file->unit_code, NULL);

      if (!_mc_workflow_require_role (self, MC_ROLE_AUTHOR, unit ? mc_unit_get_id (unit) : -1, error))
        return 0;
      if (mc_design_get_state (file->design) != MC_DESIGN_STATE_DRAFT)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                       _("Only an administrator can import a design that is already %s"),
                       mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (file->design)));
          return 0;
        }
    }
  if (!_mc_workflow_run (self, import_cb, &data, error))
    return 0;
  return data.id;
}

McDesign *
_mc_workflow_shadow (McDesign *design)
{
  return g_object_new (MC_TYPE_DESIGN, "id", mc_design_get_id (design),
                       "uuid", mc_design_get_uuid (design),
                       "state", mc_design_get_state (design),
                       "unit-id", mc_design_get_unit_id (design),
                       "owner-id", mc_design_get_owner_id (design),
                       "revision-number", mc_design_get_revision_number (design),
                       "version", mc_design_get_version (design),
                       "created", mc_design_get_created (design),
                       "modified", mc_design_get_modified (design),
                       "content", mc_design_get_content (design),
                       "approved-revision", mc_design_get_approved_revision (design),
                       "approved-on", mc_design_get_approved_on (design),
                       "review-due", mc_design_get_review_due (design),
                       NULL);
}

void
_mc_workflow_apply (McDesign *design,
                    McDesign *shadow)
{
  g_object_set (design, "state", mc_design_get_state (shadow),
                "revision-number", mc_design_get_revision_number (shadow),
                "version", mc_design_get_version (shadow),
                "modified", mc_design_get_modified (shadow),
                "approved-revision", mc_design_get_approved_revision (shadow),
                "approved-on", mc_design_get_approved_on (shadow),
                "review-due", mc_design_get_review_due (shadow),
                NULL);
}

/* Transitions that only move the state */

/* A withdrawn or decided submission is not reviewed any further. */
gboolean
_mc_workflow_withdraw_open_reviews (McWorkflow  *self,
                       McDesign    *design,
                       guint        revision,
                       GError     **error)
{
  g_autoptr(GPtrArray) reviews = mc_store_list_reviews (self->store, mc_design_get_id (design),
                                                        revision, error);

  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if (review->state != MC_REVIEW_STATE_ASSIGNED && review->state != MC_REVIEW_STATE_IN_PROGRESS)
        continue;
      review->state = MC_REVIEW_STATE_WITHDRAWN;
      if (!_mc_store_update_review (self->store, review, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  McDesign   *design;
  McAction    action;
  const char *comment;
} TransitionData;

static gboolean
transition_cb (McWorkflow  *self,
               gpointer     user_data,
               GError     **error)
{
  TransitionData *data = user_data;
  McDesign *design = data->design;
  g_autoptr(McEvent) event = _mc_workflow_event (self, data->action, design);
  const Transition *transition = find_transition (data->action);
  guint revision = mc_design_get_revision_number (design);
  guint approved = mc_design_get_approved_revision (design);
  g_autofree char *approved_on = g_strdup (mc_design_get_approved_on (design));
  g_autofree char *review_due = g_strdup (mc_design_get_review_due (design));
  McDesignState to;

  g_assert (transition != NULL && transition->to >= 0);
  to = (McDesignState) transition->to;

  g_free (event->comment);
  event->comment = g_strdup (data->comment != NULL ? data->comment : "");

  switch (data->action)
    {
    case MC_ACTION_SUBMIT:
    case MC_ACTION_SUBMIT_MODIFICATION:
      if (!check_findings (self, design, error) ||
          !_mc_store_freeze_revision (self->store, mc_design_get_id (design), revision, error))
        return FALSE;
      break;
    case MC_ACTION_WITHDRAW:
    case MC_ACTION_REVISE:
    case MC_ACTION_START_MODIFICATION:
      if (data->action == MC_ACTION_WITHDRAW &&
          !_mc_workflow_withdraw_open_reviews (self, design, revision, error))
        return FALSE;
      /* Work goes on in a new revision; the submitted one stays as it was. */
      if (!_mc_store_copy_revision (self->store, mc_design_get_id (design), revision, &revision,
                                    error))
        return FALSE;
      break;
    case MC_ACTION_RETIRE:
      /* A retired credential has no more yearly reviews. */
      g_clear_pointer (&review_due, g_free);
      break;
    case MC_ACTION_ACTIVATE:
      if (review_due == NULL)
        review_due = _mc_workflow_add_months (approved_on != NULL ? approved_on
                                              : mc_workflow_get_today (self),
                                              _mc_workflow_get_uint_setting (self, MC_SETTING_REVIEW_CYCLE_MONTHS, 12));
      break;
    default:
      break;
    }

  if (!_mc_store_set_design_state (self->store, design, to, revision, approved, approved_on,
                                   review_due, error))
    return FALSE;
  event->to_state = (int) to;
  return _mc_workflow_record (self, g_steal_pointer (&event), NULL, error);
}

static gboolean
run_transition (McWorkflow  *self,
                McDesign    *design,
                McAction     action,
                const char  *comment,
                GError     **error)
{
  TransitionData data = { design, action, comment };
  g_autoptr(McDesign) shadow = NULL;

  if (!mc_workflow_check (self, design, action, error))
    return FALSE;
  shadow = _mc_workflow_shadow (design);
  data.design = shadow;
  if (!_mc_workflow_run (self, transition_cb, &data, error))
    return FALSE;
  _mc_workflow_apply (design, shadow);
  return TRUE;
}

gboolean
mc_workflow_submit (McWorkflow  *self,
                    McDesign    *design,
                    const char  *comment,
                    GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  return run_transition (self, design, MC_ACTION_SUBMIT, comment, error);
}

gboolean
mc_workflow_withdraw (McWorkflow  *self,
                      McDesign    *design,
                      const char  *comment,
                      GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  return run_transition (self, design, MC_ACTION_WITHDRAW, comment, error);
}

gboolean
mc_workflow_revise (McWorkflow  *self,
                    McDesign    *design,
                    GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  return run_transition (self, design, MC_ACTION_REVISE, NULL, error);
}

gboolean
mc_workflow_transition (McWorkflow  *self,
                        McDesign    *design,
                        McAction     action,
                        const char  *comment,
                        GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  g_return_val_if_fail (action == MC_ACTION_ACTIVATE || action == MC_ACTION_SUSPEND ||
                        action == MC_ACTION_REINSTATE || action == MC_ACTION_RETIRE ||
                        action == MC_ACTION_START_MODIFICATION ||
                        action == MC_ACTION_SUBMIT_MODIFICATION ||
                        action == MC_ACTION_SUBMIT || action == MC_ACTION_WITHDRAW ||
                        action == MC_ACTION_REVISE, FALSE);
  return run_transition (self, design, action, comment, error);
}
