/* handbook_render.c: test and bench tool: renders the Notfallhandbuch of an organisation (or of a generated large plan) to a PDF file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../../src/export/export.h"
#include "../../src/export/handbook_pdf.h"
#include "../../src/export/pdf_text.h"
#include "../../src/export/plan_doc.h"
#include "../../src/core/bia.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/i18n.h"
#include "../../src/lib/secret.h"
#include "../../src/store/store.h"
#include "../../src/lib/banned.h"

/*
 * usage: handbook_render [--lang de|en] [--approved] DBFILE ORGID OUT.pdf
 *        handbook_render [--lang de|en] --large SYSTEMS RISKS CONTACTS STEPS OUT.pdf
 *        handbook_render --json --large SYSTEMS RISKS CONTACTS STEPS OUT.json
 *
 * Prints "ms N" (render time, wall clock), "cpu_ms N" (CPU time), "pages N", "bytes N" and one line per chapter:
 * "chapter NUMBER PAGE TITLE". --approved prints the stamp of an approved
 * version 7 instead of the draft. --large renders a generated plan (the
 * renderer is pure, so the plan is built in memory, not in a database).
 * --json writes the plan's JSON export instead (for bench/import.sh).
 */

static double now_ms(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* A numbered name in the arena (a macro, so the format stays a literal). */
#define dup(a, f, i) arena_printf((a), f, (i))

/* A believable large plan in the arena: systems in layers, risks, contacts, one runbook per system. */
static int large_plan(struct arena *a, struct plan_doc *doc, int nsys, int nrisks, int ncontacts, int nsteps)
{
	struct system *sys = ARENA_NEW(a, struct system, (size_t)nsys + 1);
	struct risk *risks = ARENA_NEW(a, struct risk, (size_t)nrisks + 1);
	struct contact *contacts = ARENA_NEW(a, struct contact, (size_t)ncontacts + 1);
	struct runbook *rbs = ARENA_NEW(a, struct runbook, (size_t)nsys + 1);
	struct process *procs = ARENA_NEW(a, struct process, 41);
	struct role *roles = ARENA_NEW(a, struct role, 6);
	struct recovery_overrides *ov = ARENA_NEW(a, struct recovery_overrides, 1);
	struct risk_settings *rs = ARENA_NEW(a, struct risk_settings, 1);
	int nprocs = 40, left = nsteps;

	if (!sys || !risks || !contacts || !rbs || !procs || !roles || !ov || !rs)
		return -1;
	memset(doc, 0, sizeof(*doc));
	for (int i = 0; i < ncontacts; i++) {
		struct contact *c = &contacts[i];

		contact_init(c);
		c->id = i + 1;
		c->name = dup(a, "Mitarbeiterin Nummer %d Müller-Lüdenscheidt", i + 1);
		c->function = i % 3 ? "Sachbearbeitung Auftragsabwicklung" : "Werkstattleitung";
		c->company = i % 5 == 0 ? "Systemhaus Beispiel GmbH & Co. KG" : "";
		c->external = i % 5 == 0;
		c->email = dup(a, "person%d@example.com", i + 1);
		c->nphones = 2;
		c->phones[0] = (struct phone){ PHONE_MOBILE, "0171 3920000" };
		c->phones[1] = (struct phone){ PHONE_OFFICE, "089 99998 123" };
		c->notes = "";
	}
	for (int i = 0; i < 5; i++) {
		role_init(&roles[i]);
		roles[i].id = i + 1;
		roles[i].name = dup(a, "Notfallrolle %d", i + 1);
		roles[i].duties = "Entscheidet über die Ausrufung des Notfalls und informiert die Geschäftsführung.";
		roles[i].primary_contact_id = i + 1;
		roles[i].ndeputies = 2;
		roles[i].deputy_contact_ids[0] = i + 6;
		roles[i].deputy_contact_ids[1] = i + 11;
	}
	for (int i = 0; i < nsys; i++) {
		struct system *s = &sys[i];

		system_init(s);
		s->id = i + 1;
		s->name = dup(a, "Anwendungsserver Warenwirtschaft %d", i + 1);
		s->type = (enum system_type)(i % SYSTEM_TYPE__MAX);
		s->location = "Serverraum";
		s->notes = "";
		s->rto_hours = 4 + i % 48;
		s->rpo_hours = 24;
		/* layers of ten: each system needs two of the layer below */
		if (i >= 10) {
			s->ndeps = 2;
			s->depends_on_ids[0] = (i / 10 - 1) * 10 + i % 10 + 1;
			s->depends_on_ids[1] = (i / 10 - 1) * 10 + (i + 3) % 10 + 1;
		}
	}
	for (int i = 0; i < nprocs; i++) {
		process_init(&procs[i]);
		procs[i].id = i + 1;
		procs[i].name = dup(a, "Geschäftsprozess Auftragsannahme und Rechnungsstellung %d", i + 1);
		procs[i].description = "";
		procs[i].critical_periods = "";
		procs[i].cost_per_hour = 500 + 37 * i;
		procs[i].rto_hours = 4 + i;
		procs[i].mtpd_hours = 24 + i;
		procs[i].responsible_contact_id = i % ncontacts + 1;
		procs[i].nsystems = 3;
		for (int k = 0; k < 3; k++)
			procs[i].system_ids[k] = (i * 5 + k * 7) % nsys + 1;
	}
	if (bia_compute(sys, (size_t)nsys, procs, (size_t)nprocs) < 0)
		return -1;
	for (int i = 0; i < nrisks; i++) {
		struct risk *k = &risks[i];

		risk_init(k);
		k->id = i + 1;
		k->title = dup(a, "Ausfall der Stromversorgung im Serverraum durch Überlastung %d", i + 1);
		k->category = (enum risk_category)(i % RISK_CAT__MAX);
		k->likelihood = i % 5 + 1;
		k->impact = (i / 5) % 5 + 1;
		k->owner_contact_id = i % ncontacts + 1;
		k->immediate_actions = i % 10 ? "" : "Server geordnet herunterfahren, **USV** prüfen, IT-Partner anrufen.";
	}
	for (int i = 0; i < nsys; i++) {
		struct runbook *rb = &rbs[i];
		int n = left / (nsys - i);

		runbook_init(rb);
		rb->id = i + 1;
		rb->system_id = i + 1;
		rb->responsible_role_id = i % 5 + 1;
		rb->prerequisites = "Zugang zum Serverraum, Administratorkennwort aus dem Tresor.";
		rb->checks = "Anmeldung an der Anwendung funktioniert; letzte Buchung ist sichtbar.";
		if (n > RUNBOOK_MAX_STEPS)
			n = RUNBOOK_MAX_STEPS;
		rb->nsteps = n;
		for (int k = 0; k < n; k++) {
			rb->steps[k].text = dup(a,
						"Dienst **Datenbank** auf dem Host starten und im Ereignisprotokoll prüfen, "
						"dass keine Fehler gemeldet werden (Schritt %d).",
						k + 1);
			rb->steps[k].minutes = 5 + k % 20;
		}
		left -= n;
	}
	recovery_overrides_init(ov);
	risk_settings_init(rs);
	doc->org_id = 1;
	doc->org_name = "Großbetrieb Beispiel GmbH";
	doc->base_url = "";
	doc->stamp = (struct export_stamp){ .draft = 1, .approved_at = "", .approved_by = "",
					    .made_at = "2026-11-29 10:00", .hash = "0123456789ab" };
	doc->d.today = "2026-11-29";
	doc->d.systems = sys;
	doc->d.nsystems = (size_t)nsys;
	doc->d.risks = risks;
	doc->d.nrisks = (size_t)nrisks;
	doc->d.contacts = contacts;
	doc->d.ncontacts = (size_t)ncontacts;
	doc->d.roles = roles;
	doc->d.nroles = 5;
	doc->d.processes = procs;
	doc->d.nprocesses = (size_t)nprocs;
	doc->d.runbooks = rbs;
	doc->d.nrunbooks = (size_t)nsys;
	doc->overrides = ov;
	doc->risk_settings = rs;
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: handbook_render [--lang de|en] [--approved] DBFILE ORGID OUT.pdf\n"
			"       handbook_render [--lang de|en] --large SYSTEMS RISKS CONTACTS STEPS OUT.pdf\n"
			"       handbook_render --json --large SYSTEMS RISKS CONTACTS STEPS OUT.json\n");
	return 2;
}

