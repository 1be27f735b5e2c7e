// brief's HTTP client: swift-server/async-http-client (SwiftNIO, TLS through swift-nio-ssl),
// built as its own shared library (libBriefHTTP.so) that brief opens only when it reaches the
// network (a URL to read, a translation server). Commands that read files never load NIO.
//
// One C function does one request and waits for it: brief's stages are synchronous, and a
// request is the only thing a command waits on at that point.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The answer to one request, or why there is none.
struct Answer: Sendable {
    var status: Int32 = 0
    var finalURL = ""
    var headers = ""
    var body: [UInt8] = []
    var error: String?
}


/// What a failure of async-http-client means: a kind the caller maps to its own errors
/// (refused, resolve, timeout, redirects, url, toolarge, broken), a tab, and words for a user.
func describe(_ error: any Error, url: String, timeout: Double, maxBytes: Int) -> String {
    if let error = error as? HTTPClientError {
        if [.readTimeout, .deadlineExceeded, .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout].contains(error) {
            return "timeout\tno answer within \(timeout == timeout.rounded() ? "\(Int(timeout))" : "\(timeout)") s"
        }
        if error == .redirectLimitReached { return "redirects\ttoo many redirects (more than 5)" }
        if error == .redirectCycleDetected { return "redirects\tredirects in a loop" }
        if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return "url\tnot a valid URL" }
        if error == .remoteConnectionClosed { return "broken\tthe answer was cut short (the server closed the connection)" }
        let text = "\(error)"
        if text.contains("unsupportedScheme") { return "url\tunsupported scheme (http and https only)" }
        return "broken\t\(text)"
    }
    let parsed = "\(error)"
    if parsed.contains("unexpected time") || parsed.contains("invalidEOFState") {
        return "broken\tthe answer was cut short (the server closed the connection)"
    }
    if error is NIOTooManyBytesError { return "toolarge\tanswer larger than \(maxBytes) bytes (raise it with --max-size)" }
    let text = "\(error)"
    if text.contains("connectionRefused") || text.contains("Connection refused") { return "refused\tconnection refused" }
    if text.contains("NIOConnectionError") || text.contains("lookup") || text.contains("resolve") || text.contains("NXDOMAIN") {
        return "resolve\tcannot reach the host (DNS or network)"
    }
    return "broken\t\(text)"
}

/// An answer larger than the caller's limit.
struct TooLarge: Error {}

/// Collects an answer on the event loop, stopping at the size limit.
final class Collector: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = Answer
    let maxBytes: Int
    var answer = Answer()

    init(maxBytes: Int, url: String) {
        self.maxBytes = maxBytes
        answer.finalURL = url
    }

    func didVisitURL(task: HTTPClient.Task<Answer>, _ request: HTTPClient.Request, _ head: HTTPResponseHead) {
        answer.finalURL = request.url.absoluteString
    }

    func didReceiveHead(task: HTTPClient.Task<Answer>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        answer.status = Int32(head.status.code)
        answer.headers = head.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        return task.eventLoop.makeSucceededFuture(())
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Answer>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        guard answer.body.count + buffer.readableBytes <= maxBytes else { return task.eventLoop.makeFailedFuture(TooLarge()) }
        answer.body.append(contentsOf: buffer.readableBytesView)
        return task.eventLoop.makeSucceededFuture(())
    }

    func didFinishRequest(task: HTTPClient.Task<Answer>) throws -> Answer {
        answer
    }
}

/// One request, waited for on the calling thread while NIO's own threads do the work (no Swift
/// concurrency: a caller on a cooperative thread must not wait for a task that needs one).
func perform(method: String, url: String, headers: String, body: [UInt8], timeout: Double, maxBytes: Int, maxRedirects: Int) -> Answer {
    var configuration = HTTPClient.Configuration()
    configuration.redirectConfiguration = maxRedirects > 0 ? .follow(max: maxRedirects, allowCycles: false) : .disallow
    configuration.timeout = .init(connect: .milliseconds(Int64(timeout * 1000)), read: .milliseconds(Int64(timeout * 1000)))
    configuration.decompression = .enabled(limit: .size(maxBytes))
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    defer { try? client.syncShutdown() }
    do {
        var fields = HTTPHeaders()
        for line in headers.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.add(name: String(line[..<colon]), value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        let request = try HTTPClient.Request(url: url, method: HTTPMethod(rawValue: method), headers: fields,
                                             body: body.isEmpty ? nil : .bytes(body))
        let collector = Collector(maxBytes: maxBytes, url: url)
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
        return try client.execute(request: request, delegate: collector, deadline: deadline).wait()
    } catch is TooLarge {
        return Answer(error: "toolarge\tanswer larger than \(maxBytes) bytes (raise it with --max-size)")
    } catch {
        return Answer(error: describe(error, url: url, timeout: timeout, maxBytes: maxBytes))
    }
}

func duplicate(_ text: String) -> UnsafeMutablePointer<CChar>? { strdup(text) }

/// Does one request. Returns 0 with the answer's status, final URL, headers ("Name: value" lines)
/// and body (all malloc'ed: free them with brief_http_free), or -1 with `error` set.
@_cdecl("brief_http_request")
public func brief_http_request(_ method: UnsafePointer<CChar>, _ url: UnsafePointer<CChar>, _ headers: UnsafePointer<CChar>,
                               _ body: UnsafePointer<UInt8>?, _ bodyLength: Int, _ timeout: Double, _ maxBytes: Int, _ maxRedirects: Int32,
                               _ status: UnsafeMutablePointer<Int32>, _ finalURL: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                               _ responseHeaders: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                               _ responseBody: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, _ responseLength: UnsafeMutablePointer<Int>,
                               _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    let bytes = body.map { Array(UnsafeBufferPointer(start: $0, count: bodyLength)) } ?? []
    let answer = perform(method: String(cString: method), url: String(cString: url), headers: String(cString: headers), body: bytes,
                         timeout: timeout, maxBytes: maxBytes, maxRedirects: Int(maxRedirects))
    if let message = answer.error {
        error.pointee = duplicate(message)
        return -1
    }
    status.pointee = answer.status
    finalURL.pointee = duplicate(answer.finalURL)
    responseHeaders.pointee = duplicate(answer.headers)
    let copy = malloc(max(answer.body.count, 1))!.assumingMemoryBound(to: UInt8.self)
    answer.body.withUnsafeBufferPointer { copy.update(from: $0.baseAddress!, count: $0.count) }
    responseBody.pointee = copy
    responseLength.pointee = answer.body.count
    return 0
}

@_cdecl("brief_http_free")
public func brief_http_free(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}
