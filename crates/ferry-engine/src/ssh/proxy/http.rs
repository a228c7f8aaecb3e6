//! The client half of an HTTP proxy's CONNECT method, with Basic authentication when the proxy
//! address names a user. The answer is read a byte at a time up to its blank line, so nothing of
//! the SSH session that follows is taken.

use base64::Engine as _;

use crate::error::Result;
use crate::ssh::prompt::Prompter;

use super::{ProxyServer, Talk, Typed};

/// The most of an answer's head that is read.
const MAX_HEAD: usize = 16 << 10;

/// Asks the proxy on `talk` for a tunnel to `host:port`. Returns the password used, if any.
pub(super) async fn connect(
    talk: &mut Talk<'_>,
    server: &ProxyServer,
    host: &str,
    port: u16,
    prompter: &dyn Prompter,
) -> Result<Option<Typed>> {
    let authority = format!("{}:{port}", crate::url::bracketed(host));
    let mut head = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    let mut password = None;
    if let Some(user) = &server.user {
        let Some(pw) = server.password(user, talk.proxy, prompter).await else {
            return Err(talk.needs_login("no password was given for it"));
        };
        let token =
            base64::engine::general_purpose::STANDARD.encode(format!("{user}:{}", pw.0.expose()));
        head.push_str(&format!("Proxy-Authorization: Basic {token}\r\n"));
        password = Some(pw);
    }
    head.push_str("\r\n");
    let sent = talk.send(head.as_bytes()).await;
    zeroize::Zeroize::zeroize(&mut head);
    sent?;
    let answer = read_head(talk).await?;
    let status_line = answer.lines().next().unwrap_or_default().trim().to_string();
    let shown = crate::display::escape_for_display(&status_line);
    let code = status_line.split_whitespace().nth(1).unwrap_or_default();
    match code {
        c if c.starts_with('2') && c.len() == 3 => Ok(password),
        "407" => Err(talk.needs_login(shown)),
        _ if !status_line.starts_with("HTTP/") => {
            Err(talk.failed(format!("it did not answer as an HTTP proxy ({shown})")))
        }
        _ => Err(talk.refused(host, port, shown)),
    }
}

/// The answer's status line and headers, up to the blank line.
async fn read_head(talk: &mut Talk<'_>) -> Result<String> {
    let mut got = Vec::new();
    while !got.ends_with(b"\r\n\r\n") && !got.ends_with(b"\n\n") {
        if got.len() >= MAX_HEAD {
            return Err(talk.failed(format!("its answer is longer than {} KiB", MAX_HEAD >> 10)));
        }
        let mut byte = [0u8; 1];
        talk.read_exact(&mut byte).await?;
        got.push(byte[0]);
    }
    Ok(String::from_utf8_lossy(&got).into_owned())
}
