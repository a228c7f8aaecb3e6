# Ferry's Italian text (it). The English file (i18n/en/ferry.ftl) is the source and the fallback.
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: Italian uses `[one]`, `[many]` (e.g. "1 milione di …") and `*[other]`
# (see i18n/README.md). Messages starting with format- set how sizes and dates are written.

## Main window

app-title = Ferry
local = Locale
remote = Remoto
quick-connect-placeholder = utente@host:porta o sftp://…
connect = Connetti
disconnect = Disconnetti
connecting-to = Connessione a { $address }…
not-connected = Non connesso
connected-as = Connesso come { $who }
connected = Connesso
reconnecting-to = Connessione persa, riconnessione a { $address }…
confirm-disconnect-title = Disconnettersi da { $address }?
confirm-break-title = Interrompere la connessione attuale?
confirm-break-body = La connessione a { $next } chiude quella con { $address }.
confirm-running = { $count ->
    [one] È in corso un trasferimento: verrà annullato.
    [many] Sono in corso { $count } di trasferimenti: verranno annullati.
   *[other] Sono in corso { $count } trasferimenti: verranno annullati.
}
confirm-editing = { $count ->
    [one] Un file è in modifica: ciò che verrà salvato dopo non sarà caricato, e ciò che non è ancora sul server resta nell’elenco «In modifica».
    [many] { $count } di file sono in modifica: ciò che verrà salvato dopo non sarà caricato, e ciò che non è ancora sul server resta nell’elenco «In modifica».
   *[other] { $count } file sono in modifica: ciò che verrà salvato dopo non sarà caricato, e ciò che non è ancora sul server resta nell’elenco «In modifica».
}
up = Su
home = Home
refresh = Aggiorna
new-folder = Nuova cartella
show-hidden = Nascosti
filter-placeholder = Filtro: *.log
col-name = Nome
col-size = Dimensione
col-modified = Ultima modifica
col-perms = Permessi
col-owner = Proprietario
loading = Caricamento…
empty-folder = Questa cartella è vuota
connect-first = Connettiti a un server per vederne i file
upload = Carica →
download = ← Scarica
status-free = { $status } — { $size } liberi
items = { $count ->
    [one] { $count } elemento
    [many] { $count } di elementi
   *[other] { $count } elementi
}
hostkey-fingerprint = Impronta digitale della chiave { $key_type }:
unsafe-names-hidden = { $status } — { $count ->
    [one] { $count } nome nascosto (non sicuro come nome di file)
    [many] { $count } di nomi nascosti (non sicuri come nomi di file)
   *[other] { $count } nomi nascosti (non sicuri come nomi di file)
}
items-selected = { $items }, { $count ->
    [one] { $count } selezionato
    [many] { $count } selezionati
   *[other] { $count } selezionati
}
listing-cut-shown = È mostrata solo una parte di questa cartella. { $reason }

## Transfers
no-transfers = Nessun trasferimento: seleziona dei file e premi Carica o Scarica, oppure fai doppio clic su un file
pause = Pausa
resume = Riprendi
cancel = Annulla
clear-finished = Rimuovi completati
done = Completato
cancelled = Annullato
running = In corso
paused = In pausa

