/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-verification.h"

G_BEGIN_DECLS

/* Record Recognition: the registrar grants credit for a verified incoming
 * credential, towards one of our active micro-credentials (of the units
 * they are registrar of) or a programme named in words, with the ECTS
 * recognised (at most what the credential states, when it states it),
 * the route and a note.  Recorded through McWorkflow in a worker; a
 * refusal is shown in the dialog and nothing is changed.  Properties
 * "workflow", "verification" and "credential-text" (construct-only);
 * signal ::recorded (McRecognition) before the dialog closes. */

#define MC_TYPE_RECOGNITION_DIALOG (mc_recognition_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McRecognitionDialog, mc_recognition_dialog, MC, RECOGNITION_DIALOG, AdwWindow)

McRecognitionDialog *mc_recognition_dialog_new          (McWorkflow          *workflow,
                                                         McVerification      *verification,
                                                         const char          *credential_text);
/* The micro-credentials offered, by title. */
guint        mc_recognition_dialog_get_n_designs        (McRecognitionDialog *self);
/* Chooses one of them as the drop-down does; FALSE if it is not offered. */
gboolean     mc_recognition_dialog_choose_design        (McRecognitionDialog *self,
                                                         gint64               design_id);
/* Chooses "a programme" and types its name. */
void         mc_recognition_dialog_choose_programme     (McRecognitionDialog *self,
                                                         const char          *programme);
void         mc_recognition_dialog_set_ects             (McRecognitionDialog *self,
                                                         double               ects);
double       mc_recognition_dialog_get_ects             (McRecognitionDialog *self);
/* The most that may be chosen: the credential's credits, when stated. */
double       mc_recognition_dialog_get_max_ects         (McRecognitionDialog *self);
void         mc_recognition_dialog_set_route            (McRecognitionDialog *self,
                                                         McCreditRoute        route);
void         mc_recognition_dialog_set_note             (McRecognitionDialog *self,
                                                         const char          *note);
/* Records, as the Record button does. */
void         mc_recognition_dialog_record               (McRecognitionDialog *self);
gboolean     mc_recognition_dialog_get_busy             (McRecognitionDialog *self);
/* The refusal shown, or NULL. */
const char  *mc_recognition_dialog_get_problem          (McRecognitionDialog *self);

G_END_DECLS
