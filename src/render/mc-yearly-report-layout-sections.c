/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-core.h"
#include "mc-yearly-report-layout-private.h"

/* The content of the yearly report: the title, the summary, and the four
 * sections, as blocks of a McPageFlow. */

/* Labels beside the paragraphs of a yearly review. */
#define LABEL_WIDTH 96.0
#define DASH        "—"

static void
add_title (McReportBuilder *b,
           McYearlyReport  *report)
{
  g_autofree char *institution = mc_report_escape (
    mc_yearly_report_get_institution (report));
  g_autofree char *unit_name = mc_report_escape (
    mc_yearly_report_get_unit_name (report));
  g_autofree char *unit_code = mc_report_escape (
    mc_yearly_report_get_unit_code (report));
  g_autofree char *title = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *intro = NULL;

  /* Translators: the title of the yearly QA report; %d is the year. */
  title = g_strdup_printf (_("Yearly quality report %d"), mc_yearly_report_get_year (report));
  /* Translators: an academic unit's name, then its code: "School of Computing (SOC)". */
  unit = g_strdup_printf (_("%s (%s)"), unit_name, unit_code);
  intro = g_strdup_printf (_("For the Academic Programmes Committee. This report records that "
                             "the yearly reviews of the unit’s credentials took place in %d, "
                             "with the issues they raised and the steps taken or proposed, "
                             "together with the committee’s decisions of the year."),
                           mc_yearly_report_get_year (report));

  mc_report_builder_paragraph (b, &b->styles->label, MC_FLOW_BLOCK_NONE, 0, 6, institution);
  title_markup = g_markup_escape_text (title, -1);
  mc_report_builder_paragraph (b, &b->styles->title, MC_FLOW_BLOCK_NONE, 0, 2, title_markup);
  mc_page_flow_begin_block (b->flow, MC_FLOW_BLOCK_STRONG_RULE, 0, 12, 3);
  mc_page_flow_add_cell (b->flow, 0, b->width, &b->styles->subtitle, unit);
  mc_report_builder_note (b, intro);
}

static char *
tile (guint       figure,
      const char *label,
      const char *note,
      gboolean    alert)
{
  /* The figure in the text colour, or in red when it needs attention. */
  return g_markup_printf_escaped ("<span size='16384' weight='bold' foreground='%s'>%u</span>\n"
                                  "<span size='7680' foreground='" MC_REPORT_GREY "'>%s%s%s</span>",
                                  alert ? MC_REPORT_ALERT : MC_REPORT_TEXT, figure, label,
                                  note != NULL ? "\n" : "", note != NULL ? note : "");
}

static void
add_summary (McReportBuilder *b,
             McYearlyReport  *report)
{
  guint active = mc_yearly_report_count_credentials (report, MC_DESIGN_STATE_ACTIVE);
  guint suspended = mc_yearly_report_count_credentials (report, MC_DESIGN_STATE_SUSPENDED);
  guint completed = mc_yearly_report_get_annual_reviews (report)->len;
  guint overdue = mc_yearly_report_get_overdue (report)->len;
  guint decisions = mc_yearly_report_get_decisions (report)->len;
  guint approvals = mc_yearly_report_get_approval_reviews_completed (report);
  guint submitted = mc_yearly_report_get_designs_submitted (report);
  g_autofree char *suspended_note = NULL;
  char *tiles[6];
  double width = b->width / G_N_ELEMENTS (tiles);

  if (suspended > 0)
    /* Translators: under the number of active credentials in the summary. */
    suspended_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u suspended",
                                                   "and %u suspended", suspended), suspended);
  /* Translators: the key figures of the summary, under their numbers. */
  tiles[0] = tile (active, g_dngettext (GETTEXT_PACKAGE, "active credential",
                                        "active credentials", active), suspended_note, FALSE);
  tiles[1] = tile (completed, g_dngettext (GETTEXT_PACKAGE, "yearly review completed",
                                           "yearly reviews completed", completed), NULL, FALSE);
  tiles[2] = tile (overdue, g_dngettext (GETTEXT_PACKAGE, "yearly review overdue",
                                         "yearly reviews overdue", overdue), NULL, overdue > 0);
  tiles[3] = tile (decisions, g_dngettext (GETTEXT_PACKAGE, "committee decision",
                                           "committee decisions", decisions), NULL, FALSE);
  tiles[4] = tile (approvals, g_dngettext (GETTEXT_PACKAGE, "design review completed",
                                           "design reviews completed", approvals), NULL, FALSE);
  tiles[5] = tile (submitted, g_dngettext (GETTEXT_PACKAGE, "design submitted",
                                           "designs submitted", submitted), NULL, FALSE);

  mc_report_builder_heading (b, _("Summary"));
  mc_page_flow_begin_block (b->flow, MC_FLOW_BLOCK_SHADED | MC_FLOW_BLOCK_KEEP_TOGETHER,
                            0, 0, 9);
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      mc_page_flow_add_cell (b->flow, i * width + 4, width - 8, &b->styles->tile, tiles[i]);
      g_free (tiles[i]);
    }
}

