/// The settings every rule block holds: how it binds, and the price `"soft"` gets when the
/// file names none. Each rule adds its own parameters (`TenureRule.maxYears`, …).
public protocol RuleSettings: Sendable, Equatable {
    var mode: RuleMode { get set }
    /// The price a `"soft"` mode gets when the file names none.
    var defaultPrice: Double { get }
}

/// What a rule is called where a person reads it. Kept with the rule's definition so that
/// words in another language are added rule by rule, next to the rule they name.
public struct RuleWords: Sendable, Equatable {
    /// A short name, as reports and reasons put it in brackets ("age balance").
    public var name: String
    /// What the rule asks, in one line.
    public var summary: String
    /// The name in Vietnamese, as the committee's report prints it beside the rule's reasons.
    public var viName: String
    /// What the rule asks, in Vietnamese (written for the rule, not translated by machine).
    public var viSummary: String

    public init(name: String, summary: String, viName: String, viSummary: String) {
        self.name = name
        self.summary = summary
        self.viName = viName
        self.viSummary = viSummary
    }
}

/// One rule of a policy (`Root` is `Policy` for the rotation round, `SuccessionPolicy` for the
/// succession plan), defined once: its JSON key, where its settings live, its words, and how
/// its block is read and written. The reader, the writer and the tests iterate the registries
/// (`Policy.rules`, `SuccessionPolicy.rules`) instead of naming rules one by one; the builder
/// and the diagnosis meet the same keys through the model's rule definitions.
public struct PolicyRule<Root>: Sendable, Identifiable {
    /// The key of the rule's block in `policy` (and in `RuleInstance.rule`, penalties, reports).
    public let key: String
    public let words: RuleWords
    /// The block's parameter keys after `mode` and `price`, in the order they are read and written.
    public let parameterKeys: [String]
    let getMode: @Sendable (Root) -> RuleMode
    let putMode: @Sendable (inout Root, RuleMode) -> Void
    let readBlock: @Sendable (inout Reading, ObjectView, inout Root) -> Void
    let writeBlock: @Sendable (Root) -> [(String, String)]

    public var id: String { key }

    public func mode(in root: Root) -> RuleMode { getMode(root) }
    public func setMode(_ mode: RuleMode, in root: inout Root) { putMode(&root, mode) }

    /// A rule whose settings are `root[keyPath: settings]`, with `parameters` after its mode;
    /// `check` runs after the parameters are read (for a rule whose parameters bound each other).
    init<Settings: RuleSettings>(
        _ key: String, _ settings: WritableKeyPath<Root, Settings> & Sendable, words: RuleWords,
        parameters: [RuleParameter<Settings>] = [],
        check: (@Sendable (inout Reading, ObjectView, Settings) -> Void)? = nil
    ) {
        self.key = key
        self.words = words
        parameterKeys = parameters.map(\.key)
        getMode = { $0[keyPath: settings].mode }
        putMode = { $0[keyPath: settings].mode = $1 }
        let keys = parameters.map(\.key)
        readBlock = { reading, policy, root in
            var rule = root[keyPath: settings]
            if let mode = reading.rule(
                policy, key, current: rule.mode, defaultPrice: rule.defaultPrice, parameters: keys,
                read: { reading, block in
                    for parameter in parameters { parameter.read(&reading, block, &rule) }
                    check?(&reading, block, rule)
                })
            {
                rule.mode = mode
            }
            root[keyPath: settings] = rule
        }
        writeBlock = { root in
            let rule = root[keyPath: settings]
            return ScenarioWriter.mode(rule.mode) + parameters.compactMap { parameter in parameter.write(rule).map { (parameter.key, $0) } }
        }
    }

    /// Reads the rule's block from `policy` into `root`, when the block is there.
    func read(_ policy: ObjectView, into root: inout Root, _ reading: inout Reading) { readBlock(&reading, policy, &root) }

