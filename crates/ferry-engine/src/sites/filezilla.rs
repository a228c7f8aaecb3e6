//! Importing FileZilla's `sitemanager.xml`: its SFTP sites (Protocol 1) with their folders, start
//! folders, key files and notes. FileZilla keeps passwords base64-encoded in that file, i.e. in
//! plaintext; they come out as secrets for the keyring (never for a file) and the person is told.

use std::path::{Path, PathBuf};

use base64::Engine;

use crate::error::{Error, Result};
use crate::secrets::Secret;
use crate::secrets::SecretKind;
use crate::sites::{AuthMethod, Import, Site, clean_name};

const SFTP: &str = "1";

/// Reads and imports a `sitemanager.xml`.
pub fn import_filezilla(path: &Path) -> Result<Import> {
    let err = |detail: String| Error::Import {
        path: path.to_path_buf(),
        detail,
    };
    let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
    import_filezilla_text(&text).map_err(err)
}

pub(crate) fn import_filezilla_text(text: &str) -> std::result::Result<Import, String> {
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not valid XML: {e}"))?;
    let servers = doc
        .descendants()
        .find(|n| n.has_tag_name("Servers"))
        .ok_or("no <Servers> element: is this FileZilla's sitemanager.xml?")?;
    let mut import = Import::default();
    walk(servers, &mut Vec::new(), &mut import);
    let stored = import
        .secrets
        .iter()
        .filter(|s| s.1 == SecretKind::Password)
        .count();
    if stored > 0 {
        import.notes.push(format!(
            "FileZilla stored {stored} password{} in plaintext; they are now in the OS keyring. Consider deleting sitemanager.xml or the passwords in it.",
            if stored == 1 { "" } else { "s" }
        ));
    }
    Ok(import)
}

fn walk(node: roxmltree::Node, folder: &mut Vec<String>, import: &mut Import) {
    for child in node.children().filter(|c| c.is_element()) {
        match child.tag_name().name() {
            "Folder" => {
                // The folder's name is its own text, before the nested elements.
                let name: String = child
                    .children()
                    .filter(|c| c.is_text())
                    .filter_map(|c| c.text())
                    .collect::<String>()
                    .trim()
                    .to_string();
                folder.push(clean_name(&name));
                walk(child, folder, import);
                folder.pop();
            }
            "Server" => server(child, folder, import),
            _ => {}
        }
    }
}

fn text<'a>(node: roxmltree::Node<'a, 'a>, tag: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name(tag))
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

fn server(node: roxmltree::Node, folder: &[String], import: &mut Import) {
    let name = text(node, "Name")
        .map(str::to_string)
        .or_else(|| {
            node.children()
                .find(|c| c.is_text())
                .and_then(|c| c.text())
                .map(|t| t.trim().to_string())
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| text(node, "Host").unwrap_or("unnamed").to_string());
    let label = if folder.is_empty() {
        name.clone()
    } else {
        format!("{}/{name}", folder.join("/"))
    };
    if text(node, "Protocol").unwrap_or("0") != SFTP {
        import.notes.push(format!(
            "{label}: not an SFTP site (FTP is not supported): skipped"
        ));
        return;
    }
    let Some(host) = text(node, "Host") else {
        import.notes.push(format!("{label}: no host: skipped"));
        return;
    };
    let mut site = Site::new(clean_name(&name), host);
    site.folder = folder.join("/");
    if let Some(p) = text(node, "Port").and_then(|p| p.parse::<u16>().ok())
        && p > 0
    {
        site.port = p;
    }
    site.user = text(node, "User").unwrap_or_default().to_string();
    site.notes = text(node, "Comments").unwrap_or_default().to_string();
    site.local_dir = text(node, "LocalDir").map(PathBuf::from);
    if let Some(remote) = text(node, "RemoteDir") {
        match decode_remote_dir(remote) {
            Some(dir) => site.remote_dir = dir,
            None => import.notes.push(format!(
                "{label}: could not read the remote folder '{remote}'"
            )),
        }
    }
    // Logontype: 0 anonymous, 1 normal, 2 ask, 3 interactive, 4 account, 5 key file.
    site.auth = match text(node, "Logontype").unwrap_or("1") {
        "3" => AuthMethod::Interactive,
        "5" => AuthMethod::KeyFile,
        "0" => AuthMethod::Agent,
        _ => AuthMethod::Password,
    };
    if let Some(key) = text(node, "Keyfile") {
        site.key_file = Some(PathBuf::from(key));
    }
    if let Some(pass) = node.children().find(|c| c.has_tag_name("Pass")) {
        let raw = pass.text().unwrap_or_default().trim();
        match pass.attribute("encoding") {
            _ if raw.is_empty() => {}
            Some("base64") => match base64::engine::general_purpose::STANDARD.decode(raw) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(pw) => import.secrets.push((
                        site.id.clone(),
                        SecretKind::Password,
                        Secret::new(pw),
                    )),
                    Err(_) => import.notes.push(format!(
                        "{label}: the stored password is not text: not imported"
                    )),
                },
                Err(_) => import.notes.push(format!(
                    "{label}: the stored password is not valid base64: not imported"
                )),
            },
            Some("crypt") => import.notes.push(format!(
                "{label}: the password is protected by FileZilla's master password: not imported"
            )),
            None => import
                .secrets
                .push((site.id.clone(), SecretKind::Password, Secret::new(raw))),
            Some(other) => import.notes.push(format!(
                "{label}: password encoding '{other}' is unknown: not imported"
            )),
        }
    }
    import.sites.push(site);
}

