# Ferry's Spanish text (Español). Any message missing here falls back to English (i18n/en/ferry.ftl).
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: `{ $count -> [one] … *[other] … }`; give the forms your language
# uses (see i18n/README.md). Messages starting with format- set how sizes and dates are written.

## Main window

app-title = Ferry
local = Local
remote = Remoto
quick-connect-placeholder = usuario@servidor:puerto o sftp://…
connect = Conectar
disconnect = Desconectar
connecting-to = Conectando con { $address }…
not-connected = No conectado
connected-as = Conectado como { $who }
connected = Conectado
reconnecting-to = Conexión perdida, reconectando con { $address }…
confirm-disconnect-title = ¿Desconectar de { $address }?
confirm-break-title = ¿Interrumpir la conexión actual?
confirm-break-body = Conectar con { $next } cierra la conexión con { $address }.
confirm-running = { $count ->
    [one] Hay una transferencia en curso: se cancelará.
    [many] Hay { $count } de transferencias en curso: se cancelarán.
   *[other] Hay { $count } transferencias en curso: se cancelarán.
}
confirm-editing = { $count ->
    [one] Se está editando un archivo: lo que se guarde después no se subirá, y lo que aún no esté en el servidor queda en la lista «En edición».
    [many] Se están editando { $count } de archivos: lo que se guarde después no se subirá, y lo que aún no esté en el servidor queda en la lista «En edición».
   *[other] Se están editando { $count } archivos: lo que se guarde después no se subirá, y lo que aún no esté en el servidor queda en la lista «En edición».
}
up = Arriba
home = Inicio
refresh = Actualizar
new-folder = Nueva carpeta
show-hidden = Ocultos
filter-placeholder = Filtro: *.log
col-name = Nombre
col-size = Tamaño
col-modified = Modificado
col-perms = Permisos
col-owner = Propietario
loading = Cargando…
empty-folder = Esta carpeta está vacía
connect-first = Conéctate a un servidor para ver sus archivos
upload = Subir →
download = ← Descargar
status-free = { $status } — { $size } libres
items = { $count ->
    [one] { $count } elemento
    [many] { $count } elementos
   *[other] { $count } elementos
}
hostkey-fingerprint = Huella digital de la clave { $key_type }:
unsafe-names-hidden = { $status } — { $count ->
    [one] { $count } nombre oculto (no es seguro como nombre de archivo)
    [many] { $count } nombres ocultos (no son seguros como nombres de archivo)
   *[other] { $count } nombres ocultos (no son seguros como nombres de archivo)
}
items-selected = { $items }, { $count ->
    [one] { $count } seleccionado
    [many] { $count } seleccionados
   *[other] { $count } seleccionados
}
listing-cut-shown = Solo se muestra una parte de esta carpeta. { $reason }

## Transfers
no-transfers = Aún no hay transferencias: selecciona archivos y pulsa Subir o Descargar, o haz doble clic en un archivo
pause = Pausar
resume = Reanudar
cancel = Cancelar
clear-finished = Quitar completadas
done = Completada
cancelled = Cancelada
running = En curso
paused = En pausa

