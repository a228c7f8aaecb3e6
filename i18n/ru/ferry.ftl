# Ferry's English text: complete, and the fallback for every other language.
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: `{ $count -> [one] … *[other] … }`; give the forms your language
# uses (see i18n/README.md). Messages starting with format- set how sizes and dates are written.

## Main window

app-title = Ferry
local = Компьютер
remote = Сервер
quick-connect-placeholder = пользователь@хост:порт или sftp://…
connect = Подключиться
disconnect = Отключиться
connecting-to = Подключение к { $address }…
not-connected = Нет подключения
connected-as = Подключено как { $who }
connected = Подключено
reconnecting-to = Соединение потеряно, повторное подключение к { $address }…
confirm-disconnect-title = Отключиться от { $address }?
confirm-break-title = Разорвать текущее соединение?
confirm-break-body = Подключение к { $next } закроет соединение с { $address }.
confirm-running = { $count ->
    [one] Выполняется { $count } передача: она будет отменена.
    [few] Выполняются { $count } передачи: они будут отменены.
    [many] Выполняется { $count } передач: они будут отменены.
   *[other] Выполняется { $count } передачи: они будут отменены.
}
confirm-editing = { $count ->
    [one] Редактируется { $count } файл: последующие сохранения не будут загружены, а то, чего ещё нет на сервере, останется в списке «Редактируемые».
    [few] Редактируются { $count } файла: последующие сохранения не будут загружены, а то, чего ещё нет на сервере, останется в списке «Редактируемые».
    [many] Редактируется { $count } файлов: последующие сохранения не будут загружены, а то, чего ещё нет на сервере, останется в списке «Редактируемые».
   *[other] Редактируется { $count } файла: последующие сохранения не будут загружены, а то, чего ещё нет на сервере, останется в списке «Редактируемые».
}
up = Вверх
home = Домой
refresh = Обновить
new-folder = Новая папка
show-hidden = Скрытые
filter-placeholder = Фильтр: *.log
col-name = Имя
col-size = Размер
col-modified = Изменён
col-perms = Права
col-owner = Владелец
loading = Загрузка…
empty-folder = Папка пуста
connect-first = Подключитесь к серверу, чтобы увидеть его файлы
upload = Загрузить →
download = ← Скачать
status-free = { $status } — свободно { $size }
items = { $count ->
    [one] { $count } элемент
    [few] { $count } элемента
    [many] { $count } элементов
   *[other] { $count } элемента
}
hostkey-fingerprint = Отпечаток ключа { $key_type }:
unsafe-names-hidden = { $status } — { $count ->
    [one] скрыто { $count } имя (небезопасно как имя файла)
    [few] скрыто { $count } имени (небезопасны как имена файлов)
    [many] скрыто { $count } имён (небезопасны как имена файлов)
   *[other] скрыто { $count } имени (небезопасны как имена файлов)
}
items-selected = { $items }, выбрано { $count }
listing-cut-shown = Показана только часть этой папки. { $reason }

## Transfers
no-transfers = Передач пока нет: выберите файлы и нажмите «Загрузить» или «Скачать» либо дважды щёлкните файл
pause = Пауза
resume = Продолжить
cancel = Отмена
clear-finished = Убрать завершённые
done = Готово
cancelled = Отменено
running = Выполняется
paused = Приостановлено

