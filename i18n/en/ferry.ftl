# Ferry's English text: complete, and the fallback for every other language.
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: `{ $count -> [one] … *[other] … }`; give the forms your language
# uses (see i18n/README.md). Messages starting with format- set how sizes and dates are written.

## Main window

app-title = Ferry
local = Local
remote = Remote
quick-connect-placeholder = user@host:port or sftp://…
connect = Connect
disconnect = Disconnect
connecting-to = Connecting to { $address }…
not-connected = Not connected
connected-as = Connected as { $who }
connected = Connected
reconnecting-to = Connection lost, reconnecting to { $address }…
confirm-disconnect-title = Disconnect from { $address }?
confirm-break-title = Break the current connection?
confirm-break-body = Connecting to { $next } closes the connection to { $address }.
confirm-running = { $count ->
    [one] One transfer is running: it will be cancelled.
   *[other] { $count } transfers are running: they will be cancelled.
}
confirm-editing = { $count ->
    [one] A file is being edited: a save made after this is not uploaded, and one not yet on the server stays in the Editing list.
   *[other] { $count } files are being edited: saves made after this are not uploaded, and those not yet on the server stay in the Editing list.
}
up = Up
home = Home
refresh = Refresh
new-folder = New folder
show-hidden = Hidden
filter-placeholder = Filter: *.log
col-name = Name
col-size = Size
col-modified = Modified
col-perms = Permissions
col-owner = Owner
loading = Loading…
empty-folder = This folder is empty
connect-first = Connect to a server to see its files
upload = Upload →
download = ← Download
status-free = { $status } — { $size } free
items = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
hostkey-fingerprint = { $key_type } key fingerprint:
unsafe-names-hidden = { $status } — { $count ->
    [one] { $count } name hidden (unsafe to use as a file name)
   *[other] { $count } names hidden (unsafe to use as file names)
}
items-selected = { $items }, { $count } selected
listing-cut-shown = Only part of this folder is shown. { $reason }

## Transfers
no-transfers = No transfers yet: select files and press Upload or Download, or double-click a file
pause = Pause
resume = Resume
cancel = Cancel
clear-finished = Clear finished
done = Done
cancelled = Cancelled
running = Running
paused = Paused

## Dialogs
hostkey-title = Unknown server
hostkey-body = Ferry has never connected to this server before. Check that the fingerprint matches the one your administrator gave you.
hostkey-accept-once = Connect once
hostkey-accept-save = Trust and connect
password-title = Password
proxy-password-title = Proxy password
proxy-password-subject = { $user } at the proxy { $proxy }
passphrase-title = Key passphrase
interactive-title = The server asks
ok = OK
dismiss = Dismiss
name-not-exact = { $name } (name not valid UTF-8)
rename = Rename
delete = Delete
delete-title = Delete files
delete-confirm = Delete these permanently? Folders are deleted with everything in them.
name-placeholder = Name
hostkey-alarm-title = Warning: the server's identity has changed
hostkey-alarm-body = The key this server proved itself with is not the one recorded when you first connected. Someone may be intercepting the connection, or the server was reinstalled. Ferry did not connect and sent nothing. Ask the server's administrator whether the key changed before going on.
hostkey-alarm-fix = If the administrator confirms the change, remove the old key with this command, then connect again to check the new fingerprint:
copy-command = Copy command
pick-upload = Upload files…
pick-download = Download to…
pick-upload-title = Upload to the server
pick-download-title = Download into this folder
select-to-download = Select files on the server first, then choose where they go
no-file-dialog = No file dialog is available on this desktop (it needs xdg-desktop-portal or zenity). Drag files from your file manager onto the window instead.
queue-empty = Nothing waiting: what was copied is under Finished, problems under Failed

