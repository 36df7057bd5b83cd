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

/* Specific rules */

static McWorkflow *
wf (McTestInstitution *inst,
    McTestPerson       person)
{
  return mc_test_workflow (inst, person);
}

static gint64
id_of (McDesign *design)
{
  return mc_design_get_id (design);
}

static McDecision *
new_decision (McOutcomeKind outcome)
{
  return mc_decision_new (outcome, MC_TEST_MEETING_DATE, "QA/2026/09");
}

static void
test_own_design (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDecision) decision = new_decision (MC_OUTCOME_APPROVE);
  g_autoptr(McComment) comment = mc_comment_new ("title", -1, NULL, "My own title is fine");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 owner_id = inst->ids[MC_TEST_OWNER];

  /* The author is also QA chair and reviewer of the unit. */
  MC_TEST_ASSERT_OK (mc_workflow_grant_role (wf (inst, MC_TEST_ADMIN), owner_id, MC_ROLE_QA_CHAIR,
                                             inst->unit_id, &error));
  MC_TEST_ASSERT_OK (mc_workflow_grant_role (wf (inst, MC_TEST_ADMIN), owner_id, MC_ROLE_REVIEWER,
                                             inst->unit_id, &error));
  mc_test_submit (inst, design);

  /* Not as chair: the author cannot assign reviewers of their own design … */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_assign_reviewers (wf (inst, MC_TEST_OWNER), design,
                                                &inst->ids[MC_TEST_REVIEWER], 1, &error));
  /* … and the chair cannot make the author a reviewer. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_assign_reviewers (wf (inst, MC_TEST_CHAIR), design, &owner_id, 1, &error));
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  {
    gint64 ids[] = { inst->ids[MC_TEST_REVIEWER], owner_id };

    ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                    mc_workflow_assign_reviewers (wf (inst, MC_TEST_CHAIR), design, ids, 2, &error));
  }
  g_assert_false (mc_workflow_check (wf (inst, MC_TEST_OWNER), design, MC_ACTION_SUBMIT_REVIEW, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  comment->design_id = id_of (design);
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_add_comment (wf (inst, MC_TEST_OWNER), comment, &error));

  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_APPROVE);
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_decide (wf (inst, MC_TEST_OWNER), design, decision, &error));

  /* Nor does the decision show up among the author's tasks. */
  tasks = mc_workflow_list_tasks (wf (inst, MC_TEST_OWNER), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 0);

  /* The other chair of the unit decides; the author then cannot activate. */
  mc_test_decide (inst, design, MC_OUTCOME_APPROVE, NULL);
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_transition (wf (inst, MC_TEST_OWNER), design, MC_ACTION_ACTIVATE, NULL,
                                          &error));
}

/* What closes with a decision or a retirement, and what an
 * administrator cannot undo that was never done. */
static void
test_loose_ends (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDesign) active = mc_test_create_design (inst);
  g_autoptr(McReview) third = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *admin = wf (inst, MC_TEST_ADMIN);
  gint64 three[] = { inst->ids[MC_TEST_REVIEWER], inst->ids[MC_TEST_REVIEWER_2],
                     inst->ids[MC_TEST_REVIEWER_OTHER] };

  /* A third reviewer still at work when the committee decides: the
   * review is closed with the decision, not left in their tasks. */
  mc_test_submit (inst, design);
  MC_TEST_ASSERT_OK (mc_workflow_assign_reviewers (wf (inst, MC_TEST_CHAIR), design, three, 3, &error));
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_APPROVE);
  mc_test_decide (inst, design, MC_OUTCOME_APPROVE, NULL);
  third = mc_test_newest_review (inst, design, MC_TEST_REVIEWER_OTHER);
  g_assert_nonnull (third);
  g_assert_cmpint (third->state, ==, MC_REVIEW_STATE_WITHDRAWN);

  /* A retired credential has no yearly review due. */
  mc_test_make_active (inst, active);
  g_assert_nonnull (mc_design_get_review_due (active));
  mc_test_transition (inst, active, MC_TEST_CHAIR, MC_ACTION_RETIRE);
  g_assert_null (mc_design_get_review_due (active));

  /* Submission must check something. */
  g_assert_false (mc_workflow_set_setting (admin, MC_SETTING_REQUIRED_PROFILES, " ", &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);

  /* The yearly report is the chair's and the administrators'. */
  MC_TEST_ASSERT_OK (mc_workflow_check_report (wf (inst, MC_TEST_CHAIR), inst->unit_id, &error));
  MC_TEST_ASSERT_OK (mc_workflow_check_report (admin, inst->unit_id, &error));
  g_assert_false (mc_workflow_check_report (wf (inst, MC_TEST_CHAIR), inst->other_unit_id, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (mc_workflow_check_report (wf (inst, MC_TEST_REVIEWER), inst->unit_id, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Revoking a role the person does not hold is refused, not recorded. */
  {
    guint64 before = mc_store_count_events (inst->store, NULL);

    g_assert_false (mc_workflow_revoke_role (admin, inst->ids[MC_TEST_NOBODY], MC_ROLE_QA_CHAIR,
                                             inst->unit_id, &error));
    g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (mc_store_count_events (inst->store, NULL), ==, before);
  }
}

static void
test_min_reviews (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDesign) modified = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *chair = wf (inst, MC_TEST_CHAIR);
  gint64 three[] = { inst->ids[MC_TEST_REVIEWER], inst->ids[MC_TEST_REVIEWER_2],
                     inst->ids[MC_TEST_REVIEWER_OTHER] };

  mc_test_submit (inst, design);
  MC_TEST_ASSERT_OK (mc_workflow_assign_reviewers (chair, design, three, 3, &error));
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);

  /* Two by default. */
  g_assert_false (mc_workflow_check (chair, design, MC_ACTION_DECIDE, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "2 completed reviews"));
  g_clear_error (&error);

  MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (inst, MC_TEST_ADMIN), MC_SETTING_MIN_REVIEWS, "1", &error));
  MC_TEST_ASSERT_OK (mc_workflow_check (chair, design, MC_ACTION_DECIDE, &error));

  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_APPROVE);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (inst, MC_TEST_ADMIN), MC_SETTING_MIN_REVIEWS, "3", &error));
  {
    g_autoptr(McDecision) decision = new_decision (MC_OUTCOME_REQUEST_CHANGES);

    ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                    mc_workflow_decide (chair, design, decision, &error));
  }
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_OTHER, MC_OUTCOME_REQUEST_CHANGES);
  mc_test_decide (inst, design, MC_OUTCOME_REQUEST_CHANGES, NULL);

  /* The reviews of the earlier revision do not count for the next one. */
  MC_TEST_ASSERT_OK (mc_workflow_revise (wf (inst, MC_TEST_OWNER), design, &error));
  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (inst, MC_TEST_ADMIN), MC_SETTING_MIN_REVIEWS, "1", &error));
  g_assert_false (mc_workflow_check (chair, design, MC_ACTION_DECIDE, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  g_clear_error (&error);

  /* A modification needs one by default, its own setting otherwise. */
  modified = mc_test_create_design (inst);
  mc_test_make_active (inst, modified);
  mc_test_transition (inst, modified, MC_TEST_OWNER, MC_ACTION_START_MODIFICATION);
  mc_test_transition (inst, modified, MC_TEST_OWNER, MC_ACTION_SUBMIT_MODIFICATION);
  mc_test_assign (inst, modified, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (inst, MC_TEST_ADMIN), MC_SETTING_MIN_REVIEWS, "3", &error));
  g_assert_false (mc_workflow_check (chair, modified, MC_ACTION_DECIDE, &error));
  g_assert_nonnull (strstr (error->message, "1 completed review;"));
  g_clear_error (&error);
  mc_test_complete_review (inst, modified, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  MC_TEST_ASSERT_OK (mc_workflow_check (chair, modified, MC_ACTION_DECIDE, &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (inst, MC_TEST_ADMIN), MC_SETTING_MIN_MODIFICATION_REVIEWS,
                                              "2", &error));
  g_assert_false (mc_workflow_check (chair, modified, MC_ACTION_DECIDE, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  g_clear_error (&error);
}

static void
test_submit_needs_no_errors (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McRevision) stored = NULL;
  g_autoptr(GError) error = NULL;
  McRevision *content = mc_design_get_content (design);

  /* Two errors: no title, no quality assurance. */
  mc_revision_set_string (content, "title", "");
  mc_revision_set_string (content, "qa_internal", "");
  MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (inst, MC_TEST_OWNER), design, &error));
  {
    g_autofree char *before = snapshot (inst, id_of (design));
    g_autofree char *after = NULL;

    g_assert_false (mc_workflow_submit (wf (inst, MC_TEST_OWNER), design, NULL, &error));
    g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
    g_assert_nonnull (strstr (error->message, "it has 2 errors"));
    g_clear_error (&error);
    after = snapshot (inst, id_of (design));
    g_assert_cmpstr (before, ==, after);
  }
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_DRAFT);

  /* Nothing was frozen: the draft can still be edited and then submitted. */
  mc_revision_set_string (content, "title", "Battery Packs");
  mc_revision_set_string (content, "qa_internal", "The faculty's QA committee");
  MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (inst, MC_TEST_OWNER), design, &error));
  mc_test_submit (inst, design);
  stored = mc_store_load_revision (inst->store, id_of (design), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_revision_get_title (stored), ==, "Battery Packs");

  /* What is judged is what would be frozen: the stored revision, not
   * edits that were never saved. */
  {
    g_autoptr(McDesign) unsaved = mc_test_create_design (inst);

    mc_revision_set_string (mc_design_get_content (unsaved), "title", "");
    MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (inst, MC_TEST_OWNER), unsaved, &error));
    mc_revision_set_string (mc_design_get_content (unsaved), "title", "Fixed, not saved");
    ASSERT_REFUSED (inst, id_of (unsaved), MC_WORKFLOW_ERROR_NOT_READY,
                    mc_workflow_submit (wf (inst, MC_TEST_OWNER), unsaved, NULL, &error));
  }

  /* Which profiles count is the institution's choice. */
  {
    g_autoptr(McDesign) other = mc_test_create_design (inst);

    mc_revision_set_string (mc_design_get_content (other), "qa_internal", "");
    MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (inst, MC_TEST_OWNER), other, &error));
    ASSERT_REFUSED (inst, id_of (other), MC_WORKFLOW_ERROR_NOT_READY,
                    mc_workflow_submit (wf (inst, MC_TEST_OWNER), other, NULL, &error));
    MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (inst, MC_TEST_ADMIN), MC_SETTING_REQUIRED_PROFILES,
                                                "consistency", &error));
    MC_TEST_ASSERT_OK (mc_workflow_submit (wf (inst, MC_TEST_OWNER), other, NULL, &error));
  }
}

