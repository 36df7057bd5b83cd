/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "workflow-fixture.h"

/* The approval workflow through its public interface: the state machine
 * for every state, action and role; the rules each transition applies;
 * reviews, comments, decisions, yearly reviews, tasks and administration;
 * and two windows acting on the same design at once. */

/* What administration changes: units, people, roles, settings, templates. */
static void
append_institution (McTestInstitution *inst,
                    GString           *text)
{
  static const char * const keys[] = {
    MC_SETTING_INSTITUTION_NAME, MC_SETTING_INSTITUTION_COUNTRY, MC_SETTING_REQUIRED_PROFILES,
    MC_SETTING_MIN_REVIEWS, MC_SETTING_MIN_MODIFICATION_REVIEWS, MC_SETTING_REVIEW_CYCLE_MONTHS,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = mc_store_list_units (inst->store, &error);
  g_autoptr(GListModel) people = mc_store_list_people (inst->store, &error);
  g_autoptr(GPtrArray) grants = mc_store_list_roles (inst->store, 0, &error);
  g_autoptr(GPtrArray) templates = mc_store_list_templates (inst->store, &error);

  g_assert_no_error (error);
  g_string_append_printf (text, "; %u units, %u people; roles", g_list_model_get_n_items (units),
                          g_list_model_get_n_items (people));
  for (guint i = 0; i < grants->len; i++)
    {
      McRoleGrant *grant = g_ptr_array_index (grants, i);

      g_string_append_printf (text, " %" G_GINT64_FORMAT ":%s@%" G_GINT64_FORMAT, grant->person_id,
                              mc_enum_to_nick (MC_TYPE_ROLE, grant->role), grant->unit_id);
    }
  g_string_append (text, "; settings");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = mc_store_get_setting (inst->store, keys[i], "-");

      g_string_append_printf (text, " %s=%s", keys[i], value);
    }
  g_string_append (text, "; templates");
  for (guint i = 0; i < templates->len; i++)
    g_string_append_printf (text, " %s:%u", mc_template_get_key (g_ptr_array_index (templates, i)),
                            mc_template_get_version (g_ptr_array_index (templates, i)));
}

/* A summary of everything a call could change, to compare before and
 * after a refusal. */
