/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the workflow bar says: the design's state in words, since when,
 * and what happens next, from its history, reviews and decisions. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-format.h"
#include "mc-workflow-bar-private.h"

typedef struct {
  McWorkflow *workflow;
  McStore    *store;
  McDesign   *design;
  const char *today;
  GPtrArray  *events;      /* McEvent, oldest first */
  GPtrArray  *reviews;     /* McReview of the current revision */
  GPtrArray  *decisions;   /* McDecision, oldest first */
  McDecision *decision;    /* the latest one, or NULL */
} Facts;

static void
facts_clear (Facts *f)
{
  g_clear_pointer (&f->events, g_ptr_array_unref);
  g_clear_pointer (&f->reviews, g_ptr_array_unref);
  g_clear_pointer (&f->decisions, g_ptr_array_unref);
  f->decision = NULL;
}

static GPtrArray *
list_or_empty (GPtrArray *array, GError *error, const char *what)
{
  if (array == NULL)
    {
      g_debug ("Could not list the %s: %s", what, error ? error->message : "?");
      return g_ptr_array_new ();
    }
  return array;
}

static void
facts_load (Facts *f, McWorkflow *workflow, McDesign *design)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mc_design_get_id (design);

  f->workflow = workflow;
  f->store = mc_workflow_get_store (workflow);
  f->design = design;
  f->today = mc_workflow_get_today (workflow);

  f->events = list_or_empty (mc_store_list_events (f->store, id, &error), error, "events");
  g_clear_error (&error);
  f->reviews = list_or_empty (mc_store_list_reviews (f->store, id,
                                                     mc_design_get_revision_number (design),
                                                     &error),
                              error, "reviews");
  g_clear_error (&error);
  f->decisions = list_or_empty (mc_store_list_decisions (f->store, id, &error), error,
                                "decisions");
  if (f->decisions->len > 0)
    f->decision = g_ptr_array_index (f->decisions, f->decisions->len - 1);
}

/* The latest event that led into the design's current state. */
static McEvent *
entered_state (Facts *f)
{
  int state = (int) mc_design_get_state (f->design);

  for (guint i = f->events->len; i > 0; i--)
    {
      McEvent *event = g_ptr_array_index (f->events, i - 1);

      if (event->to_state == state)
        return event;
    }
  return NULL;
}

static char *
since_date (Facts *f)
{
  McEvent *event = entered_state (f);
  char *date = NULL;

  if (event != NULL)
    date = mc_format_unix_date (event->time / G_USEC_PER_SEC, f->today);
  if (date == NULL)
    date = mc_format_unix_date (mc_design_get_modified (f->design), f->today);
  return date ? date : g_strdup ("");
}

static char *
decision_date (Facts *f)
{
  char *date = NULL;

  if (f->decision != NULL)
    date = mc_format_iso_date (f->decision->meeting_date, f->today);
  return date ? date : since_date (f);
}

static void
count_reviews (Facts *f, guint *assigned, guint *completed)
{
  *assigned = *completed = 0;
  for (guint i = 0; i < f->reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (f->reviews, i);

      if (review->state == MC_REVIEW_STATE_WITHDRAWN)
        continue;
      (*assigned)++;
      if (review->state == MC_REVIEW_STATE_COMPLETED)
        (*completed)++;
    }
}

/* "Niamh Byrne (completed), Tomás Ó Sé (in progress)" */
static char *
reviewers_detail (Facts *f)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < f->reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (f->reviews, i);
      g_autofree char *item = NULL;

      if (review->state == MC_REVIEW_STATE_WITHDRAWN)
        continue;
      /* Translators: a reviewer and the state of their review,
       * "Niamh Byrne (completed)" */
      item = g_strdup_printf (_("%s (%s)"), review->reviewer_name ? review->reviewer_name : "",
                              mc_enum_label (MC_TYPE_REVIEW_STATE, review->state));
      if (s->len > 0)
        /* Translators: separates the items of a list */
        g_string_append (s, _(", "));
      g_string_append (s, item);
    }
  if (s->len == 0)
    return NULL;
  /* Translators: %s is a list of reviewers and the state of their reviews */
  return g_strdup_printf (_("Reviewers: %s"), s->str);
}

