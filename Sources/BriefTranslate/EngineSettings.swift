#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which translation engine to use and how to reach it, from (in order of precedence) command
/// flags, environment variables (BRIEF_ENGINE, BRIEF_SERVER, BRIEF_API_KEY, BRIEF_TIMEOUT) and a
/// config file (BRIEF_CONFIG, else $XDG_CONFIG_HOME/brief/config or ~/.config/brief/config).
public struct EngineSettings: Sendable, Equatable {
    /// The engines brief can drive.
    public enum Engine: String, Sendable, CaseIterable {
        case apertium, apy, libretranslate
    }

    public var engine: Engine = .apertium
    /// The server of apy or libretranslate; their usual local address when not given.
    public var server: String?
    public var apiKey: String?
    /// Seconds to wait for the engine.
    public var timeout: Double = 120
    /// Where the settings came from, for messages ("--engine", "BRIEF_ENGINE", "~/.config/brief/config:3").
    public var origin: [String: String] = [:]

    public init() {}

    /// The address used for a server engine when none is configured.
    public var serverAddress: String {
        if let server { return server }
        return engine == .libretranslate ? "http://127.0.0.1:5000" : "http://127.0.0.1:2737"
    }

    /// The engine as the translation cache knows it: its name, and a server's address (two
    /// servers may run different versions).
    public var cacheKey: String {
        engine == .apertium ? "apertium" : "\(engine.rawValue) \(serverAddress)"
    }

    /// The configured engine.
    public func translator() throws(TranslationError) -> any Translator {
        switch engine {
        case .apertium: return ApertiumTranslator(timeout: timeout)
        case .apy: return try APyTranslator(server: serverAddress, timeout: timeout)
        case .libretranslate: return try LibreTranslateTranslator(server: serverAddress, apiKey: apiKey, timeout: timeout)
        }
    }

    /// Settings from the config file, then the environment, then the flags given (nil: not given).
    public static func resolve(engine: String?, server: String?, apiKey: String?, timeout: Double?, configFile: String? = nil,
                               environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) throws(EngineSettingsError) -> EngineSettings {
        var settings = EngineSettings()
        let path = configFile ?? environment("BRIEF_CONFIG") ?? defaultConfigPath(environment)
        if let path {
            switch readFile(path) {
            case .success(let text): try settings.apply(configText: text, source: path)
            // The default file is optional; one named by flag or variable, or one that exists but
            // cannot be read, is an error.
            case .failure(let reason) where reason.code == ENOENT && configFile == nil && environment("BRIEF_CONFIG") == nil: break
            case .failure(let reason): throw .unreadable(path, reason: reason.message)
            }
        }
        try settings.set("engine", environment("BRIEF_ENGINE"), from: "BRIEF_ENGINE")
        try settings.set("server", environment("BRIEF_SERVER"), from: "BRIEF_SERVER")
        try settings.set("api_key", environment("BRIEF_API_KEY"), from: "BRIEF_API_KEY")
        try settings.set("timeout", environment("BRIEF_TIMEOUT"), from: "BRIEF_TIMEOUT")
        try settings.set("engine", engine, from: "--engine")
        try settings.set("server", server, from: "--server")
        try settings.set("api_key", apiKey, from: "--api-key")
        try settings.set("timeout", timeout.map { String($0) }, from: "--timeout")
        return settings
    }

    /// Reads `key = value` lines (# starts a comment): engine, server, api_key, timeout.
    mutating func apply(configText: String, source: String) throws(EngineSettingsError) {
        // Editors on Windows may start the file with a byte-order mark: not part of the first key.
        let configText = configText.unicodeScalars.first == "\u{FEFF}" ? String(configText.unicodeScalars.dropFirst()) : configText
        // Any line end: files saved on Windows end their lines with CR LF (one Character).
        for (number, raw) in configText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            // A comment starts a line or follows a space: an API key may hold a '#'.
            var end = raw.endIndex
            var index = raw.startIndex
            while index < raw.endIndex {
                if raw[index] == "#", index == raw.startIndex || raw[raw.index(before: index)] == " " || raw[raw.index(before: index)] == "\t" {
                    end = index
                    break
                }
                index = raw.index(after: index)
            }
            let line = raw[..<end].trimmingSpaces()
            if line.isEmpty { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw .badLine(source: source, line: number + 1, text: String(raw))
            }
            let key = line[..<equals].trimmingSpaces(), value = line[line.index(after: equals)...].trimmingSpaces()
            try set(key, value, from: "\(source):\(number + 1)")
        }
    }

    private mutating func set(_ key: String, _ value: String?, from origin: String) throws(EngineSettingsError) {
        guard let value else { return }
        switch key {
        case "engine":
            guard let engine = Engine(rawValue: value.lowercased()) else {
                throw .badValue(origin: origin, key: key, value: value, expected: Engine.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.engine = engine
        case "server":
            do { _ = try HTTPEndpoint(value) } catch { throw .badValue(origin: origin, key: key, value: value, expected: "an http:// or https:// address") }
            server = value
        case "api_key":
            apiKey = value.isEmpty ? nil : value
        case "timeout":
            guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
                throw .badValue(origin: origin, key: key, value: value, expected: "seconds between 0 and 3600")
            }
            timeout = seconds
        default:
            throw .unknownKey(origin: origin, key: key)
        }
        self.origin[key] = origin
    }

    static func defaultConfigPath(_ environment: (String) -> String?) -> String? {
        if let base = environment("XDG_CONFIG_HOME"), !base.isEmpty { return base + "/brief/config" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.config/brief/config" }
        return nil
    }

    /// Why a config file could not be read.
    struct ReadFailure: Error {
        let code: Int32
        let message: String
    }

    static func readFile(_ path: String) -> Result<String, ReadFailure> {
        guard let file = fopen(path, "rb") else { return .failure(ReadFailure(code: errno, message: String(cString: strerror(errno)))) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[0..<count]
            if bytes.count > 1 << 20 { return .failure(ReadFailure(code: EFBIG, message: "larger than 1 MB")) }
        }
        if ferror(file) != 0 { return .failure(ReadFailure(code: EIO, message: String(cString: strerror(errno)))) }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}

/// A setting that cannot be used, with where it was given.
public enum EngineSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String, reason: String)
    case badLine(source: String, line: Int, text: String)
    case badValue(origin: String, key: String, value: String, expected: String)
    case unknownKey(origin: String, key: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read the config file (\(reason))"
        case .badLine(let source, let line, let text): return "\(source):\(line): expected 'key = value', got '\(text)'"
        case .badValue(let origin, let key, let value, let expected): return "\(origin): \(key) '\(value)' is not valid (expected \(expected))"
        case .unknownKey(let origin, let key): return "\(origin): unknown setting '\(key)' (known: engine, server, api_key, timeout)"
        }
    }
}