## Dialogs
hostkey-title = Неизвестный сервер
hostkey-body = Ferry ещё ни разу не подключался к этому серверу. Убедитесь, что отпечаток совпадает с тем, который вам сообщил администратор.
hostkey-accept-once = Подключиться однократно
hostkey-accept-save = Доверять и подключиться
password-title = Пароль
proxy-password-title = Пароль прокси
proxy-password-subject = { $user } на прокси { $proxy }
passphrase-title = Парольная фраза ключа
interactive-title = Запрос сервера
ok = ОК
dismiss = Скрыть
name-not-exact = { $name } (имя не в кодировке UTF-8)
rename = Переименовать
delete = Удалить
delete-title = Удаление файлов
delete-confirm = Удалить их безвозвратно? Папки удаляются вместе со всем содержимым.
name-placeholder = Имя
hostkey-alarm-title = Внимание: ключ сервера изменился
hostkey-alarm-body = Ключ, которым этот сервер подтвердил свою подлинность, не совпадает с ключом, записанным при первом подключении. Возможно, кто-то перехватывает соединение, или сервер был переустановлен. Ferry не стал подключаться и ничего не отправил. Прежде чем продолжить, спросите администратора сервера, менялся ли ключ.
hostkey-alarm-fix = Если администратор подтвердит изменение, удалите старый ключ этой командой, затем подключитесь снова и проверьте новый отпечаток:
copy-command = Копировать команду
pick-upload = Загрузить файлы…
pick-download = Скачать в…
pick-upload-title = Загрузка на сервер
pick-download-title = Скачать в эту папку
select-to-download = Сначала выберите файлы на сервере, затем укажите, куда их сохранить
no-file-dialog = В этой среде нет диалога выбора файлов (нужен xdg-desktop-portal или zenity). Вместо этого перетащите файлы в окно из файлового менеджера.
queue-empty = Очередь пуста: скопированное — на вкладке «Завершённые», ошибки — на вкладке «Неудачные»

## Saved sites
sites-title = Сайты
sites-button = Сайты…
sites-empty = Сохранённых сайтов пока нет: нажмите «Новый сайт» или импортируйте их из OpenSSH или FileZilla
sites-pick = Сохранённые сайты
site-none = Выберите сайт слева или создайте новый
site-new = Новый сайт
site-new-name = Новый сайт
site-duplicate = Дублировать
site-copy = { $name } (копия)
site-name = Название
site-name-hint = Мой сервер
site-folder = Папка
site-folder-hint = Работа/Веб (необязательно)
site-host = Хост
site-host-hint = example.org или 192.0.2.10
site-port = Порт
site-user = Пользователь
site-user-hint = ваш логин (пусто — локальное имя пользователя)
site-auth = Способ входа
auth-agent = SSH-агент / ключи по умолчанию
auth-key = Файл ключа
auth-password = Пароль
auth-interactive = Интерактивный (коды 2FA)
site-key = Файл ключа
browse = Обзор…
site-password = Пароль
site-passphrase = Парольная фраза ключа
site-password-hint = введите, чтобы сохранить в хранилище паролей ОС (пусто — оставить прежний / спрашивать)
site-jump = Промежуточные хосты
site-jump-hint = user@bastion:22, другие через запятую (пусто: напрямую)
site-proxy = Прокси
site-proxy-hint = socks5://[user@]host:1080 или http://[user@]host:8080 (пусто: без прокси; пароль будет запрошен)
site-proxy-command = Команда прокси
site-proxy-command-hint = ssh -W %h:%p gate (%h хост, %p порт, %r пользователь; пусто: нет)
site-remote-dir = Папка на сервере
site-remote-hint = /var/www или ~/logs (пусто — домашняя папка)
site-local-dir = Локальная папка
site-local-hint = папка, которая откроется в левой панели (необязательно)
site-max = Файлов одновременно
site-max-hint = 1–32 (пусто — 32)
site-verify = Контрольные суммы
site-verify-label = Проверять каждый файл после копирования самой стойкой контрольной суммой, какую даёт сервер
site-exec-copy = Копии на сервере
site-exec-copy-label = Если у сервера нет расширения копирования, запускать на нём cp -p (команда на сервере)
site-notes = Заметки
site-bad-port = Порт должен быть числом от 1 до 65535
site-bad-max = Число одновременно передаваемых файлов должно быть от 1 до 32
site-saved = Сохранено
site-saved-no-password = Сохранено, но пароль НЕ сохранён: { $error }
site-imported = Импортировано
site-import-ssh = Импорт ~/.ssh/config
site-import-filezilla = Импорт из FileZilla…
site-no-ssh-config = Файла ~/.ssh/config для импорта нет
site-pick-key = Выберите закрытый ключ
site-pick-filezilla = Выберите файл sitemanager.xml из FileZilla
save = Сохранить
site-test = Проверить
site-testing = Проверка…
site-test-ok = Работает: вход выполнен как { $who }
remember-password = Запомнить в хранилище паролей ОС
remember-failed = Подключено, но пароль не удалось запомнить: { $error }
offer-import = Найдены сайты в конфигурации OpenSSH или FileZilla: откройте «Сайты…» и нажмите «Импорт», чтобы перенести их (пароли попадут в хранилище паролей ОС).

