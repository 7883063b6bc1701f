/* err.h: the project's error codes; numbers are fixed and never reused. */
#ifndef KF_ERR_H
#define KF_ERR_H

enum kf_err {
	KF_OK = 0,
	KF_ENOMEM = 1,    /* out of memory */
	KF_EINVAL = 2,    /* invalid input; details in field errors */
	KF_ENOTFOUND = 3, /* no such item (in this organisation) */
	KF_ECONFLICT = 4, /* stale version */
	KF_EDB = 5,       /* database failure */
	KF_EEXIST = 6,    /* already exists */
	KF_EIO = 7,       /* file or socket failure */
	KF_ETOOBIG = 8,   /* a size cap was hit */
	KF_EPERM = 9,     /* not allowed */
	KF_EINUSE = 10,   /* still referenced by another item */
	KF_EAUTH = 11,    /* wrong credentials */
	KF_ERR__MAX
};

const char *kf_strerror(enum kf_err e);

#endif
