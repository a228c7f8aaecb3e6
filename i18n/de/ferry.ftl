# Ferry's German text (Deutsch). Any message missing here falls back to English (i18n/en/ferry.ftl).
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: `{ $count -> [one] … *[other] … }`; give the forms your language
# uses (see i18n/README.md). Messages starting with format- set how sizes and dates are written.

## Main window

app-title = Ferry
local = Lokal
remote = Server
quick-connect-placeholder = benutzer@host:port oder sftp://…
connect = Verbinden
disconnect = Trennen
connecting-to = Verbindung zu { $address } wird hergestellt…
not-connected = Nicht verbunden
connected-as = Verbunden als { $who }
connected = Verbunden
reconnecting-to = Verbindung unterbrochen, neuer Verbindungsversuch zu { $address }…
confirm-disconnect-title = Verbindung zu { $address } trennen?
confirm-break-title = Aktuelle Verbindung trennen?
confirm-break-body = Eine Verbindung zu { $next } beendet die Verbindung zu { $address }.
confirm-running = { $count ->
    [one] Eine Übertragung läuft: sie wird abgebrochen.
   *[other] { $count } Übertragungen laufen: sie werden abgebrochen.
}
confirm-editing = { $count ->
    [one] Eine Datei wird bearbeitet: Ein späteres Speichern wird nicht hochgeladen, und was noch nicht auf dem Server ist, bleibt in der Liste „In Bearbeitung“.
   *[other] { $count } Dateien werden bearbeitet: Spätere Speichervorgänge werden nicht hochgeladen, und was noch nicht auf dem Server ist, bleibt in der Liste „In Bearbeitung“.
}
up = Nach oben
home = Home
refresh = Aktualisieren
new-folder = Neuer Ordner
show-hidden = Versteckte
filter-placeholder = Filter: *.log
col-name = Name
col-size = Größe
col-modified = Geändert
col-perms = Rechte
col-owner = Besitzer
loading = Wird geladen…
empty-folder = Dieser Ordner ist leer
connect-first = Mit einem Server verbinden, um dessen Dateien zu sehen
upload = Hochladen →
download = ← Herunterladen
status-free = { $status } — { $size } frei
items = { $count ->
    [one] { $count } Element
   *[other] { $count } Elemente
}
hostkey-fingerprint = Fingerabdruck des { $key_type }-Schlüssels:
unsafe-names-hidden = { $status } — { $count ->
    [one] { $count } Name ausgeblendet (als Dateiname unsicher)
   *[other] { $count } Namen ausgeblendet (als Dateinamen unsicher)
}
items-selected = { $items }, { $count } ausgewählt
listing-cut-shown = Nur ein Teil dieses Ordners wird angezeigt. { $reason }

## Transfers
no-transfers = Noch keine Übertragungen: Dateien auswählen und „Hochladen“ oder „Herunterladen“ drücken oder auf eine Datei doppelklicken
pause = Pausieren
resume = Fortsetzen
cancel = Abbrechen
clear-finished = Abgeschlossene entfernen
done = Fertig
cancelled = Abgebrochen
running = Läuft
paused = Pausiert

## Dialogs
hostkey-title = Unbekannter Server
hostkey-body = Ferry war noch nie mit diesem Server verbunden. Prüfen Sie, ob der Fingerabdruck mit dem übereinstimmt, den Ihnen Ihr Administrator genannt hat.
hostkey-accept-once = Einmal verbinden
hostkey-accept-save = Vertrauen und verbinden
password-title = Passwort
proxy-password-title = Proxy-Passwort
proxy-password-subject = { $user } am Proxy { $proxy }
passphrase-title = Passphrase des Schlüssels
interactive-title = Der Server fragt
ok = OK
dismiss = Schließen
name-not-exact = { $name } (Name ist kein gültiges UTF-8)
rename = Umbenennen
delete = Löschen
delete-title = Dateien löschen
delete-confirm = Diese Einträge endgültig löschen? Ordner werden mit ihrem gesamten Inhalt gelöscht.
name-placeholder = Name
hostkey-alarm-title = Warnung: Die Identität des Servers hat sich geändert
hostkey-alarm-body = Der Schlüssel, mit dem sich dieser Server ausgewiesen hat, ist nicht der, der bei Ihrer ersten Verbindung gespeichert wurde. Möglicherweise fängt jemand die Verbindung ab, oder der Server wurde neu installiert. Ferry hat keine Verbindung hergestellt und nichts gesendet. Fragen Sie den Administrator des Servers, ob sich der Schlüssel geändert hat, bevor Sie fortfahren.
hostkey-alarm-fix = Wenn der Administrator die Änderung bestätigt, entfernen Sie den alten Schlüssel mit diesem Befehl und verbinden Sie sich dann erneut, um den neuen Fingerabdruck zu prüfen:
copy-command = Befehl kopieren
pick-upload = Dateien hochladen…
pick-download = Herunterladen nach…
pick-upload-title = Auf den Server hochladen
pick-download-title = In diesen Ordner herunterladen
select-to-download = Zuerst Dateien auf dem Server auswählen, dann das Ziel wählen
no-file-dialog = Auf diesem Desktop ist kein Dateidialog verfügbar (dafür wird xdg-desktop-portal oder zenity benötigt). Ziehen Sie die Dateien stattdessen aus Ihrem Dateimanager in das Fenster.
queue-empty = Nichts in der Warteschlange: Kopiertes steht unter „Abgeschlossen“, Probleme unter „Fehlgeschlagen“