static char *
snapshot (McTestInstitution *inst,
          gint64             design_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(McDesign) design = mc_store_load_design (inst->store, design_id, &error);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) annual = NULL;
  g_autoptr(GArray) revisions = NULL;

  if (design == NULL)
    {
      g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_string_append (text, "deleted");
    }
  else
    g_string_append_printf (text, "%s v%" G_GINT64_FORMAT " r%u a%u due %s owner %" G_GINT64_FORMAT,
                            mc_enum_to_nick (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)),
                            mc_design_get_version (design), mc_design_get_revision_number (design),
                            mc_design_get_approved_revision (design),
                            mc_design_get_review_due (design), mc_design_get_owner_id (design));
  g_string_append_printf (text, "; %" G_GUINT64_FORMAT " events",
                          mc_store_count_events (inst->store, NULL));

  reviews = mc_store_list_reviews (inst->store, design_id, 0, &error);
  g_assert_no_error (error);
  g_string_append (text, "; reviews");
  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      g_string_append_printf (text, " %" G_GINT64_FORMAT ":%s:%" G_GINT64_FORMAT, review->id,
                              mc_enum_to_nick (MC_TYPE_REVIEW_STATE, review->state), review->version);
    }
  decisions = mc_store_list_decisions (inst->store, design_id, &error);
  g_assert_no_error (error);
  g_string_append (text, "; decisions");
  for (guint i = 0; i < decisions->len; i++)
    {
      McDecision *decision = g_ptr_array_index (decisions, i);

      g_string_append_printf (text, " %" G_GINT64_FORMAT, decision->id);
      for (guint j = 0; j < decision->conditions->len; j++)
        g_string_append (text, ((McDecisionCondition *) g_ptr_array_index (decision->conditions, j))->met
                               ? "+" : "-");
    }
  comments = mc_store_list_comments (inst->store, design_id, 0, &error);
  g_assert_no_error (error);
  annual = mc_store_list_annual_reviews (inst->store, design_id, &error);
  g_assert_no_error (error);
  g_string_append_printf (text, "; %u comments; yearly", comments->len);
  for (guint i = 0; i < annual->len; i++)
    {
      McAnnualReview *review = g_ptr_array_index (annual, i);

      g_string_append_printf (text, " %" G_GINT64_FORMAT ":%s:%" G_GINT64_FORMAT, review->id,
                              mc_enum_to_nick (MC_TYPE_REVIEW_STATE, review->state), review->version);
    }
  revisions = mc_store_list_revision_numbers (inst->store, design_id, &error);
  g_assert_no_error (error);
  g_string_append_printf (text, "; %u revisions", revisions->len);
  append_institution (inst, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Asserts that @call fails with @domain and @code and changes nothing
 * in the design @design_id nor in the institution.  The call reports into
 * a variable named error. */
#define ASSERT_REFUSED_WITH(inst, design_id, domain, code, call) \
  G_STMT_START { \
    g_autofree char *before_ = snapshot ((inst), (design_id)); \
    g_autofree char *after_ = NULL; \
    gboolean ok_ = (call); \
    g_assert_error (error, (domain), (code)); \
    g_assert_false (ok_); \
    g_clear_error (&error); \
    after_ = snapshot ((inst), (design_id)); \
    g_assert_cmpstr (before_, ==, after_); \
  } G_STMT_END
#define ASSERT_REFUSED(inst, design_id, code, call) \
  ASSERT_REFUSED_WITH (inst, design_id, MC_WORKFLOW_ERROR, code, call)

static McEvent *
last_event (McTestInstitution *inst)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_list_events (inst->store, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return mc_event_copy (g_ptr_array_index (events, events->len - 1));
}

/* Exhaustive state machine */

/* A design is brought into each of these through the real path. */
typedef enum {
  SETUP_DRAFT,
  SETUP_DRAFT_WITHDRAWN,         /* submitted, in review, withdrawn: revision 2 */
  SETUP_SUBMITTED,
  SETUP_IN_REVIEW,               /* two reviewers assigned, no review completed */
  SETUP_REVIEWED,                /* in review, both reviews completed */
  SETUP_CHANGES_REQUESTED,
  SETUP_APPROVED_WITH_CONDITION, /* one condition not met yet */
  SETUP_APPROVED,
  SETUP_REJECTED,
  SETUP_ACTIVE,
  SETUP_SUSPENDED,
  SETUP_RETIRED,
  SETUP_MODIFYING,
  SETUP_MODIFICATION_REVIEW,     /* one reviewer assigned, not completed */
  SETUP_MODIFICATION_REVIEWED,   /* that review completed */
  N_SETUPS
} Setup;

static const char * const setup_names[N_SETUPS] = {
  "draft", "draft (withdrawn)", "submitted", "in review", "in review (reviewed)",
  "changes requested", "approved (condition open)", "approved", "rejected", "active",
  "suspended", "retired", "modifying", "modification review",
  "modification review (reviewed)",
};

static const McAction actions[] = {
  MC_ACTION_SUBMIT, MC_ACTION_WITHDRAW, MC_ACTION_ASSIGN_REVIEWERS, MC_ACTION_SUBMIT_REVIEW,
  MC_ACTION_DECIDE, MC_ACTION_REVISE, MC_ACTION_MEET_CONDITION, MC_ACTION_ACTIVATE,
  MC_ACTION_SUSPEND, MC_ACTION_REINSTATE, MC_ACTION_RETIRE, MC_ACTION_START_MODIFICATION,
  MC_ACTION_SUBMIT_MODIFICATION, MC_ACTION_ANNUAL_REVIEW, MC_ACTION_DELETE,
};
#define N_ACTIONS G_N_ELEMENTS (actions)

/* The columns of the table. */
static const McTestPerson roles[] = {
  MC_TEST_OWNER, MC_TEST_COAUTHOR, MC_TEST_REVIEWER, MC_TEST_REVIEWER_OTHER, MC_TEST_CHAIR,
  MC_TEST_OTHER_CHAIR, MC_TEST_REGISTRAR, MC_TEST_ADMIN, MC_TEST_NOBODY,
};
#define N_ROLES G_N_ELEMENTS (roles)

static const char * const role_names[N_ROLES] = {
  "author (owner)", "another author of the unit", "reviewer (assigned)",
  "reviewer (not assigned)", "QA chair of the unit", "QA chair of another unit",
  "registrar", "administrator", "person with no role",
};

/* One letter per role, in the order of roles[]:
 *   A  allowed
 *   S  refused, MC_WORKFLOW_ERROR_WRONG_STATE
 *   N  refused, MC_WORKFLOW_ERROR_NOT_ALLOWED
 *   R  refused, MC_WORKFLOW_ERROR_NOT_READY
 * An action left out of a state's row is refused for everyone with
 * WRONG_STATE: the state is checked before the role. */
#define ALL_WRONG_STATE "SSSSSSSSS"

typedef struct {
  McAction    action;
  const char *outcomes;
} Cell;

static const Cell expectations[N_SETUPS][N_ACTIONS] = {
  /*                                       owner  coauthor  reviewer  reviewer'  chair  chair'  registrar  admin  nobody */
  [SETUP_DRAFT] = {
    { MC_ACTION_SUBMIT,                   "ANNNNNNNN" },
    { MC_ACTION_DELETE,                   "ANNNNNNNN" },
  },
  [SETUP_DRAFT_WITHDRAWN] = {
    { MC_ACTION_SUBMIT,                   "ANNNNNNNN" },
    /* It has a review history: only a draft never submitted goes. */
    { MC_ACTION_DELETE,                   "SNNNNNNNN" },
  },
  [SETUP_SUBMITTED] = {
    { MC_ACTION_WITHDRAW,                 "ANNNNNNNN" },
    { MC_ACTION_ASSIGN_REVIEWERS,         "NNNNANNNN" },
  },
  [SETUP_IN_REVIEW] = {
    { MC_ACTION_WITHDRAW,                 "ANNNNNNNN" },
    { MC_ACTION_ASSIGN_REVIEWERS,         "NNNNANNNN" },
    { MC_ACTION_SUBMIT_REVIEW,            "NNANNNNNN" },
    { MC_ACTION_DECIDE,                   "NNNNRNNNN" },
  },
  [SETUP_REVIEWED] = {
    { MC_ACTION_WITHDRAW,                 "ANNNNNNNN" },
    { MC_ACTION_ASSIGN_REVIEWERS,         "NNNNANNNN" },
    /* The reviewer's review is completed already. */
    { MC_ACTION_SUBMIT_REVIEW,            "NNSNNNNNN" },
    { MC_ACTION_DECIDE,                   "NNNNANNNN" },
  },
  [SETUP_CHANGES_REQUESTED] = {
    { MC_ACTION_REVISE,                   "ANNNNNNNN" },
  },
  [SETUP_APPROVED_WITH_CONDITION] = {
    { MC_ACTION_MEET_CONDITION,           "ANNNNNNNN" },
    { MC_ACTION_ACTIVATE,                 "NNNNRNNNN" },
  },
  [SETUP_APPROVED] = {
    { MC_ACTION_MEET_CONDITION,           "RNNNNNNNN" },
    { MC_ACTION_ACTIVATE,                 "NNNNANNNN" },
  },
  [SETUP_REJECTED] = {
    { 0, NULL },
  },
  [SETUP_ACTIVE] = {
    { MC_ACTION_SUSPEND,                  "NNNNANNNN" },
    { MC_ACTION_RETIRE,                   "NNNNANNNN" },
    { MC_ACTION_START_MODIFICATION,       "ANNNNNNNN" },
    /* The unit's authors share the yearly review. */
    { MC_ACTION_ANNUAL_REVIEW,            "AANNNNNNN" },
  },
  [SETUP_SUSPENDED] = {
    { MC_ACTION_REINSTATE,                "NNNNANNNN" },
    { MC_ACTION_RETIRE,                   "NNNNANNNN" },
  },
  [SETUP_RETIRED] = {
    { 0, NULL },
  },
  [SETUP_MODIFYING] = {
    { MC_ACTION_SUBMIT_MODIFICATION,      "ANNNNNNNN" },
  },
  [SETUP_MODIFICATION_REVIEW] = {
    { MC_ACTION_ASSIGN_REVIEWERS,         "NNNNANNNN" },
    { MC_ACTION_SUBMIT_REVIEW,            "NNANNNNNN" },
    { MC_ACTION_DECIDE,                   "NNNNRNNNN" },
  },
  [SETUP_MODIFICATION_REVIEWED] = {
    { MC_ACTION_ASSIGN_REVIEWERS,         "NNNNANNNN" },
    { MC_ACTION_SUBMIT_REVIEW,            "NNSNNNNNN" },
    { MC_ACTION_DECIDE,                   "NNNNANNNN" },
  },
};

static const char *
expected_outcomes (Setup    setup,
                   McAction action)
{
  for (guint i = 0; i < N_ACTIONS; i++)
    if (expectations[setup][i].outcomes != NULL && expectations[setup][i].action == action)
      return expectations[setup][i].outcomes;
  return ALL_WRONG_STATE;
}

static McDesign *
build (McTestInstitution *inst,
       Setup              setup)
{
  g_autoptr(McDesign) design = mc_test_create_design (inst);

  switch (setup)
    {
    case SETUP_DRAFT:
      break;
    case SETUP_DRAFT_WITHDRAWN:
      mc_test_submit (inst, design);
      mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
      mc_test_transition (inst, design, MC_TEST_OWNER, MC_ACTION_WITHDRAW);
      break;
    case SETUP_SUBMITTED:
      mc_test_submit (inst, design);
      break;
    case SETUP_IN_REVIEW:
    case SETUP_REVIEWED:
    case SETUP_CHANGES_REQUESTED:
    case SETUP_APPROVED_WITH_CONDITION:
    case SETUP_APPROVED:
    case SETUP_REJECTED:
      mc_test_submit (inst, design);
      mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
      if (setup == SETUP_IN_REVIEW)
        break;
      mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
      mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_REQUEST_CHANGES);
      if (setup == SETUP_CHANGES_REQUESTED)
        mc_test_decide (inst, design, MC_OUTCOME_REQUEST_CHANGES, NULL);
      else if (setup == SETUP_APPROVED_WITH_CONDITION)
        mc_test_decide (inst, design, MC_OUTCOME_APPROVE_WITH_CONDITIONS, "Add a reading list");
      else if (setup == SETUP_APPROVED)
        mc_test_decide (inst, design, MC_OUTCOME_APPROVE, NULL);
      else if (setup == SETUP_REJECTED)
        mc_test_decide (inst, design, MC_OUTCOME_REJECT, NULL);
      break;
    case SETUP_ACTIVE:
    case SETUP_SUSPENDED:
    case SETUP_RETIRED:
    case SETUP_MODIFYING:
    case SETUP_MODIFICATION_REVIEW:
    case SETUP_MODIFICATION_REVIEWED:
      mc_test_make_active (inst, design);
      if (setup == SETUP_SUSPENDED)
        mc_test_transition (inst, design, MC_TEST_CHAIR, MC_ACTION_SUSPEND);
      else if (setup == SETUP_RETIRED)
        mc_test_transition (inst, design, MC_TEST_CHAIR, MC_ACTION_RETIRE);
      if (setup < SETUP_MODIFYING)
        break;
      mc_test_transition (inst, design, MC_TEST_OWNER, MC_ACTION_START_MODIFICATION);
      if (setup == SETUP_MODIFYING)
        break;
      mc_test_transition (inst, design, MC_TEST_OWNER, MC_ACTION_SUBMIT_MODIFICATION);
      mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER);
      if (setup == SETUP_MODIFICATION_REVIEWED)
        mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
      break;
    case N_SETUPS:
    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&design);
}

