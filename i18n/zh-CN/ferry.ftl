# Ferry's English text: complete, and the fallback for every other language.
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: `{ $count -> [one] … *[other] … }`; give the forms your language
# uses (see i18n/README.md). Messages starting with format- set how sizes and dates are written.

## Main window

app-title = Ferry
local = 本地
remote = 远程
quick-connect-placeholder = 用户@主机:端口 或 sftp://…
connect = 连接
disconnect = 断开连接
connecting-to = 正在连接到 { $address }…
not-connected = 未连接
connected-as = 已以 { $who } 身份连接
connected = 已连接
reconnecting-to = 连接已断开，正在重新连接到 { $address }…
confirm-disconnect-title = 断开与 { $address } 的连接？
confirm-break-title = 断开当前连接？
confirm-break-body = 连接到 { $next } 将关闭与 { $address } 的连接。
confirm-running = 有 { $count } 个传输正在进行，将被取消。
up = 上一级
home = 主目录
refresh = 刷新
new-folder = 新建文件夹
show-hidden = 隐藏文件
filter-placeholder = 筛选：*.log
col-name = 名称
col-size = 大小
col-modified = 修改时间
col-perms = 权限
col-owner = 所有者
loading = 正在加载…
empty-folder = 此文件夹为空
connect-first = 连接到服务器后即可查看其文件
upload = 上传 →
download = ← 下载
status-free = { $status } — 可用 { $size }
items = { $count } 项
hostkey-fingerprint = { $key_type } 密钥指纹：
unsafe-names-hidden = { $status } — 已隐藏 { $count } 个名称（用作文件名不安全）
items-selected = { $items }，已选择 { $count } 项
listing-cut-shown = 只显示了此文件夹的一部分。{ $reason }

## Transfers
no-transfers = 暂无传输：选择文件后点击“上传”或“下载”，或双击文件
pause = 暂停
resume = 继续
cancel = 取消
clear-finished = 清除已完成
done = 已完成
cancelled = 已取消
running = 进行中
paused = 已暂停

## Dialogs
hostkey-title = 未知服务器
hostkey-body = Ferry 从未连接过此服务器。请核对指纹是否与管理员提供给您的一致。
hostkey-accept-once = 仅本次连接
hostkey-accept-save = 信任并连接
password-title = 密码
passphrase-title = 密钥口令
interactive-title = 服务器请求输入
ok = 确定
dismiss = 关闭
name-not-exact = { $name }（名称不是有效的 UTF-8）
rename = 重命名
delete = 删除
delete-title = 删除文件
delete-confirm = 要永久删除这些项目吗？文件夹将连同其中的所有内容一起删除。
name-placeholder = 名称
hostkey-alarm-title = 警告：服务器身份已改变
hostkey-alarm-body = 此服务器用来证明其身份的密钥，与您首次连接时记录的密钥不一致。可能有人正在拦截此连接，也可能是服务器被重装了。Ferry 没有建立连接，也没有发送任何数据。继续之前，请先向服务器管理员确认密钥是否确实已更换。
hostkey-alarm-fix = 如果管理员确认密钥已更换，请用以下命令删除旧密钥，然后重新连接并核对新的指纹：
copy-command = 复制命令
pick-upload = 上传文件…
pick-download = 下载到…
pick-upload-title = 上传到服务器
pick-download-title = 下载到此文件夹
select-to-download = 请先在服务器上选择文件，再选择保存位置
no-file-dialog = 此桌面环境没有可用的文件对话框（需要 xdg-desktop-portal 或 zenity）。请改为从文件管理器将文件拖放到窗口中。
queue-empty = 没有等待中的项目：已复制的在“已完成”中，出错的在“失败”中

