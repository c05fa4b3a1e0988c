/* check.h - the unit tests' one assertion: prints "ok NAME" or "not ok NAME: why". */
#ifndef NICRX_CHECK_H
#define NICRX_CHECK_H
#include <stdio.h>

#define CHECK(cond, ...) do {                                           \
        printf((cond) ? "ok " : "not ok ");                             \
        printf(__VA_ARGS__);                                            \
        if (!(cond)) printf(": %s (%s:%d)", #cond, __FILE__, __LINE__);  \
        printf("\n");                                                   \
    } while (0)
#endif
