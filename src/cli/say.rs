//! How the command line words what the engine reports: the engine's sentence (which names no
//! face's controls), plus what to type at a terminal about it — an option of `ferry`, an
//! `ssh-keygen` command. The window words the same errors in `gui::text`, in the user's language.

use ferry_engine::error::Error;
use ferry_engine::transfer::note::Skip;

/// An engine error as the command line prints it.
pub fn error(e: &Error) -> String {
    match advice(e) {
        Some(more) => format!("{e} {more}"),
        None => e.to_string(),
    }
}

/// Why a file was skipped, as the command line prints it.
pub fn skip(reason: &Skip) -> String {
    match reason {
        Skip::Folder => "is a folder (use -r to copy folders)".to_string(),
        other => other.to_string(),
    }
}

/// What a person at a terminal can do about `e`, when it is something to type.
fn advice(e: &Error) -> Option<String> {
    let keygen = |host: &str, file: &std::path::Path| {
        format!(
            "For example: ssh-keygen -R '{host}' -f '{}'",
            file.display()
        )
    };
    Some(match e.root() {
        Error::HostKeyUnknown { .. } => {
            "Connect interactively to check and accept it, or pass --accept-new-host-key.".into()
        }
        Error::HostKeyChanged { host, file, .. } | Error::HostKeyOtherType { host, file, .. } => {
            keygen(host, file)
        }
        Error::ListingTooLarge { .. } => "Or raise the limit with --max-entries N.".into(),
        Error::UnknownSite { .. } => "See: ferry sites list".into(),
        Error::TooManyDeletes { count, .. } => {
            format!("To go ahead, pass --max-delete {count} (or see the plan with --dry-run).")
        }
        Error::DeleteLimit { count, .. } => format!("To go ahead, pass --max-delete {count}."),
        Error::ProxyAuth { .. } => "Put the user in the --proxy address (http://USER@HOST:PORT or \
                                    socks5://USER@HOST:PORT) and type its password at a terminal, \
                                    or give it with --proxy-password-env VAR."
            .into(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// The terminal's advice follows the engine's sentence; the engine's names no option.
    #[test]
    fn the_command_line_adds_what_to_type() {
        let unknown = Error::HostKeyUnknown {
            host: "h".into(),
            key_type: "ssh-ed25519".into(),
            fingerprint: "SHA256:x".into(),
        };
        assert!(!unknown.to_string().contains("--"), "{unknown}");
        let said = error(&unknown);
        assert!(said.contains("can't be established"), "{said}");
        assert!(said.ends_with("or pass --accept-new-host-key."), "{said}");

        let changed = Error::HostKeyChanged {
            host: "h".into(),
            key_type: "ssh-ed25519".into(),
            fingerprint: "SHA256:y".into(),
            file: PathBuf::from("/k/known_hosts"),
            line: 3,
        };
        assert!(!changed.to_string().contains("ssh-keygen"), "{changed}");
        assert!(
            error(&changed).ends_with("For example: ssh-keygen -R 'h' -f '/k/known_hosts'"),
            "{}",
            error(&changed)
        );

        let site = Error::UnknownSite { name: "x".into() };
        assert!(!site.to_string().contains("ferry"), "{site}");
        assert!(error(&site).contains("ferry sites list"));
        assert_eq!(error(&Error::Cancelled), "Cancelled.");
        assert_eq!(skip(&Skip::Folder), "is a folder (use -r to copy folders)");
    }
}
