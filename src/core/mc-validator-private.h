/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-field.h"
#include "mc-finding.h"
#include "mc-item.h"
#include "mc-profile.h"
#include "mc-revision.h"
#include "mc-validator.h"

G_BEGIN_DECLS

/* Rules are parsed once, when a profile is loaded, into the structures
 * below; validating a revision then only walks them.  The format of the
 * JSON they come from is described in docs/profile-format.md. */

/* Parameters a check kind accepts besides "id", "severity", "check",
 * "field" and "when". */
typedef enum {
  MC_PARAM_MIN           = 1 << 0,
  MC_PARAM_MAX           = 1 << 1,
  MC_PARAM_MIN_EXCLUSIVE = 1 << 2,
  MC_PARAM_MAX_EXCLUSIVE = 1 << 3,
  MC_PARAM_VALUES        = 1 << 4,
  MC_PARAM_ITEM_FIELD    = 1 << 5,
  MC_PARAM_ALTERNATIVES  = 1 << 6,
  MC_PARAM_WARN_DAYS     = 1 << 7,
} McParam;

/* One element of a rule's "when": the rule applies only if every
 * condition holds for the revision. */
typedef struct {
  const McField  *field;
  gboolean        test_empty;   /* {"empty": bool} */
  gboolean        empty;
  gboolean        test_range;   /* {"min": x, "max": y} */
  double          min;
  double          max;
  GArray         *numbers;      /* double: enum values, booleans as 0/1, numbers */
  GStrv           strings;      /* for text fields */
} McCondition;

typedef struct _McCheckKind McCheckKind;

typedef struct {
  char               *id;
  McSeverity          severity;
  const McCheckKind  *check;
  const McField      *field;
  const McItemField  *item_field;     /* "item_field" */
  GPtrArray          *alternatives;   /* const McField *, "alternatives" */
  gboolean            has_min;
  gboolean            has_max;
  double              min;
  double              max;
  gboolean            min_exclusive;
  gboolean            max_exclusive;
  GArray             *numbers;        /* "values" of numeric, enum, boolean fields */
  GStrv               strings;        /* "values" of text fields */
  int                 warn_days;
  McCondition        *conditions;
  guint               n_conditions;
} McRule;

/* What a check sees while it runs. */
typedef struct {
  McValidator    *validator;
  McRevision     *content;
  McProfile      *profile;
  const McRule   *rule;
  GDate          *today;
  const char     *institution_name;
  const char     *institution_country;
  GPtrArray      *findings;           /* McFinding */
} McCheckContext;

typedef void (*McCheckFunc) (McCheckContext *ctx);

struct _McCheckKind
{
  const char  *name;
  McCheckFunc  func;
  guint        params;          /* McParam accepted */
  guint        required_params; /* McParam that must be given */
  /* Field kinds the rule's "field" may have (bit per McFieldKind), 0 for any. */
  guint        field_kinds;
  /* Space-separated field ids the check is written for, NULL for any. */
  const char  *fields;
  /* TRUE when at least one of "min" and "max" must be given. */
  gboolean     needs_bound;
};

#define MC_FIELD_KIND_BIT(k) (1u << (k))

const McCheckKind *_mc_check_kind_lookup        (const char *name);
const McCheckKind *_mc_check_kind_get_all       (guint *n_kinds);

/* Adds a finding for the context's rule; takes ownership of @message. */
void               _mc_check_report             (McCheckContext *ctx,
                                                 McSeverity      severity,
                                                 const char     *field,
                                                 int             item_index,
                                                 const char     *item_field,
                                                 char           *message);

/* Numeric value of a scalar field (INT, ENUM, DOUBLE, BOOLEAN, FLAGS). */
double             _mc_revision_get_number      (McRevision *content, const McField *field);
double             _mc_item_get_number          (McItem *item, const McItemField *field);
gboolean           _mc_item_field_is_empty      (McItem *item, const McItemField *field);

/* Parses a strict YYYY-MM-DD date; FALSE when it is not a real date. */
gboolean           _mc_parse_iso_date           (const char *text, GDate *date);

/* The parsed rules of a profile (transfer none). */
const McRule      *_mc_profile_get_compiled_rules (McProfile *self, guint *n_rules);

/* Names and descriptions of the built-in profiles, as marked for translation. */
const char * const *_mc_profile_get_builtin_strings (void);

G_END_DECLS
