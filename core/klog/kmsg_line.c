/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/kmsg_line.h"

#include <stdlib.h>
#include <string.h>

void kmsg_line_emit(kmsg_line_fn fn, void *ctx, const struct kmsg_line *proto, const char *text,
		    size_t len, bool continuation)
{
	char small[1024];
	char *copy = len < sizeof(small) ? small : malloc(len + 1);
	if (!copy)
		return; /* out of memory: the line is lost, never the process */
	memcpy(copy, text, len);
	copy[len] = '\0';
	struct kmsg_line l = *proto;
	l.text = copy;
	l.text_len = len;
	l.continuation = continuation;
	fn(ctx, &l);
	if (copy != small)
		free(copy);
}

int kmsg_line_emit_split(kmsg_line_fn fn, void *ctx, const struct kmsg_line *proto,
			 const char *text, size_t len)
{
	int n = 0;
	bool cont = proto->continuation;
	for (;;) {
		const char *nl = memchr(text, '\n', len);
		size_t piece = nl ? (size_t)(nl - text) : len;
		if (!(nl == NULL && piece == 0 && n > 0)) { /* no empty tail after a final \n */
			kmsg_line_emit(fn, ctx, proto, text, piece, cont);
			n++;
		}
		if (!nl)
			break;
		text = nl + 1;
		len -= piece + 1;
		cont = true;
	}
	return n;
}