## Saved sites
sites-title = 站点
sites-button = 站点…
sites-empty = 还没有保存的站点：点击“新建站点”，或从 OpenSSH 或 FileZilla 导入
sites-pick = 已保存的站点
site-none = 请在左侧选择站点，或新建一个
site-new = 新建站点
site-new-name = 新站点
site-duplicate = 复制
site-copy = { $name }（副本）
site-name = 名称
site-name-hint = 我的服务器
site-folder = 文件夹
site-folder-hint = 工作/网站（可选）
site-host = 主机
site-host-hint = example.org 或 192.0.2.10
site-port = 端口
site-user = 用户
site-user-hint = 您的登录名（留空：使用本机用户名）
site-auth = 登录方式
auth-agent = SSH 代理 / 默认密钥
auth-key = 密钥文件
auth-password = 密码
auth-interactive = 交互式（2FA 验证码）
site-key = 密钥文件
browse = 浏览…
site-password = 密码
site-passphrase = 密钥口令
site-password-hint = 输入后将保存到系统密钥环（留空：保持不变 / 每次询问）
site-jump = 跳板主机
site-jump-hint = user@bastion:22，多个用逗号分隔（空：直连）
site-remote-dir = 远程文件夹
site-remote-hint = /var/www 或 ~/logs（留空：主目录）
site-local-dir = 本地文件夹
site-local-hint = 左侧窗格打开的位置（可选）
site-max = 并行文件数
site-max-hint = 1-32（留空：32）
site-verify = 校验和
site-verify-label = 复制后用服务器提供的最强校验和校验每个文件
site-exec-copy = 服务器上的复制
site-exec-copy-label = 服务器没有复制扩展时，在服务器上运行 cp -p（服务器上的命令）
site-notes = 备注
site-bad-port = 端口必须是 1 到 65535 之间的数字
site-bad-max = 并行文件数必须是 1 到 32 之间的数字
site-saved = 已保存
site-saved-no-password = 已保存，但密码并未存储：{ $error }
site-imported = 已导入
site-import-ssh = 导入 ~/.ssh/config
site-import-filezilla = 导入 FileZilla…
site-no-ssh-config = 没有可导入的 ~/.ssh/config
site-pick-key = 选择私钥
site-pick-filezilla = 选择 FileZilla 的 sitemanager.xml
save = 保存
site-test = 测试
site-testing = 正在测试…
site-test-ok = 连接正常：已以 { $who } 身份登录
remember-password = 保存到系统密钥环
remember-failed = 已连接，但未能保存密码：{ $error }
offer-import = 在 OpenSSH 配置或 FileZilla 中发现了站点：打开“站点…”并点击“导入”即可迁移过来（密码将存入系统密钥环）。