static void
add_credentials (McReportBuilder *b,
                 McYearlyReport  *report)
{
  static const McReportColumn columns[] = {
    { N_("Title"), 0, FALSE },
    { N_("Type"), 108, FALSE },
    { N_("ECTS"), 26, TRUE },
    { N_("EQF"), 22, TRUE },
    { N_("Approved"), 54, FALSE },
    { N_("Next review"), 56, FALSE },
  };
  GPtrArray *credentials = mc_yearly_report_get_credentials (report);

  mc_report_builder_heading (b, _("Active credentials"));
  if (credentials->len == 0)
    {
      mc_report_builder_note (b, _("The unit has no active credential."));
      return;
    }

  mc_report_builder_table_header (b, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < credentials->len; i++)
    {
      const McReportCredential *c = g_ptr_array_index (credentials, i);
      g_autofree char *title = mc_report_escape (c->title);
      g_autofree char *type = g_markup_escape_text (mc_enum_label (MC_TYPE_CREDENTIAL_TYPE,
                                                                   c->type), -1);
      g_autofree char *ects = g_strdup_printf ("%g", c->ects);
      g_autofree char *eqf = c->eqf_level > 0 ? g_strdup_printf ("%d", c->eqf_level)
                                              : g_strdup (DASH);
      g_autofree char *approved = mc_report_date_or_dash (c->approved_on);
      g_autofree char *due = mc_report_date_or_dash (c->review_due);
      g_autofree char *state = NULL;
      g_autofree char *overdue = NULL;
      g_autofree char *title_cell = NULL;
      g_autofree char *due_cell = NULL;
      const char *cells[G_N_ELEMENTS (columns)];

      /* Suspended credentials and overdue reviews are said in words, so
       * they survive printing in black and white. */
      if (c->state != MC_DESIGN_STATE_ACTIVE)
        state = g_markup_printf_escaped ("\n<span foreground='" MC_REPORT_GREY "' "
                                         "style='italic'>%s</span>",
                                         mc_enum_label (MC_TYPE_DESIGN_STATE, c->state));
      if (c->overdue)
        overdue = g_markup_printf_escaped ("\n<span foreground='" MC_REPORT_ALERT "' "
                                           "weight='bold'>%s</span>",
                                           /* Translators: under the due date of a
                                            * credential's yearly review. */
                                           _("Overdue"));
      title_cell = g_strconcat (title, state, NULL);
      due_cell = g_strconcat (due, overdue, NULL);
      cells[0] = title_cell;
      cells[1] = type;
      cells[2] = ects;
      cells[3] = eqf;
      cells[4] = approved;
      cells[5] = due_cell;
      mc_report_builder_table_row (b, columns, G_N_ELEMENTS (columns), cells,
                                   MC_FLOW_BLOCK_RULE_BELOW);
    }
  mc_page_flow_end_table (b->flow);
}