static void
test_submit_freezes (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDesign) stale = NULL;
  g_autoptr(McRevision) first = NULL;
  g_autoptr(McRevision) second = NULL;
  g_autoptr(McRevision) first_again = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GError) error = NULL;

  mc_test_submit (inst, design);
  first = mc_store_load_revision (inst->store, id_of (design), 1, &error);
  g_assert_no_error (error);

  /* The store itself refuses to change a submitted revision … */
  stale = mc_test_reload (inst, design);
  mc_revision_set_string (mc_design_get_content (stale), "title", "Changed behind the workflow");
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                       mc_store_update_design (inst->store, stale, &error));
  g_assert_cmpint (mc_design_get_version (stale), ==, mc_design_get_version (design));
  /* … and the workflow says why. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_save_design (wf (inst, MC_TEST_OWNER), stale, &error));

  /* Changes requested: revise starts revision 2 with the same content. */
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_REQUEST_CHANGES);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_REQUEST_CHANGES);
  mc_test_decide (inst, design, MC_OUTCOME_REQUEST_CHANGES, NULL);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_CHANGES_REQUESTED);
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_save_design (wf (inst, MC_TEST_OWNER), design, &error));
  MC_TEST_ASSERT_OK (mc_workflow_revise (wf (inst, MC_TEST_OWNER), design, &error));
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_DRAFT);
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 2);
  second = mc_store_load_revision (inst->store, id_of (design), 2, &error);
  g_assert_no_error (error);
  g_assert_true (mc_revision_equal (first, second));

  /* Revision 2 is a draft again; revision 1 stays as it was submitted. */
  g_clear_object (&design);
  design = mc_test_reload (inst, stale);
  mc_revision_set_string (mc_design_get_content (design), "title", "Battery Systems, revised");
  MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (inst, MC_TEST_OWNER), design, &error));
  first_again = mc_store_load_revision (inst->store, id_of (design), 1, &error);
  g_assert_no_error (error);
  g_assert_true (mc_revision_equal (first, first_again));
  numbers = mc_store_list_revision_numbers (inst->store, id_of (design), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (numbers->len, ==, 2);
}

static guint
count_reviews (McTestInstitution *inst,
               McDesign          *design,
               guint              revision,
               McReviewState      state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = mc_store_list_reviews (inst->store, id_of (design), revision, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    n += ((McReview *) g_ptr_array_index (reviews, i))->state == state;
  return n;
}

static void
test_withdraw (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McReview) review = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  /* From submitted … */
  mc_test_submit (inst, design);
  MC_TEST_ASSERT_OK (mc_workflow_withdraw (wf (inst, MC_TEST_OWNER), design, "Forgot a partner", &error));
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_DRAFT);
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 2);
  event = last_event (inst);
  g_assert_cmpint (event->action, ==, MC_ACTION_WITHDRAW);
  g_assert_cmpstr (event->comment, ==, "Forgot a partner");

  /* … and from in review: the reviews of the withdrawn revision close. */
  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  review = mc_test_find_review (inst, design, MC_TEST_REVIEWER);
  mc_test_answer_all (inst, review->answers, review->template_id);
  MC_TEST_ASSERT_OK (mc_workflow_save_review (wf (inst, MC_TEST_REVIEWER), review, &error));
  MC_TEST_ASSERT_OK (mc_workflow_withdraw (wf (inst, MC_TEST_OWNER), design, NULL, &error));
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 3);
  g_assert_cmpuint (count_reviews (inst, design, 2, MC_REVIEW_STATE_WITHDRAWN), ==, 2);
  review->recommendation = MC_OUTCOME_APPROVE;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_complete_review (wf (inst, MC_TEST_REVIEWER), review, &error));
  tasks = mc_workflow_list_tasks (wf (inst, MC_TEST_REVIEWER), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 0);

  /* Only the author withdraws. */
  mc_test_submit (inst, design);
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_withdraw (wf (inst, MC_TEST_CHAIR), design, NULL, &error));
}

static void
test_reassign (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McReview) second = NULL;
  g_autoptr(McReview) third = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *chair = wf (inst, MC_TEST_CHAIR);
  gint64 first_and_other[] = { inst->ids[MC_TEST_REVIEWER], inst->ids[MC_TEST_REVIEWER_OTHER] };
  gint64 other_only[] = { inst->ids[MC_TEST_REVIEWER_OTHER], inst->ids[MC_TEST_REVIEWER_OTHER] };
  gint64 nobody[] = { inst->ids[MC_TEST_REVIEWER_2], inst->ids[MC_TEST_NOBODY] };
  gint64 unknown = 4242;

  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  second = mc_test_find_review (inst, design, MC_TEST_REVIEWER_2);
  mc_test_answer_all (inst, second->answers, second->template_id);
  MC_TEST_ASSERT_OK (mc_workflow_save_review (wf (inst, MC_TEST_REVIEWER_2), second, &error));

  /* Unsuitable reviewers are refused, and the unfinished review stays. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_assign_reviewers (chair, design, nobody, 2, &error));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_assign_reviewers (chair, design, nobody, 0, &error));
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                       mc_workflow_assign_reviewers (chair, design, &unknown, 1, &error));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_assign_reviewers (wf (inst, MC_TEST_OTHER_CHAIR), design, first_and_other, 2,
                                                &error));

  /* The second reviewer's unfinished review is withdrawn, the first one's
   * completed review kept, and the new reviewer gets one. */
  MC_TEST_ASSERT_OK (mc_workflow_assign_reviewers (chair, design, first_and_other, 2, &error));
  g_assert_cmpuint (count_reviews (inst, design, 1, MC_REVIEW_STATE_COMPLETED), ==, 1);
  g_assert_cmpuint (count_reviews (inst, design, 1, MC_REVIEW_STATE_WITHDRAWN), ==, 1);
  g_assert_cmpuint (count_reviews (inst, design, 1, MC_REVIEW_STATE_ASSIGNED), ==, 1);
  /* The reviewer's window still holds the review as it was. */
  second->recommendation = MC_OUTCOME_APPROVE;
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_complete_review (wf (inst, MC_TEST_REVIEWER_2), second, &error));
  g_clear_pointer (&second, mc_review_free);
  second = mc_test_newest_review (inst, design, MC_TEST_REVIEWER_2);
  g_assert_cmpint (second->state, ==, MC_REVIEW_STATE_WITHDRAWN);
  second->recommendation = MC_OUTCOME_APPROVE;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_complete_review (wf (inst, MC_TEST_REVIEWER_2), second, &error));

  /* A completed review stays even when its reviewer is no longer listed;
   * a name listed twice gets one review. */
  MC_TEST_ASSERT_OK (mc_workflow_assign_reviewers (chair, design, other_only, 2, &error));
  g_assert_cmpuint (count_reviews (inst, design, 1, MC_REVIEW_STATE_COMPLETED), ==, 1);
  g_assert_cmpuint (count_reviews (inst, design, 1, MC_REVIEW_STATE_ASSIGNED), ==, 1);
  third = mc_test_find_review (inst, design, MC_TEST_REVIEWER_OTHER);
  g_assert_nonnull (third);

  /* A withdrawn reviewer can be assigned again, with a new review. */
  mc_test_assign (inst, design, MC_TEST_REVIEWER_2, MC_TEST_REVIEWER_OTHER);
  g_assert_cmpuint (count_reviews (inst, design, 1, MC_REVIEW_STATE_ASSIGNED), ==, 2);
  g_clear_pointer (&second, mc_review_free);
  second = mc_test_find_review (inst, design, MC_TEST_REVIEWER_2);
  g_assert_cmpint (second->state, ==, MC_REVIEW_STATE_ASSIGNED);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_APPROVE);
  MC_TEST_ASSERT_OK (mc_workflow_check (chair, design, MC_ACTION_DECIDE, &error));
}

