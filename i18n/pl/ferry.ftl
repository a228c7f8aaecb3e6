# Ferry's Polish text (pl). The English file (i18n/en/ferry.ftl) is the source and the fallback.
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: Polish uses `[one]` (1 plik), `[few]` (2 pliki), `[many]` (5 plików)
# and `*[other]` (fractions: 1,5 pliku) (see i18n/README.md). Messages starting with format- set how
# sizes and dates are written.

## Main window

app-title = Ferry
local = Lokalne
remote = Zdalne
quick-connect-placeholder = użytkownik@host:port lub sftp://…
connect = Połącz
disconnect = Rozłącz
connecting-to = Łączenie z { $address }…
not-connected = Nie połączono
connected-as = Połączono jako { $who }
connected = Połączono
reconnecting-to = Utracono połączenie, ponowne łączenie z { $address }…
confirm-disconnect-title = Rozłączyć z { $address }?
confirm-break-title = Przerwać bieżące połączenie?
confirm-break-body = Połączenie z { $next } zamknie połączenie z { $address }.
confirm-running = { $count ->
    [one] Trwa jeden transfer: zostanie anulowany.
    [few] Trwają { $count } transfery: zostaną anulowane.
    [many] Trwa { $count } transferów: zostaną anulowane.
   *[other] Trwa { $count } transferu: zostanie anulowany.
}
confirm-editing = { $count ->
    [one] Edytowany jest jeden plik: późniejsze zapisy nie zostaną wysłane, a to, czego jeszcze nie ma na serwerze, zostaje na liście „Edytowane”.
    [few] Edytowane są { $count } pliki: późniejsze zapisy nie zostaną wysłane, a to, czego jeszcze nie ma na serwerze, zostaje na liście „Edytowane”.
    [many] Edytowanych jest { $count } plików: późniejsze zapisy nie zostaną wysłane, a to, czego jeszcze nie ma na serwerze, zostaje na liście „Edytowane”.
   *[other] Edytowane są { $count } pliku: późniejsze zapisy nie zostaną wysłane, a to, czego jeszcze nie ma na serwerze, zostaje na liście „Edytowane”.
}
up = W górę
home = Katalog domowy
refresh = Odśwież
new-folder = Nowy katalog
show-hidden = Ukryte
filter-placeholder = Filtr: *.log
col-name = Nazwa
col-size = Rozmiar
col-modified = Zmodyfikowano
col-perms = Prawa
col-owner = Właściciel
loading = Wczytywanie…
empty-folder = Ten katalog jest pusty
connect-first = Połącz się z serwerem, aby zobaczyć jego pliki
upload = Wyślij →
download = ← Pobierz
status-free = { $status } — wolne: { $size }
items = { $count ->
    [one] { $count } element
    [few] { $count } elementy
    [many] { $count } elementów
   *[other] { $count } elementu
}
hostkey-fingerprint = Odcisk klucza { $key_type }:
unsafe-names-hidden = { $status } — { $count ->
    [one] ukryto { $count } nazwę (niebezpieczna jako nazwa pliku)
    [few] ukryto { $count } nazwy (niebezpieczne jako nazwy plików)
    [many] ukryto { $count } nazw (niebezpieczne jako nazwy plików)
   *[other] ukryto { $count } nazwy (niebezpieczne jako nazwy plików)
}
items-selected = { $items }, zaznaczono: { $count }
listing-cut-shown = Widoczna jest tylko część tego katalogu. { $reason }

## Transfers
no-transfers = Brak transferów: zaznacz pliki i naciśnij Wyślij lub Pobierz albo kliknij dwukrotnie plik
pause = Wstrzymaj
resume = Wznów
cancel = Anuluj
clear-finished = Wyczyść zakończone
done = Zakończono
cancelled = Anulowano
running = W toku
paused = Wstrzymano