## Saved sites
sites-title = Server
sites-button = Server…
sites-empty = Noch keine gespeicherten Server: „Neuer Server“ drücken oder aus OpenSSH oder FileZilla importieren
sites-pick = Gespeicherte Server
site-none = Links einen Server wählen oder einen neuen anlegen
site-new = Neuer Server
site-new-name = Neuer Server
site-duplicate = Duplizieren
site-copy = { $name } (Kopie)
site-name = Name
site-name-hint = Mein Server
site-folder = Ordner
site-folder-hint = Arbeit/Web (optional)
site-host = Host
site-host-hint = example.org oder 192.0.2.10
site-port = Port
site-user = Benutzer
site-user-hint = Ihr Anmeldename (leer: lokaler Benutzername)
site-auth = Anmelden mit
auth-agent = SSH-Agent / Standardschlüssel
auth-key = Schlüsseldatei
auth-password = Passwort
auth-interactive = Interaktiv (2FA-Codes)
site-key = Schlüsseldatei
browse = Durchsuchen…
site-password = Passwort
site-passphrase = Passphrase des Schlüssels
site-password-hint = eingeben, um es im Schlüsselbund des Systems zu speichern (leer: beibehalten / nachfragen)
site-jump = Jump-Hosts
site-jump-hint = user@bastion:22, weitere nach Kommas (leer: direkt)
site-proxy = Proxy
site-proxy-hint = socks5://[user@]host:1080 oder http://[user@]host:8080 (leer: keiner; sein Passwort wird abgefragt)
site-proxy-command = Proxy-Befehl
site-proxy-command-hint = ssh -W %h:%p gate (%h Host, %p Port, %r Benutzer; leer: keiner)
site-remote-dir = Ordner auf dem Server
site-remote-hint = /var/www oder ~/logs (leer: Home-Verzeichnis)
site-local-dir = Lokaler Ordner
site-local-hint = Startordner des linken Bereichs (optional)
site-max = Parallele Dateien
site-max-hint = 1–32 (leer: 32)
site-verify = Prüfsummen
site-verify-label = Jede Datei nach dem Kopieren prüfen, mit der stärksten Prüfsumme, die der Server bietet
site-exec-copy = Kopien auf dem Server
site-exec-copy-label = Wo der Server keine Kopier-Erweiterung hat, cp -p auf ihm ausführen (ein Befehl auf dem Server)
site-notes = Notizen
site-bad-port = Der Port muss eine Zahl von 1 bis 65535 sein
site-bad-max = „Parallele Dateien“ muss eine Zahl von 1 bis 32 sein
site-saved = Gespeichert
site-saved-no-password = Gespeichert, aber das Passwort wurde NICHT gespeichert: { $error }
site-imported = Importiert
site-import-ssh = ~/.ssh/config importieren
site-import-filezilla = Aus FileZilla importieren…
site-no-ssh-config = Es gibt keine ~/.ssh/config zum Importieren
site-pick-key = Privaten Schlüssel auswählen
site-pick-filezilla = sitemanager.xml von FileZilla auswählen
save = Speichern
site-test = Testen
site-testing = Wird getestet…
site-test-ok = Es funktioniert: angemeldet als { $who }
remember-password = Im Schlüsselbund des Systems speichern
remember-failed = Verbunden, aber das Passwort wurde nicht gespeichert: { $error }
offer-import = Server in der Konfiguration von OpenSSH oder in FileZilla gefunden: „Server…“ öffnen und dort importieren, um sie zu übernehmen (Passwörter kommen in den Schlüsselbund des Systems).

