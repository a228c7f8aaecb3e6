//! The keys module against OpenSSH's own tool: files and modes, never overwriting, round trips
//! with and without a passphrase, and `ssh-keygen -l` agreeing on the fingerprint and randomart.

use super::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use russh::keys::ssh_key::PrivateKey;

use crate::secrets::Secret;

fn ssh_keygen_present() -> bool {
    let ok = Command::new("ssh-keygen").arg("-?").output().is_ok();
    if !ok {
        eprintln!("note: ssh-keygen is not installed; its cross-checks are skipped");
    }
    ok
}

/// `ssh-keygen ARGS`' stdout, asserting it succeeded.
fn ssh_keygen(args: &[&str], file: &Path) -> String {
    let out = Command::new("ssh-keygen")
        .args(args)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "ssh-keygen {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn request(kind: KeyType, out: &Path) -> GenerateRequest {
    GenerateRequest {
        kind,
        out: Some(out.to_path_buf()),
        comment: Some("test@ferry".into()),
        ..GenerateRequest::default()
    }
}

#[test]
fn each_type_is_written_with_ssh_keygens_modes_and_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let keygen = ssh_keygen_present();
    for (kind, label, bits) in [
        (KeyType::Ed25519, "ED25519", 256),
        (KeyType::Ecdsa, "ECDSA", 256),
        (KeyType::Rsa, "RSA", 3072),
    ] {
        let path = dir.path().join(kind.default_file_name());
        let made = generate(&request(kind, &path)).unwrap();
        assert_eq!(made.path, path);
        assert_eq!(
            made.public_path,
            dir.path().join(format!("{}.pub", kind.default_file_name()))
        );
        assert_eq!(mode(&made.path), 0o600, "{label}");
        assert_eq!(mode(&made.public_path), 0o644, "{label}");
        assert_eq!(made.info.kind, label);
        assert_eq!(made.info.bits, Some(bits));
        assert!(!made.info.protected);
        assert!(
            made.info.fingerprint.starts_with("SHA256:"),
            "{:?}",
            made.info
        );
        let header = format!("[{label} {bits}]");
        assert!(
            made.randomart.lines().next().unwrap().contains(&header),
            "{}",
            made.randomart
        );

        let text = std::fs::read_to_string(&made.path).unwrap();
        let key = PrivateKey::from_openssh(&text).unwrap();
        assert!(!key.is_encrypted());
        assert_eq!(key.comment().as_str_lossy(), "test@ferry");
        let public = std::fs::read_to_string(&made.public_path).unwrap();
        assert_eq!(public, format!("{}\n", made.public_key));
        assert!(public.ends_with(" test@ferry\n"), "{public}");

        if keygen {
            let line = ssh_keygen(&["-l", "-f"], &made.path);
            assert_eq!(
                line.trim(),
                format!("{bits} {} test@ferry ({label})", made.info.fingerprint)
            );
            // -lv draws the randomart after the fingerprint line.
            let art = ssh_keygen(&["-lv", "-f"], &made.path);
            assert_eq!(
                art.lines().skip(1).collect::<Vec<_>>().join("\n"),
                made.randomart.trim_end()
            );
        }
    }
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k");
    let first = generate(&request(KeyType::Ed25519, &path)).unwrap();
    let private = std::fs::read(&first.path).unwrap();
    let public = std::fs::read(&first.public_path).unwrap();
    let again = generate(&request(KeyType::Ed25519, &path)).unwrap_err();
    let said = again.to_string();
    assert!(said.contains(&path.display().to_string()), "{said}");
    assert!(said.contains("already exists"), "{said}");
    assert_eq!(std::fs::read(&first.path).unwrap(), private);
    assert_eq!(std::fs::read(&first.public_path).unwrap(), public);

    // Only the .pub there: refused, naming it, and no private key is left behind.
    let lone = dir.path().join("lone");
    std::fs::write(dir.path().join("lone.pub"), "mine\n").unwrap();
    let said = generate(&request(KeyType::Ed25519, &lone))
        .unwrap_err()
        .to_string();
    assert!(said.contains("lone.pub"), "{said}");
    assert!(!lone.exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("lone.pub")).unwrap(),
        "mine\n"
    );

    // A dangling link is not written through.
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), &link).unwrap();
    assert!(generate(&request(KeyType::Ed25519, &link)).is_err());
    assert!(!dir.path().join("elsewhere").exists());
}

