# Ferry's English text: complete, and the fallback for every other language.
# Each line is `message-id = text`. Keep the ids; translate the text. `{ $name }` is a value Ferry
# fills in (a file name, a number, an error): keep each one, move it where your grammar needs it.
# Counts choose a plural form: `{ $count -> [one] … *[other] … }`; give the forms your language
# uses (see i18n/README.md). Messages starting with format- set how sizes and dates are written.

## Main window

app-title = Ferry
local = ローカル
remote = リモート
quick-connect-placeholder = ユーザー@ホスト:ポート または sftp://…
connect = 接続
disconnect = 切断
connecting-to = { $address } に接続しています…
not-connected = 未接続
connected-as = { $who } として接続中
connected = 接続中
reconnecting-to = 接続が切れました。{ $address } に再接続しています…
confirm-disconnect-title = { $address } から切断しますか？
confirm-break-title = 現在の接続を切断しますか？
confirm-break-body = { $next } に接続すると、{ $address } への接続は閉じられます。
confirm-running = { $count } 件の転送が実行中です。取り消されます。
up = 上へ
home = ホーム
refresh = 更新
new-folder = 新規フォルダー
show-hidden = 隠しファイル
filter-placeholder = フィルター：*.log
col-name = 名前
col-size = サイズ
col-modified = 更新日時
col-perms = 権限
col-owner = 所有者
loading = 読み込み中…
empty-folder = このフォルダーは空です
connect-first = サーバーに接続すると、ここにファイルが表示されます
upload = アップロード →
download = ← ダウンロード
status-free = { $status } — 空き { $size }
items = { $count } 個の項目
hostkey-fingerprint = { $key_type } 鍵のフィンガープリント：
unsafe-names-hidden = { $status } — { $count } 件の名前を非表示（ファイル名として安全に使えないため）
items-selected = { $items }、{ $count } 個を選択中
listing-cut-shown = このフォルダーの一部だけを表示しています。{ $reason }

## Transfers
no-transfers = 転送はまだありません。ファイルを選んで「アップロード」か「ダウンロード」を押すか、ファイルをダブルクリックしてください
pause = 一時停止
resume = 再開
cancel = キャンセル
clear-finished = 完了分をクリア
done = 完了
cancelled = キャンセル済み
running = 実行中
paused = 一時停止中

## Dialogs
hostkey-title = 不明なサーバー
hostkey-body = Ferry はこのサーバーに一度も接続したことがありません。フィンガープリントが管理者から知らされたものと一致するか確認してください。
hostkey-accept-once = 今回のみ接続
hostkey-accept-save = 信頼して接続
password-title = パスワード
passphrase-title = 鍵のパスフレーズ
interactive-title = サーバーからの要求
ok = OK
dismiss = 閉じる
name-not-exact = { $name }（名前が有効な UTF-8 ではありません）
rename = 名前を変更
delete = 削除
delete-title = ファイルの削除
delete-confirm = これらを完全に削除しますか？フォルダーは中身ごと削除されます。
name-placeholder = 名前
hostkey-alarm-title = 警告：サーバーの身元が変わっています
hostkey-alarm-body = このサーバーが身元の証明に使った鍵は、最初に接続したときに記録された鍵と一致しません。何者かが接続を傍受しているか、サーバーが再インストールされた可能性があります。Ferry は接続せず、何も送信していません。先に進む前に、鍵が変更されたかどうかをサーバーの管理者に確認してください。
hostkey-alarm-fix = 管理者が変更を認めた場合は、次のコマンドで古い鍵を削除し、再度接続して新しいフィンガープリントを確認してください：
copy-command = コマンドをコピー
pick-upload = ファイルをアップロード…
pick-download = ダウンロード先…
pick-upload-title = サーバーへアップロード
pick-download-title = このフォルダーにダウンロード
select-to-download = 先にサーバー上のファイルを選択してから、保存先を選んでください
no-file-dialog = このデスクトップではファイル選択ダイアログを使用できません（xdg-desktop-portal または zenity が必要です）。代わりに、ファイルマネージャーからウィンドウへファイルをドラッグしてください。
queue-empty = 待機中の項目はありません。コピー済みのものは「完了」、問題があったものは「失敗」にあります

