/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A learner, known by the student-records system's identifier. */
typedef struct {
  gint64  id;
  char   *uuid;           /* permanent: the subject id of the learner's credentials */
  char   *student_id;
  char   *given_name;
  char   *family_name;
  char   *email;          /* "" when unknown */
  char   *date_of_birth;  /* YYYY-MM-DD, or NULL */
} McLearner;

#define MC_TYPE_LEARNER (mc_learner_get_type ())
GType       mc_learner_get_type (void) G_GNUC_CONST;
McLearner  *mc_learner_new  (void);
McLearner  *mc_learner_copy (const McLearner *self);
void        mc_learner_free (McLearner *self);
/* "given family", without surrounding spaces (newly allocated). */
char       *mc_learner_dup_full_name (const McLearner *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McLearner, mc_learner_free)

G_END_DECLS