## Transfer panel
tab-queue = Warteschlange ({ $count })
tab-failed = Fehlgeschlagen ({ $count })
tab-finished = Abgeschlossen ({ $count })
tab-log = Protokoll ({ $count })
pause-all = Alle pausieren
resume-all = Alle fortsetzen
cancel-all = Alle abbrechen
retry = Wiederholen
retry-all = Alle wiederholen
clear = Leeren
no-finished = Abgeschlossene Übertragungen erscheinen hier
no-failed = Nichts fehlgeschlagen
no-log = Verbindungen, Übertragungen und Fehler werden hier protokolliert
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · noch { $eta } · { $files }
job-files = { $done }/{ $count ->
    [one] { $count } Datei
   *[other] { $count } Dateien
}
job-failed-files = { $count ->
    [one] Fehlgeschlagen ({ $count } Datei)
   *[other] Fehlgeschlagen ({ $count } Dateien)
}
log-queued = { $direction ->
    [upload] Hochladen
   *[download] Herunterladen
}: { $name } → { $dest }
log-resumed-at = { $name } wird ab { $offset } fortgesetzt
log-resuming-saved = Unvollendete Übertragung vom letzten Mal wird fortgesetzt: { $name }
log-queue-unsaved = Die Übertragungswarteschlange konnte nicht gespeichert werden ({ $error }); diese Übertragung wird nach einem Neustart nicht fortgesetzt.
log-saved-waiting = { $count ->
        [one] Eine unvollendete Übertragung vom letzten Mal wird fortgesetzt, sobald Sie sich mit { $server } verbinden.
       *[other] { $count } unvollendete Übertragungen vom letzten Mal werden fortgesetzt, sobald Sie sich mit { $server } verbinden.
    }
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst } (Prüfsumme bestätigt, { $algo })
log-skipped = { $name } übersprungen: { $reason }
skip-folder = es ist ein Ordner
skip-not-a-file = es ist keine normale Datei
skip-folder-link = es ist eine Verknüpfung auf einen Ordner ({ $target }); Ordnerverknüpfungen werden nicht verfolgt
skip-broken-link = es ist eine defekte oder unlesbare Verknüpfung
skip-link-loop = es verweist auf einen bereits kopierten Ordner (eine Schleife)
skip-exists = das Ziel existiert bereits
skip-not-newer = das Ziel ist gleich alt oder neuer
note-no-more-connections = Keine weitere Verbindung möglich ({ $error }); es geht über die offenen Verbindungen weiter
note-reconnecting = Verbindung beim Kopieren von { $name } unterbrochen ({ $why }); neu verbinden …
note-grew = { $name } ist beim Kopieren gewachsen ({ $listed } aufgelistet, { $copied } kopiert)
note-duplicate-names = Namen, die der Server in { $folder } mehrfach aufgeführt hat: { $names } (insgesamt { $count }); jeweils der erste Eintrag wurde kopiert, die Wiederholungen nicht
note-more-refused = Abgelehnte Namen in { $folder }: insgesamt { $count } (die ersten sind aufgeführt)
note-mtime-not-kept = Die Änderungszeit von { $name } konnte nicht übernommen werden: { $error }
note-permissions-not-set = Die Berechtigungen von { $name } konnten nicht gesetzt werden: { $error }
note-no-checksums = { $host } kann keine Prüfsummen berechnen (kein sha256sum über SSH): Größen wurden geprüft, Inhalte nicht
log-cancelled = { $name }: abgebrochen
log-job-done = { $name }: { $count ->
    [one] { $count } Datei kopiert
   *[other] { $count } Dateien kopiert
}, { $size }, { $seconds } s
log-connected = Verbunden mit { $address }
log-disconnected = Getrennt von { $address }
log-connect-failed = Verbindung zu { $address } fehlgeschlagen: { $error }
conflict-title = Die Datei existiert bereits
conflict-body = Was soll mit der vorhandenen Datei geschehen?
conflict-existing = Vorhanden:
conflict-new = Wird kopiert:
conflict-source-newer = Die zu kopierende Datei ist neuer.
conflict-target-newer = Die vorhandene Datei ist neuer.
conflict-overwrite = Überschreiben
conflict-if-newer = Überschreiben, wenn neuer
conflict-resume = Fortsetzen
conflict-rename = Beide behalten
conflict-skip = Überspringen
conflict-apply-all = Für alle Konflikte dieser Übertragung so verfahren
drop-hint = { $what } (im anderen Bereich oder auf einem Ordner ablegen)
menu-open = Öffnen
menu-upload = Hochladen
menu-download = Herunterladen
menu-rename = Umbenennen…
menu-delete = Löschen…
menu-permissions = Berechtigungen…
menu-copy-path = Pfad kopieren
menu-properties = Eigenschaften
permissions-title = Berechtigungen
perm-read = Lesen
perm-write = Schreiben
perm-exec = Ausführen
perm-owner = Besitzer
perm-group = Gruppe
perm-others = Andere
perm-octal = Oktal
perm-recursive = Auch alles in den Ordnern (Links werden übersprungen)
properties-title = Eigenschaften
close = Schließen
size-with-bytes = { $size } ({ $bytes } Bytes)
and-more = … und { $count } weitere
names-and-more = { $names } … und { $count } weitere
kind-folder = Ordner
kind-file = Datei
kind-link = Symbolischer Link
kind-other = Spezialdatei
prop-name = Name
prop-path = Pfad
prop-kind = Typ
prop-group = Gruppe
prop-target = Verweist auf

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = Der Host „{ $host }“ wurde nicht gefunden: Prüfen Sie den Namen oder das DNS Ihres Netzwerks ({ $detail }).
err-refused = { $addr } hat die Verbindung abgelehnt: Auf diesem Port lauscht kein SSH-Server, oder eine Firewall weist sie zurück.
err-timeout = Zeitüberschreitung ({ $what }) nach { $secs } s: Der Host ist möglicherweise ausgefallen, oder eine Firewall verwirft den Datenverkehr.
err-unreachable = { $host } ist nicht erreichbar: { $detail }.
err-hostkey-unknown = Der Server „{ $host }“ ist noch nicht bekannt: Der Fingerabdruck seines { $key_type }-Schlüssels ist { $fingerprint }. Verbinden Sie sich erneut, um ihn zu prüfen und zu akzeptieren.
err-hostkey-changed = WARNUNG: Der { $key_type }-Hostschlüssel von „{ $host }“ hat sich GEÄNDERT (jetzt { $fingerprint }). Möglicherweise fängt jemand die Verbindung ab, oder der Server wurde neu installiert. Ferry verweigert die Verbindung. Wenn Sie sicher wissen, dass die Änderung legitim ist, entfernen Sie den alten Schlüssel aus { $file }, Zeile { $line }.
err-hostkey-other-type = WARNUNG: „{ $host }“ bietet jetzt einen { $offered }-Hostschlüssel an, gespeichert ist für diesen Host aber { $recorded } ({ $file }, Zeile { $line }). Ferry verweigert die Verbindung. Wenn die Änderung legitim ist, entfernen Sie den alten Eintrag.
err-hostkey-revoked = Der Hostschlüssel von „{ $host }“ ist in { $file } (Zeile { $line }) als widerrufen markiert: Verbindung verweigert.
err-through-jump = Über den Jump-Host { $hop }: { $error }
err-forward-refused = Der Jump-Host { $hop } hat es abgelehnt, eine Verbindung zu { $target } zu öffnen ({ $reason }): Sein SSH-Server erlaubt möglicherweise keine Weiterleitung (AllowTcpForwarding) oder kann diese Adresse nicht erreichen.
err-proxy-unreachable = Der Proxy { $proxy } ist nicht nutzbar ({ $detail }): Prüfen Sie Adresse und Port und ob er läuft.
err-proxy-auth = Der Proxy { $proxy } verlangt Benutzername und Passwort ({ $detail }): Prüfen Sie den Benutzer in der Proxy-Adresse und sein Passwort.
err-proxy-refused = Der Proxy { $proxy } hat die Verbindung zu { $target } abgelehnt ({ $reason }): Er erlaubt diese Adresse oder diesen Port möglicherweise nicht oder kann sie nicht erreichen.
err-proxy-command-ended = Der Proxy-Befehl „{ $command }“ wurde beendet, bevor die SSH-Sitzung begann ({ $detail }): Prüfen Sie, ob er läuft und den Server erreicht.
err-proxy-command-invalid = Der Proxy-Befehl „{ $command }“ ist nicht verwendbar: { $reason }.
err-proxy-command-unsafe-name = Der Name „{ $name }“ enthält Zeichen, die eine Shell auswerten würde, und wird daher nicht in den Proxy-Befehl eingesetzt: Prüfen Sie die Adresse.
err-known-hosts = Bekannte Hosts konnten nicht gelesen oder gespeichert werden: { $detail }.
err-hostkey-changed-in-session = WARNUNG: „{ $host }“ bietet jetzt den { $key_type }-Hostschlüssel { $fingerprint } an, nicht den für diese Sitzung akzeptierten Schlüssel { $accepted }. Möglicherweise fängt jemand die Verbindung ab. Ferry verweigert die Verbindung.
err-login-needs-person = Die erneute Anmeldung bei { $user }@{ $host } braucht Antworten, die nur ein Mensch geben kann (etwa einen Einmalcode), und keine wurde angenommen. Verbinden Sie sich erneut, um fortzufahren.
err-auth = Anmeldung als { $user }@{ $host } fehlgeschlagen (versucht: { $tried }). Prüfen Sie Benutzernamen, Schlüssel oder Passwort.
err-auth-nothing = Anmeldung als { $user }@{ $host } fehlgeschlagen: Der Server akzeptiert keine der Anmeldemethoden, die Ferry beherrscht. Prüfen Sie Benutzernamen, Schlüssel oder Passwort.
err-key-file = Die Schlüsseldatei { $path } kann nicht verwendet werden: { $detail }.
err-permission-local = Zugriff auf dem lokalen Datenträger verweigert: { $path }. Prüfen Sie die Berechtigungen des Ordners oder wählen Sie einen anderen Ordner.
err-permission-remote = Zugriff auf dem Server verweigert: { $path }. Ihr Konto dort darf dies nicht lesen oder schreiben; wählen Sie einen anderen Ordner oder fragen Sie den Administrator des Servers.
err-not-found = Datei oder Ordner nicht gefunden: { $path }.
err-exists = { $path } existiert bereits.
err-disk-full-local = Kein Speicherplatz mehr auf dem lokalen Datenträger ({ $path }): Geben Sie Speicherplatz frei und versuchen Sie es erneut.
err-disk-full-remote = Kein Speicherplatz mehr auf dem Server ({ $path }): Geben Sie Speicherplatz frei und versuchen Sie es erneut.
err-connection-lost = Die Verbindung wurde unterbrochen: { $detail }. Verbinden Sie sich erneut, um fortzufahren.
err-unsupported = Vom Server nicht unterstützt: { $what }.
err-unsafe-name = Der vom Server gesendete Name „{ $name }“ wurde abgelehnt, da er kein sicherer Dateiname ist ({ $why }).
err-inexact-name = „{ $name }“ ist kein gültiges UTF-8 und kann über diese Verbindung nicht exakt angesprochen werden; benennen Sie die Datei auf dem Server um.
err-listing-too-large = Der Ordner { $path } hat mehr als { $cap } Einträge (die Obergrenze für eine Auflistung); verwenden Sie einen Filter.
err-listing-too-big = Die Auflistung von { $path } wurde bei { $mib } MiB angehalten, dem Speicher, den eine Auflistung nutzen darf: Der Server hat mehr gesendet, als ein Ordner enthält, oder viel zu lange Namen; verwenden Sie einen Filter.
err-listing-too-slow = Die Auflistung von { $path } wurde nach { $secs } s angehalten, der Zeit, die eine Auflistung dauern darf: Der Server ist zu langsam oder beendet die Liste nie; versuchen Sie es erneut oder verwenden Sie einen Filter.
err-invalid-url = „{ $input }“ ist keine gültige Adresse: { $reason }.
err-failure = Der Server konnte den Vorgang für { $path } nicht abschließen: { $message }.
err-io = { $path }: { $detail }.
err-protocol = SSH-Fehler: { $detail }.
err-size-changed = Die Größe von { $path } hat sich während des Kopierens geändert (erwartet: { $expected } Bytes, erhalten: { $got }); versuchen Sie es erneut, wenn nicht mehr in die Datei geschrieben wird.
err-checksum = Die Prüfsummen von { $path } stimmen nicht überein: lokal { $local }, Server { $remote }. Die Kopie ist beschädigt; sie wurde nicht am Ziel abgelegt.
err-unsafe-destination = Schreiben von { $path } verweigert: { $why }.
err-not-a-prefix = { $path } wurde nicht fortgesetzt: Die Datei ist nicht der Anfang der kopierten Datei (die Quelle hat sich geändert oder es ist eine andere Datei). Überschreiben Sie sie stattdessen oder verschieben Sie sie.
err-not-a-file = { $path } ist keine Datei (ein Ordner oder eine Spezialdatei): Nur Dateien können bearbeitet werden.
err-no-free-name = Beide Kopien von { $path } können nicht behalten werden: Die Namen bis „({ $tries })“ sind alle vergeben; nichts wurde überschrieben. Verschieben Sie einige davon oder wählen Sie eine andere Option.
err-keyring-unavailable = Kein Schlüsselbund des Systems verfügbar ({ $why }): Ferry fragt jedes Mal nach dem Passwort und speichert es nie in einer Datei.
err-keyring = Der Schlüsselbund des Systems hat die Anfrage abgelehnt: { $detail }.
err-agent = Der ssh-agent konnte den Schlüssel nicht aufnehmen: { $detail }.
err-no-sftp = { $host } bietet kein SFTP an: Das sftp-Subsystem wurde abgelehnt (seiner sshd_config fehlt vielleicht eine Zeile Subsystem sftp, oder das Konto erlaubt nur eine Shell). Bitten Sie den Administrator, SFTP einzuschalten.
err-job-busy = Übertragungsauftrag { $id } wird von einem anderen Ferry ausgeführt (einem Fenster oder einem ferry-Befehl); er bleibt diesem überlassen.
err-sites-corrupt = Die Serverliste { $path } konnte nicht gelesen werden ({ $detail }); sie wurde als { $backup } aufbewahrt und nichts wurde überschrieben. Korrigieren oder entfernen Sie sie und versuchen Sie es dann erneut.
err-sites-newer = Die Serverliste { $path } hat die Version { $version } und stammt von einer neueren Ferry-Version; aktualisieren Sie Ferry, um sie zu verwenden.
err-unknown-site = Es gibt keinen gespeicherten Server namens „{ $name }“.
err-ambiguous-site = Mehrere gespeicherte Server heißen „{ $name }“; wählen Sie einen davon aus: { $candidates }.
err-site-exists = In diesem Ordner gibt es bereits einen Server namens „{ $name }“; wählen Sie einen anderen Namen.
err-invalid-site = Ungültiger Servereintrag: { $reason }.
err-import = { $path } kann nicht importiert werden: { $detail }.
err-too-many-deletes = Die Synchronisierung würde { $count } der { $total } Dateien in { $path } löschen, mehr als die Hälfte; deshalb wurde nichts geändert. Prüfen Sie, ob es die richtigen beiden Ordner sind, oder erlauben Sie so viele Löschungen.
err-delete-limit = Die Synchronisierung würde { $count } Dateien in { $path } löschen, mehr als die erlaubten { $allowed }; deshalb wurde nichts geändert.
err-cancelled = Abgebrochen.
err-internal = Interner Fehler: { $detail }. Das ist ein Fehler in Ferry; bitte melden Sie ihn und starten Sie Ferry neu, um weiterzumachen.

