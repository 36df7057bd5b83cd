/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "mc-core.h"
#include "mc-render.h"
/* The boxes of the certificate page, to check that nothing collides. */
#include "mc-certificate-renderer-private.h"
#include "render-fixture.h"

#define URL "https://verify.corribtu.example/c/3f0c2a5e-8d7b-4c1e-9a6f-2b4d5e6f7a8b"
#define CREDENTIAL_ID "urn:uuid:3f0c2a5e-8d7b-4c1e-9a6f-2b4d5e6f7a8b"

/* Helpers ---------------------------------------------------------------- */

/* The first design of the demo institution, an active module. */
static McRevision *
demo_revision (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MC_SOURCE_ROOT"), "data", "demo",
                                            "demo-institution.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *design;
  McRevision *revision;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  design = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "designs"),
    0);
  revision = mc_revision_new_from_json (json_object_get_member (design, "revision"), &error);
  g_assert_no_error (error);
  return revision;
}

static GBytes *
logo_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "logo-crest.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

/* A certificate as the registrar issues it. */
static McCertificateContent *
demo_content (const char *learner)
{
  McCertificateContent *content = mc_certificate_content_new ();
  g_autoptr(McRevision) revision = demo_revision ();
  g_autoptr(GBytes) logo = logo_bytes ();
  g_autoptr(GError) error = NULL;

  mc_certificate_content_set_institution_name (content, "Corrib Technological University");
  mc_certificate_content_set_country (content, "Ireland");
  mc_certificate_content_set_legal_identifier (content, "IRL CORRIB01");
  mc_certificate_content_set_logo (content, logo);
  mc_certificate_content_set_signatory_name (content, "Ciarán Doyle");
  mc_certificate_content_set_signatory_title (content, "Registrar");
  mc_certificate_content_fill_from_revision (content, revision);
  mc_certificate_content_set_learner_name (content, learner);
  mc_certificate_content_set_learner_identifier (content, "G00412873");
  g_assert_true (mc_certificate_content_set_date_awarded_iso (content, "2026-06-12", &error));
  g_assert_no_error (error);
  mc_certificate_content_set_grade (content, "Distinction (78 %)");
  mc_certificate_content_set_credential_id (content, CREDENTIAL_ID);
  mc_certificate_content_set_verification_url (content, URL);
  return content;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
write_pdf (McCertificateRenderer *renderer,
           McCertificateContent  *content,
           McPaperSize            paper,
           const char            *dir,
           const char            *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (mc_certificate_renderer_write_pdf (renderer, content, paper, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* The text of pages @first to @last of a PDF. */
static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);

  return mc_test_run_tool ("PDFTOTEXT", "-enc", "UTF-8", "-f", f, "-l", l, path, "-", NULL);
}

/* A value of pdfinfo's output, "Pages:" → "2". */
static char *
pdf_info (const char *info,
          const char *key)
{
  g_autofree char *prefix = g_strdup_printf ("\n%s:", key);
  const char *line = strstr (info, prefix);
  const char *end;

  if (line == NULL && g_str_has_prefix (info, prefix + 1))
    line = info - 1;
  g_assert_nonnull (line);
  line += strlen (prefix);
  end = strchr (line, '\n');
  return g_strstrip (g_strndup (line, end - line));
}

/* The fonts of a PDF, one name a line, after checking that every font
 * is embedded. */
static char *
pdf_fonts (const char *path)
{
  g_autofree char *listing = mc_test_run_tool ("PDFFONTS", path, NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (listing == NULL)
    return NULL;
  lines = g_strsplit (listing, "\n", -1);
  /* A header and a rule, then: name, type, encoding, emb sub uni, object ID. */
  g_assert_true (g_str_has_prefix (lines[0], "name"));
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len == 0)
        continue;
      g_assert_cmpuint (words->len, >=, 6);
      if (!g_str_equal (g_ptr_array_index (words, words->len - 5), "yes"))
        g_error ("not embedded: %s", lines[i]);
      g_string_append_printf (names, "%s\n", (char *) g_ptr_array_index (words, 0));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* QR codes ----------------------------------------------------------------- */

/* A 7 × 7 finder pattern with its top left at @x, @y. */
static void
assert_finder (McQrCode *code,
               guint     x,
               guint     y)
{
  for (guint i = 0; i < 7; i++)
    for (guint j = 0; j < 7; j++)
      {
        gboolean ring = i == 0 || i == 6 || j == 0 || j == 6;
        gboolean centre = i >= 2 && i <= 4 && j >= 2 && j <= 4;

        g_assert_cmpint (mc_qr_code_get_module (code, x + i, y + j), ==, ring || centre);
      }
}

static void
test_qr_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQrCode) code = mc_qr_code_new (URL, &error);
  guint size;

  g_assert_no_error (error);
  /* 70 bytes need version 5 at level M (84 bytes; version 4 holds 62). */
  g_assert_cmpuint (strlen (URL), ==, 70);
  g_assert_cmpuint (mc_qr_code_get_version (code), ==, 5);
  size = mc_qr_code_get_size (code);
  g_assert_cmpuint (size, ==, 37);

  assert_finder (code, 0, 0);
  assert_finder (code, size - 7, 0);
  assert_finder (code, 0, size - 7);
  /* Timing patterns between the finders alternate, dark first. */
  for (guint i = 8; i < size - 8; i++)
    {
      g_assert_cmpint (mc_qr_code_get_module (code, i, 6), ==, i % 2 == 0);
      g_assert_cmpint (mc_qr_code_get_module (code, 6, i), ==, i % 2 == 0);
    }
  /* The dark module beside the bottom left finder. */
  g_assert_true (mc_qr_code_get_module (code, 8, size - 8));
}

static void
test_qr_draw (void)
{
  g_autoptr(McQrCode) code = mc_qr_code_new (URL, NULL);
  guint size = mc_qr_code_get_size (code);
  guint side = (size + 2 * MC_QR_CODE_QUIET_ZONE) * 3;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;

  /* Three pixels a module: every module's centre pixel is its colour. */
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  mc_qr_code_draw (code, cr, 0, 0, side);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (guint y = 0; y < size + 2 * MC_QR_CODE_QUIET_ZONE; y++)
    for (guint x = 0; x < size + 2 * MC_QR_CODE_QUIET_ZONE; x++)
      {
        guint32 pixel = *(const guint32 *) (const void *) (data + (3 * y + 1) * stride + (3 * x + 1) * 4);
        gboolean in_symbol = x >= MC_QR_CODE_QUIET_ZONE && y >= MC_QR_CODE_QUIET_ZONE &&
                             x < size + MC_QR_CODE_QUIET_ZONE && y < size + MC_QR_CODE_QUIET_ZONE;
        gboolean dark = in_symbol && mc_qr_code_get_module (code, x - MC_QR_CODE_QUIET_ZONE,
                                                            y - MC_QR_CODE_QUIET_ZONE);

        g_assert_cmphex (pixel & 0xffffff, ==, dark ? 0x000000 : 0xffffff);
      }
  cairo_surface_destroy (surface);
}

static void
test_qr_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (3000, 'x');
  g_autoptr(McQrCode) code = mc_qr_code_new (text, &error);

  g_assert_null (code);
  g_assert_error (error, MC_QR_CODE_ERROR, MC_QR_CODE_ERROR_TOO_LONG);
}

