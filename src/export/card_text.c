/* card_text.c: what the IT-Notfallkarte and the wallet cards say, taken from the plan. */
#include <string.h>

#include "card_text.h"
#include "../lib/banned.h"

const char *const card_first_steps[] = {
    N_("Keep calm. Stop working on the device at once."),
    N_("Suspected attack (ransom note, strange messages): pull the network cable, switch off Wi-Fi – but leave the "
       "device on."),
    N_("Call the IT emergency number at once."),
    N_("Write down what you saw and when; take a photo of the screen."),
    N_("Delete nothing, pay nothing, repair nothing yourself: wait for instructions."),
    NULL,
};

const char *const card_first_steps_short[] = {
    N_("Keep calm, stop working"),
    N_("Pull the cable, Wi-Fi off – leave the device on"),
    N_("Report at once"),
    NULL,
};

const char *const card_report_questions[] = {
    N_("Who is calling? Name and a number for calling back"),
    N_("Which device or IT system?"),
    N_("Where? Building, room, workplace"),
    N_("What happened? What did you see?"),
    N_("When did it happen?"),
    N_("What has been done already?"),
    NULL,
};

void card_emergency_of(const struct plan_text *t, struct card_emergency *e_r)
{
	const struct plan_doc *doc = t->doc;
	const struct alarm_plan *ap = doc->d.alarm_plan;

	memset(e_r, 0, sizeof(*e_r));
	e_r->via = "";
	if (doc->nsteps) {
		const struct alarm_step *s = &doc->steps[0];

		e_r->who = pt_contact_of(t, s->callee_contact_id);
		if (e_r->who && s->escalate_after_minutes > 0) {
			e_r->escalate_to = pt_contact_of(t, s->escalate_to_contact_id);
			e_r->escalate_minutes = e_r->escalate_to ? s->escalate_after_minutes : 0;
		}
	}
	if (!e_r->who && ap) {
		for (int i = 0; i < ap->ndeclare_roles && !e_r->who; i++) {
			const struct role *r = pt_role_of(t, ap->declare_role_ids[i]);

			if (r && (e_r->who = pt_contact_of(t, r->primary_contact_id)))
				e_r->via = r->name;
		}
	}
	e_r->phone = e_r->who ? pt_best_phone(e_r->who) : NULL;
}

size_t card_callees(const struct plan_text *t, const struct contact **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < t->doc->nsteps && n < max; i++) {
		const struct contact *c = pt_contact_of(t, t->doc->steps[i].callee_contact_id);
		size_t k = 0;

		while (c && k < n && out[k] != c)
			k++;
		if (c && k == n)
			out[n++] = c;
	}
	return n;
}

const char *card_contact_label(const struct plan_text *t, const struct contact *c)
{
	for (size_t i = 0; i < t->doc->d.nroles; i++)
		if (t->doc->d.roles[i].primary_contact_id == c->id)
			return t->doc->d.roles[i].name;
	if (*c->function)
		return c->function;
	return c->company;
}

const char *card_plan_url(struct plan_text *t)
{
	const char *base = t->doc->base_url;
	size_t n = base ? strlen(base) : 0;

	while (n && base[n - 1] == '/')
		n--;
	if (!n)
		return NULL;
	return pt_fmt(t, "%.*s/o/%lld/", (int)n, base, (long long)t->doc->org_id);
}
