//! A private OpenSSH server for tests: `sshd` on a free port of 127.0.0.1, run by the
//! current user with a throwaway host key and user key in a temporary folder, and the
//! `ssh -tt` command line that reaches it.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::tmux::PATIENCE;

const SSHD: &str = "/usr/sbin/sshd";

/// A private sshd, stopped when dropped (also when a test panics).
pub struct Sshd {
    child: Child,
    port: u16,
    /// Keys, configuration, pid files and the server's log.
    pub dir: tempfile::TempDir,
}

impl Sshd {
    pub fn start() -> Self {
        assert!(
            Path::new(SSHD).exists(),
            "{SSHD} is missing; run scripts/test.sh, which installs openssh-server"
        );
        let dir = tempfile::tempdir().unwrap();
        for key in ["host_key", "user_key"] {
            let status = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", "qari-test", "-f"])
                .arg(dir.path().join(key))
                .status()
                .unwrap_or_else(|err| {
                    panic!("ssh-keygen: {err}; run scripts/test.sh, which installs openssh-client")
                });
            assert!(status.success(), "ssh-keygen {key}: {status}");
        }
        std::fs::copy(
            dir.path().join("user_key.pub"),
            dir.path().join("authorized_keys"),
        )
        .unwrap();
        if rustix::process::getuid().is_root() {
            // sshd started by root drops privileges into this empty folder, which only
            // the system's own service start-up creates.
            std::fs::create_dir_all("/run/sshd").unwrap();
        }
        // A port found free may be taken before sshd binds it: then try another.
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let config = dir.path().join("sshd_config");
            std::fs::write(&config, sshd_config(dir.path(), port)).unwrap();
            let log = std::fs::File::create(dir.path().join("sshd.log")).unwrap();
            let mut child = Command::new(SSHD)
                .args(["-D", "-e", "-f"])
                .arg(&config)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .unwrap();
            if listening(&mut child, port, dir.path()) {
                return Self { child, port, dir };
            }
        }
        panic!("sshd never listened");
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The shell line that runs `remote` through `ssh -tt` to this server; the client's
    /// pid goes to the file `name`.pid in the server's folder.
    pub fn client_line(&self, name: &str, remote: &str) -> String {
        let key = self.dir.path().join("user_key");
        let ssh = [
            "ssh",
            "-tt",
            "-F",
            "/dev/null",
            "-p",
            &self.port.to_string(),
            "-i",
            &key.display().to_string(),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "127.0.0.1",
            remote,
        ]
        .map(quote)
        .join(" ");
        let pid_file = quote(&self.pid_file(name).display().to_string());
        format!(
            "sh -c {}",
            quote(&format!("echo $$ > {pid_file}; exec {ssh}"))
        )
    }

    fn pid_file(&self, name: &str) -> PathBuf {
        self.dir.path().join(format!("{name}.pid"))
    }

    /// The pid of the client started as `name`, once it is running.
    pub fn client_pid(&self, name: &str) -> u32 {
        let start = Instant::now();
        loop {
            let text = std::fs::read_to_string(self.pid_file(name)).unwrap_or_default();
            if let Ok(pid) = text.trim().parse() {
                return pid;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{name}: the client never started"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("sshd's log:\n{}", self.log());
        }
        let from_file = std::fs::read_to_string(self.dir.path().join("sshd.pid"))
            .ok()
            .and_then(|text| text.trim().parse::<i32>().ok());
        for pid in from_file.into_iter().chain([self.pid() as i32]) {
            if let Some(pid) = rustix::process::Pid::from_raw(pid) {
                let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
            }
        }
        let _ = self.child.wait();
    }
}

/// Waits until the sshd `child` accepts connections on `port`; false if it ended (its port
/// was taken).
fn listening(child: &mut Child, port: u16, dir: &Path) -> bool {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let log = std::fs::read_to_string(dir.join("sshd.log")).unwrap_or_default();
    panic!("sshd is not listening after {PATIENCE:?}:\n{log}");
}

/// The server's settings: keys and files in `dir`, public keys only, and nothing that needs
/// the system's own set-up (PAM, the usual host keys, strict permission checks). Run by a
/// normal user it can serve only that user, and needs a `/dev/pts` that gives new ptys to
/// the `tty` group (mounted with `gid=5`, as usual) or a user in that group: sshd gives
/// the session's pty to that group and gives up if it cannot.
fn sshd_config(dir: &Path, port: u16) -> String {
    let dir = dir.display();
    format!(
        "ListenAddress 127.0.0.1\n\
         Port {port}\n\
         HostKey {dir}/host_key\n\
         AuthorizedKeysFile {dir}/authorized_keys\n\
         PidFile {dir}/sshd.pid\n\
         StrictModes no\n\
         UsePAM no\n\
         PermitRootLogin prohibit-password\n\
         PasswordAuthentication no\n\
         KbdInteractiveAuthentication no\n\
         PrintMotd no\n\
         PrintLastLog no\n"
    )
}

/// `text` as one word for sh, quoted only when it needs to be, which keeps the nested
/// command lines readable on the screen.
pub fn quote(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./=:,-".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