## Formats: sizes, rates, dates and durations as this language writes them
# The character between the whole and the fraction in "1.5 MB".
format-decimal-point = ,
# $value is already written with format-decimal-point.
format-size = { $unit ->
    [kib] { $value } KiB
    [mib] { $value } MiB
    [gib] { $value } GiB
    [tib] { $value } TiB
   *[b] { $value } B
}
format-rate = { $size }/s
# $year is four digits, $month, $day, $hour and $minute two (zero-padded); 24-hour clock.
format-date-time = { $day }.{ $month }.{ $year } { $hour }:{ $minute }
format-date-time-seconds = { $day }.{ $month }.{ $year } { $hour }:{ $minute }:{ $second }
format-duration-seconds = { $s } s
format-duration-minutes = { $m } min { $s } s
format-duration-hours = { $h } h { $m } min

## Settings
settings-button = Einstellungen
settings-title = Einstellungen
settings-language = Sprache
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = Systemsprache ({ $language })
settings-language-note = Die neue Sprache wird sofort angezeigt. Zeilen, die bereits im Protokoll stehen, bleiben, wie sie geschrieben wurden.
settings-theme = Design
settings-theme-system = System
settings-theme-light = Hell
settings-theme-dark = Dunkel
settings-limit = Geschwindigkeitsgrenze
settings-limit-none = Keine (z. B. 2M)
settings-limit-note = Bytes pro Sekunde über alle Übertragungen: 500K, 2M, 1.5M; leer: keine Grenze. Eine Änderung gilt sofort, auch für laufende Übertragungen.
settings-limit-bad = „{ $text }“ ist keine Rate wie 500K, 2M oder 1.5M; die bisherige Grenze gilt weiter.
settings-not-saved = Die Einstellung gilt ab sofort, konnte aber nicht gespeichert werden: { $error }
settings-tab-general = Allgemein
settings-tab-keys = Schlüssel

