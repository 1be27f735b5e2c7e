import Foundation
import Testing

/// Engines never outlive brief (issue 12, 7): on a timeout and when brief is killed, every process
/// of the engine's pipeline ends. A stand-in `apertium` (a shell script that starts a child and
/// waits, as Apertium's script starts its pipeline) records its processes' ids.
@Suite(.serialized) struct EngineProcessTests {
    /// A folder holding a fake `apertium`; its processes write their pids to `pids`.
    func fakeEngine() throws -> (folder: String, pids: String) {
        let folder = (try BriefBinary.temporaryFile("x", Data()) as NSString).deletingLastPathComponent
        let script = """
        #!/bin/sh
        if [ "$1" = "-l" ]; then echo "eng-spa"; exit 0; fi
        sleep 300 &
        echo $! >> "\(folder)/pids"
        echo $$ >> "\(folder)/pids"
        wait
        """
        let path = folder + "/apertium"
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return (folder, folder + "/pids")
    }

    /// Whether a process is gone (or a zombie waiting for init to reap it).
    func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(close, offsetBy: 2)] == "Z"
    }

    func pids(_ file: String) -> [Int32] {
        ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
    }

    func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    @Test func aTimeoutKillsTheWholePipeline() throws {
        let (folder, pidFile) = try fakeEngine()
        let article = try BriefBinary.temporaryFile("a.txt", Data("The minister said the talks went on.\n".utf8))
        let result = try BriefBinary.run(["translate", article, "--to", "es", "--no-cache", "--timeout", "1"],
                                         environment: ["PATH": folder + ":/usr/bin:/bin"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did not answer within 1 s"))
        let started = pids(pidFile)
        #expect(started.count == 2)
        #expect(waitUntil(5) { started.allSatisfy(isGone) }, "left running: \(started.filter { !isGone($0) })")
    }

    @Test func killingBriefEndsItsEngine() throws {
        let (folder, pidFile) = try fakeEngine()
        let article = try BriefBinary.temporaryFile("a.txt", Data("The minister said the talks went on.\n".utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BriefBinary.executable)
        process.arguments = ["translate", article, "--to", "es", "--no-cache"]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder + ":/usr/bin:/bin"
        environment["BRIEF_CACHE_DIR"] = folder
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        #expect(waitUntil(30) { pids(pidFile).count == 2 })
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let started = pids(pidFile)
        #expect(started.count == 2)
        #expect(waitUntil(5) { started.allSatisfy(isGone) }, "left running: \(started.filter { !isGone($0) })")
        for pid in started where !isGone(pid) { kill(pid, SIGKILL) }
    }
}
