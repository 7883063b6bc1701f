/* comm_starter.c: the shipped communication templates (German content): calm, factual messages for a small company. */
#include <string.h>

#include "../lib/i18n.h"
#include "comm_starter.h"
#include "../lib/banned.h"

/*
 * One per audience. They use the placeholders {firma}, {notfallleitung},
 * {notfallleitung_telefon}, {datum} and {treffpunkt}; the team adapts the
 * wording and fills the parts in [square brackets] when it sends them.
 */
const struct comm_starter comm_starters[] = {
	{ "mitarbeitende-it-ausfall", AUDIENCE_STAFF, "IT-Ausfall – bitte so vorgehen",
	  "IT-Ausfall bei {firma}: bitte so vorgehen",
	  "Liebe Kolleginnen und Kollegen,\n\n"
	  "seit heute, {datum}, funktionieren Teile unserer IT nicht. Wir arbeiten mit unserem IT-Dienstleister "
	  "daran und melden uns, sobald wir mehr wissen.\n\n"
	  "Bitte gehen Sie so vor:\n"
	  "1. Schalten Sie Ihren Rechner nicht aus und starten Sie ihn nicht neu, solange die IT nichts anderes sagt.\n"
	  "2. Stecken Sie keine USB-Sticks ein und öffnen Sie keine unbekannten E-Mails oder Anhänge.\n"
	  "3. Arbeiten Sie, wo es geht, mit den vorbereiteten Papierformularen und Listen weiter.\n"
	  "4. Geben Sie Kunden und Fremden keine Auskunft über den Ausfall; verweisen Sie an die Notfallleitung.\n"
	  "5. Melden Sie Auffälligkeiten sofort an {notfallleitung}, Telefon {notfallleitung_telefon}.\n\n"
	  "Falls wir uns treffen müssen: Treffpunkt ist {treffpunkt}.\n\n"
	  "Vielen Dank für Ihre Ruhe und Ihre Unterstützung.\n"
	  "{notfallleitung}\n{firma}" },
	{ "kunden-erreichbarkeit", AUDIENCE_CUSTOMERS, "Eingeschränkte Erreichbarkeit",
	  "{firma}: derzeit eingeschränkt erreichbar",
	  "Sehr geehrte Damen und Herren,\n\n"
	  "wegen einer technischen Störung sind wir seit {datum} nur eingeschränkt erreichbar. E-Mails und "
	  "Bestellungen können sich verzögern.\n\n"
	  "Wir arbeiten an der Behebung und melden uns, sobald alles wieder normal läuft. In dringenden Fällen "
	  "erreichen Sie uns telefonisch unter {notfallleitung_telefon}.\n\n"
	  "Bitte entschuldigen Sie die Unannehmlichkeiten. Vielen Dank für Ihr Verständnis.\n\n"
	  "Mit freundlichen Grüßen\n{notfallleitung}\n{firma}" },
	{ "lieferanten-abstimmung", AUDIENCE_SUPPLIERS, "Störung bei uns – Abstimmung mit Lieferanten",
	  "{firma}: Störung – bitte Bestellungen und Lieferungen abstimmen",
	  "Sehr geehrte Damen und Herren,\n\n"
	  "bei uns besteht seit {datum} eine Störung unserer IT. Bestellungen, Lieferscheine und Rechnungen "
	  "können wir deshalb vorübergehend nicht wie gewohnt bearbeiten.\n\n"
	  "Bitte stimmen Sie anstehende Lieferungen und Termine telefonisch mit uns ab: {notfallleitung}, "
	  "Telefon {notfallleitung_telefon}.\n\n"
	  "Falls Sie in den letzten Tagen ungewöhnliche E-Mails in unserem Namen erhalten haben – etwa mit "
	  "geänderten Bankverbindungen –, folgen Sie ihnen bitte nicht und rufen Sie uns an.\n\n"
	  "Wir informieren Sie, sobald wieder alles normal läuft.\n\n"
	  "Mit freundlichen Grüßen\n{notfallleitung}\n{firma}" },
	{ "oeffentlichkeit-stellungnahme", AUDIENCE_PUBLIC, "Kurze Stellungnahme für Öffentlichkeit und Presse",
	  "Stellungnahme von {firma} zur IT-Störung",
	  "{firma} ist seit {datum} von einer Störung der IT betroffen. Wir haben sofort Maßnahmen ergriffen und "
	  "arbeiten mit Fachleuten an der Behebung.\n\n"
	  "[Nur wenn geklärt: Nach heutigem Stand sind keine Daten von Kundinnen und Kunden betroffen.]\n\n"
	  "Wir informieren Betroffene direkt, sobald wir gesicherte Erkenntnisse haben. Zu Einzelheiten äußern wir "
	  "uns derzeit nicht, um die Aufklärung nicht zu behindern.\n\n"
	  "Ansprechperson für Presseanfragen: {notfallleitung}, Telefon {notfallleitung_telefon}." },
	{ "behoerden-begleitschreiben", AUDIENCE_AUTHORITIES, "Begleitschreiben an Behörden",
	  "{firma}: Meldung eines IT-Sicherheitsvorfalls vom {datum}",
	  "Sehr geehrte Damen und Herren,\n\n"
	  "hiermit melden wir einen IT-Sicherheitsvorfall bei {firma}.\n\n"
	  "Bemerkt am: [Datum und Uhrzeit]\n"
	  "Was ist passiert: [kurze, sachliche Beschreibung]\n"
	  "Betroffene Systeme und Daten: [soweit bekannt]\n"
	  "Bisher ergriffene Maßnahmen: [z. B. Systeme vom Netz getrennt, IT-Dienstleister beauftragt]\n\n"
	  "Die ausgefüllte Meldung bzw. das Formular Ihrer Behörde liegt bei. Weitere Angaben reichen wir nach, "
	  "sobald sie vorliegen.\n\n"
	  "Ansprechperson: {notfallleitung}, Telefon {notfallleitung_telefon}\n\n"
	  "Mit freundlichen Grüßen\n{notfallleitung}\n{firma}" },
};

const size_t comm_starters_count = sizeof(comm_starters) / sizeof(comm_starters[0]);

const struct comm_starter *comm_starter_find(const char *key)
{
	for (size_t i = 0; i < comm_starters_count; i++)
		if (strcmp(comm_starters[i].key, key) == 0)
			return &comm_starters[i];
	return NULL;
}

void comm_adoption_add(struct comm_adoption *ca, const char *key, const char *field, struct field_errors *fe)
{
	const struct comm_starter *s = comm_starter_find(key);
	struct comm_template *t;

	if (!s) {
		fe_add(fe, field, N_("is not a known template"));
		return;
	}
	for (size_t i = 0; i < ca->n; i++)
		if (strcmp(ca->items[i].title, s->title) == 0) {
			fe_add(fe, field, N_("is chosen twice"));
			return;
		}
	if (ca->n >= COMM_ADOPTION_MAX) {
		fe_add(fe, field, N_("has too many entries"));
		return;
	}
	t = &ca->items[ca->n++];
	comm_template_init(t);
	t->audience = s->audience;
	t->title = s->title;
	t->subject = s->subject;
	t->body = s->body;
}