static void
test_complete_review (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McReview) review = NULL;
  g_autoptr(McReview) stored = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *reviewer = wf (inst, MC_TEST_REVIEWER);
  const McCriterion *criterion;

  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  review = mc_test_find_review (inst, design, MC_TEST_REVIEWER);
  template_ = mc_store_load_template (inst->store, review->template_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_template_get_kind (template_), ==, MC_TEMPLATE_KIND_APPROVAL);

  /* Saved as the reviewer goes. */
  criterion = mc_template_get_criterion (template_, 0);
  mc_answers_set (review->answers, criterion->id, MC_RATING_PARTLY_MET, "Outcome 2 is vague");
  MC_TEST_ASSERT_OK (mc_workflow_save_review (reviewer, review, &error));
  g_assert_cmpint (review->state, ==, MC_REVIEW_STATE_IN_PROGRESS);
  stored = mc_store_load_review (inst->store, review->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, review->version);
  g_assert_cmpstr (mc_answers_find (stored->answers, criterion->id)->text, ==, "Outcome 2 is vague");
  /* Only by the reviewer. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_save_review (wf (inst, MC_TEST_REVIEWER_2), review, &error));

  /* Unanswered required criteria. */
  review->recommendation = MC_OUTCOME_APPROVE;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_complete_review (reviewer, review, &error));
  /* A required rated criterion answered with text but no rating. */
  mc_test_answer_all (inst, review->answers, review->template_id);
  mc_answers_set (review->answers, criterion->id, MC_RATING_UNSET, "Unsure");
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_complete_review (reviewer, review, &error));
  /* A criterion the template does not have. */
  mc_test_answer_all (inst, review->answers, review->template_id);
  mc_answers_set (review->answers, "no-such-criterion", MC_RATING_MET, "");
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_complete_review (reviewer, review, &error));
  g_ptr_array_set_size (review->answers, 0);
  mc_test_answer_all (inst, review->answers, review->template_id);
  /* No recommendation. */
  review->recommendation = MC_OUTCOME_UNSET;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_complete_review (reviewer, review, &error));
  /* Someone else's review. */
  review->recommendation = MC_OUTCOME_REQUEST_CHANGES;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_complete_review (wf (inst, MC_TEST_CHAIR), review, &error));

  MC_TEST_ASSERT_OK (mc_workflow_complete_review (reviewer, review, &error));
  g_assert_cmpint (review->state, ==, MC_REVIEW_STATE_COMPLETED);
  g_assert_cmpint (review->completed_at, >, 0);
  /* Completed means closed. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_save_review (reviewer, review, &error));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_complete_review (reviewer, review, &error));
}

static McComment *
new_comment (McDesign   *design,
             const char *field_id,
             int         item_index,
             const char *item_field,
             const char *text)
{
  McComment *comment = mc_comment_new (field_id, item_index, item_field, text);

  comment->design_id = id_of (design);
  return comment;
}

static void
test_comments (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McComment) on_title = NULL;
  g_autoptr(McComment) on_outcome = NULL;
  g_autoptr(McComment) on_text = NULL;
  g_autoptr(McComment) reply = NULL;
  g_autoptr(McComment) reply_to_reply = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *reviewer = wf (inst, MC_TEST_REVIEWER);
  static const struct {
    const char *field_id;
    int         item_index;
    const char *item_field;
  } bad_anchors[] = {
    { "no-such-field", -1, NULL },
    { "title", 0, NULL },             /* not a list */
    { "title", -1, "text" },
    { "outcomes", 2, NULL },          /* two outcomes: 0 and 1 */
    { "outcomes", -1, "text" },       /* a sub-field needs an item */
    { "outcomes", 1, "no-such-sub-field" },
    { "outcomes", -7, NULL },
    { NULL, 0, NULL },                /* the whole design has no items */
  };

  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);

  /* A field, an item, a sub-field of an item. */
  on_title = new_comment (design, "title", -1, NULL, "The title promises more than the outcomes");
  MC_TEST_ASSERT_OK (mc_workflow_add_comment (reviewer, on_title, &error));
  g_assert_cmpint (on_title->id, >, 0);
  g_assert_cmpint (on_title->author_id, ==, inst->ids[MC_TEST_REVIEWER]);
  g_assert_cmpuint (on_title->revision_number, ==, 1);
  event = last_event (inst);
  g_assert_cmpint (event->action, ==, MC_ACTION_COMMENT);
  g_assert_nonnull (strstr (event->details, "\"field\":\"title\""));
  on_outcome = new_comment (design, "outcomes", 1, NULL, "Learning outcome 2 is not assessable as written");
  MC_TEST_ASSERT_OK (mc_workflow_add_comment (reviewer, on_outcome, &error));
  on_text = new_comment (design, "outcomes", 0, "text", "Which duty cycle?");
  MC_TEST_ASSERT_OK (mc_workflow_add_comment (wf (inst, MC_TEST_CHAIR), on_text, &error));

  for (guint i = 0; i < G_N_ELEMENTS (bad_anchors); i++)
    {
      g_autoptr(McComment) bad = new_comment (design, bad_anchors[i].field_id, bad_anchors[i].item_index,
                                              bad_anchors[i].item_field, "Somewhere");

      g_test_message ("anchor %s/%d/%s", bad_anchors[i].field_id, bad_anchors[i].item_index,
                      bad_anchors[i].item_field);
      ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                      mc_workflow_add_comment (reviewer, bad, &error));
    }
  {
    g_autoptr(McComment) empty = new_comment (design, "title", -1, NULL, "  \n ");
    g_autoptr(McComment) stranger = new_comment (design, "title", -1, NULL, "Hello");
    g_autoptr(McComment) wrong_revision = new_comment (design, "title", -1, NULL, "Later");

    ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                    mc_workflow_add_comment (reviewer, empty, &error));
    ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                    mc_workflow_add_comment (wf (inst, MC_TEST_NOBODY), stranger, &error));
    ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                    mc_workflow_add_comment (wf (inst, MC_TEST_OTHER_CHAIR), stranger, &error));
    wrong_revision->revision_number = 7;
    ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                    mc_workflow_add_comment (reviewer, wrong_revision, &error));
  }

  /* The author answers but does not start a thread. */
  {
    g_autoptr(McComment) start = new_comment (design, "title", -1, NULL, "I like my title");

    ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                    mc_workflow_add_comment (wf (inst, MC_TEST_OWNER), start, &error));
  }
  /* A reply takes its thread's anchor, whatever it says. */
  reply = new_comment (design, "ects", -1, NULL, "Outcome 2 now names the tool");
  reply->parent_id = on_outcome->id;
  MC_TEST_ASSERT_OK (mc_workflow_add_comment (wf (inst, MC_TEST_OWNER), reply, &error));
  reply_to_reply = new_comment (design, NULL, -1, NULL, "Thanks, better");
  reply_to_reply->parent_id = reply->id;
  MC_TEST_ASSERT_OK (mc_workflow_add_comment (reviewer, reply_to_reply, &error));
  g_assert_cmpint (reply_to_reply->parent_id, ==, on_outcome->id);
  comments = mc_store_list_comments (inst->store, id_of (design), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 5);
  for (guint i = 3; i < 5; i++)
    {
      McComment *stored = g_ptr_array_index (comments, i);

      g_assert_cmpint (stored->parent_id, ==, on_outcome->id);
      g_assert_cmpstr (stored->field_id, ==, "outcomes");
      g_assert_cmpint (stored->item_index, ==, 1);
      g_assert_null (stored->item_field);
    }

  /* Resolving: the thread, once, not a reply, not by a stranger. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_resolve_comment (reviewer, reply->id, &error));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_resolve_comment (wf (inst, MC_TEST_NOBODY), on_outcome->id, &error));
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                       mc_workflow_resolve_comment (reviewer, 4242, &error));
  MC_TEST_ASSERT_OK (mc_workflow_resolve_comment (reviewer, on_outcome->id, &error));
  g_clear_pointer (&event, mc_event_free);
  event = last_event (inst);
  g_assert_cmpint (event->action, ==, MC_ACTION_RESOLVE_COMMENT);
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_resolve_comment (reviewer, on_outcome->id, &error));
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = mc_store_list_comments (inst->store, id_of (design), 1, &error);
  g_assert_no_error (error);
  g_assert_true (((McComment *) g_ptr_array_index (comments, 1))->resolved);
  g_assert_cmpint (((McComment *) g_ptr_array_index (comments, 1))->resolved_by, ==,
                   inst->ids[MC_TEST_REVIEWER]);
}

/* Brings a new design to in review with both reviews completed. */
static McDesign *
reviewed_design (McTestInstitution *inst)
{
  McDesign *design = mc_test_create_design (inst);

  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_APPROVE);
  return design;
}

