//! The `plankg` binary: all work happens in the `plankg-cli` crate.

fn main() -> std::process::ExitCode {
    plankg_cli::run()
}
