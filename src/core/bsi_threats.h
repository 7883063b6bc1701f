/* bsi_threats.h: the BSI elementary threats G 0.1 – G 0.47 (IT-Grundschutz-Kompendium) with their German titles. */
#ifndef KF_BSI_THREATS_H
#define KF_BSI_THREATS_H

#include <stddef.h>

struct bsi_threat {
	const char *id;    /* "G 0.39" */
	const char *title; /* German title of the Kompendium, e.g. "Schadprogramme" */
};

#define BSI_THREATS_COUNT 47

/* In the order of the Kompendium, G 0.1 first. */
extern const struct bsi_threat bsi_threats[BSI_THREATS_COUNT];

/* The threat with exactly this id ("G 0.39"), or NULL. */
const struct bsi_threat *bsi_threat_find(const char *id);

#endif
