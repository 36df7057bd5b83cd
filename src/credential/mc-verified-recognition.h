/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-recognition.h"
#include "mc-verification.h"

G_BEGIN_DECLS

/* A recognition decision prepared from what verifying a credential found,
 * for `mcred recognise` and the application alike: the credential's id,
 * issuer, learner and achievement, the ECTS it states, the verdict, the
 * credential text as presented and the whole verification
 * (mc_verification_to_json(), as text).  The caller then says what the
 * credit goes towards (design_id or programme), the ECTS recognised, the
 * route and the note, and records it with mc_workflow_recognise(), which
 * refuses a credential that did not verify completely.
 * Returns: (transfer full) */
McRecognition *mc_verified_recognition_new (McVerification *verification,
                                            const char     *credential_text);

G_END_DECLS
