//! `jobplay`: the same engine as the page, on the command line, as fast as it can.
//! See `../shared/docs/scenario-format.md` for the contract.

use jobplay::cli;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = cli::run(&args);
    if !out.stdout.is_empty() {
        print!("{}", out.stdout);
    }
    if !out.stderr.is_empty() {
        eprint!("{}", out.stderr);
    }
    std::process::exit(out.code);
}
