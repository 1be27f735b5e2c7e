// See process_group.h. Everything between fork() and execve()/_exit() is async-signal-safe:
// brief is multi-threaded, and a forked child may only make such calls.
#define _GNU_SOURCE
#include "process_group.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void kill_own_group(int signal_number) {
    (void)signal_number;
    kill(0, SIGKILL);
    _exit(137);
}

static void close_from(int lowest) {
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lowest, ~0U, 0) == 0) return;
#endif
    long limit = sysconf(_SC_OPEN_MAX);
    if (limit < 0 || limit > 65536) limit = 65536;
    for (int fd = lowest; fd < limit; fd++) close(fd);
}

static void default_signals(void) {
    struct sigaction action = {0};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    // brief ignores SIGPIPE; an ignored signal would stay ignored across execve.
    for (int number = 1; number < NSIG; number++) {
        if (number == SIGKILL || number == SIGSTOP) continue;
        sigaction(number, &action, NULL);
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

pid_t brief_spawn_guarded(const char *path, char *const argv[], char *const envp[],
                          int in_fd, int out_fd, int err_fd, int *error) {
    pid_t parent = getpid();
    // The engine's exec failure travels back through this pipe (closed on a successful exec).
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) { *error = errno; return -1; }
    pid_t guard = fork();
    if (guard < 0) { *error = errno; close(report[0]); close(report[1]); return -1; }
    if (guard == 0) {
        setpgid(0, 0);
        default_signals();
        // Told when brief goes, however it goes; checked after, in case it went already.
        struct sigaction action = {0};
        action.sa_handler = kill_own_group;
        sigemptyset(&action.sa_mask);
        sigaction(SIGTERM, &action, NULL);
        sigaction(SIGHUP, &action, NULL);
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) kill_own_group(0);
        pid_t engine = fork();
        if (engine < 0) {
            int code = errno;
            (void)!write(report[1], &code, sizeof code);
            _exit(127);
        }
        if (engine == 0) {
            default_signals();
            if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) {
                int code = errno;
                (void)!write(report[1], &code, sizeof code);
                _exit(127);
            }
            // The report pipe is kept (close-on-exec does the rest) while other descriptors go.
            int keep = report[1];
            if (keep != 3) { dup2(keep, 3); fcntl(3, F_SETFD, FD_CLOEXEC); }
            close_from(4);
            execve(path, argv, envp);
            int code = errno;
            (void)!write(3, &code, sizeof code);
            _exit(127);
        }
        // The guard keeps none of brief's descriptors: pipes close when the engine ends.
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); }
        close_from(3);
        int status = 0;
        while (waitpid(engine, &status, 0) < 0) {
            if (errno != EINTR) _exit(127);
        }
        if (WIFEXITED(status)) _exit(WEXITSTATUS(status));
        _exit(128 + WTERMSIG(status));
    }
    close(report[1]);
    int code = 0;
    ssize_t got;
    do { got = read(report[0], &code, sizeof code); } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof code) {
        int status = 0;
        waitpid(guard, &status, 0);
        *error = code;
        return -1;
    }
    return guard;
}

void brief_kill_group(pid_t guard) {
    if (guard > 0) kill(-guard, SIGKILL);
}
