import Foundation
import Testing
@testable import BriefTranslate

private let root = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

/// A one-thread HTTP server on 127.0.0.1 inside the test process: it records each request and
/// answers what the test tells it to. No LibreTranslate server is available here, so its request
/// and response handling is tested against this.
final class FakeServer: @unchecked Sendable {
    enum Reply {
        case answer(status: Int, body: String, chunked: Bool = false)
        case silence(seconds: Double)
        case raw(String)
        /// An answer, then the connection left open a while (as keep-alive servers do).
        case lingering(String, seconds: Double)
    }

    let port: Int
    private let socket: Int32
    private let lock = NSLock()
    private var replies: [Reply]
    private(set) var requests: [(head: String, body: String)] = []

    init(_ replies: [Reply]) throws {
        self.replies = replies
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        socket = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    var address: String { "http://127.0.0.1:\(port)" }

    func recorded() -> [(head: String, body: String)] {
        lock.lock(); defer { lock.unlock() }
        return requests
    }

    private func serve() {
        while true {
            lock.lock()
            guard !replies.isEmpty else { lock.unlock(); close(socket); return }
            let reply = replies.removeFirst()
            lock.unlock()
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            var data: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            // Read the head, then as much body as Content-Length says.
            while true {
                let count = read(client, &buffer, buffer.count)
                if count <= 0 { break }
                data += buffer[0..<count]
                if let end = headEnd(data) {
                    let head = String(decoding: data[..<end], as: UTF8.self)
                    let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                        .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                    if data.count >= end + 4 + length { break }
                }
            }
            let end = headEnd(data) ?? data.count
            lock.lock()
            requests.append((String(decoding: data[..<end], as: UTF8.self), String(decoding: data[min(end + 4, data.count)...], as: UTF8.self)))
            lock.unlock()
            switch reply {
            case .answer(let status, let body, let chunked):
                var text = "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\n"
                if chunked {
                    let bytes = Array(body.utf8)
                    let half = bytes.count / 2
                    text += "Transfer-Encoding: chunked\r\n\r\n"
                    text += String(half, radix: 16) + "\r\n" + String(decoding: bytes[..<half], as: UTF8.self) + "\r\n"
                    text += String(bytes.count - half, radix: 16) + "\r\n" + String(decoding: bytes[half...], as: UTF8.self) + "\r\n0\r\n\r\n"
                } else {
                    text += "Content-Length: \(body.utf8.count)\r\n\r\n" + body
                }
                _ = text.withCString { write(client, $0, strlen($0)) }
            case .silence(let seconds):
                Thread.sleep(forTimeInterval: seconds)
            case .raw(let text):
                _ = text.withCString { write(client, $0, strlen($0)) }
            case .lingering(let body, let seconds):
                let text = "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
                _ = text.withCString { write(client, $0, strlen($0)) }
                Thread.sleep(forTimeInterval: seconds)
            }
            close(client)
        }
    }
}

/// Where an HTTP head ends (the blank line), in bytes received so far.
private func headEnd(_ data: [UInt8]) -> Int? {
    guard data.count >= 4 else { return nil }
    for index in 0...(data.count - 4) where data[index] == 13 && data[index + 1] == 10 && data[index + 2] == 13 && data[index + 3] == 10 {
        return index
    }
    return nil
}

@Suite struct HTTPClientTests {
    @Test func addressesAreParsed() throws {
        let local = try HTTPEndpoint("http://127.0.0.1:2737")
        #expect(local.host == "127.0.0.1" && local.port == 2737 && !local.secure && local.basePath == "")
        let remote = try HTTPEndpoint("https://translate.example.org/api/")
        #expect(remote.secure && remote.port == 443 && remote.basePath == "/api" && remote.url("/translate") == "https://translate.example.org/api/translate")
        #expect(try HTTPEndpoint("http://[::1]:5000").host == "::1")
        for bad in ["ftp://x", "127.0.0.1:2737", "http://", "http://host:99999", "http://a b", "http://host\r\nX-Evil: 1", "http://host/a b"] {
            #expect(throws: HTTPError.self) { try HTTPEndpoint(bad) }
        }
    }