static void
test_decision_validation (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = reviewed_design (inst);
  g_autoptr(McDecision) decision = new_decision (MC_OUTCOME_APPROVE);
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *chair = wf (inst, MC_TEST_CHAIR);
  static const char * const bad_dates[] = {
    "2026-03-03",   /* tomorrow */
    "2026-13-01", "2026-02-30", "26-02-01", "2026-2-1", "", "yesterday", "1969-12-31",
  };
  static const char * const bad_references[] = { "", "   ", "QA/2026\nitem 4" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_free (decision->meeting_date);
      decision->meeting_date = g_strdup (bad_dates[i]);
      g_test_message ("meeting date “%s”", bad_dates[i]);
      ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                      mc_workflow_decide (chair, design, decision, &error));
    }
  g_free (decision->meeting_date);
  decision->meeting_date = g_strdup (MC_TEST_TODAY);

  for (guint i = 0; i < G_N_ELEMENTS (bad_references); i++)
    {
      g_free (decision->reference);
      decision->reference = g_strdup (bad_references[i]);
      ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                      mc_workflow_decide (chair, design, decision, &error));
    }
  g_free (decision->reference);
  decision->reference = g_strdup ("QA/2026/11");

  /* Conditions go with an approval with conditions, and only with it. */
  mc_decision_add_condition (decision, "Add a reading list");
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_decide (chair, design, decision, &error));
  decision->outcome = MC_OUTCOME_REJECT;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_decide (chair, design, decision, &error));
  g_ptr_array_set_size (decision->conditions, 0);
  decision->outcome = MC_OUTCOME_APPROVE_WITH_CONDITIONS;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_decide (chair, design, decision, &error));
  mc_decision_add_condition (decision, "  ");
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_decide (chair, design, decision, &error));
  g_ptr_array_set_size (decision->conditions, 0);
  decision->outcome = MC_OUTCOME_UNSET;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_decide (chair, design, decision, &error));

  /* A meeting today is fine. */
  decision->outcome = MC_OUTCOME_APPROVE_WITH_CONDITIONS;
  mc_decision_add_condition (decision, "Add a reading list");
  g_free (decision->comment);
  decision->comment = g_strdup ("Approved at the March meeting");
  MC_TEST_ASSERT_OK (mc_workflow_decide (chair, design, decision, &error));
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_APPROVED);
  g_assert_cmpuint (mc_design_get_approved_revision (design), ==, 1);
  g_assert_cmpstr (mc_design_get_approved_on (design), ==, MC_TEST_TODAY);
  decisions = mc_store_list_decisions (inst->store, id_of (design), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (((McDecision *) g_ptr_array_index (decisions, 0))->reference, ==, "QA/2026/11");
  g_assert_cmpint (((McDecision *) g_ptr_array_index (decisions, 0))->decided_by, ==, inst->ids[MC_TEST_CHAIR]);
  event = last_event (inst);
  g_assert_cmpstr (event->comment, ==, "Approved at the March meeting");
  g_assert_nonnull (strstr (event->details, "\"reference\":\"QA/2026/11\""));
  g_assert_nonnull (strstr (event->details, "Add a reading list"));
}

static void
test_activation_waits_for_conditions (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = reviewed_design (inst);
  g_autoptr(McDecision) decision = new_decision (MC_OUTCOME_APPROVE_WITH_CONDITIONS);
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *chair = wf (inst, MC_TEST_CHAIR);
  McWorkflow *owner = wf (inst, MC_TEST_OWNER);
  gint64 first, second;

  mc_decision_add_condition (decision, "Add a reading list");
  mc_decision_add_condition (decision, "Sign the partner agreement");
  MC_TEST_ASSERT_OK (mc_workflow_decide (chair, design, decision, &error));
  first = ((McDecisionCondition *) g_ptr_array_index (decision->conditions, 0))->id;
  second = ((McDecisionCondition *) g_ptr_array_index (decision->conditions, 1))->id;
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, first);

  g_assert_false (mc_workflow_check (chair, design, MC_ACTION_ACTIVATE, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "2 conditions"));
  g_clear_error (&error);

  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_meet_condition (owner, design, 4242, "?", &error));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_meet_condition (wf (inst, MC_TEST_COAUTHOR), design, first, "Done", &error));
  MC_TEST_ASSERT_OK (mc_workflow_meet_condition (owner, design, first, "Reading list in section 4", &error));
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_meet_condition (owner, design, first, "Again", &error));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_transition (chair, design, MC_ACTION_ACTIVATE, NULL, &error));
  g_assert_false (mc_workflow_check (chair, design, MC_ACTION_ACTIVATE, &error));
  g_assert_nonnull (strstr (error->message, "1 condition "));
  g_clear_error (&error);

  MC_TEST_ASSERT_OK (mc_workflow_meet_condition (owner, design, second, "Signed 2026-03-01", &error));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_meet_condition (owner, design, second, "Again", &error));
  decisions = mc_store_list_decisions (inst->store, id_of (design), &error);
  g_assert_no_error (error);
  {
    McDecision *stored = g_ptr_array_index (decisions, 0);
    McDecisionCondition *met = g_ptr_array_index (stored->conditions, 0);

    g_assert_true (met->met);
    g_assert_cmpint (met->met_by, ==, inst->ids[MC_TEST_OWNER]);
    g_assert_cmpstr (met->evidence, ==, "Reading list in section 4");
  }

  /* Active, with its first yearly review due a cycle after the approval. */
  MC_TEST_ASSERT_OK (mc_workflow_transition (chair, design, MC_ACTION_ACTIVATE, NULL, &error));
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_ACTIVE);
  g_assert_cmpstr (mc_design_get_approved_on (design), ==, MC_TEST_MEETING_DATE);
  g_assert_cmpstr (mc_design_get_review_due (design), ==, "2027-02-26");
}

static McRevision *
load_revision (McTestInstitution *inst,
               McDesign          *design,
               guint              number)
{
  g_autoptr(GError) error = NULL;
  McRevision *content = mc_store_load_revision (inst->store, id_of (design), number, &error);

  g_assert_no_error (error);
  return content;
}

/* Active → modifying, with a new title saved and submitted for review. */
static void
propose_modification (McTestInstitution *inst,
                      McDesign          *design,
                      const char        *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McReview) review = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  guint approved = mc_design_get_approved_revision (design);

  if (mc_design_get_state (design) == MC_DESIGN_STATE_ACTIVE)
    mc_test_transition (inst, design, MC_TEST_OWNER, MC_ACTION_START_MODIFICATION);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_MODIFYING);
  g_assert_cmpuint (mc_design_get_approved_revision (design), ==, approved);
  mc_revision_set_string (mc_design_get_content (design), "title", title);
  MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (inst, MC_TEST_OWNER), design, &error));
  mc_test_transition (inst, design, MC_TEST_OWNER, MC_ACTION_SUBMIT_MODIFICATION);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_MODIFICATION_REVIEW);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER);
  review = mc_test_find_review (inst, design, MC_TEST_REVIEWER);
  template_ = mc_store_load_template (inst->store, review->template_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_template_get_kind (template_), ==, MC_TEMPLATE_KIND_MODIFICATION);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
}

static void
test_modification (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDecision) conditional = new_decision (MC_OUTCOME_APPROVE_WITH_CONDITIONS);
  g_autoptr(McRevision) content = NULL;
  g_autoptr(GError) error = NULL;

  mc_test_make_active (inst, design);
  g_assert_cmpstr (mc_design_get_review_due (design), ==, "2027-02-26");

  /* Request changes: back to the author in a revision of its own. */
  propose_modification (inst, design, "Battery Systems (2nd edition)");
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 2);
  mc_decision_add_condition (conditional, "Not for modifications");
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_INVALID,
                  mc_workflow_decide (wf (inst, MC_TEST_CHAIR), design, conditional, &error));
  mc_test_decide (inst, design, MC_OUTCOME_REQUEST_CHANGES, NULL);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_MODIFYING);
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 3);
  g_assert_cmpuint (mc_design_get_approved_revision (design), ==, 1);
  content = load_revision (inst, design, 3);
  g_assert_cmpstr (mc_revision_get_title (content), ==, "Battery Systems (2nd edition)");
  g_clear_object (&content);

  /* Reject: the approved revision stays in force. */
  propose_modification (inst, design, "Battery Systems (3rd edition)");
  mc_test_decide (inst, design, MC_OUTCOME_REJECT, NULL);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_ACTIVE);
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 1);
  g_assert_cmpuint (mc_design_get_approved_revision (design), ==, 1);
  {
    g_autoptr(McDesign) stored = mc_test_reload (inst, design);

    g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==,
                     "Battery Systems for Electric Vehicles");
  }

  /* Approve, after a rejection: the new revision comes into force. */
  propose_modification (inst, design, "Battery Systems (4th edition)");
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 4);
  mc_test_decide (inst, design, MC_OUTCOME_APPROVE, NULL);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_ACTIVE);
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 4);
  g_assert_cmpuint (mc_design_get_approved_revision (design), ==, 4);
  /* The approval date and the yearly reviews stay those of the credential. */
  g_assert_cmpstr (mc_design_get_approved_on (design), ==, MC_TEST_MEETING_DATE);
  g_assert_cmpstr (mc_design_get_review_due (design), ==, "2027-02-26");
  content = load_revision (inst, design, 3);
  g_assert_cmpstr (mc_revision_get_title (content), ==, "Battery Systems (3rd edition)");
  g_clear_object (&content);
  content = load_revision (inst, design, 4);
  g_assert_cmpstr (mc_revision_get_title (content), ==, "Battery Systems (4th edition)");
}

