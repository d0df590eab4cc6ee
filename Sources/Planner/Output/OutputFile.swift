import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes output files so that nothing is lost and nothing else is clobbered.
///
/// - A regular file (or a path that does not exist yet) is written atomically: a temporary
///   file beside it, flushed, then renamed over it, so a reader never sees half a plan and a
///   failure leaves the old file intact. Files are created readable by their owner only (0600):
///   plans hold personal data.
/// - A symbolic link is followed: the file it names is replaced, and the link stays a link.
/// - A path that exists and is not a regular file (a device such as /dev/null or /dev/stdout,
///   a FIFO) is written to directly. Renaming over it would replace the device itself: run as
///   root, `-o /dev/null` once turned the system's /dev/null into a regular file.
/// - "-" means standard output.
/// - A path that is one of the command's input files is refused before anything is written.
public enum OutputFile {
    /// The path that means standard output.
    public static let standardOutput = "-"

    /// Writes `data` to `path` as described above. `inputs` are the files the command reads:
    /// writing over one of them is refused (`OutputError.isInput`).
    public static func write(_ data: Data, to path: String, inputs: [String] = []) throws(OutputError) {
        if path == standardOutput {
            try writeAll(data, to: STDOUT_FILENO, file: path)
            return
        }
        let target = try resolve(path, inputs: inputs)
        if target.isSpecial {
            try writeDirectly(data, to: target.path, shownAs: path)
            return
        }
        let temporary = try createTemporary(beside: target.path, shownAs: path)
        var failure: OutputError?
        do throws(OutputError) {
            try writeAll(data, to: temporary.descriptor, file: path)
            if fsync(temporary.descriptor) != 0 { throw .cannotCreate(file: path, reason: String(cString: strerror(errno))) }
        } catch {
            failure = error
        }
        close(temporary.descriptor)
        if failure == nil, rename(temporary.path, target.path) != 0 {
            failure = .cannotCreate(file: path, reason: String(cString: strerror(errno)))
        }
        PendingTemporary.clear()
        if let failure {
            unlink(temporary.path)
            throw failure
        }
    }

    /// For tools (like GLPK's model writers) that write a file themselves: `produce` writes to
    /// the temporary path it is given, and the result is then committed to `path` as `write`
    /// would (renamed over a regular file, copied into a device).
    public static func write<E: Error>(
        to path: String, inputs: [String] = [], _ produce: (String) throws(E) -> Void
    ) throws(OutputFile.Failure<E>) {
        let target: Target
        let temporary: (path: String, descriptor: Int32)
        do {
            target = path == standardOutput ? Target(path: path, isSpecial: true) : try resolve(path, inputs: inputs)
            temporary = try createTemporary(
                beside: target.isSpecial ? NSTemporaryDirectory() + "/planner-output" : target.path, shownAs: path)
        } catch {
            throw .output(error)
        }
        close(temporary.descriptor)
        defer { PendingTemporary.clear() }
        do {
            try produce(temporary.path)
        } catch {
            unlink(temporary.path)
            throw .produce(error)
        }
        do throws(OutputError) {
            if target.isSpecial {
                guard let data = FileManager.default.contents(atPath: temporary.path) else {
                    throw .cannotCreate(file: path, reason: "the written model could not be read back")
                }
                unlink(temporary.path)
                if path == standardOutput {
                    try writeAll(data, to: STDOUT_FILENO, file: path)
                } else {
                    try writeDirectly(data, to: target.path, shownAs: path)
                }
            } else {
                chmod(temporary.path, 0o600)
                // Flushed before the rename, as `write` does: the producer wrote by name.
                let descriptor = open(temporary.path, O_RDONLY | O_CLOEXEC)
                if descriptor >= 0 {
                    defer { close(descriptor) }
                    if fsync(descriptor) != 0 { throw .cannotCreate(file: path, reason: String(cString: strerror(errno))) }
                }
                if rename(temporary.path, target.path) != 0 { throw .cannotCreate(file: path, reason: String(cString: strerror(errno))) }
            }
        } catch {
            unlink(temporary.path)
            throw .output(error)
        }
    }

    /// What `write(to:_:)` throws: the output's own failure, or the producer's.
    public enum Failure<E: Error>: Error {
        case output(OutputError)
        case produce(E)
    }

    /// Refuses an output path that names one of the inputs, or a folder, before any work.
    public static func check(_ path: String, inputs: [String]) throws(OutputError) {
        guard path != standardOutput else { return }
        guard !path.isEmpty else { throw .emptyPath }
        _ = try resolve(path, inputs: inputs)
    }