## Transfer panel
tab-queue = 队列（{ $count }）
tab-failed = 失败（{ $count }）
tab-finished = 已完成（{ $count }）
tab-log = 日志（{ $count }）
pause-all = 全部暂停
resume-all = 全部继续
cancel-all = 全部取消
retry = 重试
retry-all = 全部重试
clear = 清除
no-finished = 已完成的传输会显示在这里
no-failed = 没有失败的传输
no-log = 连接、传输和错误会记录在这里
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · 剩余 { $eta } · { $files }
job-files = { $done }/{ $count } 个文件
job-failed-files = 失败（{ $count } 个文件）
log-queued = { $direction ->
    [upload] 上传
   *[download] 下载
}：{ $name } → { $dest }
log-resumed-at = { $name } 从 { $offset } 处继续
log-resuming-saved = 继续上次未完成的传输：{ $name }
log-queue-unsaved = 无法保存传输队列（{ $error }）；重启后将不会继续此传输。
log-saved-waiting = 上次有 { $count } 个未完成的传输，连接到 { $server } 后将继续。
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst }（校验和已验证，{ $algo }）
log-skipped = 已跳过 { $name }：{ $reason }
skip-folder = 这是一个文件夹
skip-not-a-file = 这不是普通文件
skip-folder-link = 这是指向文件夹的链接（{ $target }）；不跟随指向文件夹的链接
skip-broken-link = 这是损坏或无法读取的链接
skip-link-loop = 这是指向已复制文件夹的链接（循环）
skip-exists = 目标已存在
skip-not-newer = 目标同样新或更新
note-no-more-connections = 无法再打开一个连接（{ $error }）；继续使用已打开的连接
note-reconnecting = 复制 { $name } 时连接断开（{ $why }）；正在重新连接…
note-grew = { $name } 在复制过程中变大了（列出 { $listed }，已复制 { $copied }）
note-duplicate-names = 服务器在 { $folder } 中多次列出的名称：{ $names }（共 { $count }）；每个名称只复制了第一个条目，重复的条目已跳过
note-more-refused = { $folder } 中被拒绝的名称：共 { $count }（列出了前几个）
note-mtime-not-kept = 无法保留 { $name } 的修改时间：{ $error }
note-permissions-not-set = 无法设置 { $name } 的权限：{ $error }
note-no-checksums = { $host } 无法计算校验和（SSH 上没有 sha256sum）：已检查大小，未检查内容
log-cancelled = { $name }：已取消
log-job-done = { $name }：已复制 { $count } 个文件，{ $size }，{ $seconds } 秒
log-connected = 已连接到 { $address }
log-disconnected = 已断开与 { $address } 的连接
log-connect-failed = 无法连接到 { $address }：{ $error }
conflict-title = 文件已存在
conflict-body = 要如何处理已存在的文件？
conflict-existing = 现有文件：
conflict-new = 正在复制：
conflict-source-newer = 正在复制的文件较新。
conflict-target-newer = 现有文件较新。
conflict-overwrite = 覆盖
conflict-if-newer = 较新时覆盖
conflict-resume = 续传
conflict-rename = 保留两者
conflict-skip = 跳过
conflict-apply-all = 对本次传输中的所有冲突执行此操作
drop-hint = { $what }（拖放到另一侧窗格或文件夹上）
menu-open = 打开
menu-upload = 上传
menu-download = 下载
menu-rename = 重命名…
menu-delete = 删除…
menu-permissions = 权限…
menu-copy-path = 复制路径
menu-properties = 属性
permissions-title = 权限
perm-read = 读取
perm-write = 写入
perm-exec = 执行
perm-owner = 所有者
perm-group = 组
perm-others = 其他
perm-octal = 八进制
perm-recursive = 同时应用于文件夹内的所有内容（跳过链接）
properties-title = 属性
close = 关闭
size-with-bytes = { $size }（{ $bytes } 字节）
and-more = … 另有 { $count } 项
names-and-more = { $names } … 另有 { $count } 项
kind-folder = 文件夹
kind-file = 文件
kind-link = 符号链接
kind-other = 特殊文件
prop-name = 名称
prop-path = 路径
prop-kind = 类型
prop-group = 组
prop-target = 指向

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = 找不到主机“{ $host }”：请检查主机名或网络的 DNS（{ $detail }）。
err-refused = { $addr } 拒绝了连接：该端口上没有 SSH 服务器在监听，或者防火墙拒绝了连接。
err-timeout = { $secs } 秒后超时（{ $what }）：主机可能已关闭，或者防火墙丢弃了数据。
err-unreachable = 无法访问 { $host }：{ $detail }。
err-hostkey-unknown = 服务器“{ $host }”尚未被识别：其 { $key_type } 密钥指纹为 { $fingerprint }。请重新连接以核对并接受该密钥。
err-hostkey-changed = 警告：“{ $host }”的 { $key_type } 主机密钥已被更改（现为 { $fingerprint }）。可能有人正在拦截此连接，也可能是服务器被重装了。Ferry 拒绝连接。如果您确知此更改是正当的，请从 { $file } 第 { $line } 行删除旧密钥。
err-hostkey-other-type = 警告：“{ $host }”现在提供的是 { $offered } 主机密钥，但记录的是 { $recorded } 密钥（{ $file } 第 { $line } 行）。Ferry 拒绝连接。如果此更改是正当的，请删除旧条目。
err-hostkey-revoked = “{ $host }”的主机密钥在 { $file } 第 { $line } 行被标记为已吊销：拒绝连接。
err-through-jump = 经由跳板主机 { $hop }：{ $error }
err-forward-refused = 跳板主机 { $hop } 拒绝打开到 { $target } 的连接（{ $reason }）：它的 SSH 服务器可能不允许转发（AllowTcpForwarding），或无法访问该地址。
err-proxy-unreachable = 无法使用代理 { $proxy }（{ $detail }）：请检查其地址和端口，以及它是否在运行。
err-proxy-auth = 代理 { $proxy } 要求提供用户名和密码（{ $detail }）：请检查代理地址中的用户及其密码。
err-proxy-refused = 代理 { $proxy } 拒绝连接到 { $target }（{ $reason }）：它可能不允许该地址或端口，或无法访问它们。
err-known-hosts = 无法读取或记录已知主机：{ $detail }。
err-hostkey-changed-in-session = 警告：“{ $host }”现在提供的 { $key_type } 主机密钥是 { $fingerprint }，不是本次会话中接受的密钥 { $accepted }。可能有人正在拦截连接。Ferry 拒绝连接。
err-login-needs-person = 重新登录 { $user }@{ $host } 需要由用户本人输入的内容（如一次性验证码），但没有被接受的内容。请重新连接以继续。
err-auth = { $user }@{ $host } 登录失败（已尝试：{ $tried }）。请检查用户名、密钥或密码。
err-auth-nothing = { $user }@{ $host } 登录失败：服务器不接受 Ferry 支持的任何登录方式。请检查用户名、密钥或密码。
err-key-file = 无法使用密钥文件 { $path }：{ $detail }。
err-permission-local = 本地磁盘上权限不足：{ $path }。请检查该文件夹的权限，或选择其他文件夹。
err-permission-remote = 服务器上权限不足：{ $path }。您在服务器上的账户无权读写此项；请选择其他文件夹，或联系服务器管理员。
err-not-found = 文件或文件夹不存在：{ $path }。
err-exists = { $path } 已存在。
err-disk-full-local = 本地磁盘空间不足（{ $path }）：请释放一些空间后重试。
err-disk-full-remote = 服务器空间不足（{ $path }）：请释放一些空间后重试。
err-connection-lost = 连接已断开：{ $detail }。请重新连接以继续。
err-unsupported = 服务器不支持：{ $what }。
err-unsafe-name = 已拒绝服务器发送的名称“{ $name }”：{ $why } 不是安全的文件名。
err-inexact-name = “{ $name }”不是有效的 UTF-8，无法通过此连接准确访问；请在服务器上将其重命名。
err-listing-too-large = 文件夹 { $path } 的条目数超过列表上限 { $cap }；请使用筛选。
err-listing-too-big = 文件夹 { $path } 的列表在 { $mib } MiB（列表可用内存上限）处停止：服务器发送的条目多于文件夹内容，或名称过长；请使用筛选。
err-listing-too-slow = 文件夹 { $path } 的列表在 { $secs } 秒（列表可用时间上限）后停止：服务器太慢或列表永不结束；请重试，或使用筛选。
err-invalid-url = 无效的地址“{ $input }”：{ $reason }。
err-failure = 服务器无法完成对 { $path } 的操作：{ $message }。
err-io = { $path }：{ $detail }。
err-protocol = SSH 错误：{ $detail }。
err-size-changed = { $path } 在复制过程中大小发生了变化（预期 { $expected } 字节，实际 { $got } 字节）；请等它不再被写入时重试。
err-checksum = { $path } 的校验和不匹配：本地为 { $local }，服务器为 { $remote }。副本已损坏，未放到目标位置。
err-unsafe-destination = 已拒绝写入 { $path }：{ $why }。
err-not-a-prefix = 未继续 { $path }：它不是正在复制的文件的开头部分（源文件已更改，或是另一个文件）。请改为覆盖，或将其移走。
err-not-a-file = { $path } 不是文件（是文件夹或特殊文件）：只能编辑文件。
err-no-free-name = 无法同时保留 { $path } 的两个副本：直到“({ $tries })”的名称都已存在；没有覆盖任何文件。请移走其中一些，或选择其他选项。
err-keyring-unavailable = 系统密钥环不可用（{ $why }）：Ferry 每次都会询问密码，且绝不会将其保存到文件中。
err-keyring = 系统密钥环拒绝了请求：{ $detail }。
err-agent = ssh-agent 无法接收该密钥：{ $detail }。
err-no-sftp = { $host } 没有 SFTP 服务：它拒绝了 sftp 子系统（其 sshd_config 可能缺少 Subsystem sftp 行，或该账户只允许 shell）。请让管理员启用 SFTP。
err-job-busy = 传输任务 { $id } 正由另一个 Ferry（窗口或 ferry 命令）运行；留给它处理。
err-sites-corrupt = 无法读取站点文件 { $path }（{ $detail }）；已将其保留为 { $backup }，没有覆盖任何内容。请修复或删除该文件，然后重试。
err-sites-newer = 站点文件 { $path } 的版本为 { $version }，由更新版本的 Ferry 写入；请更新 Ferry 后再使用。
err-unknown-site = 没有名为“{ $name }”的已保存站点。
err-ambiguous-site = 有多个已保存站点名为“{ $name }”：请从 { $candidates } 中选择一个。
err-site-exists = 该文件夹中已有名为“{ $name }”的站点；请换一个名称。
err-invalid-site = 无效的站点：{ $reason }。
err-import = 无法导入 { $path }：{ $detail }。
err-cancelled = 已取消。
err-internal = 内部错误：{ $detail }。这是 Ferry 的缺陷；请报告此问题，并重新启动 Ferry 以继续。

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
format-date-time = { $year }/{ $month }/{ $day } { $hour }:{ $minute }
format-date-time-seconds = { $year }/{ $month }/{ $day } { $hour }:{ $minute }:{ $second }
format-duration-seconds = { $s } 秒
format-duration-minutes = { $m } 分 { $s } 秒
format-duration-hours = { $h } 小时 { $m } 分

