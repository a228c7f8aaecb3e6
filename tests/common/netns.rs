//! Network namespaces made by the tests themselves (a private loopback for tc/iptables faults), and
//! running a closure or a command inside one.

use std::process::Command;

use super::run;

pub fn in_netns_command(ns: Option<&str>, program: &str) -> Command {
    match ns {
        Some(ns) => {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", ns, program]);
            c
        }
        None => Command::new(program),
    }
}

/// Runs `f` on a thread that has joined network namespace `ns` (or here, when `None`).
pub fn in_netns<T: Send>(ns: Option<&str>, f: impl FnOnce() -> T + Send) -> T {
    let Some(ns) = ns else { return f() };
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                use std::os::fd::AsRawFd;
                let file = std::fs::File::open(format!("/run/netns/{ns}")).expect("netns");
                // SAFETY: setns on a valid namespace fd; it changes only this thread's namespace.
                let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
                assert_eq!(rc, 0, "setns: {}", std::io::Error::last_os_error());
                f()
            })
            .join()
            .expect("netns thread")
    })
}

/// A private network namespace with its own loopback (up, MTU 1500 so `tbf` works), deleted on
/// drop. Root only.
pub struct Netns {
    pub name: String,
}

impl Netns {
    pub fn new(tag: &str) -> Netns {
        let name = format!("ferry-{tag}-{}", std::process::id());
        let _ = Command::new("ip").args(["netns", "del", &name]).output();
        run(Command::new("ip").args(["netns", "add", &name]));
        let ns = Netns { name };
        ns.run(&["ip", "link", "set", "lo", "up"]);
        ns.run(&["ip", "link", "set", "lo", "mtu", "1500"]);
        ns
    }

    /// Runs a command inside the namespace and insists it succeeds.
    pub fn run(&self, args: &[&str]) {
        run(in_netns_command(Some(&self.name), args[0]).args(&args[1..]));
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .output();
    }
}