/* The review a person would submit: their own, else someone else's of
 * the current revision, else one made up for them. */
static McReview *
review_to_submit (McTestInstitution *inst,
                  McDesign          *design,
                  McTestPerson       person)
{
  McReview *review = mc_test_newest_review (inst, design, person);

  if (review == NULL)
    review = mc_test_newest_review (inst, design, MC_TEST_N_PEOPLE);
  if (review != NULL)
    mc_test_answer_all (inst, review->answers, review->template_id);
  else
    {
      review = mc_review_new ();
      review->design_id = mc_design_get_id (design);
      review->revision_number = mc_design_get_revision_number (design);
      review->reviewer_id = inst->ids[person];
    }
  review->recommendation = MC_OUTCOME_APPROVE;
  return review;
}

static gint64
condition_to_meet (McTestInstitution *inst,
                   McDesign          *design)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = mc_store_list_decisions (inst->store, mc_design_get_id (design),
                                                            &error);
  gint64 id = 1;

  g_assert_no_error (error);
  for (guint i = 0; i < decisions->len; i++)
    {
      McDecision *decision = g_ptr_array_index (decisions, i);

      for (guint j = 0; j < decision->conditions->len; j++)
        id = ((McDecisionCondition *) g_ptr_array_index (decision->conditions, j))->id;
    }
  return id;
}