int main(int argc, char **argv)
{
	enum kf_lang lang = KF_LANG_DE;
	struct store *store = NULL;
	struct store_conn *conn = NULL;
	struct arena *a = NULL;
	struct handbook_layout lay;
	struct plan_doc doc;
	struct strbuf out;
	const char *path;
	int approved = 0, large = 0, json = 0, rc = 1, i = 1;
	enum kf_err err;
	double t0, c0;
	FILE *f;

	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = strcmp(argv[++i], "en") == 0 ? KF_LANG_EN : KF_LANG_DE;
		else if (strcmp(argv[i], "--approved") == 0)
			approved = 1;
		else if (strcmp(argv[i], "--large") == 0)
			large = 1;
		else if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else
			return usage();
	}
	if (argc - i != (large ? 5 : 3))
		return usage();
	if (kf_secret_init() < 0 || i18n_init() < 0 || !(a = arena_new()))
		return 1;
	sb_init(&out, (size_t)256 << 20);
	if (large) {
		if (large_plan(a, &doc, (int)strtol(argv[i], NULL, 10), (int)strtol(argv[i + 1], NULL, 10),
			       (int)strtol(argv[i + 2], NULL, 10), (int)strtol(argv[i + 3], NULL, 10)) < 0) {
			fprintf(stderr, "handbook_render: out of memory\n");
			goto out;
		}
		path = argv[i + 4];
	} else {
		if (store_open(argv[i], &store) != KF_OK || !(conn = store_conn_get(store))) {
			fprintf(stderr, "handbook_render: cannot open %s\n", argv[i]);
			goto out;
		}
		err = plan_doc_load_working(conn, a, strtoll(argv[i + 1], NULL, 10), NULL, &doc);
		if (err) {
			fprintf(stderr, "handbook_render: loading the plan: %s\n", kf_strerror(err));
			goto out;
		}
		path = argv[i + 2];
		if (approved) {
			doc.stamp.draft = 0;
			doc.stamp.plan_version = 7;
			doc.stamp.approved_at = "2026-11-20";
			doc.stamp.approved_by = "Erika Mustermann";
		}
		memcpy(doc.stamp.hash, "5f3a9c0e21d7", 13);
	}
	t0 = now_ms(CLOCK_MONOTONIC);
	c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
	if (json) {
		err = export_json_render(&doc, lang, &out);
		memset(&lay, 0, sizeof(lay));
	} else {
		err = handbook_pdf_render_layout(&doc, lang, &out, &lay);
	}
	if (err) {
		fprintf(stderr, "handbook_render: rendering: %s\n", kf_strerror(err));
		goto out;
	}
	printf("ms %.0f\ncpu_ms %.0f\npages %d\nbytes %zu\n", now_ms(CLOCK_MONOTONIC) - t0,
	       now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0, lay.npages, out.len);
	for (int ch = 0; !json && ch < HANDBOOK_CHAPTERS; ch++)
		printf("chapter %s %d %s\n", lay.number[ch], lay.page[ch], lay.title[ch]);
	f = fopen(path, "wb");
	if (!f || fwrite(out.buf, 1, out.len, f) != out.len || fclose(f) != 0) {
		fprintf(stderr, "handbook_render: cannot write %s\n", path);
		goto out;
	}
	rc = 0;
out:
	sb_release(&out);
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	i18n_release();
	pdf_text_release_process_caches();
	return rc;
}
