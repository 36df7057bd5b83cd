/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "workflow-fixture.h"

static const struct {
  const char *username;
  const char *name;
} people[MC_TEST_N_PEOPLE] = {
  [MC_TEST_OWNER] = { "olga", "Olga Owner" },
  [MC_TEST_COAUTHOR] = { "colm", "Colm Coauthor" },
  [MC_TEST_REVIEWER] = { "rita", "Rita Reviewer" },
  [MC_TEST_REVIEWER_2] = { "ravi", "Ravi Reviewer" },
  [MC_TEST_REVIEWER_OTHER] = { "rosa", "Rosa Reviewer" },
  [MC_TEST_CHAIR] = { "chen", "Chen Chair" },
  [MC_TEST_OTHER_CHAIR] = { "cora", "Cora Chair" },
  [MC_TEST_REGISTRAR] = { "greg", "Greg Registrar" },
  [MC_TEST_ADMIN] = { "ada", "ada" },   /* the first account, named after itself */
  [MC_TEST_NOBODY] = { "nina", "Nina Nobody" },
  [MC_TEST_OTHER_REGISTRAR] = { "rory", "Rory Registrar" },
};

const char *
mc_test_username (McTestPerson person)
{
  g_assert (person < MC_TEST_N_PEOPLE);
  return people[person].username;
}

McWorkflow *
mc_test_workflow (McTestInstitution *inst,
                  McTestPerson       person)
{
  g_assert (person < MC_TEST_N_PEOPLE);
  return inst->workflows[person];
}

