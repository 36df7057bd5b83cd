/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "mc-core.h"
#include "mc-certificate-content-private.h"

/* The one-line texts, kept in a table so that each setter and getter is
 * a line. */
typedef enum {
  TEXT_INSTITUTION_NAME,
  TEXT_COUNTRY,
  TEXT_LEGAL_IDENTIFIER,
  TEXT_AWARDING_BODY,
  TEXT_SIGNATORY_NAME,
  TEXT_SIGNATORY_TITLE,
  TEXT_TITLE,
  TEXT_CREDENTIAL_TYPE_LABEL,
  TEXT_LEARNER_NAME,
  TEXT_LEARNER_IDENTIFIER,
  TEXT_DATE_AWARDED,
  TEXT_VALID_UNTIL,
  TEXT_NATIONAL_FRAMEWORK,
  TEXT_GRADE,
  TEXT_CREDENTIAL_ID,
  TEXT_VERIFICATION_URL,
  N_TEXTS
} Text;

typedef struct {
  char  *heading;
  char  *paragraph;    /* NULL for a list */
  char **items;        /* NULL for a paragraph */
} Section;

struct _McCertificateContent
{
  GObject                 parent_instance;

  char                   *texts[N_TEXTS];
  GBytes                 *logo;
  double                  ects;
  int                     hours;
  int                     eqf_level;
  McCertificateWatermark  watermark;
  GPtrArray              *sections;    /* Section */
};

G_DEFINE_FINAL_TYPE (McCertificateContent, mc_certificate_content, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (McCertificateWatermark, mc_certificate_watermark,
  G_DEFINE_ENUM_VALUE (MC_CERTIFICATE_WATERMARK_NONE, "none"),
  G_DEFINE_ENUM_VALUE (MC_CERTIFICATE_WATERMARK_REVOKED, "revoked"),
  G_DEFINE_ENUM_VALUE (MC_CERTIFICATE_WATERMARK_SUPERSEDED, "superseded"),
  G_DEFINE_ENUM_VALUE (MC_CERTIFICATE_WATERMARK_SPECIMEN, "specimen"))

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->heading);
  g_free (section->paragraph);
  g_strfreev (section->items);
  g_free (section);
}

static void
mc_certificate_content_finalize (GObject *object)
{
  McCertificateContent *self = MC_CERTIFICATE_CONTENT (object);

  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_ptr_array_unref (self->sections);
  G_OBJECT_CLASS (mc_certificate_content_parent_class)->finalize (object);
}

static void
mc_certificate_content_class_init (McCertificateContentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_certificate_content_finalize;
}

static void
mc_certificate_content_init (McCertificateContent *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);
}

/**
 * mc_certificate_content_new:
 *
 * Returns: (transfer full): an empty content
 */
McCertificateContent *
mc_certificate_content_new (void)
{
  mc_core_init ();
  return g_object_new (MC_TYPE_CERTIFICATE_CONTENT, NULL);
}

static void
set_text (McCertificateContent *self,
          Text                  which,
          const char           *value)
{
  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));

  g_free (self->texts[which]);
  self->texts[which] = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static const char *
get_text (McCertificateContent *self,
          Text                  which)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), NULL);

  return self->texts[which];
}

/* The month names of certificate dates, whatever LC_TIME says, so that
 * a certificate reads in one language. */
static const char * const month_names[12] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};

/**
 * mc_certificate_content_format_date:
 * @date: a date
 *
 * Returns: (transfer full): the date written out, "12 June 2026"
 */
char *
mc_certificate_content_format_date (GDateTime *date)
{
  const char *month;

  g_return_val_if_fail (date != NULL, NULL);

  mc_core_init ();
  month = g_dpgettext2 (GETTEXT_PACKAGE, "month name",
                        month_names[g_date_time_get_month (date) - 1]);
  /* Translators: a date on a certificate: the day, the month's name and
   * the year, "12 June 2026".  Reorder with %2$s and the like. */
  return g_strdup_printf (C_("certificate date", "%1$d %2$s %3$d"),
                          g_date_time_get_day_of_month (date), month,
                          g_date_time_get_year (date));
}