static void
count_conditions (McDecision *decision, guint *n, guint *met)
{
  *n = *met = 0;
  for (guint i = 0; decision && decision->conditions && i < decision->conditions->len; i++)
    {
      McDecisionCondition *condition = g_ptr_array_index (decision->conditions, i);

      (*n)++;
      if (condition->met)
        (*met)++;
    }
}

/* "Meeting of 3 March, minutes QA-2026-04: …" */
static char *
decision_detail (Facts *f)
{
  g_autofree char *date = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  if (f->decision == NULL)
    return NULL;
  date = decision_date (f);
  if (f->decision->reference && *f->decision->reference)
    /* Translators: the committee meeting's date and its minutes' reference */
    g_string_printf (s, _("Committee meeting of %s, minutes %s"), date, f->decision->reference);
  else
    /* Translators: the committee meeting's date */
    g_string_printf (s, _("Committee meeting of %s"), date);
  if (f->decision->comment && *f->decision->comment)
    /* Translators: what the committee said follows the meeting */
    g_string_append_printf (s, _(": %s"), f->decision->comment);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "Reviewers left 2 comments on revision 1." */
static char *
comments_detail (Facts *f, guint revision)
{
  g_autoptr(GPtrArray) comments = NULL;
  guint n = 0;

  if (revision == 0)
    return NULL;
  comments = mc_store_list_comments (f->store, mc_design_get_id (f->design), revision, NULL);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      McComment *comment = g_ptr_array_index (comments, i);

      if (comment->parent_id == 0 && !comment->resolved)
        n++;
    }
  if (n == 0)
    return NULL;
  /* Translators: open comments of reviewers, then the revision they are on */
  return g_strdup_printf (ngettext ("Reviewers left %u open comment on revision %u.",
                                    "Reviewers left %u open comments on revision %u.", n),
                          n, revision);
}

/* Joins two optional sentences (takes both). */
static char *
join_details (char *first, char *second)
{
  char *joined;

  if (first == NULL || second == NULL)
    return first != NULL ? first : second;
  joined = g_strconcat (first, "\n", second, NULL);
  g_free (first);
  g_free (second);
  return joined;
}

static char *
event_comment (Facts *f)
{
  McEvent *event = entered_state (f);

  if (event == NULL || event->comment == NULL || *event->comment == '\0')
    return NULL;
  /* Translators: the comment given with the last change of state */
  return g_strdup_printf (_("Reason given: %s"), event->comment);
}

static char *
owner_name (Facts *f)
{
  g_autoptr(McPerson) owner = NULL;

  if (mc_design_get_owner_id (f->design) != 0)
    owner = mc_store_get_person (f->store, mc_design_get_owner_id (f->design), NULL);
  return owner ? g_strdup (mc_person_get_name (owner)) : NULL;
}

static void
describe_review (Facts *f, gboolean modification, char **status, char **detail)
{
  guint assigned = 0, completed = 0, needed = mc_workflow_get_min_reviews (f->workflow, f->design);

  count_reviews (f, &assigned, &completed);
  if (assigned == 0)
    *status = g_strdup (_("In review — no reviewers assigned yet"));
  else if (completed >= needed)
    /* Translators: completed and assigned reviews */
    *status = g_strdup_printf (ngettext ("In review — %u of %u review completed; ready for the committee’s decision",
                                         "In review — %u of %u reviews completed; ready for the committee’s decision",
                                         assigned),
                               completed, assigned);
  else
    /* Translators: completed and assigned reviews */
    *status = g_strdup_printf (ngettext ("In review — %u of %u review completed",
                                         "In review — %u of %u reviews completed", assigned),
                               completed, assigned);
  if (modification)
    {
      g_autofree char *plain = g_steal_pointer (status);

      /* Translators: %s says how far the reviews are, "In review — 1 of 2 reviews completed" */
      *status = g_strdup_printf (_("Modification: %s"), plain);
    }
  *detail = reviewers_detail (f);
}

