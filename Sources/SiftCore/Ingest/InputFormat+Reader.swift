extension InputFormat {
    /// The reader for this format, with the user's map laid over the format's own defaults.
    public func makeReader(map: FieldMap) throws -> any RecordReader {
        switch self {
        case .googlePlay, .qualtrics, .surveyMonkey, .typeformCSV, .csv, .tsv:
            return CSVExportReader(format: self, map: map)
        case .jsonl:
            return JSONLinesReader(format: self, map: map)
        case .appStoreJSON, .appStoreConnect, .typeformJSON, .json:
            return JSONDocumentReader(format: self, map: map)
        case .appStoreXML, .xml:
            return XMLFeedReader(format: self, map: map)
        }
    }
}
