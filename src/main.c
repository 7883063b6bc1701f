/* main.c: the krisenfest binary: sets up libraries once, then runs the command line. */
#include <stdio.h>

#include "cli/cli.h"
#include "lib/i18n.h"
#include "lib/secret.h"
#include "lib/banned.h"

int main(int argc, char **argv)
{
	int rc;

	if (kf_secret_init() < 0 || i18n_init() < 0) {
		fprintf(stderr, "krisenfest: cannot initialise (libsodium or the message catalogue)\n");
		return 1;
	}
	rc = cli_main(argc, argv);
	i18n_release();
	return rc;
}