## Dialogs
hostkey-title = Nieznany serwer
hostkey-body = Ferry jeszcze nigdy nie łączył się z tym serwerem. Sprawdź, czy odcisk klucza zgadza się z tym, który podał ci administrator.
hostkey-accept-once = Połącz jednorazowo
hostkey-accept-save = Zaufaj i połącz
password-title = Hasło
proxy-password-title = Hasło serwera proxy
proxy-password-subject = { $user } na serwerze proxy { $proxy }
passphrase-title = Hasło klucza
interactive-title = Serwer pyta
ok = OK
dismiss = Zamknij
name-not-exact = { $name } (nazwa nie jest poprawnym UTF-8)
rename = Zmień nazwę
delete = Usuń
delete-title = Usuń pliki
delete-confirm = Usunąć je trwale? Katalogi zostaną usunięte wraz z całą zawartością.
name-placeholder = Nazwa
hostkey-alarm-title = Ostrzeżenie: tożsamość serwera się zmieniła
hostkey-alarm-body = Klucz, którym ten serwer potwierdził swoją tożsamość, nie jest tym, który zapisano przy pierwszym połączeniu. Ktoś może przechwytywać połączenie albo serwer został ponownie zainstalowany. Ferry nie nawiązał połączenia i niczego nie wysłał. Zanim przejdziesz dalej, zapytaj administratora serwera, czy klucz został zmieniony.
hostkey-alarm-fix = Jeśli administrator potwierdzi zmianę, usuń stary klucz tym poleceniem, a następnie połącz się ponownie, aby sprawdzić nowy odcisk klucza:
copy-command = Kopiuj polecenie
pick-upload = Wyślij pliki…
pick-download = Pobierz do…
pick-upload-title = Wyślij na serwer
pick-download-title = Pobierz do tego katalogu
select-to-download = Najpierw zaznacz pliki na serwerze, potem wybierz, dokąd mają trafić
no-file-dialog = W tym środowisku nie ma okna wyboru plików (wymaga ono xdg-desktop-portal lub zenity). Zamiast tego przeciągnij pliki z menedżera plików do okna.
queue-empty = Nic nie czeka: skopiowane pliki są w zakładce Zakończone, problemy w zakładce Nieudane

## Saved sites
sites-title = Witryny
sites-button = Witryny…
sites-empty = Brak zapisanych witryn: naciśnij Nowa witryna albo zaimportuj je z OpenSSH lub programu FileZilla
sites-pick = Zapisane witryny
site-none = Wybierz witrynę po lewej lub utwórz nową
site-new = Nowa witryna
site-new-name = Nowa witryna
site-duplicate = Duplikuj
site-copy = { $name } (kopia)
site-name = Nazwa
site-name-hint = Mój serwer
site-folder = Katalog
site-folder-hint = Praca/WWW (opcjonalnie)
site-host = Host
site-host-hint = example.org lub 192.0.2.10
site-port = Port
site-user = Użytkownik
site-user-hint = twój login (puste: twoja nazwa lokalna)
site-auth = Logowanie przez
auth-agent = Agent SSH / domyślne klucze
auth-key = Plik klucza
auth-password = Hasło
auth-interactive = Interaktywne (kody 2FA)
site-key = Plik klucza
browse = Przeglądaj…
site-password = Hasło
site-passphrase = Hasło klucza
site-password-hint = wpisz, aby zapisać w systemowym magazynie haseł (puste: zachowaj / pytaj)
site-jump = Hosty pośrednie
site-jump-hint = user@bastion:22, kolejne po przecinkach (puste: bezpośrednio)
site-proxy = Proxy
site-proxy-hint = socks5://[user@]host:1080 lub http://[user@]host:8080 (puste: brak; hasło jest pytane)
site-proxy-command = Polecenie proxy
site-proxy-command-hint = ssh -W %h:%p gate (%h host, %p port, %r użytkownik; puste: brak)
site-remote-dir = Katalog zdalny
site-remote-hint = /var/www lub ~/logs (puste: katalog domowy)
site-local-dir = Katalog lokalny
site-local-hint = gdzie otwiera się lewy panel (opcjonalnie)
site-max = Pliki równolegle
site-max-hint = 1-32 (puste: 32)
site-verify = Sumy kontrolne
site-verify-label = Sprawdzaj każdy plik po skopiowaniu najsilniejszą sumą kontrolną, jaką oferuje serwer
site-exec-copy = Kopie na serwerze
site-exec-copy-label = Gdy serwer nie ma rozszerzenia kopiowania, uruchom na nim cp -p (polecenie na serwerze)
site-notes = Notatki
site-bad-port = Port musi być liczbą od 1 do 65535
site-bad-max = Liczba plików równolegle musi wynosić od 1 do 32
site-saved = Zapisano
site-saved-no-password = Zapisano, ale hasło NIE zostało zachowane: { $error }
site-imported = Zaimportowano
site-import-ssh = Importuj ~/.ssh/config
site-import-filezilla = Importuj z FileZilla…
site-no-ssh-config = Brak pliku ~/.ssh/config do zaimportowania
site-pick-key = Wybierz klucz prywatny
site-pick-filezilla = Wybierz plik sitemanager.xml programu FileZilla
save = Zapisz
site-test = Testuj
site-testing = Testowanie…
site-test-ok = Działa: zalogowano jako { $who }
remember-password = Zapamiętaj w systemowym magazynie haseł
remember-failed = Połączono, ale hasło nie zostało zapamiętane: { $error }
offer-import = Znaleziono witryny w konfiguracji OpenSSH lub w programie FileZilla: otwórz Witryny… i naciśnij Importuj, aby je przenieść (hasła trafią do systemowego magazynu haseł).

