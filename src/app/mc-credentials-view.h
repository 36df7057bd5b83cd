/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-credential-list-model.h"

G_BEGIN_DECLS

/* "Credentials": the register of issued credentials, newest first, in a
 * table (learner, student ID, credential, issued, status) that pages
 * from the database, with a search by learner, student ID, credential ID
 * or title and a status filter.  Several rows may be selected to print
 * their certificates; a row opens its credential window.  Property:
 * "workflow". */

#define MC_TYPE_CREDENTIALS_VIEW (mc_credentials_view_get_type ())
G_DECLARE_FINAL_TYPE (McCredentialsView, mc_credentials_view, MC, CREDENTIALS_VIEW, AdwBin)

McCredentialsView     *mc_credentials_view_new            (McWorkflow        *workflow);
void                   mc_credentials_view_set_workflow   (McCredentialsView *self,
                                                           McWorkflow        *workflow);
/* Reads the register again with the current search and filter. */
void                   mc_credentials_view_refresh        (McCredentialsView *self);
/* Searches for @text, as typing it into the search entry does. */
void                   mc_credentials_view_set_search     (McCredentialsView *self,
                                                           const char        *text);
/* Shows only credentials in @state (McCredentialState), or all for -1. */
void                   mc_credentials_view_set_state_filter (McCredentialsView *self,
                                                             int                state);
/* The model shown (transfer none): it changes with each search. */
McCredentialListModel *mc_credentials_view_get_model      (McCredentialsView *self);
/* TRUE while a search is being counted. */
gboolean               mc_credentials_view_get_busy       (McCredentialsView *self);
/* The multi-selection over the model (transfer none). */
GtkSelectionModel     *mc_credentials_view_get_selection  (McCredentialsView *self);
/* Name of the page shown: "loading", "list", "empty", "no-results" or "error". */
const char            *mc_credentials_view_get_page       (McCredentialsView *self);
/* The count line above the table. */
const char            *mc_credentials_view_get_count_text (McCredentialsView *self);
/* Opens the window of the credential at @position / with @id. */
void                   mc_credentials_view_open_position  (McCredentialsView *self,
                                                           guint              position);
void                   mc_credentials_view_open_credential (McCredentialsView *self,
                                                            gint64             id);
/* Prints the certificates of the selected credentials (active ones:
 * the others are left out, and the view says so). */
void                   mc_credentials_view_print_selection (McCredentialsView *self);
/* Focuses the search entry. */
void                   mc_credentials_view_focus_search   (McCredentialsView *self);

G_END_DECLS
