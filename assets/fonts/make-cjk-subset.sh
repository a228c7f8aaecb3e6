#!/usr/bin/env bash
# Makes the CJK font subsets Ferry embeds, so Chinese and Japanese text shows on a machine with no
# CJK fonts installed. From Noto Sans CJK (SIL Open Font License 1.1, see OFL.txt), kept: CJK
# punctuation, full-width forms, kana, the common Han characters (GB 2312 level 1 for Chinese,
# JIS X 0208 level 1 for Japanese: the characters of everyday text and most file names) and every
# character of the Chinese and Japanese translations. Run it again after a translation changes.
# Needs Debian's fonts-noto-cjk, and Python with fonttools (installed into target/font-venv).
set -euo pipefail
cd "$(dirname "$0")/../.."
ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
# shellcheck source=../../packaging/lib/apt.sh
source packaging/lib/apt.sh
[ -f "$ttc" ] || apt_need fonts-noto-cjk
venv=target/font-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import fontTools' 2>/dev/null || "$venv/bin/pip" install -q fonttools
"$venv/bin/python" - "$ttc" <<'PY'
import sys
from fontTools.ttLib import TTCollection
from fontTools import subset

ttc = sys.argv[1]

def ftl_chars(*langs):
    s = set()
    for lang in langs:
        s |= {ord(c) for c in open(f"i18n/{lang}/ferry.ftl", encoding="utf-8").read() if ord(c) > 0x2E7F}
    return s

def table(codec, rows, cols=range(0xA1, 0xFF)):
    out = set()
    for r in rows:
        for c in cols:
            try:
                out.add(ord(bytes([r, c]).decode(codec)))
            except UnicodeDecodeError:
                pass
    return out

common = set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0)) | set(range(0x3040, 0x3100))
chinese = common | table("gb2312", range(0xB0, 0xD8)) | ftl_chars("zh-CN", "ja")
japanese = common | table("euc_jp", range(0xB0, 0xD0)) | ftl_chars("ja", "zh-CN")

for index, name, chars in [(2, "NotoSansCJKsc-Ferry.otf", chinese), (0, "NotoSansCJKjp-Ferry.otf", japanese)]:
    font = TTCollection(ttc).fonts[index]
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(chars))
    sub.subset(font)
    font.save(f"assets/fonts/{name}")
    print(name, len(chars), "characters")
PY
ls -l assets/fonts/*.otf
