/* team_templates.c: the shipped standard roles and authority contacts (German content, sources named). */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"

#include "team_templates.h"
#include "../lib/banned.h"

/*
 * Contact data of authorities changes: every entry names its source, and
 * adopted contacts start as "never checked", so the team check asks the
 * company to confirm the numbers before relying on them. Entries whose
 * facts could not be confirmed (for example a service whose continued
 * operation is uncertain, or an address that may have moved) are not shipped.
 */
#define TEMPLATE_NOTE "Aus der krisenfest-Vorlage übernommen (Stand der Vorlage: November 2026). " \
		      "Bitte einmal anrufen oder auf der Website prüfen und dann das Prüfdatum eintragen."

const struct contact_template contact_templates[] = {
	{ "zac-bka", "DE", "Zentrale Ansprechstelle Cybercrime (ZAC) beim BKA", "Bundeskriminalamt",
	  "Polizei: Anzeige und Beratung bei Cyberangriffen (bundesweit)", "0611 55-15037", "zac@cyber.bka.de",
	  TEMPLATE_NOTE, "Liste der Zentralen Ansprechstellen Cybercrime der Polizeien" },
	{ "bsi-service", "DE", "BSI Service-Center", "Bundesamt für Sicherheit in der Informationstechnik",
	  "Beratung bei IT-Sicherheitsvorfällen (Digitale Rettungskette)", "0800 274 1000", "", TEMPLATE_NOTE,
	  "https://mibel.tech/cybercrime-angriff-was-nun" },
	{ "zac-bw", "BW", "Zentrale Ansprechstelle Cybercrime (ZAC) beim LKA Baden-Württemberg",
	  "Landeskriminalamt Baden-Württemberg", "Polizei: Anzeige und Beratung bei Cyberangriffen", "0711 5401-2444",
	  "cybercrime@polizei.bwl.de", TEMPLATE_NOTE,
	  "https://www.kriminalpolizei.de/service/praevention-kompakt.html" },
	{ "csbw-ersthilfe", "BW", "Cyber-Ersthilfe BW", "Cybersicherheitsagentur Baden-Württemberg (CSBW)",
	  "Erste Anlaufstelle bei Cyberangriffen, auch für Unternehmen in Baden-Württemberg", "0711 137-99999", "",
	  TEMPLATE_NOTE, "https://im.baden-wuerttemberg.de/de/digitalisierung/cybersicherheitsagentur/cyber-ersthilfe" },
	{ "lfdi-bw", "BW", "Datenschutzaufsicht Baden-Württemberg (LfDI)",
	  "Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg",
	  "Meldung von Datenpannen nach Art. 33 DSGVO (binnen 72 Stunden)", "+49 711 615541-0",
	  "poststelle@lfdi.bwl.de",
	  TEMPLATE_NOTE " Online-Meldeformular: https://www.baden-wuerttemberg.datenschutz.de/datenpanne-melden/",
	  "https://www.baden-wuerttemberg.datenschutz.de/datenschutz/" },
	{ "zac-by", "BY", "Zentrale Ansprechstelle Cybercrime (ZAC) Bayern", "Polizei Bayern",
	  "Polizei: Anzeige und Beratung bei Cyberangriffen", "089 1212-3300", "", TEMPLATE_NOTE,
	  "Liste der Zentralen Ansprechstellen Cybercrime der Polizeien" },
	{ "zac-be", "BE", "Zentrale Ansprechstelle Cybercrime (ZAC) Berlin", "Polizei Berlin",
	  "Polizei: Anzeige und Beratung bei Cyberangriffen", "030 4664-924924", "", TEMPLATE_NOTE,
	  "Liste der Zentralen Ansprechstellen Cybercrime der Polizeien" },
};
const size_t contact_templates_count = sizeof(contact_templates) / sizeof(contact_templates[0]);

