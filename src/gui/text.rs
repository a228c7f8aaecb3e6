//! The one lookup for user-visible text. Every string the GUI shows goes through [`t`] (or
//! [`error_text`] for engine errors), so the translations issue can swap this table for Fluent
//! files without touching the views.

/// The English text for a message id. Unknown ids show as themselves, so a missing one is visible.
pub fn t(id: &'static str) -> &'static str {
    match id {
        "app-title" => "Ferry",
        "local" => "Local",
        "remote" => "Remote",
        "quick-connect-placeholder" => "user@host:port or sftp://…",
        "connect" => "Connect",
        "disconnect" => "Disconnect",
        "connecting" => "Connecting…",
        "not-connected" => "Not connected",
        "connected-as" => "Connected as",
        "reconnecting" => "Connection lost, reconnecting to",
        "up" => "Up",
        "home" => "Home",
        "refresh" => "Refresh",
        "new-folder" => "New folder",
        "show-hidden" => "Hidden",
        "filter-placeholder" => "Filter: *.log",
        "col-name" => "Name",
        "col-size" => "Size",
        "col-modified" => "Modified",
        "col-perms" => "Permissions",
        "col-owner" => "Owner",
        "loading" => "Loading…",
        "empty-folder" => "This folder is empty",
        "connect-first" => "Connect to a server to see its files",
        "upload" => "Upload →",
        "download" => "← Download",
        "free" => "free",
        "items" => "items",
        "hostkey-fingerprint" => "key fingerprint:",
        "unsafe-names-hidden" => "names hidden (unsafe to use as file names)",
        "selected" => "selected",
        "transfers" => "Transfers",
        "no-transfers" => {
            "No transfers yet: select files and press Upload or Download, or double-click a file"
        }
        "pause" => "Pause",
        "resume" => "Resume",
        "cancel" => "Cancel",
        "clear-finished" => "Clear finished",
        "done" => "Done",
        "failed" => "Failed",
        "cancelled" => "Cancelled",
        "running" => "Running",
        "paused" => "Paused",
        "hostkey-title" => "Unknown server",
        "hostkey-body" => {
            "Ferry has never connected to this server before. Check that the fingerprint matches the one your administrator gave you."
        }
        "hostkey-accept-once" => "Connect once",
        "hostkey-accept-save" => "Trust and connect",
        "password-title" => "Password",
        "passphrase-title" => "Key passphrase",
        "interactive-title" => "The server asks",
        "ok" => "OK",
        "error-title" => "Something went wrong",
        "dismiss" => "Dismiss",
        "name-not-exact" => "(name not valid UTF-8)",
        "rename" => "Rename",
        "delete" => "Delete",
        "delete-title" => "Delete files",
        "delete-confirm" => {
            "Delete these permanently? Folders are deleted with everything in them."
        }
        "name-placeholder" => "Name",
        "hostkey-alarm-title" => "Warning: the server's identity has changed",
        "hostkey-alarm-body" => {
            "The key this server proved itself with is not the one recorded when you first connected. Someone may be intercepting the connection, or the server was reinstalled. Ferry did not connect and sent nothing. Ask the server's administrator whether the key changed before going on."
        }
        "hostkey-alarm-fix" => {
            "If the administrator confirms the change, remove the old key with this command, then connect again to check the new fingerprint:"
        }
        "copy-command" => "Copy command",
        "pick-upload" => "Upload files…",
        "pick-download" => "Download to…",
        "pick-upload-title" => "Upload to the server",
        "pick-download-title" => "Download into this folder",
        "select-to-download" => "Select files on the server first, then choose where they go",
        "no-file-dialog" => {
            "No file dialog is available on this desktop (it needs xdg-desktop-portal or zenity). Drag files from your file manager onto the window instead."
        }
        "queue-empty" => {
            "Nothing waiting: what was copied is under Finished, problems under Failed"
        }
        "tab-queue" => "Queue",
        "tab-failed" => "Failed",
        "tab-finished" => "Finished",
        "tab-log" => "Log",
        "pause-all" => "Pause all",
        "resume-all" => "Resume all",
        "cancel-all" => "Cancel all",
        "retry" => "Retry",
        "retry-all" => "Retry all",
        "clear" => "Clear",
        "no-finished" => "Finished transfers appear here",
        "no-failed" => "Nothing failed",
        "no-log" => "Connections, transfers and errors are logged here",
        "eta" => "ETA",
        "files" => "files",
        "log-upload" => "Upload",
        "log-download" => "Download",
        "log-resumed-at" => "continues at",
        "log-verified" => " (checksum verified)",
        "log-skipped" => "skipped",
        "log-files-copied" => "files copied",
        "log-connected" => "Connected to",
        "log-disconnected" => "Disconnected from",
        "log-connect-failed" => "Could not connect to",
        "conflict-title" => "The file already exists",
        "conflict-body" => "What should happen to the file that is there?",
        "conflict-existing" => "There now:",
        "conflict-new" => "Being copied:",
        "conflict-source-newer" => "The file being copied is newer.",
        "conflict-target-newer" => "The file that is there is newer.",
        "conflict-overwrite" => "Overwrite",
        "conflict-if-newer" => "Overwrite if newer",
        "conflict-resume" => "Resume",
        "conflict-rename" => "Keep both",
        "conflict-skip" => "Skip",
        "conflict-apply-all" => "Do this for every conflict in this transfer",
        "drop-hint" => "drop on the other pane or a folder",
        "menu-open" => "Open",
        "menu-upload" => "Upload",
        "menu-download" => "Download",
        "menu-rename" => "Rename…",
        "menu-delete" => "Delete…",
        "menu-permissions" => "Permissions…",
        "menu-copy-path" => "Copy path",
        "menu-properties" => "Properties",
        "permissions-title" => "Permissions",
        "perm-read" => "Read",
        "perm-write" => "Write",
        "perm-exec" => "Execute",
        "perm-owner" => "Owner",
        "perm-group" => "Group",
        "perm-others" => "Others",
        "perm-octal" => "Octal",
        "perm-recursive" => "Also everything inside the folders (links are skipped)",
        "properties-title" => "Properties",
        "close" => "Close",
        "bytes" => "bytes",
        "kind-folder" => "Folder",
        "kind-file" => "File",
        "kind-link" => "Symbolic link",
        "kind-other" => "Special file",
        "prop-name" => "Name",
        "prop-path" => "Path",
        "prop-kind" => "Kind",
        "prop-group" => "Group",
        "prop-target" => "Points to",
        other => other,
    }
}

/// An engine error as a person reads it (already a full sentence in English).
pub fn error_text(e: &crate::engine::error::Error) -> String {
    e.to_string()
}