void
_mc_workflow_bar_describe (McWorkflow  *workflow,
                           McDesign    *design,
                           char       **status,
                           char       **detail)
{
  Facts f = { 0 };
  g_autofree char *date = NULL;
  guint n = 0, met = 0;

  g_return_if_fail (MC_IS_WORKFLOW (workflow));
  g_return_if_fail (MC_IS_DESIGN (design));

  *status = NULL;
  *detail = NULL;
  facts_load (&f, workflow, design);

  switch (mc_design_get_state (design))
    {
    case MC_DESIGN_STATE_DRAFT:
      {
        g_autofree char *owner = owner_name (&f);
        guint revision = mc_design_get_revision_number (design);

        if (revision <= 1)
          *status = g_strdup (_("Draft — not submitted yet"));
        else
          /* Translators: %u is the number of the revision being drafted */
          *status = g_strdup_printf (_("Draft of revision %u — not submitted yet"), revision);
        if (owner != NULL)
          /* Translators: %s is the author of the design */
          *detail = g_strdup_printf (_("Written by %s. Submitting freezes this version and "
                                       "sends it to the QA committee."), owner);
        if (revision > 1)
          *detail = join_details (*detail, comments_detail (&f, revision - 1));
      }
      break;

    case MC_DESIGN_STATE_SUBMITTED:
      date = since_date (&f);
      /* Translators: %s is a date, "3 March" */
      *status = g_strdup_printf (_("Submitted on %s — waiting for the QA chair to assign reviewers"),
                                 date);
      break;

    case MC_DESIGN_STATE_IN_REVIEW:
      describe_review (&f, FALSE, status, detail);
      break;

    case MC_DESIGN_STATE_MODIFICATION_REVIEW:
      describe_review (&f, TRUE, status, detail);
      break;

    case MC_DESIGN_STATE_CHANGES_REQUESTED:
      date = decision_date (&f);
      /* Translators: %s is a date, "3 March" */
      *status = g_strdup_printf (_("Changes requested on %s — waiting for the author to revise it"),
                                 date);
      *detail = join_details (decision_detail (&f),
                              comments_detail (&f, mc_design_get_revision_number (design)));
      break;

    case MC_DESIGN_STATE_APPROVED:
      count_conditions (f.decision, &n, &met);
      if (n > 0)
        /* Translators: the number of conditions of the approval, then how many are met */
        *status = g_strdup_printf (ngettext ("Approved with %u condition — %u met",
                                             "Approved with %u conditions — %u met", n), n, met);
      else
        {
          date = decision_date (&f);
          /* Translators: %s is a date, "3 March" */
          *status = g_strdup_printf (_("Approved on %s — waiting to be activated"), date);
        }
      *detail = decision_detail (&f);
      break;

    case MC_DESIGN_STATE_REJECTED:
      date = decision_date (&f);
      /* Translators: %s is a date, "3 March" */
      *status = g_strdup_printf (_("Rejected on %s"), date);
      *detail = decision_detail (&f);
      break;

    case MC_DESIGN_STATE_ACTIVE:
      {
        const char *due = mc_design_get_review_due (design);

        date = mc_format_iso_date (due, f.today);
        if (date != NULL && g_strcmp0 (due, f.today) < 0)
          /* Translators: %s is a date, "14 May 2027" */
          *status = g_strdup_printf (_("Active — yearly review due %s (overdue)"), date);
        else if (date != NULL)
          /* Translators: %s is a date, "14 May 2027" */
          *status = g_strdup_printf (_("Active — yearly review due %s"), date);
        else
          *status = g_strdup (_("Active"));

        count_conditions (f.decision, &n, &met);
        if (n > met)
          /* Translators: conditions of the approval that are not met yet */
          *detail = g_strdup_printf (ngettext ("%u condition of the approval is not met yet",
                                               "%u conditions of the approval are not met yet",
                                               n - met), n - met);
      }
      break;

    case MC_DESIGN_STATE_SUSPENDED:
      date = since_date (&f);
      /* Translators: %s is a date, "3 March" */
      *status = g_strdup_printf (_("Suspended since %s — it can be reinstated or retired"), date);
      *detail = event_comment (&f);
      break;

    case MC_DESIGN_STATE_RETIRED:
      date = since_date (&f);
      /* Translators: %s is a date, "3 March" */
      *status = g_strdup_printf (_("Retired on %s"), date);
      *detail = event_comment (&f);
      break;

    case MC_DESIGN_STATE_MODIFYING:
      /* Translators: %u is the number of the revision in force */
      *status = g_strdup_printf (_("Modification in progress — revision %u stays in force until "
                                   "the change is approved"),
                                 mc_design_get_approved_revision (design));
      break;

    default:
      *status = g_strdup (mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)));
      break;
    }

  facts_clear (&f);
}
