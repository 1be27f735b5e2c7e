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
    case curlMissing(String)

    public var description: String {
        switch self {
        case .badAddress(let address): return "'\(address)' is not an http:// or https:// address"
        case .cannotResolve(let host): return "cannot find the host '\(host)'"
        case .cannotConnect(let host, let port, let code):
            let reason = code == ECONNREFUSED ? "connection refused: is the server running?" : String(cString: strerror(code))
            return "cannot connect to \(host):\(port) (\(reason))"
        case .timedOut(let host, let seconds): return "\(host) did not answer within \(Self.seconds(seconds))"
        case .broken(let host, let detail): return "\(host) sent a broken HTTP answer (\(detail))"
        case .curlMissing(let address): return "https addresses (\(address)) go through curl, which is not installed (Debian: apt install curl)"
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

    /// The request as HTTP/1.1 bytes for `endpoint`; the connection closes after the answer.
    public func serialized(for endpoint: HTTPEndpoint) -> [UInt8] {
        let hostHeader = endpoint.host.contains(":") ? "[\(endpoint.host)]:\(endpoint.port)" : "\(endpoint.host):\(endpoint.port)"
        var head = "\(method) \(endpoint.basePath)\(path) HTTP/1.1\r\nHost: \(hostHeader)\r\nUser-Agent: brief\r\nAccept: application/json\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
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

    /// Parses a whole HTTP/1.x answer (the connection closed after it): Content-Length,
    /// chunked transfer, or the body up to the close.
    public static func parse(_ bytes: [UInt8], host: String, bodyDecoded: Bool = false) throws(HTTPError) -> HTTPResponse {
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else {
            throw .broken(host: host, detail: bytes.isEmpty ? "no answer" : "no end of headers")
        }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw .broken(host: host, detail: "status line '\(statusLine.joined(separator: " ").prefix(60))'")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...]).trimmingSpaces()
        }
        var body = Array(bytes[(headEnd + 4)...])
        if bodyDecoded {
            // curl has undone the transfer encoding already.
        } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body, host: host)
        } else if let text = headers["content-length"] {
            guard let length = Int(text), length >= 0 else { throw .broken(host: host, detail: "Content-Length '\(text)'") }
            guard body.count >= length else { throw .broken(host: host, detail: "body cut short: \(body.count) of \(length) bytes") }
            body = Array(body.prefix(length))
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// Whether `bytes` hold a whole answer by its own framing (Content-Length, or the last chunk);
    /// an answer framed by the connection's close is whole only then.
    static func isComplete(_ bytes: [UInt8]) -> Bool {
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else { return false }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self).lowercased()
        let bodyLength = bytes.count - headEnd - 4
        for line in head.split(separator: "\r\n") {
            // A length that is no number is left to the parser to report, once the server closes.
            if line.hasPrefix("content-length:") { return Int(line.dropFirst(15).trimmingSpaces()).map { $0 >= 0 && bodyLength >= $0 } ?? false }
            if line.hasPrefix("transfer-encoding:"), line.contains("chunked") {
                return bodyLength >= 5 && Array(bytes.suffix(5)) == Array("0\r\n\r\n".utf8)
                    && (try? dechunk(Array(bytes[(headEnd + 4)...]), host: "")) != nil
            }
        }
        // No body for these, whatever the framing.
        if let status = head.split(separator: " ").dropFirst().first.flatMap({ Int($0) }), status == 204 || status == 304 || (100..<200).contains(status) {
            return true
        }
        return false
    }

    static func dechunk(_ bytes: [UInt8], host: String) throws(HTTPError) -> [UInt8] {
        var body: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: index) else { throw .broken(host: host, detail: "chunk size missing") }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            let digits = sizeText.trimmingSpaces()
            guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy(\.isHexDigit), let size = Int(digits, radix: 16) else {
                throw .broken(host: host, detail: "chunk size '\(sizeText)'")
            }
            index = lineEnd + 2
            if size == 0 { return body }
            guard size <= bytes.count - index else { throw .broken(host: host, detail: "chunk cut short") }
            body += bytes[index..<(index + size)]
            index += size + 2
        }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
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