static gboolean
complete_annual_review (McTestInstitution  *inst,
                        McWorkflow         *workflow,
                        McDesign           *design,
                        McAnnualOutcome     outcome,
                        GError            **error)
{
  g_autoptr(McAnnualReview) review = mc_workflow_open_annual_review (workflow, design, error);

  if (review == NULL)
    return FALSE;
  mc_test_answer_all (inst, review->answers, review->template_id);
  g_free (review->actions);
  review->actions = g_strdup ("None needed this year.");
  review->outcome = outcome;
  return mc_workflow_complete_annual_review (workflow, design, review, error);
}

/* Takes @action as @person the way the interface would. */
static gboolean
act (McTestInstitution  *inst,
     McDesign           *design,
     McAction            action,
     McTestPerson        person,
     GError            **error)
{
  McWorkflow *workflow = mc_test_workflow (inst, person);

  switch (action)
    {
    case MC_ACTION_SUBMIT:
      return mc_workflow_submit (workflow, design, "Ready for review", error);
    case MC_ACTION_WITHDRAW:
      return mc_workflow_withdraw (workflow, design, "Not yet", error);
    case MC_ACTION_ASSIGN_REVIEWERS:
      {
        gint64 ids[] = { inst->ids[MC_TEST_REVIEWER], inst->ids[MC_TEST_REVIEWER_2] };

        return mc_workflow_assign_reviewers (workflow, design, ids, G_N_ELEMENTS (ids), error);
      }
    case MC_ACTION_SUBMIT_REVIEW:
      {
        g_autoptr(McReview) review = review_to_submit (inst, design, person);

        return mc_workflow_complete_review (workflow, review, error);
      }
    case MC_ACTION_DECIDE:
      {
        g_autoptr(McDecision) decision = mc_decision_new (MC_OUTCOME_APPROVE, MC_TEST_MEETING_DATE,
                                                          "QA/2026/08");

        return mc_workflow_decide (workflow, design, decision, error);
      }
    case MC_ACTION_REVISE:
      return mc_workflow_revise (workflow, design, error);
    case MC_ACTION_MEET_CONDITION:
      return mc_workflow_meet_condition (workflow, design, condition_to_meet (inst, design),
                                         "Reading list added", error);
    case MC_ACTION_ANNUAL_REVIEW:
      return complete_annual_review (inst, workflow, design, MC_ANNUAL_OUTCOME_CONTINUE, error);
    case MC_ACTION_DELETE:
      return mc_workflow_delete_design (workflow, design, error);
    case MC_ACTION_ACTIVATE:
    case MC_ACTION_SUSPEND:
    case MC_ACTION_REINSTATE:
    case MC_ACTION_RETIRE:
    case MC_ACTION_START_MODIFICATION:
    case MC_ACTION_SUBMIT_MODIFICATION:
      return mc_workflow_transition (workflow, design, action, "As agreed", error);
    default:
      g_assert_not_reached ();
    }
}