const struct role_template role_templates[] = {
	{ "notfallleitung", "Notfallleitung",
	  "Ruft den IT-Notfall aus, leitet das Notfallteam und trifft die Entscheidungen. Sorgt dafür, dass alle "
	  "Beteiligten auf dem gleichen Stand sind, und entscheidet, wann der Notbetrieb beginnt und wann er endet." },
	{ "technik", "Technik und Wiederherstellung",
	  "Begrenzt den Schaden technisch, stellt Systeme und Daten nach den Wiederanlaufplänen wieder her und "
	  "arbeitet dabei mit dem IT-Dienstleister zusammen. Meldet der Notfallleitung, was wieder läuft." },
	{ "kommunikation", "Kommunikation",
	  "Informiert Mitarbeitende, Kunden, Lieferanten und wenn nötig die Öffentlichkeit – mit abgestimmten Texten "
	  "und über Wege, die auch ohne die eigene IT funktionieren (Telefon, Aushang, privates Handy)." },
	{ "meldungen", "Meldungen an Behörden",
	  "Meldet eine Datenpanne innerhalb von 72 Stunden nach Bekanntwerden an die Datenschutzaufsicht "
	  "(Art. 33 DSGVO) und erstattet Anzeige bei der Polizei (Zentrale Ansprechstelle Cybercrime)." },
	{ "datenschutz", "Datenschutz",
	  "Bewertet, welche personenbezogenen Daten betroffen sind und wie hoch das Risiko für die Betroffenen ist, "
	  "dokumentiert die Datenpanne (Art. 33 Abs. 5 DSGVO) und berät, ob die Betroffenen benachrichtigt werden "
	  "müssen (Art. 34 DSGVO)." },
};
const size_t role_templates_count = sizeof(role_templates) / sizeof(role_templates[0]);

const struct region_info template_regions[] = {
	{ "BW", "Baden-Württemberg" },
	{ "BY", "Bayern" },
	{ "BE", "Berlin" },
};
const size_t template_regions_count = sizeof(template_regions) / sizeof(template_regions[0]);

const struct contact_template *contact_template_find(const char *key)
{
	for (size_t i = 0; i < contact_templates_count; i++)
		if (strcmp(contact_templates[i].key, key) == 0)
			return &contact_templates[i];
	return NULL;
}

const struct role_template *role_template_find(const char *key)
{
	for (size_t i = 0; i < role_templates_count; i++)
		if (strcmp(role_templates[i].key, key) == 0)
			return &role_templates[i];
	return NULL;
}

int template_region_known(const char *region)
{
	if (strcmp(region, TEMPLATE_REGION_FEDERAL) == 0)
		return 1;
	for (size_t i = 0; i < template_regions_count; i++)
		if (strcmp(template_regions[i].code, region) == 0)
			return 1;
	return 0;
}

static int contact_chosen(const struct team_adoption *ta, const char *name)
{
	for (size_t i = 0; i < ta->ncontacts; i++)
		if (strcmp(ta->contacts[i].name, name) == 0)
			return 1;
	return 0;
}

void team_adoption_add_contact(struct team_adoption *ta, struct arena *a, const char *key, const char *field,
			       struct field_errors *fe)
{
	const struct contact_template *t = contact_template_find(key);
	struct contact *c;

	if (!t) {
		fe_add(fe, field, N_("is not a known template"));
		return;
	}
	if (contact_chosen(ta, t->name)) {
		fe_add(fe, field, N_("is chosen twice"));
		return;
	}
	if (ta->ncontacts >= sizeof(ta->contacts) / sizeof(ta->contacts[0])) {
		fe_add(fe, field, N_("has too many entries"));
		return;
	}
	c = &ta->contacts[ta->ncontacts++];
	contact_init(c);
	c->name = t->name;
	c->company = t->company;
	c->function = t->function;
	c->email = t->email;
	c->external = 1;
	c->notes = arena_printf(a, "%s Quelle: %s", t->notes, t->source);
	if (!c->notes)
		c->notes = t->notes;
	c->nphones = 1;
	c->phones[0].kind = PHONE_OFFICE;
	c->phones[0].number = t->phone;
}

void team_adoption_add_role(struct team_adoption *ta, const char *key, const char *field, struct field_errors *fe)
{
	const struct role_template *t = role_template_find(key);
	struct role *r;

	if (!t) {
		fe_add(fe, field, N_("is not a known template"));
		return;
	}
	for (size_t i = 0; i < ta->nroles; i++)
		if (strcmp(ta->roles[i].name, t->name) == 0) {
			fe_add(fe, field, N_("is chosen twice"));
			return;
		}
	if (ta->nroles >= sizeof(ta->roles) / sizeof(ta->roles[0])) {
		fe_add(fe, field, N_("has too many entries"));
		return;
	}
	r = &ta->roles[ta->nroles++];
	role_init(r);
	r->name = t->name;
	r->duties = t->duties;
}
