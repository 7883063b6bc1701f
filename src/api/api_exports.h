/* api_exports.h: what the download page shares with the export API: making a sealed file on the worker pool. */
#ifndef KF_API_EXPORTS_H
#define KF_API_EXPORTS_H

#include "../export/export.h"

struct req;

/*
 * Makes kind k sealed with pass (already checked by validate_passphrase; a
 * copy in the request's arena, which the worker wipes when done) on the
 * worker pool and answers with the file as an attachment, or with the same
 * refusals as GET /exports/{kind}. 0, or -1 out of memory (nothing answered).
 */
int api_export_sealed_start(struct req *r, const struct export_kind *k, enum export_choice choice, char *pass);

#endif