/* Where an allowed action leads from @state. */
static int
expected_state (McDesignState state,
                McAction      action)
{
  switch (action)
    {
    case MC_ACTION_SUBMIT:
      return MC_DESIGN_STATE_SUBMITTED;
    case MC_ACTION_WITHDRAW:
    case MC_ACTION_REVISE:
      return MC_DESIGN_STATE_DRAFT;
    case MC_ACTION_ASSIGN_REVIEWERS:
      return state == MC_DESIGN_STATE_SUBMITTED ? MC_DESIGN_STATE_IN_REVIEW : (int) state;
    case MC_ACTION_DECIDE:
      return state == MC_DESIGN_STATE_MODIFICATION_REVIEW ? MC_DESIGN_STATE_ACTIVE
                                                          : MC_DESIGN_STATE_APPROVED;
    case MC_ACTION_ACTIVATE:
    case MC_ACTION_REINSTATE:
      return MC_DESIGN_STATE_ACTIVE;
    case MC_ACTION_SUSPEND:
      return MC_DESIGN_STATE_SUSPENDED;
    case MC_ACTION_RETIRE:
      return MC_DESIGN_STATE_RETIRED;
    case MC_ACTION_START_MODIFICATION:
      return MC_DESIGN_STATE_MODIFYING;
    case MC_ACTION_SUBMIT_MODIFICATION:
      return MC_DESIGN_STATE_MODIFICATION_REVIEW;
    case MC_ACTION_DELETE:
      return -1;
    case MC_ACTION_SUBMIT_REVIEW:
    case MC_ACTION_MEET_CONDITION:
    case MC_ACTION_ANNUAL_REVIEW:
    default:
      return (int) state;
    }
}