/* Reads "YYYY-MM-DD", or a full ISO 8601 date and time. */
static GDateTime *
parse_date (const char  *iso_date,
            GError     **error)
{
  GDateTime *date = NULL;
  int year, month, day;
  char tail;

  if (iso_date != NULL)
    {
      if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
        date = g_date_time_new_utc (year, month, day, 0, 0, 0);
      else
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

          date = g_date_time_new_from_iso8601 (iso_date, utc);
        }
    }
  if (date == NULL)
    /* Translators: %s is what was given as a date. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("“%s” is not a date: write it as YYYY-MM-DD"),
                 iso_date != NULL ? iso_date : "");
  return date;
}

static void
set_date (McCertificateContent *self,
          Text                  which,
          GDateTime            *date)
{
  g_autofree char *text = date != NULL ? mc_certificate_content_format_date (date) : NULL;

  set_text (self, which, text);
}

static gboolean
set_date_iso (McCertificateContent  *self,
              Text                   which,
              const char            *iso_date,
              GError               **error)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  date = parse_date (iso_date, error);
  if (date == NULL)
    return FALSE;
  set_date (self, which, date);
  return TRUE;
}

void
mc_certificate_content_set_institution_name (McCertificateContent *self,
                                             const char           *name)
{
  set_text (self, TEXT_INSTITUTION_NAME, name);
}

const char *
mc_certificate_content_get_institution_name (McCertificateContent *self)
{
  return get_text (self, TEXT_INSTITUTION_NAME);
}

/**
 * mc_certificate_content_set_country:
 * @self: a content
 * @country: (nullable): the country of the institution, as shown: "Ireland"
 */
void
mc_certificate_content_set_country (McCertificateContent *self,
                                    const char           *country)
{
  set_text (self, TEXT_COUNTRY, country);
}

const char *
mc_certificate_content_get_country (McCertificateContent *self)
{
  return get_text (self, TEXT_COUNTRY);
}

/**
 * mc_certificate_content_set_legal_identifier:
 * @self: a content
 * @identifier: (nullable): the institution's registration, such as its
 *   Erasmus code or company number, printed in the footer
 */
void
mc_certificate_content_set_legal_identifier (McCertificateContent *self,
                                             const char           *identifier)
{
  set_text (self, TEXT_LEGAL_IDENTIFIER, identifier);
}

const char *
mc_certificate_content_get_legal_identifier (McCertificateContent *self)
{
  return get_text (self, TEXT_LEGAL_IDENTIFIER);
}

/**
 * mc_certificate_content_set_logo:
 * @self: a content
 * @png: (nullable): the institution's logo as a PNG file, or NULL for none
 *
 * The renderer decodes a logo once and reuses it for every content that
 * holds the same bytes.
 */
void
mc_certificate_content_set_logo (McCertificateContent *self,
                                 GBytes               *png)
{
  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));

  if (png != NULL)
    g_bytes_ref (png);
  g_clear_pointer (&self->logo, g_bytes_unref);
  self->logo = png;
}

/**
 * mc_certificate_content_get_logo:
 * @self: a content
 *
 * Returns: (transfer none) (nullable): the logo's PNG bytes
 */
GBytes *
mc_certificate_content_get_logo (McCertificateContent *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), NULL);

  return self->logo;
}

/**
 * mc_certificate_content_set_awarding_body:
 * @self: a content
 * @body: (nullable): who awards the credential when it is not the
 *   institution itself (a faculty, a consortium); NULL for the institution
 */
void
mc_certificate_content_set_awarding_body (McCertificateContent *self,
                                          const char           *body)
{
  set_text (self, TEXT_AWARDING_BODY, body);
}

const char *
mc_certificate_content_get_awarding_body (McCertificateContent *self)
{
  return get_text (self, TEXT_AWARDING_BODY);
}

void
mc_certificate_content_set_signatory_name (McCertificateContent *self,
                                           const char           *name)
{
  set_text (self, TEXT_SIGNATORY_NAME, name);
}

const char *
mc_certificate_content_get_signatory_name (McCertificateContent *self)
{
  return get_text (self, TEXT_SIGNATORY_NAME);
}

/**
 * mc_certificate_content_set_signatory_title:
 * @self: a content
 * @title: (nullable): the signatory's office: "Registrar"
 */
void
mc_certificate_content_set_signatory_title (McCertificateContent *self,
                                            const char           *title)
{
  set_text (self, TEXT_SIGNATORY_TITLE, title);
}