static McAnnualReview *
open_annual_review (McTestInstitution *inst,
                    McTestPerson       person,
                    McDesign          *design)
{
  g_autoptr(GError) error = NULL;
  McAnnualReview *review = mc_workflow_open_annual_review (wf (inst, person), design, &error);

  g_assert_no_error (error);
  return review;
}

static void
answer_annual_review (McTestInstitution *inst,
                      McAnnualReview    *review)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McTemplate) template_ = mc_store_load_template (inst->store, review->template_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mc_template_get_kind (template_), ==, MC_TEMPLATE_KIND_ANNUAL);
  mc_test_answer_all (inst, review->answers, review->template_id);
}

static void
test_yearly_review (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDesign) retiring = mc_test_create_design (inst);
  g_autoptr(McDesign) shorter = mc_test_create_design (inst);
  g_autoptr(McAnnualReview) review = NULL;
  g_autoptr(McAnnualReview) again = NULL;
  g_autoptr(McAnnualReview) next = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *owner = wf (inst, MC_TEST_OWNER);

  /* Due a cycle (12 months) after the approval. */
  mc_test_make_active (inst, design);
  g_assert_cmpstr (mc_design_get_review_due (design), ==, "2027-02-26");

  review = open_annual_review (inst, MC_TEST_OWNER, design);
  g_assert_cmpint (review->id, ==, 0);
  g_assert_cmpstr (review->due_on, ==, "2027-02-26");
  g_assert_cmpuint (review->revision_number, ==, 1);
  answer_annual_review (inst, review);
  MC_TEST_ASSERT_OK (mc_workflow_save_annual_review (owner, review, &error));
  g_assert_cmpint (review->id, >, 0);
  g_assert_cmpint (review->state, ==, MC_REVIEW_STATE_IN_PROGRESS);

  /* Another author of the unit picks up the same review. */
  again = open_annual_review (inst, MC_TEST_COAUTHOR, design);
  g_assert_cmpint (again->id, ==, review->id);
  g_assert_cmpint (again->version, ==, review->version);
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_save_annual_review (wf (inst, MC_TEST_CHAIR), again, &error));

  /* Not ready: actions, outcome, answers. */
  review->outcome = MC_ANNUAL_OUTCOME_CONTINUE;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_complete_annual_review (owner, design, review, &error));
  g_free (review->actions);
  review->actions = g_strdup ("Update the reading list");
  review->outcome = MC_ANNUAL_OUTCOME_UNSET;
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_complete_annual_review (owner, design, review, &error));
  review->outcome = MC_ANNUAL_OUTCOME_CONTINUE;
  g_ptr_array_set_size (review->answers, 0);
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_complete_annual_review (owner, design, review, &error));
  answer_annual_review (inst, review);

  MC_TEST_ASSERT_OK (mc_workflow_complete_annual_review (owner, design, review, &error));
  g_assert_cmpint (review->state, ==, MC_REVIEW_STATE_COMPLETED);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_ACTIVE);
  g_assert_cmpstr (mc_design_get_review_due (design), ==, "2028-02-26");
  event = last_event (inst);
  g_assert_cmpint (event->action, ==, MC_ACTION_ANNUAL_REVIEW);
  g_assert_cmpstr (event->comment, ==, "Update the reading list");
  g_assert_nonnull (strstr (event->details, "\"outcome\":\"continue\""));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_save_annual_review (owner, review, &error));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_complete_annual_review (owner, design, review, &error));

  /* The next one, for the next due date, leads to a modification. */
  next = open_annual_review (inst, MC_TEST_COAUTHOR, design);
  g_assert_cmpint (next->id, ==, 0);
  g_assert_cmpstr (next->due_on, ==, "2028-02-26");
  answer_annual_review (inst, next);
  g_free (next->actions);
  next->actions = g_strdup ("Add a module on solid-state cells");
  next->outcome = MC_ANNUAL_OUTCOME_MODIFY;
  MC_TEST_ASSERT_OK (mc_workflow_complete_annual_review (wf (inst, MC_TEST_COAUTHOR), design, next, &error));
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_MODIFYING);
  g_assert_cmpuint (mc_design_get_revision_number (design), ==, 2);
  g_assert_cmpuint (mc_design_get_approved_revision (design), ==, 1);
  g_assert_cmpstr (mc_design_get_review_due (design), ==, "2029-02-26");
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_WRONG_STATE,
                  mc_workflow_open_annual_review (owner, design, &error) != NULL);

  /* Or to retirement. */
  mc_test_make_active (inst, retiring);
  g_clear_pointer (&review, mc_annual_review_free);
  review = open_annual_review (inst, MC_TEST_OWNER, retiring);
  answer_annual_review (inst, review);
  g_free (review->actions);
  review->actions = g_strdup ("No more demand");
  review->outcome = MC_ANNUAL_OUTCOME_RETIRE;
  MC_TEST_ASSERT_OK (mc_workflow_complete_annual_review (owner, retiring, review, &error));
  g_assert_cmpint (mc_design_get_state (retiring), ==, MC_DESIGN_STATE_RETIRED);
  g_assert_null (mc_design_get_review_due (retiring));

  /* The cycle is the institution's. */
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (inst, MC_TEST_ADMIN), MC_SETTING_REVIEW_CYCLE_MONTHS, "6",
                                              &error));
  mc_test_make_active (inst, shorter);
  g_assert_cmpstr (mc_design_get_review_due (shorter), ==, "2026-08-26");
}

static guint
count_tasks (McTestInstitution *inst,
             McTestPerson       person,
             McTaskKind         kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = mc_workflow_list_tasks (wf (inst, person), &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    n += ((McTask *) g_ptr_array_index (tasks, i))->kind == kind;
  return n;
}

static guint
count_all_tasks (McTestInstitution *inst,
                 McTestPerson       person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = mc_workflow_list_tasks (wf (inst, person), &error);

  g_assert_no_error (error);
  return tasks->len;
}

static void
test_tasks (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) draft = mc_test_create_design (inst);
  g_autoptr(McDesign) submitted = mc_test_create_design (inst);
  g_autoptr(McDesign) in_review = mc_test_create_design (inst);
  g_autoptr(McDesign) half_reviewed = mc_test_create_design (inst);
  g_autoptr(McDesign) reviewed = NULL;
  g_autoptr(McDesign) changes = NULL;
  g_autoptr(McDesign) conditional = NULL;
  g_autoptr(McDesign) approved = NULL;
  g_autoptr(McDesign) active = mc_test_create_design (inst);
  g_autoptr(McDesign) modifying = mc_test_create_design (inst);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  McTask *task;

  /* @draft stays a draft: the owner's "finish the draft" task. */
  g_assert_cmpint (mc_design_get_state (draft), ==, MC_DESIGN_STATE_DRAFT);
  mc_test_submit (inst, submitted);
  mc_test_submit (inst, in_review);
  mc_test_assign (inst, in_review, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  mc_test_submit (inst, half_reviewed);
  mc_test_assign (inst, half_reviewed, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  mc_test_complete_review (inst, half_reviewed, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  reviewed = reviewed_design (inst);
  changes = reviewed_design (inst);
  mc_test_decide (inst, changes, MC_OUTCOME_REQUEST_CHANGES, NULL);
  conditional = reviewed_design (inst);
  mc_test_decide (inst, conditional, MC_OUTCOME_APPROVE_WITH_CONDITIONS, "Add a reading list");
  approved = reviewed_design (inst);
  mc_test_decide (inst, approved, MC_OUTCOME_APPROVE, NULL);
  mc_test_make_active (inst, active);
  mc_test_make_active (inst, modifying);
  mc_test_transition (inst, modifying, MC_TEST_OWNER, MC_ACTION_START_MODIFICATION);

  /* The author: two drafts (one a modification), one to revise, one
   * condition to meet. */
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_FINISH_DRAFT), ==, 2);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_REVISE), ==, 1);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_MEET_CONDITIONS), ==, 1);
  g_assert_cmpuint (count_all_tasks (inst, MC_TEST_OWNER), ==, 4);
  /* The reviewers: their open reviews. */
  g_assert_cmpuint (count_tasks (inst, MC_TEST_REVIEWER, MC_TASK_REVIEW), ==, 1);
  g_assert_cmpuint (count_all_tasks (inst, MC_TEST_REVIEWER), ==, 1);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_REVIEWER_2, MC_TASK_REVIEW), ==, 2);
  tasks = mc_workflow_list_tasks (wf (inst, MC_TEST_REVIEWER), &error);
  g_assert_no_error (error);
  task = g_ptr_array_index (tasks, 0);
  g_assert_cmpint (task->design_id, ==, id_of (in_review));
  g_assert_cmpint (task->review_id, >, 0);
  g_assert_cmpstr (task->unit_name, ==, "Faculty of Engineering");
  /* The chair: reviewers to assign, a decision, an activation. */
  g_assert_cmpuint (count_tasks (inst, MC_TEST_CHAIR, MC_TASK_ASSIGN_REVIEWERS), ==, 1);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_CHAIR, MC_TASK_DECIDE), ==, 1);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_CHAIR, MC_TASK_ACTIVATE), ==, 1);
  g_assert_cmpuint (count_all_tasks (inst, MC_TEST_CHAIR), ==, 3);
  /* Everyone else: nothing. */
  for (McTestPerson person = MC_TEST_COAUTHOR; person < MC_TEST_N_PEOPLE; person++)
    if (person != MC_TEST_REVIEWER && person != MC_TEST_REVIEWER_2 && person != MC_TEST_CHAIR)
      g_assert_cmpuint (count_all_tasks (inst, person), ==, 0);

  /* Three reviews needed: more to assign, nothing to decide. */
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (inst, MC_TEST_ADMIN), MC_SETTING_MIN_REVIEWS, "3", &error));
  g_assert_cmpuint (count_tasks (inst, MC_TEST_CHAIR, MC_TASK_ASSIGN_REVIEWERS), ==, 4);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_CHAIR, MC_TASK_DECIDE), ==, 0);

  /* A yearly review shows up a month before it is due, then as overdue
   * for the author and the chair. */
  mc_workflow_set_today (wf (inst, MC_TEST_OWNER), "2027-01-20");
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_ANNUAL_REVIEW_DUE), ==, 0);
  mc_workflow_set_today (wf (inst, MC_TEST_OWNER), "2027-02-10");
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_ANNUAL_REVIEW_DUE), ==, 1);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_ANNUAL_REVIEW_OVERDUE), ==, 0);
  mc_workflow_set_today (wf (inst, MC_TEST_OWNER), "2027-02-26");
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_ANNUAL_REVIEW_DUE), ==, 1);
  mc_workflow_set_today (wf (inst, MC_TEST_OWNER), "2027-02-27");
  mc_workflow_set_today (wf (inst, MC_TEST_CHAIR), "2027-02-27");
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_ANNUAL_REVIEW_DUE), ==, 0);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OWNER, MC_TASK_ANNUAL_REVIEW_OVERDUE), ==, 1);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_CHAIR, MC_TASK_ANNUAL_REVIEW_OVERDUE), ==, 1);
  g_assert_cmpuint (count_tasks (inst, MC_TEST_OTHER_CHAIR, MC_TASK_ANNUAL_REVIEW_OVERDUE), ==, 0);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = mc_workflow_list_tasks (wf (inst, MC_TEST_CHAIR), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    if (((McTask *) g_ptr_array_index (tasks, i))->kind == MC_TASK_ANNUAL_REVIEW_OVERDUE)
      g_assert_cmpstr (((McTask *) g_ptr_array_index (tasks, i))->due_on, ==, "2027-02-26");
}