## Saved sites
sites-title = Sites
sites-button = Sites…
sites-empty = No saved sites yet: press New site, or import from OpenSSH or FileZilla
sites-pick = Saved sites
site-none = Choose a site on the left, or make a new one
site-new = New site
site-new-name = New site
site-duplicate = Duplicate
site-copy = { $name } (copy)
site-name = Name
site-name-hint = My server
site-folder = Folder
site-folder-hint = Work/Web (optional)
site-host = Host
site-host-hint = example.org or 192.0.2.10
site-port = Port
site-user = User
site-user-hint = your login (empty: your local name)
site-auth = Log in with
auth-agent = SSH agent / default keys
auth-key = Key file
auth-password = Password
auth-interactive = Interactive (2FA codes)
site-key = Key file
browse = Browse…
site-password = Password
site-passphrase = Key passphrase
site-password-hint = type to store in the OS keyring (empty: keep / ask)
site-jump = Jump hosts
site-jump-hint = user@bastion:22, more after commas (empty: direct)
site-proxy = Proxy
site-proxy-hint = socks5://[user@]host:1080 or http://[user@]host:8080 (empty: none; its password is asked for)
site-proxy-command = Proxy command
site-proxy-command-hint = ssh -W %h:%p gate (%h host, %p port, %r user; empty: none)
site-remote-dir = Remote folder
site-remote-hint = /var/www or ~/logs (empty: home)
site-local-dir = Local folder
site-local-hint = where the left pane opens (optional)
site-max = Parallel files
site-max-hint = 1-32 (empty: 32)
site-verify = Checksums
site-verify-label = Verify each file after copying, with the strongest checksum the server offers
site-exec-copy = Server copies
site-exec-copy-label = Where the server has no copy extension, run cp -p on it (a command on the server)
site-notes = Notes
site-bad-port = The port must be a number from 1 to 65535
site-bad-max = Parallel files must be a number from 1 to 32
site-saved = Saved
site-saved-no-password = Saved, but the password was NOT stored: { $error }
site-imported = Imported
site-import-ssh = Import ~/.ssh/config
site-import-filezilla = Import FileZilla…
site-no-ssh-config = There is no ~/.ssh/config to import
site-pick-key = Choose a private key
site-pick-filezilla = Choose FileZilla's sitemanager.xml
save = Save
site-test = Test
site-testing = Testing…
site-test-ok = It works: logged in as { $who }
remember-password = Remember in the OS keyring
remember-failed = Connected, but the password was not remembered: { $error }
offer-import = Found sites in OpenSSH's config or FileZilla: open Sites… and press Import to bring them over (passwords go to the OS keyring).

