/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-revision.h"

G_BEGIN_DECLS

/* Everything a certificate shows, already worded for it: the institution,
 * the credential awarded to one learner, and the sections of its
 * supplement.  The renderer only reads it, so a content may be drawn by
 * a renderer in another thread once it is filled.  Strings are UTF-8 and
 * may be NULL or empty for "not shown". */

/* A diagonal mark across every page: a preview of a withdrawn or
 * replaced credential, or a specimen that is no credential at all. */
typedef enum {
  MC_CERTIFICATE_WATERMARK_NONE,
  MC_CERTIFICATE_WATERMARK_REVOKED,
  MC_CERTIFICATE_WATERMARK_SUPERSEDED,
  MC_CERTIFICATE_WATERMARK_SPECIMEN,
} McCertificateWatermark;

#define MC_TYPE_CERTIFICATE_WATERMARK (mc_certificate_watermark_get_type ())
GType mc_certificate_watermark_get_type (void) G_GNUC_CONST;

#define MC_TYPE_CERTIFICATE_CONTENT (mc_certificate_content_get_type ())
G_DECLARE_FINAL_TYPE (McCertificateContent, mc_certificate_content,
                      MC, CERTIFICATE_CONTENT, GObject)

McCertificateContent *mc_certificate_content_new (void);

/* "12 June 2026": day, month name and year in the language of the
 * translation, whatever the date format of the reader's region. */
char       *mc_certificate_content_format_date (GDateTime *date);

/* The institution. */
void        mc_certificate_content_set_institution_name      (McCertificateContent *self,
                                                              const char           *name);
const char *mc_certificate_content_get_institution_name      (McCertificateContent *self);
void        mc_certificate_content_set_country               (McCertificateContent *self,
                                                              const char           *country);
const char *mc_certificate_content_get_country               (McCertificateContent *self);
void        mc_certificate_content_set_legal_identifier      (McCertificateContent *self,
                                                              const char           *identifier);
const char *mc_certificate_content_get_legal_identifier      (McCertificateContent *self);
void        mc_certificate_content_set_logo                  (McCertificateContent *self,
                                                              GBytes               *png);
GBytes     *mc_certificate_content_get_logo                  (McCertificateContent *self);
void        mc_certificate_content_set_awarding_body         (McCertificateContent *self,
                                                              const char           *body);
const char *mc_certificate_content_get_awarding_body         (McCertificateContent *self);
void        mc_certificate_content_set_signatory_name        (McCertificateContent *self,
                                                              const char           *name);
const char *mc_certificate_content_get_signatory_name        (McCertificateContent *self);
void        mc_certificate_content_set_signatory_title       (McCertificateContent *self,
                                                              const char           *title);
const char *mc_certificate_content_get_signatory_title       (McCertificateContent *self);

/* The credential and its holder. */
void        mc_certificate_content_set_title                 (McCertificateContent *self,
                                                              const char           *title);
const char *mc_certificate_content_get_title                 (McCertificateContent *self);
void        mc_certificate_content_set_credential_type_label (McCertificateContent *self,
                                                              const char           *label);
const char *mc_certificate_content_get_credential_type_label (McCertificateContent *self);
void        mc_certificate_content_set_learner_name          (McCertificateContent *self,
                                                              const char           *name);
const char *mc_certificate_content_get_learner_name          (McCertificateContent *self);
void        mc_certificate_content_set_learner_identifier    (McCertificateContent *self,
                                                              const char           *identifier);
const char *mc_certificate_content_get_learner_identifier    (McCertificateContent *self);
void        mc_certificate_content_set_date_awarded          (McCertificateContent *self,
                                                              GDateTime            *date);
gboolean    mc_certificate_content_set_date_awarded_iso      (McCertificateContent *self,
                                                              const char           *iso_date,
                                                              GError              **error);
void        mc_certificate_content_set_date_awarded_text     (McCertificateContent *self,
                                                              const char           *text);
const char *mc_certificate_content_get_date_awarded_text     (McCertificateContent *self);
void        mc_certificate_content_set_valid_until           (McCertificateContent *self,
                                                              GDateTime            *date);
gboolean    mc_certificate_content_set_valid_until_iso       (McCertificateContent *self,
                                                              const char           *iso_date,
                                                              GError              **error);
void        mc_certificate_content_set_valid_until_text      (McCertificateContent *self,
                                                              const char           *text);
const char *mc_certificate_content_get_valid_until_text      (McCertificateContent *self);
void        mc_certificate_content_set_ects                  (McCertificateContent *self,
                                                              double                ects);
double      mc_certificate_content_get_ects                  (McCertificateContent *self);
void        mc_certificate_content_set_hours                 (McCertificateContent *self,
                                                              int                   hours);
int         mc_certificate_content_get_hours                 (McCertificateContent *self);
void        mc_certificate_content_set_eqf_level             (McCertificateContent *self,
                                                              int                   level);
int         mc_certificate_content_get_eqf_level             (McCertificateContent *self);
void        mc_certificate_content_set_national_framework    (McCertificateContent *self,
                                                              const char           *text);
const char *mc_certificate_content_get_national_framework    (McCertificateContent *self);
void        mc_certificate_content_set_grade                 (McCertificateContent *self,
                                                              const char           *grade);
const char *mc_certificate_content_get_grade                 (McCertificateContent *self);
void        mc_certificate_content_set_credential_id         (McCertificateContent *self,
                                                              const char           *id);
const char *mc_certificate_content_get_credential_id         (McCertificateContent *self);
void        mc_certificate_content_set_verification_url      (McCertificateContent *self,
                                                              const char           *url);
const char *mc_certificate_content_get_verification_url      (McCertificateContent *self);
void        mc_certificate_content_set_watermark             (McCertificateContent   *self,
                                                              McCertificateWatermark  watermark);
McCertificateWatermark
            mc_certificate_content_get_watermark             (McCertificateContent *self);

/* The supplement: sections in order, each a paragraph or a list. */
void        mc_certificate_content_add_section               (McCertificateContent *self,
                                                              const char           *heading,
                                                              const char           *paragraph);
void        mc_certificate_content_add_list_section          (McCertificateContent *self,
                                                              const char           *heading,
                                                              const char * const   *items);
void        mc_certificate_content_clear_sections            (McCertificateContent *self);
guint       mc_certificate_content_get_n_sections            (McCertificateContent *self);
const char *mc_certificate_content_get_section_heading       (McCertificateContent *self,
                                                              guint                 index);
const char *mc_certificate_content_get_section_paragraph     (McCertificateContent *self,
                                                              guint                 index);
const char * const *
            mc_certificate_content_get_section_items         (McCertificateContent *self,
                                                              guint                 index);

/* The credential's description from a design revision: title, type,
 * workload, level, awarding body, and the supplement's sections. */
void        mc_certificate_content_fill_from_revision        (McCertificateContent *self,
                                                              McRevision           *revision);

G_END_DECLS
