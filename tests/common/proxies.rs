//! Proxies in front of a test server: `tests/common/http_proxy.py`, an HTTP CONNECT proxy that
//! wants a Basic login, stopped by PID when dropped.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A child process stopped by PID when dropped.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The HTTP proxy demanding `login` (`USER:PASSWORD`), and the port it listens on. Runs on
/// `$FERRY_TEST_PYTHON` (standard library only), else `python3`.
pub fn http_proxy(login: &str) -> (Running, u16) {
    let python = std::env::var_os("FERRY_TEST_PYTHON").unwrap_or_else(|| "python3".into());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/common/http_proxy.py");
    let mut child = Command::new(python)
        .arg(script)
        .args(["--login", login])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the HTTP proxy");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut first)
        .expect("the HTTP proxy's port");
    let port = first
        .trim()
        .strip_prefix("PORT ")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("the HTTP proxy said {first:?}"));
    (Running(child), port)
}
