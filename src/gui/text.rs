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
        "up" => "Up",
        "home" => "Home",
        "refresh" => "Refresh",
        "new-folder" => "New folder",
        "show-hidden" => "Hidden files",
        "filter-placeholder" => "Filter (*.log)",
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