## Dialogs
hostkey-title = Server sconosciuto
hostkey-body = Ferry non si è mai connesso a questo server. Verifica che l'impronta digitale corrisponda a quella che ti ha fornito l'amministratore.
hostkey-accept-once = Connetti solo questa volta
hostkey-accept-save = Fidati e connetti
password-title = Password
proxy-password-title = Password del proxy
proxy-password-subject = { $user } sul proxy { $proxy }
passphrase-title = Passphrase della chiave
interactive-title = Richiesta del server
ok = OK
dismiss = Chiudi
name-not-exact = { $name } (nome non in UTF-8 valido)
rename = Rinomina
delete = Elimina
delete-title = Elimina file
delete-confirm = Eliminare definitivamente questi elementi? Le cartelle vengono eliminate con tutto il loro contenuto.
name-placeholder = Nome
hostkey-alarm-title = Attenzione: l'identità del server è cambiata
hostkey-alarm-body = La chiave con cui questo server ha dimostrato la propria identità non è quella registrata alla tua prima connessione. Qualcuno potrebbe intercettare la connessione, oppure il server è stato reinstallato. Ferry non si è connesso e non ha inviato nulla. Prima di procedere, chiedi all'amministratore del server se la chiave è stata cambiata.
hostkey-alarm-fix = Se l'amministratore conferma il cambiamento, rimuovi la vecchia chiave con questo comando, poi connettiti di nuovo per verificare la nuova impronta digitale:
copy-command = Copia comando
pick-upload = Carica file…
pick-download = Scarica in…
pick-upload-title = Carica sul server
pick-download-title = Scarica in questa cartella
select-to-download = Seleziona prima i file sul server, poi scegli dove salvarli
no-file-dialog = Su questo desktop non è disponibile una finestra di selezione dei file (serve xdg-desktop-portal o zenity). Trascina invece i file dal gestore file alla finestra.
queue-empty = Niente in attesa: i file copiati sono in Completati, i problemi in Non riusciti

## Saved sites
sites-title = Siti
sites-button = Siti…
sites-empty = Nessun sito salvato: premi Nuovo sito oppure importa da OpenSSH o FileZilla
sites-pick = Siti salvati
site-none = Scegli un sito a sinistra o creane uno nuovo
site-new = Nuovo sito
site-new-name = Nuovo sito
site-duplicate = Duplica
site-copy = { $name } (copia)
site-name = Nome
site-name-hint = Il mio server
site-folder = Cartella
site-folder-hint = Lavoro/Web (facoltativo)
site-host = Host
site-host-hint = example.org o 192.0.2.10
site-port = Porta
site-user = Utente
site-user-hint = il tuo nome utente (vuoto: il tuo nome locale)
site-auth = Accesso con
auth-agent = Agente SSH / chiavi predefinite
auth-key = File di chiave
auth-password = Password
auth-interactive = Interattivo (codici 2FA)
site-key = File di chiave
browse = Sfoglia…
site-password = Password
site-passphrase = Passphrase della chiave
site-password-hint = digitala per salvarla nel portachiavi di sistema (vuoto: mantieni / chiedi)
site-jump = Host di salto
site-jump-hint = user@bastion:22, altri dopo virgole (vuoto: diretto)
site-proxy = Proxy
site-proxy-hint = socks5://[user@]host:1080 o http://[user@]host:8080 (vuoto: nessuno; la password viene chiesta)
site-proxy-command = Comando proxy
site-proxy-command-hint = ssh -W %h:%p gate (%h host, %p porta, %r utente; vuoto: nessuno)
site-remote-dir = Cartella remota
site-remote-hint = /var/www o ~/logs (vuoto: home)
site-local-dir = Cartella locale
site-local-hint = dove si apre il pannello sinistro (facoltativo)
site-max = File in parallelo
site-max-hint = 1-32 (vuoto: 32)
site-verify = Checksum
site-verify-label = Verifica ogni file dopo la copia, con il checksum più forte offerto dal server
site-exec-copy = Copie sul server
site-exec-copy-label = Se il server non ha un’estensione di copia, eseguire cp -p su di esso (un comando sul server)
site-notes = Note
site-bad-port = La porta deve essere un numero da 1 a 65535
site-bad-max = Il numero di file in parallelo deve essere compreso tra 1 e 32
site-saved = Salvato
site-saved-no-password = Salvato, ma la password NON è stata memorizzata: { $error }
site-imported = Importazione completata
site-import-ssh = Importa ~/.ssh/config
site-import-filezilla = Importa da FileZilla…
site-no-ssh-config = Non esiste un file ~/.ssh/config da importare
site-pick-key = Scegli una chiave privata
site-pick-filezilla = Scegli il file sitemanager.xml di FileZilla
save = Salva
site-test = Prova
site-testing = Prova in corso…
site-test-ok = Funziona: accesso eseguito come { $who }
remember-password = Ricorda nel portachiavi di sistema
remember-failed = Connesso, ma la password non è stata memorizzata: { $error }
offer-import = Sono stati trovati siti nella configurazione di OpenSSH o in FileZilla: apri Siti… e premi Importa per trasferirli (le password vanno nel portachiavi di sistema).

