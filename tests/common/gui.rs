//! Driving the whole window headlessly the way iced's runtime would: a message goes through the
//! app's `update`, the tasks it returns run on one shared tokio runtime (the SSH sessions they
//! open outlive a message, as in the app), and the messages they yield are fed back in turn.

use std::path::Path;
use std::time::Duration;

use ferry::gui::memory::Memory;
use ferry::gui::{App, Message};
use futures::StreamExt;
use iced::Task;

use super::Sshd;

/// The window as `ferry --config-dir CONFIG ARGS…` opens it (its first tasks not run).
pub fn app(config: &Path, args: &[&str]) -> App {
    opening(config, args).0
}

/// The window set up to reach `sshd` as [`app_for`] makes it, with its first tasks run to their
/// end (the saved queue opened, the sites read, the local pane listed).
pub fn app_started(sshd: &Sshd, config: &Path) -> App {
    ferry::gui::text::apply_language(Some("en"));
    let (mut app, task) = opening(config, &sshd_args(sshd));
    run(&mut app, task);
    app
}

fn opening(config: &Path, args: &[&str]) -> (App, Task<Message>) {
    let mut argv = vec![
        "ferry",
        "--config-dir",
        config.to_str().expect("utf-8 path"),
    ];
    argv.extend_from_slice(args);
    let cli = ferry::cli::parse(argv.into_iter().map(Into::into).collect());
    App::new(
        cli.common.gui_options(),
        Memory::default(),
        config.join("window.json"),
    )
}

/// The window set up to reach `sshd`: its known_hosts, its client key, no agent; in English.
pub fn app_for(sshd: &Sshd, config: &Path) -> App {
    ferry::gui::text::apply_language(Some("en"));
    app(config, &sshd_args(sshd))
}

fn sshd_args(sshd: &Sshd) -> [&str; 5] {
    [
        "--known-hosts",
        sshd.known_hosts.to_str().expect("utf-8 path"),
        "--no-agent",
        "-i",
        sshd.client_key.to_str().expect("utf-8 path"),
    ]
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: std::sync::LazyLock<tokio::runtime::Runtime> =
        std::sync::LazyLock::new(|| tokio::runtime::Runtime::new().expect("tokio runtime"));
    &RT
}

/// Gives `app` a message and runs the tasks it starts to their end. A task that waits on a
/// question (a dialog) would never end: that fails the test after 60 s instead of hanging it.
pub fn send(app: &mut App, m: Message) {
    let task = app.update(m);
    run(app, task);
}

/// Runs `task` to its end and gives what it yields to `app`, running in turn what that starts.
pub fn run(app: &mut App, task: Task<Message>) {
    let mut queue = collect(task);
    while let Some(m) = queue.pop() {
        let next = app.update(m);
        queue.extend(collect(next));
    }
}

/// Runs `task` to its end (at most 60 s) and returns what it yields, given to no app.
pub fn collect(task: Task<Message>) -> Vec<Message> {
    let out = runtime()
        .block_on(async { tokio::time::timeout(Duration::from_secs(60), outputs(task)).await });
    out.expect("a task never ended (did the app ask a question?)")
}

/// Starts `task` on the shared runtime, for a test that acts while it runs (a transfer).
pub fn spawn(task: Task<Message>) -> tokio::task::JoinHandle<Vec<Message>> {
    runtime().spawn(outputs(task))
}

/// Waits for a spawned task's messages.
pub fn join(handle: tokio::task::JoinHandle<Vec<Message>>) -> Vec<Message> {
    let out =
        runtime().block_on(async { tokio::time::timeout(Duration::from_secs(60), handle).await });
    out.expect("a task never ended").expect("a task panicked")
}

async fn outputs(task: Task<Message>) -> Vec<Message> {
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return Vec::new();
    };
    stream
        .filter_map(|a| async move {
            match a {
                iced_runtime::Action::Output(m) => Some(m),
                _ => None,
            }
        })
        .collect::<Vec<_>>()
        .await
}