## Settings → Keys
keys-create = Schlüssel erstellen…
keys-refresh = Aktualisieren
keys-agent = ssh-agent
keys-none = Keine Schlüssel in { $folder } oder in einem ssh-agent. Erstellen Sie einen, um sich ohne Passwort anzumelden.
keys-unreadable = Nicht lesbar: { $reason }
keys-copy = Öffentlichen Schlüssel kopieren
keys-show = Anzeigen
keys-hide = Ausblenden
keys-protected = mit Passphrase geschützt
keys-unprotected = ohne Passphrase
keys-new-title = Neuer Schlüssel
keys-type = Typ
keys-type-ed25519 = Ed25519 (empfohlen)
keys-type-ecdsa = ECDSA (256 Bit)
keys-type-rsa = RSA ({ $bits } Bit)
keys-passphrase = Passphrase
keys-passphrase-again = Passphrase wiederholen
keys-no-passphrase-warning = Ohne Passphrase kann jeder, der diese Datei erhält, den Schlüssel benutzen. Eine Passphrase wird empfohlen.
keys-file = Datei
keys-create-button = Erstellen
keys-creating = Wird erstellt…
keys-passphrases-differ = Die beiden Passphrasen stimmen nicht überein.
keys-file-needed = Geben Sie einen Dateinamen für den Schlüssel an.
keys-created = Schlüssel erstellt: { $path }. Sein Fingerabdruck und Randomart:

