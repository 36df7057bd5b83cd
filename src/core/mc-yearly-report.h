/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* The yearly QA report of one academic unit for the Academic Programmes
 * Committee: that the yearly reviews took place, with the issues raised and
 * the steps taken or proposed.  The store fills it; the renderer and the CSV
 * export read it.  Dates are "YYYY-MM-DD" strings, or NULL when unknown. */

/* One of the unit's active (or suspended) credentials. */
typedef struct {
  char             *title;
  McCredentialType  type;
  double            ects;
  int               eqf_level;     /* 0 when not set */
  McDesignState     state;
  char             *approved_on;
  char             *review_due;    /* next yearly review */
  gboolean          overdue;
} McReportCredential;

/* A yearly review completed in the year. */
typedef struct {
  char            *design_title;
  char            *reviewer;
  char            *completed_on;
  McAnnualOutcome  outcome;
  char            *issues;         /* what student evaluation and the review raised */
  char            *actions;        /* steps taken or proposed */
} McReportAnnualReview;

/* A yearly review overdue at the report date. */
typedef struct {
  char *design_title;
  char *owner;
  char *due_on;
} McReportOverdue;

/* A committee decision of the year. */
typedef struct {
  char           *design_title;
  char           *meeting_date;
  char           *reference;
  McOutcomeKind   outcome;
  char          **conditions;      /* NULL-terminated, never NULL */
} McReportDecision;

#define MC_TYPE_REPORT_CREDENTIAL    (mc_report_credential_get_type ())
#define MC_TYPE_REPORT_ANNUAL_REVIEW (mc_report_annual_review_get_type ())
#define MC_TYPE_REPORT_OVERDUE       (mc_report_overdue_get_type ())
#define MC_TYPE_REPORT_DECISION      (mc_report_decision_get_type ())

GType                 mc_report_credential_get_type    (void) G_GNUC_CONST;
McReportCredential   *mc_report_credential_new         (const char       *title,
                                                        McCredentialType  type,
                                                        double            ects,
                                                        int               eqf_level,
                                                        McDesignState     state,
                                                        const char       *approved_on,
                                                        const char       *review_due,
                                                        gboolean          overdue);
McReportCredential   *mc_report_credential_copy        (const McReportCredential *self);
void                  mc_report_credential_free        (McReportCredential *self);

GType                 mc_report_annual_review_get_type (void) G_GNUC_CONST;
McReportAnnualReview *mc_report_annual_review_new      (const char      *design_title,
                                                        const char      *reviewer,
                                                        const char      *completed_on,
                                                        McAnnualOutcome  outcome,
                                                        const char      *issues,
                                                        const char      *actions);
McReportAnnualReview *mc_report_annual_review_copy     (const McReportAnnualReview *self);
void                  mc_report_annual_review_free     (McReportAnnualReview *self);

GType                 mc_report_overdue_get_type       (void) G_GNUC_CONST;
McReportOverdue      *mc_report_overdue_new            (const char *design_title,
                                                        const char *owner,
                                                        const char *due_on);
McReportOverdue      *mc_report_overdue_copy           (const McReportOverdue *self);
void                  mc_report_overdue_free           (McReportOverdue *self);

GType                 mc_report_decision_get_type      (void) G_GNUC_CONST;
McReportDecision     *mc_report_decision_new           (const char         *design_title,
                                                        const char         *meeting_date,
                                                        const char         *reference,
                                                        McOutcomeKind       outcome,
                                                        const char * const *conditions);
McReportDecision     *mc_report_decision_copy          (const McReportDecision *self);
void                  mc_report_decision_free          (McReportDecision *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportCredential, mc_report_credential_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportAnnualReview, mc_report_annual_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportOverdue, mc_report_overdue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportDecision, mc_report_decision_free)

#define MC_TYPE_YEARLY_REPORT (mc_yearly_report_get_type ())
G_DECLARE_FINAL_TYPE (McYearlyReport, mc_yearly_report, MC, YEARLY_REPORT, GObject)

McYearlyReport *mc_yearly_report_new                (const char *institution,
                                                     const char *unit_code,
                                                     const char *unit_name,
                                                     int         year,
                                                     const char *generated_on);
const char     *mc_yearly_report_get_institution    (McYearlyReport *self);
const char     *mc_yearly_report_get_unit_code      (McYearlyReport *self);
const char     *mc_yearly_report_get_unit_name      (McYearlyReport *self);
int             mc_yearly_report_get_year           (McYearlyReport *self);
const char     *mc_yearly_report_get_generated_on   (McYearlyReport *self);

void            mc_yearly_report_add_credential     (McYearlyReport       *self,
                                                     McReportCredential   *credential);
void            mc_yearly_report_add_annual_review  (McYearlyReport       *self,
                                                     McReportAnnualReview *review);
void            mc_yearly_report_add_overdue        (McYearlyReport       *self,
                                                     McReportOverdue      *overdue);
void            mc_yearly_report_add_decision       (McYearlyReport       *self,
                                                     McReportDecision     *decision);
GPtrArray      *mc_yearly_report_get_credentials    (McYearlyReport *self);
GPtrArray      *mc_yearly_report_get_annual_reviews (McYearlyReport *self);
GPtrArray      *mc_yearly_report_get_overdue        (McYearlyReport *self);
GPtrArray      *mc_yearly_report_get_decisions      (McYearlyReport *self);
guint           mc_yearly_report_count_credentials  (McYearlyReport *self,
                                                     McDesignState   state);

void            mc_yearly_report_set_counts         (McYearlyReport *self,
                                                     guint           approval_reviews_completed,
                                                     guint           designs_submitted);
guint           mc_yearly_report_get_approval_reviews_completed (McYearlyReport *self);
guint           mc_yearly_report_get_designs_submitted          (McYearlyReport *self);

char           *mc_yearly_report_to_csv             (McYearlyReport *self);

G_END_DECLS
