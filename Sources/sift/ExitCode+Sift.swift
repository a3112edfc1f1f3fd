import ArgumentParser

/// sift's exit codes, documented in the README; cron and CI act on them.
enum SiftExit {
    static let success = ExitCode(0)
    /// Bad flags or arguments (ArgumentParser's own validation code).
    static let usage = ExitCode(64)
    /// An input could not be read at all, or an output could not be written.
    static let input = ExitCode(66)
    /// A `--fail-on` condition was met: the run finished and its reports are written.
    static let alert = ExitCode(3)
}