static void
test_first_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (":memory:", MC_STORE_OPEN_DEFAULT, &error);
  g_autoptr(McWorkflow) first = NULL;
  g_autoptr(McWorkflow) again = NULL;
  g_autoptr(McWorkflow) stranger = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  McEvent *event;

  g_assert_no_error (error);
  first = mc_workflow_new (store, "maeve", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_account (first)), ==, "maeve");
  g_assert_true (mc_workflow_get_actor (first) == mc_workflow_get_account (first));
  g_assert_true (mc_workflow_has_role (first, MC_ROLE_ADMINISTRATOR, 0));
  g_assert_true (mc_workflow_has_role (first, MC_ROLE_ADMINISTRATOR, 42));
  /* An author too, to get started. */
  g_assert_true (mc_workflow_has_role (first, MC_ROLE_AUTHOR, 42));
  g_assert_false (mc_workflow_has_role (first, MC_ROLE_QA_CHAIR, 0));
  events = mc_store_list_events (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  for (guint i = 0; i < events->len; i++)
    {
      event = g_ptr_array_index (events, i);
      g_assert_cmpint (event->action, ==, MC_ACTION_GRANT_ROLE);
      g_assert_cmpint (event->actor_id, ==, mc_person_get_id (mc_workflow_get_account (first)));
    }
  /* The built-in templates are there from the start. */
  templates = mc_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 3);

  /* Only the first one. */
  again = mc_workflow_new (store, "maeve", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_store_count_events (store, NULL), ==, 2);
  stranger = mc_workflow_new (store, "mallory", &error);
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_UNKNOWN_PERSON);
  g_assert_null (stranger);
  g_clear_error (&error);
  g_assert_null (mc_store_find_person_by_username (store, "mallory", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mc_store_count_events (store, NULL), ==, 2);
}

static void
test_act_as (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McEvent) event = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  McWorkflow *admin = wf (inst, MC_TEST_ADMIN);
  McEvent *loaded;

  /* Only administrators act for others. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_act_as (wf (inst, MC_TEST_CHAIR), "olga", &error));
  g_assert_true (mc_workflow_get_actor (wf (inst, MC_TEST_CHAIR)) ==
                 mc_workflow_get_account (wf (inst, MC_TEST_CHAIR)));
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_UNKNOWN_PERSON,
                  mc_workflow_act_as (admin, "ghost", &error));
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_actor (admin)), ==, "ada");

  MC_TEST_ASSERT_OK (mc_workflow_act_as (admin, "olga", &error));
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_actor (admin)), ==, "olga");
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_account (admin)), ==, "ada");
  MC_TEST_ASSERT_OK (mc_workflow_submit (admin, design, "Submitted for Olga, who is away", &error));
  event = last_event (inst);
  g_assert_cmpint (event->action, ==, MC_ACTION_SUBMIT);
  g_assert_cmpint (event->actor_id, ==, inst->ids[MC_TEST_OWNER]);
  g_assert_cmpint (event->recorded_by_id, ==, inst->ids[MC_TEST_ADMIN]);
  g_assert_cmpstr (event->actor_name, ==, "Olga Owner");
  /* The first account is named after itself. */
  g_assert_cmpstr (event->recorded_by_name, ==, "ada");
  /* Acting as Olga, with Olga's roles only. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_add_unit (admin, "LAW", "School of Law", &error) != 0);

  /* Back to oneself. */
  MC_TEST_ASSERT_OK (mc_workflow_act_as (admin, NULL, &error));
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_actor (admin)), ==, "ada");
  g_assert_cmpint (mc_workflow_add_unit (admin, "LAW", "School of Law", &error), >, 0);
  g_assert_no_error (error);
  events = mc_store_list_events (inst->store, 0, &error);
  g_assert_no_error (error);
  loaded = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (loaded->actor_id, ==, inst->ids[MC_TEST_ADMIN]);
  g_assert_cmpint (loaded->recorded_by_id, ==, inst->ids[MC_TEST_ADMIN]);
}

static gboolean
template_with_extra_criterion (McTestInstitution  *inst,
                               McTemplate        **template_out,
                               GError            **error)
{
  g_autoptr(McTemplate) current = mc_store_current_template (inst->store, MC_TEMPLATE_KIND_APPROVAL, error);
  g_autoptr(McCriterion) criterion = mc_criterion_new ("sustainability", "The credential is sustainable",
                                                       MC_ANSWER_KIND_RATING);

  if (current == NULL)
    return FALSE;
  criterion->required = TRUE;
  *template_out = mc_template_copy (current);
  return mc_template_insert_criterion (*template_out, mc_template_get_n_criteria (*template_out),
                                       criterion);
}

static void
test_administration_refused (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(GError) error = NULL;

  MC_TEST_ASSERT_OK (template_with_extra_criterion (inst, &template_, &error));
  for (McTestPerson person = 0; person < MC_TEST_N_PEOPLE; person++)
    {
      McWorkflow *workflow = wf (inst, person);

      if (person == MC_TEST_ADMIN)
        continue;
      g_test_message ("%s", mc_test_username (person));
      ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                      mc_workflow_add_unit (workflow, "LAW", "School of Law", &error) != 0);
      ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                      mc_workflow_add_person (workflow, "eve", "Eve", NULL, inst->unit_id, &error) != 0);
      ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                      mc_workflow_grant_role (workflow, inst->ids[person], MC_ROLE_ADMINISTRATOR, 0, &error));
      ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                      mc_workflow_grant_role (workflow, inst->ids[person], MC_ROLE_QA_CHAIR, inst->unit_id,
                                              &error));
      ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                      mc_workflow_revoke_role (workflow, inst->ids[MC_TEST_ADMIN], MC_ROLE_ADMINISTRATOR, 0,
                                               &error));
      ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                      mc_workflow_save_template (workflow, template_, &error));
      ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                      mc_workflow_set_setting (workflow, MC_SETTING_MIN_REVIEWS, "1", &error));
    }
  g_assert_cmpint (mc_template_get_version (template_), ==, 1);
}