## Saved sites
sites-title = サイト
sites-button = サイト…
sites-empty = 保存済みのサイトはまだありません。「新規サイト」を押すか、OpenSSH や FileZilla からインポートしてください
sites-pick = 保存済みサイト
site-none = 左のサイトを選ぶか、新しく作成してください
site-new = 新規サイト
site-new-name = 新規サイト
site-duplicate = 複製
site-copy = { $name }（コピー）
site-name = 名前
site-name-hint = マイサーバー
site-folder = フォルダー
site-folder-hint = 仕事/Web（省略可）
site-host = ホスト
site-host-hint = example.org または 192.0.2.10
site-port = ポート
site-user = ユーザー
site-user-hint = ログイン名（空欄：ローカルのユーザー名）
site-auth = ログイン方法
auth-agent = SSH エージェント / 既定の鍵
auth-key = 鍵ファイル
auth-password = パスワード
auth-interactive = 対話式（2FA コード）
site-key = 鍵ファイル
browse = 参照…
site-password = パスワード
site-passphrase = 鍵のパスフレーズ
site-password-hint = 入力すると OS のキーリングに保存（空欄：変更しない / 毎回確認）
site-jump = 踏み台ホスト
site-jump-hint = user@bastion:22、複数はカンマ区切り（空：直接）
site-remote-dir = リモートフォルダー
site-remote-hint = /var/www や ~/logs（空欄：ホーム）
site-local-dir = ローカルフォルダー
site-local-hint = 左ペインで開く場所（省略可）
site-max = 同時転送数
site-max-hint = 1-32（空欄：32）
site-verify = チェックサム
site-verify-label = コピー後に各ファイルを、サーバーが提供する最も強いチェックサムで検証する
site-exec-copy = サーバー上のコピー
site-exec-copy-label = サーバーにコピー拡張がない場合、サーバー上で cp -p を実行する（サーバー上のコマンド）
site-notes = メモ
site-bad-port = ポートには 1 から 65535 までの数値を指定してください
site-bad-max = 同時転送数には 1 から 32 までの数値を指定してください
site-saved = 保存しました
site-saved-no-password = 保存しましたが、パスワードは保存されませんでした：{ $error }
site-imported = インポートしました
site-import-ssh = ~/.ssh/config をインポート
site-import-filezilla = FileZilla からインポート…
site-no-ssh-config = インポートする ~/.ssh/config がありません
site-pick-key = 秘密鍵を選択
site-pick-filezilla = FileZilla の sitemanager.xml を選択
save = 保存
site-test = テスト
site-testing = テスト中…
site-test-ok = 成功：{ $who } としてログインしました
remember-password = OS のキーリングに保存する
remember-failed = 接続しましたが、パスワードを保存できませんでした：{ $error }
offer-import = OpenSSH の設定または FileZilla にサイトが見つかりました。「サイト…」を開いて「インポート」を押すと取り込めます（パスワードは OS のキーリングに保存されます）。

