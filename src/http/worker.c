/* worker.c: a fixed pool of threads taking jobs from one queue. */
#include <pthread.h>
#include <stdlib.h>

#include "worker.h"
#include "../lib/banned.h"

struct job {
	worker_fn fn;
	void *arg;
	struct job *next;
};

static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct job *head, *tail;
	int queued, max_queue, stopping, nthreads;
	pthread_t *threads;
} pool = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

static void *worker_main(void *unused)
{
	(void)unused;
	for (;;) {
		struct job *j;

		pthread_mutex_lock(&pool.mu);
		while (!pool.head && !pool.stopping)
			pthread_cond_wait(&pool.cv, &pool.mu);
		j = pool.head;
		if (!j) {
			pthread_mutex_unlock(&pool.mu);
			return NULL;
		}
		pool.head = j->next;
		if (!pool.head)
			pool.tail = NULL;
		pool.queued--;
		pthread_mutex_unlock(&pool.mu);
		j->fn(j->arg);
		free(j);
	}
}

int worker_start(int n, int max_queue)
{
	pool.threads = calloc((size_t)n, sizeof(pthread_t));
	if (!pool.threads)
		return -1;
	pool.max_queue = max_queue;
	pool.stopping = 0;
	for (pool.nthreads = 0; pool.nthreads < n; pool.nthreads++)
		if (pthread_create(&pool.threads[pool.nthreads], NULL, worker_main, NULL) != 0) {
			worker_stop();
			return -1;
		}
	return 0;
}

int worker_submit(worker_fn fn, void *arg)
{
	struct job *j = malloc(sizeof(*j));

	if (!j)
		return -1;
	j->fn = fn;
	j->arg = arg;
	j->next = NULL;
	pthread_mutex_lock(&pool.mu);
	if (pool.queued >= pool.max_queue || pool.stopping) {
		pthread_mutex_unlock(&pool.mu);
		free(j);
		return -1;
	}
	if (pool.tail)
		pool.tail->next = j;
	else
		pool.head = j;
	pool.tail = j;
	pool.queued++;
	pthread_cond_signal(&pool.cv);
	pthread_mutex_unlock(&pool.mu);
	return 0;
}

void worker_stop(void)
{
	pthread_mutex_lock(&pool.mu);
	pool.stopping = 1;
	pthread_cond_broadcast(&pool.cv);
	pthread_mutex_unlock(&pool.mu);
	for (int i = 0; i < pool.nthreads; i++)
		pthread_join(pool.threads[i], NULL);
	free(pool.threads);
	pool.threads = NULL;
	pool.nthreads = 0;
}