McStore *
mc_test_open_store (McTestInstitution *inst)
{
  g_autoptr(GError) error = NULL;
  McStore *store = mc_store_open (inst->path, MC_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
grant (McTestInstitution *inst,
       McTestPerson       person,
       McRole             role,
       gint64             unit_id)
{
  g_autoptr(GError) error = NULL;

  MC_TEST_ASSERT_OK (mc_workflow_grant_role (inst->workflows[MC_TEST_ADMIN], inst->ids[person], role,
                                         unit_id, &error));
}

McTestInstitution *
mc_test_institution_new (void)
{
  g_autoptr(GError) error = NULL;
  McTestInstitution *inst = g_new0 (McTestInstitution, 1);
  McWorkflow *admin;

  inst->dir = g_dir_make_tmp ("mc-workflow-XXXXXX", &error);
  g_assert_no_error (error);
  inst->path = g_build_filename (inst->dir, "institution.db", NULL);
  inst->store = mc_store_open (inst->path, MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* The first account becomes the administrator. */
  admin = inst->workflows[MC_TEST_ADMIN] = mc_workflow_new (inst->store, people[MC_TEST_ADMIN].username,
                                                            &error);
  g_assert_no_error (error);
  inst->ids[MC_TEST_ADMIN] = mc_person_get_id (mc_workflow_get_account (admin));
  /* It is an author too, to get started; here it holds one role only. */
  MC_TEST_ASSERT_OK (mc_workflow_revoke_role (admin, inst->ids[MC_TEST_ADMIN], MC_ROLE_AUTHOR, 0, &error));

  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_INSTITUTION_NAME, "Hanze Polytechnic",
                                              &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_INSTITUTION_COUNTRY, "NL", &error));
  inst->unit_id = mc_workflow_add_unit (admin, "ENG", "Faculty of Engineering", &error);
  g_assert_no_error (error);
  inst->other_unit_id = mc_workflow_add_unit (admin, "BUS", "Business School", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < MC_TEST_N_PEOPLE; i++)
    {
      if (i == MC_TEST_ADMIN)
        continue;
      inst->ids[i] = mc_workflow_add_person (admin, people[i].username, people[i].name, NULL,
                                             i == MC_TEST_OTHER_CHAIR || i == MC_TEST_OTHER_REGISTRAR
                                             ? inst->other_unit_id : inst->unit_id,
                                             &error);
      g_assert_no_error (error);
    }
  grant (inst, MC_TEST_OWNER, MC_ROLE_AUTHOR, inst->unit_id);
  grant (inst, MC_TEST_COAUTHOR, MC_ROLE_AUTHOR, inst->unit_id);
  grant (inst, MC_TEST_REVIEWER, MC_ROLE_REVIEWER, inst->unit_id);
  grant (inst, MC_TEST_REVIEWER_2, MC_ROLE_REVIEWER, inst->unit_id);
  grant (inst, MC_TEST_REVIEWER_OTHER, MC_ROLE_REVIEWER, inst->unit_id);
  grant (inst, MC_TEST_CHAIR, MC_ROLE_QA_CHAIR, inst->unit_id);
  grant (inst, MC_TEST_OTHER_CHAIR, MC_ROLE_QA_CHAIR, inst->other_unit_id);
  grant (inst, MC_TEST_REGISTRAR, MC_ROLE_REGISTRAR, 0);
  grant (inst, MC_TEST_OTHER_REGISTRAR, MC_ROLE_REGISTRAR, inst->other_unit_id);

  for (guint i = 0; i < MC_TEST_N_PEOPLE; i++)
    {
      if (inst->workflows[i] == NULL)
        {
          inst->workflows[i] = mc_workflow_new (inst->store, people[i].username, &error);
          g_assert_no_error (error);
        }
      mc_workflow_set_today (inst->workflows[i], MC_TEST_TODAY);
    }
  return inst;
}

void
mc_test_institution_free (McTestInstitution *inst)
{
  const char *name;
  GDir *dir;

  for (guint i = 0; i < MC_TEST_N_PEOPLE; i++)
    g_clear_object (&inst->workflows[i]);
  g_clear_object (&inst->store);

  /* The database and its -wal and -shm files. */
  dir = g_dir_open (inst->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (inst->dir, name, NULL);

      g_remove (file);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (inst->dir);
  g_free (inst->dir);
  g_free (inst->path);
  g_free (inst);
}

McRevision *
mc_test_valid_content (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "design-valid.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McDesignFile) parsed = mc_design_io_read_file (file, NULL, &error);

  McRevision *content;

  g_assert_no_error (error);
  content = mc_revision_copy (mc_design_get_content (parsed->design));
  mc_revision_set_string (content, "qa_internal", "Reviewed yearly by the faculty's QA committee.");
  return content;
}

McDesign *
mc_test_create_design (McTestInstitution *inst)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McRevision) content = mc_test_valid_content ();
  McDesign *design = mc_design_new ();

  mc_design_set_unit_id (design, inst->unit_id);
  mc_design_set_content (design, content);
  MC_TEST_ASSERT_OK (mc_workflow_create_design (inst->workflows[MC_TEST_OWNER], design, &error));
  g_assert_cmpint (mc_design_get_owner_id (design), ==, inst->ids[MC_TEST_OWNER]);
  return design;
}

McDesign *
mc_test_reload (McTestInstitution *inst,
                McDesign          *design)
{
  g_autoptr(GError) error = NULL;
  McDesign *stored = mc_store_load_design (inst->store, mc_design_get_id (design), &error);

  g_assert_no_error (error);
  return stored;
}

void
mc_test_submit (McTestInstitution *inst,
                McDesign          *design)
{
  g_autoptr(GError) error = NULL;

  MC_TEST_ASSERT_OK (mc_workflow_submit (inst->workflows[MC_TEST_OWNER], design, "Ready", &error));
}

void
mc_test_assign (McTestInstitution *inst,
                McDesign          *design,
                McTestPerson       first,
                McTestPerson       second)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { inst->ids[first], inst->ids[second] };

  MC_TEST_ASSERT_OK (mc_workflow_assign_reviewers (inst->workflows[MC_TEST_CHAIR], design, ids,
                                               first == second ? 1 : 2, &error));
}