## Transfer panel
tab-queue = キュー（{ $count }）
tab-failed = 失敗（{ $count }）
tab-finished = 完了（{ $count }）
tab-log = ログ（{ $count }）
pause-all = すべて一時停止
resume-all = すべて再開
cancel-all = すべてキャンセル
retry = 再試行
retry-all = すべて再試行
clear = クリア
no-finished = 完了した転送はここに表示されます
no-failed = 失敗した転送はありません
no-log = 接続、転送、エラーはここに記録されます
transfer-totals = { $done } / { $total } · { $rate }
job-detail = { $done } / { $total } · { $rate } · { $files }
job-detail-eta = { $done } / { $total } · { $rate } · 残り { $eta } · { $files }
job-files = { $done }/{ $count } ファイル
job-failed-files = 失敗（{ $count } ファイル）
log-queued = { $direction ->
    [upload] アップロード
   *[download] ダウンロード
}：{ $name } → { $dest }
log-resumed-at = { $name } を { $offset } から再開
log-resuming-saved = 前回未完了の転送を再開します: { $name }
log-queue-unsaved = 転送キューを保存できませんでした（{ $error }）。再起動後にこの転送は再開されません。
log-saved-waiting = 前回未完了の転送が { $count } 件あります。{ $server } に接続すると再開します。
log-copied = { $src } → { $dst }
log-copied-verified = { $src } → { $dst }（チェックサム検証済み、{ $algo }）
log-skipped = { $name } をスキップ：{ $reason }
skip-folder = フォルダーです
skip-not-a-file = 通常のファイルではありません
skip-folder-link = フォルダーへのリンクです（{ $target }）。フォルダーへのリンクはたどりません
skip-broken-link = 壊れているか読み取れないリンクです
skip-link-loop = コピー済みのフォルダーへのリンクです（ループ）
skip-exists = 転送先が既に存在します
skip-not-newer = 転送先の方が同じか新しいです
note-no-more-connections = 接続をこれ以上開けませんでした（{ $error }）。開いている接続で続行します
note-reconnecting = { $name } のコピー中に接続が切れました（{ $why }）。再接続しています…
note-grew = { $name } はコピー中に大きくなりました（一覧では { $listed }、コピーしたのは { $copied }）
note-duplicate-names = サーバーが { $folder } で複数回示した名前：{ $names }（合計 { $count }）。それぞれ最初の項目をコピーし、重複は除外しました
note-more-refused = { $folder } で拒否した名前：合計 { $count }（最初のものを表示しています）
note-mtime-not-kept = { $name } の更新日時を保持できませんでした：{ $error }
note-permissions-not-set = { $name } のアクセス権を設定できませんでした：{ $error }
note-no-checksums = { $host } はチェックサムを計算できません（SSH で sha256sum が使えません）。サイズは確認しましたが、内容は確認していません
log-cancelled = { $name }：キャンセルしました
log-job-done = { $name }：{ $count } 個のファイルをコピー、{ $size }、{ $seconds } 秒
log-connected = { $address } に接続しました
log-disconnected = { $address } から切断しました
log-connect-failed = { $address } に接続できませんでした：{ $error }
conflict-title = ファイルは既に存在します
conflict-body = 既存のファイルをどうしますか？
conflict-existing = 既存のファイル：
conflict-new = コピー中のファイル：
conflict-source-newer = コピー中のファイルのほうが新しいです。
conflict-target-newer = 既存のファイルのほうが新しいです。
conflict-overwrite = 上書き
conflict-if-newer = 新しければ上書き
conflict-resume = 続きから再開
conflict-rename = 両方残す
conflict-skip = スキップ
conflict-apply-all = この転送のすべての競合に同じ処理を適用する
drop-hint = { $what }（反対側のペインかフォルダーにドロップ）
menu-open = 開く
menu-upload = アップロード
menu-download = ダウンロード
menu-rename = 名前を変更…
menu-delete = 削除…
menu-permissions = パーミッション…
menu-copy-path = パスをコピー
menu-properties = プロパティ
permissions-title = パーミッション
perm-read = 読み取り
perm-write = 書き込み
perm-exec = 実行
perm-owner = 所有者
perm-group = グループ
perm-others = その他
perm-octal = 8 進数
perm-recursive = フォルダー内のすべてにも適用（リンクはスキップ）
properties-title = プロパティ
close = 閉じる
size-with-bytes = { $size }（{ $bytes } バイト）
and-more = …ほか { $count } 件
names-and-more = { $names } …ほか { $count } 件
kind-folder = フォルダー
kind-file = ファイル
kind-link = シンボリックリンク
kind-other = 特殊ファイル
prop-name = 名前
prop-path = パス
prop-kind = 種類
prop-group = グループ
prop-target = リンク先

