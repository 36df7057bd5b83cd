/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include "mc-template.h"

G_BEGIN_DECLS

/* For mc-template-criteria.c: the criteria (McCriterion) and ::changed. */
GPtrArray  *_mc_template_get_criteria (McTemplate *self);
void        _mc_template_emit_changed (McTemplate *self);

/* The stored title and description, untranslated (what the file holds). */
const char *_mc_template_get_stored_title       (McTemplate *self);
const char *_mc_template_get_stored_description (McTemplate *self);

/* What to show for a stored text: its translation if it is one of the
 * built-in texts, the text itself otherwise ("" for NULL). */
const char *_mc_template_shown_text (const char *text);

/* Set "Review template: detail" in @code, and "Criterion N (“id”): detail"
 * (or "Criterion N: detail" when @id is NULL) in MC_TEMPLATE_ERROR_INVALID;
 * @index counts from 0, @detail is translated.  Both return FALSE. */
gboolean    _mc_template_error (GError     **error,
                                int          code,
                                const char  *detail);
gboolean    _mc_template_criterion_error (GError     **error,
                                          guint        index,
                                          const char  *id,
                                          const char  *detail);
/* TRUE if @id is 1 to MC_TEMPLATE_MAX_ID of [a-z0-9-]. */
gboolean    _mc_template_id_is_valid (const char *id);

/* The untranslated texts of the built-in templates, marked for
 * translation; NULL-terminated. */
const char * const *_mc_template_get_builtin_strings (void);

G_END_DECLS