/* The newest review of the current revision by @person (anyone when
 * MC_TEST_N_PEOPLE), withdrawn ones too if @withdrawn. */
static McReview *
find_review (McTestInstitution *inst,
             McDesign          *design,
             McTestPerson       person,
             gboolean           withdrawn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = mc_store_list_reviews (inst->store, mc_design_get_id (design),
                                                        mc_design_get_revision_number (design),
                                                        &error);
  McReview *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if ((person == MC_TEST_N_PEOPLE || review->reviewer_id == inst->ids[person]) &&
          (withdrawn || review->state != MC_REVIEW_STATE_WITHDRAWN))
        found = review;
    }
  return found != NULL ? mc_review_copy (found) : NULL;
}

McReview *
mc_test_find_review (McTestInstitution *inst,
                     McDesign          *design,
                     McTestPerson       person)
{
  return find_review (inst, design, person, FALSE);
}

McReview *
mc_test_newest_review (McTestInstitution *inst,
                       McDesign          *design,
                       McTestPerson       person)
{
  return find_review (inst, design, person, TRUE);
}

void
mc_test_answer_all (McTestInstitution *inst,
                    GPtrArray         *answers,
                    gint64             template_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McTemplate) template_ = mc_store_load_template (inst->store, template_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < mc_template_get_n_criteria (template_); i++)
    {
      const McCriterion *criterion = mc_template_get_criterion (template_, i);

      mc_answers_set (answers, criterion->id,
                      criterion->answer == MC_ANSWER_KIND_RATING ? MC_RATING_MET : MC_RATING_UNSET,
                      "Looks fine.");
    }
}

void
mc_test_complete_review (McTestInstitution *inst,
                         McDesign          *design,
                         McTestPerson       person,
                         McOutcomeKind      recommendation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McReview) review = mc_test_find_review (inst, design, person);

  g_assert_nonnull (review);
  mc_test_answer_all (inst, review->answers, review->template_id);
  review->recommendation = recommendation;
  MC_TEST_ASSERT_OK (mc_workflow_complete_review (inst->workflows[person], review, &error));
  g_assert_cmpint (review->state, ==, MC_REVIEW_STATE_COMPLETED);
}

void
mc_test_decide (McTestInstitution *inst,
                McDesign          *design,
                McOutcomeKind      outcome,
                const char        *condition)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDecision) decision = mc_decision_new (outcome, MC_TEST_MEETING_DATE, "QA/2026/07");
  g_autoptr(McDesign) stored = NULL;

  if (condition != NULL)
    mc_decision_add_condition (decision, condition);
  MC_TEST_ASSERT_OK (mc_workflow_decide (inst->workflows[MC_TEST_CHAIR], design, decision, &error));
  g_assert_cmpint (decision->id, >, 0);

  /* The caller's copy and the stored design agree. */
  stored = mc_test_reload (inst, design);
  g_assert_cmpint (mc_design_get_state (stored), ==, mc_design_get_state (design));
  g_assert_cmpint (mc_design_get_version (stored), ==, mc_design_get_version (design));
}

void
mc_test_transition (McTestInstitution *inst,
                    McDesign          *design,
                    McTestPerson       person,
                    McAction           action)
{
  g_autoptr(GError) error = NULL;

  MC_TEST_ASSERT_OK (mc_workflow_transition (inst->workflows[person], design, action, NULL, &error));
}

void
mc_test_make_active (McTestInstitution *inst,
                     McDesign          *design)
{
  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER_2);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER_2, MC_OUTCOME_APPROVE);
  mc_test_decide (inst, design, MC_OUTCOME_APPROVE, NULL);
  mc_test_transition (inst, design, MC_TEST_CHAIR, MC_ACTION_ACTIVATE);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_ACTIVE);
}

