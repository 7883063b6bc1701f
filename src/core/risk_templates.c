/* risk_templates.c: the shipped risk scenarios (German content) with suggested ratings and BSI threat references. */
#include <string.h>

#include "../lib/i18n.h"
#include "risk_templates.h"
#include "../lib/banned.h"

/*
 * Likelihood and impact are a judgement for a typical small company with a
 * few dozen staff, an IT partner and some cloud services; every team is asked
 * to adjust them. The G 0.x references follow DOMAIN-DATA 5.2.
 */
const struct risk_template risk_templates[] = {
	{ "ransomware", "Ransomware (Verschlüsselungstrojaner)", RISK_CAT_CYBER, 4, 5,
	  { "G 0.39", "G 0.35", "G 0.45", "G 0.23", NULL },
	  "Schadsoftware verschlüsselt Rechner, Server und oft auch die Datensicherung. Die Täter verlangen Lösegeld "
	  "und drohen, erbeutete Daten zu veröffentlichen. Der Betrieb steht oft tagelang still.",
	  "Regelmäßige Datensicherung mit einer Kopie, die vom Netz getrennt ist; Updates zeitnah einspielen; "
	  "Mitarbeitende schulen; Administratorrechte nur für die, die sie brauchen.",
	  "1. Betroffene Geräte sofort vom Netz trennen (Netzwerkkabel ziehen, WLAN aus) – aber nicht ausschalten.\n"
	  "2. Notfallleitung und IT-Dienstleister anrufen.\n"
	  "3. Datensicherungen vom Netz trennen, damit sie nicht auch verschlüsselt werden.\n"
	  "4. Kein Lösegeld zahlen und nicht mit den Tätern verhandeln, ohne Rat von Polizei und Fachleuten.\n"
	  "5. Anzeige bei der Zentralen Ansprechstelle Cybercrime erstatten; prüfen, ob eine Datenpanne gemeldet werden muss." },
	{ "phishing", "Phishing (betrügerische E-Mails)", RISK_CAT_CYBER, 5, 3, { "G 0.42", "G 0.36", "G 0.23", NULL },
	  "Gefälschte E-Mails oder Anrufe bringen Mitarbeitende dazu, Passwörter preiszugeben, einen verseuchten Anhang "
	  "zu öffnen oder Geld zu überweisen. Oft der erste Schritt eines größeren Angriffs.",
	  "Mitarbeitende regelmäßig sensibilisieren; Anmeldung mit zweitem Faktor; Überweisungen nur nach Rückruf "
	  "unter bekannter Nummer.",
	  "1. Nichts weiter anklicken; die E-Mail nicht weiterleiten, nur melden.\n"
	  "2. Wer ein Passwort eingegeben hat: es sofort ändern lassen und die IT informieren.\n"
	  "3. Die IT prüft, ob das Konto missbraucht wurde, und sperrt es notfalls.\n"
	  "4. Bei veranlasster Überweisung sofort die Bank anrufen und die Zahlung stoppen lassen." },
	{ "datenabfluss", "Datenabfluss (vertrauliche Daten gelangen nach außen)", RISK_CAT_CYBER, 3, 4,
	  { "G 0.19", "G 0.14", "G 0.38", NULL },
	  "Kundendaten, Personaldaten oder Geschäftsgeheimnisse gelangen an Unbefugte – durch einen Angriff, einen "
	  "falsch freigegebenen Ordner oder eine E-Mail an den falschen Empfänger.",
	  "Zugriffsrechte sparsam vergeben und jährlich prüfen; Freigaben in Cloud-Diensten kontrollieren; "
	  "vertrauliche Daten verschlüsselt versenden.",
	  "1. Die undichte Stelle schließen: Freigabe entfernen, Konto sperren, Zugang ändern.\n"
	  "2. Festhalten, was passiert ist, wann es bemerkt wurde und welche Daten betroffen sind.\n"
	  "3. Datenschutzbeauftragte informieren: Eine Datenpanne muss binnen 72 Stunden der Aufsichtsbehörde gemeldet werden.\n"
	  "4. Mit der Notfallleitung klären, ob Betroffene benachrichtigt werden müssen." },
	{ "serverabsturz", "Serverabsturz", RISK_CAT_TECHNICAL, 3, 4, { "G 0.25", "G 0.26", "G 0.28", NULL },
	  "Ein zentraler Server (Dateiablage, Warenwirtschaft, Buchhaltung) fällt aus oder startet nicht mehr, etwa "
	  "nach einem fehlerhaften Update. Viele Arbeitsplätze können nicht weiterarbeiten.",
	  "Wartungsvertrag mit Reaktionszeit; Updates erst testen; Überwachung, die bei Problemen früh warnt; "
	  "Wiederanlaufplan für den Server.",
	  "1. Ruhe bewahren und nicht wiederholt neu starten.\n"
	  "2. IT-Dienstleister anrufen und Fehlermeldungen notieren oder fotografieren.\n"
	  "3. Mitarbeitende informieren, welche Programme gerade nicht gehen und wie es weitergeht.\n"
	  "4. Wenn es länger dauert: in den Notbetrieb wechseln (Papierformulare, Listen)." },
	{ "hardwaredefekt", "Hardwaredefekt", RISK_CAT_TECHNICAL, 3, 3, { "G 0.25", "G 0.24", NULL },
	  "Festplatte, Netzteil, Switch oder Firewall gehen kaputt. Ohne Ersatzteil oder Reservegerät dauert die "
	  "Reparatur oft Tage.",
	  "Wichtige Geräte doppelt auslegen (z. B. gespiegelte Festplatten); Garantie- und Wartungszeiten im Blick "
	  "behalten; ein Reservegerät für zentrale Netzteile vorhalten.",
	  "1. Defektes Gerät identifizieren und ausschalten, wenn es raucht oder riecht.\n"
	  "2. IT-Dienstleister anrufen; Modell und Seriennummer bereithalten.\n"
	  "3. Prüfen, ob ein Ersatzgerät oder eine Ausweichlösung bereitsteht.\n"
	  "4. Nach der Reparatur prüfen, ob alle Daten vollständig sind." },
	{ "internetausfall", "Ausfall der Internetverbindung", RISK_CAT_TECHNICAL, 3, 3, { "G 0.9", "G 0.11", NULL },
	  "Die Internetleitung fällt aus, etwa durch eine Baustelle oder eine Störung beim Anbieter. E-Mail, "
	  "Cloud-Programme, Online-Banking und oft auch die Telefonie sind nicht erreichbar.",
	  "Zweite Leitung oder ein LTE/5G-Router als Reserve; Vertrag mit kurzer Entstörzeit; wichtige Nummern "
	  "auch auf Papier.",
	  "1. Prüfen, ob nur ein Gerät oder das ganze Haus betroffen ist (Router neu starten).\n"
	  "2. Störung beim Internetanbieter melden und die Störungsnummer notieren.\n"
	  "3. Reserveverbindung einschalten (z. B. mobiler Router), wenn vorhanden.\n"
	  "4. Kunden und Lieferanten bei Bedarf über ein Mobiltelefon informieren." },
	{ "feuer", "Feuer", RISK_CAT_ENVIRONMENT, 1, 5, { "G 0.1", NULL },
	  "Ein Brand im Gebäude oder im Serverraum zerstört Geräte und Unterlagen. Auch Löschwasser und Rauch "
	  "richten Schaden an.",
	  "Rauchmelder und Feuerlöscher für Elektrobrände; Datensicherung außer Haus oder in der Cloud; "
	  "keine brennbaren Dinge im Serverraum.",
	  "1. Menschen zuerst: Gebäude verlassen und die Feuerwehr (112) rufen.\n"
	  "2. Nicht für die IT ins Gebäude zurückgehen.\n"
	  "3. Notfallleitung informieren und den Treffpunkt für den Krisenstab festlegen.\n"
	  "4. Nach Freigabe durch die Feuerwehr den Schaden mit dem IT-Dienstleister und der Versicherung aufnehmen." },
	{ "wasserschaden", "Wasserschaden", RISK_CAT_ENVIRONMENT, 2, 4, { "G 0.3", NULL },
	  "Rohrbruch, Starkregen oder Hochwasser setzen Räume mit IT unter Wasser. Geräte im Keller oder unter "
	  "Wasserleitungen sind besonders gefährdet.",
	  "Server und Netzwerkschrank nicht im Keller und nicht unter Wasserleitungen; Wassermelder; "
	  "Geräte nicht direkt auf den Boden stellen.",
	  "1. Nicht in Wasser treten, in dem Strom führende Geräte stehen.\n"
	  "2. Strom für den betroffenen Bereich abschalten lassen, wenn das gefahrlos geht.\n"
	  "3. Wasserzufuhr stoppen (Haupthahn) und Hausverwaltung oder Notdienst rufen.\n"
	  "4. Nasse Geräte nicht wieder einschalten; IT-Dienstleister und Versicherung informieren." },
	{ "stromausfall", "Stromausfall", RISK_CAT_ENVIRONMENT, 2, 3, { "G 0.8", NULL },
	  "Der Strom fällt aus – kurz oder für Stunden. Server können dabei Daten verlieren oder beim Neustart "
	  "Schaden nehmen.",
	  "Unterbrechungsfreie Stromversorgung (USV) für Server und Netzwerk, die Server bei längerem Ausfall "
	  "geordnet herunterfährt.",
	  "1. Prüfen, ob nur die eigene Sicherung ausgelöst hat oder das ganze Gebiet betroffen ist.\n"
	  "2. Bei längerem Ausfall Server geordnet herunterfahren, solange die USV noch Strom liefert.\n"
	  "3. Beim Netzbetreiber nach der voraussichtlichen Dauer fragen.\n"
	  "4. Wenn der Strom zurück ist: Geräte in der richtigen Reihenfolge starten (erst Netzwerk, dann Server, dann Arbeitsplätze)." },
	{ "geloeschte-daten", "Versehentlich gelöschte Daten", RISK_CAT_HUMAN, 4, 2, { "G 0.45", "G 0.31", NULL },
	  "Jemand löscht oder überschreibt aus Versehen wichtige Dateien, Ordner oder E-Mails. Oft fällt es erst "
	  "Tage später auf.",
	  "Tägliche Datensicherung mit mehreren Versionen; Papierkorb und Versionsverlauf in Ablage und Cloud "
	  "eingeschaltet lassen; Rücksicherung einmal im Jahr üben.",
	  "1. Nicht weiterarbeiten und nichts Neues in den Ordner speichern.\n"
	  "2. Notieren, was fehlt, wo es lag und wann es zuletzt da war.\n"
	  "3. Papierkorb und Versionsverlauf prüfen.\n"
	  "4. IT bitten, die Daten aus der Datensicherung zurückzuholen." },
	{ "fehlkonfiguration", "Fehlkonfiguration", RISK_CAT_HUMAN, 3, 3, { "G 0.31", "G 0.18", NULL },
	  "Eine falsche Einstellung – an Firewall, Berechtigungen, Datensicherung oder Cloud-Dienst – legt Systeme "
	  "lahm oder öffnet unbemerkt eine Lücke.",
	  "Änderungen nur nach Vier-Augen-Prinzip und mit Notiz, was geändert wurde; Einstellungen vorher sichern; "
	  "Datensicherung regelmäßig auf Vollständigkeit prüfen.",
	  "1. Die letzte Änderung feststellen: Wer hat wann was umgestellt?\n"
	  "2. Die Änderung rückgängig machen oder die gesicherte Einstellung zurückspielen.\n"
	  "3. Prüfen, ob durch die Lücke Daten nach außen gelangt sind.\n"
	  "4. Festhalten, wie die Änderung künftig geprüft wird." },
	{ "laptop-verloren", "Verlorener oder gestohlener Laptop", RISK_CAT_HUMAN, 3, 3,
	  { "G 0.17", "G 0.16", "G 0.19", NULL },
	  "Ein Laptop, Smartphone oder USB-Stick bleibt im Zug liegen oder wird gestohlen. Ohne Verschlüsselung "
	  "können Fremde die Daten lesen.",
	  "Festplatten verschlüsseln; Bildschirmsperre mit PIN; Geräte zentral sperren und löschen können; "
	  "keine Daten nur lokal speichern.",
	  "1. Verlust sofort der IT melden – auch nachts und am Wochenende.\n"
	  "2. Passwörter ändern und das Gerät aus der Ferne sperren oder löschen lassen.\n"
	  "3. Bei Diebstahl Anzeige bei der Polizei erstatten.\n"
	  "4. Mit der Datenschutzbeauftragten klären, ob eine Datenpanne vorliegt (Meldefrist 72 Stunden)." },
	{ "it-dienstleister", "Ausfall des IT-Dienstleisters", RISK_CAT_PROVIDER, 2, 4, { "G 0.11", NULL },
	  "Der IT-Dienstleister oder ein wichtiger Cloud-Anbieter ist nicht erreichbar, überlastet oder gibt das "
	  "Geschäft auf. Niemand sonst kennt die Zugänge und die Einrichtung.",
	  "Zugangsdaten und Netzplan versiegelt im eigenen Haus hinterlegen; vertraglich Reaktionszeiten und "
	  "Vertretung regeln; einen zweiten Dienstleister kennen.",
	  "1. Alle Notfallnummern des Dienstleisters durchprobieren, auch die der Geschäftsführung.\n"
	  "2. Die hinterlegten Zugangsdaten und die Dokumentation bereitlegen.\n"
	  "3. Den vorher ausgewählten Ersatzdienstleister ansprechen.\n"
	  "4. Bei Cloud-Diensten die Statusseite des Anbieters prüfen und die Störung melden." },
	{ "schluesselperson", "Ausfall einer Schlüsselperson", RISK_CAT_PEOPLE, 3, 4, { "G 0.33", NULL },
	  "Die einzige Person, die ein wichtiges System, die Buchhaltung oder die IT kennt, fällt plötzlich aus – "
	  "durch Krankheit, Unfall oder Kündigung.",
	  "Wissen aufschreiben; für jede wichtige Aufgabe eine Vertretung einarbeiten; Passwörter in einem "
	  "gemeinsamen Passwort-Tresor mit Notfallzugang.",
	  "1. Feststellen, welche Aufgaben und Zugänge jetzt fehlen.\n"
	  "2. Die benannte Vertretung informieren und die Notfalldokumentation bereitstellen.\n"
	  "3. Zugänge über den Notfallzugang des Passwort-Tresors übernehmen.\n"
	  "4. Termine und Fristen der Person prüfen und Beteiligte informieren." },
};
const size_t risk_templates_count = sizeof(risk_templates) / sizeof(risk_templates[0]);

