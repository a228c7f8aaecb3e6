# Ferry's French text (Français). Any message missing here falls back to English (i18n/en/ferry.ftl).
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: `{ $count -> [one] … *[other] … }`; give the forms your language
# uses (see i18n/README.md). Messages starting with format- set how sizes and dates are written.
# French typography: non-breaking spaces (U+00A0) before : ; ? ! and inside « ».

## Main window

app-title = Ferry
local = Local
remote = Distant
quick-connect-placeholder = utilisateur@hôte:port ou sftp://…
connect = Connexion
disconnect = Déconnexion
connecting-to = Connexion à { $address }…
not-connected = Non connecté
connected-as = Connecté en tant que { $who }
connected = Connecté
reconnecting-to = Connexion perdue, reconnexion à { $address }…
confirm-disconnect-title = Se déconnecter de { $address } ?
confirm-break-title = Interrompre la connexion actuelle ?
confirm-break-body = Se connecter à { $next } ferme la connexion à { $address }.
confirm-running = { $count ->
    [one] Un transfert est en cours : il sera annulé.
    [many] { $count } de transferts sont en cours : ils seront annulés.
   *[other] { $count } transferts sont en cours : ils seront annulés.
}
confirm-editing = { $count ->
    [one] Un fichier est en cours de modification : ce qui sera enregistré ensuite ne sera pas envoyé, et ce qui n’est pas encore sur le serveur reste dans la liste « Édition ».
    [many] { $count } de fichiers sont en cours de modification : ce qui sera enregistré ensuite ne sera pas envoyé, et ce qui n’est pas encore sur le serveur reste dans la liste « Édition ».
   *[other] { $count } fichiers sont en cours de modification : ce qui sera enregistré ensuite ne sera pas envoyé, et ce qui n’est pas encore sur le serveur reste dans la liste « Édition ».
}
up = Remonter
home = Accueil
refresh = Actualiser
new-folder = Nouveau dossier
show-hidden = Cachés
filter-placeholder = Filtre : *.log
col-name = Nom
col-size = Taille
col-modified = Modifié
col-perms = Permissions
col-owner = Propriétaire
loading = Chargement…
empty-folder = Ce dossier est vide
connect-first = Connectez-vous à un serveur pour voir ses fichiers
upload = Envoyer →
download = ← Télécharger
status-free = { $status } — { $size } libres
items = { $count ->
    [one] { $count } élément
    [many] { $count } éléments
   *[other] { $count } éléments
}
hostkey-fingerprint = Empreinte de la clé { $key_type } :
unsafe-names-hidden = { $status } — { $count ->
    [one] { $count } nom masqué (dangereux comme nom de fichier)
    [many] { $count } noms masqués (dangereux comme noms de fichiers)
   *[other] { $count } noms masqués (dangereux comme noms de fichiers)
}
items-selected = { $items }, { $count ->
    [one] { $count } sélectionné
    [many] { $count } sélectionnés
   *[other] { $count } sélectionnés
}
listing-cut-shown = Seule une partie de ce dossier est affichée. { $reason }

## Transfers
no-transfers = Aucun transfert pour l’instant : sélectionnez des fichiers et cliquez sur Envoyer ou Télécharger, ou double-cliquez sur un fichier
pause = Pause
resume = Reprendre
cancel = Annuler
clear-finished = Effacer les terminés
done = Terminé
cancelled = Annulé
running = En cours
paused = En pause

