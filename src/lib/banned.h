/* banned.h: functions krisenfest never calls, because safer ones exist. */
#ifndef KF_BANNED_H
#define KF_BANNED_H

#define KF_BANNED(func) sorry_##func##_is_banned_in_krisenfest

#undef strcpy
#define strcpy(x, y) KF_BANNED(strcpy)
#undef strcat
#define strcat(x, y) KF_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) KF_BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) KF_BANNED(strncat)
#undef sprintf
#define sprintf(...) KF_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) KF_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) KF_BANNED(strtok)
#undef gmtime
#define gmtime(t) KF_BANNED(gmtime)
#undef localtime
#define localtime(t) KF_BANNED(localtime)
#undef atoi
#define atoi(s) KF_BANNED(atoi)
#undef mktemp
#define mktemp(s) KF_BANNED(mktemp)

#endif