## Transfer panel
tab-queue = Очередь ({ $count })
tab-failed = Неудачные ({ $count })
tab-finished = Завершённые ({ $count })
tab-log = Журнал ({ $count })
pause-all = Приостановить все
resume-all = Продолжить все
cancel-all = Отменить все
retry = Повторить
retry-all = Повторить все
clear = Очистить
no-finished = Здесь появятся завершённые передачи
no-failed = Неудачных передач нет
no-log = Здесь записываются подключения, передачи и ошибки
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · осталось { $eta } · { $files }
job-files = { $done }/{ $count ->
    [one] { $count } файл
    [few] { $count } файла
    [many] { $count } файлов
   *[other] { $count } файла
}
job-failed-files = { $count ->
    [one] Ошибка ({ $count } файл)
    [few] Ошибка ({ $count } файла)
    [many] Ошибка ({ $count } файлов)
   *[other] Ошибка ({ $count } файла)
}
log-queued = { $direction ->
    [upload] Загрузка
   *[download] Скачивание
}: { $name } → { $dest }
log-resumed-at = { $name }: продолжение с { $offset }
log-resuming-saved = Продолжается незавершённая с прошлого раза передача: { $name }
log-queue-unsaved = Не удалось сохранить очередь передач ({ $error }); после перезапуска эта передача не продолжится.
log-saved-waiting = { $count ->
        [one] { $count } незавершённая с прошлого раза передача продолжится, когда вы подключитесь к { $server }.
        [few] { $count } незавершённые с прошлого раза передачи продолжатся, когда вы подключитесь к { $server }.
        [many] { $count } незавершённых с прошлого раза передач продолжатся, когда вы подключитесь к { $server }.
       *[other] { $count } незавершённой с прошлого раза передачи продолжатся, когда вы подключитесь к { $server }.
    }
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst } (контрольная сумма совпала, { $algo })
log-skipped = Пропущено: { $name } — { $reason }
skip-folder = это папка
skip-not-a-file = это не обычный файл
skip-folder-link = это ссылка на папку ({ $target }); ссылки на папки не раскрываются
skip-broken-link = это битая или нечитаемая ссылка
skip-link-loop = это ссылка на уже скопированную папку (цикл)
skip-exists = файл назначения уже существует
skip-not-newer = файл назначения не старше исходного
note-no-more-connections = Не удалось открыть ещё одно соединение ({ $error }); работа продолжается через открытые
note-reconnecting = Соединение потеряно при копировании { $name } ({ $why }); переподключение…
note-grew = { $name } вырос во время копирования (в списке { $listed }, скопировано { $copied })
note-duplicate-names = Имена, которые сервер перечислил в { $folder } несколько раз: { $names } (всего: { $count }); скопирован первый элемент каждого, повторы пропущены
note-more-refused = Отклонённые имена в { $folder }: всего { $count } (показаны первые)
note-mtime-not-kept = Не удалось сохранить время изменения { $name }: { $error }
note-permissions-not-set = Не удалось установить права { $name }: { $error }
note-no-checksums = { $host } не умеет считать контрольные суммы (нет sha256sum по SSH): размеры проверены, содержимое — нет
log-cancelled = { $name }: отменено
log-job-done = { $name }: { $count ->
    [one] скопирован { $count } файл
    [few] скопировано { $count } файла
    [many] скопировано { $count } файлов
   *[other] скопировано { $count } файла
}, { $size }, { $seconds } с
log-connected = Подключено к { $address }
log-disconnected = Отключено от { $address }
log-connect-failed = Не удалось подключиться к { $address }: { $error }
conflict-title = Файл уже существует
conflict-body = Что сделать с уже существующим файлом?
conflict-existing = Сейчас там:
conflict-new = Копируется:
conflict-source-newer = Копируемый файл новее.
conflict-target-newer = Существующий файл новее.
conflict-overwrite = Перезаписать
conflict-if-newer = Перезаписать, если новее
conflict-resume = Докачать
conflict-rename = Сохранить оба
conflict-skip = Пропустить
conflict-apply-all = Применить ко всем конфликтам в этой передаче
drop-hint = { $what } (перетащите на другую панель или на папку)
menu-open = Открыть
menu-upload = Загрузить на сервер
menu-download = Скачать
menu-rename = Переименовать…
menu-delete = Удалить…
menu-permissions = Права доступа…
menu-copy-path = Копировать путь
menu-properties = Свойства
permissions-title = Права доступа
perm-read = Чтение
perm-write = Запись
perm-exec = Выполнение
perm-owner = Владелец
perm-group = Группа
perm-others = Остальные
perm-octal = Восьмеричный код
perm-recursive = Применить и ко всему содержимому папок (ссылки пропускаются)
properties-title = Свойства
close = Закрыть
size-with-bytes = { $size } ({ $bytes ->
    [one] { $bytes } байт
    [few] { $bytes } байта
    [many] { $bytes } байт
   *[other] { $bytes } байта
})
and-more = … и ещё { $count }
names-and-more = { $names } … и ещё { $count }
kind-folder = Папка
kind-file = Файл
kind-link = Символическая ссылка
kind-other = Специальный файл
prop-name = Имя
prop-path = Путь
prop-kind = Тип
prop-group = Группа
prop-target = Указывает на

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = Не удаётся найти хост «{ $host }»: проверьте имя или DNS вашей сети ({ $detail }).
err-refused = { $addr } отклонил соединение: на этом порту не работает SSH-сервер, или его блокирует брандмауэр.
err-timeout = Превышено время ожидания ({ $what }, { $secs } с): возможно, хост выключен или брандмауэр отбрасывает трафик.
err-unreachable = Хост { $host } недоступен: { $detail }.
err-hostkey-unknown = Сервер «{ $host }» пока неизвестен: отпечаток его ключа { $key_type } — { $fingerprint }. Подключитесь снова, чтобы проверить и принять его.
err-hostkey-changed = ВНИМАНИЕ: ключ хоста { $key_type } сервера «{ $host }» ИЗМЕНИЛСЯ (теперь { $fingerprint }). Возможно, кто-то перехватывает соединение, или сервер был переустановлен. Ferry отказывается подключаться. Если вы знаете, что изменение правомерно, удалите старый ключ из { $file }, строка { $line }.
err-hostkey-other-type = ВНИМАНИЕ: «{ $host }» теперь предъявляет ключ хоста { $offered }, но для него записан ключ { $recorded } ({ $file }, строка { $line }). Ferry отказывается подключаться. Если изменение правомерно, удалите старую запись.
err-hostkey-revoked = Ключ хоста «{ $host }» отмечен как отозванный в { $file }, строка { $line }: в подключении отказано.
err-through-jump = Через промежуточный хост { $hop }: { $error }
err-forward-refused = Промежуточный хост { $hop } отказался открыть соединение с { $target } ({ $reason }): его SSH-сервер, возможно, не разрешает переадресацию (AllowTcpForwarding) или не может достичь этого адреса.
err-proxy-unreachable = Не удаётся использовать прокси { $proxy } ({ $detail }): проверьте его адрес и порт и что он запущен.
err-proxy-auth = Прокси { $proxy } требует имя пользователя и пароль ({ $detail }): проверьте пользователя в адресе прокси и его пароль.
err-proxy-refused = Прокси { $proxy } отказался подключаться к { $target } ({ $reason }): возможно, он не разрешает этот адрес или порт или не может до них достучаться.
err-proxy-command-ended = Команда прокси «{ $command }» завершилась до начала SSH-сеанса ({ $detail }): проверьте, что она запускается и достигает сервера.
err-proxy-command-invalid = Не удаётся использовать команду прокси «{ $command }»: { $reason }.
err-proxy-command-unsafe-name = Имя «{ $name }» содержит символы, которые оболочка истолкует по-своему, поэтому оно не подставляется в команду прокси: проверьте адрес.
err-known-hosts = Не удалось прочитать или записать список известных хостов: { $detail }.
err-hostkey-changed-in-session = ВНИМАНИЕ: «{ $host }» теперь предъявляет ключ хоста { $key_type } { $fingerprint }, а не ключ { $accepted }, принятый для этого сеанса. Возможно, кто-то перехватывает соединение. Ferry отказывается подключаться.
err-login-needs-person = Для повторного входа на { $user }@{ $host } нужны ответы, которые может дать только человек (например, одноразовый код), и ни один не был принят. Подключитесь заново, чтобы продолжить.
err-auth = Не удалось войти как { $user }@{ $host } (испробовано: { $tried }). Проверьте имя пользователя, ключ или пароль.
err-auth-nothing = Не удалось войти как { $user }@{ $host }: сервер не принимает ни один из способов входа, доступных Ferry. Проверьте имя пользователя, ключ или пароль.
err-key-file = Невозможно использовать файл ключа { $path }: { $detail }.
err-permission-local = Отказано в доступе на локальном диске: { $path }. Проверьте права на папку или выберите другую папку.
err-permission-remote = Отказано в доступе на сервере: { $path }. Ваша учётная запись там не может читать или записывать это; выберите другую папку или обратитесь к администратору сервера.
err-not-found = Нет такого файла или папки: { $path }.
err-exists = { $path } уже существует.
err-disk-full-local = На локальном диске закончилось место ({ $path }): освободите место и повторите попытку.
err-disk-full-remote = На сервере закончилось место ({ $path }): освободите место и повторите попытку.
err-connection-lost = Соединение потеряно: { $detail }. Подключитесь снова, чтобы продолжить.
err-unsupported = Сервер не поддерживает: { $what }.
err-unsafe-name = Имя «{ $name }», присланное сервером, отклонено как небезопасное ({ $why }).
err-inexact-name = Имя «{ $name }» не является корректным UTF-8, и через это соединение к нему нельзя обратиться точно; переименуйте его на сервере.
err-listing-too-large = В папке { $path } больше элементов, чем допускает список ({ $cap }); используйте фильтр.
err-listing-too-big = Список { $path } остановлен на { $mib } МиБ — столько памяти может занять список: сервер прислал больше, чем бывает в папке, или слишком длинные имена; используйте фильтр.
err-listing-too-slow = Список { $path } остановлен через { $secs } с — столько может длиться список: сервер слишком медленный или не завершает список; попробуйте ещё раз или используйте фильтр.
err-invalid-url = Недопустимый адрес «{ $input }»: { $reason }.
err-failure = Серверу не удалось выполнить операцию с { $path }: { $message }.
err-io = { $path }: { $detail }.
err-protocol = Ошибка SSH: { $detail }.
err-size-changed = Размер { $path } изменился во время копирования (ожидалось { $expected } Б, получено { $got } Б); повторите попытку, когда запись в файл завершится.
err-checksum = Контрольная сумма { $path } не совпадает: локально { $local }, на сервере { $remote }. Копия повреждена и не помещена на место.
err-unsafe-destination = Запись в { $path } отклонена: { $why }.
err-not-a-prefix = Копирование { $path } не продолжено: это не начало копируемого файла (источник изменился или это другой файл). Перезапишите его или переместите.
err-not-a-file = { $path } — не файл (папка или специальный файл): редактировать можно только файлы.
err-no-free-name = Нельзя сохранить обе копии { $path }: все имена до «({ $tries })» заняты; ничего не перезаписано. Переместите часть из них или выберите другой вариант.
err-keyring-unavailable = Хранилище паролей ОС недоступно ({ $why }): Ferry будет каждый раз спрашивать пароль и никогда не сохранит его в файл.
err-keyring = Хранилище паролей ОС отклонило запрос: { $detail }.
err-agent = ssh-agent не смог принять ключ: { $detail }.
err-no-sftp = { $host } не предоставляет SFTP: подсистема sftp отклонена (в его sshd_config может не быть строки Subsystem sftp, или учётной записи разрешена только оболочка). Попросите администратора включить SFTP.
err-job-busy = Задание передачи { $id } выполняет другой Ferry (окно или команда ferry); оно оставлено ему.
err-sites-corrupt = Не удалось прочитать файл сайтов { $path } ({ $detail }); он сохранён как { $backup }, ничего не перезаписано. Исправьте или удалите его и повторите попытку.
err-sites-newer = Файл сайтов { $path } имеет версию { $version } и создан более новой версией Ferry; обновите Ferry, чтобы его использовать.
err-unknown-site = Сохранённого сайта с именем «{ $name }» нет.
err-ambiguous-site = Есть несколько сохранённых сайтов с именем «{ $name }»: выберите один из { $candidates }.
err-site-exists = Сайт с именем «{ $name }» уже есть в этой папке; выберите другое имя.
err-invalid-site = Недопустимый сайт: { $reason }.
err-import = Не удалось импортировать { $path }: { $detail }.
err-too-many-deletes = Синхронизация удалила бы { $count } из { $total } файлов в { $path }, больше половины, поэтому ничего не изменено. Проверьте, те ли это папки, или разрешите столько удалений.
err-delete-limit = Синхронизация удалила бы { $count } файлов в { $path }, больше разрешённых { $allowed }, поэтому ничего не изменено.
err-cancelled = Отменено.
err-internal = Внутренняя ошибка: { $detail }. Это ошибка в Ferry; сообщите о ней и перезапустите Ferry, чтобы продолжить.

