import ArgumentParser
import SiftCore

@main
struct Sift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sift",
        abstract: "Turn raw user feedback into a prioritized list of pain points linked to the roadmap.",
        version: "0.1.0",
        subcommands: [Analyze.self, Ingest.self, Tokens.self, SentimentCommand.self, ThemesCommand.self, Kinds.self],
        defaultSubcommand: nil,
        // ArgumentParser's own help names (-h, --help), spelled out: its default is made anew and its long name
        // converted to snake case each of the four times a run looks for a help flag.
        helpNames: [.customShort("h"), .customLong("help")]
    )
}

/// Options every command that reads inputs takes.
struct InputOptions: ParsableArguments {
    @Argument(help: "Input files; - reads standard input.")
    var inputs: [String]

    @Option(help: "Read every input as this format instead of detecting it: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @Option(help: "Map canonical fields to input columns: text=Review,rating=Stars,date=When,id=ReviewID (XML and nested JSON: record=ELEMENT).")
    var map: String?

    func makeIngestor() throws -> Ingestor {
        try Self.makeIngestor(format: format, map: map)
    }

    static func makeIngestor(format: String?, map: String?) throws -> Ingestor {
        var forced: InputFormat?
        if let format {
            guard let known = InputFormat(rawValue: format.lowercased()) else {
                throw ValidationError("unknown --format '\(format)'; formats are \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            forced = known
        }
        let fieldMap: FieldMap
        do { fieldMap = try map.map { try FieldMap(parsing: $0) } ?? FieldMap() } catch { throw ValidationError(String(describing: error)) }
        return Ingestor(format: forced, map: fieldMap)
    }

    func validate() throws {
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be named once") }
    }

    /// The inputs as sources, directories expanded into the feedback files they hold.
    func sources(excluding: Set<String> = []) throws -> [InputSource] {
        do {
            return try InputExpansion.sources(inputs, excluding: excluding)
        } catch let error as IngestError {
            printError("sift: \(error)")
            throw SiftExit.input
        }
    }
}