## Errors (engine errors, translated: details from the OS or the server stay as they came)
err-dns = ホスト「{ $host }」が見つかりません。名前か、ネットワークの DNS を確認してください（{ $detail }）。
err-refused = { $addr } が接続を拒否しました。そのポートで SSH サーバーが待ち受けていないか、ファイアウォールに拒否されています。
err-timeout = { $secs } 秒でタイムアウトしました（{ $what }）。ホストが停止しているか、ファイアウォールが通信を破棄している可能性があります。
err-unreachable = { $host } に到達できません：{ $detail }。
err-hostkey-unknown = サーバー「{ $host }」はまだ登録されていません。{ $key_type } 鍵のフィンガープリントは { $fingerprint } です。確認して受け入れるには、もう一度接続してください。
err-hostkey-changed = 警告：「{ $host }」の { $key_type } ホスト鍵が変更されています（現在は { $fingerprint }）。何者かが接続を傍受しているか、サーバーが再インストールされた可能性があります。Ferry は接続を拒否します。正当な変更だと確実に分かっている場合は、{ $file } の { $line } 行目から古い鍵を削除してください。
err-hostkey-other-type = 警告：「{ $host }」は現在 { $offered } ホスト鍵を提示していますが、記録されているのは { $recorded } です（{ $file } の { $line } 行目）。Ferry は接続を拒否します。正当な変更であれば、古いエントリを削除してください。
err-hostkey-revoked = 「{ $host }」のホスト鍵は { $file } の { $line } 行目で失効済みとされています。接続を拒否します。
err-through-jump = 踏み台ホスト { $hop } 経由：{ $error }
err-forward-refused = 踏み台ホスト { $hop } は { $target } への接続を拒否しました（{ $reason }）：その SSH サーバーが転送を許可していない（AllowTcpForwarding）か、そのアドレスに到達できない可能性があります。
err-proxy-unreachable = プロキシ { $proxy } を使用できません（{ $detail }）：アドレスとポート、および稼働しているかを確認してください。
err-proxy-auth = プロキシ { $proxy } はユーザー名とパスワードを求めています（{ $detail }）：プロキシのアドレスのユーザーとそのパスワードを確認してください。
err-proxy-refused = プロキシ { $proxy } は { $target } への接続を拒否しました（{ $reason }）：そのアドレスやポートを許可していないか、到達できない可能性があります。
err-known-hosts = 既知のホストの読み込みまたは記録ができませんでした：{ $detail }。
err-hostkey-changed-in-session = 警告：「{ $host }」は現在 { $key_type } ホスト鍵 { $fingerprint } を提示しています。このセッションで受け入れた鍵 { $accepted } ではありません。何者かが接続を傍受している可能性があります。Ferry は接続を拒否します。
err-login-needs-person = { $user }@{ $host } への再ログインには、その場での入力（ワンタイムコードなど）が必要ですが、受け入れられた入力がありません。続けるには、もう一度接続してください。
err-auth = { $user }@{ $host } へのログインに失敗しました（試行：{ $tried }）。ユーザー名、鍵、パスワードを確認してください。
err-auth-nothing = { $user }@{ $host } へのログインに失敗しました。Ferry が使えるログイン方法を、サーバーが 1 つも受け付けません。ユーザー名、鍵、パスワードを確認してください。
err-key-file = 鍵ファイル { $path } を使用できません：{ $detail }。
err-permission-local = ローカルディスクでアクセスが拒否されました：{ $path }。フォルダーのアクセス権を確認するか、別のフォルダーを選んでください。
err-permission-remote = サーバーでアクセスが拒否されました：{ $path }。サーバー上のアカウントにはこの読み書きの権限がありません。別のフォルダーを選ぶか、サーバーの管理者に問い合わせてください。
err-not-found = ファイルまたはフォルダーが存在しません：{ $path }。
err-exists = { $path } は既に存在します。
err-disk-full-local = ローカルディスクの空き容量がありません（{ $path }）。空き容量を確保してから、もう一度お試しください。
err-disk-full-remote = サーバーの空き容量がありません（{ $path }）。空き容量を確保してから、もう一度お試しください。
err-connection-lost = 接続が切れました：{ $detail }。続行するには再接続してください。
err-unsupported = サーバーは次をサポートしていません：{ $what }。
err-unsafe-name = サーバーから送られた名前「{ $name }」を拒否しました。{ $why } は安全なファイル名ではありません。
err-inexact-name = 「{ $name }」は有効な UTF-8 ではないため、この接続では正確に指定できません。サーバー上で名前を変更してください。
err-listing-too-large = フォルダー { $path } の項目数が一覧の上限（{ $cap }）を超えています。フィルターを使ってください。
err-listing-too-big = フォルダー { $path } の一覧は { $mib } MiB（一覧に使えるメモリーの上限）で止めました。サーバーがフォルダーの中身より多く、または長すぎる名前を送っています。フィルターを使ってください。
err-listing-too-slow = フォルダー { $path } の一覧は { $secs } 秒（一覧にかけられる時間の上限）で止めました。サーバーが遅すぎるか、一覧が終わりません。もう一度試すか、フィルターを使ってください。
err-invalid-url = 無効なアドレス「{ $input }」：{ $reason }。
err-failure = サーバーは { $path } に対する操作を完了できませんでした：{ $message }。
err-io = { $path }：{ $detail }。
err-protocol = SSH エラー：{ $detail }。
err-size-changed = { $path } はコピー中にサイズが変わりました（予想 { $expected } バイト、実際 { $got } バイト）。書き込みが終わってから、もう一度お試しください。
err-checksum = { $path } のチェックサムが一致しません（ローカル { $local }、サーバー { $remote }）。コピーは破損しているため、配置していません。
err-unsafe-destination = { $path } への書き込みを拒否しました：{ $why }。
err-not-a-prefix = { $path } は続きからコピーしませんでした：コピー中のファイルの先頭部分ではありません（元のファイルが変わったか、別のファイルです）。上書きするか、移動してください。
err-not-a-file = { $path } はファイルではありません（フォルダーまたは特殊ファイル）。編集できるのはファイルだけです。
err-no-free-name = { $path } の両方のコピーを残せません：「({ $tries })」までの名前はすべて使われています。何も上書きしていません。いくつかを移動するか、別の方法を選んでください。
err-keyring-unavailable = OS のキーリングを使用できません（{ $why }）。Ferry は毎回パスワードを確認し、ファイルに保存することはありません。
err-keyring = OS のキーリングが要求を拒否しました：{ $detail }。
err-agent = ssh-agent が鍵を受け付けませんでした: { $detail }。
err-no-sftp = { $host } は SFTP を提供していません。sftp サブシステムを拒否しました（sshd_config に Subsystem sftp の行がないか、アカウントがシェルのみを許可しています）。管理者に SFTP を有効にするよう依頼してください。
err-job-busy = 転送ジョブ { $id } は別の Ferry（ウィンドウまたは ferry コマンド）が実行中です。そちらに任せます。
err-sites-corrupt = サイトファイル { $path } を読み込めませんでした（{ $detail }）。{ $backup } として保管し、何も上書きしていません。修正または削除してから、もう一度お試しください。
err-sites-newer = サイトファイル { $path } はバージョン { $version } で、新しい Ferry で書き込まれています。使用するには Ferry を更新してください。
err-unknown-site = 「{ $name }」という名前の保存済みサイトはありません。
err-ambiguous-site = 「{ $name }」という名前の保存済みサイトが複数あります。{ $candidates } のいずれかを選んでください。
err-site-exists = そのフォルダーには「{ $name }」という名前のサイトが既にあります。別の名前を選んでください。
err-invalid-site = 無効なサイト：{ $reason }。
err-import = { $path } をインポートできません：{ $detail }。
err-cancelled = キャンセルしました。
err-internal = 内部エラー：{ $detail }。これは Ferry の不具合です。報告のうえ、Ferry を再起動して続けてください。

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
format-duration-seconds = { $s }秒
format-duration-minutes = { $m }分{ $s }秒
format-duration-hours = { $h }時間{ $m }分

