/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/identity_feed.h"

#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* libproc2 keeps per-thread buffers (static __thread) it never frees; when the feed
 * thread ends they are unreachable, and LeakSanitizer (the --enable-sanitizers build that
 * make distcheck runs in CI) would fail every run that started a feed. Bounded: one set,
 * once, for the one thread. Only leaks allocated inside libproc2 are suppressed. */
#if defined(__SANITIZE_ADDRESS__)
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libproc2.so\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0"; /* stderr is part of what the tests check */
}
#endif

/* Pins are opened for this many pids at a time, right before their identities are read. */
#define FEED_CHUNK 64
/* A waiting consumer is woken once this many records are queued (or a chunk is read):
 * waking it for each costs two context switches per process. */
#define FEED_WAKE_BATCH 16

/* One delivered identity: the strings follow the struct in the same allocation. */
struct record {
	struct record *next;
	struct proc_identity id;
	int pin_fd;
	char strings[];
};

struct identity_feed {
	struct proc_identity_reader *reader;
	int proc_fd;

	pthread_t thread;
	bool started, threaded;
	pthread_mutex_t lock;
	pthread_cond_t wake;  /* to the feed thread: a batch, or quit */
	pthread_cond_t ready; /* to the consumer: a record, or the batch is read */
	bool quit;

	/* the batch; under lock, except what only the feed thread touches while reading */
	const pid_t *pids;
	size_t n, pins_left;
	/* the feed thread's: the chunk being read and its pins */
	const pid_t *chunk;
	size_t nchunk, cursor;
	int pins[FEED_CHUNK];
	bool active;                /* between begin and end */
	bool pending;               /* begun, not yet taken by the feed thread */
	bool done;                  /* read to the end */
	struct record *head, *tail; /* delivered, not yet taken */
	size_t queued;              /* records from head to tail */
	bool waiting;               /* the consumer waits for records */

	struct record *taken;   /* the consumer's: taken from the queue, not yet handed out */
	struct record *current; /* the consumer's, freed at the next call */
};