/* A labelled paragraph of a yearly review: the label in a narrow column. */
static void
labelled (McReportBuilder  *b,
          const char       *label,
          const char       *text,
          McFlowBlockFlags  flags)
{
  g_autofree char *label_markup = g_markup_escape_text (label, -1);
  g_autofree char *text_markup = NULL;

  if (text != NULL && *text != '\0')
    text_markup = mc_report_escape (text);
  else
    text_markup = g_markup_printf_escaped ("<span foreground='" MC_REPORT_GREY "'>%s</span>",
                                           _("Nothing recorded."));

  mc_page_flow_begin_block (b->flow, flags, 0, 0, 3);
  mc_page_flow_add_cell (b->flow, 0, LABEL_WIDTH, &b->styles->label, label_markup);
  mc_page_flow_add_cell (b->flow, LABEL_WIDTH + MC_REPORT_COLUMN_GAP,
                         b->width - LABEL_WIDTH - MC_REPORT_COLUMN_GAP, &b->styles->body,
                         text_markup);
}

/* "Label value" in a line of pairs; @value is markup. */
static void
meta_pair (GString    *line,
           const char *label,
           const char *value)
{
  g_autofree char *label_markup = g_markup_escape_text (label, -1);

  if (line->len > 0)
    g_string_append (line, "     ");
  g_string_append_printf (line, "<span foreground='" MC_REPORT_GREY "'>%s</span>  %s",
                          label_markup, value);
}

static void
add_reviews (McReportBuilder *b,
             McYearlyReport  *report)
{
  GPtrArray *reviews = mc_yearly_report_get_annual_reviews (report);

  mc_report_builder_heading (b, _("Yearly reviews completed"));
  if (reviews->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No yearly review was completed in %d."),
                                               mc_yearly_report_get_year (report));

      mc_report_builder_note (b, none);
      return;
    }

  for (guint i = 0; i < reviews->len; i++)
    {
      const McReportAnnualReview *r = g_ptr_array_index (reviews, i);
      g_autofree char *title = mc_report_escape (r->design_title);
      g_autofree char *reviewer = mc_report_text_or_dash (r->reviewer);
      g_autofree char *date = mc_report_date_or_dash (r->completed_on);
      g_autofree char *outcome = g_markup_printf_escaped (
        "<b>%s</b>", mc_enum_label (MC_TYPE_ANNUAL_OUTCOME, r->outcome));
      g_autoptr(GString) meta = NULL;

      meta = g_string_new (NULL);
      /* Translators: labels of a yearly review in the yearly report. */
      meta_pair (meta, _("Reviewer"), reviewer);
      meta_pair (meta, _("Completed"), date);
      meta_pair (meta, _("Outcome"), outcome);

      mc_report_builder_paragraph (b, &b->styles->item, MC_FLOW_BLOCK_KEEP_WITH_NEXT,
                                   i > 0 ? 10 : 0, 2, title);
      mc_report_builder_paragraph (b, &b->styles->table, MC_FLOW_BLOCK_KEEP_WITH_NEXT, 0, 3,
                                   meta->str);
      labelled (b, _("Issues raised"), r->issues, MC_FLOW_BLOCK_NONE);
      labelled (b, _("Actions taken or proposed"), r->actions, MC_FLOW_BLOCK_RULE_BELOW);
    }
}

