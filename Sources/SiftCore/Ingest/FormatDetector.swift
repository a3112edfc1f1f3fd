/// Tells an input's format from its first bytes: BOM and encoding, header row, root element, JSON shape.
public enum FormatDetector {
    /// How many bytes detection looks at.
    public static let sniffLength = 64 * 1024

    public static func detect(_ input: InputSource) throws -> InputFormat {
        throw IngestError(file: input.name, "format detection is not built yet; pass --format NAME")
    }
}

extension InputFormat {
    /// The reader for this format, with the user's map laid over the format's own defaults.
    public func makeReader(map: FieldMap) throws -> any RecordReader {
        throw IngestError(file: rawValue, "no reader for this format yet")
    }
}
