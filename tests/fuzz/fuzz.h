/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz.h — what every libFuzzer target here shares.
 *
 * The parsers take C strings (the readers NUL-terminate what they read), so each input
 * is copied into a fresh NUL-terminated heap buffer: ASan then catches a read past the
 * end of the text exactly. FUZZ_CHECK aborts with a message when a property fails, so
 * libFuzzer saves the input as a crash. */
#ifndef OOMTOP_FUZZ_H
#define OOMTOP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#define FUZZ_CHECK(cond)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                           \
		}                                                                          \
	} while (0)

#endif