static void
add_overdue (McReportBuilder *b,
             McYearlyReport  *report)
{
  static const McReportColumn columns[] = {
    { N_("Design"), 0, FALSE },
    { N_("Responsible"), 150, FALSE },
    { N_("Due"), 66, FALSE },
    { N_("Days overdue"), 64, TRUE },
  };
  GPtrArray *overdue = mc_yearly_report_get_overdue (report);
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *today_iso = g_strconcat (mc_yearly_report_get_generated_on (report),
                                            "T00:00:00Z", NULL);

  mc_report_builder_heading (b, _("Overdue yearly reviews"));
  if (overdue->len == 0)
    {
      mc_report_builder_note (b, _("No yearly review is overdue."));
      return;
    }

  today = g_date_time_new_from_iso8601 (today_iso, NULL);
  mc_report_builder_table_header (b, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < overdue->len; i++)
    {
      const McReportOverdue *o = g_ptr_array_index (overdue, i);
      g_autofree char *title = mc_report_escape (o->design_title);
      g_autofree char *owner = mc_report_text_or_dash (o->owner);
      g_autofree char *due = mc_report_date_or_dash (o->due_on);
      g_autofree char *due_iso = g_strconcat (o->due_on != NULL ? o->due_on : "", "T00:00:00Z",
                                              NULL);
      g_autoptr(GDateTime) due_date = g_date_time_new_from_iso8601 (due_iso, NULL);
      g_autofree char *days = NULL;
      const char *cells[] = { title, owner, due, NULL };

      if (today != NULL && due_date != NULL && g_date_time_compare (due_date, today) < 0)
        {
          int n = (int) (g_date_time_difference (today, due_date) / G_TIME_SPAN_DAY);

          days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n);
        }
      cells[3] = days != NULL ? days : DASH;
      mc_report_builder_table_row (b, columns, G_N_ELEMENTS (columns), cells,
                                   MC_FLOW_BLOCK_RULE_BELOW);
    }
  mc_page_flow_end_table (b->flow);
}

static void
add_decisions (McReportBuilder *b,
               McYearlyReport  *report)
{
  static const McReportColumn columns[] = {
    { N_("Date"), 62, FALSE },
    { N_("Reference"), 72, FALSE },
    { N_("Design"), 0, FALSE },
    { N_("Outcome"), 112, FALSE },
  };
  GPtrArray *decisions = mc_yearly_report_get_decisions (report);

  mc_report_builder_heading (b, _("Decisions of the year"));
  if (decisions->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("The committee made no decision on the "
                                                 "unit’s credentials in %d."),
                                               mc_yearly_report_get_year (report));

      mc_report_builder_note (b, none);
      return;
    }

  mc_report_builder_table_header (b, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < decisions->len; i++)
    {
      const McReportDecision *d = g_ptr_array_index (decisions, i);
      g_autofree char *date = mc_report_date_or_dash (d->meeting_date);
      g_autofree char *reference = mc_report_text_or_dash (d->reference);
      g_autofree char *title = mc_report_escape (d->design_title);
      g_autofree char *outcome = g_markup_escape_text (mc_enum_label (MC_TYPE_OUTCOME_KIND,
                                                                      d->outcome), -1);
      const char *cells[] = { date, reference, title, outcome };
      gboolean has_conditions = d->conditions[0] != NULL;
      g_autoptr(GString) list = NULL;
      double x, width;

      mc_report_builder_table_row (b, columns, G_N_ELEMENTS (columns), cells,
                 has_conditions ? MC_FLOW_BLOCK_KEEP_WITH_NEXT : MC_FLOW_BLOCK_RULE_BELOW);
      if (!has_conditions)
        continue;

      /* The conditions, a bulleted list under the design and outcome. */
      list = g_string_new (NULL);
      g_string_append_printf (list, "<span foreground='" MC_REPORT_GREY "' size='7680' "
                              "weight='bold'>%s</span>", _("Conditions"));
      for (guint k = 0; d->conditions[k] != NULL; k++)
        {
          g_autofree char *condition = mc_report_escape (d->conditions[k]);

          g_string_append_printf (list, "\n•\t%s", condition);
        }
      mc_report_builder_column_place (b, columns, G_N_ELEMENTS (columns), 2, &x, &width);
      mc_page_flow_begin_block (b->flow, MC_FLOW_BLOCK_RULE_BELOW | MC_FLOW_BLOCK_KEEP_TOGETHER,
                                0, 0, MC_REPORT_ROW_PADDING);
      mc_page_flow_add_cell (b->flow, x, b->width - x, &b->styles->list, list->str);
    }
  mc_page_flow_end_table (b->flow);
}

/* Adds the report's content to the builder's flow. */
void
_mc_yearly_report_layout_fill (McReportBuilder *b,
                               McYearlyReport  *report)
{
  add_title (b, report);
  add_summary (b, report);
  add_credentials (b, report);
  add_reviews (b, report);
  add_overdue (b, report);
  add_decisions (b, report);
}