## Dialogs
hostkey-title = Servidor desconocido
hostkey-body = Ferry nunca se ha conectado antes a este servidor. Comprueba que la huella digital coincide con la que te dio tu administrador.
hostkey-accept-once = Conectar una vez
hostkey-accept-save = Confiar y conectar
password-title = Contraseña
proxy-password-title = Contraseña del proxy
proxy-password-subject = { $user } en el proxy { $proxy }
passphrase-title = Frase de contraseña de la clave
interactive-title = El servidor pregunta
ok = Aceptar
dismiss = Cerrar
name-not-exact = { $name } (nombre no válido en UTF-8)
rename = Renombrar
delete = Eliminar
delete-title = Eliminar archivos
delete-confirm = ¿Eliminar estos elementos de forma permanente? Las carpetas se eliminan con todo su contenido.
name-placeholder = Nombre
hostkey-alarm-title = Advertencia: la identidad del servidor ha cambiado
hostkey-alarm-body = La clave con la que este servidor se ha identificado no es la que se registró cuando te conectaste por primera vez. Puede que alguien esté interceptando la conexión, o que el servidor se haya reinstalado. Ferry no se ha conectado y no ha enviado nada. Antes de continuar, pregunta al administrador del servidor si la clave ha cambiado.
hostkey-alarm-fix = Si el administrador confirma el cambio, elimina la clave antigua con este comando y vuelve a conectarte para comprobar la nueva huella digital:
copy-command = Copiar comando
pick-upload = Subir archivos…
pick-download = Descargar en…
pick-upload-title = Subir al servidor
pick-download-title = Descargar en esta carpeta
select-to-download = Primero selecciona archivos en el servidor y luego elige adónde van
no-file-dialog = No hay ningún diálogo de archivos disponible en este escritorio (necesita xdg-desktop-portal o zenity). En su lugar, arrastra los archivos desde tu gestor de archivos a la ventana.
queue-empty = Nada en espera: lo copiado está en «Completadas» y los problemas, en «Errores»

## Saved sites
sites-title = Sitios
sites-button = Sitios…
sites-empty = Aún no hay sitios guardados: pulsa «Nuevo sitio» o importa desde OpenSSH o FileZilla
sites-pick = Sitios guardados
site-none = Elige un sitio a la izquierda o crea uno nuevo
site-new = Nuevo sitio
site-new-name = Nuevo sitio
site-duplicate = Duplicar
site-copy = { $name } (copia)
site-name = Nombre
site-name-hint = Mi servidor
site-folder = Carpeta
site-folder-hint = Trabajo/Web (opcional)
site-host = Servidor
site-host-hint = example.org o 192.0.2.10
site-port = Puerto
site-user = Usuario
site-user-hint = tu usuario de acceso (vacío: tu nombre local)
site-auth = Iniciar sesión con
auth-agent = Agente SSH / claves predeterminadas
auth-key = Archivo de clave
auth-password = Contraseña
auth-interactive = Interactivo (códigos 2FA)
site-key = Archivo de clave
browse = Examinar…
site-password = Contraseña
site-passphrase = Frase de contraseña de la clave
site-password-hint = escríbela para guardarla en el llavero del sistema (vacío: conservar / preguntar)
site-jump = Hosts de salto
site-jump-hint = user@bastion:22, más tras comas (vacío: directo)
site-proxy = Proxy
site-proxy-hint = socks5://[user@]host:1080 o http://[user@]host:8080 (vacío: ninguno; su contraseña se pide)
site-proxy-command = Comando proxy
site-proxy-command-hint = ssh -W %h:%p gate (%h host, %p puerto, %r usuario; vacío: ninguno)
site-remote-dir = Carpeta remota
site-remote-hint = /var/www o ~/logs (vacío: carpeta personal)
site-local-dir = Carpeta local
site-local-hint = la que se abre en el panel izquierdo (opcional)
site-max = Archivos en paralelo
site-max-hint = 1–32 (vacío: 32)
site-verify = Sumas de verificación
site-verify-label = Verificar cada archivo después de copiarlo, con la suma más fuerte que ofrezca el servidor
site-exec-copy = Copias en el servidor
site-exec-copy-label = Si el servidor no tiene extensión de copia, ejecutar cp -p en él (una orden en el servidor)
site-notes = Notas
site-bad-port = El puerto debe ser un número del 1 al 65535
site-bad-max = «Archivos en paralelo» debe ser un número del 1 al 32
site-saved = Guardado
site-saved-no-password = Guardado, pero la contraseña NO se ha almacenado: { $error }
site-imported = Importado
site-import-ssh = Importar ~/.ssh/config
site-import-filezilla = Importar de FileZilla…
site-no-ssh-config = No hay ningún ~/.ssh/config que importar
site-pick-key = Elige una clave privada
site-pick-filezilla = Elige el sitemanager.xml de FileZilla
save = Guardar
site-test = Probar
site-testing = Probando…
site-test-ok = Funciona: sesión iniciada como { $who }
remember-password = Recordar en el llavero del sistema
remember-failed = Conectado, pero no se ha recordado la contraseña: { $error }
offer-import = Se han encontrado sitios en la configuración de OpenSSH o en FileZilla: abre «Sitios…» y pulsa Importar para traerlos (las contraseñas van al llavero del sistema).

