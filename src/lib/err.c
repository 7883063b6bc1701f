/* err.c: messages for the project's error codes (for logs and the CLI). */
#include "err.h"
#include "banned.h"

const char *kf_strerror(enum kf_err e)
{
	static const char *const msg[KF_ERR__MAX] = {
		[KF_OK] = "success",
		[KF_ENOMEM] = "out of memory",
		[KF_EINVAL] = "invalid input",
		[KF_ENOTFOUND] = "not found",
		[KF_ECONFLICT] = "changed by someone else meanwhile",
		[KF_EDB] = "database error",
		[KF_EEXIST] = "already exists",
		[KF_EIO] = "input/output error",
		[KF_ETOOBIG] = "too large",
		[KF_EPERM] = "not permitted",
		[KF_EINUSE] = "still in use",
		[KF_EAUTH] = "wrong credentials",
	};

	if ((int)e < 0 || e >= KF_ERR__MAX || !msg[e])
		return "unknown error";
	return msg[e];
}
