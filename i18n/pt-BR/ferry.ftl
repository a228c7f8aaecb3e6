# Ferry's Brazilian Portuguese text (pt-BR). The English file (i18n/en/ferry.ftl) is the source and the fallback.
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: Portuguese uses `[one]` (0 and 1), `[many]` (e.g. "1 milhão de …")
# and `*[other]` (see i18n/README.md). Messages starting with format- set how sizes and dates are written.

## Main window

app-title = Ferry
local = Local
remote = Remoto
quick-connect-placeholder = usuário@host:porta ou sftp://…
connect = Conectar
disconnect = Desconectar
connecting-to = Conectando a { $address }…
not-connected = Não conectado
connected-as = Conectado como { $who }
connected = Conectado
reconnecting-to = Conexão perdida, reconectando a { $address }…
confirm-disconnect-title = Desconectar de { $address }?
confirm-break-title = Interromper a conexão atual?
confirm-break-body = Conectar a { $next } fecha a conexão com { $address }.
confirm-running = { $count ->
    [one] { $count } transferência em andamento: ela será cancelada.
    [many] { $count } de transferências em andamento: elas serão canceladas.
   *[other] { $count } transferências em andamento: elas serão canceladas.
}
confirm-editing = { $count ->
    [one] { $count } arquivo está sendo editado: o que for salvo depois não será enviado, e o que ainda não estiver no servidor fica na lista “Em edição”.
    [many] { $count } de arquivos estão sendo editados: o que for salvo depois não será enviado, e o que ainda não estiver no servidor fica na lista “Em edição”.
   *[other] { $count } arquivos estão sendo editados: o que for salvo depois não será enviado, e o que ainda não estiver no servidor fica na lista “Em edição”.
}
up = Acima
home = Pasta pessoal
refresh = Atualizar
new-folder = Nova pasta
show-hidden = Ocultos
filter-placeholder = Filtro: *.log
col-name = Nome
col-size = Tamanho
col-modified = Modificado
col-perms = Permissões
col-owner = Proprietário
loading = Carregando…
empty-folder = Esta pasta está vazia
connect-first = Conecte-se a um servidor para ver os arquivos dele
upload = Enviar →
download = ← Baixar
status-free = { $status } — { $size } livres
items = { $count ->
    [one] { $count } item
    [many] { $count } de itens
   *[other] { $count } itens
}
hostkey-fingerprint = Impressão digital da chave { $key_type }:
unsafe-names-hidden = { $status } — { $count ->
    [one] { $count } nome oculto (não é seguro como nome de arquivo)
    [many] { $count } de nomes ocultos (não são seguros como nomes de arquivo)
   *[other] { $count } nomes ocultos (não são seguros como nomes de arquivo)
}
items-selected = { $items }, { $count ->
    [one] { $count } selecionado
    [many] { $count } selecionados
   *[other] { $count } selecionados
}
listing-cut-shown = Só uma parte desta pasta é mostrada. { $reason }

## Transfers
no-transfers = Nenhuma transferência ainda: selecione arquivos e clique em Enviar ou Baixar, ou clique duas vezes em um arquivo
pause = Pausar
resume = Retomar
cancel = Cancelar
clear-finished = Limpar concluídas
done = Concluída
cancelled = Cancelada
running = Em andamento
paused = Pausada

## Dialogs
hostkey-title = Servidor desconhecido
hostkey-body = O Ferry nunca se conectou a este servidor antes. Verifique se a impressão digital é igual à informada pelo seu administrador.
hostkey-accept-once = Conectar só desta vez
hostkey-accept-save = Confiar e conectar
password-title = Senha
proxy-password-title = Senha do proxy
proxy-password-subject = { $user } no proxy { $proxy }
passphrase-title = Frase secreta da chave
interactive-title = O servidor pergunta
ok = OK
dismiss = Fechar
name-not-exact = { $name } (nome não é UTF-8 válido)
rename = Renomear
delete = Excluir
delete-title = Excluir arquivos
delete-confirm = Excluir estes itens permanentemente? As pastas são excluídas com todo o seu conteúdo.
name-placeholder = Nome
hostkey-alarm-title = Atenção: a identidade do servidor mudou
hostkey-alarm-body = A chave com que este servidor comprovou sua identidade não é a que foi registrada na sua primeira conexão. Alguém pode estar interceptando a conexão, ou o servidor foi reinstalado. O Ferry não se conectou e não enviou nada. Antes de continuar, pergunte ao administrador do servidor se a chave mudou.
hostkey-alarm-fix = Se o administrador confirmar a mudança, remova a chave antiga com este comando e conecte-se novamente para verificar a nova impressão digital:
copy-command = Copiar comando
pick-upload = Enviar arquivos…
pick-download = Baixar para…
pick-upload-title = Enviar para o servidor
pick-download-title = Baixar para esta pasta
select-to-download = Primeiro selecione arquivos no servidor, depois escolha para onde eles vão
no-file-dialog = Não há janela de seleção de arquivos disponível neste ambiente (é preciso ter xdg-desktop-portal ou zenity). Em vez disso, arraste os arquivos do gerenciador de arquivos para a janela.
queue-empty = Nada aguardando: o que foi copiado está em Concluídas, e os problemas em Falhas

