/* export_json.c: the JSON export: the whole plan document (format "krisenfest-plan", schema 1, see docs/export-format.md). */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "../lib/banned.h"

#define EXPORT_SCHEMA 1

/* A JSON string, or null for "" / NULL. */
static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

/* The sections: the approved snapshot's, or built from the typed registers like a snapshot. New reference or NULL. */
static json_t *sections_of(const struct plan_doc *doc)
{
	json_t *snap, *s;

	if (doc->snapshot) {
		snap = json_loads(doc->snapshot, 0, NULL);
	} else {
		struct plan_snapshot_extra x = { doc->restore_tests, doc->nrestore_tests, doc->overrides,
						 doc->risk_settings };

		snap = plan_snapshot_json_full(&doc->d, doc->steps, doc->nsteps, &x);
	}
	s = json_object_get(snap, "sections");
	if (json_is_object(s))
		json_incref(s);
	else
		s = NULL;
	json_decref(snap);
	return s;
}

json_t *export_json_doc(const struct plan_doc *doc, int volatile_parts)
{
	const struct export_stamp *st = &doc->stamp;
	json_t *stamp, *sections = sections_of(doc), *root;

	stamp = json_pack("{s:b, s:o, s:o, s:o}", "draft", st->draft, "plan_version",
			  st->draft ? json_null() : json_integer(st->plan_version), "approved_at",
			  str_or_null(st->draft ? NULL : st->approved_at), "approved_by",
			  str_or_null(st->draft ? NULL : st->approved_by));
	if (stamp && volatile_parts &&
	    (json_object_set_new(stamp, "made_at", str_or_null(st->made_at)) < 0 ||
	     json_object_set_new(stamp, "hash", json_string(st->hash)) < 0)) {
		json_decref(stamp);
		stamp = NULL;
	}
	if (!stamp || !sections) {
		json_decref(stamp);
		json_decref(sections);
		return NULL;
	}
	root = json_pack("{s:s, s:i, s:{s:s}, s:o, s:o}", "format", "krisenfest-plan", "schema", EXPORT_SCHEMA,
			 "organisation", "name", doc->org_name ? doc->org_name : "", "stamp", stamp, "sections",
			 sections);
	return root;
}

enum kf_err export_json_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	json_t *j = export_json_doc(doc, 1);
	char *text;

	(void)lang;
	if (!j)
		return KF_ENOMEM;
	text = json_dumps(j, JSON_INDENT(2) | JSON_SORT_KEYS);
	json_decref(j);
	if (!text)
		return KF_ENOMEM;
	sb_adds(out, text);
	sb_addc(out, '\n');
	free(text);
	return out->failed ? KF_ENOMEM : KF_OK;
}
