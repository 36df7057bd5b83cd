/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folders the tests write into. */

/* A new temporary folder whose name starts with @prefix. */
char  *mc_test_make_dir       (const char *prefix);
/* Removes a test folder that must hold only the NULL-terminated files
 * named, and fails the test for anything else left behind. */
void   mc_test_remove_dir     (const char *dir,
                               ...) G_GNUC_NULL_TERMINATED;
/* Removes @path and everything below it, whatever it holds (folders made
 * read-only by a test included); symbolic links are removed, never
 * followed.  A missing @path is fine. */
void   mc_test_remove_tree    (const char *path);

G_END_DECLS