McKeyRecord *
mc_test_add_key (McTestInstitution *inst,
                 const char        *kid,
                 McKeyKind          kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (kid, ".p8", NULL);
  McKeyRecord *key = mc_key_record_new ();

  key->kid = g_strdup (kid);
  key->kind = kind;
  key->public_jwk = kind == MC_KEY_KIND_RSA
                    ? g_strdup_printf ("{\"kty\":\"RSA\",\"kid\":\"%s\",\"n\":\"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw\",\"e\":\"AQAB\"}", kid)
                    : g_strdup_printf ("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"%s\","
                                       "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}", kid);
  key->private_path = g_build_filename (inst->dir, file, NULL);
  g_assert_true (g_file_set_contents (key->private_path, "encrypted key", -1, NULL));
  MC_TEST_ASSERT_OK (mc_workflow_add_key (inst->workflows[MC_TEST_ADMIN], key, &error));
  g_assert_cmpint (key->id, >, 0);
  return key;
}

McOffering *
mc_test_create_offering (McTestInstitution *inst,
                         McDesign          *design,
                         const char        *code)
{
  g_autoptr(GError) error = NULL;
  McOffering *offering = mc_offering_new ();

  offering->design_id = mc_design_get_id (design);
  offering->code = g_strdup (code);
  offering->starts_on = g_strdup ("2026-01-12");
  offering->ends_on = g_strdup ("2026-05-29");
  MC_TEST_ASSERT_OK (mc_workflow_create_offering (inst->workflows[MC_TEST_REGISTRAR], offering, &error));
  g_assert_cmpint (offering->id, >, 0);
  return offering;
}

McResultInput *
mc_test_result_input (const char *student_id,
                      const char *given_name,
                      const char *family_name,
                      const char *grade,
                      gboolean    passed)
{
  McResultInput *input = mc_result_input_new ();

  input->student_id = g_strdup (student_id);
  input->given_name = g_strdup (given_name);
  input->family_name = g_strdup (family_name);
  input->grade = g_strdup (grade);
  input->completed_on = g_strdup ("2026-05-29");
  input->passed = passed;
  return input;
}

void
mc_test_record_results (McTestInstitution *inst,
                        gint64             offering_id,
                        GPtrArray         *inputs)
{
  g_autoptr(GError) error = NULL;

  MC_TEST_ASSERT_OK (mc_workflow_record_results (inst->workflows[MC_TEST_REGISTRAR], offering_id, inputs,
                                                 NULL, &error));
}

static char *
base64url (const char *text)
{
  char *encoded = g_base64_encode ((const guchar *) text, strlen (text));

  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  g_strdelimit (encoded, "=", '\0');
  return encoded;
}

char *
mc_test_fake_jwt (const McIssuedCredential *credential)
{
  g_autofree char *header = base64url ("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
  g_autofree char *json = g_strdup_printf ("{\"jti\":\"urn:uuid:%s\"}", credential->uuid);
  g_autofree char *payload = base64url (json);

  return g_strconcat (header, ".", payload, ".c2lnbmF0dXJl", NULL);
}

guint
mc_test_issue_batch (McTestInstitution *inst,
                     McIssueBatch      *batch,
                     guint              page)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *registrar = inst->workflows[MC_TEST_REGISTRAR];
  guint n = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) pending = mc_store_list_pending_credentials (inst->store, batch->id, page,
                                                                         &error);

      g_assert_no_error (error);
      if (pending->len == 0)
        break;
      for (guint i = 0; i < pending->len; i++)
        {
          McIssuedCredential *credential = g_ptr_array_index (pending, i);

          credential->jwt = mc_test_fake_jwt (credential);
        }
      MC_TEST_ASSERT_OK (mc_workflow_complete_credentials (registrar, pending, &error));
      n += pending->len;
    }
  MC_TEST_ASSERT_OK (mc_workflow_finish_batch (registrar, batch, MC_BATCH_STATE_DONE, &error));
  return n;
}