## Settings
settings-button = 设置
settings-title = 设置
settings-language = 语言
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = 跟随系统（{ $language }）
settings-language-note = 新语言会立即生效。日志中已有的记录保持原样。
settings-not-saved = 设置已生效，但无法保存：{ $error }
settings-tab-general = 常规
settings-tab-keys = 密钥

## Settings → Keys
keys-create = 创建密钥…
keys-refresh = 刷新
keys-agent = ssh-agent
keys-none = { $folder } 和 ssh-agent 中都没有密钥。创建一个密钥即可无需密码登录。
keys-unreadable = 无法读取：{ $reason }
keys-copy = 复制公钥
keys-show = 显示
keys-hide = 隐藏
keys-protected = 有密码短语保护
keys-unprotected = 无密码短语
keys-new-title = 新密钥
keys-type = 类型
keys-type-ed25519 = Ed25519（推荐）
keys-type-ecdsa = ECDSA（256 位）
keys-type-rsa = RSA（{ $bits } 位）
keys-passphrase = 密码短语
keys-passphrase-again = 再次输入
keys-no-passphrase-warning = 没有密码短语，任何拿到此文件的人都能使用这个密钥。建议设置密码短语。
keys-file = 文件
keys-create-button = 创建
keys-creating = 正在创建…
keys-passphrases-differ = 两次输入的密码短语不一致。
keys-file-needed = 请为密钥指定文件名。
keys-created = 密钥已创建：{ $path }。它的指纹和随机图：

