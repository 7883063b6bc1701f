/* worker.h: a small thread pool for slow jobs, so the HTTP threads never block. */
#ifndef KF_WORKER_H
#define KF_WORKER_H

typedef void (*worker_fn)(void *arg);

/* Starts n threads. 0 or -1. */
int worker_start(int n, int max_queue);
/* Queues a job; -1 when the queue is full (the caller answers 503). */
int worker_submit(worker_fn fn, void *arg);
/* Runs the queued jobs to the end, then joins the threads. */
void worker_stop(void);

#endif
