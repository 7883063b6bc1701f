/* fuzz_plan_doc_json.c: libFuzzer target for the plan document from JSON (snapshot, export, import): read, then write it again. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/plan_snapshot.h"
#include "../../src/export/plan_doc_json.h"
#include "../../src/lib/arena.h"

#define TODAY "2026-06-15"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct plan_json_errors errs;
	struct plan_doc doc;
	struct arena *a;
	json_t *in;
	enum kf_err err;

	in = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
	if (!in)
		return 0;
	a = arena_new();
	if (!a) {
		json_decref(in);
		return 0;
	}
	memset(&doc, 0, sizeof(doc));
	memset(&errs, 0, sizeof(errs));
	err = plan_doc_from_json(in, a, TODAY, &doc, &errs);
	if (err == KF_EINVAL && errs.n == 0)
		abort(); /* a refusal always names what is wrong */
	if (err == KF_OK) {
		struct plan_snapshot_extra x = { doc.restore_tests, doc.nrestore_tests, doc.overrides, doc.risk_settings };
		json_t *out = plan_snapshot_json_full(&doc.d, doc.steps, doc.nsteps, &x);
		struct plan_doc again;

		if (!doc.typed || errs.n)
			abort();
		/* what was accepted and written again is accepted again */
		memset(&again, 0, sizeof(again));
		if (out && plan_doc_from_json(out, a, TODAY, &again, &errs) == KF_EINVAL)
			abort();
		json_decref(out);
	}
	for (int i = 0; i < errs.n; i++)
		if (!errs.e[i].msg || memchr(errs.e[i].path, '\0', sizeof(errs.e[i].path)) == NULL)
			abort();
	arena_free(a);
	json_decref(in);
	return 0;
}
