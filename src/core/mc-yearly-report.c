/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-yearly-report.h"

struct _McYearlyReport
{
  GObject    parent_instance;

  char      *institution;
  char      *unit_code;
  char      *unit_name;
  int        year;
  char      *generated_on;

  GPtrArray *credentials;       /* McReportCredential */
  GPtrArray *annual_reviews;    /* McReportAnnualReview */
  GPtrArray *overdue;           /* McReportOverdue */
  GPtrArray *decisions;         /* McReportDecision */

  guint      approval_reviews_completed;
  guint      designs_submitted;
};

G_DEFINE_FINAL_TYPE (McYearlyReport, mc_yearly_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INSTITUTION,
  PROP_UNIT_CODE,
  PROP_UNIT_NAME,
  PROP_YEAR,
  PROP_GENERATED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_yearly_report_finalize (GObject *object)
{
  McYearlyReport *self = MC_YEARLY_REPORT (object);

  g_free (self->institution);
  g_free (self->unit_code);
  g_free (self->unit_name);
  g_free (self->generated_on);
  g_ptr_array_unref (self->credentials);
  g_ptr_array_unref (self->annual_reviews);
  g_ptr_array_unref (self->overdue);
  g_ptr_array_unref (self->decisions);
  G_OBJECT_CLASS (mc_yearly_report_parent_class)->finalize (object);
}

static void
mc_yearly_report_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  McYearlyReport *self = MC_YEARLY_REPORT (object);

  switch (prop_id)
    {
    case PROP_INSTITUTION: g_value_set_string (value, self->institution); break;
    case PROP_UNIT_CODE: g_value_set_string (value, self->unit_code); break;
    case PROP_UNIT_NAME: g_value_set_string (value, self->unit_name); break;
    case PROP_YEAR: g_value_set_int (value, self->year); break;
    case PROP_GENERATED_ON: g_value_set_string (value, self->generated_on); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_yearly_report_class_init (McYearlyReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mc_yearly_report_finalize;
  object_class->get_property = mc_yearly_report_get_property;

  properties[PROP_INSTITUTION] = g_param_spec_string ("institution", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_CODE] = g_param_spec_string ("unit-code", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_NAME] = g_param_spec_string ("unit-name", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_GENERATED_ON] = g_param_spec_string ("generated-on", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_yearly_report_init (McYearlyReport *self)
{
  self->credentials = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_report_credential_free);
  self->annual_reviews =
    g_ptr_array_new_with_free_func ((GDestroyNotify) mc_report_annual_review_free);
  self->overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_report_overdue_free);
  self->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_report_decision_free);
}

/**
 * mc_yearly_report_new:
 * @institution: name of the institution
 * @unit_code: short code of the academic unit
 * @unit_name: name of the academic unit
 * @year: the calendar year reported on
 * @generated_on: the report date, "YYYY-MM-DD"
 *
 * Creates an empty report; fill it with the mc_yearly_report_add_*()
 * functions and mc_yearly_report_set_counts().
 *
 * Returns: (transfer full): a new report
 */
McYearlyReport *
mc_yearly_report_new (const char *institution,
                      const char *unit_code,
                      const char *unit_name,
                      int         year,
                      const char *generated_on)
{
  McYearlyReport *self;

  g_return_val_if_fail (institution != NULL, NULL);
  g_return_val_if_fail (unit_code != NULL, NULL);
  g_return_val_if_fail (unit_name != NULL, NULL);
  g_return_val_if_fail (year > 0, NULL);
  g_return_val_if_fail (generated_on != NULL, NULL);

  self = g_object_new (MC_TYPE_YEARLY_REPORT, NULL);
  self->institution = g_strdup (institution);
  self->unit_code = g_strdup (unit_code);
  self->unit_name = g_strdup (unit_name);
  self->year = year;
  self->generated_on = g_strdup (generated_on);
  return self;
}

const char *mc_yearly_report_get_institution  (McYearlyReport *self) { g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL); return self->institution; }
const char *mc_yearly_report_get_unit_code    (McYearlyReport *self) { g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL); return self->unit_code; }
const char *mc_yearly_report_get_unit_name    (McYearlyReport *self) { g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL); return self->unit_name; }
int         mc_yearly_report_get_year         (McYearlyReport *self) { g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), 0); return self->year; }
const char *mc_yearly_report_get_generated_on (McYearlyReport *self) { g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL); return self->generated_on; }