## Saved sites
sites-title = Sites
sites-button = Sites…
sites-empty = Nenhum site salvo ainda: clique em Novo site ou importe do OpenSSH ou do FileZilla
sites-pick = Sites salvos
site-none = Escolha um site à esquerda ou crie um novo
site-new = Novo site
site-new-name = Novo site
site-duplicate = Duplicar
site-copy = { $name } (cópia)
site-name = Nome
site-name-hint = Meu servidor
site-folder = Pasta
site-folder-hint = Trabalho/Web (opcional)
site-host = Host
site-host-hint = example.org ou 192.0.2.10
site-port = Porta
site-user = Usuário
site-user-hint = seu login (vazio: seu nome local)
site-auth = Entrar com
auth-agent = Agente SSH / chaves padrão
auth-key = Arquivo de chave
auth-password = Senha
auth-interactive = Interativo (códigos 2FA)
site-key = Arquivo de chave
browse = Procurar…
site-password = Senha
site-passphrase = Frase secreta da chave
site-password-hint = digite para guardar no chaveiro do sistema (vazio: manter / perguntar)
site-jump = Hosts de salto
site-jump-hint = user@bastion:22, outros após vírgulas (vazio: direto)
site-proxy = Proxy
site-proxy-hint = socks5://[user@]host:1080 ou http://[user@]host:8080 (vazio: nenhum; a senha é pedida)
site-proxy-command = Comando de proxy
site-proxy-command-hint = ssh -W %h:%p gate (%h host, %p porta, %r usuário; vazio: nenhum)
site-remote-dir = Pasta remota
site-remote-hint = /var/www ou ~/logs (vazio: pasta pessoal)
site-local-dir = Pasta local
site-local-hint = onde o painel esquerdo abre (opcional)
site-max = Arquivos em paralelo
site-max-hint = 1-32 (vazio: 32)
site-verify = Verificação
site-verify-label = Verificar cada arquivo depois de copiar, com a soma mais forte que o servidor oferece
site-exec-copy = Cópias no servidor
site-exec-copy-label = Se o servidor não tiver extensão de cópia, executar cp -p nele (um comando no servidor)
site-notes = Notas
site-bad-port = A porta deve ser um número de 1 a 65535
site-bad-max = O número de arquivos em paralelo deve ser de 1 a 32
site-saved = Salvo
site-saved-no-password = Salvo, mas a senha NÃO foi guardada: { $error }
site-imported = Importação concluída
site-import-ssh = Importar ~/.ssh/config
site-import-filezilla = Importar do FileZilla…
site-no-ssh-config = Não há nenhum ~/.ssh/config para importar
site-pick-key = Escolha uma chave privada
site-pick-filezilla = Escolha o sitemanager.xml do FileZilla
save = Salvar
site-test = Testar
site-testing = Testando…
site-test-ok = Funciona: conectado como { $who }
remember-password = Lembrar no chaveiro do sistema
remember-failed = Conectado, mas a senha não foi guardada: { $error }
offer-import = Foram encontrados sites na configuração do OpenSSH ou no FileZilla: abra Sites… e clique em Importar para trazê-los (as senhas vão para o chaveiro do sistema).

