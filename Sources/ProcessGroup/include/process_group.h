// Starting an engine's process so that it never outlives brief.
//
// The engine (Apertium's shell script and the pipeline it starts: lt-proc, apertium-tagger …) runs
// in a process group of its own, led by a small guard process. Killing the group ends the whole
// pipeline; and the guard asks the kernel to be told when brief dies (PR_SET_PDEATHSIG), even by
// SIGKILL, and then kills the group. Plain C types only.
#ifndef BRIEF_PROCESS_GROUP_H
#define BRIEF_PROCESS_GROUP_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Starts `path` with `argv` and `envp` (NULL-terminated) in a new process group whose id is the
/// returned pid (the guard's), with `in_fd`, `out_fd`, `err_fd` as its standard streams. Every
/// other descriptor is closed in the engine. Returns -1 with `*error` set to an errno on failure.
/// The guard exits with the engine's status (128 + signal when the engine was killed by one).
pid_t brief_spawn_guarded(const char *path, char *const argv[], char *const envp[],
                          int in_fd, int out_fd, int err_fd, int *error);

/// Kills the whole group started by `brief_spawn_guarded` (SIGKILL).
void brief_kill_group(pid_t guard);

#ifdef __cplusplus
}
#endif

#endif
