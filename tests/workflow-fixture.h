/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-core.h"

G_BEGIN_DECLS

/* A throw-away institution for the workflow and history tests: a database
 * file in a temporary folder, two academic units and one person for each
 * role the tests act as, each with a workflow of their own. */

typedef enum {
  MC_TEST_OWNER,          /* author of the unit; owns the designs */
  MC_TEST_COAUTHOR,       /* another author of the unit */
  MC_TEST_REVIEWER,       /* reviewer of the unit, assigned */
  MC_TEST_REVIEWER_2,     /* reviewer of the unit, assigned as the second one */
  MC_TEST_REVIEWER_OTHER, /* reviewer of the unit, never assigned */
  MC_TEST_CHAIR,          /* QA chair of the unit */
  MC_TEST_OTHER_CHAIR,    /* QA chair of the other unit */
  MC_TEST_REGISTRAR,
  MC_TEST_ADMIN,          /* the first account: administrator */
  MC_TEST_NOBODY,         /* a person with no role */
  MC_TEST_OTHER_REGISTRAR, /* registrar of the other unit only */
  MC_TEST_N_PEOPLE
} McTestPerson;

/* Asserts that @call succeeded, showing the error that `error` holds if not. */
#define MC_TEST_ASSERT_OK(call) \
  G_STMT_START { gboolean ok_ = (call); g_assert_no_error (error); g_assert_true (ok_); } G_STMT_END

#define MC_TEST_TODAY        "2026-03-02"
#define MC_TEST_MEETING_DATE "2026-02-26"

typedef struct {
  char       *dir;
  char       *path;
  McStore    *store;
  gint64      unit_id;
  gint64      other_unit_id;
  gint64      ids[MC_TEST_N_PEOPLE];
  McWorkflow *workflows[MC_TEST_N_PEOPLE];
} McTestInstitution;

McTestInstitution *mc_test_institution_new   (void);
void               mc_test_institution_free  (McTestInstitution *inst);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McTestInstitution, mc_test_institution_free)

const char *mc_test_username        (McTestPerson person);
McWorkflow *mc_test_workflow        (McTestInstitution *inst, McTestPerson person);
/* Opens a second connection to the same file (transfer full). */
McStore    *mc_test_open_store      (McTestInstitution *inst);

/* Content with no errors under the default required profiles (transfer full). */
McRevision *mc_test_valid_content   (void);
/* A new draft of the owner in the unit, stored through the workflow. */
McDesign   *mc_test_create_design   (McTestInstitution *inst);
/* The stored design, loaded afresh (transfer full). */
McDesign   *mc_test_reload          (McTestInstitution *inst, McDesign *design);

/* Steps of the real path; each asserts success and updates @design. */
void        mc_test_submit          (McTestInstitution *inst, McDesign *design);
void        mc_test_assign          (McTestInstitution *inst, McDesign *design,
                                     McTestPerson first, McTestPerson second);
/* The person's review of the design's current revision that was not
 * withdrawn, or NULL (transfer full). */
McReview   *mc_test_find_review     (McTestInstitution *inst, McDesign *design,
                                     McTestPerson person);
/* The newest review of the current revision by @person, whatever its
 * state, or by anyone when @person is MC_TEST_N_PEOPLE; NULL if none. */
McReview   *mc_test_newest_review   (McTestInstitution *inst, McDesign *design,
                                     McTestPerson person);
/* Answers every criterion of the template (a review's or a yearly review's). */
void        mc_test_answer_all      (McTestInstitution *inst, GPtrArray *answers, gint64 template_id);
void        mc_test_complete_review (McTestInstitution *inst, McDesign *design,
                                     McTestPerson person, McOutcomeKind recommendation);
/* The chair records the committee's decision; @condition may be NULL. */
void        mc_test_decide          (McTestInstitution *inst, McDesign *design,
                                     McOutcomeKind outcome, const char *condition);
void        mc_test_transition      (McTestInstitution *inst, McDesign *design,
                                     McTestPerson person, McAction action);
/* Draft → active: submitted, reviewed twice, approved, activated. */
void        mc_test_make_active     (McTestInstitution *inst, McDesign *design);

/* Issuing.  A signing key recorded by the administrator, with a private
 * key file (not a real key: the core only keeps its path). */
McKeyRecord *mc_test_add_key        (McTestInstitution *inst, const char *kid, McKeyKind kind);
/* An offering of @design created by the registrar. */
McOffering *mc_test_create_offering (McTestInstitution *inst, McDesign *design, const char *code);
McResultInput *mc_test_result_input (const char *student_id, const char *given_name,
                                     const char *family_name, const char *grade, gboolean passed);
/* Records results (McResultInput) as the registrar. */
void        mc_test_record_results  (McTestInstitution *inst, gint64 offering_id, GPtrArray *inputs);
/* A well-formed compact JWS standing in for the signed credential. */
char       *mc_test_fake_jwt        (const McIssuedCredential *credential);
/* Signs (with fake JWTs) and completes every pending credential of the
 * batch as the registrar, @page at a time, and finishes it as done.
 * Returns how many were completed. */
guint       mc_test_issue_batch     (McTestInstitution *inst, McIssueBatch *batch, guint page);

G_END_DECLS