# Set up key login… (gui/keylogin)
keylogin-title = 为 { $server } 设置密钥登录
keylogin-intro = Ferry 会把公钥添加到服务器上的 ~/.ssh/authorized_keys，然后检查仅凭该密钥、无需密码即可登录。
keylogin-key = 密钥
keylogin-agent-key = 在 ssh-agent 中
keylogin-new = 新的 Ed25519 密钥
keylogin-passphrase = 密钥的口令
keylogin-add-to-agent = 在本次会话中把新密钥添加到正在运行的 ssh-agent
keylogin-install = 安装到 { $server }
keylogin-working = 正在把密钥放到服务器上并检查登录…
keylogin-added = 已将密钥添加到 { $server } 上的 { $file }。
keylogin-already = 密钥已在 { $server } 上的 { $file } 中；未写入任何内容。
keylogin-works = 密钥登录可用：今后无需密码。
keylogin-refused = 密钥已在服务器上，但 { $server } 仍然拒绝：服务器可能从其他文件读取密钥（sshd_config 中的 AuthorizedKeysFile），或认为主文件夹权限过于开放（StrictModes）。请询问其管理员。
keylogin-use-for-site = 用此密钥登录站点“{ $site }”
keylogin-save-site = 将 { $server } 保存为用此密钥登录的站点
keylogin-forget-password = 从密钥环中删除该站点的密码
keylogin-keep-passphrase = 把密钥的口令保存在密钥环中（否则每次会话询问一次）
keylogin-apply = 应用
keylogin-site-switched = 该站点现在使用密钥登录。
keylogin-password-removed = 已从密钥环中删除该站点的密码。
keylogin-passphrase-kept = 密钥的口令已保存在密钥环中。
keylogin-choose = 请选择一个密钥。
keylogin-no-public = Ferry 无法读取此密钥的公钥部分：请把它的 .pub 文件放在旁边。
keylogin-passphrase-needed = 请输入密钥的口令：将用它检查登录。
keylogin-not-connected = 请先连接到服务器：密钥通过该连接放到服务器上。
keylogin-menu-setup = 设置密钥登录…
menu-copy-address = 复制地址
connection-menu = 连接
sites-key-login = 设置密钥登录…
site-keys-found = 找到的密钥
site-keys-pick = 选择你的一个密钥
site-agent-key = 代理密钥
site-agent-any = 代理中的任意密钥
site-agent-key-gone = { $fingerprint }（当前不在代理中）
site-save-first = 请先保存站点。

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = 创建副本
menu-copy = 复制
menu-paste = 粘贴
menu-new-link = 新建链接…
copy-suffix = 副本
link-suffix = 链接
link-title = 新建链接
link-name = 链接名称
link-target = 指向（服务器上的路径；符号链接可以是相对路径）
link-hard = 硬链接（同一文件的第二个名称；不能跨文件系统）
link-hard-local = 此电脑上的硬链接（请在文件管理器中创建）
paste-other-server = 复制的内容在另一台服务器上：请在这里重新复制。
log-server-copy = 已在服务器上复制 { $files } 个文件（{ $ways }）。
drag-copy = { $dest }（副本）
copy-way-streamed = 经由 Ferry 读取并写回