const char *
mc_certificate_content_get_signatory_title (McCertificateContent *self)
{
  return get_text (self, TEXT_SIGNATORY_TITLE);
}

void
mc_certificate_content_set_title (McCertificateContent *self,
                                  const char           *title)
{
  set_text (self, TEXT_TITLE, title);
}

const char *
mc_certificate_content_get_title (McCertificateContent *self)
{
  return get_text (self, TEXT_TITLE);
}

/**
 * mc_certificate_content_set_credential_type_label:
 * @self: a content
 * @label: (nullable): what kind of credential it is: "Micro-credential"
 */
void
mc_certificate_content_set_credential_type_label (McCertificateContent *self,
                                                  const char           *label)
{
  set_text (self, TEXT_CREDENTIAL_TYPE_LABEL, label);
}

const char *
mc_certificate_content_get_credential_type_label (McCertificateContent *self)
{
  return get_text (self, TEXT_CREDENTIAL_TYPE_LABEL);
}

void
mc_certificate_content_set_learner_name (McCertificateContent *self,
                                         const char           *name)
{
  set_text (self, TEXT_LEARNER_NAME, name);
}

const char *
mc_certificate_content_get_learner_name (McCertificateContent *self)
{
  return get_text (self, TEXT_LEARNER_NAME);
}

/**
 * mc_certificate_content_set_learner_identifier:
 * @self: a content
 * @identifier: (nullable): the learner's student number
 */
void
mc_certificate_content_set_learner_identifier (McCertificateContent *self,
                                               const char           *identifier)
{
  set_text (self, TEXT_LEARNER_IDENTIFIER, identifier);
}

const char *
mc_certificate_content_get_learner_identifier (McCertificateContent *self)
{
  return get_text (self, TEXT_LEARNER_IDENTIFIER);
}

/**
 * mc_certificate_content_set_date_awarded:
 * @self: a content
 * @date: (nullable): the day of the award
 *
 * Sets the date as mc_certificate_content_format_date() writes it.
 */
void
mc_certificate_content_set_date_awarded (McCertificateContent *self,
                                         GDateTime            *date)
{
  set_date (self, TEXT_DATE_AWARDED, date);
}

/**
 * mc_certificate_content_set_date_awarded_iso:
 * @self: a content
 * @iso_date: "YYYY-MM-DD", or an ISO 8601 date and time
 * @error: where to put a failure
 *
 * Returns: FALSE, with @error set in %G_IO_ERROR, when @iso_date is no date
 */
gboolean
mc_certificate_content_set_date_awarded_iso (McCertificateContent  *self,
                                             const char            *iso_date,
                                             GError               **error)
{
  return set_date_iso (self, TEXT_DATE_AWARDED, iso_date, error);
}

/**
 * mc_certificate_content_set_date_awarded_text:
 * @self: a content
 * @text: (nullable): the date as it is to be printed
 */
void
mc_certificate_content_set_date_awarded_text (McCertificateContent *self,
                                              const char           *text)
{
  set_text (self, TEXT_DATE_AWARDED, text);
}

const char *
mc_certificate_content_get_date_awarded_text (McCertificateContent *self)
{
  return get_text (self, TEXT_DATE_AWARDED);
}

/**
 * mc_certificate_content_set_valid_until:
 * @self: a content
 * @date: (nullable): the last day the credential is valid, or NULL when
 *   it does not expire
 */
void
mc_certificate_content_set_valid_until (McCertificateContent *self,
                                        GDateTime            *date)
{
  set_date (self, TEXT_VALID_UNTIL, date);
}

gboolean
mc_certificate_content_set_valid_until_iso (McCertificateContent  *self,
                                            const char            *iso_date,
                                            GError               **error)
{
  return set_date_iso (self, TEXT_VALID_UNTIL, iso_date, error);
}

void
mc_certificate_content_set_valid_until_text (McCertificateContent *self,
                                             const char           *text)
{
  set_text (self, TEXT_VALID_UNTIL, text);
}

const char *
mc_certificate_content_get_valid_until_text (McCertificateContent *self)
{
  return get_text (self, TEXT_VALID_UNTIL);
}

