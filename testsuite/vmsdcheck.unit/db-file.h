/* Writing a database to a temporary file for a test. */
#ifndef VMSDCHECK_UNIT_DB_FILE_H
#define VMSDCHECK_UNIT_DB_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A new file holding TEXT; the caller unlinks and frees the path. */
static char *write_temp_file(const char *text)
{
    char *path = strdup("/tmp/vmsdcheck-unit-XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
    if (!f) {
        perror("vmsdcheck unit test: temporary file");
        exit(1);
    }
    fputs(text, f);
    fclose(f);
    return path;
}

#endif