/// FileZilla's serialized server path: `<type> <prefix length> [prefix] (<length> <segment>)*`,
/// e.g. `1 0 4 home 3 ann` = `/home/ann`. Lengths count characters, so segments may hold spaces.
pub(crate) fn decode_remote_dir(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let number = |i: &mut usize| -> Option<usize> {
        let start = *i;
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        let n: usize = chars[start..*i].iter().collect::<String>().parse().ok()?;
        if *i < chars.len() {
            if chars[*i] != ' ' {
                return None;
            }
            *i += 1;
        }
        Some(n)
    };
    let server_type = number(&mut i)?;
    let prefix_len = number(&mut i)?;
    let prefix: String = chars.get(i..i + prefix_len)?.iter().collect();
    i += prefix_len;
    if prefix_len > 0 && i < chars.len() {
        i += 1;
    }
    let mut segments = Vec::new();
    while i < chars.len() {
        let len = number(&mut i)?;
        segments.push(chars.get(i..i + len)?.iter().collect::<String>());
        i += len;
        if i < chars.len() {
            if chars[i] != ' ' {
                return None;
            }
            i += 1;
        }
    }
    // Type 1 is Unix, the only kind an SFTP server reports in practice; others are joined the same.
    let _ = server_type;
    Some(format!("{prefix}/{}", segments.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
<FileZilla3 version="3.66.4" platform="*nix">
    <Servers>
        <Server>
            <Host>top.example.com</Host>
            <Port>22</Port>
            <Protocol>1</Protocol>
            <Type>0</Type>
            <User>ann</User>
            <Pass encoding="base64">czNjcjN0IHB3</Pass>
            <Logontype>1</Logontype>
            <Comments>the main box</Comments>
            <LocalDir>/home/ann/site</LocalDir>
            <RemoteDir>1 0 3 var 3 www 6 my dir</RemoteDir>
            <Name>Top site</Name>
        </Server>
        <Folder expanded="1">Work
            <Folder>Clients
                <Server>
                    <Host>10.1.2.3</Host>
                    <Port>2222</Port>
                    <Protocol>1</Protocol>
                    <User>deploy</User>
                    <Logontype>5</Logontype>
                    <Keyfile>/home/ann/.ssh/deploy</Keyfile>
                    <Name>Client: A</Name>
                </Server>
            </Folder>
            <Server>
                <Host>ftp.example.com</Host>
                <Protocol>0</Protocol>
                <User>x</User>
                <Pass encoding="base64">eHh4</Pass>
                <Name>Old FTP</Name>
            </Server>
            <Server>
                <Host>otp.example.com</Host>
                <Protocol>1</Protocol>
                <User>bob</User>
                <Pass encoding="base64">b3RoZXI=</Pass>
                <Logontype>3</Logontype>
                <Name>OTP</Name>
            </Server>
        </Folder>
    </Servers>
</FileZilla3>
"#;

    #[test]
    fn imports_sftp_sites_folders_and_passwords() {
        let imp = import_filezilla_text(SAMPLE).unwrap();
        let names: Vec<_> = imp.sites.iter().map(|s| s.full_name()).collect();
        assert_eq!(names, ["Top site", "Work/Clients/Client- A", "Work/OTP"]);
        let top = &imp.sites[0];
        assert_eq!(
            (top.host.as_str(), top.port, top.user.as_str()),
            ("top.example.com", 22, "ann")
        );
        assert_eq!(top.remote_dir, "/var/www/my dir");
        assert_eq!(top.local_dir, Some(PathBuf::from("/home/ann/site")));
        assert_eq!(top.notes, "the main box");
        assert_eq!(top.auth, AuthMethod::Password);
        let key = &imp.sites[1];
        assert_eq!(key.auth, AuthMethod::KeyFile);
        assert_eq!(key.port, 2222);
        assert_eq!(key.key_file, Some(PathBuf::from("/home/ann/.ssh/deploy")));
        assert_eq!(imp.sites[2].auth, AuthMethod::Interactive);

        assert_eq!(imp.secrets.len(), 2, "the FTP site's password is not taken");
        assert_eq!(imp.secrets[0].0, top.id);
        assert_eq!(imp.secrets[0].2.expose(), "s3cr3t pw");
        assert_eq!(imp.secrets[1].2.expose(), "other");
        let notes = imp.notes.join("\n");
        assert!(notes.contains("Old FTP: not an SFTP site"), "{notes}");
        assert!(
            notes.contains(
                "FileZilla stored 2 passwords in plaintext; they are now in the OS keyring."
            ),
            "{notes}"
        );
        assert!(!format!("{imp:?}").contains("s3cr3t"), "no secret in Debug");
    }

    #[test]
    fn remote_dir_forms() {
        assert_eq!(
            decode_remote_dir("1 0 4 home 3 ann").as_deref(),
            Some("/home/ann")
        );
        assert_eq!(decode_remote_dir("1 0").as_deref(), Some("/"));
        assert_eq!(decode_remote_dir("1 0 5 a b c").as_deref(), Some("/a b c"));
        assert_eq!(decode_remote_dir("1 0 9 short"), None);
        assert_eq!(decode_remote_dir("junk"), None);
    }

    #[test]
    fn not_filezilla() {
        assert!(
            import_filezilla_text("<a/>")
                .unwrap_err()
                .contains("Servers")
        );
        assert!(import_filezilla_text("<a").unwrap_err().contains("XML"));
    }
}
