/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-credential-builder.h"
#include "mc-grading-scale.h"

G_BEGIN_DECLS

struct _McCredentialBuilder
{
  GObject              parent_instance;

  McIssuerProfile     *issuer;
  McRevision          *revision;
  char                *design_uuid;
  char                *achievement_id;

  char                *offering_code;
  char                *starts_on;
  char                *ends_on;
  McParticipationMode  mode;

  char                *learner_uuid;
  char                *full_name;
  char                *student_id;
  char                *email;

  char                *grade;
  char                *completed_on;
  char                *grade_scale;

  char                *uuid;
  char                *valid_from;
  char                *valid_until;

  char                *status_base_url;
  guint                status_index;
  gboolean             credential_schema;
};

/* A text field of the approved revision, or NULL when it is empty or the
 * design format has no such field. */
const char *_mc_credential_builder_revision_text  (McCredentialBuilder  *self,
                                                   const char           *field_id);

/* mc-credential-builder-achievement.c: the members of the achievement
 * object, written into an object the caller has begun. */
void        _mc_credential_builder_add_achievement_members (McCredentialBuilder  *self,
                                                            JsonBuilder          *builder,
                                                            McGradingScale       *scale);

/* mc-credential-builder-extensions.c: the EU elements without an Open
 * Badges property, and the JSON-LD context that defines them. */
void        _mc_credential_builder_add_context     (JsonBuilder          *builder);
void        _mc_credential_builder_add_design_extensions (McCredentialBuilder *self,
                                                          JsonBuilder         *builder);
void        _mc_credential_builder_add_offering_extensions (McCredentialBuilder *self,
                                                            JsonBuilder         *builder);

G_END_DECLS
