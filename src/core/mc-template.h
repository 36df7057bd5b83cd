/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-criterion.h"
#include "mc-enums.h"

G_BEGIN_DECLS

/* A review template: the criteria the QA committee reviews a design on
 * (approval), a design is reviewed on each year (annual), or a minor
 * modification is judged on.  Templates are data: the built-in ones are
 * JSON files in data/templates/, administrators edit copies, and the store
 * keeps every edit as a new version.  The file format is described in
 * docs/template-format.md.
 *
 * Properties: "id" (row id in the store, 0 while unsaved), "key" (stable
 * name, [a-z0-9-]{1,64}), "kind" (McTemplateKind), "version" (assigned by
 * the store, 0 while unsaved; not part of the file), "title",
 * "description".  The title and description getters give the text to
 * show: translated for the built-in templates, as written otherwise
 * (mc_template_to_json() writes it as stored).  ::changed is emitted after
 * any change of the content (everything but the id and version), criteria
 * included. */

#define MC_TEMPLATE_FORMAT        "io.github.microcred.review-template"
#define MC_TEMPLATE_FORMAT_VERSION 1
#define MC_TEMPLATE_MAX_BYTES     (2 * 1024 * 1024)
#define MC_TEMPLATE_MAX_CRITERIA  100
/* Characters: ids and keys, one-line titles, paragraphs. */
#define MC_TEMPLATE_MAX_ID        64
#define MC_TEMPLATE_MAX_TITLE     200
#define MC_TEMPLATE_MAX_TEXT      4000
/* An answers file (mc_template_parse_answers()). */
#define MC_TEMPLATE_MAX_ANSWERS_BYTES (1024 * 1024)

#define MC_TEMPLATE_ERROR (mc_template_error_quark ())
typedef enum {
  MC_TEMPLATE_ERROR_TOO_LARGE,
  MC_TEMPLATE_ERROR_ENCODING,
  MC_TEMPLATE_ERROR_SYNTAX,
  MC_TEMPLATE_ERROR_FORMAT,    /* not a template, or an unknown version */
  MC_TEMPLATE_ERROR_INVALID,   /* a member is missing, mistyped or breaks a rule */
} McTemplateError;
GQuark mc_template_error_quark (void);

#define MC_TYPE_TEMPLATE (mc_template_get_type ())
G_DECLARE_FINAL_TYPE (McTemplate, mc_template, MC, TEMPLATE, GObject)

McTemplate        *mc_template_new                (const char        *key,
                                                   McTemplateKind     kind,
                                                   const char        *title);
McTemplate        *mc_template_new_from_json      (const char        *data,
                                                   gssize             length,
                                                   GError           **error);
char              *mc_template_to_json            (McTemplate        *self);
GPtrArray         *mc_template_parse_answers      (McTemplate        *self,
                                                   const char        *data,
                                                   gssize             length,
                                                   GError           **error);
McTemplate        *mc_template_load_builtin       (McTemplateKind     kind,
                                                   GError           **error);
McTemplate        *mc_template_copy               (McTemplate        *self);
gboolean           mc_template_equal_content      (McTemplate        *a,
                                                   McTemplate        *b);
gboolean           mc_template_check              (McTemplate        *self,
                                                   GError           **error);

gint64             mc_template_get_id             (McTemplate        *self);
void               mc_template_set_id             (McTemplate        *self,
                                                   gint64             id);
const char        *mc_template_get_key            (McTemplate        *self);
void               mc_template_set_key            (McTemplate        *self,
                                                   const char        *key);
McTemplateKind     mc_template_get_kind           (McTemplate        *self);
void               mc_template_set_kind           (McTemplate        *self,
                                                   McTemplateKind     kind);
guint              mc_template_get_version        (McTemplate        *self);
void               mc_template_set_version        (McTemplate        *self,
                                                   guint              version);
const char        *mc_template_get_title          (McTemplate        *self);
void               mc_template_set_title          (McTemplate        *self,
                                                   const char        *title);
const char        *mc_template_get_description    (McTemplate        *self);
void               mc_template_set_description    (McTemplate        *self,
                                                   const char        *description);

guint              mc_template_get_n_criteria     (McTemplate        *self);
const McCriterion *mc_template_get_criterion      (McTemplate        *self,
                                                   guint              index);
const McCriterion *mc_template_find_criterion     (McTemplate        *self,
                                                   const char        *id,
                                                   guint             *index);
/* Editing: each returns FALSE, changing nothing, when a position is out of
 * range.  Nothing is checked here, so that an editor can pass through
 * unfinished states; mc_template_check() says what is wrong. */
gboolean           mc_template_insert_criterion   (McTemplate        *self,
                                                   guint              index,
                                                   const McCriterion *criterion);
gboolean           mc_template_remove_criterion   (McTemplate        *self,
                                                   guint              index);
gboolean           mc_template_move_criterion     (McTemplate        *self,
                                                   guint              from,
                                                   guint              to);
gboolean           mc_template_replace_criterion  (McTemplate        *self,
                                                   guint              index,
                                                   const McCriterion *criterion);

G_END_DECLS