## Dialogs
hostkey-title = Serveur inconnu
hostkey-body = Ferry ne s’est encore jamais connecté à ce serveur. Vérifiez que l’empreinte correspond à celle que votre administrateur vous a communiquée.
hostkey-accept-once = Se connecter une fois
hostkey-accept-save = Faire confiance et se connecter
password-title = Mot de passe
proxy-password-title = Mot de passe du proxy
proxy-password-subject = { $user } sur le proxy { $proxy }
passphrase-title = Phrase de passe de la clé
interactive-title = Le serveur demande
ok = OK
dismiss = Fermer
name-not-exact = { $name } (nom non valide en UTF-8)
rename = Renommer
delete = Supprimer
delete-title = Supprimer des fichiers
delete-confirm = Supprimer définitivement ces éléments ? Les dossiers sont supprimés avec tout leur contenu.
name-placeholder = Nom
hostkey-alarm-title = Attention : l’identité du serveur a changé
hostkey-alarm-body = La clé avec laquelle ce serveur s’est identifié n’est pas celle enregistrée lors de votre première connexion. Quelqu’un intercepte peut-être la connexion, ou le serveur a été réinstallé. Ferry ne s’est pas connecté et n’a rien envoyé. Avant d’aller plus loin, demandez à l’administrateur du serveur si la clé a changé.
hostkey-alarm-fix = Si l’administrateur confirme le changement, supprimez l’ancienne clé avec cette commande, puis reconnectez-vous pour vérifier la nouvelle empreinte :
copy-command = Copier la commande
pick-upload = Envoyer des fichiers…
pick-download = Télécharger vers…
pick-upload-title = Envoyer vers le serveur
pick-download-title = Télécharger dans ce dossier
select-to-download = Sélectionnez d’abord des fichiers sur le serveur, puis choisissez leur destination
no-file-dialog = Aucune boîte de dialogue de fichiers n’est disponible sur ce bureau (il faut xdg-desktop-portal ou zenity). Faites plutôt glisser les fichiers depuis votre gestionnaire de fichiers vers la fenêtre.
queue-empty = Rien en attente : ce qui a été copié se trouve dans « Terminés », les problèmes dans « Échecs »

## Saved sites
sites-title = Sites
sites-button = Sites…
sites-empty = Aucun site enregistré : cliquez sur « Nouveau site » ou importez depuis OpenSSH ou FileZilla
sites-pick = Sites enregistrés
site-none = Choisissez un site à gauche, ou créez-en un nouveau
site-new = Nouveau site
site-new-name = Nouveau site
site-duplicate = Dupliquer
site-copy = { $name } (copie)
site-name = Nom
site-name-hint = Mon serveur
site-folder = Dossier
site-folder-hint = Travail/Web (facultatif)
site-host = Hôte
site-host-hint = example.org ou 192.0.2.10
site-port = Port
site-user = Utilisateur
site-user-hint = votre identifiant (vide : votre nom local)
site-auth = Se connecter avec
auth-agent = Agent SSH / clés par défaut
auth-key = Fichier de clé
auth-password = Mot de passe
auth-interactive = Interactif (codes 2FA)
site-key = Fichier de clé
browse = Parcourir…
site-password = Mot de passe
site-passphrase = Phrase de passe de la clé
site-password-hint = saisissez-le pour l’enregistrer dans le trousseau du système (vide : conserver / demander)
site-jump = Hôtes de rebond
site-jump-hint = user@bastion:22, d’autres après des virgules (vide : direct)
site-proxy = Proxy
site-proxy-hint = socks5://[user@]hôte:1080 ou http://[user@]hôte:8080 (vide : aucun ; son mot de passe est demandé)
site-proxy-command = Commande proxy
site-proxy-command-hint = ssh -W %h:%p gate (%h hôte, %p port, %r utilisateur ; vide : aucune)
site-remote-dir = Dossier distant
site-remote-hint = /var/www ou ~/logs (vide : dossier personnel)
site-local-dir = Dossier local
site-local-hint = ouvert dans le volet de gauche (facultatif)
site-max = Fichiers en parallèle
site-max-hint = 1–32 (vide : 32)
site-verify = Sommes de contrôle
site-verify-label = Vérifier chaque fichier après la copie, avec la somme la plus forte qu’offre le serveur
site-exec-copy = Copies sur le serveur
site-exec-copy-label = Si le serveur n’a pas d’extension de copie, y lancer cp -p (une commande sur le serveur)
site-notes = Notes
site-bad-port = Le port doit être un nombre entre 1 et 65535
site-bad-max = « Fichiers en parallèle » doit être un nombre entre 1 et 32
site-saved = Enregistré
site-saved-no-password = Enregistré, mais le mot de passe n’a PAS été stocké : { $error }
site-imported = Importé
site-import-ssh = Importer ~/.ssh/config
site-import-filezilla = Importer depuis FileZilla…
site-no-ssh-config = Il n’y a pas de ~/.ssh/config à importer
site-pick-key = Choisir une clé privée
site-pick-filezilla = Choisir le fichier sitemanager.xml de FileZilla
save = Enregistrer
site-test = Tester
site-testing = Test en cours…
site-test-ok = Ça fonctionne : connecté en tant que { $who }
remember-password = Mémoriser dans le trousseau du système
remember-failed = Connecté, mais le mot de passe n’a pas été mémorisé : { $error }
offer-import = Des sites ont été trouvés dans la configuration d’OpenSSH ou dans FileZilla : ouvrez « Sites… » et cliquez sur Importer pour les reprendre (les mots de passe vont dans le trousseau du système).