# Set up key login… (gui/keylogin)
keylogin-title = Schlüssel-Anmeldung für { $server } einrichten
keylogin-intro = Ferry fügt einen öffentlichen Schlüssel zu ~/.ssh/authorized_keys auf dem Server hinzu und prüft dann, dass der Schlüssel allein Sie anmeldet, ohne Passwort.
keylogin-key = Schlüssel
keylogin-agent-key = im ssh-agent
keylogin-new = Ein neuer Ed25519-Schlüssel
keylogin-passphrase = Passphrase des Schlüssels
keylogin-add-to-agent = Den neuen Schlüssel für diese Sitzung dem laufenden ssh-agent hinzufügen
keylogin-install = Auf { $server } installieren
keylogin-working = Der Schlüssel wird auf den Server gelegt und die Anmeldung geprüft…
keylogin-added = Der Schlüssel wurde zu { $file } auf { $server } hinzugefügt.
keylogin-already = Der Schlüssel steht bereits in { $file } auf { $server }; nichts wurde geschrieben.
keylogin-works = Die Schlüssel-Anmeldung funktioniert: Ab jetzt ist kein Passwort nötig.
keylogin-refused = Der Schlüssel liegt auf dem Server, aber { $server } lehnt ihn weiter ab: Der Server liest Schlüssel womöglich aus einer anderen Datei (AuthorizedKeysFile in seiner sshd_config) oder hält die Rechte des Home-Ordners für zu offen (StrictModes). Fragen Sie seinen Administrator.
keylogin-use-for-site = Bei der Site „{ $site }“ mit diesem Schlüssel anmelden
keylogin-save-site = { $server } als Site speichern, die sich mit diesem Schlüssel anmeldet
keylogin-forget-password = Das Passwort der Site aus dem Schlüsselbund entfernen
keylogin-keep-passphrase = Die Passphrase des Schlüssels im Schlüsselbund behalten (sonst wird sie einmal pro Sitzung erfragt)
keylogin-apply = Übernehmen
keylogin-site-switched = Die Site meldet sich jetzt mit dem Schlüssel an.
keylogin-password-removed = Das Passwort der Site wurde aus dem Schlüsselbund entfernt.
keylogin-passphrase-kept = Die Passphrase des Schlüssels liegt im Schlüsselbund.
keylogin-choose = Wählen Sie einen Schlüssel.
keylogin-no-public = Ferry kann den öffentlichen Teil dieses Schlüssels nicht lesen: Legen Sie seine .pub-Datei daneben.
keylogin-passphrase-needed = Geben Sie die Passphrase des Schlüssels ein: Die Anmeldung wird damit geprüft.
keylogin-not-connected = Verbinden Sie sich zuerst mit dem Server: Der Schlüssel wird über diese Verbindung dort abgelegt.
keylogin-menu-setup = Schlüssel-Anmeldung einrichten…
menu-copy-address = Adresse kopieren
connection-menu = Verbindung
sites-key-login = Schlüssel-Anmeldung einrichten…
site-keys-found = Gefundene Schlüssel
site-keys-pick = Einen Ihrer Schlüssel wählen
site-agent-key = Agent-Schlüssel
site-agent-any = Beliebiger Schlüssel des Agents
site-agent-key-gone = { $fingerprint } (derzeit nicht im Agent)
site-save-first = Speichern Sie die Site zuerst.

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = Duplizieren
menu-copy = Kopieren
menu-paste = Einfügen
menu-new-link = Neue Verknüpfung…
copy-suffix = Kopie
link-suffix = Verknüpfung
link-title = Neue Verknüpfung
link-name = Name der Verknüpfung
link-target = Zeigt auf (ein Pfad auf dem Server; ein symbolischer Link darf relativ sein)
link-hard = Harter Link (dieselbe Datei unter einem zweiten Namen; nicht über Dateisysteme hinweg)
link-hard-local = harte Links auf diesem Computer (legen Sie sie im Dateimanager an)
paste-other-server = Das Kopierte liegt auf einem anderen Server: Kopieren Sie es hier erneut.
log-server-copy = { $files } Datei(en) auf dem Server kopiert ({ $ways }).
drag-copy = { $dest } (eine Kopie)
copy-way-streamed = über Ferry gelesen und zurückgeschrieben