## Transfer panel
tab-queue = Fila ({ $count })
tab-failed = Falhas ({ $count })
tab-finished = Concluídas ({ $count })
tab-log = Registro ({ $count })
pause-all = Pausar tudo
resume-all = Retomar tudo
cancel-all = Cancelar tudo
retry = Tentar de novo
retry-all = Tentar tudo de novo
clear = Limpar
no-finished = As transferências concluídas aparecem aqui
no-failed = Nenhuma falha
no-log = Conexões, transferências e erros são registrados aqui
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · faltam { $eta } · { $files }
job-files = { $done }/{ $count ->
    [one] { $count } arquivo
    [many] { $count } de arquivos
   *[other] { $count } arquivos
}
job-failed-files = { $count ->
    [one] Falha ({ $count } arquivo)
    [many] Falha ({ $count } de arquivos)
   *[other] Falha ({ $count } arquivos)
}
log-queued = { $direction ->
    [upload] Upload
   *[download] Download
}: { $name } → { $dest }
log-resumed-at = { $name } continua a partir de { $offset }
log-resuming-saved = Retomando uma transferência não concluída da última vez: { $name }
log-queue-unsaved = Não foi possível salvar a fila de transferências ({ $error }); esta transferência não será retomada após reiniciar.
log-saved-waiting = { $count ->
        [one] Uma transferência não concluída da última vez continuará quando você se conectar a { $server }.
        [many] { $count } transferências não concluídas da última vez continuarão quando você se conectar a { $server }.
       *[other] { $count } transferências não concluídas da última vez continuarão quando você se conectar a { $server }.
    }
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst } (soma de verificação conferida, { $algo })
log-skipped = { $name } pulado: { $reason }
skip-folder = é uma pasta
skip-not-a-file = não é um arquivo comum
skip-folder-link = é um link para uma pasta ({ $target }); links para pastas não são seguidos
skip-broken-link = é um link quebrado ou ilegível
skip-link-loop = é um link para uma pasta já copiada (um loop)
skip-exists = o destino já existe
skip-not-newer = o destino é igualmente recente ou mais novo
note-no-more-connections = Não foi possível abrir mais uma conexão ({ $error }); continuando pelas conexões abertas
note-reconnecting = Conexão perdida ao copiar { $name } ({ $why }); reconectando…
note-grew = { $name } cresceu durante a cópia ({ $listed } listados, { $copied } copiados)
note-duplicate-names = Nomes que o servidor listou mais de uma vez em { $folder }: { $names } ({ $count } no total); a primeira entrada de cada um foi copiada, as repetições foram ignoradas
note-more-refused = Nomes recusados em { $folder }: { $count } no total (os primeiros estão listados)
note-mtime-not-kept = Não foi possível manter a data de modificação de { $name }: { $error }
note-permissions-not-set = Não foi possível definir as permissões de { $name }: { $error }
note-no-checksums = { $host } não consegue calcular somas de verificação (sem sha256sum via SSH): os tamanhos foram verificados, o conteúdo não
log-cancelled = { $name }: cancelado
log-job-done = { $name }: { $count ->
    [one] { $count } arquivo copiado
    [many] { $count } de arquivos copiados
   *[other] { $count } arquivos copiados
}, { $size }, { $seconds } s
log-connected = Conectado a { $address }
log-disconnected = Desconectado de { $address }
log-connect-failed = Não foi possível conectar a { $address }: { $error }
conflict-title = O arquivo já existe
conflict-body = O que fazer com o arquivo que já está lá?
conflict-existing = Já existente:
conflict-new = Sendo copiado:
conflict-source-newer = O arquivo sendo copiado é mais recente.
conflict-target-newer = O arquivo já existente é mais recente.
conflict-overwrite = Sobrescrever
conflict-if-newer = Sobrescrever se mais recente
conflict-resume = Retomar
conflict-rename = Manter ambos
conflict-skip = Pular
conflict-apply-all = Fazer o mesmo em todos os conflitos desta transferência
drop-hint = { $what } (solte no outro painel ou em uma pasta)
menu-open = Abrir
menu-upload = Enviar
menu-download = Baixar
menu-rename = Renomear…
menu-delete = Excluir…
menu-permissions = Permissões…
menu-copy-path = Copiar caminho
menu-properties = Propriedades
permissions-title = Permissões
perm-read = Leitura
perm-write = Gravação
perm-exec = Execução
perm-owner = Proprietário
perm-group = Grupo
perm-others = Outros
perm-octal = Octal
perm-recursive = Também tudo o que há dentro das pastas (links são ignorados)
properties-title = Propriedades
close = Fechar
size-with-bytes = { $size } ({ $bytes } bytes)
and-more = … e mais { $count }
names-and-more = { $names } … e mais { $count }
kind-folder = Pasta
kind-file = Arquivo
kind-link = Link simbólico
kind-other = Arquivo especial
prop-name = Nome
prop-path = Caminho
prop-kind = Tipo
prop-group = Grupo
prop-target = Aponta para

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = Não foi possível encontrar o host “{ $host }”: verifique o nome ou o DNS da sua rede ({ $detail }).
err-refused = { $addr } recusou a conexão: não há servidor SSH escutando nessa porta, ou um firewall a rejeita.
err-timeout = Tempo esgotado ({ $what }) após { $secs } s: o host pode estar fora do ar, ou um firewall está descartando o tráfego.
err-unreachable = Não foi possível alcançar { $host }: { $detail }.
err-hostkey-unknown = O servidor “{ $host }” ainda não é conhecido: a impressão digital da chave { $key_type } dele é { $fingerprint }. Conecte-se novamente para verificá-la e aceitá-la.
err-hostkey-changed = ATENÇÃO: a chave de host { $key_type } de “{ $host }” MUDOU (agora é { $fingerprint }). Alguém pode estar interceptando a conexão, ou o servidor foi reinstalado. O Ferry se recusa a conectar. Se você sabe que a mudança é legítima, remova a chave antiga de { $file }, linha { $line }.
err-hostkey-other-type = ATENÇÃO: “{ $host }” agora apresenta uma chave de host { $offered }, mas a chave registrada para ele é { $recorded } ({ $file }, linha { $line }). O Ferry se recusa a conectar. Se a mudança for legítima, remova a entrada antiga.
err-hostkey-revoked = A chave de host de “{ $host }” está marcada como revogada em { $file }, linha { $line }: conexão recusada.
err-through-jump = Pelo host de salto { $hop }: { $error }
err-forward-refused = O host de salto { $hop } recusou abrir uma conexão com { $target } ({ $reason }): o servidor SSH dele pode não permitir encaminhamento (AllowTcpForwarding) ou não alcançar esse endereço.
err-proxy-unreachable = Não é possível usar o proxy { $proxy } ({ $detail }): verifique o endereço e a porta, e se ele está em execução.
err-proxy-auth = O proxy { $proxy } pede um nome de usuário e uma senha ({ $detail }): verifique o usuário no endereço do proxy e a senha dele.
err-proxy-refused = O proxy { $proxy } recusou conectar a { $target } ({ $reason }): ele pode não permitir esse endereço ou porta, ou não conseguir alcançá-los.
err-proxy-command-ended = O comando de proxy “{ $command }” terminou antes de a sessão SSH começar ({ $detail }): verifique se ele é executado e alcança o servidor.
err-proxy-command-invalid = Não é possível usar o comando de proxy “{ $command }”: { $reason }.
err-proxy-command-unsafe-name = O nome “{ $name }” tem caracteres que um shell interpretaria, por isso não é inserido no comando de proxy: verifique o endereço.
err-known-hosts = Não foi possível ler ou registrar os hosts conhecidos: { $detail }.
err-hostkey-changed-in-session = ATENÇÃO: “{ $host }” agora apresenta a chave de host { $key_type } { $fingerprint }, e não a chave { $accepted } aceita para esta sessão. Alguém pode estar interceptando a conexão. O Ferry se recusa a conectar.
err-login-needs-person = Entrar de novo em { $user }@{ $host } exige respostas que só uma pessoa pode dar (como um código de uso único), e nenhuma foi aceita. Conecte de novo para continuar.
err-auth = Falha no login de { $user }@{ $host } (métodos tentados: { $tried }). Verifique o nome de usuário, a chave ou a senha.
err-auth-nothing = Falha no login de { $user }@{ $host }: o servidor não aceita nenhum dos métodos de login que o Ferry suporta. Verifique o nome de usuário, a chave ou a senha.
err-key-file = Não é possível usar o arquivo de chave { $path }: { $detail }.
err-permission-local = Permissão negada no disco local: { $path }. Verifique as permissões da pasta ou escolha outra pasta.
err-permission-remote = Permissão negada no servidor: { $path }. Sua conta lá não pode ler nem gravar isto; escolha outra pasta ou fale com o administrador do servidor.
err-not-found = Arquivo ou pasta inexistente: { $path }.
err-exists = { $path } já existe.
err-disk-full-local = Sem espaço no disco local ({ $path }): libere espaço e tente novamente.
err-disk-full-remote = Sem espaço no servidor ({ $path }): libere espaço e tente novamente.
err-connection-lost = A conexão foi perdida: { $detail }. Reconecte para continuar.
err-unsupported = O servidor não oferece suporte a: { $what }.
err-unsafe-name = O nome “{ $name }” enviado pelo servidor foi recusado: { $why } não é um nome de arquivo seguro.
err-inexact-name = “{ $name }” não é UTF-8 válido e não pode ser referenciado com exatidão nesta conexão; renomeie-o no servidor.
err-listing-too-large = A pasta { $path } tem mais de { $cap } entradas, o limite da listagem; use um filtro.
err-listing-too-big = A listagem de { $path } foi interrompida em { $mib } MiB, a memória que uma listagem pode usar: o servidor enviou mais do que uma pasta contém, ou nomes longos demais; use um filtro.
err-listing-too-slow = A listagem de { $path } foi interrompida após { $secs } s, o tempo que uma listagem pode levar: o servidor é lento demais ou nunca termina a lista; tente de novo ou use um filtro.
err-invalid-url = Endereço inválido “{ $input }”: { $reason }.
err-failure = O servidor não conseguiu concluir a operação em { $path }: { $message }.
err-io = { $path }: { $detail }.
err-protocol = Erro de SSH: { $detail }.
err-size-changed = O tamanho de { $path } mudou durante a cópia (esperados { $expected } bytes, recebidos { $got }); tente novamente quando o arquivo não estiver mais sendo gravado.
err-checksum = Soma de verificação divergente em { $path }: local { $local }, servidor { $remote }. A cópia está corrompida e não foi colocada no lugar.
err-unsafe-destination = Gravação de { $path } recusada: { $why }.
err-not-a-prefix = { $path } não foi continuado: não é o começo do arquivo sendo copiado (a origem mudou ou é outro arquivo). Sobrescreva-o ou mova-o.
err-not-a-file = { $path } não é um arquivo (é uma pasta ou um arquivo especial): só arquivos podem ser editados.
err-no-free-name = Não é possível manter as duas cópias de { $path }: os nomes até "({ $tries })" já existem; nada foi sobrescrito. Mova alguns ou escolha outra opção.
err-keyring-unavailable = Nenhum chaveiro do sistema disponível ({ $why }): o Ferry pedirá a senha todas as vezes e nunca a guardará em um arquivo.
err-keyring = O chaveiro do sistema recusou a solicitação: { $detail }.
err-agent = O ssh-agent não pôde aceitar a chave: { $detail }.
err-no-sftp = { $host } não oferece SFTP: recusou o subsistema sftp (talvez falte uma linha Subsystem sftp no seu sshd_config, ou a conta só permita um shell). Peça ao administrador que ative o SFTP.
err-job-busy = A transferência { $id } está sendo executada por outro Ferry (uma janela ou um comando ferry); ela fica com ele.
err-sites-corrupt = Não foi possível ler o arquivo de sites { $path } ({ $detail }); ele foi mantido como { $backup } e nada foi sobrescrito. Corrija-o ou remova-o e tente novamente.
err-sites-newer = O arquivo de sites { $path } está na versão { $version }, gravada por um Ferry mais novo; atualize o Ferry para usá-lo.
err-unknown-site = Não há nenhum site salvo com o nome “{ $name }”.
err-ambiguous-site = Há mais de um site salvo com o nome “{ $name }”: escolha um entre { $candidates }.
err-site-exists = Já existe um site chamado “{ $name }” nessa pasta; escolha outro nome.
err-invalid-site = Site inválido: { $reason }.
err-import = Não é possível importar { $path }: { $detail }.
err-too-many-deletes = A sincronização excluiria { $count } dos { $total } arquivos em { $path }, mais da metade, por isso nada foi alterado. Verifique se as duas pastas são as certas, ou permita essa quantidade de exclusões.
err-delete-limit = A sincronização excluiria { $count } arquivos em { $path }, mais do que os { $allowed } permitidos, por isso nada foi alterado.
err-cancelled = Cancelado.
err-internal = Erro interno: { $detail }. Isto é um defeito do Ferry; informe-o, por favor, e reinicie o Ferry para continuar.

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
settings-button = Configurações
settings-title = Configurações
settings-language = Idioma
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = Sistema ({ $language })
settings-language-note = O novo idioma é aplicado imediatamente. As linhas que já estão no Registro ficam como foram escritas.
settings-theme = Tema
settings-theme-system = Sistema
settings-theme-light = Claro
settings-theme-dark = Escuro
settings-limit = Limite de velocidade
settings-limit-none = Nenhum (ex.: 2M)
settings-limit-note = Bytes por segundo somando todas as transferências: 500K, 2M, 1.5M; vazio: sem limite. Uma mudança vale na hora, também para transferências em andamento.
settings-limit-bad = “{ $text }” não é uma taxa como 500K, 2M ou 1.5M; o limite anterior continua valendo.
settings-not-saved = A configuração já foi aplicada, mas não pôde ser salva: { $error }
settings-tab-general = Geral
settings-tab-keys = Chaves

