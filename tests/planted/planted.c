/* A library someone left in a folder: if the loader ever maps it, its
 * constructor leaves a marker, so a test can tell that it ran. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void planted_library_ran(void) {
    const char* dir = getenv("KARTLA_PLANTED_MARKERS");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.ran", dir && *dir ? dir : ".", PLANTED_NAME);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) close(fd);
}
