import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files atomically: a temporary file beside the target, flushed, then renamed
/// over it, so a reader never sees half a plan and a failure leaves the old file intact.
/// Files are created readable by their owner only (0600): plans hold personal data.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotCreate(file: path, reason: "the folder \(directory) does not exist")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw .cannotCreate(file: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .cannotCreate(file: path, reason: failure)
        }
    }

    /// A temporary path beside `path` for tools (like GLPK's writers) that write files themselves.
    public static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    }

    public static func commit(temporary: String, to path: String) throws(OutputError) {
        chmod(temporary, 0o600)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotCreate(file: path, reason: reason)
        }
    }
}

public enum OutputError: LocalizedError, Sendable, Equatable {
    /// The output file could not be written; nothing was changed at its path.
    case cannotCreate(file: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotCreate(let file, let reason): "\(file): cannot write the output: \(reason)"
        }
    }
}