    @Test func configFilesAreReadAsWritten() throws {
        var settings = EngineSettings()
        // Windows line ends, a '#' inside a key, comments after a space.
        try settings.apply(configText: "engine = libretranslate\r\napi_key = ab#cd  # the key\r\n# server = x\r\ntimeout = 7\r\n", source: "c")
        #expect(settings.engine == .libretranslate && settings.apiKey == "ab#cd" && settings.timeout == 7 && settings.server == nil)
        #expect(throws: EngineSettingsError.unknownKey(origin: "c:1", key: "engin")) { try settings.apply(configText: "engin = apy", source: "c") }
        #expect(throws: EngineSettingsError.badValue(origin: "c:2", key: "timeout", value: "soon", expected: "seconds between 0 and 3600")) {
            try settings.apply(configText: "engine = apy\ntimeout = soon", source: "c")
        }
        // Flags over the environment over the file.
        let folder = NSTemporaryDirectory() + "brief-config-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "engine = apy\nserver = http://10.0.0.5:2737\ntimeout = 30\n".write(toFile: folder + "/config", atomically: true, encoding: .utf8)
        let environment: (String) -> String? = { ["BRIEF_CONFIG": folder + "/config", "BRIEF_TIMEOUT": "12"][$0] }
        let resolved = try EngineSettings.resolve(engine: nil, server: "http://127.0.0.1:9", apiKey: nil, timeout: nil, environment: environment)
        #expect(resolved.engine == .apy && resolved.server == "http://127.0.0.1:9" && resolved.timeout == 12)
        #expect(resolved.origin["engine"] == folder + "/config:1" && resolved.origin["server"] == "--server")
        #expect(throws: EngineSettingsError.unreadable(folder + "/none", reason: "No such file or directory")) {
            try EngineSettings.resolve(engine: nil, server: nil, apiKey: nil, timeout: nil, environment: { $0 == "BRIEF_CONFIG" ? folder + "/none" : nil })
        }
        // The default file is optional.
        let none = try EngineSettings.resolve(engine: nil, server: nil, apiKey: nil, timeout: nil, environment: { $0 == "HOME" ? folder + "/nohome" : nil })
        #expect(none.engine == .apertium && none.timeout == 120)
    }

    @Test func apertiumMarksLeaveAPyAnswers() {
        #expect(APyTranslator.strippingMarks("las #motor está en (@parque). #MeToo y @user", source: "the engine #MeToo @user")
                == "las motor está en (parque). #MeToo y @user")
    }

    @Test func formFieldsArePercentEncoded() {
        let request = HTTPRequest.form("/translate", [("langpair", "eng|spa"), ("q", "S-400 & F-35, «ok»")])
        #expect(String(decoding: request.body, as: UTF8.self) == "langpair=eng%7Cspa&q=S-400%20%26%20F-35%2C%20%C2%ABok%C2%BB")
    }
}