## Transfer panel
tab-queue = Queue ({ $count })
tab-failed = Failed ({ $count })
tab-finished = Finished ({ $count })
tab-log = Log ({ $count })
pause-all = Pause all
resume-all = Resume all
cancel-all = Cancel all
retry = Retry
retry-all = Retry all
clear = Clear
no-finished = Finished transfers appear here
no-failed = Nothing failed
no-log = Connections, transfers and errors are logged here
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · { $eta } left · { $files }
job-files = { $done }/{ $count ->
    [one] { $count } file
   *[other] { $count } files
}
job-failed-files = { $count ->
    [one] Failed ({ $count } file)
   *[other] Failed ({ $count } files)
}
log-queued = { $direction ->
    [upload] Upload
   *[download] Download
}: { $name } → { $dest }
log-resumed-at = { $name } continues at { $offset }
log-resuming-saved = Picking up an unfinished transfer from last time: { $name }
log-queue-unsaved = The transfer queue could not be saved ({ $error }); this transfer will not resume after a restart.
log-saved-waiting = { $count ->
        [one] One unfinished transfer from last time continues when you connect to { $server }.
       *[other] { $count } unfinished transfers from last time continue when you connect to { $server }.
    }
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst } (checksum verified, { $algo })
log-skipped = { $name } skipped: { $reason }
skip-folder = it is a folder
skip-not-a-file = it is not a regular file
skip-folder-link = it is a link to a folder ({ $target }), and links to folders are not followed
skip-broken-link = it is a broken or unreadable link
skip-link-loop = it links to a folder already copied (a loop)
skip-exists = the destination exists
skip-not-newer = the destination is as new or newer
note-no-more-connections = Could not open one more connection ({ $error }); going on over the open ones
note-reconnecting = Connection lost while copying { $name } ({ $why }); reconnecting…
note-grew = { $name } grew while it was copied ({ $listed } listed, { $copied } copied)
note-duplicate-names = Names the server listed more than once in { $folder }: { $names } ({ $count } in all); the first entry of each was copied, the repeats were left out
note-more-refused = Names refused in { $folder }: { $count } in all (the first ones are listed)
note-mtime-not-kept = Could not keep the modification time of { $name }: { $error }
note-permissions-not-set = Could not set the permissions of { $name }: { $error }
note-no-checksums = { $host } cannot compute checksums (no sha256sum over SSH): sizes were checked, contents were not
log-cancelled = { $name }: cancelled
log-job-done = { $name }: { $count ->
    [one] { $count } file copied
   *[other] { $count } files copied
}, { $size }, { $seconds } s
log-connected = Connected to { $address }
log-disconnected = Disconnected from { $address }
log-connect-failed = Could not connect to { $address }: { $error }
conflict-title = The file already exists
conflict-body = What should happen to the file that is there?
conflict-existing = There now:
conflict-new = Being copied:
conflict-source-newer = The file being copied is newer.
conflict-target-newer = The file that is there is newer.
conflict-overwrite = Overwrite
conflict-if-newer = Overwrite if newer
conflict-resume = Resume
conflict-rename = Keep both
conflict-skip = Skip
conflict-apply-all = Do this for every conflict in this transfer
drop-hint = { $what } (drop on the other pane or a folder)
menu-open = Open
menu-upload = Upload
menu-download = Download
menu-rename = Rename…
menu-delete = Delete…
menu-permissions = Permissions…
menu-copy-path = Copy path
menu-properties = Properties
permissions-title = Permissions
perm-read = Read
perm-write = Write
perm-exec = Execute
perm-owner = Owner
perm-group = Group
perm-others = Others
perm-octal = Octal
perm-recursive = Also everything inside the folders (links are skipped)
properties-title = Properties
close = Close
size-with-bytes = { $size } ({ $bytes } bytes)
and-more = … and { $count } more
names-and-more = { $names } … and { $count } more
kind-folder = Folder
kind-file = File
kind-link = Symbolic link
kind-other = Special file
prop-name = Name
prop-path = Path
prop-kind = Kind
prop-group = Group
prop-target = Points to

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = Cannot find the host “{ $host }”: check the name, or your network's DNS ({ $detail }).
err-refused = { $addr } refused the connection: no SSH server is listening on that port, or a firewall rejects it.
err-timeout = Timed out { $what } after { $secs } s: the host may be down, or a firewall drops the traffic.
err-unreachable = Cannot reach { $host }: { $detail }.
err-hostkey-unknown = The server “{ $host }” is not known yet: its { $key_type } key fingerprint is { $fingerprint }. Connect again to check and accept it.
err-hostkey-changed = WARNING: the { $key_type } host key of “{ $host }” has CHANGED (now { $fingerprint }). Someone could be intercepting the connection, or the server was reinstalled. Ferry refuses to connect. If you know the change is legitimate, remove the old key from { $file } line { $line }.
err-hostkey-other-type = WARNING: “{ $host }” now offers a { $offered } host key, but { $recorded } is recorded for it ({ $file } line { $line }). Ferry refuses to connect. If the change is legitimate, remove the old entry.
err-hostkey-revoked = The host key of “{ $host }” is marked as revoked in { $file } line { $line }: refusing to connect.
err-through-jump = Through the jump host { $hop }: { $error }
err-forward-refused = The jump host { $hop } refused to open a connection to { $target } ({ $reason }): its SSH server may not allow forwarding (AllowTcpForwarding), or cannot reach that address.
err-proxy-unreachable = Cannot use the proxy { $proxy } ({ $detail }): check its address and port, and that it is running.
err-proxy-auth = The proxy { $proxy } asks for a user name and password ({ $detail }): check the user in the proxy address and its password.
err-proxy-refused = The proxy { $proxy } refused to connect to { $target } ({ $reason }): it may not allow that address or port, or cannot reach it.
err-proxy-command-ended = The proxy command “{ $command }” ended before the SSH session started ({ $detail }): check that it runs and reaches the server.
err-proxy-command-invalid = Cannot use the proxy command “{ $command }”: { $reason }.
err-proxy-command-unsafe-name = The name “{ $name }” has characters a shell would act on, so it is not put into the proxy command: check the address.
err-known-hosts = Could not read or record known hosts: { $detail }.
err-hostkey-changed-in-session = WARNING: “{ $host }” now offers the { $key_type } host key { $fingerprint }, not the key { $accepted } accepted for this session. Someone could be intercepting the connection. Ferry refuses to connect.
err-login-needs-person = Logging in to { $user }@{ $host } again needs answers only a person can give (such as a one-time code), and none were accepted. Connect again to go on.
err-auth = Login failed for { $user }@{ $host } (tried: { $tried }). Check the user name, key or password.
err-auth-nothing = Login failed for { $user }@{ $host }: the server accepts none of the ways Ferry can log in. Check the user name, key or password.
err-key-file = Cannot use the key file { $path }: { $detail }.
err-permission-local = Permission denied on the local disk: { $path }. Check the folder’s permissions, or choose another folder.
err-permission-remote = Permission denied on the server: { $path }. Your account there may not read or write this; choose another folder or ask the server’s administrator.
err-not-found = No such file or folder: { $path }.
err-exists = { $path } already exists.
err-disk-full-local = No space left on the local disk ({ $path }): free some space and try again.
err-disk-full-remote = No space left on the server ({ $path }): free some space and try again.
err-connection-lost = The connection was lost: { $detail }. Reconnect to continue.
err-unsupported = The server does not support { $what }.
err-unsafe-name = Refused the name “{ $name }” sent by the server: { $why } is not a safe file name.
err-inexact-name = “{ $name }” is not valid UTF-8 and cannot be addressed exactly over this connection; rename it on the server.
err-listing-too-large = The folder { $path } has more than { $cap } entries, the listing limit; use a filter.
err-listing-too-big = The listing of { $path } was stopped at { $mib } MiB, the memory a listing may use: the server sent more than a folder holds, or names far too long; use a filter.
err-listing-too-slow = The listing of { $path } was stopped after { $secs } s, the time a listing may take: the server is too slow or never ends the list; try again, or use a filter.
err-invalid-url = Not a valid address “{ $input }”: { $reason }.
err-failure = The server could not complete the operation on { $path }: { $message }.
err-io = { $path }: { $detail }.
err-protocol = SSH error: { $detail }.
err-size-changed = { $path } changed size while it was being copied (expected { $expected } bytes, got { $got }); try again when it is no longer being written.
err-checksum = Checksum mismatch for { $path }: local { $local }, server { $remote }. The copy is corrupt; it was not put in place.
err-unsafe-destination = Refused to write { $path }: { $why }.
err-not-a-prefix = { $path } was not continued: it is not the beginning of the file being copied (the source changed, or it is another file). Overwrite it instead, or move it away.
err-not-a-file = { $path } is not a file (a folder, or a special file): only files can be edited.
err-no-free-name = Cannot keep both copies of { $path }: the names up to "({ $tries })" are all taken; nothing was overwritten. Move some of them away, or choose another conflict option.
err-keyring-unavailable = No OS keyring is available ({ $why }): Ferry will ask for the password each time and never stores it in a file.
err-keyring = The OS keyring refused the request: { $detail }.
err-agent = The ssh-agent could not take the key: { $detail }.
err-no-sftp = { $host } has no SFTP service: it refused the sftp subsystem (its sshd_config may lack a Subsystem sftp line, or the account may allow only a shell). Ask its administrator to enable SFTP.
err-job-busy = Transfer job { $id } is being run by another Ferry (a window or a ferry command); it is left to that one.
err-sites-corrupt = The sites file { $path } could not be read ({ $detail }); it was kept as { $backup } and nothing was overwritten. Fix or remove it, then try again.
err-sites-newer = The sites file { $path } is version { $version }, written by a newer Ferry; update Ferry to use it.
err-unknown-site = There is no saved site named “{ $name }”.
err-ambiguous-site = More than one saved site is named “{ $name }”: choose one of { $candidates }.
err-site-exists = A site named “{ $name }” already exists in that folder; choose another name.
err-invalid-site = Not a valid site: { $reason }.
err-import = Cannot import { $path }: { $detail }.
err-too-many-deletes = The sync would delete { $count } of the { $total } files in { $path }, more than half of them, so nothing was changed. Check that the two folders are the right ones, or allow that many deletions.
err-delete-limit = The sync would delete { $count } files in { $path }, more than the { $allowed } allowed, so nothing was changed.
err-cancelled = Cancelled.
err-internal = Internal error: { $detail }. This is a bug in Ferry; please report it, and restart Ferry to go on.

