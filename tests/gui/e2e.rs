//! The real binary in a real X window (Xvfb), driven with xdotool like a person would: drag a
//! local file onto the remote pane and check the server holds the same bytes; double-click a
//! remote file and check it arrived on disk; screenshots must not be blank. Needs Xvfb, xdotool
//! and ImageMagick (`tests/run.sh` installs them) and the loopback sshd fixture.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::Sshd;

/// A private X server on a display number nobody uses; killed (by PID) on drop.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Xvfb {
        for tool in ["Xvfb", "xdotool", "import", "identify"] {
            assert!(
                Command::new("sh")
                    .arg("-c")
                    .arg(format!("command -v {tool}"))
                    .stdout(Stdio::null())
                    .status()
                    .unwrap()
                    .success(),
                "{tool} is not installed: run the tests with `bash tests/run.sh`, which installs it"
            );
        }
        let mut n = 90 + std::process::id() % 400;
        while Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            || Path::new(&format!("/tmp/.X{n}-lock")).exists()
        {
            n += 1;
        }
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb");
        let socket = format!("/tmp/.X11-unix/X{n}");
        wait_for("Xvfb to listen", Duration::from_secs(20), || {
            Path::new(&socket).exists()
        });
        Xvfb { child, display }
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("run xdotool");
        assert!(out.status.success(), "xdotool {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A screenshot of the whole screen; returns how many distinct colours it has.
    fn screenshot(&self, to: &Path) -> usize {
        let ok = Command::new("import")
            .args(["-window", "root"])
            .arg(to)
            .env("DISPLAY", &self.display)
            .status()
            .expect("run import")
            .success();
        assert!(ok, "screenshot failed");
        let out = Command::new("identify")
            .args(["-format", "%k"])
            .arg(to)
            .output()
            .expect("run identify");
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_for(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The app under test; its log lines arrive on a channel; killed on drop.
struct App {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl App {
    /// Starts `cmd` (the ferry binary) on the X server `x` with a private HOME, its log piped in.
    fn launch(mut cmd: Command, x: &Xvfb, home: &Path) -> App {
        let mut child = cmd
            .arg("-v")
            .env("HOME", home)
            .env("DISPLAY", &x.display)
            .env("ICED_BACKEND", "tiny-skia")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("SSH_AUTH_SOCK")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start ferry");
        let (tx, lines) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        App {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for a log line containing `needle` (lines seen before count too).
    fn wait_log(&mut self, needle: &str, limit: Duration) {
        let start = Instant::now();
        loop {
            if self.seen.iter().any(|l| l.contains(needle)) {
                return;
            }
            let left = limit.saturating_sub(start.elapsed());
            match self
                .lines
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                Ok(l) => self.seen.push(l),
                Err(mpsc::RecvTimeoutError::Timeout) if !left.is_zero() => {}
                Err(_) => panic!(
                    "no log line with {needle:?}; the app said:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_file(path: &Path, want: &[u8]) {
    wait_for(
        &format!("{} to hold the expected bytes", path.display()),
        Duration::from_secs(30),
        || std::fs::read(path).is_ok_and(|b| b == want),
    );
}

#[test]
fn drag_uploads_and_double_click_downloads_in_a_real_window() {
    let sshd = Sshd::start();
    let x = Xvfb::start();
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gui-e2e");
    std::fs::create_dir_all(&shots).unwrap();

    // The local pane opens in $HOME: one file there, so it is the first row.
    let home = tempfile::tempdir().unwrap();
    let upload: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(home.path().join("upload.bin"), &upload).unwrap();
    // On the server: one file, first row of the remote pane (and the upload sorts after it).
    let remote_text = b"from the server\n".repeat(1000);
    std::fs::write(sshd.data.join("on-server.txt"), &remote_text).unwrap();
    sshd.chown_data();

    let mut cmd = sshd.ferry();
    cmd.arg("-i").arg(&sshd.client_key).arg(sshd.data_url(""));
    let mut app = App::launch(cmd, &x, home.path());
    app.wait_log("Local pane shows", Duration::from_secs(60));
    app.wait_log("Remote pane shows", Duration::from_secs(60));
    let window = x
        .xdotool(&["search", "--sync", "--onlyvisible", "--name", "^Ferry$"])
        .lines()
        .next()
        .expect("a Ferry window")
        .to_string();
    std::thread::sleep(Duration::from_millis(500));
    let colours = x.screenshot(&shots.join("1-connected.png"));
    assert!(colours > 16, "the window looks blank ({colours} colours)");

    // Drag the first local row (upload.bin) onto the remote pane, in steps like a hand would.
    let at = |px: u32, py: u32| {
        x.xdotool(&[
            "mousemove",
            "--window",
            &window,
            &px.to_string(),
            &py.to_string(),
        ]);
        std::thread::sleep(Duration::from_millis(60));
    };
    // Where the first row of each table sits in the default window (see the screenshots in
    // target/tmp/gui-e2e when a layout change moves it).
    const FIRST_ROW_Y: u32 = 181;
    at(60, FIRST_ROW_Y);
    x.xdotool(&["mousedown", "1"]);
    for px in [70, 100, 200, 350, 500, 650, 750, 800] {
        at(px, 320);
    }
    std::thread::sleep(Duration::from_millis(300));
    x.screenshot(&shots.join("2-dragging.png"));
    x.xdotool(&["mouseup", "1"]);
    wait_file(&sshd.data.join("upload.bin"), &upload);
    app.wait_log("Remote pane shows", Duration::from_secs(10));
    std::thread::sleep(Duration::from_millis(500));
    x.screenshot(&shots.join("3-uploaded.png"));

    // Double-click the first remote row (on-server.txt): it downloads into the local folder.
    at(700, FIRST_ROW_Y);
    x.xdotool(&["click", "--repeat", "2", "--delay", "80", "1"]);
    wait_file(&home.path().join("on-server.txt"), &remote_text);
    std::thread::sleep(Duration::from_millis(800));
    let colours = x.screenshot(&shots.join("4-downloaded.png"));
    assert!(colours > 16, "the window looks blank ({colours} colours)");
}

#[test]
fn demo_opens_connected_to_the_built_in_server_and_ctrl_q_quits() {
    let x = Xvfb::start();
    let home = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ferry"));
    cmd.arg("--demo").arg("--config-dir").arg(config.path());
    let mut app = App::launch(cmd, &x, home.path());
    // The sample folder: README.txt, Documents/, Photos/, Music/, big-file.bin, a non-ASCII name
    // and a hidden .config.
    app.wait_log("Remote pane shows / (7 entries)", Duration::from_secs(60));
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gui-e2e");
    std::fs::create_dir_all(&shots).unwrap();
    let colours = x.screenshot(&shots.join("demo.png"));
    assert!(colours > 16, "the window looks blank ({colours} colours)");
    // Ctrl+Q closes the window and ends the program (the demo server with it).
    let window = x
        .xdotool(&["search", "--sync", "--onlyvisible", "--name", "^Ferry$"])
        .lines()
        .next()
        .unwrap()
        .to_string();
    x.xdotool(&["windowfocus", "--sync", &window]);
    x.xdotool(&["key", "ctrl+q"]);
    wait_for("ferry --demo to exit", Duration::from_secs(20), || {
        matches!(app.child.try_wait(), Ok(Some(_)))
    });
    assert!(app.child.try_wait().unwrap().unwrap().success());
}