static void
test_last_administrator (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(GError) error = NULL;
  McWorkflow *admin = wf (inst, MC_TEST_ADMIN);
  McWorkflow *registrar = wf (inst, MC_TEST_REGISTRAR);
  gint64 unknown_unit = 4242;

  ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_revoke_role (admin, inst->ids[MC_TEST_ADMIN], MC_ROLE_ADMINISTRATOR, 0, &error));
  /* The unit of an institution-wide role does not matter. */
  ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_revoke_role (admin, inst->ids[MC_TEST_ADMIN], MC_ROLE_ADMINISTRATOR,
                                           inst->unit_id, &error));
  ASSERT_REFUSED_WITH (inst, 0, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                       mc_workflow_grant_role (admin, 4242, MC_ROLE_REVIEWER, inst->unit_id, &error));
  ASSERT_REFUSED_WITH (inst, 0, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                       mc_workflow_grant_role (admin, inst->ids[MC_TEST_NOBODY], MC_ROLE_REVIEWER, unknown_unit,
                                               &error));

  /* With a second administrator, the first can step down. */
  MC_TEST_ASSERT_OK (mc_workflow_grant_role (admin, inst->ids[MC_TEST_REGISTRAR], MC_ROLE_ADMINISTRATOR,
                                             inst->unit_id, &error));
  g_assert_true (mc_workflow_has_role (registrar, MC_ROLE_ADMINISTRATOR, inst->other_unit_id));
  MC_TEST_ASSERT_OK (mc_workflow_revoke_role (admin, inst->ids[MC_TEST_ADMIN], MC_ROLE_ADMINISTRATOR, 0,
                                              &error));
  g_assert_false (mc_workflow_has_role (admin, MC_ROLE_ADMINISTRATOR, 0));
  ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_add_unit (admin, "LAW", "School of Law", &error) != 0);
  ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_act_as (admin, "olga", &error));
  ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                  mc_workflow_revoke_role (registrar, inst->ids[MC_TEST_REGISTRAR], MC_ROLE_ADMINISTRATOR, 0,
                                           &error));
  g_assert_true (mc_workflow_has_role (registrar, MC_ROLE_ADMINISTRATOR, 0));
}

static void
test_settings (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(GError) error = NULL;
  McWorkflow *admin = wf (inst, MC_TEST_ADMIN);
  static const struct {
    const char *key;
    const char *value;
    gboolean    valid;
  } cases[] = {
    { MC_SETTING_MIN_REVIEWS, "1", TRUE },
    { MC_SETTING_MIN_REVIEWS, "10", TRUE },
    { MC_SETTING_MIN_REVIEWS, "0", FALSE },
    { MC_SETTING_MIN_REVIEWS, "11", FALSE },
    { MC_SETTING_MIN_REVIEWS, "-1", FALSE },
    { MC_SETTING_MIN_REVIEWS, "2x", FALSE },
    { MC_SETTING_MIN_REVIEWS, " 2", FALSE },
    { MC_SETTING_MIN_REVIEWS, "", FALSE },
    { MC_SETTING_MIN_MODIFICATION_REVIEWS, "3", TRUE },
    { MC_SETTING_MIN_MODIFICATION_REVIEWS, "0", FALSE },
    { MC_SETTING_REVIEW_CYCLE_MONTHS, "60", TRUE },
    { MC_SETTING_REVIEW_CYCLE_MONTHS, "61", FALSE },
    { MC_SETTING_REVIEW_CYCLE_MONTHS, "0", FALSE },
    { MC_SETTING_INSTITUTION_COUNTRY, "IE", TRUE },
    { MC_SETTING_INSTITUTION_COUNTRY, "", TRUE },
    { MC_SETTING_INSTITUTION_COUNTRY, "ie", FALSE },
    { MC_SETTING_INSTITUTION_COUNTRY, "IRL", FALSE },
    { MC_SETTING_INSTITUTION_NAME, "Trinity College", TRUE },
    { MC_SETTING_INSTITUTION_NAME, "Two\nlines", FALSE },
    { MC_SETTING_INSTITUTION_NAME, "\xff\xfe", FALSE },
    { MC_SETTING_REQUIRED_PROFILES, "eu-council, consistency", TRUE },
    { MC_SETTING_REQUIRED_PROFILES, "eu-council,no-such-profile", FALSE },
    { MC_SETTING_REQUIRED_PROFILES, "eu-council,", FALSE },
    { "no-such-setting", "1", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = g_strescape (cases[i].value, NULL);

      g_test_message ("%s = “%s”", cases[i].key, escaped);
      if (cases[i].valid)
        {
          g_autofree char *value = NULL;
          g_autoptr(McEvent) event = NULL;

          MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, cases[i].key, cases[i].value, &error));
          value = mc_store_get_setting (inst->store, cases[i].key, NULL);
          g_assert_cmpstr (value, ==, cases[i].value);
          event = last_event (inst);
          g_assert_cmpint (event->action, ==, MC_ACTION_CHANGE_SETTINGS);
        }
      else
        ASSERT_REFUSED (inst, 0, MC_WORKFLOW_ERROR_INVALID,
                        mc_workflow_set_setting (admin, cases[i].key, cases[i].value, &error));
    }
}

static void
test_template_versions (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDesign) later = mc_test_create_design (inst);
  g_autoptr(McTemplate) edited = NULL;
  g_autoptr(McTemplate) old_template = NULL;
  g_autoptr(McTemplate) new_template = NULL;
  g_autoptr(McTemplate) broken = NULL;
  g_autoptr(McReview) old_review = NULL;
  g_autoptr(McReview) new_review = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McEvent) event = NULL;
  gint64 first_id;

  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  old_review = mc_test_find_review (inst, design, MC_TEST_REVIEWER);
  first_id = old_review->template_id;

  /* A changed template becomes version 2 of its key. */
  MC_TEST_ASSERT_OK (template_with_extra_criterion (inst, &edited, &error));
  MC_TEST_ASSERT_OK (mc_workflow_save_template (wf (inst, MC_TEST_ADMIN), edited, &error));
  g_assert_cmpuint (mc_template_get_version (edited), ==, 2);
  g_assert_cmpint (mc_template_get_id (edited), !=, first_id);
  event = last_event (inst);
  g_assert_cmpint (event->action, ==, MC_ACTION_EDIT_TEMPLATE);
  templates = mc_store_list_templates (inst->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 3);
  for (guint i = 0; i < templates->len; i++)
    {
      McTemplate *listed = g_ptr_array_index (templates, i);

      if (mc_template_get_kind (listed) == MC_TEMPLATE_KIND_APPROVAL)
        {
          g_assert_cmpint (mc_template_get_id (listed), ==, mc_template_get_id (edited));
          g_assert_cmpuint (mc_template_get_version (listed), ==, 2);
        }
      else
        g_assert_cmpuint (mc_template_get_version (listed), ==, 1);
    }

  /* The review assigned before keeps version 1 and its criteria. */
  g_clear_pointer (&old_review, mc_review_free);
  old_review = mc_test_find_review (inst, design, MC_TEST_REVIEWER);
  g_assert_cmpint (old_review->template_id, ==, first_id);
  old_template = mc_store_load_template (inst->store, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_template_get_version (old_template), ==, 1);
  g_assert_null (mc_template_find_criterion (old_template, "sustainability", NULL));
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);

  /* A review assigned now is made on version 2 and needs its new criterion. */
  mc_test_submit (inst, later);
  mc_test_assign (inst, later, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  new_review = mc_test_find_review (inst, later, MC_TEST_REVIEWER);
  g_assert_cmpint (new_review->template_id, ==, mc_template_get_id (edited));
  new_template = mc_store_load_template (inst->store, new_review->template_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mc_template_find_criterion (new_template, "sustainability", NULL));
  mc_test_answer_all (inst, new_review->answers, new_review->template_id);
  g_ptr_array_remove_index (new_review->answers, new_review->answers->len - 1);
  new_review->recommendation = MC_OUTCOME_APPROVE;
  ASSERT_REFUSED (inst, id_of (later), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_complete_review (wf (inst, MC_TEST_REVIEWER), new_review, &error));

  /* A malformed criterion list is refused and nothing is stored. */
  broken = mc_template_copy (edited);
  {
    g_autoptr(McCriterion) twin = mc_criterion_new ("sustainability", "Twice", MC_ANSWER_KIND_TEXT);

    g_assert_true (mc_template_insert_criterion (broken, 0, twin));
  }
  {
    g_autofree char *before = snapshot (inst, 0);
    g_autofree char *after = NULL;

    g_assert_false (mc_workflow_save_template (wf (inst, MC_TEST_ADMIN), broken, &error));
    g_assert_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_INVALID);
    g_clear_error (&error);
    after = snapshot (inst, 0);
    g_assert_cmpstr (before, ==, after);
  }
}

/* The workflow judges the stored design, not what a caller's copy claims. */
static void
test_forged_copy (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDesign) forged = NULL;
  g_autoptr(GError) error = NULL;

  forged = mc_test_reload (inst, design);
  mc_design_set_owner_id (forged, inst->ids[MC_TEST_COAUTHOR]);
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_submit (wf (inst, MC_TEST_COAUTHOR), forged, NULL, &error));
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_save_design (wf (inst, MC_TEST_COAUTHOR), forged, &error));
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_delete_design (wf (inst, MC_TEST_COAUTHOR), forged, &error));

  g_clear_object (&forged);
  forged = mc_test_reload (inst, design);
  mc_design_set_state (forged, MC_DESIGN_STATE_APPROVED);
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_transition (wf (inst, MC_TEST_CHAIR), forged, MC_ACTION_ACTIVATE, NULL, &error));
}

/* Two windows */

typedef struct {
  McStore    *store;
  McWorkflow *workflows[MC_TEST_N_PEOPLE];
} Window;

static Window *
window_new (McTestInstitution *inst)
{
  g_autoptr(GError) error = NULL;
  Window *window = g_new0 (Window, 1);

  window->store = mc_test_open_store (inst);
  for (guint i = 0; i < MC_TEST_N_PEOPLE; i++)
    {
      window->workflows[i] = mc_workflow_new (window->store, mc_test_username (i), &error);
      g_assert_no_error (error);
      mc_workflow_set_today (window->workflows[i], MC_TEST_TODAY);
    }
  return window;
}