## Transfer panel
tab-queue = File d’attente ({ $count })
tab-failed = Échecs ({ $count })
tab-finished = Terminés ({ $count })
tab-log = Journal ({ $count })
pause-all = Tout suspendre
resume-all = Tout reprendre
cancel-all = Tout annuler
retry = Réessayer
retry-all = Tout réessayer
clear = Effacer
no-finished = Les transferts terminés apparaissent ici
no-failed = Aucun échec
no-log = Les connexions, les transferts et les erreurs sont consignés ici
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · reste { $eta } · { $files }
job-files = { $done }/{ $count ->
    [one] { $count } fichier
    [many] { $count } fichiers
   *[other] { $count } fichiers
}
job-failed-files = { $count ->
    [one] Échec ({ $count } fichier)
    [many] Échec ({ $count } fichiers)
   *[other] Échec ({ $count } fichiers)
}
log-queued = { $direction ->
    [upload] Envoi
   *[download] Téléchargement
} : { $name } → { $dest }
log-resumed-at = { $name } : reprise à { $offset }
log-resuming-saved = Reprise d’un transfert inachevé de la dernière fois : { $name }
log-queue-unsaved = La file des transferts n’a pas pu être enregistrée ({ $error }) ; ce transfert ne reprendra pas après un redémarrage.
log-saved-waiting = { $count ->
        [one] Un transfert inachevé de la dernière fois reprendra quand vous vous connecterez à { $server }.
        [many] { $count } transferts inachevés de la dernière fois reprendront quand vous vous connecterez à { $server }.
       *[other] { $count } transferts inachevés de la dernière fois reprendront quand vous vous connecterez à { $server }.
    }
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst } (somme de contrôle vérifiée, { $algo })
log-skipped = { $name } ignoré : { $reason }
skip-folder = c’est un dossier
skip-not-a-file = ce n’est pas un fichier ordinaire
skip-folder-link = c’est un lien vers un dossier ({ $target }) ; les liens vers des dossiers ne sont pas suivis
skip-broken-link = c’est un lien cassé ou illisible
skip-link-loop = c’est un lien vers un dossier déjà copié (une boucle)
skip-exists = la destination existe
skip-not-newer = la destination est aussi récente ou plus récente
note-no-more-connections = Impossible d’ouvrir une connexion de plus ({ $error }) ; la suite passe par les connexions ouvertes
note-reconnecting = Connexion perdue pendant la copie de { $name } ({ $why }) ; reconnexion…
note-grew = { $name } a grossi pendant la copie ({ $listed } listés, { $copied } copiés)
note-duplicate-names = Noms que le serveur a listés plusieurs fois dans { $folder } : { $names } ({ $count } au total) ; la première entrée de chacun a été copiée, les répétitions ont été ignorées
note-more-refused = Noms refusés dans { $folder } : { $count } au total (les premiers sont listés)
note-mtime-not-kept = Impossible de conserver la date de modification de { $name } : { $error }
note-permissions-not-set = Impossible de définir les permissions de { $name } : { $error }
note-no-checksums = { $host } ne sait pas calculer de sommes de contrôle (pas de sha256sum via SSH) : les tailles ont été vérifiées, pas le contenu
log-cancelled = { $name } : annulé
log-job-done = { $name } : { $count ->
    [one] { $count } fichier copié
    [many] { $count } fichiers copiés
   *[other] { $count } fichiers copiés
}, { $size }, { $seconds } s
log-connected = Connecté à { $address }
log-disconnected = Déconnecté de { $address }
log-connect-failed = Impossible de se connecter à { $address } : { $error }
conflict-title = Le fichier existe déjà
conflict-body = Que faire du fichier déjà présent ?
conflict-existing = Fichier présent :
conflict-new = En cours de copie :
conflict-source-newer = Le fichier en cours de copie est plus récent.
conflict-target-newer = Le fichier déjà présent est plus récent.
conflict-overwrite = Écraser
conflict-if-newer = Écraser si plus récent
conflict-resume = Reprendre
conflict-rename = Garder les deux
conflict-skip = Ignorer
conflict-apply-all = Faire de même pour tous les conflits de ce transfert
drop-hint = { $what } (déposer sur l’autre volet ou sur un dossier)
menu-open = Ouvrir
menu-upload = Envoyer
menu-download = Télécharger
menu-rename = Renommer…
menu-delete = Supprimer…
menu-permissions = Permissions…
menu-copy-path = Copier le chemin
menu-properties = Propriétés
permissions-title = Permissions
perm-read = Lecture
perm-write = Écriture
perm-exec = Exécution
perm-owner = Propriétaire
perm-group = Groupe
perm-others = Autres
perm-octal = Octal
perm-recursive = Aussi tout le contenu des dossiers (les liens sont ignorés)
properties-title = Propriétés
close = Fermer
size-with-bytes = { $size } ({ $bytes } octets)
and-more = … et { $count } autres
names-and-more = { $names } … et { $count } autres
kind-folder = Dossier
kind-file = Fichier
kind-link = Lien symbolique
kind-other = Fichier spécial
prop-name = Nom
prop-path = Chemin
prop-kind = Type
prop-group = Groupe
prop-target = Cible

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = Impossible de trouver l’hôte « { $host } » : vérifiez le nom ou le DNS de votre réseau ({ $detail }).
err-refused = { $addr } a refusé la connexion : aucun serveur SSH n’écoute sur ce port, ou un pare-feu la rejette.
err-timeout = Délai d’attente dépassé ({ $what }) au bout de { $secs } s : l’hôte est peut-être hors service, ou un pare-feu bloque le trafic.
err-unreachable = Impossible de joindre { $host } : { $detail }.
err-hostkey-unknown = Le serveur « { $host } » n’est pas encore connu : l’empreinte de sa clé { $key_type } est { $fingerprint }. Reconnectez-vous pour la vérifier et l’accepter.
err-hostkey-changed = ATTENTION : la clé d’hôte { $key_type } de « { $host } » a CHANGÉ (désormais { $fingerprint }). Quelqu’un pourrait intercepter la connexion, ou le serveur a été réinstallé. Ferry refuse de se connecter. Si vous savez que ce changement est légitime, supprimez l’ancienne clé de { $file }, ligne { $line }.
err-hostkey-other-type = ATTENTION : « { $host } » présente maintenant une clé d’hôte { $offered }, alors que c’est une clé { $recorded } qui est enregistrée pour lui ({ $file }, ligne { $line }). Ferry refuse de se connecter. Si le changement est légitime, supprimez l’ancienne entrée.
err-hostkey-revoked = La clé d’hôte de « { $host } » est marquée comme révoquée dans { $file } (ligne { $line }) : connexion refusée.
err-through-jump = Via l’hôte de rebond { $hop } : { $error }
err-forward-refused = L’hôte de rebond { $hop } a refusé d’ouvrir une connexion vers { $target } ({ $reason }) : son serveur SSH n’autorise peut-être pas la redirection (AllowTcpForwarding), ou ne peut pas joindre cette adresse.
err-proxy-unreachable = Impossible d’utiliser le proxy { $proxy } ({ $detail }) : vérifiez son adresse et son port, et qu’il fonctionne.
err-proxy-auth = Le proxy { $proxy } demande un nom d’utilisateur et un mot de passe ({ $detail }) : vérifiez l’utilisateur de l’adresse du proxy et son mot de passe.
err-proxy-refused = Le proxy { $proxy } a refusé de se connecter à { $target } ({ $reason }) : il n’autorise peut-être pas cette adresse ou ce port, ou ne peut pas les joindre.
err-proxy-command-ended = La commande proxy « { $command } » s’est terminée avant le début de la session SSH ({ $detail }) : vérifiez qu’elle s’exécute et atteint le serveur.
err-proxy-command-invalid = Impossible d’utiliser la commande proxy « { $command } » : { $reason }.
err-proxy-command-unsafe-name = Le nom « { $name } » contient des caractères qu’un shell interpréterait : il n’est donc pas inséré dans la commande proxy. Vérifiez l’adresse.
err-known-hosts = Impossible de lire ou d’enregistrer les hôtes connus : { $detail }.
err-hostkey-changed-in-session = ATTENTION : « { $host } » présente maintenant la clé d’hôte { $key_type } { $fingerprint }, et non la clé { $accepted } acceptée pour cette session. Quelqu’un pourrait intercepter la connexion. Ferry refuse de se connecter.
err-login-needs-person = Se reconnecter à { $user }@{ $host } demande des réponses que seule une personne peut donner (comme un code à usage unique), et aucune n’a été acceptée. Reconnectez-vous pour continuer.
err-auth = Échec de l’authentification pour { $user }@{ $host } (méthodes essayées : { $tried }). Vérifiez le nom d’utilisateur, la clé ou le mot de passe.
err-auth-nothing = Échec de l’authentification pour { $user }@{ $host } : le serveur n’accepte aucune des méthodes d’authentification de Ferry. Vérifiez le nom d’utilisateur, la clé ou le mot de passe.
err-key-file = Impossible d’utiliser le fichier de clé { $path } : { $detail }.
err-permission-local = Permission refusée sur le disque local : { $path }. Vérifiez les permissions du dossier ou choisissez un autre dossier.
err-permission-remote = Permission refusée sur le serveur : { $path }. Votre compte sur ce serveur ne peut pas lire ou écrire ceci ; choisissez un autre dossier ou demandez à l’administrateur du serveur.
err-not-found = Fichier ou dossier introuvable : { $path }.
err-exists = { $path } existe déjà.
err-disk-full-local = Plus d’espace libre sur le disque local ({ $path }) : libérez de l’espace et réessayez.
err-disk-full-remote = Plus d’espace libre sur le serveur ({ $path }) : libérez de l’espace et réessayez.
err-connection-lost = La connexion a été perdue : { $detail }. Reconnectez-vous pour continuer.
err-unsupported = Non pris en charge par le serveur : { $what }.
err-unsafe-name = Le nom « { $name } » envoyé par le serveur a été refusé : ce n’est pas un nom de fichier sûr ({ $why }).
err-inexact-name = « { $name } » n’est pas en UTF-8 valide et ne peut pas être désigné exactement via cette connexion ; renommez-le sur le serveur.
err-listing-too-large = Le dossier { $path } contient plus de { $cap } entrées, la limite d’affichage ; utilisez un filtre.
err-listing-too-big = L’affichage de { $path } a été arrêté à { $mib } Mio, la mémoire permise pour un affichage : le serveur a envoyé plus qu’un dossier ne contient, ou des noms bien trop longs ; utilisez un filtre.
err-listing-too-slow = L’affichage de { $path } a été arrêté après { $secs } s, le temps permis pour un affichage : le serveur est trop lent ou ne termine jamais la liste ; réessayez ou utilisez un filtre.
err-invalid-url = Adresse non valide « { $input } » : { $reason }.
err-failure = Le serveur n’a pas pu mener à bien l’opération sur { $path } : { $message }.
err-io = { $path } : { $detail }.
err-protocol = Erreur SSH : { $detail }.
err-size-changed = La taille de { $path } a changé pendant la copie ({ $expected } octets attendus, { $got } reçus) ; réessayez quand le fichier ne sera plus en cours d’écriture.
err-checksum = Sommes de contrôle différentes pour { $path } : locale { $local }, serveur { $remote }. La copie est corrompue ; elle n’a pas été placée à destination.
err-unsafe-destination = Écriture de { $path } refusée : { $why }.
err-not-a-prefix = { $path } n’a pas été repris : ce n’est pas le début du fichier copié (la source a changé, ou c’est un autre fichier). Écrasez-le plutôt, ou déplacez-le.
err-not-a-file = { $path } n’est pas un fichier (un dossier ou un fichier spécial) : seuls les fichiers peuvent être modifiés.
err-no-free-name = Impossible de garder les deux copies de { $path } : les noms jusqu’à « ({ $tries }) » sont tous pris ; rien n’a été écrasé. Déplacez-en certains ou choisissez une autre option.
err-keyring-unavailable = Aucun trousseau système n’est disponible ({ $why }) : Ferry demandera le mot de passe à chaque fois et ne l’enregistrera jamais dans un fichier.
err-keyring = Le trousseau du système a refusé la demande : { $detail }.
err-agent = L’agent ssh-agent n’a pas pu prendre la clé : { $detail }.
err-no-sftp = { $host } n’offre pas SFTP : il a refusé le sous-système sftp (il manque peut-être une ligne Subsystem sftp dans son sshd_config, ou le compte n’autorise qu’un shell). Demandez à son administrateur d’activer SFTP.
err-job-busy = La tâche de transfert { $id } est exécutée par un autre Ferry (une fenêtre ou une commande ferry) ; elle lui est laissée.
err-sites-corrupt = Le fichier des sites { $path } n’a pas pu être lu ({ $detail }) ; il a été conservé sous le nom { $backup } et rien n’a été écrasé. Corrigez-le ou supprimez-le, puis réessayez.
err-sites-newer = Le fichier des sites { $path } est en version { $version }, écrit par une version plus récente de Ferry ; mettez Ferry à jour pour l’utiliser.
err-unknown-site = Aucun site enregistré ne s’appelle « { $name } ».
err-ambiguous-site = Plusieurs sites enregistrés s’appellent « { $name } » : choisissez parmi { $candidates }.
err-site-exists = Un site nommé « { $name } » existe déjà dans ce dossier ; choisissez un autre nom.
err-invalid-site = Site non valide : { $reason }.
err-import = Impossible d’importer { $path } : { $detail }.
err-too-many-deletes = La synchronisation supprimerait { $count } des { $total } fichiers de { $path }, plus de la moitié : rien n’a donc été modifié. Vérifiez que ce sont les bons dossiers, ou autorisez autant de suppressions.
err-delete-limit = La synchronisation supprimerait { $count } fichiers de { $path }, plus que les { $allowed } autorisés : rien n’a donc été modifié.
err-cancelled = Annulé.
err-internal = Erreur interne : { $detail }. C’est un bogue de Ferry ; merci de le signaler, puis redémarrez Ferry pour continuer.

