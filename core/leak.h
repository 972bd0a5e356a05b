/* core/leak.h — placeholder until the leak-rate estimator lands (issue 3). */
#ifndef OOMTOP_LEAK_H
#define OOMTOP_LEAK_H
#include <stdint.h>
struct leak_series {
	int64_t last_t_ms;
};
#endif
