/* fuzz_json_role.c: libFuzzer target for roles from JSON: parse, apply (PUT and PATCH), validate, JSON round trip. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/role.h"
#include "../../src/lib/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_filled(const struct role *r)
{
	if (!r->name || !r->duties || r->ndeputies < 0 || r->ndeputies > ROLE_MAX_DEPUTIES || r->primary_contact_id < 0)
		abort();
	for (int i = 0; i < r->ndeputies; i++)
		if (r->deputy_contact_ids[i] <= 0)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct field_errors fe, fe2;
	struct role r, r2;
	struct arena *a;
	json_t *in, *out, *out2;

	in = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
	if (!in)
		return 0;
	a = arena_new();
	if (!a) {
		json_decref(in);
		return 0;
	}
	memset(&fe, 0, sizeof(fe));
	role_init(&r);
	r.name = "Existing";
	role_from_json(&r, a, in, 1, &fe);
	check_filled(&r);
	memset(&fe, 0, sizeof(fe));
	role_from_json(&r, a, in, 0, &fe);
	check_filled(&r);
	role_validate(&r, a, &fe);
	check_filled(&r);
	out = role_to_json(&r);
	if (!out)
		abort();
	if (fe.n == 0) {
		/* no deputy twice, none equal to the primary */
		for (int i = 0; i < r.ndeputies; i++) {
			if (r.deputy_contact_ids[i] == r.primary_contact_id)
				abort();
			for (int j = 0; j < i; j++)
				if (r.deputy_contact_ids[i] == r.deputy_contact_ids[j])
					abort();
		}
		memset(&fe2, 0, sizeof(fe2));
		role_init(&r2);
		role_from_json(&r2, a, out, 0, &fe2);
		role_validate(&r2, a, &fe2);
		if (fe2.n != 0)
			abort();
		out2 = role_to_json(&r2);
		if (!out2 || !json_equal(out, out2))
			abort();
		json_decref(out2);
	}
	json_decref(out);
	json_decref(in);
	arena_free(a);
	return 0;
}
