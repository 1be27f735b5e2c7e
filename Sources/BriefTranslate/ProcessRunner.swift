#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcessGroup

/// What went wrong running an engine's process.
public enum ProcessError: Error, Sendable, Equatable {
    case notFound(String)
    case failed(String, status: Int32, stderr: String)
    case timedOut(String, seconds: Double)
    case system(String, errno: Int32)
}

/// Runs a program with input on its standard input and collects its output, without a shell
/// and without deadlock: input is written while output is read, both through poll().
public enum ProcessRunner {
    /// The full path of `name` on PATH, or nil.
    public static func find(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Standard output of `arguments[0]` run with `arguments`, fed `input`; fails on a non-zero
    /// exit, with the program's standard error in the error.
    public static func run(_ arguments: [String], input: [UInt8], timeout: Double) throws(ProcessError) -> [UInt8] {
        guard let executable = find(arguments[0]) else { throw .notFound(arguments[0]) }
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw .system("pipe", errno: errno) }
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The engine runs in a group of its own, led by a guard that kills the group if brief
        // dies: a timeout or a killed brief leaves no pipeline process behind.
        var spawnError: Int32 = 0
        let pid = brief_spawn_guarded(executable, &argv, environ, inPipe[0], outPipe[1], errPipe[1], &spawnError)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard pid > 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            if spawnError == ENOENT || spawnError == EACCES { throw .notFound(arguments[0]) }
            throw .system("starting \(executable)", errno: spawnError)
        }
        var finished = false
        defer { if !finished { brief_kill_group(pid); var status: Int32 = 0; waitpid(pid, &status, 0) } }
        // A closed reader must not kill us with SIGPIPE: the write then fails with EPIPE.
        signal(SIGPIPE, SIG_IGN)
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var output: [UInt8] = [], errors: [UInt8] = []
        var written = 0
        var inputOpen = true, outOpen = true, errOpen = true
        if input.isEmpty { close(inPipe[1]); inputOpen = false }
        let deadline = monotonic() + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while outOpen || errOpen {
            let remaining = deadline - monotonic()
            if remaining <= 0 {
                brief_kill_group(pid)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                finished = true
                [inputOpen ? inPipe[1] : -1, outOpen ? outPipe[0] : -1, errOpen ? errPipe[0] : -1].filter { $0 >= 0 }.forEach { close($0) }
                throw .timedOut(arguments[0], seconds: timeout)
            }
            var fds: [pollfd] = []
            if inputOpen { fds.append(pollfd(fd: inPipe[1], events: Int16(POLLOUT), revents: 0)) }
            if outOpen { fds.append(pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0)) }
            if errOpen { fds.append(pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0, errno != EINTR {
                let code = errno
                [inputOpen ? inPipe[1] : -1, outOpen ? outPipe[0] : -1, errOpen ? errPipe[0] : -1].filter { $0 >= 0 }.forEach { close($0) }
                throw .system("poll", errno: code)
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == inPipe[1] {
                    let count = input[written...].withUnsafeBytes { write(entry.fd, $0.baseAddress, min($0.count, 65536)) }
                    if count > 0 { written += count }
                    if count < 0, errno != EAGAIN { written = input.count }
                    if written >= input.count { close(inPipe[1]); inputOpen = false }
                } else {
                    let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                    if count > 0 {
                        if entry.fd == outPipe[0] { output += buffer[0..<count] } else { errors += buffer[0..<count] }
                    } else if count == 0 || errno != EAGAIN {
                        close(entry.fd)
                        if entry.fd == outPipe[0] { outOpen = false } else { errOpen = false }
                    }
                }
            }
        }
        if inputOpen { close(inPipe[1]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        finished = true
        let exited = (status & 0x7F) == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard code == 0 else {
            throw .failed(arguments.joined(separator: " "), status: code,
                          stderr: String(decoding: errors.prefix(500), as: UTF8.self))
        }
        return output
    }

    static func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
