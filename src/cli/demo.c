/* demo.c: the demo company of `krisenfest init --demo`: a believable small firm with all five steps filled and a few honest gaps. */
#include <stdio.h>
#include <string.h>

#include "../core/comm_starter.h"
#include "../core/risk_templates.h"
#include "../core/team_templates.h"
#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

/*
 * Muster Metallbau GmbH: 16 of its 25 people in the contact list, its IT
 * partner and providers, the Bavarian and federal authorities. Every name,
 * company and address is invented; phone numbers come from the ranges the
 * Bundesnetzagentur keeps free for films and books (089 99998 ..., 030 23125
 * ..., 040 66969 ..., 069 90009 ..., 0221 4710 ..., 0171 39200 .., 0176
 * 040690 ..); e-mail addresses end in example.com.
 *
 * The gaps built in on purpose (tests/e2e/t0120-cli-init-demo.sh expects
 * exactly these): Oliver Hahn has no mobile number; the website backup was
 * never restore-tested; the cloud telephone system has no runbook. Besides,
 * every critical system but the CAD workstations and the backup NAS is a
 * single point of failure, as in any firm with one server room (warnings).
 */


#define DEMO_MAX_REFS 8

/* days: 0 = today, -30 = thirty days ago, 45 = in 45 days. Keys NULL-terminate the lists. */
struct demo_contact {
	const char *key, *name, *company, *function, *mobile, *office, *email, *notes;
	int external;
	int verified_days; /* last verified, days from today (negative) */
};

struct demo_system {
	const char *key, *name;
	enum system_type type;
	const char *location, *provider, *owner;
	int64_t rto, rpo; /* own targets, -1 = none */
	const char *deps[DEMO_MAX_REFS];
	const char *notes;
};

struct demo_process {
	const char *key, *name, *description, *responsible;
	int64_t cost_per_hour;
	int impact[6]; /* 1 h, 4 h, 8 h, 24 h, 72 h, 1 week */
	int64_t mtpd, rto, rpo;
	const char *critical_periods;
	int emergency_level;
	const char *systems[DEMO_MAX_REFS];
};

struct demo_restore_test {
	int days;
	enum restore_result result;
	int minutes;
	const char *tester, *notes;
};

struct demo_backup {
	const char *title;
	const char *systems[DEMO_MAX_REFS];
	const char *method;
	int frequency_hours;
	struct backup_copy copies[4];
	int ncopies;
	int retention_days, encrypted;
	const char *responsible, *notes;
	struct demo_restore_test tests[3];
	int ntests;
};

struct demo_step {
	const char *text;
	int64_t minutes;
};

struct demo_runbook {
	const char *system, *role;
	int64_t duration;
	const char *prerequisites;
	struct demo_step steps[8];
	const char *checks;
};

struct demo_workaround {
	const char *process, *title, *procedure, *preparation;
	int64_t hours;
	const char *responsible;
};

struct demo_alarm_step {
	const char *caller_role, *caller_contact, *callee;
	enum alarm_channel channel;
	int escalate_minutes;
	const char *escalate_to, *note;
};

struct demo_copy {
	enum plan_copy_kind kind;
	const char *location, *holder, *notes;
};

struct demo_finding {
	const char *title, *description;
	enum finding_severity severity;
	enum finding_status status;
	const char *responsible;
	int due_days; /* 0 = no due date */
};

struct demo_exercise {
	enum exercise_type type;
	const char *title, *scenario; /* scenario: a risk key */
	int days;
	enum exercise_status status;
	const char *participants[DEMO_MAX_REFS], *observers[DEMO_MAX_REFS];
	const char *goals, *went_well, *to_improve;
	int rto, rpo, minutes;
	struct demo_finding findings[3];
	int nfindings;
};


/* ---------------------------------------------------------------- step 2: people */

#define ME "Muster Metallbau GmbH"

