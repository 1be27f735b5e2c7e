#if canImport(Glibc)
import Glibc
#endif

/// Where brief's own shared libraries (the translation store, the HTTP client) are looked for:
/// `$BRIEF_LIBRARY_DIR`, the executable's folder, then `../lib/brief` beside it.
public enum LibraryFolders {
    public static func search() -> [String] {
        var folders: [String] = []
        if let folder = getenv("BRIEF_LIBRARY_DIR") { folders.append(String(cString: folder)) }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            let executable = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = String(executable[..<(executable.lastIndex(of: "/") ?? executable.startIndex)])
            folders += [folder, folder + "/../lib/brief"]
        }
        return folders
    }
}