#[test]
fn a_passphrase_encrypts_the_key_and_only_it_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked");
    let mut req = request(KeyType::Ed25519, &path);
    req.passphrase = Some(Secret::new("correct horse"));
    assert!(!format!("{req:?}").contains("correct horse"));
    let made = generate(&req).unwrap();
    assert!(made.info.protected);
    let text = std::fs::read_to_string(&made.path).unwrap();
    assert!(!text.contains("correct horse"));
    let key = PrivateKey::from_openssh(&text).unwrap();
    assert!(key.is_encrypted());
    assert!(key.decrypt("wrong").is_err());
    let open = key.decrypt("correct horse").unwrap();
    assert_eq!(
        open.public_key()
            .fingerprint(russh::keys::HashAlg::Sha256)
            .to_string(),
        made.info.fingerprint
    );
    if ssh_keygen_present() {
        let public = ssh_keygen(&["-y", "-P", "correct horse", "-f"], &made.path);
        assert_eq!(
            public.split_whitespace().nth(1),
            made.public_key.split_whitespace().nth(1)
        );
        let wrong = Command::new("ssh-keygen")
            .args(["-y", "-P", "wrong", "-f"])
            .arg(&made.path)
            .output()
            .unwrap();
        assert!(!wrong.status.success());
    }
    // An empty passphrase is no passphrase, as with ssh-keygen -N "".
    let mut open_req = request(KeyType::Ed25519, &dir.path().join("open"));
    open_req.passphrase = Some(Secret::new(""));
    assert!(!generate(&open_req).unwrap().info.protected);
}

#[test]
fn sizes_outside_the_allowed_ones_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small");
    let mut req = request(KeyType::Rsa, &path);
    req.bits = Some(2048);
    let said = generate(&req).unwrap_err().to_string();
    assert!(said.contains("3072"), "{said}");
    let mut ec = request(KeyType::Ecdsa, &path);
    ec.bits = Some(300);
    assert!(generate(&ec).is_err());
    assert!(!path.exists());
    ec.bits = Some(384);
    assert_eq!(generate(&ec).unwrap().info.bits, Some(384));
}

#[test]
fn the_folder_lists_private_keys_with_their_protection_and_passes_over_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let open = generate(&request(KeyType::Ed25519, &d.join("id_ed25519"))).unwrap();
    let mut locked = request(KeyType::Ecdsa, &d.join("id_ecdsa"));
    locked.passphrase = Some(Secret::new("pw"));
    let locked = generate(&locked).unwrap();
    std::fs::write(d.join("config"), "Host x\n").unwrap();
    std::fs::write(d.join("known_hosts"), "h ssh-ed25519 AAAA\n").unwrap();
    std::fs::write(
        d.join("broken"),
        "-----BEGIN OPENSSH PRIVATE KEY-----\nnot base64 at all!\n-----END OPENSSH PRIVATE KEY-----\n",
    )
    .unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();

    let listed = list_folder(d).unwrap();
    let names: Vec<_> = listed
        .iter()
        .map(|l| l.path().file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["broken", "id_ecdsa", "id_ed25519"], "{listed:?}");
    assert!(
        matches!(&listed[0], Listed::Unreadable { reason, .. } if reason.contains("cannot be read"))
    );
    let Listed::Key { info, .. } = &listed[1] else {
        panic!("{listed:?}")
    };
    assert_eq!(info.fingerprint, locked.info.fingerprint);
    assert!(info.protected);
    // The comment of an encrypted key is inside the encryption: it comes from the .pub.
    assert_eq!(info.comment, "test@ferry");
    assert_eq!(info.bits, Some(256));
    let Listed::Key { info, .. } = &listed[2] else {
        panic!("{listed:?}")
    };
    assert_eq!(info, &open.info);
    // What a face copies and draws: the .pub file's line, the same randomart as at its making.
    assert_eq!(info.public_key.as_deref(), Some(open.public_key.as_str()));
    assert_eq!(info.randomart().as_deref(), Some(open.randomart.as_str()));

    assert!(list_folder(&d.join("missing")).unwrap().is_empty());
}