## Formats: sizes, rates, dates and durations as this language writes them
# The character between the whole and the fraction in "1.5 MB".
format-decimal-point = ,
# $value is already written with format-decimal-point.
format-size = { $unit ->
    [kib] { $value } КиБ
    [mib] { $value } МиБ
    [gib] { $value } ГиБ
    [tib] { $value } ТиБ
   *[b] { $value } Б
}
format-rate = { $size }/с
# $year is four digits, $month, $day, $hour and $minute two (zero-padded); 24-hour clock.
format-date-time = { $day }.{ $month }.{ $year } { $hour }:{ $minute }
format-date-time-seconds = { $day }.{ $month }.{ $year } { $hour }:{ $minute }:{ $second }
format-duration-seconds = { $s } с
format-duration-minutes = { $m } мин { $s } с
format-duration-hours = { $h } ч { $m } мин

## Settings
settings-button = Настройки
settings-title = Настройки
settings-language = Язык
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = Системный ({ $language })
settings-language-note = Новый язык применяется сразу. Строки, уже записанные в журнал, останутся как были.
settings-theme = Тема
settings-theme-system = Как в системе
settings-theme-light = Светлая
settings-theme-dark = Тёмная
settings-limit = Ограничение скорости
settings-limit-none = Нет (например, 2M)
settings-limit-note = Байт в секунду на все передачи вместе: 500K, 2M, 1.5M; пусто — без ограничения. Изменение сразу действует и на идущие передачи.
settings-limit-bad = «{ $text }» — не скорость вида 500K, 2M или 1.5M; действует прежнее ограничение.
settings-not-saved = Настройка применена, но сохранить её не удалось: { $error }
settings-tab-general = Общие
settings-tab-keys = Ключи

