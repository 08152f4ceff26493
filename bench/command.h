/* Command lines: argument vectors, a command line split into words the
 * way a shell would, one shown with the quotes a shell needs, and counts
 * given on one (bench and gen-bench-unit). */
#ifndef VMSDCHECK_BENCH_COMMAND_H
#define VMSDCHECK_BENCH_COMMAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A NULL-terminated argument vector; it owns its strings. */
struct strvec {
    char **v;
    size_t n;
};

void strvec_push(struct strvec *sv, char *s);
void strvec_free(struct strvec *sv);

/* Split the command line S into words the way a POSIX shell splits
 * simple words, appended to OUT; false with a message in ERR on an
 * unterminated quote. */
bool split_command(const char *s, struct strvec *out,
                   char *err, size_t errsize);

/* ARGV on one line, each word quoted where a shell needs it. */
void print_argv(FILE *out, char *const *argv);

/* S as a whole number from MIN to MAX. */
bool parse_count(const char *s, long min, long max, long *out);

/* The word S begins with PREFIX (an option with its value attached). */
bool starts_with(const char *s, const char *prefix);

#endif