/**
 * mc_certificate_content_set_ects:
 * @self: a content
 * @ects: ECTS credits; 0 hides them
 */
void
mc_certificate_content_set_ects (McCertificateContent *self,
                                 double                ects)
{
  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));
  g_return_if_fail (ects >= 0);

  self->ects = ects;
}

double
mc_certificate_content_get_ects (McCertificateContent *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), 0);

  return self->ects;
}

/**
 * mc_certificate_content_set_hours:
 * @self: a content
 * @hours: notional learning hours; 0 hides them
 */
void
mc_certificate_content_set_hours (McCertificateContent *self,
                                  int                   hours)
{
  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));
  g_return_if_fail (hours >= 0);

  self->hours = hours;
}

int
mc_certificate_content_get_hours (McCertificateContent *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), 0);

  return self->hours;
}

/**
 * mc_certificate_content_set_eqf_level:
 * @self: a content
 * @level: the level of the European Qualifications Framework, 1 to 8;
 *   0 hides it
 */
void
mc_certificate_content_set_eqf_level (McCertificateContent *self,
                                      int                   level)
{
  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));
  g_return_if_fail (level >= 0 && level <= 8);

  self->eqf_level = level;
}

int
mc_certificate_content_get_eqf_level (McCertificateContent *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), 0);

  return self->eqf_level;
}

/**
 * mc_certificate_content_set_national_framework:
 * @self: a content
 * @text: (nullable): the level in the national framework, as shown:
 *   "Irish National Framework of Qualifications, level 8"
 */
void
mc_certificate_content_set_national_framework (McCertificateContent *self,
                                               const char           *text)
{
  set_text (self, TEXT_NATIONAL_FRAMEWORK, text);
}

const char *
mc_certificate_content_get_national_framework (McCertificateContent *self)
{
  return get_text (self, TEXT_NATIONAL_FRAMEWORK);
}

/**
 * mc_certificate_content_set_grade:
 * @self: a content
 * @grade: (nullable): the grade or result achieved: "Distinction", "72 %"
 */
void
mc_certificate_content_set_grade (McCertificateContent *self,
                                  const char           *grade)
{
  set_text (self, TEXT_GRADE, grade);
}

const char *
mc_certificate_content_get_grade (McCertificateContent *self)
{
  return get_text (self, TEXT_GRADE);
}

/**
 * mc_certificate_content_set_credential_id:
 * @self: a content
 * @id: (nullable): the identifier of the signed credential, "urn:uuid:…"
 */
void
mc_certificate_content_set_credential_id (McCertificateContent *self,
                                          const char           *id)
{
  set_text (self, TEXT_CREDENTIAL_ID, id);
}

const char *
mc_certificate_content_get_credential_id (McCertificateContent *self)
{
  return get_text (self, TEXT_CREDENTIAL_ID);
}

/**
 * mc_certificate_content_set_verification_url:
 * @self: a content
 * @url: (nullable): where anyone can check the credential; the QR code
 *   holds it and it is printed beneath
 */
void
mc_certificate_content_set_verification_url (McCertificateContent *self,
                                             const char           *url)
{
  set_text (self, TEXT_VERIFICATION_URL, url);
}

const char *
mc_certificate_content_get_verification_url (McCertificateContent *self)
{
  return get_text (self, TEXT_VERIFICATION_URL);
}

void
mc_certificate_content_set_watermark (McCertificateContent   *self,
                                      McCertificateWatermark  watermark)
{
  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));
  g_return_if_fail (watermark <= MC_CERTIFICATE_WATERMARK_SPECIMEN);

  self->watermark = watermark;
}

McCertificateWatermark
mc_certificate_content_get_watermark (McCertificateContent *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), MC_CERTIFICATE_WATERMARK_NONE);

  return self->watermark;
}

/**
 * mc_certificate_content_add_section:
 * @self: a content
 * @heading: the section's heading
 * @paragraph: its text; line breaks start new paragraphs
 *
 * Appends a section of text to the supplement.
 */
void
mc_certificate_content_add_section (McCertificateContent *self,
                                    const char           *heading,
                                    const char           *paragraph)
{
  Section *section;

  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (paragraph != NULL);

  section = g_new0 (Section, 1);
  section->heading = g_strdup (heading);
  section->paragraph = g_strdup (paragraph);
  g_ptr_array_add (self->sections, section);
}