## Settings → Keys
keys-create = Создать ключ…
keys-refresh = Обновить
keys-agent = ssh-agent
keys-none = Нет ключей ни в { $folder }, ни в ssh-agent. Создайте ключ, чтобы входить без пароля.
keys-unreadable = Не удаётся прочитать: { $reason }
keys-copy = Копировать открытый ключ
keys-show = Показать
keys-hide = Скрыть
keys-protected = защищён парольной фразой
keys-unprotected = без парольной фразы
keys-new-title = Новый ключ
keys-type = Тип
keys-type-ed25519 = Ed25519 (рекомендуется)
keys-type-ecdsa = ECDSA (256 бит)
keys-type-rsa = RSA ({ $bits } бит)
keys-passphrase = Парольная фраза
keys-passphrase-again = Ещё раз
keys-no-passphrase-warning = Без парольной фразы ключом сможет воспользоваться любой, кто получит этот файл. Рекомендуется задать фразу.
keys-file = Файл
keys-create-button = Создать
keys-creating = Создание…
keys-passphrases-differ = Парольные фразы не совпадают.
keys-file-needed = Укажите имя файла для ключа.
keys-created = Ключ создан: { $path }. Его отпечаток и randomart:

# Set up key login… (gui/keylogin)
keylogin-title = Настроить вход по ключу для { $server }
keylogin-intro = Ferry добавляет открытый ключ в ~/.ssh/authorized_keys на сервере, а затем проверяет, что один ключ, без пароля, позволяет войти.
keylogin-key = Ключ
keylogin-agent-key = в ssh-agent
keylogin-new = Новый ключ Ed25519
keylogin-passphrase = Парольная фраза ключа
keylogin-add-to-agent = Добавить новый ключ в запущенный ssh-agent на время этого сеанса
keylogin-install = Установить на { $server }
keylogin-working = Ключ кладётся на сервер, проверяется вход…
keylogin-added = Ключ добавлен в { $file } на { $server }.
keylogin-already = Ключ уже есть в { $file } на { $server }; ничего не записано.
keylogin-works = Вход по ключу работает: пароль больше не нужен.
keylogin-refused = Ключ на сервере, но { $server } всё ещё его отвергает: сервер может читать ключи из другого файла (AuthorizedKeysFile в его sshd_config) или считать права домашней папки слишком открытыми (StrictModes). Спросите его администратора.
keylogin-use-for-site = Входить на сайт «{ $site }» с этим ключом
keylogin-save-site = Сохранить { $server } как сайт, входящий с этим ключом
keylogin-forget-password = Удалить пароль сайта из связки ключей
keylogin-keep-passphrase = Хранить парольную фразу ключа в связке ключей (иначе она спрашивается раз за сеанс)
keylogin-apply = Применить
keylogin-site-switched = Теперь сайт входит с ключом.
keylogin-password-removed = Пароль сайта удалён из связки ключей.
keylogin-passphrase-kept = Парольная фраза ключа сохранена в связке ключей.
keylogin-choose = Выберите ключ.
keylogin-no-public = Ferry не может прочитать открытую часть этого ключа: положите рядом его файл .pub.
keylogin-passphrase-needed = Введите парольную фразу ключа: вход проверяется с ней.
keylogin-not-connected = Сначала подключитесь к серверу: ключ кладётся на него через это подключение.
keylogin-menu-setup = Настроить вход по ключу…
menu-copy-address = Копировать адрес
connection-menu = Подключение
sites-key-login = Настроить вход по ключу…
site-keys-found = Найденные ключи
site-keys-pick = Выберите один из ваших ключей
site-agent-key = Ключ агента
site-agent-any = Любой ключ агента
site-agent-key-gone = { $fingerprint } (сейчас нет в агенте)
site-save-first = Сначала сохраните сайт.

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = Дублировать
menu-copy = Копировать
menu-paste = Вставить
menu-new-link = Новая ссылка…
copy-suffix = копия
link-suffix = ссылка
link-title = Новая ссылка
link-name = Имя ссылки
link-target = Указывает на (путь на сервере; символьная ссылка может быть относительной)
link-hard = Жёсткая ссылка (тот же файл под вторым именем; не между файловыми системами)
link-hard-local = жёсткие ссылки на этом компьютере (создайте их в файловом менеджере)
paste-other-server = Скопированное находится на другом сервере: скопируйте его здесь заново.
log-server-copy = Скопировано на сервере файлов: { $files } ({ $ways }).
drag-copy = { $dest } (копия)
copy-way-streamed = прочитано и записано обратно через Ferry