## Transfer panel
tab-queue = Kolejka ({ $count })
tab-failed = Nieudane ({ $count })
tab-finished = Zakończone ({ $count })
tab-log = Dziennik ({ $count })
pause-all = Wstrzymaj wszystko
resume-all = Wznów wszystko
cancel-all = Anuluj wszystko
retry = Ponów
retry-all = Ponów wszystko
clear = Wyczyść
no-finished = Tutaj pojawiają się zakończone transfery
no-failed = Brak nieudanych transferów
no-log = Tutaj są zapisywane połączenia, transfery i błędy
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · pozostało { $eta } · { $files }
job-files = { $done }/{ $count ->
    [one] { $count } plik
    [few] { $count } pliki
    [many] { $count } plików
   *[other] { $count } pliku
}
job-failed-files = { $count ->
    [one] Niepowodzenie ({ $count } plik)
    [few] Niepowodzenie ({ $count } pliki)
    [many] Niepowodzenie ({ $count } plików)
   *[other] Niepowodzenie ({ $count } pliku)
}
log-queued = { $direction ->
    [upload] Wysyłanie
   *[download] Pobieranie
}: { $name } → { $dest }
log-resumed-at = { $name }: wznowiono od { $offset }
log-resuming-saved = Wznawianie niedokończonego transferu z poprzedniej sesji: { $name }
log-queue-unsaved = Nie udało się zapisać kolejki transferów ({ $error }); ten transfer nie zostanie wznowiony po ponownym uruchomieniu.
log-saved-waiting = { $count ->
        [one] Niedokończony transfer z poprzedniej sesji zostanie wznowiony po połączeniu z { $server }.
        [few] { $count } niedokończone transfery z poprzedniej sesji zostaną wznowione po połączeniu z { $server }.
        [many] { $count } niedokończonych transferów z poprzedniej sesji zostanie wznowionych po połączeniu z { $server }.
       *[other] { $count } niedokończonego transferu z poprzedniej sesji zostanie wznowione po połączeniu z { $server }.
    }
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst } (suma kontrolna zgodna, { $algo })
log-skipped = Pominięto { $name }: { $reason }
skip-folder = to folder
skip-not-a-file = to nie jest zwykły plik
skip-folder-link = to dowiązanie do folderu ({ $target }); dowiązania do folderów nie są śledzone
skip-broken-link = to uszkodzone lub nieczytelne dowiązanie
skip-link-loop = to dowiązanie do już skopiowanego folderu (pętla)
skip-exists = cel już istnieje
skip-not-newer = cel jest równie nowy lub nowszy
note-no-more-connections = Nie udało się otworzyć kolejnego połączenia ({ $error }); praca trwa przez otwarte połączenia
note-reconnecting = Utracono połączenie podczas kopiowania { $name } ({ $why }); ponowne łączenie…
note-grew = { $name } urósł podczas kopiowania ({ $listed } na liście, skopiowano { $copied })
note-duplicate-names = Nazwy, które serwer wymienił w { $folder } więcej niż raz: { $names } (łącznie: { $count }); skopiowano pierwszy wpis każdej, powtórzenia pominięto
note-more-refused = Odrzucone nazwy w { $folder }: łącznie { $count } (wymieniono pierwsze)
note-mtime-not-kept = Nie udało się zachować czasu modyfikacji { $name }: { $error }
note-permissions-not-set = Nie udało się ustawić uprawnień { $name }: { $error }
note-no-checksums = { $host } nie potrafi obliczać sum kontrolnych (brak sha256sum przez SSH): sprawdzono rozmiary, nie zawartość
log-cancelled = { $name }: anulowano
log-job-done = { $name }: skopiowano { $count ->
    [one] { $count } plik
    [few] { $count } pliki
    [many] { $count } plików
   *[other] { $count } pliku
}, { $size }, { $seconds } s
log-connected = Połączono z { $address }
log-disconnected = Rozłączono z { $address }
log-connect-failed = Nie udało się połączyć z { $address }: { $error }
conflict-title = Plik już istnieje
conflict-body = Co zrobić z plikiem, który już tam jest?
conflict-existing = Istniejący:
conflict-new = Kopiowany:
conflict-source-newer = Kopiowany plik jest nowszy.
conflict-target-newer = Istniejący plik jest nowszy.
conflict-overwrite = Nadpisz
conflict-if-newer = Nadpisz, jeśli nowszy
conflict-resume = Wznów
conflict-rename = Zachowaj oba
conflict-skip = Pomiń
conflict-apply-all = Zrób tak przy każdym konflikcie w tym transferze
drop-hint = { $what } (upuść na drugim panelu lub na katalogu)
menu-open = Otwórz
menu-upload = Wyślij
menu-download = Pobierz
menu-rename = Zmień nazwę…
menu-delete = Usuń…
menu-permissions = Uprawnienia…
menu-copy-path = Kopiuj ścieżkę
menu-properties = Właściwości
permissions-title = Uprawnienia
perm-read = Odczyt
perm-write = Zapis
perm-exec = Wykonywanie
perm-owner = Właściciel
perm-group = Grupa
perm-others = Pozostali
perm-octal = Ósemkowo
perm-recursive = Również cała zawartość katalogów (dowiązania są pomijane)
properties-title = Właściwości
close = Zamknij
size-with-bytes = { $size } ({ $bytes } B)
and-more = … i jeszcze { $count }
names-and-more = { $names } … i jeszcze { $count }
kind-folder = Katalog
kind-file = Plik
kind-link = Dowiązanie symboliczne
kind-other = Plik specjalny
prop-name = Nazwa
prop-path = Ścieżka
prop-kind = Rodzaj
prop-group = Grupa
prop-target = Wskazuje na

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = Nie można znaleźć hosta „{ $host }”: sprawdź nazwę lub DNS swojej sieci ({ $detail }).
err-refused = Połączenie z { $addr } zostało odrzucone: na tym porcie nie nasłuchuje żaden serwer SSH albo odrzuca je zapora.
err-timeout = Przekroczono limit czasu ({ $what }) po { $secs } s: host może być wyłączony albo zapora odrzuca ruch.
err-unreachable = Host { $host } jest nieosiągalny: { $detail }.
err-hostkey-unknown = Serwer „{ $host }” nie jest jeszcze znany: odcisk jego klucza { $key_type } to { $fingerprint }. Połącz się ponownie, aby go sprawdzić i zaakceptować.
err-hostkey-changed = OSTRZEŻENIE: klucz hosta { $key_type } serwera „{ $host }” ZMIENIŁ SIĘ (teraz { $fingerprint }). Ktoś może przechwytywać połączenie albo serwer został ponownie zainstalowany. Ferry odmawia połączenia. Jeśli wiesz, że zmiana jest uprawniona, usuń stary klucz z pliku { $file }, wiersz { $line }.
err-hostkey-other-type = OSTRZEŻENIE: „{ $host }” przedstawia teraz klucz hosta { $offered }, ale zapisano dla niego klucz { $recorded } ({ $file }, wiersz { $line }). Ferry odmawia połączenia. Jeśli zmiana jest uprawniona, usuń stary wpis.
err-hostkey-revoked = Klucz hosta „{ $host }” jest oznaczony jako unieważniony w pliku { $file }, wiersz { $line }: odmowa połączenia.
err-through-jump = Przez host pośredni { $hop }: { $error }
err-forward-refused = Host pośredni { $hop } odmówił otwarcia połączenia z { $target } ({ $reason }): jego serwer SSH może nie zezwalać na przekazywanie (AllowTcpForwarding) lub nie może osiągnąć tego adresu.
err-proxy-unreachable = Nie można użyć serwera proxy { $proxy } ({ $detail }): sprawdź jego adres i port oraz czy działa.
err-proxy-auth = Serwer proxy { $proxy } wymaga nazwy użytkownika i hasła ({ $detail }): sprawdź użytkownika w adresie proxy i jego hasło.
err-proxy-refused = Serwer proxy { $proxy } odmówił połączenia z { $target } ({ $reason }): może nie zezwalać na ten adres lub port albo nie może ich osiągnąć.
err-proxy-command-ended = Polecenie proxy „{ $command }” zakończyło się przed rozpoczęciem sesji SSH ({ $detail }): sprawdź, czy się uruchamia i dociera do serwera.
err-proxy-command-invalid = Nie można użyć polecenia proxy „{ $command }”: { $reason }.
err-proxy-command-unsafe-name = Nazwa „{ $name }” zawiera znaki, które powłoka by zinterpretowała, więc nie zostaje wstawiona do polecenia proxy: sprawdź adres.
err-known-hosts = Nie można odczytać ani zapisać znanych hostów: { $detail }.
err-hostkey-changed-in-session = OSTRZEŻENIE: „{ $host }” przedstawia teraz klucz hosta { $key_type } { $fingerprint }, a nie klucz { $accepted } zaakceptowany na tę sesję. Ktoś może przechwytywać połączenie. Ferry odmawia połączenia.
err-login-needs-person = Ponowne logowanie do { $user }@{ $host } wymaga odpowiedzi, których może udzielić tylko człowiek (np. kodu jednorazowego), a żadna nie została przyjęta. Połącz się ponownie, aby kontynuować.
err-auth = Logowanie jako { $user }@{ $host } nie powiodło się (próbowano: { $tried }). Sprawdź nazwę użytkownika, klucz lub hasło.
err-auth-nothing = Logowanie jako { $user }@{ $host } nie powiodło się: serwer nie akceptuje żadnej z metod logowania, których może użyć Ferry. Sprawdź nazwę użytkownika, klucz lub hasło.
err-key-file = Nie można użyć pliku klucza { $path }: { $detail }.
err-permission-local = Odmowa dostępu na dysku lokalnym: { $path }. Sprawdź uprawnienia folderu albo wybierz inny folder.
err-permission-remote = Odmowa dostępu na serwerze: { $path }. Twoje konto na serwerze nie może tego czytać ani zapisywać; wybierz inny folder albo zapytaj administratora serwera.
err-not-found = Nie ma takiego pliku ani katalogu: { $path }.
err-exists = { $path } już istnieje.
err-disk-full-local = Brak miejsca na dysku lokalnym ({ $path }): zwolnij trochę miejsca i spróbuj ponownie.
err-disk-full-remote = Brak miejsca na serwerze ({ $path }): zwolnij trochę miejsca i spróbuj ponownie.
err-connection-lost = Utracono połączenie: { $detail }. Połącz się ponownie, aby kontynuować.
err-unsupported = Serwer nie obsługuje: { $what }.
err-unsafe-name = Odrzucono nazwę „{ $name }” przesłaną przez serwer: { $why } nie jest bezpieczną nazwą pliku.
err-inexact-name = „{ $name }” nie jest poprawnym UTF-8 i nie można dokładnie wskazać tej nazwy przez to połączenie; zmień ją na serwerze.
err-listing-too-large = Katalog { $path } zawiera ponad { $cap } wpisów (limit listowania); użyj filtra.
err-listing-too-big = Listowanie { $path } zatrzymano przy { $mib } MiB — tyle pamięci może zająć lista: serwer wysłał więcej, niż mieści katalog, albo zbyt długie nazwy; użyj filtra.
err-listing-too-slow = Listowanie { $path } zatrzymano po { $secs } s — tyle może trwać lista: serwer jest zbyt wolny albo nigdy nie kończy listy; spróbuj ponownie lub użyj filtra.
err-invalid-url = Nieprawidłowy adres „{ $input }”: { $reason }.
err-failure = Serwer nie mógł ukończyć operacji na { $path }: { $message }.
err-io = { $path }: { $detail }.
err-protocol = Błąd SSH: { $detail }.
err-size-changed = Rozmiar pliku { $path } zmienił się podczas kopiowania (oczekiwano { $expected } B, otrzymano { $got }); spróbuj ponownie, gdy plik nie będzie już zapisywany.
err-checksum = Niezgodna suma kontrolna dla { $path }: lokalnie { $local }, na serwerze { $remote }. Kopia jest uszkodzona i nie została umieszczona w miejscu docelowym.
err-unsafe-destination = Odmowa zapisu { $path }: { $why }.
err-not-a-prefix = Nie wznowiono { $path }: to nie jest początek kopiowanego pliku (źródło się zmieniło albo to inny plik). Nadpisz go lub przenieś.
err-not-a-file = { $path } nie jest plikiem (to folder lub plik specjalny): edytować można tylko pliki.
err-no-free-name = Nie można zachować obu kopii { $path }: wszystkie nazwy do „({ $tries })” są zajęte; niczego nie nadpisano. Przenieś część z nich lub wybierz inną opcję.
err-keyring-unavailable = Systemowy magazyn haseł jest niedostępny ({ $why }): Ferry będzie pytać o hasło za każdym razem i nigdy nie zapisze go w pliku.
err-keyring = Systemowy magazyn haseł odrzucił żądanie: { $detail }.
err-agent = ssh-agent nie mógł przyjąć klucza: { $detail }.
err-no-sftp = { $host } nie udostępnia SFTP: odrzucił podsystem sftp (w jego sshd_config może brakować wiersza Subsystem sftp albo konto pozwala tylko na powłokę). Poproś administratora o włączenie SFTP.
err-job-busy = Zadanie przesyłania { $id } jest wykonywane przez inny Ferry (okno lub polecenie ferry); zostaje pozostawione jemu.
err-sites-corrupt = Nie można odczytać pliku witryn { $path } ({ $detail }); zachowano go jako { $backup } i niczego nie nadpisano. Popraw go lub usuń, a następnie spróbuj ponownie.
err-sites-newer = Plik witryn { $path } ma wersję { $version }, zapisaną przez nowszą wersję Ferry; zaktualizuj Ferry, aby go używać.
err-unknown-site = Nie ma zapisanej witryny o nazwie „{ $name }”.
err-ambiguous-site = Istnieje więcej niż jedna zapisana witryna o nazwie „{ $name }”: wybierz jedną z { $candidates }.
err-site-exists = Witryna o nazwie „{ $name }” już istnieje w tym katalogu; wybierz inną nazwę.
err-invalid-site = Nieprawidłowa witryna: { $reason }.
err-import = Nie można zaimportować { $path }: { $detail }.
err-too-many-deletes = Synchronizacja usunęłaby { $count } z { $total } plików w { $path }, ponad połowę, więc niczego nie zmieniono. Sprawdź, czy to właściwe foldery, albo zezwól na tyle usunięć.
err-delete-limit = Synchronizacja usunęłaby { $count } plików w { $path }, więcej niż dozwolone { $allowed }, więc niczego nie zmieniono.
err-cancelled = Anulowano.
err-internal = Błąd wewnętrzny: { $detail }. To błąd w programie Ferry; zgłoś go i uruchom Ferry ponownie, aby kontynuować.

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
format-date-time = { $day }.{ $month }.{ $year } { $hour }:{ $minute }
format-date-time-seconds = { $day }.{ $month }.{ $year } { $hour }:{ $minute }:{ $second }
format-duration-seconds = { $s } s
format-duration-minutes = { $m } min { $s } s
format-duration-hours = { $h } godz. { $m } min

