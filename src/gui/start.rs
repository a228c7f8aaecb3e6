//! Starting the window: the language (Settings, the OS's, or `FERRY_LANG`), the built-in demo
//! server when asked for (on its own runtime, stopped when the window closes), the remembered
//! window size, the theme (Settings, or `FERRY_THEME`), the fonts and icon, and the first connection (`ferry sftp://…`, or the demo).

use std::process::ExitCode;

use iced::Task;

use crate::gui::memory::Memory;
use crate::gui::text::{error_text, t};
use crate::gui::{App, Options, settings, text};
use ferry_engine::dirs::AppDirs;
use ferry_engine::error::Error;
use ferry_engine::url::RemoteStart;

/// Starts the GUI and blocks until the window closes. With `open`, it connects to that address;
/// with `demo`, to a built-in server on 127.0.0.1 that lives as long as the window.
pub fn run(options: Options, open: Option<String>, demo: bool) -> ExitCode {
    crate::logging::init(options.verbosity);
    let dirs = AppDirs::new(options.config_dir.as_deref());
    // The language: the one chosen in Settings, else the OS's (FERRY_LANG overrides both, for
    // screenshots and bug reports in a given language).
    let chosen = std::env::var("FERRY_LANG")
        .ok()
        .or(settings::Prefs::load(&settings::Prefs::file(&dirs)).language);
    text::apply_language(chosen.as_deref());
    // The demo server runs on its own runtime, beside the window's.
    let demo = match demo.then(start_demo).transpose() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("ferry: cannot start the demo server: {}", error_text(&e));
            return ExitCode::FAILURE;
        }
    };
    let preset = demo.as_ref().map(|(_, server)| {
        let opts = server.connect_options();
        let address = format!("{}@127.0.0.1:{}", server.user(), server.port());
        (opts, address)
    });
    let memory_file = Memory::file(&dirs);
    let memory = Memory::load(&memory_file);
    let size = iced::Size::new(memory.width, memory.height);
    let result = iced::application(
        move || {
            let (mut app, task) = App::new(options.clone(), memory.clone(), memory_file.clone());
            let connect = match (open.clone(), preset.clone()) {
                (_, Some((opts, address))) => {
                    app.session.set_demo();
                    app.quick = address.clone();
                    app.connect_with(opts, address, RemoteStart::Home(String::new()))
                }
                (Some(address), None) => {
                    app.quick = address;
                    app.connect()
                }
                (None, None) => Task::none(),
            };
            (app, Task::batch([task, connect]))
        },
        App::update,
        App::view,
    )
    .title(|_: &App| t!("app-title"))
    .subscription(App::subscription)
    .theme(|app: &App| app.settings.theme_choice().theme())
    // Chinese and Japanese show even where no CJK font is installed (subsets of Noto Sans CJK,
    // see assets/fonts/): the text shaper falls back to them for characters other fonts lack.
    .font(include_bytes!("../../assets/fonts/NotoSansCJKsc-Ferry.otf").as_slice())
    .font(include_bytes!("../../assets/fonts/NotoSansCJKjp-Ferry.otf").as_slice())
    .window(iced::window::Settings {
        size,
        min_size: Some(iced::Size::new(760.0, 480.0)),
        icon: crate::icon::window_icon(),
        // The Wayland app id / X11 class the desktop entry names (StartupWMClass), so docks show
        // Ferry's icon for the window.
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: "ferry".into(),
            ..Default::default()
        },
        exit_on_close_request: false,
        ..Default::default()
    })
    .run();
    if let Some((runtime, server)) = demo {
        runtime.block_on(server.stop());
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ferry: cannot open a window: {e}");
            ExitCode::FAILURE
        }
    }
}

fn start_demo() -> Result<(tokio::runtime::Runtime, ferry_demo::DemoServer), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| Error::Io {
            path: String::new(),
            detail: e.to_string(),
        })?;
    let server = runtime.block_on(ferry_demo::DemoServer::start())?;
    Ok((runtime, server))
}
