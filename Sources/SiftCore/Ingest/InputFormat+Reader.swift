extension InputFormat {
    /// The reader for this format, with the user's map laid over the format's own defaults.
    public func makeReader(map: FieldMap) throws -> any RecordReader {
        switch self {
        case .googlePlay, .qualtrics, .surveyMonkey, .typeformCSV, .csv, .tsv:
            return CSVExportReader(format: self, map: map)
        case .appStoreXML, .appStoreJSON, .appStoreConnect, .typeformJSON, .json, .jsonl, .xml:
            throw IngestError(file: rawValue, "the \(rawValue) reader is not built in this branch")
        }
    }
}
