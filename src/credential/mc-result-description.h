/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-enums.h"

G_BEGIN_DECLS

/* A design's grading scheme and its "grades or marks" text ("A–F, pass at
 * D", "0–100 %, pass mark 40 %", "Novice, proficient, expert") read as an
 * Open Badges ResultDescription: its result type, the allowed values (best
 * first for letters), the range of marks and the pass mark.  Text that
 * cannot be read gives a description with the text as its name only. */

typedef struct _McResultScale McResultScale;

/* @id: the ResultDescription's id. */
McResultScale *mc_result_scale_new             (McGradingScheme       scheme,
                                                  const char           *text,
                                                  const char           *id);
void            mc_result_scale_free            (McResultScale       *self);

/* FALSE with MC_OB3_ERROR_SCHEMA when @grade is not on the scale or below
 * the pass mark: no credential is issued for it. */
gboolean        mc_result_scale_check_grade     (const McResultScale *self,
                                                  const char           *grade,
                                                  GError              **error);
/* One ResultDescription object, and one Result object for @grade. */
void            mc_result_scale_add_description (const McResultScale *self,
                                                  JsonBuilder          *builder);
void            mc_result_scale_add_result      (const McResultScale *self,
                                                  JsonBuilder          *builder,
                                                  const char           *grade);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McResultScale, mc_result_scale_free)

G_END_DECLS
