/* log.h: timestamped log lines on stderr. */
#ifndef KF_LOG_H
#define KF_LOG_H

enum kf_log_level { KF_LOG_DEBUG, KF_LOG_INFO, KF_LOG_WARN, KF_LOG_ERROR };

void kf_log_set_level(enum kf_log_level min);
void kf_log(enum kf_log_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