## Settings
settings-button = 設定
settings-title = 設定
settings-language = 言語
# $language is the name of the OS's language, in itself (e.g. "Deutsch").
settings-language-system = システム（{ $language }）
settings-language-note = 新しい言語はすぐに反映されます。ログに記録済みの行は、記録されたときのままです。
settings-not-saved = 設定は適用されましたが、保存できませんでした：{ $error }
settings-tab-general = 一般
settings-tab-keys = 鍵

## Settings → Keys
keys-create = 鍵を作成…
keys-refresh = 再読み込み
keys-agent = ssh-agent
keys-none = { $folder } にも ssh-agent にも鍵がありません。パスワードなしでログインするには鍵を作成してください。
keys-unreadable = 読み込めません：{ $reason }
keys-copy = 公開鍵をコピー
keys-show = 表示
keys-hide = 隠す
keys-protected = パスフレーズで保護
keys-unprotected = パスフレーズなし
keys-new-title = 新しい鍵
keys-type = 種類
keys-type-ed25519 = Ed25519（推奨）
keys-type-ecdsa = ECDSA（256 ビット）
keys-type-rsa = RSA（{ $bits } ビット）
keys-passphrase = パスフレーズ
keys-passphrase-again = パスフレーズ（確認）
keys-no-passphrase-warning = パスフレーズがないと、このファイルを手に入れた人は誰でも鍵を使えます。パスフレーズの設定をお勧めします。
keys-file = ファイル
keys-create-button = 作成
keys-creating = 作成中…
keys-passphrases-differ = 二つのパスフレーズが一致しません。
keys-file-needed = 鍵のファイル名を入力してください。
keys-created = 鍵を作成しました：{ $path }。フィンガープリントとランダムアート：

