/* LD_PRELOAD shim for tests: daisy-player reads /proc/asound/cards, which a machine without a
   sound card lacks; this answers that one path from $FAKE_ASOUND_CARDS. Playback goes to a
   PulseAudio null sink. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static const char *fake(const char *path) {
  if (path && strcmp(path, "/proc/asound/cards") == 0) return getenv("FAKE_ASOUND_CARDS");
  return path;
}
FILE *fopen(const char *path, const char *mode) {
  static FILE *(*real)(const char *, const char *);
  if (!real) real = dlsym(RTLD_NEXT, "fopen");
  return real(fake(path), mode);
}
FILE *fopen64(const char *path, const char *mode) {
  static FILE *(*real)(const char *, const char *);
  if (!real) real = dlsym(RTLD_NEXT, "fopen64");
  return real(fake(path), mode);
}
