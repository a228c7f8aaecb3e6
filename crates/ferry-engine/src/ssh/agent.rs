//! Reaching the person's ssh-agent: `SSH_AUTH_SOCK` on Unix; Pageant, then OpenSSH's agent pipe,
//! on Windows. Used by the login (`auth.rs`) and by the key list (`keys/agent.rs`).

use russh::keys::agent::client::{AgentClient, AgentStream};

/// An agent connection, whatever carries it.
pub type Agent = AgentClient<Box<dyn AgentStream + Send + Unpin + 'static>>;

/// The running agent, or why there is none.
pub async fn connect() -> Result<Agent, russh::keys::Error> {
    #[cfg(unix)]
    let agent = AgentClient::connect_env().await.map(|a| a.dynamic());
    #[cfg(windows)]
    let agent = match AgentClient::connect_pageant().await {
        Ok(a) => Ok(a.dynamic()),
        Err(_) => AgentClient::connect_named_pipe(r"\\.\pipe\openssh-ssh-agent")
            .await
            .map(|a| a.dynamic()),
    };
    agent
}