    /// Whether two output paths end at the same regular file (after links), existing or not
    /// yet: the second would replace the first. Devices and stdout may take both.
    public static func sameTarget(_ a: String, _ b: String) -> Bool {
        if a == standardOutput || b == standardOutput { return false }
        guard let first = try? resolve(a, inputs: []), let second = try? resolve(b, inputs: []) else { return a == b }
        if first.isSpecial || second.isSpecial { return false }
        let standard = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        if standard(first.path) == standard(second.path) { return true }
        var x = stat()
        var y = stat()
        return stat(first.path, &x) == 0 && stat(second.path, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    // MARK: Where the bytes go

    struct Target {
        /// The path after following symbolic links.
        var path: String
        /// It exists and is not a regular file: written in place, never renamed over.
        var isSpecial: Bool
    }

    /// Follows symbolic links (also one that points at a file not yet made), and refuses a
    /// folder, a missing folder, and any of `inputs`.
    static func resolve(_ path: String, inputs: [String]) throws(OutputError) -> Target {
        guard !path.isEmpty else { throw .cannotCreate(file: path, reason: "the output path is empty") }
        var info = stat()
        if stat(path, &info) == 0 {
            // It exists (through any links): what it finally is decides how it is written.
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw .cannotCreate(file: path, reason: "it is a folder") }
            if type != S_IFREG {
                // A device, FIFO or socket, perhaps behind a link such as /dev/stdout: opened
                // by the path as given, so the kernel follows the links.
                return Target(path: path, isSpecial: true)
            }
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == info.st_dev, other.st_ino == info.st_ino {
                    throw .isInput(file: path, input: input)
                }
            }
            guard let real = realpath(path, nil) else { throw .cannotCreate(file: path, reason: String(cString: strerror(errno))) }
            defer { free(real) }
            return Target(path: String(cString: real), isSpecial: false)
        }
        // It does not exist, or is a link to a file not made yet: follow the links by hand.
        var current = path
        var hops = 0
        while lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            hops += 1
            guard hops <= 40 else { throw .cannotCreate(file: path, reason: "too many levels of symbolic links") }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { throw .cannotCreate(file: path, reason: String(cString: strerror(errno))) }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : (current as NSString).deletingLastPathComponent.appendingPathComponent(link)
        }
        let directory = (current as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw .cannotCreate(file: path, reason: "the folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else { throw .cannotCreate(file: path, reason: "\(folder) is a file, not a folder") }
        return Target(path: current, isSpecial: false)
    }

    /// A new file beside `path` (same folder, so the rename is atomic), created 0600 and
    /// exclusively: an existing file of that name is never opened.
    static func createTemporary(beside path: String, shownAs shown: String) throws(OutputError) -> (path: String, descriptor: Int32) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        for attempt in 0..<100 {
            let candidate = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(attempt)"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                PendingTemporary.set(candidate)
                return (candidate, descriptor)
            }
            if errno != EEXIST { throw .cannotCreate(file: shown, reason: String(cString: strerror(errno))) }
        }
        throw .cannotCreate(file: shown, reason: "no free temporary name beside it")
    }

    static func writeDirectly(_ data: Data, to path: String, shownAs shown: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotCreate(file: shown, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, file: shown)
    }

    static func writeAll(_ data: Data, to descriptor: Int32, file: String) throws(OutputError) {
        var failure: String?
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if let failure { throw .cannotCreate(file: file, reason: failure) }
    }
}

/// The temporary file being written, if any, so that a signal that ends the process at once
/// (a second Ctrl-C) can remove it. The handler may only make async-signal-safe calls, so the
/// path is published as a C string; a published string is never freed, since a handler may be
/// reading it (a few bytes for each output file a process writes).
public enum PendingTemporary {
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

    static func set(_ value: String) { path = strdup(value) }

    static func clear() { path = nil }

    /// Removes the temporary file; async-signal-safe.
    public static func removeFromSignalHandler() {
        if let path { unlink(path) }
    }
}

public enum OutputError: LocalizedError, Sendable, Equatable {
    /// The output file could not be written; nothing was changed at its path.
    case cannotCreate(file: String, reason: String)
    /// The output path names one of the command's input files, which would be overwritten.
    case isInput(file: String, input: String)
    /// The output path is empty (`-o ""`): a mistake on the command line, not a file that
    /// cannot be written.
    case emptyPath

    public var errorDescription: String? {
        switch self {
        case .emptyPath: "the output path is empty: name a file, or - for stdout"
        case .cannotCreate(let file, let reason): "\(file): cannot write the output: \(reason)"
        case .isInput(let file, let input):
            "\(file): refusing to write the output over the input file \(input); name another output file"
        }
    }
}

extension String {
    fileprivate func appendingPathComponent(_ component: String) -> String { (self as NSString).appendingPathComponent(component) }
}