## Transfer panel
tab-queue = Cola ({ $count })
tab-failed = Errores ({ $count })
tab-finished = Completadas ({ $count })
tab-log = Registro ({ $count })
pause-all = Pausar todo
resume-all = Reanudar todo
cancel-all = Cancelar todo
retry = Reintentar
retry-all = Reintentar todo
clear = Vaciar
no-finished = Aquí aparecen las transferencias completadas
no-failed = No ha fallado nada
no-log = Aquí se registran las conexiones, las transferencias y los errores
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · quedan { $eta } · { $files }
job-files = { $done }/{ $count ->
    [one] { $count } archivo
    [many] { $count } archivos
   *[other] { $count } archivos
}
job-failed-files = { $count ->
    [one] Error en { $count } archivo
    [many] Errores en { $count } archivos
   *[other] Errores en { $count } archivos
}
log-queued = { $direction ->
    [upload] Subida
   *[download] Descarga
}: { $name } → { $dest }
log-resumed-at = { $name } se reanuda desde { $offset }
log-resuming-saved = Se retoma una transferencia sin terminar de la última vez: { $name }
log-queue-unsaved = No se pudo guardar la cola de transferencias ({ $error }); esta transferencia no se reanudará tras reiniciar.
log-saved-waiting = { $count ->
        [one] Una transferencia sin terminar de la última vez continuará cuando se conecte a { $server }.
        [many] { $count } transferencias sin terminar de la última vez continuarán cuando se conecte a { $server }.
       *[other] { $count } transferencias sin terminar de la última vez continuarán cuando se conecte a { $server }.
    }
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst } (suma de verificación comprobada, { $algo })
log-skipped = { $name } omitido: { $reason }
skip-folder = es una carpeta
skip-not-a-file = no es un archivo normal
skip-folder-link = es un enlace a una carpeta ({ $target }); los enlaces a carpetas no se siguen
skip-broken-link = es un enlace roto o ilegible
skip-link-loop = es un enlace a una carpeta ya copiada (un bucle)
skip-exists = el destino ya existe
skip-not-newer = el destino es igual de reciente o más
note-no-more-connections = No se pudo abrir otra conexión ({ $error }); se continúa por las conexiones abiertas
note-reconnecting = Se perdió la conexión al copiar { $name } ({ $why }); reconectando…
note-grew = { $name } creció mientras se copiaba ({ $listed } listados, { $copied } copiados)
note-duplicate-names = Nombres que el servidor listó más de una vez en { $folder }: { $names } ({ $count } en total); se copió la primera entrada de cada uno y se omitieron las repeticiones
note-more-refused = Nombres rechazados en { $folder }: { $count } en total (se muestran los primeros)
note-mtime-not-kept = No se pudo conservar la fecha de modificación de { $name }: { $error }
note-permissions-not-set = No se pudieron establecer los permisos de { $name }: { $error }
note-no-checksums = { $host } no puede calcular sumas de comprobación (sin sha256sum por SSH): se comprobaron los tamaños, no el contenido
log-cancelled = { $name }: cancelado
log-job-done = { $name }: { $count ->
    [one] { $count } archivo copiado
    [many] { $count } archivos copiados
   *[other] { $count } archivos copiados
}, { $size }, { $seconds } s
log-connected = Conectado a { $address }
log-disconnected = Desconectado de { $address }
log-connect-failed = No se pudo conectar a { $address }: { $error }
conflict-title = El archivo ya existe
conflict-body = ¿Qué hacer con el archivo que ya existe?
conflict-existing = Existente:
conflict-new = Se está copiando:
conflict-source-newer = El archivo que se está copiando es más reciente.
conflict-target-newer = El archivo existente es más reciente.
conflict-overwrite = Sobrescribir
conflict-if-newer = Sobrescribir si es más reciente
conflict-resume = Reanudar
conflict-rename = Conservar ambos
conflict-skip = Omitir
conflict-apply-all = Hacer lo mismo con todos los conflictos de esta transferencia
drop-hint = { $what } (suéltalo en el otro panel o en una carpeta)
menu-open = Abrir
menu-upload = Subir
menu-download = Descargar
menu-rename = Renombrar…
menu-delete = Eliminar…
menu-permissions = Permisos…
menu-copy-path = Copiar ruta
menu-properties = Propiedades
permissions-title = Permisos
perm-read = Lectura
perm-write = Escritura
perm-exec = Ejecución
perm-owner = Propietario
perm-group = Grupo
perm-others = Otros
perm-octal = Octal
perm-recursive = También todo lo que hay dentro de las carpetas (se omiten los enlaces)
properties-title = Propiedades
close = Cerrar
size-with-bytes = { $size } ({ $bytes } bytes)
and-more = … y { $count } más
names-and-more = { $names } … y { $count } más
kind-folder = Carpeta
kind-file = Archivo
kind-link = Enlace simbólico
kind-other = Archivo especial
prop-name = Nombre
prop-path = Ruta
prop-kind = Tipo
prop-group = Grupo
prop-target = Apunta a

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = No se encuentra el servidor «{ $host }»: comprueba el nombre o el DNS de tu red ({ $detail }).
err-refused = { $addr } ha rechazado la conexión: no hay ningún servidor SSH escuchando en ese puerto, o un cortafuegos la bloquea.
err-timeout = Tiempo de espera agotado ({ $what }) tras { $secs } s: puede que el servidor esté caído o que un cortafuegos descarte el tráfico.
err-unreachable = No se puede acceder a { $host }: { $detail }.
err-hostkey-unknown = El servidor «{ $host }» aún no es conocido: la huella digital de su clave { $key_type } es { $fingerprint }. Vuelve a conectarte para comprobarla y aceptarla.
err-hostkey-changed = ADVERTENCIA: la clave de host { $key_type } de «{ $host }» ha CAMBIADO (ahora es { $fingerprint }). Alguien podría estar interceptando la conexión, o el servidor se ha reinstalado. Ferry se niega a conectarse. Si sabes que el cambio es legítimo, elimina la clave antigua de { $file }, línea { $line }.
err-hostkey-other-type = ADVERTENCIA: «{ $host }» ofrece ahora una clave de host { $offered }, pero la que tiene registrada es { $recorded } ({ $file }, línea { $line }). Ferry se niega a conectarse. Si el cambio es legítimo, elimina la entrada antigua.
err-hostkey-revoked = La clave de host de «{ $host }» está marcada como revocada en { $file } (línea { $line }): se rechaza la conexión.
err-through-jump = A través del host de salto { $hop }: { $error }
err-forward-refused = El host de salto { $hop } se negó a abrir una conexión con { $target } ({ $reason }): puede que su servidor SSH no permita el reenvío (AllowTcpForwarding) o que no pueda llegar a esa dirección.
err-proxy-unreachable = No se puede usar el proxy { $proxy } ({ $detail }): compruebe su dirección y puerto, y que esté en marcha.
err-proxy-auth = El proxy { $proxy } pide un nombre de usuario y una contraseña ({ $detail }): compruebe el usuario de la dirección del proxy y su contraseña.
err-proxy-refused = El proxy { $proxy } se negó a conectar con { $target } ({ $reason }): puede que no permita esa dirección o puerto, o que no pueda llegar a ellos.
err-proxy-command-ended = El comando proxy «{ $command }» terminó antes de que empezara la sesión SSH ({ $detail }): compruebe que se ejecuta y llega al servidor.
err-proxy-command-invalid = No se puede usar el comando proxy «{ $command }»: { $reason }.
err-proxy-command-unsafe-name = El nombre «{ $name }» tiene caracteres que una shell interpretaría, así que no se inserta en el comando proxy: revise la dirección.
err-known-hosts = No se pudieron leer ni registrar los hosts conocidos: { $detail }.
err-hostkey-changed-in-session = ADVERTENCIA: «{ $host }» ofrece ahora la clave de host { $key_type } { $fingerprint }, no la clave { $accepted } aceptada para esta sesión. Alguien podría estar interceptando la conexión. Ferry se niega a conectarse.
err-login-needs-person = Volver a iniciar sesión en { $user }@{ $host } requiere respuestas que solo una persona puede dar (como un código de un solo uso), y no se aceptó ninguna. Vuelve a conectarte para continuar.
err-auth = Error al iniciar sesión como { $user }@{ $host } (métodos probados: { $tried }). Comprueba el nombre de usuario, la clave o la contraseña.
err-auth-nothing = Error al iniciar sesión como { $user }@{ $host }: el servidor no acepta ninguno de los métodos de inicio de sesión de Ferry. Comprueba el nombre de usuario, la clave o la contraseña.
err-key-file = No se puede usar el archivo de clave { $path }: { $detail }.
err-permission-local = Permiso denegado en el disco local: { $path }. Revisa los permisos de la carpeta o elige otra carpeta.
err-permission-remote = Permiso denegado en el servidor: { $path }. Tu cuenta allí no puede leer ni escribir esto; elige otra carpeta o pregunta al administrador del servidor.
err-not-found = No existe el archivo o la carpeta: { $path }.
err-exists = { $path } ya existe.
err-disk-full-local = No queda espacio en el disco local ({ $path }): libera espacio y vuelve a intentarlo.
err-disk-full-remote = No queda espacio en el servidor ({ $path }): libera espacio y vuelve a intentarlo.
err-connection-lost = Se ha perdido la conexión: { $detail }. Vuelve a conectarte para continuar.
err-unsupported = No admitido por el servidor: { $what }.
err-unsafe-name = Se ha rechazado el nombre «{ $name }» enviado por el servidor: no es un nombre de archivo seguro ({ $why }).
err-inexact-name = «{ $name }» no es UTF-8 válido y no se puede designar con exactitud a través de esta conexión; cámbiale el nombre en el servidor.
err-listing-too-large = La carpeta { $path } tiene más de { $cap } entradas, el límite del listado; usa un filtro.
err-listing-too-big = El listado de { $path } se detuvo en { $mib } MiB, la memoria que puede usar un listado: el servidor envió más de lo que cabe en una carpeta o nombres demasiado largos; usa un filtro.
err-listing-too-slow = El listado de { $path } se detuvo tras { $secs } s, el tiempo que puede durar un listado: el servidor es demasiado lento o nunca termina la lista; inténtalo de nuevo o usa un filtro.
err-invalid-url = Dirección no válida «{ $input }»: { $reason }.
err-failure = El servidor no pudo completar la operación en { $path }: { $message }.
err-io = { $path }: { $detail }.
err-protocol = Error de SSH: { $detail }.
err-size-changed = { $path } cambió de tamaño mientras se copiaba (se esperaban { $expected } bytes, se obtuvieron { $got }); vuelve a intentarlo cuando ya no se esté escribiendo.
err-checksum = Las sumas de verificación de { $path } no coinciden: local { $local }, servidor { $remote }. La copia está dañada; no se ha colocado en su destino.
err-unsafe-destination = Se ha rechazado escribir { $path }: { $why }.
err-not-a-prefix = { $path } no se ha continuado: no es el comienzo del archivo que se copia (el origen cambió o es otro archivo). Sobrescríbelo o muévelo.
err-not-a-file = { $path } no es un archivo (es una carpeta o un archivo especial): solo se pueden editar archivos.
err-no-free-name = No se pueden conservar ambas copias de { $path }: los nombres hasta «({ $tries })» ya existen; no se ha sobrescrito nada. Mueve algunos o elige otra opción.
err-keyring-unavailable = No hay ningún llavero del sistema disponible ({ $why }): Ferry pedirá la contraseña cada vez y nunca la guardará en un archivo.
err-keyring = El llavero del sistema ha rechazado la solicitud: { $detail }.
err-agent = El ssh-agent no pudo aceptar la clave: { $detail }.
err-no-sftp = { $host } no ofrece SFTP: rechazó el subsistema sftp (puede que a su sshd_config le falte una línea Subsystem sftp, o que la cuenta solo permita una shell). Pida a su administrador que active SFTP.
err-job-busy = Otro Ferry (una ventana o una orden ferry) está ejecutando la transferencia { $id }; se le deja a ese.
err-sites-corrupt = No se pudo leer el archivo de sitios { $path } ({ $detail }); se ha conservado como { $backup } y no se ha sobrescrito nada. Corrígelo o elimínalo y vuelve a intentarlo.
err-sites-newer = El archivo de sitios { $path } es de la versión { $version } y lo creó una versión más reciente de Ferry; actualiza Ferry para usarlo.
err-unknown-site = No hay ningún sitio guardado llamado «{ $name }».
err-ambiguous-site = Hay más de un sitio guardado llamado «{ $name }»: elige entre { $candidates }.
err-site-exists = Ya existe un sitio llamado «{ $name }» en esa carpeta; elige otro nombre.
err-invalid-site = Sitio no válido: { $reason }.
err-import = No se puede importar { $path }: { $detail }.
err-too-many-deletes = La sincronización borraría { $count } de los { $total } archivos de { $path }, más de la mitad, así que no se ha cambiado nada. Compruebe que las dos carpetas son las correctas, o permita tantos borrados.
err-delete-limit = La sincronización borraría { $count } archivos de { $path }, más de los { $allowed } permitidos, así que no se ha cambiado nada.
err-cancelled = Cancelado.
err-internal = Error interno: { $detail }. Es un fallo de Ferry; infórmalo, por favor, y reinicia Ferry para continuar.

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
format-date-time = { $day }/{ $month }/{ $year } { $hour }:{ $minute }
format-date-time-seconds = { $day }/{ $month }/{ $year } { $hour }:{ $minute }:{ $second }
format-duration-seconds = { $s } s
format-duration-minutes = { $m } min { $s } s
format-duration-hours = { $h } h { $m } min

