/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-learner.h"

G_BEGIN_DECLS

/* A learner's result in an offering. */
typedef struct {
  gint64     id;
  gint64     offering_id;
  gint64     learner_id;
  char      *grade;
  char      *completed_on;   /* YYYY-MM-DD */
  gboolean   passed;
  /* Filled when loaded: */
  McLearner *learner;
  gint64     credential_id;  /* the learner's current credential for the offering, or 0 */
} McResult;

#define MC_TYPE_RESULT (mc_result_get_type ())
GType      mc_result_get_type (void) G_GNUC_CONST;
McResult  *mc_result_new  (void);
McResult  *mc_result_copy (const McResult *self);
void       mc_result_free (McResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McResult, mc_result_free)

/* One learner's result as an import hands it to
 * mc_workflow_record_results(), which checks it again. */
typedef struct {
  char     *student_id;
  char     *given_name;
  char     *family_name;
  char     *email;          /* NULL or "" when unknown */
  char     *date_of_birth;  /* YYYY-MM-DD, or NULL */
  char     *grade;
  char     *completed_on;   /* YYYY-MM-DD */
  gboolean  passed;
} McResultInput;

#define MC_TYPE_RESULT_INPUT (mc_result_input_get_type ())
GType           mc_result_input_get_type (void) G_GNUC_CONST;
McResultInput  *mc_result_input_new  (void);
McResultInput  *mc_result_input_copy (const McResultInput *self);
void            mc_result_input_free (McResultInput *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McResultInput, mc_result_input_free)

G_END_DECLS
