/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "folder-fixture.h"

G_BEGIN_DECLS

/* What the tests of the PDFs (certificates, yearly reports) share: the
 * poppler tools (folders to write into are in folder-fixture.h). */

/* Runs the program an environment variable names (meson sets PDFINFO,
 * PDFTOTEXT, PDFFONTS, PDFTOPPM, ZBARIMG when it finds them) with the
 * NULL-terminated arguments and returns its output; NULL, with the test
 * skipped, when the build did not find the program.  A failing run fails
 * the test. */
char  *mc_test_run_tool       (const char *variable,
                               ...) G_GNUC_NULL_TERMINATED;
/* The page count pdfinfo gives, or 0 (skipped) without pdfinfo. */
guint  mc_test_pdf_pages      (const char *path);
/* Checks that @text holds each of the NULL-terminated strings. */
void   mc_test_assert_contains (const char *text,
                                ...) G_GNUC_NULL_TERMINATED;
G_END_DECLS