## Settings → Keys
keys-create = Criar chave…
keys-refresh = Atualizar
keys-agent = ssh-agent
keys-none = Nenhuma chave em { $folder } nem em um ssh-agent. Crie uma para entrar sem senha.
keys-unreadable = Não pode ser lida: { $reason }
keys-copy = Copiar chave pública
keys-show = Mostrar
keys-hide = Ocultar
keys-protected = protegida por frase secreta
keys-unprotected = sem frase secreta
keys-new-title = Nova chave
keys-type = Tipo
keys-type-ed25519 = Ed25519 (recomendado)
keys-type-ecdsa = ECDSA (256 bits)
keys-type-rsa = RSA ({ $bits } bits)
keys-passphrase = Frase secreta
keys-passphrase-again = Repita a frase
keys-no-passphrase-warning = Sem frase secreta, qualquer pessoa que obtiver este arquivo pode usar a chave. Recomenda-se usar uma.
keys-file = Arquivo
keys-create-button = Criar
keys-creating = Criando…
keys-passphrases-differ = As duas frases secretas não são iguais.
keys-file-needed = Informe um nome de arquivo para a chave.
keys-created = Chave criada: { $path }. Sua impressão digital e randomart:

# Set up key login… (gui/keylogin)
keylogin-title = Configurar login por chave para { $server }
keylogin-intro = O Ferry adiciona uma chave pública a ~/.ssh/authorized_keys no servidor e depois verifica que só a chave faz você entrar, sem senha.
keylogin-key = Chave
keylogin-agent-key = no ssh-agent
keylogin-new = Uma nova chave Ed25519
keylogin-passphrase = Frase-senha da chave
keylogin-add-to-agent = Adicionar a nova chave ao ssh-agent em execução nesta sessão
keylogin-install = Instalar em { $server }
keylogin-working = Colocando a chave no servidor e verificando o login…
keylogin-added = A chave foi adicionada a { $file } em { $server }.
keylogin-already = A chave já está em { $file } em { $server }; nada foi escrito.
keylogin-works = O login por chave funciona: de agora em diante não é preciso senha.
keylogin-refused = A chave está no servidor, mas { $server } ainda a recusa: o servidor pode ler as chaves de outro arquivo (AuthorizedKeysFile no sshd_config) ou achar as permissões da pasta pessoal abertas demais (StrictModes). Pergunte ao administrador.
keylogin-use-for-site = Entrar no site “{ $site }” com esta chave
keylogin-save-site = Salvar { $server } como um site que entra com esta chave
keylogin-forget-password = Remover a senha do site do chaveiro
keylogin-keep-passphrase = Guardar a frase-senha da chave no chaveiro (senão ela é pedida uma vez por sessão)
keylogin-apply = Aplicar
keylogin-site-switched = O site agora entra com a chave.
keylogin-password-removed = A senha do site foi removida do chaveiro.
keylogin-passphrase-kept = A frase-senha da chave está no chaveiro.
keylogin-choose = Escolha uma chave.
keylogin-no-public = O Ferry não consegue ler a parte pública desta chave: coloque o arquivo .pub ao lado dela.
keylogin-passphrase-needed = Digite a frase-senha da chave: o login é verificado com ela.
keylogin-not-connected = Conecte-se ao servidor primeiro: a chave é colocada nele por essa conexão.
keylogin-menu-setup = Configurar login por chave…
menu-copy-address = Copiar endereço
connection-menu = Conexão
sites-key-login = Configurar login por chave…
site-keys-found = Chaves encontradas
site-keys-pick = Escolha uma das suas chaves
site-agent-key = Chave do agente
site-agent-any = Qualquer chave do agente
site-agent-key-gone = { $fingerprint } (fora do agente agora)
site-save-first = Salve o site primeiro.

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = Duplicar
menu-copy = Copiar
menu-paste = Colar
menu-new-link = Novo link…
copy-suffix = cópia
link-suffix = link
link-title = Novo link
link-name = Nome do link
link-target = Aponta para (um caminho no servidor; um link simbólico pode ser relativo)
link-hard = Link físico (o mesmo arquivo com um segundo nome; não entre sistemas de arquivos)
link-hard-local = links físicos neste computador (crie-os no gerenciador de arquivos)
paste-other-server = O que foi copiado está em outro servidor: copie de novo aqui.
log-server-copy = { $files } arquivo(s) copiado(s) no servidor ({ $ways }).
drag-copy = { $dest } (uma cópia)
copy-way-streamed = lido e escrito de volta pelo Ferry

