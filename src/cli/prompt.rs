//! The CLI's [`Prompter`]: asks on the terminal (`/dev/tty`), the way OpenSSH's `ssh` does, and
//! answers "no" when there is no terminal.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use async_trait::async_trait;

use ferry_engine::secrets::Secret;
use ferry_engine::ssh::display_host;
use ferry_engine::ssh::prompt::{HostKeyDecision, HostKeyInfo, InteractiveRequest, Prompter};

pub struct TerminalPrompter {
    interactive: bool,
}

impl TerminalPrompter {
    pub fn new() -> Self {
        TerminalPrompter {
            interactive: std::io::stdin().is_terminal(),
        }
    }
}

impl Default for TerminalPrompter {
    fn default() -> Self {
        Self::new()
    }
}

/// Asks for a secret on the terminal without echoing it (`None`: no terminal, or it was closed).
pub(crate) async fn ask_hidden(prompt: String) -> Option<Secret> {
    tokio::task::spawn_blocking(move || rpassword::prompt_password(prompt).ok().map(Secret::new))
        .await
        .ok()
        .flatten()
}

pub(crate) async fn ask_line(prompt: String) -> Option<String> {
    tokio::task::spawn_blocking(move || {
        eprint!("{prompt}");
        std::io::stderr().flush().ok();
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).ok()?;
        Some(line.trim_end_matches(['\r', '\n']).to_string())
    })
    .await
    .ok()
    .flatten()
}

#[async_trait]
impl Prompter for TerminalPrompter {
    async fn confirm_host_key(&self, info: &HostKeyInfo) -> HostKeyDecision {
        if !self.interactive {
            return HostKeyDecision::Reject;
        }
        eprintln!(
            "The authenticity of host '{}' can't be established.\n{} key fingerprint is {}.",
            display_host(&info.host, info.port),
            info.key_type,
            info.fingerprint
        );
        loop {
            let answer = ask_line(
                "Are you sure you want to continue connecting (yes/no/[fingerprint])? ".into(),
            )
            .await;
            match answer.as_deref().map(str::trim) {
                Some("yes") => return HostKeyDecision::AcceptAndSave,
                Some(a) if a == info.fingerprint => return HostKeyDecision::AcceptAndSave,
                Some("no") | None => return HostKeyDecision::Reject,
                Some(_) => eprintln!("Please type 'yes', 'no' or the fingerprint."),
            }
        }
    }

    async fn password(&self, user: &str, host: &str) -> Option<Secret> {
        if !self.interactive {
            return None;
        }
        ask_hidden(format!("{user}@{host}'s password: ")).await
    }

    async fn proxy_password(&self, user: &str, proxy: &str) -> Option<Secret> {
        if !self.interactive {
            return None;
        }
        ask_hidden(format!("Password for {user} at the proxy {proxy}: ")).await
    }

    async fn passphrase(&self, key_file: &Path) -> Option<Secret> {
        if !self.interactive {
            return None;
        }
        ask_hidden(format!(
            "Enter passphrase for key '{}': ",
            key_file.display()
        ))
        .await
    }

    async fn keyboard_interactive(&self, request: &InteractiveRequest) -> Option<Vec<Secret>> {
        if !self.interactive {
            return None;
        }
        if !request.name.is_empty() {
            eprintln!(
                "{}",
                ferry_engine::fs::name::escape_for_display(&request.name)
            );
        }
        if !request.instructions.is_empty() {
            eprintln!(
                "{}",
                ferry_engine::fs::name::escape_for_display(&request.instructions)
            );
        }
        let mut answers = Vec::new();
        for (prompt, echo) in &request.prompts {
            let prompt = ferry_engine::fs::name::escape_for_display(prompt);
            let answer = if *echo {
                ask_line(prompt).await.map(Secret::new)
            } else {
                ask_hidden(prompt).await
            };
            answers.push(answer?);
        }
        Some(answers)
    }

    fn banner(&self, text: &str) {
        if self.interactive {
            eprint!(
                "{}",
                text.chars()
                    .filter(|c| !c.is_control() || *c == '\n')
                    .collect::<String>()
            );
        }
    }
}
