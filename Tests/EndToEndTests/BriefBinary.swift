import Foundation

/// Runs the built `brief` executable as users do, capturing its output and exit status.
enum BriefBinary {
    static let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
    static let shared = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path

    /// The `brief` built next to the test bundle (same build folder and configuration).
    static var executable: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("brief").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot + "/.build/debug/brief"
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs brief with `arguments`, feeding `input` on standard input; kills it after `timeout` seconds.
    /// A cache folder of the test run's own (glossary compact form, translations), so that tests
    /// neither read nor write the user's; and no user config file.
    static let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-e2e-cache-\(getpid())").path

    static func run(_ arguments: [String], input: Data? = nil, timeout: TimeInterval = 60,
                    environment extra: [String: String] = [:]) throws -> Result {
        // brief may exit before reading all of its input (a size limit, an error): writing the
        // rest must fail with EPIPE, not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEF_CACHE_DIR"] = cacheFolder
        environment["BRIEF_CONFIG"] = nil
        environment["XDG_CONFIG_HOME"] = cacheFolder + "/no-config"
        for key in ["BRIEF_ENGINE", "BRIEF_SERVER", "BRIEF_API_KEY", "BRIEF_TIMEOUT"] { environment[key] = nil }
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        let writer = Thread {
            if let input { try? inPipe.fileHandleForWriting.write(contentsOf: input) }
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A new file in a temporary folder holding `bytes`.
    static func temporaryFile(_ name: String, _ bytes: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }
}