## Formats: sizes, rates, dates and durations as this language writes them
# The character between the whole and the fraction in "1.5 MB".
format-decimal-point = .
# $value is already written with format-decimal-point.
format-size = { $unit ->
    [kib] { $value } KiB
    [mib] { $value } MiB
    [gib] { $value } GiB
    [tib] { $value } TiB
   *[b] { $value } B
}
format-rate = { $size }/s
# $year is four digits, $month, $day, $hour and $minute two (zero-padded); 24-hour clock.
format-date-time = { $year }-{ $month }-{ $day } { $hour }:{ $minute }
format-date-time-seconds = { $year }-{ $month }-{ $day } { $hour }:{ $minute }:{ $second }
format-duration-seconds = { $s } s
format-duration-minutes = { $m } min { $s } s
format-duration-hours = { $h } h { $m } min

## Settings
settings-button = Settings
settings-title = Settings
settings-language = Language
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = System ({ $language })
settings-language-note = The new language shows at once. Lines already in the Log stay as they were written.
settings-theme = Theme
settings-theme-system = System
settings-theme-light = Light
settings-theme-dark = Dark
settings-limit = Speed limit
settings-limit-none = None (e.g. 2M)
settings-limit-note = Bytes a second over all transfers: 500K, 2M, 1.5M; empty: no limit. A change reaches running transfers at once.
settings-limit-bad = “{ $text }” is not a rate such as 500K, 2M or 1.5M; the last limit stays in force.
settings-not-saved = The setting applies now but could not be saved: { $error }
settings-tab-general = General
settings-tab-keys = Keys

