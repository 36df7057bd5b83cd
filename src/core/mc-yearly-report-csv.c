/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-csv-cell.h"
#include "mc-yearly-report.h"

/* The yearly report as one CSV table (RFC 4180).  All sections share the
 * columns, and the first one names the section of each row, so that a
 * spreadsheet can filter the table down to one section. */

enum {
  COL_SECTION,
  COL_DESIGN,
  COL_TYPE,
  COL_ECTS,
  COL_EQF_LEVEL,
  COL_STATE,
  COL_APPROVED_ON,
  COL_DUE_ON,
  COL_OVERDUE,
  COL_PERSON,
  COL_DATE,
  COL_OUTCOME,
  COL_REFERENCE,
  COL_ISSUES,
  COL_ACTIONS,
  COL_CONDITIONS,
  N_COLUMNS
};

static const char * const column_titles[N_COLUMNS] = {
  N_("Section"), N_("Design"), N_("Type"), N_("ECTS"), N_("EQF level"), N_("State"),
  N_("Approved on"), N_("Review due"), N_("Overdue"), N_("Reviewer or owner"), N_("Date"),
  N_("Outcome"), N_("Reference"), N_("Issues raised"), N_("Actions taken or proposed"),
  N_("Conditions"),
};

static void
append_row (GString            *out,
            const char * const *cells)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      mc_csv_append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

static const char *
yes_no (gboolean value)
{
  /* Translators: the "Overdue" column of the yearly report's CSV export. */
  return value ? C_("overdue", "yes") : C_("overdue", "no");
}

static void
append_credential (GString                  *out,
                   const McReportCredential *credential)
{
  const char *cells[N_COLUMNS] = { "credential", };
  char ects[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *eqf_level = NULL;

  g_ascii_formatd (ects, sizeof ects, "%g", credential->ects);
  if (credential->eqf_level > 0)
    eqf_level = g_strdup_printf ("%d", credential->eqf_level);

  cells[COL_DESIGN] = credential->title;
  cells[COL_TYPE] = mc_enum_label (MC_TYPE_CREDENTIAL_TYPE, credential->type);
  cells[COL_ECTS] = ects;
  cells[COL_EQF_LEVEL] = eqf_level;
  cells[COL_STATE] = mc_enum_label (MC_TYPE_DESIGN_STATE, credential->state);
  cells[COL_APPROVED_ON] = credential->approved_on;
  cells[COL_DUE_ON] = credential->review_due;
  cells[COL_OVERDUE] = yes_no (credential->overdue);
  append_row (out, cells);
}

static void
append_annual_review (GString                    *out,
                      const McReportAnnualReview *review)
{
  const char *cells[N_COLUMNS] = { "annual-review", };

  cells[COL_DESIGN] = review->design_title;
  cells[COL_PERSON] = review->reviewer;
  cells[COL_DATE] = review->completed_on;
  cells[COL_OUTCOME] = mc_enum_label (MC_TYPE_ANNUAL_OUTCOME, review->outcome);
  cells[COL_ISSUES] = review->issues;
  cells[COL_ACTIONS] = review->actions;
  append_row (out, cells);
}

static void
append_overdue (GString               *out,
                const McReportOverdue *overdue)
{
  const char *cells[N_COLUMNS] = { "overdue", };

  cells[COL_DESIGN] = overdue->design_title;
  cells[COL_PERSON] = overdue->owner;
  cells[COL_DUE_ON] = overdue->due_on;
  cells[COL_OVERDUE] = yes_no (TRUE);
  append_row (out, cells);
}

static void
append_decision (GString                *out,
                 const McReportDecision *decision)
{
  const char *cells[N_COLUMNS] = { "decision", };
  g_autofree char *conditions = g_strjoinv ("\n", decision->conditions);

  cells[COL_DESIGN] = decision->design_title;
  cells[COL_DATE] = decision->meeting_date;
  cells[COL_OUTCOME] = mc_enum_label (MC_TYPE_OUTCOME_KIND, decision->outcome);
  cells[COL_REFERENCE] = decision->reference;
  cells[COL_CONDITIONS] = conditions;
  append_row (out, cells);
}

/**
 * mc_yearly_report_to_csv:
 * @self: a report
 *
 * Writes the report as one CSV table: RFC 4180 (CRLF line ends, fields
 * with a comma, semicolon, quote or line break quoted, quotes doubled), UTF-8, a
 * header row of translated column titles, then one row per item.  The
 * first column holds "credential", "annual-review", "overdue" or
 * "decision".  Cells that a spreadsheet would take for a formula get a
 * leading apostrophe.  Conditions of a decision are one per line.
 *
 * Returns: (transfer full): the CSV text
 */
char *
mc_yearly_report_to_csv (McYearlyReport *self)
{
  GString *out = NULL;
  const char *titles[N_COLUMNS];
  GPtrArray *items;

  g_return_val_if_fail (MC_IS_YEARLY_REPORT (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < N_COLUMNS; i++)
    titles[i] = _(column_titles[i]);
  append_row (out, titles);

  items = mc_yearly_report_get_credentials (self);
  for (guint i = 0; i < items->len; i++)
    append_credential (out, g_ptr_array_index (items, i));
  items = mc_yearly_report_get_annual_reviews (self);
  for (guint i = 0; i < items->len; i++)
    append_annual_review (out, g_ptr_array_index (items, i));
  items = mc_yearly_report_get_overdue (self);
  for (guint i = 0; i < items->len; i++)
    append_overdue (out, g_ptr_array_index (items, i));
  items = mc_yearly_report_get_decisions (self);
  for (guint i = 0; i < items->len; i++)
    append_decision (out, g_ptr_array_index (items, i));

  return g_string_free (out, FALSE);
}