/* Paper ------------------------------------------------------------------- */

static void
test_paper_sizes (void)
{
  double width, height;

  mc_paper_size_get_points (MC_PAPER_A4, &width, &height);
  g_assert_cmpfloat (width, ==, 595);
  g_assert_cmpfloat (height, ==, 842);
  mc_paper_size_get_points (MC_PAPER_US_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

/* Content ------------------------------------------------------------------ */

static void
test_content_dates (void)
{
  g_autoptr(McCertificateContent) content = mc_certificate_content_new ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 6, 12, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = mc_certificate_content_format_date (date);

  g_assert_cmpstr (formatted, ==, "12 June 2026");
  mc_certificate_content_set_date_awarded (content, date);
  g_assert_cmpstr (mc_certificate_content_get_date_awarded_text (content), ==, "12 June 2026");

  g_assert_true (mc_certificate_content_set_valid_until_iso (content, "2029-01-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mc_certificate_content_get_valid_until_text (content), ==, "1 January 2029");
  g_assert_true (mc_certificate_content_set_valid_until_iso (content, "2029-03-04T23:00:00Z",
                                                             &error));
  g_assert_cmpstr (mc_certificate_content_get_valid_until_text (content), ==, "4 March 2029");

  g_assert_false (mc_certificate_content_set_date_awarded_iso (content, "next Tuesday", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "next Tuesday"));
  /* A failed setter leaves the old date. */
  g_assert_cmpstr (mc_certificate_content_get_date_awarded_text (content), ==, "12 June 2026");

  mc_certificate_content_set_date_awarded_text (content, "Midsummer 2026");
  g_assert_cmpstr (mc_certificate_content_get_date_awarded_text (content), ==, "Midsummer 2026");
  mc_certificate_content_set_valid_until (content, NULL);
  g_assert_null (mc_certificate_content_get_valid_until_text (content));
}

static void
test_content_sections (void)
{
  g_autoptr(McCertificateContent) content = mc_certificate_content_new ();
  const char *items[] = { "One", "Two", NULL };

  mc_certificate_content_set_title (content, "");
  g_assert_null (mc_certificate_content_get_title (content));
  mc_certificate_content_add_section (content, "Workload", "5 ECTS credits");
  mc_certificate_content_add_list_section (content, "Outcomes", items);
  g_assert_cmpuint (mc_certificate_content_get_n_sections (content), ==, 2);
  g_assert_cmpstr (mc_certificate_content_get_section_heading (content, 0), ==, "Workload");
  g_assert_cmpstr (mc_certificate_content_get_section_paragraph (content, 0), ==,
                   "5 ECTS credits");
  g_assert_null (mc_certificate_content_get_section_items (content, 0));
  g_assert_null (mc_certificate_content_get_section_paragraph (content, 1));
  g_assert_cmpstrv (mc_certificate_content_get_section_items (content, 1), items);
  mc_certificate_content_clear_sections (content);
  g_assert_cmpuint (mc_certificate_content_get_n_sections (content), ==, 0);
}

/* The section called @heading, as one string. */
static char *
section_text (McCertificateContent *content,
              const char           *heading)
{
  for (guint i = 0; i < mc_certificate_content_get_n_sections (content); i++)
    if (g_str_equal (mc_certificate_content_get_section_heading (content, i), heading))
      {
        const char *paragraph = mc_certificate_content_get_section_paragraph (content, i);

        return paragraph != NULL ? g_strdup (paragraph)
          : g_strjoinv ("\n", (char **) mc_certificate_content_get_section_items (content, i));
      }
  g_error ("no section “%s”", heading);
}

static void
test_content_from_revision (void)
{
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  const char *headings[] = { "Description", "Learning outcomes", "Assessment", "Workload",
                             "Level", "Form of participation", "Grading", "Quality assurance",
                             "Stackability and recognition", "Partners", "Prerequisites",
                             "Language", NULL };
  g_autofree char *outcomes = section_text (content, "Learning outcomes");
  g_autofree char *assessment = section_text (content, "Assessment");
  g_autofree char *workload = section_text (content, "Workload");
  g_autofree char *level = section_text (content, "Level");
  g_autofree char *quality = section_text (content, "Quality assurance");
  g_autofree char *stacking = section_text (content, "Stackability and recognition");
  g_autofree char *partners = section_text (content, "Partners");
  g_autofree char *language = section_text (content, "Language");

  g_assert_cmpstr (mc_certificate_content_get_title (content), ==,
                   "Applied Data Analytics with Python");
  g_assert_cmpstr (mc_certificate_content_get_credential_type_label (content), ==,
                   "Micro-credential module");
  g_assert_cmpfloat (mc_certificate_content_get_ects (content), ==, 5);
  g_assert_cmpint (mc_certificate_content_get_hours (content), ==, 125);
  g_assert_cmpint (mc_certificate_content_get_eqf_level (content), ==, 6);
  g_assert_cmpstr (mc_certificate_content_get_national_framework (content), ==,
                   "Irish National Framework of Qualifications, level 8");
  g_assert_cmpstr (mc_certificate_content_get_awarding_body (content), ==,
                   "Corrib Technological University");

  g_assert_cmpuint (mc_certificate_content_get_n_sections (content), ==, g_strv_length ((char **) headings));
  for (guint i = 0; headings[i] != NULL; i++)
    g_assert_cmpstr (mc_certificate_content_get_section_heading (content, i), ==, headings[i]);

  mc_test_assert_contains (outcomes, "LO1: Explain the stages of a reproducible data analysis workflow",
                   "LO4: Communicate analytical findings", NULL);
  mc_test_assert_contains (assessment, "Laboratory work, 20 % — Four weekly notebooks",
                   "(Unsupervised, no identity verification)",
                   "Presentation, 30 %", "(Supervised online or on site, with identity "
                   "verification)", NULL);
  mc_test_assert_contains (workload, "5 ECTS credits", "125 hours of notional learning", NULL);
  mc_test_assert_contains (level, "European Qualifications Framework (EQF), level 6",
                   "Irish National Framework of Qualifications, level 8",
                   "First cycle (bachelor)", NULL);
  mc_test_assert_contains (quality, "External quality assurance body: Quality and Qualifications Ireland",
                   NULL);
  mc_test_assert_contains (stacking, "Stackable",
                   "Counts towards Higher Diploma in Science in Data Analytics (Programme, 5 ECTS "
                   "credits)",
                   "Recognition routes: Credit transfer, National qualifications framework", NULL);
  mc_test_assert_contains (partners, "Westbridge Analytics Ltd (Employer): Co-design, Co-delivery, "
                   "Recognition in hiring", NULL);
  g_assert_cmpstr (language, ==, "English");

  /* Filling again replaces the sections rather than adding to them. */
  {
    g_autoptr(McRevision) revision = demo_revision ();

    mc_certificate_content_fill_from_revision (content, revision);
    g_assert_cmpuint (mc_certificate_content_get_n_sections (content), ==,
                      g_strv_length ((char **) headings));
  }
}

/* PDF ---------------------------------------------------------------------- */

static void
test_pdf_a4 (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  g_autofree char *dir = mc_test_make_dir ("mc-certificate");
  g_autofree char *path = write_pdf (renderer, content, MC_PAPER_A4, dir, "certificate.pdf");
  g_autofree char *info = mc_test_run_tool ("PDFINFO", path, NULL);
  g_autofree char *front = NULL;
  g_autofree char *supplement = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *value = NULL;

  if (info == NULL)
    goto out;
  g_assert_cmpuint (mc_certificate_renderer_get_n_pages (renderer, content, 595, 842), ==, 2);
  value = pdf_info (info, "Pages");
  g_assert_cmpstr (value, ==, "2");
  g_free (value);
  value = pdf_info (info, "Page size");
  g_assert_true (g_str_has_prefix (value, "595 x 842 pts"));
  g_free (value);
  value = pdf_info (info, "Title");
  g_assert_cmpstr (value, ==, "Applied Data Analytics with Python — Aoife Ní Bhriain");
  g_free (value);
  value = pdf_info (info, "Author");
  g_assert_cmpstr (value, ==, "Corrib Technological University");
  g_free (value);
  value = pdf_info (info, "Creator");
  g_assert_cmpstr (value, ==, "Microcred");
  g_free (value);
  value = pdf_info (info, "Keywords");
  g_assert_nonnull (strstr (value, CREDENTIAL_ID));

  front = pdf_text (path, 1, 1);
  mc_test_assert_contains (front, "Corrib Technological University", "This is to certify that",
                   "Aoife Ní Bhriain", "Applied Data Analytics with Python", "5 ECTS",
                   "125 learning hours", "EQF level 6", "Awarded on 12 June 2026",
                   "Distinction (78 %)", "Ciarán Doyle", "Registrar", CREDENTIAL_ID,
                   "G00412873", "IRL CORRIB01", NULL);
  /* The address may wrap under the QR code; its parts are all there. */
  mc_test_assert_contains (front, "https://verify.corribtu.example/c/", "2b4d5e6f7a8b", NULL);

  supplement = pdf_text (path, 2, 2);
  mc_test_assert_contains (supplement, "Certificate supplement", "Learning outcomes",
                   "Explain the stages of a reproducible data analysis workflow",
                   "Communicate analytical findings and their limitations",
                   "Quality and Qualifications Ireland", "Westbridge Analytics Ltd",
                   "Aoife Ní Bhriain", CREDENTIAL_ID, "Page 2 of 2", NULL);

  fonts = pdf_fonts (path);
  mc_test_assert_contains (fonts, "Cantarell", "DejaVuSerif", NULL);
out:
  mc_test_remove_dir (dir, "certificate.pdf", NULL);
}

static void
test_pdf_letter (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  g_autofree char *dir = mc_test_make_dir ("mc-certificate");
  g_autofree char *path = write_pdf (renderer, content, MC_PAPER_US_LETTER, dir, "letter.pdf");
  g_autofree char *info = mc_test_run_tool ("PDFINFO", path, NULL);
  g_autofree char *size = NULL;
  g_autofree char *pages = NULL;

  if (info == NULL)
    goto out;
  size = pdf_info (info, "Page size");
  g_assert_true (g_str_has_prefix (size, "612 x 792 pts"));
  pages = pdf_info (info, "Pages");
  g_assert_cmpstr (pages, ==, "2");
out:
  mc_test_remove_dir (dir, "letter.pdf", NULL);
}

/* Names in four scripts come back out of the PDF, in fonts that have
 * their glyphs, all embedded. */
static void
test_pdf_scripts (void)
{
  const struct {
    const char *name;
    const char *font;
  } learners[] = {
    { "Αικατερίνη Παπαδοπούλου", "Cantarell" },
    { "Zażółć Gęślą Jaźń", "Cantarell" },
    { "فاطمة الزهراء", "DejaVuSans" },
    { "王小明", "WenQuanYiMicroHei" },
  };
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autofree char *dir = mc_test_make_dir ("mc-certificate");

  for (guint i = 0; i < G_N_ELEMENTS (learners); i++)
    {
      g_autoptr(McCertificateContent) content = demo_content (learners[i].name);
      g_autofree char *path = write_pdf (renderer, content, MC_PAPER_A4, dir, "script.pdf");
      g_autofree char *text = pdf_text (path, 1, 2);
      g_autofree char *fonts = NULL;
      McCertificateFront front;
      const cairo_rectangle_t *box;

      /* Centred, right to left as well as left to right. */
      _mc_certificate_front_init (&front, renderer, content, 595, 842);
      box = &front.boxes[MC_FRONT_NAME];
      g_assert_cmpfloat (box->width, >, 0);
      g_assert_cmpfloat (fabs (box->x + box->width / 2 - 595 / 2.0), <, 0.5);
      g_assert_cmpint (pango_layout_get_line_count (front.layouts[MC_FRONT_NAME]), ==, 1);
      _mc_certificate_front_clear (&front);

      if (text == NULL)
        break;
      /* On the certificate, in the holder's box and in the footer. */
      if (count (text, learners[i].name) < 2)
        g_error ("“%s” is not in:\n%s", learners[i].name, text);
      fonts = pdf_fonts (path);
      if (fonts == NULL)
        break;
      mc_test_assert_contains (fonts, learners[i].font, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  mc_test_remove_dir (dir, NULL);
}

/* Ink extents of page @page drawn onto a recording surface. */
static void
page_ink (McCertificateRenderer *renderer,
          McCertificateContent  *content,
          guint                  page,
          double                 width,
          double                 height,
          cairo_rectangle_t     *ink)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  mc_certificate_renderer_draw_page (renderer, content, page, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &ink->x, &ink->y, &ink->width, &ink->height);
  cairo_surface_destroy (surface);
}

static gboolean
boxes_meet (const cairo_rectangle_t *a,
            const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Absurdly long texts wrap, shrink and end in an ellipsis; nothing
 * leaves the frame or runs into anything else. */
static void
test_long_texts (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("x");
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *unbroken = g_strnfill (300, 'W');
  McPaperSize papers[] = { MC_PAPER_A4, MC_PAPER_US_LETTER };

  while (words->len < 300)
    g_string_append (words, "Wolfeschlegelsteinhausen Bergerdorff ");
  mc_certificate_content_set_institution_name (content, words->str);
  mc_certificate_content_set_country (content, words->str);
  mc_certificate_content_set_title (content, words->str);
  mc_certificate_content_set_credential_type_label (content, words->str);
  mc_certificate_content_set_national_framework (content, words->str);
  mc_certificate_content_set_grade (content, words->str);
  mc_certificate_content_set_awarding_body (content, words->str);
  mc_certificate_content_set_valid_until_text (content, words->str);
  mc_certificate_content_set_signatory_name (content, words->str);
  mc_certificate_content_set_signatory_title (content, words->str);
  mc_certificate_content_set_learner_identifier (content, unbroken);
  mc_certificate_content_set_credential_id (content, unbroken);
  mc_certificate_content_set_legal_identifier (content, words->str);
  mc_certificate_content_set_verification_url (content, words->str);
  mc_certificate_content_set_ects (content, 180);
  mc_certificate_content_set_hours (content, 6000);
  mc_certificate_content_set_eqf_level (content, 8);

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    for (guint name = 0; name < 2; name++)
      {
        McCertificateFront front;
        cairo_rectangle_t ink;
        double width, height, inside;

        mc_paper_size_get_points (papers[p], &width, &height);
        mc_certificate_content_set_learner_name (content, name ? unbroken : words->str);

        /* The ink of both pages stays inside the frame and its margin. */
        for (guint page = 0; page < 2; page++)
          {
            page_ink (renderer, content, page, width, height, &ink);
            inside = 20;
            g_assert_cmpfloat (ink.x, >=, inside);
            g_assert_cmpfloat (ink.y, >=, inside);
            g_assert_cmpfloat (ink.x + ink.width, <=, width - inside);
            g_assert_cmpfloat (ink.y + ink.height, <=, height - inside);
          }

        /* On the certificate, every part keeps within the margins and to
         * itself. */
        _mc_certificate_front_init (&front, renderer, content, width, height);
        for (guint i = 0; i < MC_FRONT_N_PARTS; i++)
          {
            const cairo_rectangle_t *box = &front.boxes[i];

            if (box->width == 0)
              continue;
            g_assert_cmpfloat (box->x, >=, front.margin - 0.01);
            g_assert_cmpfloat (box->y, >=, front.margin - 0.01);
            g_assert_cmpfloat (box->x + box->width, <=, width - front.margin + 0.01);
            g_assert_cmpfloat (box->y + box->height, <=, height - front.margin + 0.01);
            for (guint j = i + 1; j < MC_FRONT_N_PARTS; j++)
              if (front.boxes[j].width > 0 && boxes_meet (box, &front.boxes[j]))
                g_error ("parts %u and %u of the certificate overlap", i, j);
          }
        /* The name and the title were cut, not left to run on. */
        g_assert_cmpint (pango_layout_get_line_count (front.layouts[MC_FRONT_NAME]), <=, 2);
        g_assert_cmpint (pango_layout_get_line_count (front.layouts[MC_FRONT_TITLE]), <=, 3);
        g_assert_true (pango_layout_is_ellipsized (front.layouts[MC_FRONT_NAME]));
        _mc_certificate_front_clear (&front);
      }
}

/* A supplement longer than a page continues on the next: every outcome
 * is printed once. */
static void
test_supplement_overflow (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = mc_test_make_dir ("mc-certificate");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  guint n_pages;

  for (guint i = 1; i <= 40; i++)
    g_ptr_array_add (outcomes, g_strdup_printf ("Outcome %02u: analyse a realistic data set of "
                                                "the sector and explain the findings to the "
                                                "people who have to act on them.", i));
  g_ptr_array_add (outcomes, NULL);
  mc_certificate_content_add_list_section (content, "More learning outcomes",
                                           (const char * const *) outcomes->pdata);

  n_pages = mc_certificate_renderer_get_n_pages (renderer, content, 595, 842);
  g_assert_cmpuint (n_pages, >=, 3);
  path = write_pdf (renderer, content, MC_PAPER_A4, dir, "long.pdf");
  text = pdf_text (path, 2, n_pages);
  if (text == NULL)
    goto out;
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Outcome %02u:", i);

      g_assert_cmpuint (count (text, needle), ==, 1);
    }
  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  mc_test_assert_contains (text, "Page 2 of ", last_page, NULL);
  /* Only the first page of the supplement has the holder's box. */
  g_assert_cmpuint (count (text, "Student number"), ==, 1);
out:
  mc_test_remove_dir (dir, "long.pdf", NULL);
}

/* The renderer keeps one supplement layout: a different content, or a
 * different page size, gets its own. */
static void
test_supplement_cache (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) one = demo_content ("One");
  g_autoptr(McCertificateContent) two = demo_content ("Two");
  const char *items[41];
  guint short_pages, long_pages;

  for (guint i = 0; i < 40; i++)
    items[i] = "A long outcome that takes a line or two of the supplement, to fill its pages "
               "to the end and beyond.";
  items[40] = NULL;

  short_pages = mc_certificate_renderer_get_n_pages (renderer, one, 595, 842);
  mc_certificate_content_add_list_section (two, "More", items);
  long_pages = mc_certificate_renderer_get_n_pages (renderer, two, 595, 842);
  g_assert_cmpuint (long_pages, >, short_pages);
  g_assert_cmpuint (mc_certificate_renderer_get_n_pages (renderer, one, 595, 842), ==, short_pages);
  /* A smaller page holds less. */
  g_assert_cmpuint (mc_certificate_renderer_get_n_pages (renderer, two, 400, 500), >, long_pages);
  /* A change to the content after it was laid out is seen. */
  mc_certificate_content_add_list_section (one, "More", items);
  g_assert_cmpuint (mc_certificate_renderer_get_n_pages (renderer, one, 595, 842), ==, long_pages);
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mc_test_make_dir ("mc-certificate");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "certificate.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "certificate.pdf", NULL);

  /* A folder that does not exist. */
  g_assert_false (mc_certificate_renderer_write_pdf (renderer, content, MC_PAPER_A4, missing,
                                                     &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* A folder where the file should be. */
  g_assert_false (mc_certificate_renderer_write_pdf (renderer, content, MC_PAPER_A4, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A folder that cannot be written, unless we may write anywhere. */
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  if (access (locked, W_OK) != 0)
    {
      g_assert_false (mc_certificate_renderer_write_pdf (renderer, content, MC_PAPER_A4,
                                                         in_locked, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }
  else
    g_test_message ("running as a user who may write anywhere: read-only folder not tried");
  g_assert_cmpint (g_chmod (locked, 0755), ==, 0);
  mc_test_remove_dir (locked, NULL);

  mc_test_remove_dir (dir, NULL);
}

/* A document that cannot be made leaves the old file as it was. */
static void
test_pdf_refused (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a", 6);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mc_test_make_dir ("mc-certificate");
  g_autofree char *path = write_pdf (renderer, content, MC_PAPER_A4, dir, "certificate.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *too_long = g_strnfill (3000, 'x');

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  mc_certificate_content_set_logo (content, not_png);
  g_assert_false (mc_certificate_renderer_write_pdf (renderer, content, MC_PAPER_A4, path,
                                                     &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "The institution’s logo is not a PNG image");
  g_clear_error (&error);

  mc_certificate_content_set_logo (content, NULL);
  mc_certificate_content_set_verification_url (content, too_long);
  g_assert_false (mc_certificate_renderer_write_pdf (renderer, content, MC_PAPER_A4, path,
                                                     &error));
  g_assert_error (error, MC_QR_CODE_ERROR, MC_QR_CODE_ERROR_TOO_LONG);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  mc_test_remove_dir (dir, "certificate.pdf", NULL);
}

/* A stream that fills up, as a full disk does, gives a clear error. */
static void
test_pdf_stream (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autofree guint8 *small = g_malloc (4096);
  g_autoptr(GOutputStream) full = g_memory_output_stream_new (small, 4096, NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  g_assert_true (mc_certificate_renderer_write_pdf_to_stream (renderer, content, MC_PAPER_A4,
                                                              memory, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, NULL));
  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_cmpuint (size, >, 10000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_nonnull (g_strstr_len (data + size - 32, 32, "%%EOF"));

  g_assert_false (mc_certificate_renderer_write_pdf_to_stream (renderer, content, MC_PAPER_A4,
                                                               full, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_true (g_str_has_prefix (error->message, "Could not write the PDF document: "));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (mc_certificate_renderer_write_pdf_to_stream (renderer, content, MC_PAPER_A4,
                                                               memory, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The text of a PDF in the order it was drawn, without white space: a
 * rotated word comes out letter by letter. */
static char *
pdf_letters (const char *path)
{
  g_autofree char *text = mc_test_run_tool ("PDFTOTEXT", "-enc", "UTF-8", "-raw", path, "-", NULL);
  GString *letters;

  if (text == NULL)
    return NULL;
  letters = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (letters, *p);
  return g_string_free (letters, FALSE);
}

static void
test_watermark (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  g_autofree char *dir = mc_test_make_dir ("mc-certificate");
  g_autofree char *clean = write_pdf (renderer, content, MC_PAPER_A4, dir, "clean.pdf");
  g_autofree char *marked = NULL;
  g_autofree char *text = NULL;

  mc_certificate_content_set_watermark (content, MC_CERTIFICATE_WATERMARK_REVOKED);
  marked = write_pdf (renderer, content, MC_PAPER_A4, dir, "revoked.pdf");
  text = pdf_letters (marked);
  if (text == NULL)
    goto out;
  /* Once on each page. */
  g_assert_cmpuint (count (text, "REVOKED"), ==, 2);
  g_free (text);
  text = pdf_letters (clean);
  g_assert_cmpuint (count (text, "REVOKED"), ==, 0);
out:
  mc_test_remove_dir (dir, "clean.pdf", "revoked.pdf", NULL);
}

/* The strongest check of the QR code: a reader decodes the address from
 * the printed page. */
static void
test_qr_scan (void)
{
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = demo_content ("Aoife Ní Bhriain");
  g_autofree char *dir = mc_test_make_dir ("mc-certificate");
  g_autofree char *path = write_pdf (renderer, content, MC_PAPER_A4, dir, "certificate.pdf");
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page-1.png", NULL);
  g_autofree char *converted = NULL;
  g_autofree char *decoded = NULL;

  converted = mc_test_run_tool ("PDFTOPPM", "-r", "150", "-f", "1", "-l", "1", "-png", path, prefix,
                        NULL);
  if (converted == NULL)
    goto out;
  decoded = mc_test_run_tool ("ZBARIMG", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png, NULL);
  if (decoded == NULL)
    goto out;
  g_assert_cmpstr (g_strstrip (decoded), ==, URL);
out:
  mc_test_remove_dir (dir, "certificate.pdf", "page-1.png", NULL);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/render/qr-code/matrix", test_qr_matrix);
  g_test_add_func ("/render/qr-code/draw", test_qr_draw);
  g_test_add_func ("/render/qr-code/too-long", test_qr_too_long);
  g_test_add_func ("/render/qr-code/scan", test_qr_scan);
  g_test_add_func ("/render/paper-sizes", test_paper_sizes);
  g_test_add_func ("/render/certificate/content/dates", test_content_dates);
  g_test_add_func ("/render/certificate/content/sections", test_content_sections);
  g_test_add_func ("/render/certificate/content/from-revision", test_content_from_revision);
  g_test_add_func ("/render/certificate/pdf/a4", test_pdf_a4);
  g_test_add_func ("/render/certificate/pdf/letter", test_pdf_letter);
  g_test_add_func ("/render/certificate/pdf/scripts", test_pdf_scripts);
  g_test_add_func ("/render/certificate/pdf/unwritable", test_pdf_unwritable);
  g_test_add_func ("/render/certificate/pdf/refused", test_pdf_refused);
  g_test_add_func ("/render/certificate/pdf/stream", test_pdf_stream);
  g_test_add_func ("/render/certificate/long-texts", test_long_texts);
  g_test_add_func ("/render/certificate/supplement/overflow", test_supplement_overflow);
  g_test_add_func ("/render/certificate/supplement/cache", test_supplement_cache);
  g_test_add_func ("/render/certificate/watermark", test_watermark);

  return g_test_run ();
}
