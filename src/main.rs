use std::process::ExitCode;

fn main() -> ExitCode {
    verklaar::cli::main()
}