/// HTTP/1.1 over a TCP socket, with one deadline for connecting, sending and reading.
public struct SocketTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequest, to endpoint: HTTPEndpoint, timeout: Double) throws(HTTPError) -> HTTPResponse {
        let deadline = ProcessRunner.monotonic() + timeout
        let socket = try connect(endpoint, deadline: deadline, timeout: timeout)
        defer { close(socket) }
        signal(SIGPIPE, SIG_IGN)
        let bytes = request.serialized(for: endpoint)
        var written = 0
        while written < bytes.count {
            try wait(socket, for: Int16(POLLOUT), deadline: deadline, endpoint: endpoint, timeout: timeout)
            let count = bytes[written...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .broken(host: endpoint.host, detail: "sending failed: \(String(cString: strerror(errno)))")
            }
            written += count
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            try wait(socket, for: Int16(POLLIN), deadline: deadline, endpoint: endpoint, timeout: timeout)
            let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .broken(host: endpoint.host, detail: "reading failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            answer += buffer[0..<count]
            if answer.count > 64 << 20 { throw .broken(host: endpoint.host, detail: "answer larger than 64 MB") }
            // A server that keeps the connection open despite "Connection: close" is not waited
            // for once its answer is whole.
            if HTTPResponse.isComplete(answer) { break }
        }
        return try HTTPResponse.parse(answer, host: endpoint.host)
    }

    private func connect(_ endpoint: HTTPEndpoint, deadline: Double, timeout: Double) throws(HTTPError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list) == 0, let first = list else {
            throw .cannotResolve(host: endpoint.host)
        }
        defer { freeaddrinfo(list) }
        var lastError: Int32 = ECONNREFUSED
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { lastError = errno; continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
            guard errno == EINPROGRESS else { lastError = errno; close(fd); continue }
            do {
                try wait(fd, for: Int16(POLLOUT), deadline: deadline, endpoint: endpoint, timeout: timeout)
            } catch {
                close(fd)
                throw error
            }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
            if code == 0 { return fd }
            lastError = code
            close(fd)
        }
        throw .cannotConnect(host: endpoint.host, port: endpoint.port, errno: lastError)
    }

    private func wait(_ fd: Int32, for events: Int16, deadline: Double, endpoint: HTTPEndpoint, timeout: Double) throws(HTTPError) {
        while true {
            let left = deadline - ProcessRunner.monotonic()
            guard left > 0 else { throw .timedOut(host: endpoint.host, seconds: timeout) }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .broken(host: endpoint.host, detail: "poll failed: \(String(cString: strerror(errno)))") }
        }
    }
}

/// HTTPS through the curl program: TLS is curl's job, not ours.
public struct CurlTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequest, to endpoint: HTTPEndpoint, timeout: Double) throws(HTTPError) -> HTTPResponse {
        guard ProcessRunner.find("curl") != nil else { throw .curlMissing(endpoint.url(request.path)) }
        // --include puts the status line and headers before the body, parsed as a socket answer.
        var arguments = ["curl", "--silent", "--show-error", "--include", "--suppress-connect-headers", "--http1.1",
                         "--max-time", String(Int(timeout.rounded(.up))),
                         "--request", request.method]
        for (name, value) in request.headers { arguments += ["--header", "\(name): \(value)"] }
        if !request.body.isEmpty { arguments += ["--data-binary", "@-"] }
        arguments.append(endpoint.url(request.path))
        let output: [UInt8]
        do {
            output = try ProcessRunner.run(arguments, input: request.body, timeout: timeout + 5)
        } catch {
            switch error {
            case .failed(_, let status, _) where status == 28: throw .timedOut(host: endpoint.host, seconds: timeout)
            case .failed(_, _, let stderr):
                throw .broken(host: endpoint.host, detail: stderr.split(separator: "\n").first.map(String.init) ?? "curl failed")
            case .timedOut: throw .timedOut(host: endpoint.host, seconds: timeout)
            default: throw .broken(host: endpoint.host, detail: "\(error)")
            }
        }
        // A "100 Continue" may come first (a proxy's CONNECT answer is suppressed): the last head is the server's.
        var bytes = output
        while bytes.starts(with: Array("HTTP/1.1 100".utf8)) || bytes.starts(with: Array("HTTP/1.0 100".utf8)),
              let end = HTTPResponse.find([13, 10, 13, 10], in: bytes, from: 0) {
            bytes = Array(bytes[(end + 4)...])
        }
        return try HTTPResponse.parse(bytes, host: endpoint.host, bodyDecoded: true)
    }
}