const struct risk_template *risk_template_find(const char *key)
{
	for (size_t i = 0; i < risk_templates_count; i++)
		if (strcmp(risk_templates[i].key, key) == 0)
			return &risk_templates[i];
	return NULL;
}

void risk_adoption_add(struct risk_adoption *ra, const char *key, const char *field, struct field_errors *fe)
{
	const struct risk_template *t = risk_template_find(key);
	struct risk *k;

	if (!t) {
		fe_add(fe, field, N_("is not a known template"));
		return;
	}
	for (size_t i = 0; i < ra->n; i++)
		if (strcmp(ra->risks[i].title, t->title) == 0) {
			fe_add(fe, field, N_("is chosen twice"));
			return;
		}
	if (ra->n >= RISK_ADOPTION_MAX) {
		fe_add(fe, field, N_("has too many entries"));
		return;
	}
	k = &ra->risks[ra->n++];
	risk_init(k);
	k->title = t->title;
	k->category = t->category;
	k->likelihood = t->likelihood;
	k->impact = t->impact;
	k->description = t->description;
	k->measures = t->measures;
	k->immediate_actions = t->immediate_actions;
	for (int i = 0; i < RISK_TEMPLATE_MAX_REFS && t->threat_refs[i]; i++) {
		const struct bsi_threat *b = bsi_threat_find(t->threat_refs[i]);

		if (b)
			k->threat_refs[k->nthreats++] = b->id;
	}
}