## Settings
settings-button = Ajustes
settings-title = Ajustes
settings-language = Idioma
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = Idioma del sistema ({ $language })
settings-language-note = El nuevo idioma se aplica al instante. Las líneas que ya están en el registro se mantienen tal como se escribieron.
settings-theme = Tema
settings-theme-system = Sistema
settings-theme-light = Claro
settings-theme-dark = Oscuro
settings-limit = Límite de velocidad
settings-limit-none = Ninguno (p. ej. 2M)
settings-limit-note = Bytes por segundo entre todas las transferencias: 500K, 2M, 1.5M; vacío: sin límite. Un cambio se aplica al instante, también a las transferencias en curso.
settings-limit-bad = «{ $text }» no es una velocidad como 500K, 2M o 1.5M; sigue vigente el límite anterior.
settings-not-saved = El ajuste ya se aplica, pero no se ha podido guardar: { $error }
settings-tab-general = General
settings-tab-keys = Claves

## Settings → Keys
keys-create = Crear clave…
keys-refresh = Actualizar
keys-agent = ssh-agent
keys-none = No hay claves en { $folder } ni en un ssh-agent. Cree una para iniciar sesión sin contraseña.
keys-unreadable = No se puede leer: { $reason }
keys-copy = Copiar clave pública
keys-show = Mostrar
keys-hide = Ocultar
keys-protected = protegida con frase de contraseña
keys-unprotected = sin frase de contraseña
keys-new-title = Nueva clave
keys-type = Tipo
keys-type-ed25519 = Ed25519 (recomendado)
keys-type-ecdsa = ECDSA (256 bits)
keys-type-rsa = RSA ({ $bits } bits)
keys-passphrase = Frase de contraseña
keys-passphrase-again = Repita la frase
keys-no-passphrase-warning = Sin frase de contraseña, cualquiera que obtenga este archivo puede usar la clave. Se recomienda poner una.
keys-file = Archivo
keys-create-button = Crear
keys-creating = Creando…
keys-passphrases-differ = Las dos frases de contraseña no coinciden.
keys-file-needed = Indique un nombre de archivo para la clave.
keys-created = Clave creada: { $path }. Su huella y su randomart:

# Set up key login… (gui/keylogin)
keylogin-title = Configurar el inicio de sesión con clave para { $server }
keylogin-intro = Ferry añade una clave pública a ~/.ssh/authorized_keys en el servidor y luego comprueba que la clave sola le permite entrar, sin contraseña.
keylogin-key = Clave
keylogin-agent-key = en el ssh-agent
keylogin-new = Una nueva clave Ed25519
keylogin-passphrase = Frase de contraseña de la clave
keylogin-add-to-agent = Añadir la nueva clave al ssh-agent en ejecución durante esta sesión
keylogin-install = Instalar en { $server }
keylogin-working = Poniendo la clave en el servidor y comprobando que permite entrar…
keylogin-added = Se añadió la clave a { $file } en { $server }.
keylogin-already = La clave ya está en { $file } en { $server }; no se escribió nada.
keylogin-works = El inicio de sesión con clave funciona: desde ahora no hace falta contraseña.
keylogin-refused = La clave está en el servidor, pero { $server } la sigue rechazando: puede que el servidor lea las claves de otro archivo (AuthorizedKeysFile en su sshd_config) o que considere demasiado abiertos los permisos de la carpeta personal (StrictModes). Pregunte a su administrador.
keylogin-use-for-site = Entrar en el sitio «{ $site }» con esta clave
keylogin-save-site = Guardar { $server } como un sitio que entra con esta clave
keylogin-forget-password = Quitar la contraseña del sitio del llavero
keylogin-keep-passphrase = Guardar la frase de contraseña de la clave en el llavero (si no, se pide una vez por sesión)
keylogin-apply = Aplicar
keylogin-site-switched = El sitio entra ahora con la clave.
keylogin-password-removed = Se quitó la contraseña del sitio del llavero.
keylogin-passphrase-kept = La frase de contraseña de la clave está en el llavero.
keylogin-choose = Elija una clave.
keylogin-no-public = Ferry no puede leer la parte pública de esta clave: ponga su archivo .pub junto a ella.
keylogin-passphrase-needed = Escriba la frase de contraseña de la clave: el inicio de sesión se comprueba con ella.
keylogin-not-connected = Conéctese primero al servidor: la clave se pone en él a través de esa conexión.
keylogin-menu-setup = Configurar inicio de sesión con clave…
menu-copy-address = Copiar dirección
connection-menu = Conexión
sites-key-login = Configurar inicio de sesión con clave…
site-keys-found = Claves encontradas
site-keys-pick = Elija una de sus claves
site-agent-key = Clave del agente
site-agent-any = Cualquier clave del agente
site-agent-key-gone = { $fingerprint } (ahora no está en el agente)
site-save-first = Guarde primero el sitio.

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = Duplicar
menu-copy = Copiar
menu-paste = Pegar
menu-new-link = Nuevo enlace…
copy-suffix = copia
link-suffix = enlace
link-title = Nuevo enlace
link-name = Nombre del enlace
link-target = Apunta a (una ruta del servidor; un enlace simbólico puede ser relativo)
link-hard = Enlace duro (el mismo archivo con un segundo nombre; no entre sistemas de archivos)
link-hard-local = enlaces duros en este equipo (créelos en el gestor de archivos)
paste-other-server = Lo copiado está en otro servidor: vuelva a copiarlo aquí.
log-server-copy = Se copiaron { $files } archivo(s) en el servidor ({ $ways }).
drag-copy = { $dest } (una copia)
copy-way-streamed = leído y escrito de vuelta a través de Ferry