## Settings → Keys: the SSH keys in ~/.ssh and the agent, and a new one made.
keys-create = Create key…
keys-refresh = Refresh
keys-agent = ssh-agent
keys-none = No keys in { $folder } or in an ssh-agent. Create one to log in without a password.
keys-unreadable = Cannot be read: { $reason }
keys-copy = Copy public key
keys-show = Show
keys-hide = Hide
keys-protected = passphrase-protected
keys-unprotected = no passphrase
keys-new-title = New key
keys-type = Type
keys-type-ed25519 = Ed25519 (recommended)
keys-type-ecdsa = ECDSA (256 bits)
keys-type-rsa = RSA ({ $bits } bits)
keys-passphrase = Passphrase
keys-passphrase-again = Passphrase again
keys-no-passphrase-warning = Without a passphrase, anyone who gets this file can use the key. A passphrase is recommended.
keys-file = File
keys-create-button = Create
keys-creating = Creating…
keys-passphrases-differ = The two passphrases are not the same.
keys-file-needed = Give the key a file name.
keys-created = Key created: { $path }. Its fingerprint and randomart:

# Set up key login… (gui/keylogin)
keylogin-title = Set up key login for { $server }
keylogin-intro = Ferry adds a public key to ~/.ssh/authorized_keys on the server, then checks that the key alone logs you in, with no password.
keylogin-key = Key
keylogin-agent-key = in the ssh-agent
keylogin-new = A new Ed25519 key
keylogin-passphrase = The key’s passphrase
keylogin-add-to-agent = Add the new key to the running ssh-agent for this session
keylogin-install = Install on { $server }
keylogin-working = Putting the key on the server and checking that it logs in…
keylogin-added = Added the key to { $file } on { $server }.
keylogin-already = The key is already in { $file } on { $server }; nothing was written.
keylogin-works = Key login works: no password is needed from now on.
keylogin-refused = The key is on the server, but { $server } still refuses it: the server may read keys from another file (AuthorizedKeysFile in its sshd_config), or find the home folder’s permissions too open (StrictModes). Ask its administrator.
keylogin-use-for-site = Log in to the site “{ $site }” with this key
keylogin-save-site = Save { $server } as a site that logs in with this key
keylogin-forget-password = Remove the site’s password from the keyring
keylogin-keep-passphrase = Keep the key’s passphrase in the keyring (else it is asked once a session)
keylogin-apply = Apply
keylogin-site-switched = The site now logs in with the key.
keylogin-password-removed = The site’s password was removed from the keyring.
keylogin-passphrase-kept = The key’s passphrase is in the keyring.
keylogin-choose = Choose a key.
keylogin-no-public = Ferry cannot read this key’s public half: put its .pub file beside it.
keylogin-passphrase-needed = Type the key’s passphrase: the login is checked with it.
keylogin-not-connected = Connect to the server first: the key is put on it over that connection.
keylogin-menu-setup = Set up key login…
menu-copy-address = Copy address
connection-menu = Connection
sites-key-login = Set up key login…
site-keys-found = Keys found
site-keys-pick = Choose one of your keys
site-agent-key = Agent key
site-agent-any = Any key of the agent
site-agent-key-gone = { $fingerprint } (not in the agent now)
site-save-first = Save the site first.

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = Duplicate
menu-copy = Copy
menu-paste = Paste
menu-new-link = New link…
copy-suffix = copy
link-suffix = link
link-title = New link
link-name = Name of the link
link-target = Points at (a path on the server; a symbolic link may be relative)
link-hard = Hard link (the same file under a second name; not across file systems)
link-hard-local = hard links on this computer (make them in the file manager)
paste-other-server = What was copied is on another server: copy it again here.
log-server-copy = Copied { $files } file(s) on the server ({ $ways }).
drag-copy = { $dest } (a copy)
copy-way-streamed = read and written back through Ferry