## Formats: sizes, rates, dates and durations as this language writes them
# The character between the whole and the fraction in "1.5 MB".
format-decimal-point = ,
# $value is already written with format-decimal-point.
format-size = { $unit ->
    [kib] { $value } Kio
    [mib] { $value } Mio
    [gib] { $value } Gio
    [tib] { $value } Tio
   *[b] { $value } o
}
format-rate = { $size }/s
# $year is four digits, $month, $day, $hour and $minute two (zero-padded); 24-hour clock.
format-date-time = { $day }/{ $month }/{ $year } { $hour }:{ $minute }
format-date-time-seconds = { $day }/{ $month }/{ $year } { $hour }:{ $minute }:{ $second }
format-duration-seconds = { $s } s
format-duration-minutes = { $m } min { $s } s
format-duration-hours = { $h } h { $m } min

## Settings
settings-button = Paramètres
settings-title = Paramètres
settings-language = Langue
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = Langue du système ({ $language })
settings-language-note = La nouvelle langue s’affiche immédiatement. Les lignes déjà présentes dans le journal restent telles qu’elles ont été écrites.
settings-theme = Thème
settings-theme-system = Système
settings-theme-light = Clair
settings-theme-dark = Sombre
settings-limit = Limite de vitesse
settings-limit-none = Aucune (ex. 2M)
settings-limit-note = Octets par seconde pour l’ensemble des transferts : 500K, 2M, 1.5M ; vide : aucune limite. Un changement s’applique aussitôt, aux transferts en cours aussi.
settings-limit-bad = « { $text } » n’est pas un débit comme 500K, 2M ou 1.5M ; la limite précédente reste en vigueur.
settings-not-saved = Le réglage s’applique dès maintenant, mais n’a pas pu être enregistré : { $error }
settings-tab-general = Général
settings-tab-keys = Clés

