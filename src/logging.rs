//! Logging set-up shared by the GUI and the CLI: `tracing` to stderr, level from `-v` or
//! `FERRY_LOG`/`RUST_LOG`. Nothing logged anywhere in Ferry carries a secret (`Secret` has no
//! Display and a redacting Debug).

pub fn init(verbose: u8) {
    // The window toolkit logs its whole window settings at info, icon pixels included (a quarter
    // of a million lines), and the language lookup reports a "C" locale as an error (English is
    // then shown, as it should be): both are quiet unless asked for by name.
    let default = match verbose {
        0 => "warn,i18n_embed::requester=off",
        1 => "info,russh=warn,iced_winit=warn,i18n_embed::requester=off",
        _ => "debug,iced_winit=warn,i18n_embed::requester=off",
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