/**
 * mc_yearly_report_add_credential:
 * @self: a report
 * @credential: (transfer full): a credential of the unit
 *
 * Appends @credential to the credentials section.
 */
void
mc_yearly_report_add_credential (McYearlyReport     *self,
                                 McReportCredential *credential)
{
  g_return_if_fail (MC_IS_YEARLY_REPORT (self));
  g_return_if_fail (credential != NULL);

  g_ptr_array_add (self->credentials, credential);
}

/**
 * mc_yearly_report_add_annual_review:
 * @self: a report
 * @review: (transfer full): a yearly review completed in the year
 */
void
mc_yearly_report_add_annual_review (McYearlyReport       *self,
                                    McReportAnnualReview *review)
{
  g_return_if_fail (MC_IS_YEARLY_REPORT (self));
  g_return_if_fail (review != NULL);

  g_ptr_array_add (self->annual_reviews, review);
}

/**
 * mc_yearly_report_add_overdue:
 * @self: a report
 * @overdue: (transfer full): a yearly review overdue at the report date
 */
void
mc_yearly_report_add_overdue (McYearlyReport  *self,
                              McReportOverdue *overdue)
{
  g_return_if_fail (MC_IS_YEARLY_REPORT (self));
  g_return_if_fail (overdue != NULL);

  g_ptr_array_add (self->overdue, overdue);
}

/**
 * mc_yearly_report_add_decision:
 * @self: a report
 * @decision: (transfer full): a committee decision of the year
 */
void
mc_yearly_report_add_decision (McYearlyReport   *self,
                               McReportDecision *decision)
{
  g_return_if_fail (MC_IS_YEARLY_REPORT (self));
  g_return_if_fail (decision != NULL);

  g_ptr_array_add (self->decisions, decision);
}

/**
 * mc_yearly_report_get_credentials:
 * @self: a report
 *
 * Returns: (transfer none) (element-type McReportCredential): the credentials
 */
GPtrArray *
mc_yearly_report_get_credentials (McYearlyReport *self)
{
  g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL);
  return self->credentials;
}

/**
 * mc_yearly_report_get_annual_reviews:
 * @self: a report
 *
 * Returns: (transfer none) (element-type McReportAnnualReview): the yearly
 *   reviews completed in the year
 */
GPtrArray *
mc_yearly_report_get_annual_reviews (McYearlyReport *self)
{
  g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL);
  return self->annual_reviews;
}

/**
 * mc_yearly_report_get_overdue:
 * @self: a report
 *
 * Returns: (transfer none) (element-type McReportOverdue): the overdue
 *   yearly reviews
 */
GPtrArray *
mc_yearly_report_get_overdue (McYearlyReport *self)
{
  g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL);
  return self->overdue;
}

/**
 * mc_yearly_report_get_decisions:
 * @self: a report
 *
 * Returns: (transfer none) (element-type McReportDecision): the committee
 *   decisions of the year
 */
GPtrArray *
mc_yearly_report_get_decisions (McYearlyReport *self)
{
  g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL);
  return self->decisions;
}

/**
 * mc_yearly_report_count_credentials:
 * @self: a report
 * @state: a design state
 *
 * Returns: how many of the report's credentials are in @state
 */
guint
mc_yearly_report_count_credentials (McYearlyReport *self,
                                    McDesignState   state)
{
  guint n = 0;

  g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), 0);

  for (guint i = 0; i < self->credentials->len; i++)
    {
      const McReportCredential *credential = g_ptr_array_index (self->credentials, i);

      if (credential->state == state)
        n++;
    }
  return n;
}

/**
 * mc_yearly_report_set_counts:
 * @self: a report
 * @approval_reviews_completed: design (approval) reviews completed in the year
 * @designs_submitted: designs submitted for approval in the year
 */
void
mc_yearly_report_set_counts (McYearlyReport *self,
                             guint           approval_reviews_completed,
                             guint           designs_submitted)
{
  g_return_if_fail (MC_IS_YEARLY_REPORT (self));

  self->approval_reviews_completed = approval_reviews_completed;
  self->designs_submitted = designs_submitted;
}

guint
mc_yearly_report_get_approval_reviews_completed (McYearlyReport *self)
{
  g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), 0);
  return self->approval_reviews_completed;
}

guint
mc_yearly_report_get_designs_submitted (McYearlyReport *self)
{
  g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), 0);
  return self->designs_submitted;
}
