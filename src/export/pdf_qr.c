/* pdf_qr.c: a QR code drawn as cairo rectangles. */
#include <string.h>

#include <qrencode.h>

#include "pdf_qr.h"
#include "../lib/banned.h"

int pdf_qr_draw(cairo_t *cr, const char *text, double x, double y, double size)
{
	QRcode *q = QRcode_encodeData((int)strlen(text), (const unsigned char *)text, 0, QR_ECLEVEL_M);
	double m;

	if (!q)
		return -1;
	m = size / (q->width + 2 * PDF_QR_QUIET);
	cairo_save(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, x, y, size, size);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int r = 0; r < q->width; r++)
		for (int c = 0; c < q->width; c++)
			if (q->data[r * q->width + c] & 1)
				cairo_rectangle(cr, x + (c + PDF_QR_QUIET) * m, y + (r + PDF_QR_QUIET) * m, m, m);
	/* one fill for all modules: no hairline seams between neighbours */
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
	cairo_fill(cr);
	cairo_restore(cr);
	QRcode_free(q);
	return 0;
}
