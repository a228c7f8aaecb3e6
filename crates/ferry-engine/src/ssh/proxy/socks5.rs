//! The client half of a SOCKS5 handshake (RFC 1928): no login, or user name and password
//! (RFC 1929); then CONNECT to the target by name (the proxy resolves it) or by address.

use std::net::IpAddr;

use crate::error::Result;
use crate::ssh::prompt::Prompter;

use super::{ProxyServer, Talk, Typed};

const VERSION: u8 = 5;
const NO_LOGIN: u8 = 0x00;
const USER_PASSWORD: u8 = 0x02;
const NONE_ACCEPTABLE: u8 = 0xFF;

/// Asks the proxy on `talk` for a connection to `host:port`. Returns the password used, if any.
pub(super) async fn connect(
    talk: &mut Talk<'_>,
    server: &ProxyServer,
    host: &str,
    port: u16,
    prompter: &dyn Prompter,
) -> Result<Option<Typed>> {
    let password = log_in(talk, server, prompter).await?;
    talk.send(&request(host, port)?).await?;
    let mut head = [0u8; 4];
    talk.read_exact(&mut head).await?;
    if head[0] != VERSION {
        return Err(talk.failed(format!("it answered as SOCKS version {}", head[0])));
    }
    if head[1] != 0 {
        return Err(talk.refused(host, port, reply_reason(head[1])));
    }
    // The address the proxy bound: read past it, the SSH session follows.
    let len = match head[3] {
        1 => 4,
        4 => 16,
        3 => {
            let mut n = [0u8; 1];
            talk.read_exact(&mut n).await?;
            usize::from(n[0])
        }
        other => return Err(talk.failed(format!("it sent an unknown address type {other}"))),
    };
    let mut rest = vec![0u8; len + 2];
    talk.read_exact(&mut rest).await?;
    Ok(password)
}

/// The method negotiation and, when the proxy asks for it, the RFC 1929 login.
async fn log_in(
    talk: &mut Talk<'_>,
    server: &ProxyServer,
    prompter: &dyn Prompter,
) -> Result<Option<Typed>> {
    let offer: &[u8] = match server.user {
        Some(_) => &[VERSION, 2, NO_LOGIN, USER_PASSWORD],
        None => &[VERSION, 1, NO_LOGIN],
    };
    talk.send(offer).await?;
    let mut choice = [0u8; 2];
    talk.read_exact(&mut choice).await?;
    if choice[0] != VERSION {
        return Err(talk.failed(format!("it answered as SOCKS version {}", choice[0])));
    }
    let user = match (choice[1], &server.user) {
        (NO_LOGIN, _) => return Ok(None),
        (USER_PASSWORD, Some(user)) => user,
        (NONE_ACCEPTABLE, None) => {
            return Err(
                talk.needs_login("it accepts no connection without a user name and password")
            );
        }
        (NONE_ACCEPTABLE, Some(_)) => {
            return Err(
                talk.needs_login("it accepts neither no login nor a user name and password")
            );
        }
        (other, _) => {
            return Err(talk.needs_login(format!(
                "it asks for login method {other:#04x}, which Ferry does not offer"
            )));
        }
    };
    let Some(password) = server.password(user, talk.proxy, prompter).await else {
        return Err(talk.needs_login("no password was given for it"));
    };
    let (u, p) = (user.as_bytes(), password.0.expose().as_bytes());
    if u.len() > 255 || p.len() > 255 {
        return Err(talk.needs_login("SOCKS5 takes a user name and password of 255 bytes at most"));
    }
    let mut login = Vec::with_capacity(3 + u.len() + p.len());
    login.extend_from_slice(&[1, u.len() as u8]);
    login.extend_from_slice(u);
    login.push(p.len() as u8);
    login.extend_from_slice(p);
    let sent = talk.send(&login).await;
    zeroize::Zeroize::zeroize(&mut login);
    sent?;
    let mut status = [0u8; 2];
    talk.read_exact(&mut status).await?;
    if status[1] != 0 {
        return Err(talk.needs_login(format!("it rejected the user name {user} or its password")));
    }
    Ok(Some(password))
}

/// CONNECT to `host:port`: an address as itself, a name for the proxy to resolve.
fn request(host: &str, port: u16) -> Result<Vec<u8>> {
    let mut req = vec![VERSION, 1, 0];
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(a)) => {
            req.push(1);
            req.extend_from_slice(&a.octets());
        }
        Ok(IpAddr::V6(a)) => {
            req.push(4);
            req.extend_from_slice(&a.octets());
        }
        Err(_) => {
            let name = host.as_bytes();
            let len = u8::try_from(name.len()).map_err(|_| crate::error::Error::InvalidUrl {
                input: host.to_string(),
                reason: "a host name sent to a SOCKS5 proxy is 255 bytes at most".into(),
            })?;
            req.push(3);
            req.push(len);
            req.extend_from_slice(name);
        }
    }
    req.extend_from_slice(&port.to_be_bytes());
    Ok(req)
}

/// RFC 1928's reply codes, as its text names them.
fn reply_reason(code: u8) -> String {
    match code {
        1 => "general SOCKS server failure",
        2 => "connection not allowed by ruleset",
        3 => "network unreachable",
        4 => "host unreachable",
        5 => "connection refused",
        6 => "TTL expired",
        7 => "command not supported",
        8 => "address type not supported",
        other => return format!("reply code {other}"),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_goes_to_the_proxy_to_resolve() {
        assert_eq!(
            request("db.internal", 22).unwrap(),
            [&[5, 1, 0, 3, 11][..], b"db.internal", &[0, 22]].concat()
        );
        assert_eq!(
            request("127.0.0.1", 2222).unwrap(),
            [5, 1, 0, 1, 127, 0, 0, 1, 8, 174]
        );
        assert_eq!(request("::1", 22).unwrap().len(), 4 + 16 + 2);
        assert!(request(&"a".repeat(256), 22).is_err());
        assert_eq!(reply_reason(5), "connection refused");
    }
}