static int open_pin(int proc_fd, pid_t pid)
{
	char path[32];
	snprintf(path, sizeof(path), "%d", (int)pid);
	return openat(proc_fd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
}

/* The pin opened for pid in the chunk being read, now the caller's, or -1. */
static int take_pin(struct identity_feed *f, pid_t pid)
{
	/* the reader delivers in the order asked, skipping some: look from the last one */
	for (size_t k = 0; k < f->nchunk; k++) {
		size_t i = (f->cursor + k) % f->nchunk;
		if (f->chunk[i] == pid) {
			f->cursor = i + 1;
			int fd = f->pins[i];
			f->pins[i] = -1;
			return fd;
		}
	}
	return -1;
}

/* On the feed thread (or inline): copy the identity, give it its pin, queue it. */
static void deliver(void *ctx, const struct proc_identity *id)
{
	struct identity_feed *f = ctx;
	size_t lu = strlen(id->user) + 1, lc = strlen(id->comm) + 1, lm = strlen(id->cmdline) + 1;
	struct record *rec = malloc(sizeof(*rec) + lu + lc + lm);
	if (!rec)
		return; /* this process is met again at the next refresh */
	rec->next = NULL;
	rec->id = *id;
	char *p = rec->strings;
	rec->id.user = memcpy(p, id->user, lu), p += lu;
	rec->id.comm = memcpy(p, id->comm, lc), p += lc;
	rec->id.cmdline = memcpy(p, id->cmdline, lm);
	rec->pin_fd = take_pin(f, id->pid);
	if (rec->pin_fd >= 0 && id->kernel_thread) { /* kernel threads hold nothing */
		close(rec->pin_fd);
		rec->pin_fd = -1;
		f->pins_left++;
	}
	pthread_mutex_lock(&f->lock);
	if (f->tail)
		f->tail->next = rec;
	else
		f->head = rec;
	f->tail = rec;
	if (f->waiting && ++f->queued >= FEED_WAKE_BATCH)
		pthread_cond_signal(&f->ready);
	pthread_mutex_unlock(&f->lock);
}

/* Wakes a waiting consumer for whatever is queued. */
static void wake(struct identity_feed *f)
{
	pthread_mutex_lock(&f->lock);
	if (f->waiting && f->head)
		pthread_cond_signal(&f->ready);
	pthread_mutex_unlock(&f->lock);
}

/* By chunks: first the pins of the chunk's pids, then their identities. An identity read
 * after its pin was opened is the pinned process's, or (its pid reused in between) the
 * first read through the pin fails: the pin proves the identity. */
static void read_batch(struct identity_feed *f)
{
	for (size_t off = 0; off < f->n; off += FEED_CHUNK) {
		size_t m = f->n - off < FEED_CHUNK ? f->n - off : FEED_CHUNK;
		f->chunk = f->pids + off;
		f->nchunk = m;
		f->cursor = 0;
		for (size_t i = 0; i < m; i++) {
			f->pins[i] = f->pins_left > 0 ? open_pin(f->proc_fd, f->chunk[i]) : -1;
			if (f->pins[i] >= 0)
				f->pins_left--;
		}
		proc_identity_read(f->reader, f->chunk, f->pins, m, deliver, f);
		for (size_t i = 0; i < m; i++) /* vanished: their pins go back */
			if (f->pins[i] >= 0) {
				close(f->pins[i]);
				f->pins_left++;
			}
		wake(f);
	}
	pthread_mutex_lock(&f->lock);
	f->done = true;
	pthread_cond_signal(&f->ready);
	pthread_mutex_unlock(&f->lock);
}

static void *feed_main(void *arg)
{
	struct identity_feed *f = arg;
	pthread_mutex_lock(&f->lock);
	for (;;) {
		while (!f->pending && !f->quit)
			pthread_cond_wait(&f->wake, &f->lock);
		if (f->quit)
			break;
		f->pending = false;
		pthread_mutex_unlock(&f->lock);
		read_batch(f);
		pthread_mutex_lock(&f->lock);
	}
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

struct identity_feed *identity_feed_new(struct proc_identity_reader *r, int proc_fd)
{
	struct identity_feed *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->reader = r;
	f->proc_fd = proc_fd;
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->wake, NULL);
	pthread_cond_init(&f->ready, NULL);
	return f;
}

static void start_thread(struct identity_feed *f)
{
	f->started = true;
	mallopt(M_ARENA_MAX, 1);
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	f->threaded = pthread_create(&f->thread, NULL, feed_main, f) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void identity_feed_begin(struct identity_feed *f, const pid_t *pids, size_t n, size_t max_pins)
{
	if (!f->started)
		start_thread(f);
	pthread_mutex_lock(&f->lock);
	f->pids = pids;
	f->n = n;
	f->pins_left = max_pins;
	f->done = false;
	f->active = true;
	f->pending = f->threaded;
	pthread_cond_signal(&f->wake);
	pthread_mutex_unlock(&f->lock);
	if (!f->threaded)
		read_batch(f);
}

const struct proc_identity *identity_feed_next(struct identity_feed *f, int *pin_fd)
{
	free(f->current);
	f->current = NULL;
	*pin_fd = -1;
	if (!f->taken) { /* take all that is queued, waiting for some if need be */
		pthread_mutex_lock(&f->lock);
		while (!f->head && !f->done) {
			f->waiting = true;
			f->queued = 0;
			pthread_cond_wait(&f->ready, &f->lock);
		}
		f->waiting = false;
		f->taken = f->head;
		f->head = f->tail = NULL;
		pthread_mutex_unlock(&f->lock);
	}
	struct record *rec = f->taken;
	if (!rec)
		return NULL;
	f->taken = rec->next;
	f->current = rec;
	*pin_fd = rec->pin_fd;
	return &rec->id;
}

void identity_feed_end(struct identity_feed *f)
{
	free(f->current);
	f->current = NULL;
	pthread_mutex_lock(&f->lock);
	while (f->active && !f->done)
		pthread_cond_wait(&f->ready, &f->lock);
	f->active = false;
	struct record *rec = f->head;
	f->head = f->tail = NULL;
	pthread_mutex_unlock(&f->lock);
	if (f->taken) { /* the consumer's first, then the queue's */
		struct record *last = f->taken;
		while (last->next)
			last = last->next;
		last->next = rec;
		rec = f->taken;
		f->taken = NULL;
	}
	for (struct record *next; rec; rec = next) {
		next = rec->next;
		if (rec->pin_fd >= 0)
			close(rec->pin_fd);
		free(rec);
	}
}

void identity_feed_free(struct identity_feed *f)
{
	if (!f)
		return;
	if (f->threaded) {
		pthread_mutex_lock(&f->lock);
		f->quit = true;
		pthread_cond_signal(&f->wake);
		pthread_mutex_unlock(&f->lock);
		pthread_join(f->thread, NULL);
	}
	pthread_mutex_destroy(&f->lock);
	pthread_cond_destroy(&f->wake);
	pthread_cond_destroy(&f->ready);
	free(f);
}