## Редактирование файла на сервере (Редактировать, F4)
menu-edit = Редактировать
confirm-quit-title = Выйти, хотя правки не попали на сервер?
confirm-quit-body = Сохранённая правка редактируемого файла не попала на сервер. Её копия сохранена, и при следующем запуске Ferry предложит загрузить её на сервер.
confirm-quit = Выйти
edit-connect-to = Подключитесь к { $server }, чтобы загрузить эту правку на сервер.
edit-editor-unreadable = Не удаётся разобрать команду редактора «{ $editor }» (незакрытая кавычка?). Исправьте её в разделе «Настройки → Редактирование».
edit-cannot-start = Не удаётся запустить «{ $editor }»: { $error }. Выберите другой редактор в разделе «Настройки → Редактирование».
edit-leftovers = { $count ->
    [one] { $count } правка из предыдущего сеанса так и не попала на сервер: она в списке «Редактируемые» — её можно загрузить на сервер или отбросить.
    [few] { $count } правки из предыдущего сеанса так и не попали на сервер: они в списке «Редактируемые» — их можно загрузить на сервер или отбросить.
    [many] { $count } правок из предыдущего сеанса так и не попали на сервер: они в списке «Редактируемые» — их можно загрузить на сервер или отбросить.
   *[other] { $count } правки из предыдущего сеанса так и не попали на сервер: они в списке «Редактируемые» — их можно загрузить на сервер или отбросить.
}
edit-read-only = Вам нельзя записывать { $name } на сервере: файл открыт только для чтения, и сохранения не загружаются на сервер.
edit-not-uploaded = { $name } не загружен на сервер: { $error }. При следующем сохранении будет новая попытка.
edit-state-opening = Открытие…
edit-state-asking = Ждёт вашего ответа
edit-state-watching = Отслеживаются сохранения
edit-state-read-only = Только чтение: сохранения не загружаются
edit-state-uploading = Загрузка на сервер…
edit-state-uploaded = Загружено { $at }
edit-state-conflict = Изменён на сервере: не загружено
edit-state-failed = Не загружено: { $error }
edit-state-not-uploaded = Нет на сервере (из предыдущего сеанса)
edit-upload = Загрузить
edit-discard = Отбросить
edit-resolve = Разрешить…
edit-open-again = Открыть
edit-stop = Закончить редактирование
edit-list-title = Редактируемые ({ $count })
edit-ask-large = Размер { $name } — { $size }. Всё равно редактировать?
edit-ask-binary = { $name } похож на двоичный файл. Всё равно редактировать?
edit-anyway = Всё равно редактировать
edit-conflict-title = Файл { $name } изменён на сервере
edit-conflict-body = Кто-то изменил { $name } на { $server } после того, как вы его открыли. Ваше сохранение не загружено, а копия на сервере осталась нетронутой.
edit-overwrite = Перезаписать их версию
edit-keep-both = Сохранить мою рядом
edit-discard-mine = Отбросить мою
edit-later = Решить позже
settings-tab-editing = Редактирование
settings-editor = Редактор
settings-editor-default-app = Приложение по умолчанию для этого типа файлов
settings-editor-note = Команда, например «code --wait» или «gedit»: к ней добавляется путь к файлу. Пусто — приложение, которым система открывает файлы этого типа.
settings-editor-by-extension = По расширению
settings-editor-command = Команда
settings-editor-add = Добавить расширение
settings-double-click-edits = Двойной щелчок по текстовому файлу на сервере открывает его для редактирования (вместо скачивания)