## Settings → Keys
keys-create = Créer une clé…
keys-refresh = Actualiser
keys-agent = ssh-agent
keys-none = Aucune clé dans { $folder } ni dans un ssh-agent. Créez-en une pour vous connecter sans mot de passe.
keys-unreadable = Illisible : { $reason }
keys-copy = Copier la clé publique
keys-show = Afficher
keys-hide = Masquer
keys-protected = protégée par une phrase de passe
keys-unprotected = sans phrase de passe
keys-new-title = Nouvelle clé
keys-type = Type
keys-type-ed25519 = Ed25519 (recommandé)
keys-type-ecdsa = ECDSA (256 bits)
keys-type-rsa = RSA ({ $bits } bits)
keys-passphrase = Phrase de passe
keys-passphrase-again = Confirmation
keys-no-passphrase-warning = Sans phrase de passe, quiconque obtient ce fichier peut utiliser la clé. Une phrase de passe est recommandée.
keys-file = Fichier
keys-create-button = Créer
keys-creating = Création…
keys-passphrases-differ = Les deux phrases de passe ne sont pas identiques.
keys-file-needed = Donnez un nom de fichier à la clé.
keys-created = Clé créée : { $path }. Son empreinte et son randomart :

# Set up key login… (gui/keylogin)
keylogin-title = Configurer la connexion par clé pour { $server }
keylogin-intro = Ferry ajoute une clé publique à ~/.ssh/authorized_keys sur le serveur, puis vérifie que la clé seule vous connecte, sans mot de passe.
keylogin-key = Clé
keylogin-agent-key = dans le ssh-agent
keylogin-new = Une nouvelle clé Ed25519
keylogin-passphrase = Phrase secrète de la clé
keylogin-add-to-agent = Ajouter la nouvelle clé au ssh-agent en cours pour cette session
keylogin-install = Installer sur { $server }
keylogin-working = Dépôt de la clé sur le serveur et vérification de la connexion…
keylogin-added = La clé a été ajoutée à { $file } sur { $server }.
keylogin-already = La clé est déjà dans { $file } sur { $server } ; rien n’a été écrit.
keylogin-works = La connexion par clé fonctionne : plus besoin de mot de passe désormais.
keylogin-refused = La clé est sur le serveur, mais { $server } la refuse encore : le serveur lit peut-être les clés dans un autre fichier (AuthorizedKeysFile dans son sshd_config), ou juge trop ouvertes les permissions du dossier personnel (StrictModes). Demandez à son administrateur.
keylogin-use-for-site = Se connecter au site « { $site } » avec cette clé
keylogin-save-site = Enregistrer { $server } comme site qui se connecte avec cette clé
keylogin-forget-password = Retirer le mot de passe du site du trousseau
keylogin-keep-passphrase = Garder la phrase secrète de la clé dans le trousseau (sinon elle est demandée une fois par session)
keylogin-apply = Appliquer
keylogin-site-switched = Le site se connecte désormais avec la clé.
keylogin-password-removed = Le mot de passe du site a été retiré du trousseau.
keylogin-passphrase-kept = La phrase secrète de la clé est dans le trousseau.
keylogin-choose = Choisissez une clé.
keylogin-no-public = Ferry ne peut pas lire la partie publique de cette clé : placez son fichier .pub à côté.
keylogin-passphrase-needed = Tapez la phrase secrète de la clé : la connexion est vérifiée avec elle.
keylogin-not-connected = Connectez-vous d’abord au serveur : la clé y est déposée par cette connexion.
keylogin-menu-setup = Configurer la connexion par clé…
menu-copy-address = Copier l’adresse
connection-menu = Connexion
sites-key-login = Configurer la connexion par clé…
site-keys-found = Clés trouvées
site-keys-pick = Choisir une de vos clés
site-agent-key = Clé de l’agent
site-agent-any = N’importe quelle clé de l’agent
site-agent-key-gone = { $fingerprint } (absente de l’agent pour l’instant)
site-save-first = Enregistrez d’abord le site.

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = Dupliquer
menu-copy = Copier
menu-paste = Coller
menu-new-link = Nouveau lien…
copy-suffix = copie
link-suffix = lien
link-title = Nouveau lien
link-name = Nom du lien
link-target = Pointe vers (un chemin sur le serveur ; un lien symbolique peut être relatif)
link-hard = Lien physique (le même fichier sous un second nom ; pas d’un système de fichiers à l’autre)
link-hard-local = les liens physiques sur cet ordinateur (créez-les dans le gestionnaire de fichiers)
paste-other-server = Ce qui a été copié est sur un autre serveur : copiez-le à nouveau ici.
log-server-copy = { $files } fichier(s) copié(s) sur le serveur ({ $ways }).
drag-copy = { $dest } (une copie)
copy-way-streamed = lu et réécrit en passant par Ferry