#[test]
fn pem_keys_from_ssh_keygen_are_listed_and_an_unreadable_file_says_why() {
    if !ssh_keygen_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, pass) in [("pem_open", ""), ("pem_locked", "pem-secret")] {
        let out = Command::new("ssh-keygen")
            .args([
                "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", pass, "-C", name, "-f",
            ])
            .arg(d.join(name))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let expected = |name: &str| {
        ssh_keygen(&["-l", "-f"], &d.join(format!("{name}.pub")))
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string()
    };
    let listed = list_folder(d).unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    for l in &listed {
        let Listed::Key { path, info } = l else {
            panic!("{listed:?}")
        };
        let name = path.file_name().unwrap().to_str().unwrap();
        assert_eq!(info.fingerprint, expected(name));
        assert_eq!(info.kind, "RSA");
        assert_eq!(info.bits, Some(2048));
        assert_eq!(info.protected, name == "pem_locked", "{info:?}");
        assert_eq!(info.comment, name);
    }

    // Without its .pub a locked PEM key cannot be described, and says so.
    std::fs::remove_file(d.join("pem_locked.pub")).unwrap();
    let listed = list_folder(d).unwrap();
    assert!(
        matches!(&listed[0], Listed::Unreadable { reason, .. } if reason.contains(".pub")),
        "{listed:?}"
    );

    // A key file the user may not read (root reads everything: nothing to see then).
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        std::fs::set_permissions(d.join("pem_open"), std::fs::Permissions::from_mode(0o000))
            .unwrap();
        let listed = list_folder(d).unwrap();
        assert!(
            listed.iter().any(
                |l| matches!(l, Listed::Unreadable { path, .. } if path.ends_with("pem_open"))
            ),
            "{listed:?}"
        );
    }
}

/// A FIDO security key's public line (as an agent lists it, or its `.pub` file), with what
/// `ssh-keygen -lf` prints for it: the blobs are PROTOCOL.u2f's (the key, then the application
/// string "ssh:"), made from an ordinary key's point.
const SECURITY_KEYS: [(&str, &str, &str); 2] = [
    (
        "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAII251aCHu/y4wrtMB9n52SvyDeNbMTOX7V7Iywl2sy7bAAAABHNzaDo= yubikey-ed",
        "ED25519-SK",
        "SHA256:La1YTG3SOrdjhlgG8MXknhobjPIGH+mQ9wYpkNSj8e4",
    ),
    (
        "sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBDOovhZE2OWpww7agxX3U0Hn6ilGeAIuLXz1HLWg30rwpDCuBiIPQ5sErGxWg6PKi3oz0o5Px/5usAaE47FyvCEAAAAEc3NoOg== yubikey-ec",
        "ECDSA-SK",
        "SHA256:Q/hoxM7U9uESoGvHJs0a4KC3Div3aLMXLrkE3h/ajPE",
    ),
];

#[test]
fn security_keys_are_described_as_ssh_keygen_describes_them() {
    let dir = tempfile::tempdir().unwrap();
    let keygen = ssh_keygen_present();
    for (line, kind, fingerprint) in SECURITY_KEYS {
        let key = PublicKey::from_openssh(line).unwrap();
        let info = KeyInfo::of(&key);
        assert_eq!(info.kind, kind);
        assert_eq!(info.bits, Some(256));
        assert_eq!(info.fingerprint, fingerprint);
        assert_eq!(info.comment, line.rsplit(' ').next().unwrap());
        assert_eq!(info.public_key.as_deref(), Some(line));
        assert_eq!(info.randomart_header(), format!("[{kind} 256]"));
        if keygen {
            let file = dir.path().join("sk.pub");
            std::fs::write(&file, format!("{line}\n")).unwrap();
            let said = ssh_keygen(&["-lf"], &file);
            let comment = line.rsplit(' ').next().unwrap();
            assert_eq!(said.trim(), format!("256 {fingerprint} {comment} ({kind})"));
        }
    }
}

#[test]
fn a_fingerprint_is_sha256_and_43_base64_characters() {
    assert!(is_sha256_fingerprint(SECURITY_KEYS[0].2));
    assert!(is_sha256_fingerprint(SECURITY_KEYS[1].2));
    for bad in [
        "",
        "SHA256:",
        "La1YTG3SOrdjhlgG8MXknhobjPIGH+mQ9wYpkNSj8e4",
        "sha256:La1YTG3SOrdjhlgG8MXknhobjPIGH+mQ9wYpkNSj8e4",
        "MD5:La1YTG3SOrdjhlgG8MXknhobjPIGH+mQ9wYpkNSj8e4",
        "SHA256:La1YTG3SOrdjhlgG8MXknhobjPIGH+mQ9wYpkNSj8e",
        "SHA256:La1YTG3SOrdjhlgG8MXknhobjPIGH+mQ9wYpkNSj8e4=",
        "SHA256:La1YTG3SOrdjhlgG8MXknhobjPIGH-mQ9wYpkNSj8e4",
        "SHA256:La1YTG3SOrdjhlgG8MXknhobjPIGH+mQ9wYpkNSj8e4 ",
    ] {
        assert!(!is_sha256_fingerprint(bad), "{bad:?}");
    }
}
