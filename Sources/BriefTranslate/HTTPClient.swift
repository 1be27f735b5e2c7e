#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BriefInput

/// Why an HTTP exchange with a translation server failed.
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case badAddress(String)
    case cannotResolve(host: String)
    case cannotConnect(host: String, port: Int, errno: Int32)
    case timedOut(host: String, seconds: Double)
    case broken(host: String, detail: String)

    public var description: String {
        switch self {
        case .badAddress(let address): return "'\(address)' is not an http:// or https:// address"
        case .cannotResolve(let host): return "cannot find the host '\(host)'"
        case .cannotConnect(let host, let port, let code):
            let reason = code == ECONNREFUSED ? "connection refused: is the server running?" : String(cString: strerror(code))
            return "cannot connect to \(host):\(port) (\(reason))"
        case .timedOut(let host, let seconds): return "\(host) did not answer within \(Self.seconds(seconds))"
        case .broken(let host, let detail): return "\(host) sent a broken HTTP answer (\(detail))"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// A server's address, split into what a request needs: "http://127.0.0.1:2737" or
/// "https://translate.example.org/api".
public struct HTTPEndpoint: Sendable, Equatable, CustomStringConvertible {
    public let secure: Bool
    public let host: String
    public let port: Int
    /// Path prefix without a trailing slash ("" or "/api").
    public let basePath: String

    public init(_ address: String) throws(HTTPError) {
        var rest = Substring(address.trimmingSpaces())
        // Spaces and control characters would end the request line or start a header.
        // A query or fragment has no place before the API's own paths.
        guard !rest.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "?" || $0 == "#" }) else {
            throw .badAddress(address)
        }
        if rest.hasPrefix("http://") {
            secure = false
            rest = rest.dropFirst(7)
        } else if rest.hasPrefix("https://") {
            secure = true
            rest = rest.dropFirst(8)
        } else {
            throw .badAddress(address)
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        basePath = path
        var port = secure ? 443 : 80
        if authority.hasPrefix("[") {
            // An IPv6 literal: "[::1]:2737".
            guard let close = authority.firstIndex(of: "]") else { throw .badAddress(address) }
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let value = Int(after.dropFirst()), (1...65535).contains(value) else { throw .badAddress(address) }
                port = value
            } else if !after.isEmpty {
                throw .badAddress(address)
            }
            authority = authority[authority.index(after: authority.startIndex)..<close]
        } else if let colon = authority.lastIndex(of: ":") {
            guard let value = Int(authority[authority.index(after: colon)...]), (1...65535).contains(value) else { throw .badAddress(address) }
            port = value
            authority = authority[..<colon]
        }
        guard !authority.isEmpty, !authority.contains(where: { $0 == " " || $0 == "@" }) else { throw .badAddress(address) }
        host = String(authority)
        self.port = port
    }

    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let defaultPort = secure ? 443 : 80
        return "\(secure ? "https" : "http")://\(shownHost)\(port == defaultPort ? "" : ":\(port)")\(basePath)"
    }

    /// The full address of a path on this server.
    public func url(_ path: String) -> String { description + path }
}

/// One request: method, path under the endpoint, headers and body.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var path: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.path == b.path && a.body == b.body
            && a.headers.map { "\($0.name):\($0.value)" } == b.headers.map { "\($0.name):\($0.value)" }
    }

    /// A form-encoded POST (application/x-www-form-urlencoded), as APy takes its arguments.
    public static func form(_ path: String, _ fields: [(String, String)]) -> HTTPRequest {
        let body = fields.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&")
        return HTTPRequest(method: "POST", path: path, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    /// A JSON POST, as LibreTranslate takes its arguments.
    public static func json(_ path: String, _ body: [UInt8]) -> HTTPRequest {
        HTTPRequest(method: "POST", path: path, headers: [("Content-Type", "application/json")], body: body)
    }

    /// Percent-encoding for form fields: unreserved characters stay, every other byte is %XX.
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }
}

/// A server's answer: status, headers (names lowercased) and body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Carries a request to a server and brings back its answer.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, to endpoint: HTTPEndpoint, timeout: Double) throws(HTTPError) -> HTTPResponse
}

/// brief's HTTP client (async-http-client in libBriefHTTP.so, TLS through swift-nio-ssl): the
/// transport of every translation server, http and https alike.
public struct DefaultTransport: HTTPTransport {
    /// Answers above this are refused (a translation of a brief is kilobytes).
    public var maxBytes = 64 << 20

    public init() {}

    public func send(_ request: HTTPRequest, to endpoint: HTTPEndpoint, timeout: Double) throws(HTTPError) -> HTTPResponse {
        let library: HTTPLibrary
        do { library = try HTTPLibrary.shared() } catch { throw .broken(host: endpoint.host, detail: error.description) }
        let headers = [("User-Agent", URLFetcher.userAgent), ("Accept", "application/json")] + request.headers.map { ($0.name, $0.value) }
        do {
            let answer = try library.request(method: request.method, url: endpoint.url(request.path), headers: headers, body: request.body,
                                             timeout: timeout, maxBytes: maxBytes, maxRedirects: 0)
            var fields: [String: String] = [:]
            for (name, value) in answer.headers { fields[name.lowercased()] = value }
            return HTTPResponse(status: answer.status, headers: fields, body: answer.body)
        } catch {
            guard case .failed(_, let kind, let reason) = error else { throw .broken(host: endpoint.host, detail: error.description) }
            switch kind {
            case .refused: throw .cannotConnect(host: endpoint.host, port: endpoint.port, errno: ECONNREFUSED)
            case .resolve: throw .cannotResolve(host: endpoint.host)
            case .timeout: throw .timedOut(host: endpoint.host, seconds: timeout)
            case .url: throw .badAddress(endpoint.description)
            case .redirects, .toolarge, .broken: throw .broken(host: endpoint.host, detail: reason)
            }
        }
    }
}