## Settings
settings-button = Ustawienia
settings-title = Ustawienia
settings-language = Język
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = Systemowy ({ $language })
settings-language-note = Nowy język obowiązuje od razu. Wiersze, które już są w Dzienniku, pozostają w pierwotnej postaci.
settings-theme = Motyw
settings-theme-system = Systemowy
settings-theme-light = Jasny
settings-theme-dark = Ciemny
settings-limit = Limit prędkości
settings-limit-none = Brak (np. 2M)
settings-limit-note = Bajty na sekundę dla wszystkich transferów: 500K, 2M, 1.5M; puste: bez limitu. Zmiana działa od razu, także na trwające transfery.
settings-limit-bad = „{ $text }” nie jest prędkością taką jak 500K, 2M czy 1.5M; obowiązuje poprzedni limit.
settings-not-saved = Ustawienie już obowiązuje, ale nie udało się go zapisać: { $error }
settings-tab-general = Ogólne
settings-tab-keys = Klucze

## Settings → Keys
keys-create = Utwórz klucz…
keys-refresh = Odśwież
keys-agent = ssh-agent
keys-none = Brak kluczy w { $folder } i w ssh-agent. Utwórz klucz, aby logować się bez hasła.
keys-unreadable = Nie można odczytać: { $reason }
keys-copy = Kopiuj klucz publiczny
keys-show = Pokaż
keys-hide = Ukryj
keys-protected = chroniony hasłem
keys-unprotected = bez hasła
keys-new-title = Nowy klucz
keys-type = Typ
keys-type-ed25519 = Ed25519 (zalecany)
keys-type-ecdsa = ECDSA (256 bitów)
keys-type-rsa = RSA ({ $bits } bitów)
keys-passphrase = Hasło klucza
keys-passphrase-again = Powtórz hasło
keys-no-passphrase-warning = Bez hasła każdy, kto zdobędzie ten plik, może użyć klucza. Zalecamy ustawienie hasła.
keys-file = Plik
keys-create-button = Utwórz
keys-creating = Tworzenie…
keys-passphrases-differ = Oba hasła nie są takie same.
keys-file-needed = Podaj nazwę pliku klucza.
keys-created = Utworzono klucz: { $path }. Jego odcisk i randomart:

# Set up key login… (gui/keylogin)
keylogin-title = Skonfiguruj logowanie kluczem dla { $server }
keylogin-intro = Ferry dodaje klucz publiczny do ~/.ssh/authorized_keys na serwerze, a potem sprawdza, czy sam klucz pozwala się zalogować, bez hasła.
keylogin-key = Klucz
keylogin-agent-key = w ssh-agent
keylogin-new = Nowy klucz Ed25519
keylogin-passphrase = Hasło klucza
keylogin-add-to-agent = Dodaj nowy klucz do działającego ssh-agent na czas tej sesji
keylogin-install = Zainstaluj na { $server }
keylogin-working = Umieszczanie klucza na serwerze i sprawdzanie logowania…
keylogin-added = Dodano klucz do { $file } na { $server }.
keylogin-already = Klucz jest już w { $file } na { $server }; nic nie zapisano.
keylogin-works = Logowanie kluczem działa: od teraz hasło nie jest potrzebne.
keylogin-refused = Klucz jest na serwerze, ale { $server } nadal go odrzuca: serwer może czytać klucze z innego pliku (AuthorizedKeysFile w sshd_config) albo uważać uprawnienia katalogu domowego za zbyt szerokie (StrictModes). Zapytaj jego administratora.
keylogin-use-for-site = Loguj do witryny „{ $site }” tym kluczem
keylogin-save-site = Zapisz { $server } jako witrynę logującą się tym kluczem
keylogin-forget-password = Usuń hasło witryny z pęku kluczy
keylogin-keep-passphrase = Zachowaj hasło klucza w pęku kluczy (inaczej jest pytane raz na sesję)
keylogin-apply = Zastosuj
keylogin-site-switched = Witryna loguje się teraz kluczem.
keylogin-password-removed = Hasło witryny usunięto z pęku kluczy.
keylogin-passphrase-kept = Hasło klucza jest w pęku kluczy.
keylogin-choose = Wybierz klucz.
keylogin-no-public = Ferry nie może odczytać publicznej części tego klucza: umieść obok jego plik .pub.
keylogin-passphrase-needed = Wpisz hasło klucza: logowanie jest nim sprawdzane.
keylogin-not-connected = Najpierw połącz się z serwerem: klucz jest tam umieszczany przez to połączenie.
keylogin-menu-setup = Skonfiguruj logowanie kluczem…
menu-copy-address = Kopiuj adres
connection-menu = Połączenie
sites-key-login = Skonfiguruj logowanie kluczem…
site-keys-found = Znalezione klucze
site-keys-pick = Wybierz jeden ze swoich kluczy
site-agent-key = Klucz agenta
site-agent-any = Dowolny klucz agenta
site-agent-key-gone = { $fingerprint } (obecnie nie ma go w agencie)
site-save-first = Najpierw zapisz witrynę.

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = Duplikuj
menu-copy = Kopiuj
menu-paste = Wklej
menu-new-link = Nowe dowiązanie…
copy-suffix = kopia
link-suffix = dowiązanie
link-title = Nowe dowiązanie
link-name = Nazwa dowiązania
link-target = Wskazuje na (ścieżka na serwerze; dowiązanie symboliczne może być względne)
link-hard = Dowiązanie twarde (ten sam plik pod drugą nazwą; nie między systemami plików)
link-hard-local = dowiązania twarde na tym komputerze (utwórz je w menedżerze plików)
paste-other-server = Skopiowane pliki są na innym serwerze: skopiuj je tutaj jeszcze raz.
log-server-copy = Skopiowano na serwerze plików: { $files } ({ $ways }).
drag-copy = { $dest } (kopia)
copy-way-streamed = odczytane i zapisane z powrotem przez Ferry

