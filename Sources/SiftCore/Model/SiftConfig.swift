import Foundation
import Yams

/// The settings of a run as a config file (`sift.yaml`) holds them; command-line flags override each one.
public struct SiftConfig: Sendable, Hashable, Codable {
    public var inputs: [String]?
    public var format: String?
    /// `field: column` pairs, as `--map` takes them.
    public var map: [String: String]?
    public var roadmap: String?
    public var out: String?
    public var state: String?
    public var since: String?
    public var weights: PriorityWeights?
    /// Alert conditions, as `--fail-on` takes them.
    public var failOn: [String]?
    /// Extra sentiment lexicons (`term<TAB>valence`).
    public var lexicons: [String]?
    /// Kinds to analyse, as `--kind` takes them.
    public var kinds: [String]?
    /// The least severity to analyse, as `--min-severity` takes it.
    public var minSeverity: String?

    enum CodingKeys: String, CodingKey {
        case inputs, format, map, roadmap, out, state, since, weights, lexicons, kinds
        case failOn = "fail_on"
        case minSeverity = "min_severity"
    }

    public init() {}

    /// Reads a config file; paths in it are taken relative to the file's folder.
    public static func load(path: String) throws(ConfigError) -> SiftConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError("\(path): cannot read the config file; check the path")
        }
        var config: SiftConfig
        do {
            config = try YAMLDecoder().decode(SiftConfig.self, from: text)
        } catch let DecodingError.keyNotFound(key, context), let DecodingError.valueNotFound(key as any CodingKey, context) {
            throw ConfigError("\(path): \(context.codingPath.map(\.stringValue).joined(separator: ".")) \(key.stringValue): \(context.debugDescription)")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ConfigError("\(path): field '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)")
        } catch {
            throw ConfigError("\(path): \(error)")
        }
        let base = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String?) -> String? {
            guard let p, !p.hasPrefix("/"), p != "-", !base.isEmpty else { return p }
            return base + "/" + p
        }
        config.inputs = config.inputs?.map { resolve($0)! }
        config.roadmap = resolve(config.roadmap)
        config.out = resolve(config.out)
        config.state = resolve(config.state)
        config.lexicons = config.lexicons?.map { resolve($0)! }
        return config
    }

    /// The `--map` spelling of `map`, sorted so it reads the same every time.
    public var mapSpec: String? {
        map.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
    }
}

public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
