/* asset.h: CSS, JavaScript and images embedded into the binary at build time (tools/embed.py). */
#ifndef KF_ASSET_H
#define KF_ASSET_H

#include <stddef.h>

struct asset {
	const char *name;
	const char *mime;
	const unsigned char *data;
	size_t len;
	const char *etag;
};

/* Terminated by an entry with name NULL. */
extern const struct asset assets[];

#endif