static const char *
error_name (const GError *error)
{
  static const char * const names[] = {
    "NOT_ALLOWED", "WRONG_STATE", "NOT_READY", "INVALID", "UNKNOWN_PERSON",
  };

  if (error == NULL)
    return "allowed";
  if (error->domain == MC_WORKFLOW_ERROR && (guint) error->code < G_N_ELEMENTS (names))
    return names[error->code];
  return g_quark_to_string (error->domain);
}

static int
letter_code (char letter)
{
  switch (letter)
    {
    case 'S':
      return MC_WORKFLOW_ERROR_WRONG_STATE;
    case 'N':
      return MC_WORKFLOW_ERROR_NOT_ALLOWED;
    case 'R':
      return MC_WORKFLOW_ERROR_NOT_READY;
    default:
      g_assert_not_reached ();
    }
}

/* Runs one cell; appends what went wrong to @failures.  Returns whether
 * the design changed (and must be built again). */
static gboolean
run_cell (McTestInstitution *inst,
          Setup              setup,
          McDesign          *design,
          McAction           action,
          guint              role,
          GString           *failures)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) call_error = NULL;
  g_autofree char *before = snapshot (inst, mc_design_get_id (design));
  g_autofree char *after = NULL;
  g_autofree char *label = g_strdup_printf ("%s / %s / %s", setup_names[setup],
                                            mc_enum_to_nick (MC_TYPE_ACTION, action), role_names[role]);
  McDesignState state = mc_design_get_state (design);
  gint64 version = mc_design_get_version (design);
  guint revision = mc_design_get_revision_number (design);
  guint64 n_events = mc_store_count_events (inst->store, NULL);
  McWorkflow *workflow = mc_test_workflow (inst, roles[role]);
  char letter = expected_outcomes (setup, action)[role];
  gboolean checked = mc_workflow_check (workflow, design, action, &check_error);
  gboolean done = act (inst, design, action, roles[role], &call_error);

  g_assert_true (checked == (check_error == NULL));
  g_assert_true (done == (call_error == NULL));
  after = snapshot (inst, mc_design_get_id (design));

  if (letter == 'A')
    {
      if (!checked || !done)
        g_string_append_printf (failures, "%s: expected allowed; check: %s (%s); call: %s (%s)\n",
                                label, error_name (check_error), check_error ? check_error->message : "",
                                error_name (call_error), call_error ? call_error->message : "");
    }
  else
    {
      int code = letter_code (letter);

      if (!g_error_matches (check_error, MC_WORKFLOW_ERROR, code) ||
          !g_error_matches (call_error, MC_WORKFLOW_ERROR, code))
        g_string_append_printf (failures, "%s: expected %s; check: %s (%s); call: %s (%s)\n",
                                label, error_name (&(GError) { MC_WORKFLOW_ERROR, code, NULL }),
                                error_name (check_error), check_error ? check_error->message : "",
                                error_name (call_error), call_error ? call_error->message : "");
      if (!done && (strcmp (before, after) != 0 || mc_design_get_state (design) != state ||
                    mc_design_get_version (design) != version ||
                    mc_design_get_revision_number (design) != revision))
        g_string_append_printf (failures, "%s: refused but changed\n  before: %s\n  after:  %s\n",
                                label, before, after);
    }

  if (done)
    {
      g_autoptr(McEvent) event = last_event (inst);
      int to = expected_state (state, action);

      if (mc_store_count_events (inst->store, NULL) != n_events + 1)
        g_string_append_printf (failures, "%s: %" G_GUINT64_FORMAT " events appended, not one\n",
                                label, mc_store_count_events (inst->store, NULL) - n_events);
      /* An action that leaves the state as it was may record no new state. */
      if (event->action != action || event->actor_id != inst->ids[roles[role]] ||
          event->from_state != (int) state ||
          (event->to_state != to && !(event->to_state == -1 && to == (int) state)))
        g_string_append_printf (failures, "%s: the event says %s by %" G_GINT64_FORMAT " from %d to %d\n",
                                label, mc_enum_to_nick (MC_TYPE_ACTION, event->action),
                                event->actor_id, event->from_state, event->to_state);
      if (to >= 0 && (int) mc_design_get_state (design) != to)
        g_string_append_printf (failures, "%s: the design is %s, not %s\n", label,
                                mc_enum_to_nick (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)),
                                mc_enum_to_nick (MC_TYPE_DESIGN_STATE, to));
      if (to >= 0)
        {
          g_autoptr(McDesign) stored = mc_test_reload (inst, design);

          if (mc_design_get_state (stored) != mc_design_get_state (design) ||
              mc_design_get_version (stored) != mc_design_get_version (design) ||
              mc_design_get_revision_number (stored) != mc_design_get_revision_number (design))
            g_string_append_printf (failures, "%s: the caller's design differs from the stored one\n",
                                    label);
        }
    }
  return done;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_state_machine (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_cells = 0;

  for (guint setup = 0; setup < N_SETUPS; setup++)
    {
      g_autoptr(McDesign) design = build (inst, setup);

      g_assert_cmpstr (expected_outcomes (setup, MC_ACTION_SUBMIT), !=, NULL);
      for (guint a = 0; a < N_ACTIONS; a++)
        for (guint r = 0; r < N_ROLES; r++)
          {
            g_assert_cmpuint (strlen (expected_outcomes (setup, actions[a])), ==, N_ROLES);
            if (run_cell (inst, setup, design, actions[a], r, failures))
              {
                g_clear_object (&design);
                design = build (inst, setup);
              }
            n_cells++;
          }
    }
  g_assert_cmpuint (n_cells, ==, N_SETUPS * N_ACTIONS * N_ROLES);
  if (failures->len > 0)
    {
      g_test_message ("%s", failures->str);
      g_test_fail_printf ("%u cells of the state machine went wrong", count_lines (failures->str));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/workflow/state-machine", test_state_machine);

  return g_test_run ();
}