    /// The block's fields as the writer lays them out: mode (and price when soft), then parameters.
    func fields(of root: Root) -> [(String, String)] { writeBlock(root) }
}

/// One parameter of a rule block: its key, how it is read (with its range and the words an
/// error uses), and how it is written (nil: left out of the file).
struct RuleParameter<Settings>: Sendable {
    let key: String
    let read: @Sendable (inout Reading, ObjectView, inout Settings) -> Void
    let write: @Sendable (Settings) -> String?

    /// A whole number; absent keeps the default.
    static func integer(_ key: String, _ value: WritableKeyPath<Settings, Int> & Sendable, range: ClosedRange<Int>, what: String) -> Self {
        Self(
            key: key,
            read: { reading, block, settings in
                settings[keyPath: value] =
                    reading.integer(block, key, required: false, range: range, what: what) ?? settings[keyPath: value]
            }, write: { String($0[keyPath: value]) })
    }

    /// A whole number that may be absent (absent: nil, and not written).
    static func optionalInteger(
        _ key: String, _ value: WritableKeyPath<Settings, Int?> & Sendable, range: ClosedRange<Int>, what: String
    ) -> Self {
        Self(
            key: key,
            read: { reading, block, settings in
                settings[keyPath: value] = reading.integer(block, key, required: false, range: range, what: what)
            }, write: { $0[keyPath: value].map(String.init) })
    }

    /// A number; absent keeps the default.
    static func number(
        _ key: String, _ value: WritableKeyPath<Settings, Double> & Sendable, range: ClosedRange<Double>, what: String
    ) -> Self {
        Self(
            key: key,
            read: { reading, block, settings in
                settings[keyPath: value] = reading.number(block, key, required: false, range: range, what: what) ?? settings[keyPath: value]
            }, write: { ScenarioWriter.number($0[keyPath: value]) })
    }

    /// A number that may be absent (absent: nil, and not written).
    static func optionalNumber(
        _ key: String, _ value: WritableKeyPath<Settings, Double?> & Sendable, range: ClosedRange<Double>, what: String
    ) -> Self {
        Self(
            key: key,
            read: { reading, block, settings in
                settings[keyPath: value] = reading.number(block, key, required: false, range: range, what: what)
            }, write: { $0[keyPath: value].map(ScenarioWriter.number) })
    }

    static func bool(_ key: String, _ value: WritableKeyPath<Settings, Bool> & Sendable) -> Self {
        Self(
            key: key,
            read: { reading, block, settings in
                settings[keyPath: value] = reading.bool(block, key, default: settings[keyPath: value])
            }, write: { String($0[keyPath: value]) })
    }

    /// An object of whole numbers by name (`{"tax-director": 4}`); absent keeps the default,
    /// present replaces it. Written with its keys sorted, left out when empty.
    static func integersByKey(
        _ key: String, _ value: WritableKeyPath<Settings, [String: Int]> & Sendable, range: ClosedRange<Int>, key keyWhat: String,
        what: String
    ) -> Self {
        Self(
            key: key,
            read: { reading, block, settings in
                guard let node = block.node(key), !reading.isNull(node, optional: true) else { return }
                settings[keyPath: value] =
                    reading.integersByKey(node, path: block.childPath(key), entity: block.entity, range: range, key: keyWhat, what: what)
                    ?? settings[keyPath: value]
            },
            write: { settings in
                let entries = settings[keyPath: value]
                return entries.isEmpty ? nil : ScenarioWriter.integersByKey(entries)
            })
    }

    /// A list of strings; absent keeps the default, present replaces it.
    static func strings(_ key: String, _ value: WritableKeyPath<Settings, [String]> & Sendable, what: String) -> Self {
        Self(
            key: key,
            read: { reading, block, settings in
                if block.node(key) != nil { settings[keyPath: value] = reading.stringList(block, key, what: what) }
            }, write: { ScenarioWriter.strings($0[keyPath: value]) })
    }
}