## Edição de um arquivo do servidor (Editar, F4)
menu-edit = Editar
confirm-quit-title = Sair com edições que não estão no servidor?
confirm-quit-body = Um salvamento de um arquivo que você está editando não chegou ao servidor. A cópia dele é mantida, e o Ferry oferece enviá-la na próxima vez que for iniciado.
confirm-quit = Sair
edit-connect-to = Conecte-se a { $server } para enviar esta edição.
edit-editor-unreadable = Não é possível ler o comando do editor “{ $editor }” (aspas não fechadas?). Corrija-o em Configurações → Edição.
edit-cannot-start = Não é possível iniciar “{ $editor }”: { $error }. Escolha outro editor em Configurações → Edição.
edit-leftovers = { $count ->
    [one] { $count } edição de uma sessão anterior nunca chegou ao servidor: ela está na lista “Em edição”, para enviar ou descartar.
    [many] { $count } de edições de uma sessão anterior nunca chegaram ao servidor: elas estão na lista “Em edição”, para enviar ou descartar.
   *[other] { $count } edições de uma sessão anterior nunca chegaram ao servidor: elas estão na lista “Em edição”, para enviar ou descartar.
}
edit-read-only = Você não tem permissão para gravar { $name } no servidor: ele abre somente para leitura, e os salvamentos não são enviados.
edit-not-uploaded = { $name } não foi enviado: { $error }. O próximo salvamento tenta de novo.
edit-state-opening = Abrindo…
edit-state-asking = Aguardando sua resposta
edit-state-watching = Aguardando salvamentos
edit-state-read-only = Somente leitura: os salvamentos não são enviados
edit-state-uploading = Enviando…
edit-state-uploaded = Enviado em { $at }
edit-state-conflict = Alterado no servidor: não enviado
edit-state-failed = Não enviado: { $error }
edit-state-not-uploaded = Não está no servidor (de uma sessão anterior)
edit-upload = Enviar
edit-discard = Descartar
edit-resolve = Resolver…
edit-open-again = Abrir
edit-stop = Parar de editar
edit-list-title = Em edição ({ $count })
edit-ask-large = { $name } tem { $size }. Editar mesmo assim?
edit-ask-binary = { $name } parece ser um arquivo binário. Editar mesmo assim?
edit-anyway = Editar mesmo assim
edit-conflict-title = { $name } mudou no servidor
edit-conflict-body = Alguém alterou { $name } em { $server } depois que você o abriu. Seu salvamento não foi enviado, e a cópia do servidor continua intacta.
edit-overwrite = Sobrescrever a deles
edit-keep-both = Salvar a minha ao lado
edit-discard-mine = Descartar a minha
edit-later = Decidir depois
settings-tab-editing = Edição
settings-editor = Editor
settings-editor-default-app = O aplicativo padrão para o tipo do arquivo
settings-editor-note = Um comando como “code --wait” ou “gedit”: o caminho do arquivo é acrescentado a ele. Vazio: o aplicativo com que o seu sistema abre esse tipo de arquivo.
settings-editor-by-extension = Por extensão
settings-editor-command = Comando
settings-editor-add = Adicionar uma extensão
settings-double-click-edits = Clicar duas vezes em um arquivo de texto no servidor abre-o para edição (em vez de baixá-lo)