## Modifier un fichier du serveur (Modifier, F4)
menu-edit = Modifier
confirm-quit-title = Quitter avec des modifications absentes du serveur ?
confirm-quit-body = Un enregistrement d’un fichier que vous modifiez n’a pas atteint le serveur. Sa copie est conservée, et Ferry proposera de l’envoyer au prochain démarrage.
confirm-quit = Quitter
edit-connect-to = Connectez-vous à { $server } pour envoyer cette modification.
edit-editor-unreadable = Impossible de lire la commande de l’éditeur « { $editor } » (un guillemet non fermé ?). Corrigez-la dans Paramètres → Édition.
edit-cannot-start = Impossible de lancer « { $editor } » : { $error }. Choisissez un autre éditeur dans Paramètres → Édition.
edit-leftovers = { $count ->
    [one] Une modification d’une session précédente n’a jamais atteint le serveur : elle est dans la liste « Édition », à envoyer ou à abandonner.
    [many] { $count } de modifications d’une session précédente n’ont jamais atteint le serveur : elles sont dans la liste « Édition », à envoyer ou à abandonner.
   *[other] { $count } modifications d’une session précédente n’ont jamais atteint le serveur : elles sont dans la liste « Édition », à envoyer ou à abandonner.
}
edit-read-only = Vous n’avez pas le droit d’écrire { $name } sur le serveur : il s’ouvre en lecture seule, et les enregistrements ne sont pas envoyés.
edit-not-uploaded = { $name } n’a pas été envoyé : { $error }. Le prochain enregistrement réessaiera.
edit-state-opening = Ouverture…
edit-state-asking = En attente de votre réponse
edit-state-watching = Surveillance des enregistrements
edit-state-read-only = Lecture seule : les enregistrements ne sont pas envoyés
edit-state-uploading = Envoi en cours…
edit-state-uploaded = Envoyé le { $at }
edit-state-conflict = Modifié sur le serveur : non envoyé
edit-state-failed = Non envoyé : { $error }
edit-state-not-uploaded = Absent du serveur (d’une session précédente)
edit-upload = Envoyer
edit-discard = Abandonner
edit-resolve = Résoudre…
edit-open-again = Ouvrir
edit-stop = Arrêter la modification
edit-list-title = Édition ({ $count })
edit-ask-large = { $name } fait { $size }. Le modifier quand même ?
edit-ask-binary = { $name } semble être un fichier binaire. Le modifier quand même ?
edit-anyway = Modifier quand même
edit-conflict-title = { $name } a changé sur le serveur
edit-conflict-body = Quelqu’un a modifié { $name } sur { $server } depuis que vous l’avez ouvert. Votre enregistrement n’a pas été envoyé, et la copie du serveur est intacte.
edit-overwrite = Écraser leur version
edit-keep-both = Enregistrer la mienne à côté
edit-discard-mine = Abandonner la mienne
edit-later = Décider plus tard
settings-tab-editing = Édition
settings-editor = Éditeur
settings-editor-default-app = L’application par défaut pour ce type de fichier
settings-editor-note = Une commande comme « code --wait » ou « gedit » : le chemin du fichier y est ajouté. Vide : l’application avec laquelle votre système ouvre ce type de fichier.
settings-editor-by-extension = Par extension
settings-editor-command = Commande
settings-editor-add = Ajouter une extension
settings-double-click-edits = Un double-clic sur un fichier texte du serveur le modifie (au lieu de le télécharger)
