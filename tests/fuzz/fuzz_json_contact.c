/* fuzz_json_contact.c: libFuzzer target for contacts from JSON: parse, apply (PUT and PATCH), validate, JSON round trip. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/contact.h"
#include "../../src/lib/arena.h"

#define TODAY "2026-06-15"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every string of a filled contact must be set. */
static void check_filled(const struct contact *c)
{
	if (!c->name || !c->company || !c->function || !c->email || !c->notes)
		abort();
	if (c->nphones < 0 || c->nphones > CONTACT_MAX_PHONES)
		abort();
	for (int i = 0; i < c->nphones; i++)
		if (!c->phones[i].number || (int)c->phones[i].kind < 0 || c->phones[i].kind >= PHONE_KIND__MAX)
			abort();
	if (memchr(c->last_verified, '\0', sizeof(c->last_verified)) == NULL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct field_errors fe, fe2;
	struct contact c, d;
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
	/* PATCH over an existing contact, then PUT */
	memset(&fe, 0, sizeof(fe));
	contact_init(&c);
	c.name = "Existing";
	contact_from_json(&c, a, in, 1, &fe);
	check_filled(&c);
	memset(&fe, 0, sizeof(fe));
	contact_from_json(&c, a, in, 0, &fe);
	check_filled(&c);
	if (fe.n < 0 || fe.n > FIELD_ERRORS_MAX)
		abort();
	contact_validate(&c, a, TODAY, &fe);
	check_filled(&c);
	out = contact_to_json(&c);
	if (!out) /* strings from JSON are valid UTF-8, so output must always work */
		abort();
	if (fe.n == 0) {
		/* a valid contact comes back unchanged through its own JSON */
		memset(&fe2, 0, sizeof(fe2));
		contact_init(&d);
		contact_from_json(&d, a, out, 0, &fe2);
		contact_validate(&d, a, TODAY, &fe2);
		if (fe2.n != 0)
			abort();
		out2 = contact_to_json(&d);
		if (!out2 || !json_equal(out, out2))
			abort();
		json_decref(out2);
	}
	json_decref(out);
	json_decref(in);
	arena_free(a);
	return 0;
}