static const struct demo_contact contacts[] = {
	{ "berger", "Thomas Berger", ME, "Geschäftsführer", "0171 3920011", "089 99998 101", "t.berger@muster-metallbau.example.com", "", 0, -40 },
	{ "keller", "Sabine Keller", ME, "Prokuristin, kaufmännische Leitung", "0171 3920012", "089 99998 102", "s.keller@muster-metallbau.example.com", "", 0, -40 },
	{ "wendt", "Markus Wendt", ME, "Leiter Arbeitsvorbereitung, IT-Koordinator", "0171 3920013", "089 99998 130", "m.wendt@muster-metallbau.example.com", "Kümmert sich intern um die IT und hält den Kontakt zum Systemhaus.", 0, -40 },
	{ "hartmann", "Julia Hartmann", ME, "Assistenz der Geschäftsführung", "0171 3920014", "089 99998 100", "j.hartmann@muster-metallbau.example.com", "", 0, -40 },
	{ "roth", "Stefan Roth", ME, "Produktionsleiter", "0171 3920015", "089 99998 140", "s.roth@muster-metallbau.example.com", "", 0, -40 },
	{ "lang", "Petra Lang", ME, "Finanzbuchhaltung", "0171 3920016", "089 99998 120", "p.lang@muster-metallbau.example.com", "", 0, -40 },
	{ "vogel", "Andreas Vogel", ME, "Konstrukteur (CAD), Vertretung IT", "0171 3920017", "089 99998 131", "a.vogel@muster-metallbau.example.com", "", 0, -40 },
	{ "neumann", "Claudia Neumann", ME, "Personal und Lohn", "0171 3920018", "089 99998 121", "c.neumann@muster-metallbau.example.com", "", 0, -40 },
	{ "fischer", "Michael Fischer", ME, "Lager und Versand", "0171 3920019", "089 99998 150", "m.fischer@muster-metallbau.example.com", "", 0, -40 },
	{ "schulz", "Katrin Schulz", ME, "Vertrieb Innendienst", "0171 3920020", "089 99998 110", "k.schulz@muster-metallbau.example.com", "", 0, -40 },
	{ "becker", "Jan Becker", ME, "Vertrieb Außendienst", "0171 3920021", "", "j.becker@muster-metallbau.example.com", "", 0, -40 },
	{ "krause", "Daniel Krause", ME, "Meister Schweißerei", "0171 3920022", "089 99998 141", "d.krause@muster-metallbau.example.com", "", 0, -40 },
	{ "braun", "Monika Braun", ME, "Empfang und Telefonzentrale", "0171 3920023", "089 99998 000", "empfang@muster-metallbau.example.com", "", 0, -40 },
	{ "wolf", "Lukas Wolf", ME, "Einkauf", "0171 3920024", "089 99998 111", "l.wolf@muster-metallbau.example.com", "", 0, -40 },
	{ "zimmermann", "Birgit Zimmermann", ME, "Qualitätsmanagement", "0171 3920025", "089 99998 142", "b.zimmermann@muster-metallbau.example.com", "", 0, -40 },
	/* a gap on purpose: reachable only on the hall phone */
	{ "hahn", "Oliver Hahn", ME, "Schichtführer Laserschneiden", NULL, "089 99998 143", "o.hahn@muster-metallbau.example.com", "Hat kein Diensthandy; in der Halle über das Hallentelefon erreichbar.", 0, -40 },
	{ "lorenz", "Frank Lorenz", "Beispiel IT-Systemhaus GmbH", "Betreuender Techniker (IT-Dienstleister)", "0176 04069011", "030 23125 200", "support@beispiel-systemhaus.example.com", "Wartungsvertrag mit Reaktionszeit 4 Stunden, werktags 7–18 Uhr; Notfall-Bereitschaft über die Mobilnummer.", 1, -25 },
	{ "telekom", "Störungsannahme Geschäftskunden", "Muster Telecom AG", "Internetanschluss und Cloud-Telefonanlage", NULL, "069 90009 100", "stoerung@muster-telecom.example.com", "Kundennummer 100 200 300; Vertrag mit Entstörung innerhalb von 8 Stunden.", 1, -60 },
	{ "versicherung", "Schadenhotline Cyber-Versicherung", "Exempla Versicherung AG", "Cyber-Versicherung (Police CY-000-0000)", NULL, "040 66969 300", "cyber-schaden@exempla-versicherung.example.com", "Cyberangriff sofort melden, bevor eigene Maßnahmen beginnen (Obliegenheit laut Police). Die Hotline vermittelt auch IT-Forensiker.", 1, -60 },
	{ "webwerk", "Hosting-Support", "Webwerk Beispiel GmbH", "Hoster und Agentur der Website", NULL, "0221 4710 400", "support@webwerk.example.com", "", 1, -60 },
	{ "erpsoft", "ERP-Hotline", "Metallsoft Beispiel GmbH", "Hersteller der Warenwirtschaft", NULL, "030 23125 500", "hotline@metallsoft.example.com", "Wartungsvertrag, Hotline werktags 8–17 Uhr.", 1, -60 },
	{ "sommer", "Dr. Eva Sommer", "Datenschutz Beispiel Beratung", "Externe Datenschutzbeauftragte", "0176 04069012", "089 99998 610", "e.sommer@datenschutz-beispiel.example.com", "", 1, -60 },
	{ "steuer", "Kanzlei-Sekretariat", "Steuerkanzlei Beispiel & Partner", "Steuerberatung, Lohn und DATEV", NULL, "089 99998 720", "kanzlei@steuer-beispiel.example.com", "", 1, -60 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};

/* authority contacts of the starter content (the firm sits in Bavaria) */
static const char *const authority_keys[] = { "zac-by", "zac-bka", "bsi-service", NULL };

/* starter role key, primary person, deputies */
static const struct {
	const char *key, *primary, *deputies[3];
} roles[] = {
	{ "notfallleitung", "berger", { "keller", "roth", NULL } },
	{ "technik", "wendt", { "vogel", "lorenz", NULL } },
	{ "kommunikation", "hartmann", { "keller", NULL } },
	{ "meldungen", "keller", { "berger", NULL } },
	{ "datenschutz", "sommer", { "neumann", NULL } },
	{ NULL, NULL, { NULL } },
};

static const struct demo_alarm_step alarm_steps[] = {
	{ NULL, NULL, "wendt", CHANNEL_PHONE, 15, "lorenz",
	  "Wer einen IT-Notfall bemerkt, ruft sofort den IT-Koordinator an – lieber einmal zu oft." },
	{ NULL, "wendt", "berger", CHANNEL_PHONE, 15, "keller", "Lage kurz schildern: was ist ausgefallen, seit wann, was wurde beobachtet." },
	{ "role:technik", NULL, "lorenz", CHANNEL_PHONE, 30, "telekom", "Systemhaus anfordern; bei Ausfall des Internetanschlusses zuerst die Störungsannahme." },
	{ "role:notfallleitung", NULL, "hartmann", CHANNEL_PHONE, 0, NULL, "Kommunikation übernimmt Aushänge und die Information von Kunden." },
	{ "role:notfallleitung", NULL, "roth", CHANNEL_PHONE, 0, NULL, "Produktionsleitung informiert die Schichtführer in den Hallen persönlich." },
	{ "role:notfallleitung", NULL, "versicherung", CHANNEL_PHONE, 0, NULL, "Bei Verdacht auf einen Cyberangriff: Schadenhotline vor eigenen Maßnahmen anrufen." },
	{ NULL, NULL, NULL, CHANNEL_PHONE, 0, NULL, NULL },
};

/* ---------------------------------------------------------------- step 1: risks, processes, systems */

/* starter risk key, owner, status, review in days, affected systems and processes (keys, NULL-ended) */
static const struct {
	const char *key, *owner;
	enum risk_status status;
	int review_days;
	const char *systems[6], *processes[4];
} risks[] = {
	{ "ransomware", "wendt", RISK_IN_TREATMENT, 60, { "virt", "fileserver", "erp", "ad", NULL }, { NULL } },
	{ "phishing", "wendt", RISK_IN_TREATMENT, 90, { "email", NULL }, { NULL } },
	{ "serverabsturz", "wendt", RISK_OPEN, 120, { "virt", NULL }, { NULL } },
	{ "internetausfall", "wendt", RISK_OPEN, 120, { "internet", NULL }, { NULL } },
	{ "feuer", "berger", RISK_OPEN, 180, { "usv", NULL }, { "fertigung", NULL } },
	{ "stromausfall", "roth", RISK_OPEN, 180, { "usv", NULL }, { "fertigung", NULL } },
	{ "it-dienstleister", "berger", RISK_ACCEPTED, 180, { NULL }, { NULL } },
	{ "schluesselperson", "berger", RISK_OPEN, 120, { NULL }, { "buchhaltung", "lohn", NULL } },
	{ "laptop-verloren", "keller", RISK_IN_TREATMENT, 150, { NULL }, { "angebote", NULL } },
	{ NULL, NULL, RISK_OPEN, 0, { NULL }, { NULL } },
};

#define HALLE "Verwaltungsgebäude, Serverraum (Keller)"

static const struct demo_system systems[] = {
	{ "usv", "USV Serverraum", SYSTEM_POWER, HALLE, NULL, "wendt", -1, -1, { NULL },
	  "Überbrückt etwa 20 Minuten und fährt die Server danach geordnet herunter." },
	{ "internet", "Internetanschluss (Glasfaser)", SYSTEM_INTERNET, HALLE, "telekom", "wendt", -1, -1, { "usv", NULL },
	  "Glasfaser 500/200 Mbit/s mit fester IP-Adresse; kein zweiter Anschluss." },
	{ "firewall", "Firewall", SYSTEM_NETWORK, HALLE, "lorenz", "wendt", -1, -1, { "usv", NULL },
	  "Vom Systemhaus verwaltet; auch VPN für Außendienst und Homeoffice." },
	{ "netz", "Netzwerk (Switches, WLAN)", SYSTEM_NETWORK, "Serverraum und Verteiler in Halle 1 und 2", "lorenz", "wendt", -1, -1,
	  { "usv", NULL }, "" },
	{ "virt", "Virtualisierungshost", SYSTEM_VIRTUALIZATION, HALLE, "lorenz", "wendt", -1, -1, { "usv", "netz", NULL },
	  "Ein physischer Server mit fünf virtuellen Maschinen; Ersatzteile laut Vertrag am nächsten Werktag." },
	{ "ad", "Active Directory", SYSTEM_DIRECTORY, "virtuelle Maschine auf dem Virtualisierungshost", "lorenz", "wendt", -1, -1,
	  { "virt", NULL }, "Anmeldung, Benutzer und Berechtigungen." },
	{ "fileserver", "Fileserver", SYSTEM_FILESERVER, "virtuelle Maschine auf dem Virtualisierungshost", "lorenz", "wendt", -1, -1,
	  { "virt", "ad", NULL }, "Zeichnungen, Fertigungsunterlagen, Vorlagen, Abteilungsordner." },
	{ "erp", "ERP / Warenwirtschaft", SYSTEM_APPLICATION, "virtuelle Maschine auf dem Virtualisierungshost", "erpsoft", "keller", -1, -1,
	  { "virt", "ad", NULL }, "Angebote, Aufträge, Fertigungsaufträge, Lager, Rechnungen." },
	{ "datev", "DATEV Finanzbuchhaltung", SYSTEM_APPLICATION, "virtuelle Maschine auf dem Virtualisierungshost", "steuer", "lang", -1, -1,
	  { "virt", "ad", "internet", "firewall", NULL }, "Buchhaltung und Lohn; Datenaustausch mit der Steuerkanzlei über das Internet." },
	{ "email", "E-Mail (Microsoft 365)", SYSTEM_EMAIL, "Microsoft-Rechenzentrum (EU)", "lorenz", "wendt", -1, -1,
	  { "internet", "firewall", NULL }, "Postfächer, Kalender, Teams; verwaltet vom Systemhaus." },
	{ "telefon", "Telefonanlage (Cloud)", SYSTEM_OTHER, "beim Telefonanbieter; Telefone im Haus", "telekom", "hartmann", -1, -1,
	  { "internet", "firewall", "netz", NULL }, "Zentrale 089 99998 000; Rufumleitung über das Kundenportal des Anbieters." },
	{ "cad", "CAD-Arbeitsplätze", SYSTEM_CLIENT, "Konstruktion, Obergeschoss", NULL, "vogel", -1, -1, { "fileserver", "netz", NULL },
	  "Drei Arbeitsplätze; Lizenzen an die Rechner gebunden." },
	{ "zeit", "Zeiterfassung", SYSTEM_APPLICATION, "virtuelle Maschine, Terminals an den Halleneingängen", NULL, "neumann", -1, -1,
	  { "virt", "netz", NULL }, "" },
	{ "website", "Website", SYSTEM_CLOUD, "beim Hoster", "webwerk", "hartmann", -1, -1, { NULL },
	  "Firmenauftritt mit Anfrageformular." },
	{ "banking", "Online-Banking", SYSTEM_CLOUD, "bei der Hausbank", NULL, "lang", -1, -1, { "internet", "firewall", NULL },
	  "Zahlungsverkehr; Freigabe mit TAN-Generator." },
	{ "nas", "Backup-NAS", SYSTEM_STORAGE, "Verwaltungsgebäude, Archivraum (anderer Brandabschnitt)", "lorenz", "wendt", 8, -1,
	  { "usv", "netz", NULL }, "Ohne das NAS kann nichts zurückgespielt werden; darum ein eigenes Ziel von 8 Stunden." },
	{ "cloudbackup", "Cloud-Backup", SYSTEM_CLOUD, "Rechenzentrum des Systemhauses", "lorenz", "wendt", -1, -1,
	  { "nas", "internet", "firewall", NULL }, "Verschlüsselte Kopie der Server-Sicherung außer Haus." },
	{ NULL, NULL, SYSTEM_OTHER, NULL, NULL, NULL, -1, -1, { NULL }, NULL },
};

static const struct demo_process processes[] = {
	{ "angebote", "Angebote und Auftragsannahme", "Anfragen kalkulieren, Angebote schreiben, Aufträge annehmen.", "schulz", 400,
	  { 1, 2, 2, 3, 3, 4 }, 24, 8, 24, "Quartalsende", 50, { "erp", "email", "telefon", NULL } },
	{ "konstruktion", "Konstruktion und Arbeitsvorbereitung", "Zeichnungen und Fertigungsunterlagen für jeden Auftrag.", "vogel", 350,
	  { 0, 1, 2, 2, 3, 4 }, 72, 24, 24, "", 30, { "cad", "fileserver", NULL } },
	{ "fertigung", "Fertigung (Laserschneiden, Kanten, Schweißen)", "Die Aufträge in den Hallen 1 und 2 nach Fertigungsauftrag fertigen.",
	  "roth", 900, { 2, 3, 3, 4, 4, 4 }, 8, 4, 8, "", 60, { "erp", "fileserver", NULL } },
	{ "einkauf", "Einkauf und Materialdisposition", "Blech, Profile und Zukaufteile bestellen.", "wolf", 150, { 0, 1, 1, 2, 3, 3 }, 72,
	  24, 24, "", 50, { "erp", "email", NULL } },
	{ "versand", "Lager und Versand", "Kommissionieren, Lieferscheine, Abholung durch die Spedition.", "fischer", 300,
	  { 1, 2, 2, 3, 4, 4 }, 24, 8, 24, "", 60, { "erp", "email", NULL } },
	{ "rechnungen", "Rechnungsstellung und Mahnwesen", "", "keller", 100, { 0, 0, 1, 1, 2, 3 }, 168, 72, 24, "Monatsende", 20,
	  { "erp", "email", NULL } },
	{ "buchhaltung", "Finanzbuchhaltung und Zahlungsverkehr", "", "lang", 80, { 0, 0, 1, 1, 2, 3 }, 120, 48, 24,
	  "Zahlungsläufe dienstags und freitags", 30, { "datev", "banking", NULL } },
	{ "lohn", "Lohn- und Gehaltsabrechnung", "", "neumann", 50, { 0, 0, 0, 1, 2, 3 }, 168, 72, 24, "20. bis 25. jedes Monats", 0,
	  { "datev", "zeit", NULL } },
	{ "kundenservice", "Kundenservice und Telefonzentrale", "Anrufe annehmen, Liefertermine nennen, Reklamationen aufnehmen.", "braun",
	  250, { 2, 3, 3, 3, 4, 4 }, 8, 4, 24, "", 70, { "telefon", "email", NULL } },
	{ "zeiterfassung", "Arbeitszeiterfassung", "", "neumann", 30, { 0, 0, 0, 1, 1, 2 }, 168, 48, 24, "", 0, { "zeit", NULL } },
	{ "webanfragen", "Internetauftritt und Anfragen", "", "hartmann", 20, { 0, 0, 0, 1, 1, 2 }, 336, 72, 168, "", 0, { "website", NULL } },
	{ NULL, NULL, NULL, NULL, 0, { 0 }, -1, -1, -1, NULL, -1, { NULL } },
};

/* ---------------------------------------------------------------- step 3: backups, runbooks, workarounds */

static const struct demo_backup backups[] = {
	{ "Server-Sicherung (Veeam)", { "virt", "ad", "fileserver", "erp", "datev", "zeit", NULL },
	  "Veeam Backup & Replication: Abbild aller virtuellen Maschinen, alle 4 Stunden inkrementell, nachts vollständig", 4,
	  { { BACKUP_COPY_ONSITE, "Backup-NAS im Archivraum" },
	    { BACKUP_COPY_CLOUD, "Cloud-Backup im Rechenzentrum des Systemhauses" },
	    { BACKUP_COPY_OFFLINE, "USB-Festplatte, freitags gewechselt, im Tresor der Geschäftsführung" } },
	  3, 90, 1, "wendt", "Das Systemhaus prüft jeden Morgen die Protokolle und meldet Fehler per E-Mail.",
	  { { -160, RESTORE_SUCCESS, 150, "lorenz", "ERP-Server komplett auf Ersatzhardware zurückgespielt; Anmeldung und Buchungen geprüft." },
	    { -340, RESTORE_PARTIAL, 300, "lorenz", "Fileserver zurückgespielt; die Lizenzdatei der CAD-Software fehlte in der Sicherung." } },
	  2 },
	{ "Microsoft 365 (E-Mail, OneDrive, Teams)", { "email", NULL }, "Cloud-zu-Cloud-Sicherung über den Dienst des Systemhauses", 24,
	  { { BACKUP_COPY_CLOUD, "Sicherungsdienst des Systemhauses (Rechenzentrum in Deutschland)" },
	    { BACKUP_COPY_CLOUD, "Papierkorb und Aufbewahrung in Microsoft 365 (30 Tage)" },
	    { BACKUP_COPY_ONSITE, "Wöchentlicher Export der Postfächer auf das Backup-NAS" } },
	  3, 365, 1, "lorenz", "",
	  { { -75, RESTORE_SUCCESS, 45, "wendt", "Versehentlich gelöschten Ordner eines Postfachs wiederhergestellt." } }, 1 },
	{ "DATEV-Bestände", { "datev", NULL }, "DATEV-Datensicherung, täglich um 20 Uhr", 24,
	  { { BACKUP_COPY_ONSITE, "Backup-NAS im Archivraum" },
	    { BACKUP_COPY_CLOUD, "Datensicherung online im DATEV-Rechenzentrum" },
	    { BACKUP_COPY_OFFLINE, "USB-Festplatte im Tresor der Geschäftsführung" } },
	  3, 3650, 1, "lang", "Aufbewahrungsfristen: Buchungsbelege zehn Jahre.",
	  { { -100, RESTORE_SUCCESS, 60, "lang", "Mandantenbestand mit der Steuerkanzlei auf einem Testrechner zurückgeholt." } }, 1 },
	/* a gap on purpose: never restore-tested */
	{ "Website (Hosting-Paket)", { "website", NULL }, "Tägliche Sicherung durch den Hoster, 14 Tage aufbewahrt", 24,
	  { { BACKUP_COPY_CLOUD, "Sicherung im Rechenzentrum des Hosters" },
	    { BACKUP_COPY_OFFSITE, "Spiegel im zweiten Rechenzentrum des Hosters" },
	    { BACKUP_COPY_ONSITE, "Monatlicher Export der Inhalte auf das Backup-NAS" } },
	  3, 14, 0, "hartmann", "Eine Wiederherstellung wurde noch nie ausprobiert.", { { 0, RESTORE_SUCCESS, -1, NULL, NULL } }, 0 },
};

#define PRE_POWER "Strom im Serverraum ist wieder da (Sicherungskasten UV-K1)."

static const struct demo_runbook runbooks[] = {
	{ "usv", "role:technik", 30, PRE_POWER,
	  { { "USV-Anzeige prüfen: **Netzbetrieb**, keine Fehlermeldung.", 5 },
	    { "Wenn die USV aus ist: Taste *On* drei Sekunden halten, Selbsttest abwarten.", 10 },
	    { "Ladezustand ablesen; unter 50 % die Server erst nach 15 Minuten starten.", 15 } },
	  "Display zeigt Netzbetrieb und Ladung über 50 %." },
	{ "netz", "role:technik", 30, "USV läuft.",
	  { { "Core-Switch im Serverraum: alle Status-LEDs grün? Sonst aus- und wieder einschalten.", 10 },
	    { "Verteiler in Halle 1 und 2 prüfen (Schlüssel im Meisterbüro).", 15 },
	    { "Von einem Arbeitsplatz aus `ping 192.168.10.1` (Firewall) aufrufen.", 5 } },
	  "Arbeitsplätze in Verwaltung und Hallen bekommen eine Adresse." },
	{ "firewall", "role:technik", 45, "USV läuft, Netzwerk läuft.",
	  { { "Firewall einschalten und zwei Minuten warten.", 5 },
	    { "Systemhaus anrufen; es prüft Regeln und VPN aus der Ferne.", 30 },
	    { "Bei Verdacht auf Angriff: **nicht** neu starten, erst mit dem Systemhaus sprechen.", 10 } },
	  "Internetzugang aus dem Büro und VPN des Außendienstes gehen." },
	{ "internet", "role:technik", 60, "USV läuft, Firewall läuft.",
	  { { "Glasfaser-Modem: leuchtet *PON* grün?", 5 },
	    { "Modem und Router einmal aus- und einschalten.", 10 },
	    { "Sonst Störung melden: Muster Telecom, Kundennummer bereithalten.", 45 } },
	  "Eine Website lässt sich aus dem Büro öffnen." },
	{ "virt", "role:technik", 90, "USV und Netzwerk laufen.",
	  { { "Server einschalten; Startmeldungen am Bildschirm im Serverraum beobachten.", 15 },
	    { "In der Verwaltungsoberfläche prüfen, ob alle Datenspeicher erkannt sind.", 15 },
	    { "Virtuelle Maschinen in dieser Reihenfolge starten: AD, Datenbank/ERP, Fileserver, DATEV, Zeiterfassung.", 30 },
	    { "Bei Hardwaredefekt: Systemhaus ruft den Ersatzteildienst des Herstellers.", 30 } },
	  "Alle fünf virtuellen Maschinen laufen." },
	{ "ad", "role:technik", 30, "Virtualisierungshost läuft.",
	  { { "VM *DC01* starten und fünf Minuten warten.", 10 },
	    { "Anmeldung an einem Arbeitsplatz mit einem normalen Benutzer testen.", 10 },
	    { "Wenn die Anmeldung scheitert: Zeit des Servers prüfen, Systemhaus anrufen.", 10 } },
	  "Benutzer können sich anmelden." },
	{ "fileserver", "role:technik", 45, "Active Directory läuft.",
	  { { "VM *FS01* starten.", 10 },
	    { "Laufwerke **G:** (Gemeinsam) und **Z:** (Zeichnungen) an einem Arbeitsplatz öffnen.", 10 },
	    { "Fehlen Daten: aus der Server-Sicherung zurückholen (Systemhaus).", 25 } },
	  "Zeichnungen der laufenden Aufträge lassen sich öffnen." },
	{ "erp", "role:technik", 60, "Active Directory läuft.",
	  { { "VM *ERP01* starten; Datenbankdienst startet automatisch.", 15 },
	    { "ERP-Client öffnen, mit dem Testbenutzer anmelden.", 10 },
	    { "Letzten Auftrag und letzten Lieferschein suchen: stimmt der Stand?", 15 },
	    { "Bei Fehlern: ERP-Hotline von Metallsoft, Wartungsvertrag nennen.", 20 } },
	  "Ein Fertigungsauftrag lässt sich drucken; der Stand ist höchstens 4 Stunden alt." },
	{ "email", "role:technik", 30, "Internetanschluss und Firewall laufen.",
	  { { "Störungsseite von Microsoft 365 im Admin-Center prüfen.", 10 },
	    { "Outlook an einem Arbeitsplatz neu starten; Webzugang als Ausweg testen.", 10 },
	    { "Bei gesperrten Konten oder Verdacht auf Missbrauch: Systemhaus sofort einbinden.", 10 } },
	  "Eine Test-E-Mail nach außen und zurück kommt an." },
	{ "cad", "role:technik", 60, "Fileserver und Netzwerk laufen.",
	  { { "Arbeitsplatz einschalten, anmelden.", 10 },
	    { "CAD starten; meldet es einen Lizenzfehler, Lizenzdatei aus dem Ordner *Z:\\Lizenzen* einspielen.", 20 },
	    { "Eine Zeichnung eines laufenden Auftrags öffnen und drucken.", 10 } },
	  "Konstruktion kann Zeichnungen öffnen, ändern und speichern." },
	{ "nas", "role:technik", 30, "USV und Netzwerk laufen.",
	  { { "NAS einschalten; alle Festplatten-LEDs grün?", 10 },
	    { "Weboberfläche öffnen: Speicherpool *gesund*?", 10 },
	    { "Letzte Sicherung im Veeam-Protokoll prüfen.", 10 } },
	  "Das NAS ist erreichbar und zeigt die letzte Sicherung." },
	{ NULL, NULL, 0, NULL, { { NULL, 0 } }, NULL },
};

static const struct demo_workaround workarounds[] = {
	{ "fertigung", "Fertigung nach Papier-Laufkarten",
	  "Die Schichtführer arbeiten die ausgedruckten Fertigungsaufträge der Woche ab. Rückmeldungen auf der Laufkarte notieren und nach der Störung nachbuchen.",
	  "Jeden Freitag druckt die Arbeitsvorbereitung die Aufträge der nächsten Woche mit Zeichnungen aus (Ordner im Meisterbüro).",
	  48, "roth" },
	{ "angebote", "Aufträge per Telefon und Papierformular",
	  "Aufträge auf dem Formular *Auftragsannahme* erfassen, mit Datum und Kürzel; Preise aus der ausgedruckten Preisliste.",
	  "Formularblock und aktuelle Preisliste liegen im Vertrieb.", 24, "schulz" },
	{ "versand", "Lieferscheine von Hand",
	  "Lieferscheine aus dem Durchschreibeblock; die Spedition bekommt eine Kopie. Nachbuchen, sobald das ERP wieder läuft.",
	  "Durchschreibeblock im Versandbüro.", 72, "fischer" },
	{ "kundenservice", "Rufumleitung auf Mobiltelefone",
	  "Die Zentrale über das Kundenportal des Telefonanbieters auf das Mobiltelefon von Frau Braun umleiten; Anrufe in der Papierliste festhalten.",
	  "Zugangsdaten zum Kundenportal im Notfallordner.", 72, "braun" },
	{ "buchhaltung", "Dringende Zahlungen in der Bankfiliale",
	  "Löhne und Lieferanten mit Skonto am Schalter der Hausbank anweisen; Belege sammeln.", "", 120, "lang" },
	{ "lohn", "Abschlag in Höhe des Vormonats",
	  "Läuft die Abrechnung nicht rechtzeitig, zahlt die Steuerkanzlei einen Abschlag in Höhe des Vormonats; Korrektur im Folgemonat.",
	  "Vereinbarung mit der Steuerkanzlei liegt vor.", 720, "neumann" },
	{ NULL, NULL, NULL, NULL, 0, NULL },
};

/* ---------------------------------------------------------------- step 4: copies of the plan */

static const struct demo_copy copies[] = {
	{ COPY_KIND_PRINT, "Roter Notfallordner im Büro der Geschäftsführung", "berger", "" },
	{ COPY_KIND_PRINT, "Notfallordner im Meisterbüro Halle 1", "roth", "" },
	{ COPY_KIND_USB, "Verschlüsselter USB-Stick im Tresor", "keller", "Passwort im versiegelten Umschlag beim Geschäftsführer." },
	{ COPY_KIND_PRINT, "Zuhause bei der Prokuristin", "keller", "" },
	{ COPY_KIND_UNSET, NULL, NULL, NULL },
};

/* ---------------------------------------------------------------- step 5: exercises and review */

static const struct demo_exercise exercises[] = {
	{ EXERCISE_TABLETOP, "Planbesprechung: Verschlüsselungstrojaner am Montagmorgen", "ransomware", -120, EXERCISE_DONE,
	  { "berger", "keller", "wendt", "hartmann", "roth", "lorenz", NULL }, { "sommer", NULL },
	  "Wissen alle, wen sie anrufen? Wer entscheidet, ob die Produktion weiterläuft? Was sagen wir Kunden?",
	  "Die Alarmierungskette war bekannt; die Geschäftsführung hat nach 20 Minuten entschieden.",
	  "Telefonliste der Schichtführer war unvollständig; für die Telefonanlage gibt es keinen Wiederanlaufplan.", -1, -1, 120,
	  { { "Telefonliste der Schichtführer vervollständigen", "", FINDING_MEDIUM, FINDING_DONE, "hartmann", 0 },
	    { "Wiederanlaufplan für die Telefonanlage schreiben", "Zusammen mit der Muster Telecom: Rufumleitung, Ersatztelefone, Ansprechpartner.",
	      FINDING_HIGH, FINDING_IN_PROGRESS, "wendt", 30 } },
	  2 },
	{ EXERCISE_RESTORE_TEST, "Wiederherstellung des ERP-Servers auf Ersatzhardware", "serverabsturz", -160, EXERCISE_DONE,
	  { "wendt", "lorenz", NULL }, { "keller", NULL }, "Schaffen wir das ERP in 4 Stunden wieder ans Laufen?",
	  "In 2,5 Stunden war das ERP mit dem Stand der letzten Nacht wieder da.", "Die Lizenzdatei der CAD-Software fehlte in der Sicherung.",
	  3, 4, 180,
	  { { "CAD-Lizenzdatei in die Server-Sicherung aufnehmen", "", FINDING_MEDIUM, FINDING_DONE, "lorenz", 0 } }, 1 },
	{ EXERCISE_ALARM_TEST, "Erreichbarkeitstest der Alarmierungskette", "", 45, EXERCISE_PLANNED,
	  { "wendt", "berger", "keller", "hartmann", "roth", "lorenz", NULL }, { NULL },
	  "Alle in der Kette innerhalb von 15 Minuten erreichen, auch außerhalb der Arbeitszeit.", "", "", -1, -1, 60,
	  { { NULL, NULL, FINDING_LOW, FINDING_OPEN, NULL, 0 } }, 0 },
};

/* ---------------------------------------------------------------- filling */

#define DEMO_REFS_MAX 96

struct demo {
	struct store_conn *c;
	struct arena *a;
	int64_t org, actor;
	const char *today;
	const char *bad; /* a key that names nothing: a broken table */
	int nrefs;
	struct {
		const char *key;
		int64_t id;
	} refs[DEMO_REFS_MAX];
};

static void ref_add(struct demo *d, const char *key, int64_t id)
{
	if (d->nrefs < DEMO_REFS_MAX)
		d->refs[d->nrefs++] = (typeof(d->refs[0])){ key, id };
	else
		d->bad = key;
}

/* The id of the item with key; 0 for no key; an unknown key marks the demo broken. */
static int64_t ref(struct demo *d, const char *key)
{
	if (!key || !*key)
		return 0;
	for (int i = 0; i < d->nrefs; i++)
		if (strcmp(d->refs[i].key, key) == 0)
			return d->refs[i].id;
	d->bad = key;
	return 0;
}

/* Days since 1970-01-01 of a Gregorian date, and back (H. Hinnant's algorithms). */
static int64_t civil_days(int64_t y, int m, int dd)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* today moved by days, as YYYY-MM-DD into out (11 bytes). */
static void day(const struct demo *d, int days, char *out)
{
	int y, m, dd;

	if (kf_date_parse(d->today, &y, &m, &dd) < 0) {
		snprintf(out, 11, "%s", d->today);
		return;
	}
	kf_date_iso((civil_days(y, m, dd) + days) * 86400, out);
}

/* 0 when the item passed; otherwise prints why it was refused and returns -1. */
static int check(struct demo *d, const char *what, const char *name, const struct field_errors *fe, enum kf_err err)
{
	enum kf_lang L = cli_lang();

	if (!d->bad && !fe->n && !err)
		return 0;
	fprintf(stderr, _(L, "krisenfest init: the demo %s \"%s\" was refused:"), what, name ? name : "");
	if (d->bad)
		fprintf(stderr, _(L, " it names \"%s\", which the demo does not have."), d->bad);
	for (int i = 0; i < fe->n; i++)
		fprintf(stderr, " %s: %s%s%s", fe->e[i].field, _(L, fe->e[i].msg), fe->e[i].arg ? " / " : "",
			fe->e[i].arg ? fe->e[i].arg : "");
	if (err && !fe->n)
		fprintf(stderr, " %s", kf_strerror(err));
	fputc('\n', stderr);
	return -1;
}

static int fill_contacts(struct demo *d)
{
	for (const struct demo_contact *x = contacts; x->key; x++) {
		struct field_errors fe = { 0 };
		struct contact ct;

		contact_init(&ct);
		ct.name = x->name;
		ct.company = x->company;
		ct.function = x->function;
		ct.email = x->email;
		ct.notes = x->notes;
		ct.external = x->external;
		day(d, x->verified_days, ct.last_verified);
		if (x->mobile)
			ct.phones[ct.nphones++] = (struct phone){ PHONE_MOBILE, x->mobile };
		if (x->office && *x->office)
			ct.phones[ct.nphones++] = (struct phone){ PHONE_OFFICE, x->office };
		contact_validate(&ct, d->a, d->today, &fe);
		if (check(d, "contact", x->name, &fe, KF_OK) ||
		    check(d, "contact", x->name, &fe, store_contact_create(d->c, d->a, d->org, d->actor, &ct)))
			return -1;
		ref_add(d, x->key, ct.id);
	}
	return 0;
}

/* The authority contacts and the standard roles, adopted like a team does on the templates page. */
static int fill_team_adoption(struct demo *d)
{
	struct team_adoption *ta = ARENA_NEW(d->a, struct team_adoption, 1);
	struct field_errors fe = { 0 };
	size_t created, skipped, i;

	if (!ta)
		return check(d, "team", "", &fe, KF_ENOMEM);
	memset(ta, 0, sizeof(*ta));
	for (i = 0; authority_keys[i]; i++)
		team_adoption_add_contact(ta, d->a, authority_keys[i], authority_keys[i], &fe);
	for (i = 0; roles[i].key; i++)
		team_adoption_add_role(ta, roles[i].key, roles[i].key, &fe);
	if (check(d, "team templates", "", &fe, KF_OK))
		return -1;
	for (i = 0; i < ta->ncontacts; i++) {
		day(d, -30, ta->contacts[i].last_verified);
		contact_validate(&ta->contacts[i], d->a, d->today, &fe);
		if (check(d, "contact", ta->contacts[i].name, &fe, KF_OK))
			return -1;
	}
	for (i = 0; i < ta->nroles; i++) {
		struct role *r = &ta->roles[i];

		r->primary_contact_id = ref(d, roles[i].primary);
		for (int k = 0; roles[i].deputies[k]; k++)
			r->deputy_contact_ids[r->ndeputies++] = ref(d, roles[i].deputies[k]);
		role_validate(r, d->a, &fe);
		if (check(d, "role", r->name, &fe, KF_OK) ||
		    check(d, "role", r->name, &fe, store_role_check_people(d->c, r, d->org, &fe)))
			return -1;
	}
	if (check(d, "team templates", "", &fe,
		  store_team_adopt(d->c, d->a, d->org, d->actor, ta->contacts, ta->ncontacts, ta->roles, ta->nroles,
				   &created, &skipped)))
		return -1;
	for (i = 0; i < ta->nroles; i++)
		ref_add(d, arena_printf(d->a, "role:%s", roles[i].key), ta->roles[i].id);
	return 0;
}

static int fill_alarm(struct demo *d)
{
	struct field_errors fe = { 0 };
	struct alarm_plan p, cur;

	for (const struct demo_alarm_step *x = alarm_steps; x->callee; x++) {
		struct alarm_step s;

		alarm_step_init(&s);
		s.caller_role_id = ref(d, x->caller_role);
		s.caller_contact_id = ref(d, x->caller_contact);
		s.callee_contact_id = ref(d, x->callee);
		s.channel = x->channel;
		s.escalate_after_minutes = x->escalate_minutes;
		s.escalate_to_contact_id = ref(d, x->escalate_to);
		s.note = x->note;
		alarm_step_validate(&s, &fe);
		if (check(d, "alarm step", x->callee, &fe, KF_OK) ||
		    check(d, "alarm step", x->callee, &fe, store_alarm_step_create(d->c, d->a, d->org, d->actor, &s, &fe)))
			return -1;
	}
	alarm_plan_init(&p);
	p.meeting_place = "Besprechungsraum im Erdgeschoss des Verwaltungsgebäudes, Gewerbering 7";
	p.meeting_fallback = "Meisterbüro in Halle 2; ist das Gelände gesperrt: Schulungsraum des Systemhauses, Beispielweg 3";
	p.phone_bridge = "Telefonkonferenz 089 99998 999, Raum 4711 (funktioniert auch ohne unsere Telefonanlage)";
	p.declare_role_ids[p.ndeclare_roles++] = ref(d, "role:notfallleitung");
	p.declare_role_ids[p.ndeclare_roles++] = ref(d, "role:technik");
	p.declare_criteria = "Ein wichtiges System (ERP, Server, Internet, Telefon) fällt voraussichtlich länger als 2 Stunden aus, "
			     "oder es gibt Anzeichen für einen Cyberangriff (Lösegeldforderung, verschlüsselte Dateien, "
			     "gesperrte Konten).";
	p.breach_report_role_id = ref(d, "role:datenschutz");
	p.breach_notes = "Frau Dr. Sommer meldet innerhalb von 72 Stunden an das Bayerische Landesamt für Datenschutzaufsicht; "
			 "die Geschäftsführung unterschreibt.";
	alarm_plan_validate(&p, &fe);
	return check(d, "alarm plan", "", &fe, KF_OK) ||
			       check(d, "alarm plan", "", &fe, store_alarm_plan_put(d->c, d->a, d->org, d->actor, 0, &p, &cur, &fe))
		       ? -1
		       : 0;
}

static int fill_risks(struct demo *d)
{
	struct risk_adoption *ra = ARENA_NEW(d->a, struct risk_adoption, 1);
	struct field_errors fe = { 0 };
	size_t created, skipped, i;

	if (!ra)
		return check(d, "risks", "", &fe, KF_ENOMEM);
	memset(ra, 0, sizeof(*ra));
	for (i = 0; risks[i].key; i++)
		risk_adoption_add(ra, risks[i].key, risks[i].key, &fe);
	if (check(d, "risk templates", "", &fe, KF_OK))
		return -1;
	for (i = 0; i < ra->n; i++) {
		struct risk *k = &ra->risks[i];

		k->owner_contact_id = ref(d, risks[i].owner);
		k->status = risks[i].status;
		for (int j = 0; risks[i].systems[j]; j++)
			k->system_ids[k->nsystems++] = ref(d, risks[i].systems[j]);
		for (int j = 0; risks[i].processes[j]; j++)
			k->process_ids[k->nprocesses++] = ref(d, risks[i].processes[j]);
		day(d, risks[i].review_days, k->review_date);
		risk_validate(k, d->a, &fe);
		if (check(d, "risk", k->title, &fe, KF_OK) ||
		    check(d, "risk", k->title, &fe, store_risk_check_owner(d->c, k, d->org, &fe)))
			return -1;
	}
	if (check(d, "risks", "", &fe, store_risk_adopt(d->c, d->a, d->org, d->actor, ra->risks, ra->n, &created, &skipped)))
		return -1;
	for (i = 0; i < ra->n; i++)
		ref_add(d, risks[i].key, ra->risks[i].id);
	return 0;
}

static int fill_systems(struct demo *d)
{
	for (const struct demo_system *x = systems; x->key; x++) {
		struct field_errors fe = { 0 };
		struct system s;

		system_init(&s);
		s.name = x->name;
		s.type = x->type;
		s.location = x->location;
		s.provider_contact_id = ref(d, x->provider);
		s.owner_contact_id = ref(d, x->owner);
		s.rto_hours = x->rto;
		s.rpo_hours = x->rpo;
		for (int k = 0; x->deps[k]; k++)
			s.depends_on_ids[s.ndeps++] = ref(d, x->deps[k]);
		s.notes = x->notes;
		system_validate(&s, d->a, &fe);
		if (check(d, "IT system", x->name, &fe, KF_OK) ||
		    check(d, "IT system", x->name, &fe, store_system_create(d->c, d->a, d->org, d->actor, &s, &fe)))
			return -1;
		ref_add(d, x->key, s.id);
	}
	return 0;
}

static int fill_processes(struct demo *d)
{
	for (const struct demo_process *x = processes; x->key; x++) {
		struct field_errors fe = { 0 };
		struct process p;

		process_init(&p);
		p.name = x->name;
		p.description = x->description;
		p.responsible_contact_id = ref(d, x->responsible);
		p.cost_per_hour = x->cost_per_hour;
		for (int h = 0; h < HORIZON__MAX; h++)
			p.impact[h] = x->impact[h];
		p.mtpd_hours = x->mtpd;
		p.rto_hours = x->rto;
		p.rpo_hours = x->rpo;
		p.critical_periods = x->critical_periods;
		p.emergency_level_percent = x->emergency_level;
		for (int k = 0; x->systems[k]; k++)
			p.system_ids[p.nsystems++] = ref(d, x->systems[k]);
		process_validate(&p, d->a, &fe);
		if (check(d, "process", x->name, &fe, KF_OK) ||
		    check(d, "process", x->name, &fe, store_process_create(d->c, d->a, d->org, d->actor, &p, &fe)))
			return -1;
		ref_add(d, x->key, p.id);
	}
	return 0;
}

static int fill_backups(struct demo *d)
{
	for (size_t i = 0; i < sizeof(backups) / sizeof(backups[0]); i++) {
		const struct demo_backup *x = &backups[i];
		struct field_errors fe = { 0 };
		struct backup b;

		backup_init(&b);
		b.title = x->title;
		for (int k = 0; x->systems[k]; k++)
			b.system_ids[b.nsystems++] = ref(d, x->systems[k]);
		b.method = x->method;
		b.frequency_hours = x->frequency_hours;
		for (int k = 0; k < x->ncopies; k++)
			b.copies[b.ncopies++] = x->copies[k];
		b.retention_days = x->retention_days;
		b.encrypted = x->encrypted;
		b.responsible_contact_id = ref(d, x->responsible);
		b.notes = x->notes;
		backup_validate(&b, d->a, &fe);
		if (check(d, "backup", x->title, &fe, KF_OK) ||
		    check(d, "backup", x->title, &fe, store_backup_create(d->c, d->a, d->org, d->actor, &b, &fe)))
			return -1;
		for (int k = x->ntests - 1; k >= 0; k--) { /* oldest first, as they happened */
			const struct demo_restore_test *y = &x->tests[k];
			struct restore_test t;

			restore_test_init(&t);
			t.backup_id = b.id;
			day(d, y->days, t.date);
			t.result = y->result;
			t.duration_minutes = y->minutes;
			t.tested_by_contact_id = ref(d, y->tester);
			t.notes = y->notes;
			restore_test_validate(&t, d->today, &fe);
			if (check(d, "restore test of", x->title, &fe, KF_OK) ||
			    check(d, "restore test of", x->title, &fe,
				  store_restore_test_create(d->c, d->a, d->org, d->actor, &t, &fe)))
				return -1;
		}
	}
	return 0;
}


/*
 * The team's one override of the computed recovery order: the other systems
 * are restored from the backup NAS, so it comes right after power and network
 * (computed, its own 8-hour target would put it after every 4-hour system).
 */
static int fill_overrides(struct demo *d)
{
	struct recovery_overrides *o = ARENA_NEW(d->a, struct recovery_overrides, 1);
	struct recovery_overrides *current = ARENA_NEW(d->a, struct recovery_overrides, 1);
	struct field_errors fe = { 0 };

	if (!o || !current)
		return check(d, "recovery order", "", &fe, KF_ENOMEM);
	recovery_overrides_init(o);
	o->items[o->n++] = (struct recovery_override){ ref(d, "nas"), 3,
		"Server, ERP und Dateien werden aus dem Backup-NAS zurückgespielt; es muss vor ihnen laufen." };
	recovery_overrides_validate(o, d->a, sizeof(systems) / sizeof(systems[0]) - 1, 0, &fe);
	if (check(d, "recovery order", "Backup-NAS", &fe, KF_OK) ||
	    check(d, "recovery order", "Backup-NAS", &fe,
		  store_recovery_overrides_put(d->c, d->a, d->org, d->actor, 0, o, current, &fe)))
		return -1;
	return 0;
}
static int fill_runbooks(struct demo *d)
{
	for (const struct demo_runbook *x = runbooks; x->system; x++) {
		struct field_errors fe = { 0 };
		struct runbook rb;

		runbook_init(&rb);
		rb.system_id = ref(d, x->system);
		rb.responsible_role_id = ref(d, x->role);
		rb.expected_duration_minutes = x->duration;
		rb.prerequisites = x->prerequisites;
		for (int k = 0; x->steps[k].text; k++)
			rb.steps[rb.nsteps++] = (struct runbook_step){ x->steps[k].text, x->steps[k].minutes };
		rb.checks = x->checks;
		runbook_validate(&rb, &fe);
		if (check(d, "runbook", x->system, &fe, KF_OK) ||
		    check(d, "runbook", x->system, &fe, store_runbook_create(d->c, d->a, d->org, d->actor, &rb, &fe)))
			return -1;
	}
	for (const struct demo_workaround *x = workarounds; x->process; x++) {
		struct field_errors fe = { 0 };
		struct workaround w;

		workaround_init(&w);
		w.process_id = ref(d, x->process);
		w.title = x->title;
		w.procedure = x->procedure;
		w.preparation = x->preparation;
		w.sustainable_hours = x->hours;
		w.responsible_contact_id = ref(d, x->responsible);
		workaround_validate(&w, d->a, &fe);
		if (check(d, "workaround", x->title, &fe, KF_OK) ||
		    check(d, "workaround", x->title, &fe, store_workaround_create(d->c, d->a, d->org, d->actor, &w, &fe)))
			return -1;
	}
	return fill_overrides(d);
}

static int fill_documents(struct demo *d)
{
	struct comm_adoption *ca = ARENA_NEW(d->a, struct comm_adoption, 1);
	struct field_errors fe = { 0 };
	size_t created, skipped, i;

	if (!ca)
		return check(d, "templates", "", &fe, KF_ENOMEM);
	memset(ca, 0, sizeof(*ca));
	for (i = 0; i < comm_starters_count; i++)
		comm_adoption_add(ca, comm_starters[i].key, comm_starters[i].key, &fe);
	for (i = 0; i < ca->n && !fe.n; i++)
		comm_template_validate(&ca->items[i], d->a, &fe);
	if (check(d, "communication templates", "", &fe, KF_OK) ||
	    check(d, "communication templates", "", &fe,
		  store_comm_template_adopt(d->c, d->a, d->org, d->actor, ca->items, ca->n, &created, &skipped)))
		return -1;
	/* every staff member confirmed the card at the briefing after the tabletop */
	for (const struct demo_contact *x = contacts; x->key; x++) {
		struct acknowledgement k;

		if (x->external)
			continue;
		ack_init(&k);
		k.contact_id = ref(d, x->key);
		day(d, x == contacts ? -118 : -115, k.confirmed_on);
		k.how = x == contacts ? ACK_SIGNATURE : ACK_BRIEFING;
		k.notes = "";
		ack_validate(&k, d->today, &fe);
		if (check(d, "acknowledgement of", x->name, &fe, KF_OK) ||
		    check(d, "acknowledgement of", x->name, &fe, store_ack_create(d->c, d->a, d->org, d->actor, &k, &fe)))
			return -1;
	}
	return 0;
}

/* The copies last: they hold today's state of the plan, after every other change. */
static int fill_copies(struct demo *d)
{
	for (const struct demo_copy *x = copies; x->location; x++) {
		struct field_errors fe = { 0 };
		struct plan_copy p;

		plan_copy_init(&p);
		p.kind = x->kind;
		p.location = x->location;
		p.holder_contact_id = ref(d, x->holder);
		day(d, 0, p.plan_date);
		day(d, 0, p.last_checked);
		p.notes = x->notes;
		plan_copy_validate(&p, d->a, d->today, &fe);
		if (check(d, "plan copy", x->location, &fe, KF_OK) ||
		    check(d, "plan copy", x->location, &fe, store_plan_copy_create(d->c, d->a, d->org, d->actor, &p, &fe)))
			return -1;
	}
	return 0;
}

static int fill_exercises(struct demo *d)
{
	struct field_errors fe = { 0 };
	struct plan_review rv, cur;

	for (size_t i = 0; i < sizeof(exercises) / sizeof(exercises[0]); i++) {
		const struct demo_exercise *x = &exercises[i];
		struct exercise e;

		exercise_init(&e);
		e.type = x->type;
		e.title = x->title;
		e.scenario_risk_id = ref(d, x->scenario);
		day(d, x->days, e.date);
		e.status = x->status;
		for (int k = 0; x->participants[k]; k++)
			e.participant_ids[e.nparticipants++] = ref(d, x->participants[k]);
		for (int k = 0; x->observers[k]; k++)
			e.observer_ids[e.nobservers++] = ref(d, x->observers[k]);
		e.goals = x->goals;
		e.went_well = x->went_well;
		e.to_improve = x->to_improve;
		e.achieved_rto_hours = x->rto;
		e.achieved_rpo_hours = x->rpo;
		e.duration_minutes = x->minutes;
		exercise_validate(&e, d->a, d->today, &fe);
		if (check(d, "exercise", x->title, &fe, KF_OK) ||
		    check(d, "exercise", x->title, &fe, store_exercise_create(d->c, d->a, d->org, d->actor, &e, &fe)))
			return -1;
		for (int k = 0; k < x->nfindings; k++) {
			const struct demo_finding *y = &x->findings[k];
			struct finding f;

			finding_init(&f);
			f.exercise_id = e.id;
			f.title = y->title;
			f.description = y->description;
			f.severity = y->severity;
			f.status = y->status;
			f.responsible_contact_id = ref(d, y->responsible);
			if (y->due_days)
				day(d, y->due_days, f.due_date);
			finding_validate(&f, d->a, &fe);
			if (check(d, "finding", y->title, &fe, KF_OK) ||
			    check(d, "finding", y->title, &fe, store_finding_create(d->c, d->a, d->org, d->actor, &f, &fe)))
				return -1;
		}
	}
	review_init(&rv);
	day(d, -110, rv.last_review_date);
	rv.review_interval_months = 12;
	rv.reviewer_contact_id = ref(d, "berger");
	rv.notes = "Nach der Planbesprechung durchgesehen: Telefonliste ergänzt, Alarmierungskette angepasst.";
	review_validate(&rv, d->today, &fe);
	return check(d, "plan review", "", &fe, KF_OK) ||
			       check(d, "plan review", "", &fe, store_review_put(d->c, d->a, d->org, d->actor, 0, &rv, &cur, &fe))
		       ? -1
		       : 0;
}

int demo_fill(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *today)
{
	struct demo *d = ARENA_NEW(a, struct demo, 1);

	if (!d)
		return -1;
	memset(d, 0, sizeof(*d));
	d->c = c;
	d->a = a;
	d->org = org;
	d->actor = actor;
	d->today = today;
	if (fill_contacts(d) || fill_team_adoption(d) || fill_alarm(d) || fill_systems(d) || fill_processes(d) ||
	    fill_risks(d) || fill_backups(d) || fill_runbooks(d) || fill_exercises(d) || fill_documents(d) ||
	    fill_copies(d))
		return -1;
	return 0;
}