## Eine Datei auf dem Server bearbeiten (Bearbeiten, F4)
menu-edit = Bearbeiten
confirm-quit-title = Beenden, obwohl Änderungen noch nicht auf dem Server sind?
confirm-quit-body = Eine gespeicherte Änderung an einer Datei, die Sie bearbeiten, ist nicht auf dem Server angekommen. Ihre Kopie bleibt erhalten, und Ferry bietet beim nächsten Start an, sie hochzuladen.
confirm-quit = Beenden
edit-connect-to = Verbinden Sie sich mit { $server }, um diese Änderung hochzuladen.
edit-editor-unreadable = Der Editor-Befehl „{ $editor }“ kann nicht gelesen werden (ein nicht geschlossenes Anführungszeichen?). Korrigieren Sie ihn unter Einstellungen → Bearbeiten.
edit-cannot-start = „{ $editor }“ kann nicht gestartet werden: { $error }. Wählen Sie unter Einstellungen → Bearbeiten einen anderen Editor.
edit-leftovers = { $count ->
    [one] Eine Änderung aus einer früheren Sitzung ist nie auf dem Server angekommen: Sie steht in der Liste „In Bearbeitung“ und kann hochgeladen oder verworfen werden.
   *[other] { $count } Änderungen aus einer früheren Sitzung sind nie auf dem Server angekommen: Sie stehen in der Liste „In Bearbeitung“ und können hochgeladen oder verworfen werden.
}
edit-read-only = Sie dürfen { $name } auf dem Server nicht schreiben: Die Datei wird schreibgeschützt geöffnet, und Gespeichertes wird nicht hochgeladen.
edit-not-uploaded = { $name } wurde nicht hochgeladen: { $error }. Beim nächsten Speichern wird es erneut versucht.
edit-state-opening = Wird geöffnet…
edit-state-asking = Wartet auf Ihre Antwort
edit-state-watching = Wartet auf Speichervorgänge
edit-state-read-only = Schreibgeschützt: Gespeichertes wird nicht hochgeladen
edit-state-uploading = Wird hochgeladen…
edit-state-uploaded = Hochgeladen am { $at }
edit-state-conflict = Auf dem Server geändert: nicht hochgeladen
edit-state-failed = Nicht hochgeladen: { $error }
edit-state-not-uploaded = Nicht auf dem Server (aus einer früheren Sitzung)
edit-upload = Hochladen
edit-discard = Verwerfen
edit-resolve = Konflikt lösen…
edit-open-again = Öffnen
edit-stop = Bearbeitung beenden
edit-list-title = In Bearbeitung ({ $count })
edit-ask-large = { $name } ist { $size } groß. Trotzdem bearbeiten?
edit-ask-binary = { $name } scheint eine Binärdatei zu sein. Trotzdem bearbeiten?
edit-anyway = Trotzdem bearbeiten
edit-conflict-title = { $name } wurde auf dem Server geändert
edit-conflict-body = Jemand hat { $name } auf { $server } geändert, seit Sie die Datei geöffnet haben. Ihre gespeicherte Fassung wurde nicht hochgeladen, und die Kopie auf dem Server ist unverändert.
edit-overwrite = Deren Fassung überschreiben
edit-keep-both = Meine daneben speichern
edit-discard-mine = Meine verwerfen
edit-later = Später entscheiden
settings-tab-editing = Bearbeiten
settings-editor = Editor
settings-editor-default-app = Die Standardanwendung für den Dateityp
settings-editor-note = Ein Befehl wie „code --wait“ oder „gedit“: Der Pfad der Datei wird angehängt. Leer: die Anwendung, mit der Ihr System diesen Dateityp öffnet.
settings-editor-by-extension = Nach Dateiendung
settings-editor-command = Befehl
settings-editor-add = Dateiendung hinzufügen
settings-double-click-edits = Ein Doppelklick auf eine Textdatei auf dem Server öffnet sie zum Bearbeiten (statt sie herunterzuladen)
