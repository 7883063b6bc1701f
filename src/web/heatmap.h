/* heatmap.h: the risk matrix (5×5 or 4×4, by the organisation's scale) as an inline SVG heat map with a text alternative. */
#ifndef KF_HEATMAP_H
#define KF_HEATMAP_H

#include <stddef.h>

#include "../core/risk.h"

struct req;

/* How many risks sit in each cell; closed risks are left out. */
struct heatmap {
	enum risk_scale_kind scale;
	int size;                         /* 5 or 4 */
	int cell[RISK_SCALE][RISK_SCALE]; /* [likelihood - 1][impact - 1] */
	int level[RISK_LEVEL__MAX];
	int total;
	int closed;
};

void heatmap_count(struct heatmap *h, const struct risk *list, size_t n, enum risk_scale_kind scale);
/* "N risks in the matrix: ..." in the reader's language, escaped into r->out. */
void heatmap_summary(struct req *r, const struct heatmap *h);
/* A <figure> with the SVG (role img, title and description) and the summary as caption. */
void heatmap_figure(struct req *r, const struct heatmap *h);

#endif
