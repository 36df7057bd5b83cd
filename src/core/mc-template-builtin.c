/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-core-private.h"
#include "mc-template-private.h"

/* The templates shipped with Microcred, compiled in from data/templates/
 * as "templates/KIND.json". */

/* Their texts, repeated here because xgettext cannot read the JSON files;
 * the tests check that every text of every built-in template is in this
 * list, so that none is left untranslated. */
static const char * const builtin_strings[] = {
  /* approval.json */
  /* TRANSLATORS: title of a review template */
  N_("Design approval"),
  N_("The questions a reviewer answers before the quality-assurance committee "
     "approves a new micro-credential. They follow the European standard for "
     "the design and approval of programmes (ESG 1.2): the scrutiny a degree "
     "programme receives, in proportion to a short credential."),
  /* TRANSLATORS: a criterion of a review template */
  N_("The learning outcomes are clear and can be assessed"),
  N_("Each outcome should say what a learner will be able to do at the end, "
     "with an observable verb and enough context to judge it. Look for "
     "outcomes that the planned assessment can evidence, that are few enough "
     "for the workload, and that together express the purpose of the "
     "credential."),
  /* TRANSLATORS: a criterion of a review template */
  N_("The workload is realistic for the credits awarded"),
  N_("Compare the notional learning hours with the ECTS credits (one credit "
     "stands for roughly 25 to 30 hours) and with the duration in weeks. Ask "
     "whether a typical learner could reach the outcomes, preparation for "
     "assessment included, in the time stated."),
  /* TRANSLATORS: a criterion of a review template */
  N_("The level is appropriate and placed in a qualifications framework"),
  N_("Check that the EQF level, and any national framework level or cycle, "
     "matches what the outcomes demand in knowledge, skills, responsibility "
     "and autonomy, and that the prerequisites suit learners entering at that "
     "level."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Assessment is aligned with the outcomes and secure"),
  N_("Every outcome should be assessed by at least one component, the weights "
     "should reflect the importance of what each component assesses, and the "
     "grading scheme should be stated. Consider whether the methods let "
     "learners show the outcomes and whether the results can be trusted."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Identity verification during assessment is adequate"),
  N_("Look at the supervision of each summative component. A credential that "
     "awards credit, or is taken online, should say how the identity of "
     "learners is confirmed when they are assessed, in proportion to what the "
     "credential is worth."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Quality-assurance arrangements are in place"),
  N_("The credential should go through the institution’s usual quality "
     "procedures rather than a separate track. Check the internal "
     "arrangements, any external body or accreditation, how students will "
     "evaluate the credential, and how often it will be reviewed."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Partner roles and agreements are clear"),
  N_("For each partner outside the institution, the design should say what "
     "they contribute, such as co-design, teaching, assessment or recognition "
     "in hiring, and refer to a current agreement. Check that no agreement "
     "ends before the credential is offered."),
  /* TRANSLATORS: a criterion of a review template */
  N_("There is evidence of need and of no duplication"),
  N_("Look for concrete evidence that learners or employers need the "
     "credential, such as labour-market data, requests from employers or a "
     "consultation, and for a check that it does not repeat a programme or "
     "credential the institution already offers."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Resources are sufficient to deliver it"),
  N_("Judge whether the places per intake, the intakes, the form of "
     "participation and the fee are realistic for the staff, facilities and "
     "learning environment available, support for learners who study online "
     "included."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Stackability and recognition are described accurately"),
  N_("If the credential is said to stack, check that each target is named, "
     "that the credits counted towards it are plausible and whether stacking "
     "must follow a sequence. Recognition routes and professional-body "
     "recognition should be claimed only where they have been agreed."),
  /* annual.json */
  /* TRANSLATORS: title of a review template */
  N_("Annual review"),
  N_("The yearly review of an active micro-credential by its academic unit. "
     "The answers feed the faculty’s report to the Academic Programmes "
     "Committee on the issues raised and the steps taken or proposed."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Is the credential meeting its purpose?"),
  N_("Compare what happened this year, such as enrolments, completions and "
     "where learners went next, with the aims and the need the credential was "
     "approved to meet."),
  /* TRANSLATORS: a criterion of a review template */
  N_("What did student evaluations raise?"),
  N_("Summarise the main points of this year’s student evaluations, favourable "
     "and critical, and say how many learners responded."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Are the teaching, learning and assessment methods still appropriate?"),
  N_("Consider the results, the feedback from learners and assessors, and any "
     "change in the subject or in the tools used to teach and assess it."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Do the learning outcomes remain appropriate?"),
  N_("Ask whether the outcomes still reflect current practice in the field and "
     "what employers and learners expect, and whether the assessment still "
     "shows that learners reach them."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Is there continued, demonstrable support from industry, employers or the "
     "community?"),
  N_("Look for evidence from this year: partners still taking part, agreements "
     "renewed, employers recruiting or sponsoring learners, community bodies "
     "referring them."),
  /* TRANSLATORS: a criterion of a review template */
  /* modification.json */
  /* TRANSLATORS: title of a review template */
  N_("Minor modification"),
  N_("The questions a reviewer answers on a proposed minor change to an active "
     "micro-credential. A change that alters the outcomes, level or credit "
     "without good reason is not minor and needs full approval."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Why is the change needed?"),
  N_("Summarise the reason for the change and the evidence behind it, for "
     "instance student evaluations, an action of the annual review or a "
     "request from a partner."),
  /* TRANSLATORS: a criterion of a review template */
  N_("The change is minor in scope"),
  N_("A minor change adjusts how the credential is delivered or assessed "
     "without changing what it certifies. Compare the proposed revision with "
     "the approved one and weigh the changes together, not one at a time."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Outcomes, level and credit are unchanged, or the change is justified"),
  N_("Check the learning outcomes, the EQF or framework level, the ECTS "
     "credits and the notional hours. Any change to them must be small and "
     "explained; otherwise the design needs full approval."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Assessment still covers every outcome"),
  N_("If assessment components change, every outcome must still be assessed "
     "and the weights must still add up to the whole."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Students affected are informed"),
  N_("Learners already enrolled or admitted should hear of the change before "
     "it applies to them, and none should be put at a disadvantage by it."),
  /* TRANSLATORS: a criterion of a review template */
  N_("Partner roles and agreements are still valid"),
  N_("Check that partners agree to the change where it affects them and that "
     "their agreements stay current for as long as the change applies."),
  NULL
};

const char * const *
_mc_template_get_builtin_strings (void)
{
  return builtin_strings;
}

/**
 * mc_template_load_builtin:
 * @kind: the procedure
 * @error: return location for an error
 *
 * Loads the template Microcred ships for @kind, the starting point of an
 * institution's own.  It has no id and no version until it is stored.
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set
 */
McTemplate *
mc_template_load_builtin (McTemplateKind   kind,
                          GError         **error)
{
  const char *nick = mc_enum_to_nick (MC_TYPE_TEMPLATE_KIND, kind);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  McTemplate *self;
  gsize size;
  const char *data;

  g_return_val_if_fail (nick != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_strconcat ("templates/", nick, ".json", NULL);
  bytes = _mc_core_lookup_resource (path, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  self = mc_template_new_from_json (data, (gssize) size, error);
  if (self == NULL)
    g_prefix_error (error, "%s: ", path);
  return self;
}