## Edycja pliku na serwerze (Edytuj, F4)
menu-edit = Edytuj
confirm-quit-title = Zakończyć, choć zmiany nie trafiły na serwer?
confirm-quit-body = Zapis edytowanego pliku nie dotarł na serwer. Jego kopia zostaje zachowana, a Ferry przy następnym uruchomieniu zaproponuje jej wysłanie.
confirm-quit = Zakończ
edit-connect-to = Połącz się z { $server }, aby wysłać tę zmianę.
edit-editor-unreadable = Nie można odczytać polecenia edytora „{ $editor }” (niezamknięty cudzysłów?). Popraw je w Ustawieniach → Edycja.
edit-cannot-start = Nie można uruchomić „{ $editor }”: { $error }. Wybierz inny edytor w Ustawieniach → Edycja.
edit-leftovers = { $count ->
    [one] Zmiana z poprzedniej sesji nie dotarła na serwer: jest na liście „Edytowane”, do wysłania lub odrzucenia.
    [few] { $count } zmiany z poprzedniej sesji nie dotarły na serwer: są na liście „Edytowane”, do wysłania lub odrzucenia.
    [many] { $count } zmian z poprzedniej sesji nie dotarło na serwer: są na liście „Edytowane”, do wysłania lub odrzucenia.
   *[other] { $count } zmiany z poprzedniej sesji nie dotarło na serwer: są na liście „Edytowane”, do wysłania lub odrzucenia.
}
edit-read-only = Nie możesz zapisywać { $name } na serwerze: plik otwiera się tylko do odczytu, a zapisy nie są wysyłane.
edit-not-uploaded = Nie wysłano { $name }: { $error }. Przy następnym zapisie nastąpi ponowna próba.
edit-state-opening = Otwieranie…
edit-state-asking = Oczekiwanie na twoją odpowiedź
edit-state-watching = Oczekiwanie na zapisy
edit-state-read-only = Tylko do odczytu: zapisy nie są wysyłane
edit-state-uploading = Wysyłanie…
edit-state-uploaded = Wysłano { $at }
edit-state-conflict = Zmieniono na serwerze: nie wysłano
edit-state-failed = Nie wysłano: { $error }
edit-state-not-uploaded = Nie ma na serwerze (z poprzedniej sesji)
edit-upload = Wyślij
edit-discard = Odrzuć
edit-resolve = Rozwiąż…
edit-open-again = Otwórz
edit-stop = Zakończ edycję
edit-list-title = Edytowane ({ $count })
edit-ask-large = { $name } ma { $size }. Edytować mimo to?
edit-ask-binary = { $name } wygląda na plik binarny. Edytować mimo to?
edit-anyway = Edytuj mimo to
edit-conflict-title = Plik { $name } zmienił się na serwerze
edit-conflict-body = Ktoś zmienił plik { $name } na { $server } od czasu jego otwarcia. Twój zapis nie został wysłany, a kopia na serwerze pozostała nietknięta.
edit-overwrite = Nadpisz ich wersję
edit-keep-both = Zapisz moją obok
edit-discard-mine = Odrzuć moją
edit-later = Zdecyduj później
settings-tab-editing = Edycja
settings-editor = Edytor
settings-editor-default-app = Domyślna aplikacja dla typu pliku
settings-editor-note = Polecenie, np. „code --wait” lub „gedit”: zostanie do niego dodana ścieżka pliku. Puste: aplikacja, w której system otwiera pliki tego typu.
settings-editor-by-extension = Według rozszerzenia
settings-editor-command = Polecenie
settings-editor-add = Dodaj rozszerzenie
settings-double-click-edits = Dwukrotne kliknięcie pliku tekstowego na serwerze otwiera go do edycji (zamiast go pobierać)