## Editar un archivo del servidor (Editar, F4)
menu-edit = Editar
confirm-quit-title = ¿Salir con cambios que no están en el servidor?
confirm-quit-body = Un guardado de un archivo que estás editando no ha llegado al servidor. Se conserva su copia, y Ferry ofrecerá subirla la próxima vez que se inicie.
confirm-quit = Salir
edit-connect-to = Conéctate a { $server } para subir esta edición.
edit-editor-unreadable = No se puede leer el comando del editor «{ $editor }» (¿unas comillas sin cerrar?). Corrígelo en Ajustes → Edición.
edit-cannot-start = No se puede iniciar «{ $editor }»: { $error }. Elige otro editor en Ajustes → Edición.
edit-leftovers = { $count ->
    [one] Una edición de una sesión anterior nunca llegó al servidor: está en la lista «En edición», para subirla o descartarla.
    [many] { $count } de ediciones de una sesión anterior nunca llegaron al servidor: están en la lista «En edición», para subirlas o descartarlas.
   *[other] { $count } ediciones de una sesión anterior nunca llegaron al servidor: están en la lista «En edición», para subirlas o descartarlas.
}
edit-read-only = No puedes escribir { $name } en el servidor: se abre en modo de solo lectura y los guardados no se suben.
edit-not-uploaded = { $name } no se ha subido: { $error }. Se volverá a intentar en el próximo guardado.
edit-state-opening = Abriendo…
edit-state-asking = Esperando tu respuesta
edit-state-watching = Vigilando los guardados
edit-state-read-only = Solo lectura: los guardados no se suben
edit-state-uploading = Subiendo…
edit-state-uploaded = Subido el { $at }
edit-state-conflict = Cambiado en el servidor: no se ha subido
edit-state-failed = No se ha subido: { $error }
edit-state-not-uploaded = No está en el servidor (de una sesión anterior)
edit-upload = Subir
edit-discard = Descartar
edit-resolve = Resolver…
edit-open-again = Abrir
edit-stop = Dejar de editar
edit-list-title = En edición ({ $count })
edit-ask-large = { $name } ocupa { $size }. ¿Editarlo de todos modos?
edit-ask-binary = { $name } parece un archivo binario. ¿Editarlo de todos modos?
edit-anyway = Editar de todos modos
edit-conflict-title = { $name } ha cambiado en el servidor
edit-conflict-body = Alguien ha cambiado { $name } en { $server } desde que lo abriste. Tu guardado no se ha subido, y la copia del servidor sigue intacta.
edit-overwrite = Sobrescribir la suya
edit-keep-both = Guardar la mía al lado
edit-discard-mine = Descartar la mía
edit-later = Decidir más tarde
settings-tab-editing = Edición
settings-editor = Editor
settings-editor-default-app = La aplicación predeterminada para el tipo de archivo
settings-editor-note = Un comando como «code --wait» o «gedit»: se le añade la ruta del archivo. Vacío: la aplicación con la que tu sistema abre ese tipo de archivo.
settings-editor-by-extension = Por extensión
settings-editor-command = Comando
settings-editor-add = Añadir una extensión
settings-double-click-edits = Hacer doble clic en un archivo de texto del servidor lo edita (en lugar de descargarlo)