@Suite(.serialized) struct LibreTranslateTests {
    @Test func requestsAndAnswersFollowTheAPI() throws {
        let server = try FakeServer([
            .answer(status: 200, body: #"[{"code":"en","name":"English","targets":["ar","en","es"]},{"code":"ar","name":"Arabic","targets":["en"]}]"#),
            .answer(status: 200, body: #"{"translatedText":["اشترت <span translate=\"no\">S-400</span>","ثانيا"]}"#, chunked: true),
        ])
        let engine = try LibreTranslateTranslator(server: server.address, apiKey: "secret", timeout: 5)
        #expect(try engine.pairs() == [LanguagePair("en", "ar"), LanguagePair("en", "es"), LanguagePair("ar", "en")])
        let out = try engine.translate(html: ["Turkey bought <apertium-notrans>S-400</apertium-notrans>", "Second"], pair: LanguagePair("en", "ar"))
        #expect(out == ["اشترت <apertium-notrans>S-400</apertium-notrans>", "ثانيا"])
        #expect(GlossaryEnforcer.restore(out[0]) == "اشترت S-400")
        let requests = server.recorded()
        #expect(requests.count == 2)
        #expect(requests[0].head.hasPrefix("GET /languages HTTP/1.1\r\n"))
        #expect(requests[1].head.hasPrefix("POST /translate HTTP/1.1\r\n"))
        #expect(requests[1].head.contains("Content-Type: application/json"))
        let body = try JSONSerialization.jsonObject(with: Data(requests[1].body.utf8)) as? [String: Any]
        #expect(body?["q"] as? [String] == ["Turkey bought <span translate=\"no\">S-400</span>", "Second"])
        #expect(body?["source"] as? String == "en" && body?["target"] as? String == "ar")
        #expect(body?["format"] as? String == "html" && body?["api_key"] as? String == "secret")
    }

    @Test func refusalsAndGarbageAreClearErrors() throws {
        let server = try FakeServer([
            .answer(status: 403, body: #"{"error":"Invalid API key"}"#),
            .answer(status: 200, body: "<html>Welcome to nginx</html>"),
            .answer(status: 200, body: #"{"translatedText":["one"]}"#),
            .raw("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"transl"),
        ])
        let engine = try LibreTranslateTranslator(server: server.address, timeout: 5)
        let pair = LanguagePair("en", "ar")
        #expect(throws: TranslationError(engine: "libretranslate", problem: "\(server.address) answered HTTP 403: Invalid API key")) {
            try engine.translate(html: ["a"], pair: pair)
        }
        #expect(throws: TranslationError(engine: "libretranslate", problem: "\(server.address) answered something that is not its JSON: '<html>Welcome to nginx</html>'")) {
            try engine.translate(html: ["a"], pair: pair)
        }
        #expect(throws: TranslationError(engine: "libretranslate", problem: "answered 1 translations for 2 segments")) {
            try engine.translate(html: ["a", "b"], pair: pair)
        }
        do {
            _ = try engine.translate(html: ["a"], pair: pair)
            Issue.record("a cut answer must fail")
        } catch {
            #expect(error.problem.contains("cut short") && !error.unavailable, "\(error.problem)")
        }
    }

    @Test func slowAndDownServersFailInTime() throws {
        let server = try FakeServer([.silence(seconds: 3)])
        let slow = try LibreTranslateTranslator(server: server.address, timeout: 0.5)
        let start = Date()
        do {
            _ = try slow.translate(html: ["a"], pair: LanguagePair("en", "ar"))
            Issue.record("a silent server must time out")
        } catch {
            #expect(error.unavailable && error.problem.hasSuffix("did not answer within 0.5 s"))
        }
        #expect(Date().timeIntervalSince(start) < 2.5)
        // A whole answer on a connection the server keeps open is not waited out.
        let lingering = try FakeServer([.lingering(#"[{"code":"en","targets":["ar"]}]"#, seconds: 3)])
        let keptOpen = Date()
        #expect(try LibreTranslateTranslator(server: lingering.address, timeout: 10).pairs() == [LanguagePair("en", "ar")])
        #expect(Date().timeIntervalSince(keptOpen) < 2)
        // A port nobody listens on: the fake server's, once it has closed.
        let closed = try FakeServer([])
        Thread.sleep(forTimeInterval: 0.2)
        let down = try LibreTranslateTranslator(server: closed.address, timeout: 2)
        do {
            _ = try down.pairs()
            Issue.record("a closed port must fail")
        } catch {
            #expect(error.unavailable && error.problem.contains("connection refused"))
        }
    }
}

/// A real APy (Debian's apertium-apy), started on a free port bound to 127.0.0.1 and stopped
/// after the test.
@Suite(.serialized) struct APyTests {
    @Test func translatesThroughARealServer() throws {
        let script = root + "/scripts/apy/apy-loopback.py"
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/apertium-apy"), ProcessRunner.find("apertium") != nil else {
            return print("skipped: apertium-apy is not installed (apt install apertium-apy apertium-eng-spa)")
        }
        // A free port: bind to 0, read it, let it go.
        let probe = try FakeServer([])
        let port = probe.port
        Thread.sleep(forTimeInterval: 0.2)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [String(port)]
        // As CI runs: no locale at all in the environment (the script must set its own).
        process.environment = ProcessInfo.processInfo.environment.filter { !["LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE"].contains($0.key) }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // Stopped as a service is stopped (SIGTERM), and killed if it lingers.
            process.terminate()
            for _ in 0..<50 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let engine = try APyTranslator(server: "http://127.0.0.1:\(port)", timeout: 20)
        // Until it listens (a few seconds at most): connections are refused at once meanwhile.
        var pairs: [LanguagePair] = []
        let started = Date()
        while pairs.isEmpty, Date().timeIntervalSince(started) < 30, process.isRunning {
            if let found = try? engine.pairs() { pairs = found } else { Thread.sleep(forTimeInterval: 0.1) }
        }
        guard pairs.contains(LanguagePair("en", "es")) else {
            #expect(!pairs.isEmpty, "APy did not start")
            return print("skipped: apertium-eng-spa is not installed")
        }
        let out = try engine.translate(html: ["The house is red.", "", "Turkey bought the <apertium-notrans>S-400</apertium-notrans> system."],
                                       pair: LanguagePair("en", "es"))
        #expect(out.count == 3)
        #expect(out[0] == "La casa es roja.")
        #expect(out[1] == "")
        #expect(out[2].contains("<apertium-notrans>S-400</apertium-notrans>"))
        // The same text through the local engine gives the same translation.
        let local = try ApertiumTranslator().translate(html: [out.isEmpty ? "" : "The house is red."], pair: LanguagePair("en", "es"))
        #expect(local == [out[0]])
        #expect(throws: TranslationError.self) { try engine.translate(html: ["x"], pair: LanguagePair("en", "zz")) }
    }
}

/// An engine that counts its calls and answers each segment in capitals.
private final class CountingEngine: Translator, @unchecked Sendable {
    let name = "counting"
    var calls = 0
    var segmentsSent = 0
    func pairs() throws(TranslationError) -> [LanguagePair] { [LanguagePair("en", "es")] }
    func translate(html segments: [String], pair: LanguagePair) throws(TranslationError) -> [String] {
        calls += 1
        segmentsSent += segments.count
        return segments.map { $0.uppercased() }
    }
}

@Suite struct TranslationCacheTests {
    @Test func aSecondRunCallsNoEngine() throws {
        let folder = NSTemporaryDirectory() + "brief-cache-test-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard let cache = try? TranslationCache(path: folder + "/sub/translations.sqlite") else {
            // The library is built by swift build beside the test bundle; without it, say so.
            do { _ = try TranslationCache(path: folder + "/sub/translations.sqlite") } catch {
                guard case .libraryMissing = error else { Issue.record("\(error)"); return }
            }
            return print("skipped: libBriefTranslationStore.so is not built beside the tests")
        }
        let engine = CountingEngine()
        let pair = LanguagePair("en", "es")
        let cached = CachedTranslator(base: engine, cache: cache, engineKey: "counting", glossaryVersion: "v1")
        #expect(try cached.translate(html: ["one", "", "two"], pair: pair) == ["ONE", "", "TWO"])
        #expect(engine.calls == 1 && engine.segmentsSent == 2)
        // Again, and with a new segment beside the known ones: only the new one is sent.
        #expect(cached.cached(html: ["two", "one"], pair: pair) == ["TWO", "ONE"])
        #expect(try cached.translate(html: ["two", "three", "one"], pair: pair) == ["TWO", "THREE", "ONE"])
        #expect(engine.calls == 2 && engine.segmentsSent == 3)
        #expect(cached.cached(html: ["four"], pair: pair) == nil)
        // Another glossary version, engine or pair is another key.
        let newGlossary = CachedTranslator(base: engine, cache: cache, engineKey: "counting", glossaryVersion: "v2")
        _ = try newGlossary.translate(html: ["one"], pair: pair)
        _ = try cached.translate(html: ["one"], pair: LanguagePair("en", "ca"))
        #expect(engine.calls == 4)
        // What was written is there for the next process: a new connection finds it.
        let reopened = try TranslationCache(path: folder + "/sub/translations.sqlite")
        #expect(reopened.lookup(engine: "counting", pair: pair, glossary: "v1", segment: "three") == "THREE")
        #expect(reopened.hits == 1 && reopened.misses == 0 && cache.writeProblem == nil)
    }

    @Test func anUnusableCacheSaysWhy() throws {
        #expect(throws: TranslationCacheError.libraryMissing(searched: ["/no/such/folder"])) {
            try TranslationCache(path: "/tmp/x.sqlite", libraryFolders: ["/no/such/folder"])
        }
        guard (try? TranslationCache(path: NSTemporaryDirectory() + "brief-probe-\(getpid()).sqlite")) != nil else {
            return print("skipped: libBriefTranslationStore.so is not built beside the tests")
        }
        try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "brief-probe-\(getpid()).sqlite")
        do {
            _ = try TranslationCache(path: "/proc/no-such/translations.sqlite")
            Issue.record("a cache in an unwritable place must fail")
        } catch {
            #expect(error.description.hasPrefix("/proc/no-such/translations.sqlite: cannot open the translation cache"))
        }
    }
}