## Transfer panel
tab-queue = Coda ({ $count })
tab-failed = Non riusciti ({ $count })
tab-finished = Completati ({ $count })
tab-log = Registro ({ $count })
pause-all = Sospendi tutti
resume-all = Riprendi tutti
cancel-all = Annulla tutti
retry = Riprova
retry-all = Riprova tutti
clear = Svuota
no-finished = Qui compaiono i trasferimenti completati
no-failed = Nessun errore
no-log = Qui vengono registrati connessioni, trasferimenti ed errori
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · mancano { $eta } · { $files }
job-files = { $done }/{ $count ->
    [one] { $count } file
    [many] { $count } di file
   *[other] { $count } file
}
job-failed-files = { $count ->
    [one] Non riuscito ({ $count } file)
    [many] Non riuscito ({ $count } di file)
   *[other] Non riuscito ({ $count } file)
}
log-queued = { $direction ->
    [upload] Upload
   *[download] Download
}: { $name } → { $dest }
log-resumed-at = { $name } riprende da { $offset }
log-resuming-saved = Ripresa di un trasferimento non terminato dall’ultima volta: { $name }
log-queue-unsaved = Impossibile salvare la coda dei trasferimenti ({ $error }); questo trasferimento non riprenderà dopo un riavvio.
log-saved-waiting = { $count ->
        [one] Un trasferimento non terminato dall’ultima volta riprenderà quando ti connetterai a { $server }.
        [many] { $count } trasferimenti non terminati dall’ultima volta riprenderanno quando ti connetterai a { $server }.
       *[other] { $count } trasferimenti non terminati dall’ultima volta riprenderanno quando ti connetterai a { $server }.
    }
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst } (checksum verificato, { $algo })
log-skipped = { $name } saltato: { $reason }
skip-folder = è una cartella
skip-not-a-file = non è un file normale
skip-folder-link = è un collegamento a una cartella ({ $target }); i collegamenti a cartelle non vengono seguiti
skip-broken-link = è un collegamento interrotto o illeggibile
skip-link-loop = è un collegamento a una cartella già copiata (un ciclo)
skip-exists = la destinazione esiste già
skip-not-newer = la destinazione è altrettanto recente o più recente
note-no-more-connections = Impossibile aprire un’altra connessione ({ $error }); si continua sulle connessioni aperte
note-reconnecting = Connessione persa durante la copia di { $name } ({ $why }); riconnessione…
note-grew = { $name } è cresciuto durante la copia ({ $listed } elencati, { $copied } copiati)
note-duplicate-names = Nomi elencati più volte dal server in { $folder }: { $names } ({ $count } in tutto); è stata copiata la prima voce di ciascuno, le ripetizioni sono state escluse
note-more-refused = Nomi rifiutati in { $folder }: { $count } in tutto (sono elencati i primi)
note-mtime-not-kept = Impossibile mantenere la data di modifica di { $name }: { $error }
note-permissions-not-set = Impossibile impostare i permessi di { $name }: { $error }
note-no-checksums = { $host } non può calcolare checksum (nessun sha256sum via SSH): le dimensioni sono state verificate, i contenuti no
log-cancelled = { $name }: annullato
log-job-done = { $name }: { $count ->
    [one] { $count } file copiato
    [many] { $count } di file copiati
   *[other] { $count } file copiati
}, { $size }, { $seconds } s
log-connected = Connesso a { $address }
log-disconnected = Disconnesso da { $address }
log-connect-failed = Impossibile connettersi a { $address }: { $error }
conflict-title = Il file esiste già
conflict-body = Cosa vuoi fare con il file già presente?
conflict-existing = Già presente:
conflict-new = In copia:
conflict-source-newer = Il file in copia è più recente.
conflict-target-newer = Il file già presente è più recente.
conflict-overwrite = Sovrascrivi
conflict-if-newer = Sovrascrivi se più recente
conflict-resume = Riprendi
conflict-rename = Mantieni entrambi
conflict-skip = Salta
conflict-apply-all = Applica a tutti i conflitti di questo trasferimento
drop-hint = { $what } (rilascia sull'altro pannello o su una cartella)
menu-open = Apri
menu-upload = Carica
menu-download = Scarica
menu-rename = Rinomina…
menu-delete = Elimina…
menu-permissions = Permessi…
menu-copy-path = Copia percorso
menu-properties = Proprietà
permissions-title = Permessi
perm-read = Lettura
perm-write = Scrittura
perm-exec = Esecuzione
perm-owner = Proprietario
perm-group = Gruppo
perm-others = Altri
perm-octal = Ottale
perm-recursive = Applica anche a tutto il contenuto delle cartelle (i collegamenti vengono ignorati)
properties-title = Proprietà
close = Chiudi
size-with-bytes = { $size } ({ $bytes } byte)
and-more = … e altri { $count }
names-and-more = { $names } … e altri { $count }
kind-folder = Cartella
kind-file = File
kind-link = Collegamento simbolico
kind-other = File speciale
prop-name = Nome
prop-path = Percorso
prop-kind = Tipo
prop-group = Gruppo
prop-target = Punta a

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = Impossibile trovare l'host “{ $host }”: controlla il nome o il DNS della tua rete ({ $detail }).
err-refused = { $addr } ha rifiutato la connessione: nessun server SSH è in ascolto su quella porta, oppure un firewall la blocca.
err-timeout = Tempo scaduto ({ $what }) dopo { $secs } s: l'host potrebbe essere spento, oppure un firewall scarta il traffico.
err-unreachable = Impossibile raggiungere { $host }: { $detail }.
err-hostkey-unknown = Il server “{ $host }” non è ancora conosciuto: l'impronta digitale della sua chiave { $key_type } è { $fingerprint }. Connettiti di nuovo per verificarla e accettarla.
err-hostkey-changed = ATTENZIONE: la chiave host { $key_type } di “{ $host }” è CAMBIATA (ora è { $fingerprint }). Qualcuno potrebbe intercettare la connessione, oppure il server è stato reinstallato. Ferry si rifiuta di connettersi. Se sai che il cambiamento è legittimo, rimuovi la vecchia chiave da { $file }, riga { $line }.
err-hostkey-other-type = ATTENZIONE: “{ $host }” ora presenta una chiave host { $offered }, ma per questo host è registrata una chiave { $recorded } ({ $file }, riga { $line }). Ferry si rifiuta di connettersi. Se il cambiamento è legittimo, rimuovi la vecchia voce.
err-hostkey-revoked = La chiave host di “{ $host }” è contrassegnata come revocata in { $file }, riga { $line }: connessione rifiutata.
err-through-jump = Tramite l'host di salto { $hop }: { $error }
err-forward-refused = L'host di salto { $hop } ha rifiutato di aprire una connessione verso { $target } ({ $reason }): il suo server SSH potrebbe non consentire l'inoltro (AllowTcpForwarding) o non raggiungere quell'indirizzo.
err-proxy-unreachable = Impossibile usare il proxy { $proxy } ({ $detail }): controlla indirizzo e porta, e che sia in funzione.
err-proxy-auth = Il proxy { $proxy } chiede nome utente e password ({ $detail }): controlla l'utente nell'indirizzo del proxy e la sua password.
err-proxy-refused = Il proxy { $proxy } ha rifiutato di connettersi a { $target } ({ $reason }): potrebbe non consentire quell'indirizzo o porta, o non raggiungerli.
err-proxy-command-ended = Il comando proxy “{ $command }” è terminato prima dell'inizio della sessione SSH ({ $detail }): controlla che si avvii e raggiunga il server.
err-proxy-command-invalid = Impossibile usare il comando proxy “{ $command }”: { $reason }.
err-proxy-command-unsafe-name = Il nome “{ $name }” contiene caratteri che una shell interpreterebbe, quindi non viene inserito nel comando proxy: controlla l’indirizzo.
err-known-hosts = Impossibile leggere o registrare gli host conosciuti: { $detail }.
err-hostkey-changed-in-session = ATTENZIONE: “{ $host }” ora presenta la chiave host { $key_type } { $fingerprint }, non la chiave { $accepted } accettata per questa sessione. Qualcuno potrebbe intercettare la connessione. Ferry si rifiuta di connettersi.
err-login-needs-person = Un nuovo accesso a { $user }@{ $host } richiede risposte che solo una persona può dare (come un codice monouso), e nessuna è stata accettata. Connettiti di nuovo per continuare.
err-auth = Accesso non riuscito per { $user }@{ $host } (metodi provati: { $tried }). Controlla nome utente, chiave o password.
err-auth-nothing = Accesso non riuscito per { $user }@{ $host }: il server non accetta nessuno dei metodi di accesso di Ferry. Controlla nome utente, chiave o password.
err-key-file = Impossibile usare il file di chiave { $path }: { $detail }.
err-permission-local = Permesso negato sul disco locale: { $path }. Controlla i permessi della cartella o scegli un’altra cartella.
err-permission-remote = Permesso negato sul server: { $path }. Il tuo account lì non può leggere o scrivere qui; scegli un’altra cartella o chiedi all’amministratore del server.
err-not-found = File o cartella inesistente: { $path }.
err-exists = { $path } esiste già.
err-disk-full-local = Spazio esaurito sul disco locale ({ $path }): libera spazio e riprova.
err-disk-full-remote = Spazio esaurito sul server ({ $path }): libera spazio e riprova.
err-connection-lost = Connessione persa: { $detail }. Riconnettiti per continuare.
err-unsupported = Il server non supporta: { $what }.
err-unsafe-name = Il nome “{ $name }” inviato dal server è stato rifiutato: { $why } non è un nome di file sicuro.
err-inexact-name = “{ $name }” non è in UTF-8 valido e non può essere indicato con esattezza su questa connessione: rinominalo sul server.
err-listing-too-large = La cartella { $path } contiene più di { $cap } voci, il limite per l'elenco: usa un filtro.
err-listing-too-big = L'elenco di { $path } è stato fermato a { $mib } MiB, la memoria che un elenco può usare: il server ha inviato più di quanto contenga una cartella, o nomi troppo lunghi; usa un filtro.
err-listing-too-slow = L'elenco di { $path } è stato fermato dopo { $secs } s, il tempo che un elenco può durare: il server è troppo lento o non termina mai l'elenco; riprova o usa un filtro.
err-invalid-url = Indirizzo non valido “{ $input }”: { $reason }.
err-failure = Il server non è riuscito a completare l'operazione su { $path }: { $message }.
err-io = { $path }: { $detail }.
err-protocol = Errore SSH: { $detail }.
err-size-changed = La dimensione di { $path } è cambiata durante la copia (attesi { $expected } byte, ricevuti { $got }): riprova quando il file non sarà più in scrittura.
err-checksum = Checksum non corrispondente per { $path }: locale { $local }, server { $remote }. La copia è danneggiata e non è stata messa al suo posto.
err-unsafe-destination = Scrittura di { $path } rifiutata: { $why }.
err-not-a-prefix = { $path } non è stato ripreso: non è l’inizio del file che si sta copiando (l’origine è cambiata o è un altro file). Sovrascrivilo o spostalo.
err-not-a-file = { $path } non è un file (una cartella o un file speciale): si possono modificare solo i file.
err-no-free-name = Impossibile tenere entrambe le copie di { $path }: i nomi fino a «({ $tries })» sono tutti occupati; nulla è stato sovrascritto. Spostane alcuni o scegli un’altra opzione.
err-keyring-unavailable = Nessun portachiavi di sistema disponibile ({ $why }): Ferry chiederà la password ogni volta e non la salverà mai in un file.
err-keyring = Il portachiavi di sistema ha rifiutato la richiesta: { $detail }.
err-agent = L’ssh-agent non ha potuto accettare la chiave: { $detail }.
err-no-sftp = { $host } non offre SFTP: ha rifiutato il sottosistema sftp (al suo sshd_config potrebbe mancare una riga Subsystem sftp, o l’account consente solo una shell). Chiedi all’amministratore di attivare SFTP.
err-job-busy = Il trasferimento { $id } è in esecuzione in un altro Ferry (una finestra o un comando ferry); viene lasciato a quello.
err-sites-corrupt = Impossibile leggere il file dei siti { $path } ({ $detail }): è stato conservato come { $backup } e non è stato sovrascritto nulla. Correggilo o rimuovilo, poi riprova.
err-sites-newer = Il file dei siti { $path } è alla versione { $version }, scritta da una versione più recente di Ferry: aggiorna Ferry per usarlo.
err-unknown-site = Non esiste un sito salvato con il nome “{ $name }”.
err-ambiguous-site = Esiste più di un sito salvato con il nome “{ $name }”: scegline uno tra { $candidates }.
err-site-exists = In quella cartella esiste già un sito con il nome “{ $name }”: scegli un altro nome.
err-invalid-site = Sito non valido: { $reason }.
err-import = Impossibile importare { $path }: { $detail }.
err-too-many-deletes = La sincronizzazione eliminerebbe { $count } dei { $total } file in { $path }, più della metà, quindi non è stato cambiato nulla. Verificare che le due cartelle siano quelle giuste, oppure consentire tante eliminazioni.
err-delete-limit = La sincronizzazione eliminerebbe { $count } file in { $path }, più dei { $allowed } consentiti, quindi non è stato cambiato nulla.
err-cancelled = Annullato.
err-internal = Errore interno: { $detail }. È un difetto di Ferry; segnalalo, per favore, e riavvia Ferry per continuare.

## Formats: sizes, rates, dates and durations as this language writes them
# The character between the whole and the fraction in "1,5 MiB".
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
format-date-time = { $day }/{ $month }/{ $year } { $hour }:{ $minute }
format-date-time-seconds = { $day }/{ $month }/{ $year } { $hour }:{ $minute }:{ $second }
format-duration-seconds = { $s } s
format-duration-minutes = { $m } min { $s } s
format-duration-hours = { $h } h { $m } min

## Settings
settings-button = Impostazioni
settings-title = Impostazioni
settings-language = Lingua
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = Sistema ({ $language })
settings-language-note = La nuova lingua si applica subito. Le righe già presenti nel Registro restano come sono state scritte.
settings-theme = Tema
settings-theme-system = Sistema
settings-theme-light = Chiaro
settings-theme-dark = Scuro
settings-limit = Limite di velocità
settings-limit-none = Nessuno (es. 2M)
settings-limit-note = Byte al secondo su tutti i trasferimenti: 500K, 2M, 1.5M; vuoto: nessun limite. Una modifica vale subito, anche per i trasferimenti in corso.
settings-limit-bad = “{ $text }” non è una velocità come 500K, 2M o 1.5M; resta in vigore il limite precedente.
settings-not-saved = L'impostazione è già attiva, ma non è stato possibile salvarla: { $error }
settings-tab-general = Generale
settings-tab-keys = Chiavi

## Settings → Keys
keys-create = Crea chiave…
keys-refresh = Aggiorna
keys-agent = ssh-agent
keys-none = Nessuna chiave in { $folder } né in un ssh-agent. Creane una per accedere senza password.
keys-unreadable = Impossibile leggerla: { $reason }
keys-copy = Copia chiave pubblica
keys-show = Mostra
keys-hide = Nascondi
keys-protected = protetta da passphrase
keys-unprotected = senza passphrase
keys-new-title = Nuova chiave
keys-type = Tipo
keys-type-ed25519 = Ed25519 (consigliato)
keys-type-ecdsa = ECDSA (256 bit)
keys-type-rsa = RSA ({ $bits } bit)
keys-passphrase = Passphrase
keys-passphrase-again = Ripeti passphrase
keys-no-passphrase-warning = Senza passphrase, chiunque ottenga questo file può usare la chiave. Si consiglia una passphrase.
keys-file = File
keys-create-button = Crea
keys-creating = Creazione…
keys-passphrases-differ = Le due passphrase non coincidono.
keys-file-needed = Indica un nome di file per la chiave.
keys-created = Chiave creata: { $path }. La sua impronta e il suo randomart:

# Set up key login… (gui/keylogin)
keylogin-title = Configura l’accesso con chiave per { $server }
keylogin-intro = Ferry aggiunge una chiave pubblica a ~/.ssh/authorized_keys sul server, poi verifica che la sola chiave ti faccia accedere, senza password.
keylogin-key = Chiave
keylogin-agent-key = nell’ssh-agent
keylogin-new = Una nuova chiave Ed25519
keylogin-passphrase = Passphrase della chiave
keylogin-add-to-agent = Aggiungi la nuova chiave all’ssh-agent in esecuzione per questa sessione
keylogin-install = Installa su { $server }
keylogin-working = Invio della chiave al server e verifica dell’accesso…
keylogin-added = Chiave aggiunta a { $file } su { $server }.
keylogin-already = La chiave è già in { $file } su { $server }; non è stato scritto nulla.
keylogin-works = L’accesso con chiave funziona: da ora non serve più la password.
keylogin-refused = La chiave è sul server, ma { $server } la rifiuta ancora: il server potrebbe leggere le chiavi da un altro file (AuthorizedKeysFile nel suo sshd_config) o ritenere troppo aperti i permessi della cartella home (StrictModes). Chiedi al suo amministratore.
keylogin-use-for-site = Accedi al sito «{ $site }» con questa chiave
keylogin-save-site = Salva { $server } come sito che accede con questa chiave
keylogin-forget-password = Rimuovi la password del sito dal portachiavi
keylogin-keep-passphrase = Conserva la passphrase della chiave nel portachiavi (altrimenti viene chiesta una volta per sessione)
keylogin-apply = Applica
keylogin-site-switched = Ora il sito accede con la chiave.
keylogin-password-removed = La password del sito è stata rimossa dal portachiavi.
keylogin-passphrase-kept = La passphrase della chiave è nel portachiavi.
keylogin-choose = Scegli una chiave.
keylogin-no-public = Ferry non riesce a leggere la parte pubblica di questa chiave: metti accanto il suo file .pub.
keylogin-passphrase-needed = Digita la passphrase della chiave: l’accesso viene verificato con essa.
keylogin-not-connected = Prima connettiti al server: la chiave viene inviata tramite quella connessione.
keylogin-menu-setup = Configura accesso con chiave…
menu-copy-address = Copia indirizzo
connection-menu = Connessione
sites-key-login = Configura accesso con chiave…
site-keys-found = Chiavi trovate
site-keys-pick = Scegli una delle tue chiavi
site-agent-key = Chiave dell’agent
site-agent-any = Qualsiasi chiave dell’agent
site-agent-key-gone = { $fingerprint } (ora non è nell’agent)
site-save-first = Salva prima il sito.

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = Duplica
menu-copy = Copia
menu-paste = Incolla
menu-new-link = Nuovo collegamento…
copy-suffix = copia
link-suffix = collegamento
link-title = Nuovo collegamento
link-name = Nome del collegamento
link-target = Punta a (un percorso sul server; un collegamento simbolico può essere relativo)
link-hard = Collegamento fisico (lo stesso file con un secondo nome; non tra file system diversi)
link-hard-local = i collegamenti fisici su questo computer (creali nel file manager)
paste-other-server = Ciò che è stato copiato è su un altro server: copialo di nuovo qui.
log-server-copy = Copiati { $files } file sul server ({ $ways }).
drag-copy = { $dest } (una copia)
copy-way-streamed = letto e riscritto passando da Ferry

## Modifica di un file del server (Modifica, F4)
menu-edit = Modifica
confirm-quit-title = Uscire con modifiche non ancora sul server?
confirm-quit-body = Un salvataggio di un file che stai modificando non è arrivato al server. La sua copia viene conservata e Ferry proporrà di caricarla al prossimo avvio.
confirm-quit = Esci
edit-connect-to = Connettiti a { $server } per caricare questa modifica.
edit-editor-unreadable = Impossibile leggere il comando dell’editor “{ $editor }” (una virgoletta non chiusa?). Correggilo in Impostazioni → Modifica.
edit-cannot-start = Impossibile avviare “{ $editor }”: { $error }. Scegli un altro editor in Impostazioni → Modifica.
edit-leftovers = { $count ->
    [one] Una modifica di una sessione precedente non è mai arrivata al server: è nell’elenco “In modifica”, da caricare o scartare.
    [many] { $count } di modifiche di una sessione precedente non sono mai arrivate al server: sono nell’elenco “In modifica”, da caricare o scartare.
   *[other] { $count } modifiche di una sessione precedente non sono mai arrivate al server: sono nell’elenco “In modifica”, da caricare o scartare.
}
edit-read-only = Non puoi scrivere { $name } sul server: si apre in sola lettura e i salvataggi non vengono caricati.
edit-not-uploaded = { $name } non è stato caricato: { $error }. Il prossimo salvataggio riproverà.
edit-state-opening = Apertura…
edit-state-asking = In attesa della tua risposta
edit-state-watching = In attesa di salvataggi
edit-state-read-only = Sola lettura: i salvataggi non vengono caricati
edit-state-uploading = Caricamento…
edit-state-uploaded = Caricato il { $at }
edit-state-conflict = Modificato sul server: non caricato
edit-state-failed = Non caricato: { $error }
edit-state-not-uploaded = Non presente sul server (da una sessione precedente)
edit-upload = Carica
edit-discard = Scarta
edit-resolve = Risolvi…
edit-open-again = Apri
edit-stop = Termina modifica
edit-list-title = In modifica ({ $count })
edit-ask-large = { $name } occupa { $size }. Modificarlo comunque?
edit-ask-binary = { $name } sembra un file binario. Modificarlo comunque?
edit-anyway = Modifica comunque
edit-conflict-title = { $name } è cambiato sul server
edit-conflict-body = Qualcuno ha modificato { $name } su { $server } da quando l’hai aperto. Il tuo salvataggio non è stato caricato e la copia sul server è intatta.
edit-overwrite = Sovrascrivi la loro
edit-keep-both = Salva la mia accanto
edit-discard-mine = Scarta la mia
edit-later = Decidi dopo
settings-tab-editing = Modifica
settings-editor = Editor
settings-editor-default-app = L’app predefinita per il tipo di file
settings-editor-note = Un comando come “code --wait” o “gedit”: gli viene aggiunto il percorso del file. Vuoto: l’app con cui il sistema apre quel tipo di file.
settings-editor-by-extension = Per estensione
settings-editor-command = Comando
settings-editor-add = Aggiungi un’estensione
settings-double-click-edits = Il doppio clic su un file di testo sul server lo apre in modifica (invece di scaricarlo)