/**
 * mc_certificate_content_add_list_section:
 * @self: a content
 * @heading: the section's heading
 * @items: (array zero-terminated=1): the list's items, each shown with a bullet
 *
 * Appends a bulleted list to the supplement.
 */
void
mc_certificate_content_add_list_section (McCertificateContent *self,
                                         const char           *heading,
                                         const char * const   *items)
{
  Section *section;

  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (items != NULL);

  section = g_new0 (Section, 1);
  section->heading = g_strdup (heading);
  section->items = g_strdupv ((char **) items);
  g_ptr_array_add (self->sections, section);
}

void
mc_certificate_content_clear_sections (McCertificateContent *self)
{
  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));

  g_ptr_array_set_size (self->sections, 0);
}

guint
mc_certificate_content_get_n_sections (McCertificateContent *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), 0);

  return self->sections->len;
}

static const Section *
get_section (McCertificateContent *self,
             guint                 index)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return g_ptr_array_index (self->sections, index);
}

const char *
mc_certificate_content_get_section_heading (McCertificateContent *self,
                                            guint                 index)
{
  const Section *section = get_section (self, index);

  return section != NULL ? section->heading : NULL;
}

/**
 * mc_certificate_content_get_section_paragraph:
 * @self: a content
 * @index: the section, from 0
 *
 * Returns: (nullable): the section's text, or NULL when it is a list
 */
const char *
mc_certificate_content_get_section_paragraph (McCertificateContent *self,
                                              guint                 index)
{
  const Section *section = get_section (self, index);

  return section != NULL ? section->paragraph : NULL;
}

/**
 * mc_certificate_content_get_section_items:
 * @self: a content
 * @index: the section, from 0
 *
 * Returns: (nullable) (array zero-terminated=1): the list's items, or NULL
 *   when the section is a paragraph
 */
const char * const *
mc_certificate_content_get_section_items (McCertificateContent *self,
                                          guint                 index)
{
  const Section *section = get_section (self, index);

  return section != NULL ? (const char * const *) section->items : NULL;
}

/**
 * mc_certificate_content_fill_from_revision:
 * @self: a content
 * @revision: the approved revision the credential was awarded under
 *
 * Sets the title, the type, the ECTS credits, hours and levels, and the
 * awarding body from @revision, and replaces the supplement's sections
 * with those it describes: outcomes, assessment, workload, level,
 * participation, grading, quality assurance, stackability and
 * recognition, partners, prerequisites and languages.  What is about the
 * learner (name, date, grade) is left alone.
 */
void
mc_certificate_content_fill_from_revision (McCertificateContent *self,
                                           McRevision           *revision)
{
  const char *nqf_name;
  const char *nqf_level;

  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (self));
  g_return_if_fail (MC_IS_REVISION (revision));

  set_text (self, TEXT_TITLE, mc_revision_get_title (revision));
  set_text (self, TEXT_CREDENTIAL_TYPE_LABEL,
            mc_enum_label (MC_TYPE_CREDENTIAL_TYPE, mc_revision_get_credential_type (revision)));
  self->ects = mc_revision_get_ects (revision);
  self->hours = mc_revision_get_hours (revision);
  self->eqf_level = mc_revision_get_eqf_level (revision);

  nqf_name = mc_revision_get_string (revision, "nqf_name");
  nqf_level = mc_revision_get_string (revision, "nqf_level");
  if (nqf_name != NULL && *nqf_name != '\0' && nqf_level != NULL && *nqf_level != '\0')
    {
      /* Translators: a national framework, then a level in it: "Irish
       * National Framework of Qualifications, level 8". */
      g_autofree char *framework = g_strdup_printf (_("%s, level %s"), nqf_name, nqf_level);

      set_text (self, TEXT_NATIONAL_FRAMEWORK, framework);
    }
  else
    set_text (self, TEXT_NATIONAL_FRAMEWORK, NULL);

  if (!mc_revision_field_is_empty (revision, "awarding_body"))
    set_text (self, TEXT_AWARDING_BODY, mc_revision_get_string (revision, "awarding_body"));

  mc_certificate_content_clear_sections (self);
  _mc_certificate_content_add_revision_sections (self, revision);
}
