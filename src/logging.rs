//! Logging set-up shared by the GUI and the CLI: `tracing` to stderr, level from `-v` or
//! `FERRY_LOG`/`RUST_LOG`. Nothing logged anywhere in Ferry carries a secret (`Secret` has no
//! Display and a redacting Debug).

pub fn init(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info,russh=warn",
        _ => "debug",
    };
    let filter = std::env::var("FERRY_LOG")
        .or_else(|_| std::env::var("RUST_LOG"))
        .unwrap_or_else(|_| default.to_string());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}