# Set up key login… (gui/keylogin)
keylogin-title = { $server } の鍵ログインを設定
keylogin-intro = Ferry はサーバーの ~/.ssh/authorized_keys に公開鍵を追加し、パスワードなしで鍵だけでログインできることを確認します。
keylogin-key = 鍵
keylogin-agent-key = ssh-agent 内
keylogin-new = 新しい Ed25519 鍵
keylogin-passphrase = 鍵のパスフレーズ
keylogin-add-to-agent = このセッションの間、新しい鍵を実行中の ssh-agent に追加する
keylogin-install = { $server } にインストール
keylogin-working = 鍵をサーバーに置き、ログインできるか確認しています…
keylogin-added = 鍵を { $server } の { $file } に追加しました。
keylogin-already = 鍵はすでに { $server } の { $file } にあります。何も書き込んでいません。
keylogin-works = 鍵ログインできます。今後パスワードは不要です。
keylogin-refused = 鍵はサーバーにありますが、{ $server } はまだ拒否しています。サーバーが別のファイル（sshd_config の AuthorizedKeysFile）から鍵を読んでいるか、ホームフォルダーの権限が緩すぎると判断しています（StrictModes）。管理者に問い合わせてください。
keylogin-use-for-site = サイト「{ $site }」にこの鍵でログインする
keylogin-save-site = { $server } をこの鍵でログインするサイトとして保存する
keylogin-forget-password = サイトのパスワードをキーリングから削除する
keylogin-keep-passphrase = 鍵のパスフレーズをキーリングに保存する（しない場合はセッションごとに一度尋ねます）
keylogin-apply = 適用
keylogin-site-switched = サイトは今後この鍵でログインします。
keylogin-password-removed = サイトのパスワードをキーリングから削除しました。
keylogin-passphrase-kept = 鍵のパスフレーズをキーリングに保存しました。
keylogin-choose = 鍵を選んでください。
keylogin-no-public = この鍵の公開部分を読めません。.pub ファイルを隣に置いてください。
keylogin-passphrase-needed = 鍵のパスフレーズを入力してください。ログインの確認に使います。
keylogin-not-connected = まずサーバーに接続してください。鍵はその接続を通じて置かれます。
keylogin-menu-setup = 鍵ログインを設定…
menu-copy-address = アドレスをコピー
connection-menu = 接続
sites-key-login = 鍵ログインを設定…
site-keys-found = 見つかった鍵
site-keys-pick = 鍵を選ぶ
site-agent-key = エージェントの鍵
site-agent-any = エージェントのどの鍵でも
site-agent-key-gone = { $fingerprint }（現在エージェントにありません）
site-save-first = 先にサイトを保存してください。

# Copies on the server, links (gui/serverops, fileops)
menu-duplicate = 複製
menu-copy = コピー
menu-paste = 貼り付け
menu-new-link = 新しいリンク…
copy-suffix = コピー
link-suffix = リンク
link-title = 新しいリンク
link-name = リンクの名前
link-target = リンク先（サーバー上のパス。シンボリックリンクは相対パスも可）
link-hard = ハードリンク（同じファイルに別の名前。ファイルシステムをまたげません）
link-hard-local = このコンピューター上のハードリンク（ファイルマネージャーで作成してください）
paste-other-server = コピーしたものは別のサーバーにあります。ここでもう一度コピーしてください。
log-server-copy = サーバー上で { $files } 個のファイルをコピーしました（{ $ways }）。
drag-copy = { $dest }（コピー）
copy-way-streamed = Ferry 経由で読み込んで書き戻し