static void
window_free (Window *window)
{
  for (guint i = 0; i < MC_TEST_N_PEOPLE; i++)
    g_clear_object (&window->workflows[i]);
  g_clear_object (&window->store);
  g_free (window);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Window, window_free)

static McDesign *
window_load (Window   *window,
             McDesign *design)
{
  g_autoptr(GError) error = NULL;
  McDesign *loaded = mc_store_load_design (window->store, id_of (design), &error);

  g_assert_no_error (error);
  return loaded;
}

static void
test_two_windows_design (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(Window) other = window_new (inst);
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDesign) second = NULL;
  g_autoptr(McDecision) first_decision = new_decision (MC_OUTCOME_APPROVE);
  g_autoptr(McDecision) second_decision = new_decision (MC_OUTCOME_REJECT);
  g_autoptr(GError) error = NULL;
  gint64 reviewers[] = { inst->ids[MC_TEST_REVIEWER], inst->ids[MC_TEST_REVIEWER_OTHER] };

  /* Content: the second save of the same draft. */
  second = window_load (other, design);
  mc_revision_set_string (mc_design_get_content (design), "title", "Battery Systems I");
  MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (inst, MC_TEST_OWNER), design, &error));
  mc_revision_set_string (mc_design_get_content (second), "title", "Battery Systems II");
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_save_design (other->workflows[MC_TEST_OWNER], second, &error));

  /* A transition in one window, then a save or the same transition in the other. */
  g_clear_object (&second);
  second = window_load (other, design);
  mc_test_submit (inst, design);
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_save_design (other->workflows[MC_TEST_OWNER], second, &error));
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_submit (other->workflows[MC_TEST_OWNER], second, NULL, &error));
  g_assert_cmpint (mc_design_get_state (second), ==, MC_DESIGN_STATE_DRAFT);

  g_clear_object (&second);
  second = window_load (other, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_assign_reviewers (other->workflows[MC_TEST_CHAIR], second, reviewers, 2,
                                                     &error));
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_withdraw (other->workflows[MC_TEST_OWNER], second, NULL, &error));

  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_APPROVE);
  g_clear_object (&second);
  second = window_load (other, design);
  MC_TEST_ASSERT_OK (mc_workflow_decide (wf (inst, MC_TEST_CHAIR), design, first_decision, &error));
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_decide (other->workflows[MC_TEST_CHAIR], second, second_decision, &error));
  g_assert_cmpint (second_decision->id, ==, 0);

  g_clear_object (&second);
  second = window_load (other, design);
  mc_test_transition (inst, design, MC_TEST_CHAIR, MC_ACTION_ACTIVATE);
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_transition (other->workflows[MC_TEST_CHAIR], second, MC_ACTION_ACTIVATE,
                                               NULL, &error));
  g_clear_object (&second);
  second = window_load (other, design);
  mc_test_transition (inst, design, MC_TEST_CHAIR, MC_ACTION_SUSPEND);
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_transition (other->workflows[MC_TEST_CHAIR], second, MC_ACTION_RETIRE,
                                               NULL, &error));
  g_assert_cmpint (mc_design_get_state (second), ==, MC_DESIGN_STATE_ACTIVE);
}

static void
test_two_windows_conditions (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(Window) other = window_new (inst);
  g_autoptr(McDesign) design = reviewed_design (inst);
  g_autoptr(McDesign) second = NULL;
  g_autoptr(McAnnualReview) first_review = NULL;
  g_autoptr(McAnnualReview) second_review = NULL;
  g_autoptr(GError) error = NULL;
  gint64 condition;

  mc_test_decide (inst, design, MC_OUTCOME_APPROVE_WITH_CONDITIONS, "Add a reading list");
  condition = condition_to_meet (inst, design);
  second = window_load (other, design);
  MC_TEST_ASSERT_OK (mc_workflow_meet_condition (wf (inst, MC_TEST_OWNER), design, condition, "Done", &error));
  /* The other window learns from the stored conditions that none is left. */
  ASSERT_REFUSED (inst, id_of (design), MC_WORKFLOW_ERROR_NOT_READY,
                  mc_workflow_meet_condition (other->workflows[MC_TEST_OWNER], second, condition, "Done too",
                                              &error));

  /* Two authors fill in the same yearly review. */
  mc_test_transition (inst, design, MC_TEST_CHAIR, MC_ACTION_ACTIVATE);
  first_review = open_annual_review (inst, MC_TEST_OWNER, design);
  answer_annual_review (inst, first_review);
  MC_TEST_ASSERT_OK (mc_workflow_save_annual_review (wf (inst, MC_TEST_OWNER), first_review, &error));
  g_clear_object (&second);
  second = window_load (other, design);
  second_review = mc_workflow_open_annual_review (other->workflows[MC_TEST_COAUTHOR], second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second_review->id, ==, first_review->id);
  g_free (first_review->actions);
  first_review->actions = g_strdup ("Update the reading list");
  MC_TEST_ASSERT_OK (mc_workflow_save_annual_review (wf (inst, MC_TEST_OWNER), first_review, &error));
  g_free (second_review->actions);
  second_review->actions = g_strdup ("Nothing to do");
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_save_annual_review (other->workflows[MC_TEST_COAUTHOR], second_review, &error));
  second_review->outcome = MC_ANNUAL_OUTCOME_CONTINUE;
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_complete_annual_review (other->workflows[MC_TEST_COAUTHOR], second,
                                                           second_review, &error));
}

static void
test_two_windows_review (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(Window) other = window_new (inst);
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McReview) first = NULL;
  g_autoptr(McReview) second = NULL;
  g_autoptr(McReview) stored = NULL;
  g_autoptr(GError) error = NULL;

  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  first = mc_test_find_review (inst, design, MC_TEST_REVIEWER);
  second = mc_review_copy (first);

  mc_test_answer_all (inst, first->answers, first->template_id);
  g_free (first->summary);
  first->summary = g_strdup ("From the first window");
  MC_TEST_ASSERT_OK (mc_workflow_save_review (wf (inst, MC_TEST_REVIEWER), first, &error));
  mc_test_answer_all (inst, second->answers, second->template_id);
  g_free (second->summary);
  second->summary = g_strdup ("From the second window");
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_save_review (other->workflows[MC_TEST_REVIEWER], second, &error));
  second->recommendation = MC_OUTCOME_REJECT;
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_complete_review (other->workflows[MC_TEST_REVIEWER], second, &error));
  stored = mc_store_load_review (other->store, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->summary, ==, "From the first window");
  g_assert_cmpint (stored->state, ==, MC_REVIEW_STATE_IN_PROGRESS);

  /* Completed in one window: the other's save is refused. */
  first->recommendation = MC_OUTCOME_APPROVE;
  MC_TEST_ASSERT_OK (mc_workflow_complete_review (wf (inst, MC_TEST_REVIEWER), first, &error));
  g_clear_pointer (&second, mc_review_free);
  second = mc_review_copy (stored);
  ASSERT_REFUSED_WITH (inst, id_of (design), MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                       mc_workflow_save_review (other->workflows[MC_TEST_REVIEWER], second, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/workflow/state-machine", test_state_machine);
  g_test_add_func ("/core/workflow/own-design", test_own_design);
  g_test_add_func ("/core/workflow/min-reviews", test_min_reviews);
  g_test_add_func ("/core/workflow/loose-ends", test_loose_ends);
  g_test_add_func ("/core/workflow/submit/needs-no-errors", test_submit_needs_no_errors);
  g_test_add_func ("/core/workflow/submit/freezes", test_submit_freezes);
  g_test_add_func ("/core/workflow/withdraw", test_withdraw);
  g_test_add_func ("/core/workflow/review/reassign", test_reassign);
  g_test_add_func ("/core/workflow/review/complete", test_complete_review);
  g_test_add_func ("/core/workflow/review/comments", test_comments);
  g_test_add_func ("/core/workflow/decision/validation", test_decision_validation);
  g_test_add_func ("/core/workflow/decision/conditions", test_activation_waits_for_conditions);
  g_test_add_func ("/core/workflow/modification", test_modification);
  g_test_add_func ("/core/workflow/yearly-review", test_yearly_review);
  g_test_add_func ("/core/workflow/tasks", test_tasks);
  g_test_add_func ("/core/workflow/people/first-account", test_first_account);
  g_test_add_func ("/core/workflow/people/act-as", test_act_as);
  g_test_add_func ("/core/workflow/admin/refused", test_administration_refused);
  g_test_add_func ("/core/workflow/admin/last-administrator", test_last_administrator);
  g_test_add_func ("/core/workflow/admin/settings", test_settings);
  g_test_add_func ("/core/workflow/admin/template-versions", test_template_versions);
  g_test_add_func ("/core/workflow/two-windows/design", test_two_windows_design);
  g_test_add_func ("/core/workflow/two-windows/forged-copy", test_forged_copy);
  g_test_add_func ("/core/workflow/two-windows/conditions", test_two_windows_conditions);
  g_test_add_func ("/core/workflow/two-windows/review", test_two_windows_review);

  return g_test_run ();
}