## Editing a server's file (Edit, F4)
menu-edit = Edit
confirm-quit-title = Quit with edits not on the server?
confirm-quit-body = A save of a file you are editing has not reached the server. Its copy is kept, and Ferry offers to upload it the next time it starts.
confirm-quit = Quit
edit-connect-to = Connect to { $server } to upload this edit.
edit-editor-unreadable = Cannot read the editor command “{ $editor }” (an unclosed quote?). Fix it in Settings → Editing.
edit-cannot-start = Cannot start “{ $editor }”: { $error }. Choose another editor in Settings → Editing.
edit-leftovers = { $count ->
    [one] An edit from an earlier run never reached the server: it is in the Editing list, to upload or discard.
   *[other] { $count } edits from an earlier run never reached the server: they are in the Editing list, to upload or discard.
}
edit-read-only = You may not write { $name } on the server: it opens read-only, and saves are not uploaded.
edit-not-uploaded = { $name } was not uploaded: { $error }. The next save tries again.
edit-state-opening = Opening…
edit-state-asking = Waiting for your answer
edit-state-watching = Watching for saves
edit-state-read-only = Read-only: saves are not uploaded
edit-state-uploading = Uploading…
edit-state-uploaded = Uploaded at { $at }
edit-state-conflict = Changed on the server: not uploaded
edit-state-failed = Not uploaded: { $error }
edit-state-not-uploaded = Not on the server (from an earlier run)
edit-upload = Upload
edit-discard = Discard
edit-resolve = Resolve…
edit-open-again = Open
edit-stop = Stop editing
edit-list-title = Editing ({ $count })
edit-ask-large = { $name } is { $size }. Edit it anyway?
edit-ask-binary = { $name } looks like a binary file. Edit it anyway?
edit-anyway = Edit anyway
edit-conflict-title = { $name } changed on the server
edit-conflict-body = Someone changed { $name } on { $server } since you opened it. Your save was not uploaded, and the server's copy is untouched.
edit-overwrite = Overwrite theirs
edit-keep-both = Save mine beside it
edit-discard-mine = Discard mine
edit-later = Decide later
settings-tab-editing = Editing
settings-editor = Editor
settings-editor-default-app = The default app for the file's type
settings-editor-note = A command such as “code --wait” or “gedit”: the file's path is added to it. Empty: the app your system opens the file's type with.
settings-editor-by-extension = By extension
settings-editor-command = Command
settings-editor-add = Add an extension
settings-double-click-edits = Double-click on a text file on the server edits it (instead of downloading it)
