#!/usr/bin/python3
"""Build fonts/ (the app's font assets) and fonts/manifest.json from Debian font packages.

Run with Debian's python3 (fontTools comes from the `fonttools` / `python3-fonttools` package):

    /usr/bin/python3 scripts/build-fonts.py [--mashanzheng-tgz PATH]

Sources (all SIL Open Font License 1.1):
  Noto Sans SC 400/700/900   Debian fonts-noto-cjk   /usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold,Black}.ttc
  Noto Serif SC 400/900      Debian fonts-noto-cjk(-extra) /usr/share/fonts/opentype/noto/NotoSerifCJK-{Regular,Black}.ttc
      -> the "Noto Sans/Serif CJK SC" face is extracted from the collection (opentype.js reads no TTC),
         subset to 通用规范汉字表 (8,105, from Unihan kTGH, Debian unicode-data) + GB2312 + Latin +
         punctuation, all layout features kept (vert/vrt2, halt/chws/palt, kern), vhea/vmtx/VORG kept,
         and renamed "Noto Sans SC" / "Noto Serif SC" (the licence reserves only the name "Source").
  Smiley Sans 400 (得意黑)   Debian fonts-smiley-sans  SmileySans-Oblique.ttf, copied unmodified
  LXGW WenKai 400 (霞鹜文楷) Debian fonts-lxgw-wenkai  LXGWWenKai-Regular.ttf, copied UNMODIFIED: its licence
      reserves the names "霞鹜"/"LXGW" for modified versions, so we may not subset it under that name.
  Bebas Neue 400             Debian fonts-bebas-neue   BebasNeue-Regular.otf
  League Spartan 400-900     Debian fonts-league-spartan (static instances shipped by Debian)
  Lobster Two 700 italic     Debian fonts-lobster      lobster.otf (which is Lobster Two Bold Italic)
  Inter 400/700/900          Debian fonts-inter        Inter-{Regular,Bold,Black}.otf
  Ma Shan Zheng 400 (马善政) npm @fontsource/ma-shan-zheng (OFL, no reserved name). Optional: only with
      --mashanzheng-tgz (a tarball from `npm pack @fontsource/ma-shan-zheng@5.3.1`). Fontsource ships the font
      as unicode-range WOFF (zlib) slices; they are reassembled into one TTF (same glyphs, union of cmaps;
      the Latin slice's GSUB/GPOS kept). Without the option an existing fonts/MaShanZheng-Regular.ttf is kept.

Licence texts: each family's Debian copyright file (which carries the full OFL text) is copied to
fonts/licenses/.
"""
import argparse
import bz2
import glob
import hashlib
import json
import os
import shutil
import sys
import tarfile
import tempfile

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

# Reproducible binaries: fontTools stamps head.modified from this instead of the clock.
os.environ.setdefault('SOURCE_DATE_EPOCH', '1704067200')
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'fonts')
NOTO = '/usr/share/fonts/opentype/noto'
UNIHAN_OTHER = '/usr/share/unicode/Unihan_OtherMappings.txt.bz2'


def tongyong_guifan():
    """The 8,105 characters of 通用规范汉字表 (2013): Unihan's kTGH field (Debian unicode-data)."""
    chars = set()
    with bz2.open(UNIHAN_OTHER, 'rt', encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) == 3 and parts[1] == 'kTGH':
                chars.add(int(parts[0][2:], 16))
    if len(chars) != 8105:
        sys.exit(f'expected 8105 kTGH characters, found {len(chars)}')
    return chars


def gb2312():
    """Every character of GB2312 (hanzi and symbols), generated from Python's codec."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.update(ord(c) for c in bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return chars


def latin_and_punctuation():
    ranges = [
        (0x20, 0x7E), (0xA0, 0x17F), (0x1CD, 0x1DC),  # ASCII, Latin-1, Latin Extended-A, pinyin tones
        (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF),  # punctuation, currency, letterlike, arrows
        (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2600, 0x26FF),  # circled numbers, shapes, symbols
        (0x3000, 0x303F), (0x3200, 0x32FF),  # CJK symbols and punctuation, enclosed CJK
        (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFE50, 0xFE6F), (0xFF00, 0xFFEF),  # vertical, compatibility, fullwidth forms
    ]
    return {cp for a, b in ranges for cp in range(a, b + 1)}


def subset_options():
    o = subset.Options()
    o.layout_features = ['*']  # vert/vrt2 (vertical), halt/vhal/chws/palt (punctuation), kern, locl...
    o.layout_scripts = ['*']
    o.name_IDs = ['*']
    o.name_languages = ['*']
    o.notdef_outline = True
    o.glyph_names = False
    o.hinting = True
    o.legacy_kern = True
    o.prune_unicode_ranges = True
    return o


def extract_sc(ttc_path):
    """The Simplified Chinese face of a Noto CJK collection."""
    coll = TTCollection(ttc_path)
    for font in coll.fonts:
        name = font['name']
        family = name.getDebugName(16) or name.getDebugName(1)
        if family.startswith('Noto Sans CJK SC') or family.startswith('Noto Serif CJK SC'):
            return font
    sys.exit(f'no SC face in {ttc_path}')


def rename(font, old_family, new_family):
    old_ps, new_ps = old_family.replace(' ', '').replace('CJKSC', 'CJKsc'), new_family.replace(' ', '')
    for rec in font['name'].names:
        text = rec.toUnicode()
        updated = text.replace(old_family, new_family).replace(old_ps, new_ps)
        if updated != text:
            rec.string = updated
    if 'CFF ' in font:
        cff = font['CFF '].cff
        cff.fontNames = [n.replace(old_ps, new_ps) for n in cff.fontNames]
        top = cff.topDictIndex[0]
        for attr in ('FullName', 'FamilyName'):
            if hasattr(top, attr):
                setattr(top, attr, getattr(top, attr).replace(old_family, new_family))


def build_noto(src, dest, old_family, new_family, unicodes):
    font = extract_sc(os.path.join(NOTO, src))
    sub = subset.Subsetter(subset_options())
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    rename(font, old_family, new_family)
    font.save(os.path.join(OUT, dest))


def build_mashanzheng(tgz, dest):
    """Reassemble Fontsource's unicode-range WOFF slices of Ma Shan Zheng into one TTF."""
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(tgz) as tar:
            for member in tar.getmembers():  # only plain files inside package/files (no links, no ../)
                if member.isfile() and member.name.startswith('package/files/') and '..' not in member.name:
                    tar.extract(member, tmp)
        files = os.path.join(tmp, 'package', 'files')
        base = TTFont(os.path.join(files, 'ma-shan-zheng-latin-400-normal.woff'))
        base.flavor = None
        glyf, hmtx, order = base['glyf'], base['hmtx'], list(base.getGlyphOrder())
        cmap = dict(base.getBestCmap())
        slices = sorted(glob.glob(os.path.join(files, 'ma-shan-zheng-*-400-normal.woff')))
        for path in slices:
            part = TTFont(path)
            pglyf, phmtx = part['glyf'], part['hmtx']
            for name in part.getGlyphOrder():
                # Slices are subsets of one font with its post glyph names: one name = one glyph.
                if name not in hmtx.metrics:
                    glyf.glyphs[name] = pglyf[name]
                    hmtx.metrics[name] = phmtx.metrics[name]
                    order.append(name)
            for cp, name in part.getBestCmap().items():
                cmap.setdefault(cp, name)
        glyf.glyphOrder = order
        base.setGlyphOrder(order)
        for table in base['cmap'].tables:
            if table.isUnicode():
                table.cmap = {cp: n for cp, n in cmap.items() if table.format == 12 or cp <= 0xFFFF}
        base['OS/2'].recalcUnicodeRanges(base)
        base.save(os.path.join(OUT, dest))


def copy(src, dest):
    shutil.copyfile(src, os.path.join(OUT, dest))


def licence(package, dest):
    os.makedirs(os.path.join(OUT, 'licenses'), exist_ok=True)
    shutil.copyfile(f'/usr/share/doc/{package}/copyright', os.path.join(OUT, 'licenses', dest))


def scripts_covered(path):
    cmap = TTFont(path, lazy=True).getBestCmap()
    found = []
    if sum(1 for cp in cmap if 0x4E00 <= cp <= 0x9FFF) > 3000:
        found.append('Hans')
    if all(cp in cmap for cp in range(0x41, 0x5B)):
        found.append('Latn')
    if sum(1 for cp in cmap if 0x0400 <= cp <= 0x04FF) > 60:
        found.append('Cyrl')
    if sum(1 for cp in cmap if 0x0370 <= cp <= 0x03FF) > 40:
        found.append('Grek')
    if sum(1 for cp in cmap if 0x3040 <= cp <= 0x30FF) > 100:
        found.append('Kana')
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mashanzheng-tgz', help='tarball from `npm pack @fontsource/ma-shan-zheng@5.3.1`')
    ap.add_argument('--skip-noto', action='store_true', help='keep existing Noto subsets (slow to build)')
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)

    cjk = tongyong_guifan() | gb2312() | latin_and_punctuation()
    entries = []

    def add(family, weight, file, license_file, source, style='normal'):
        entries.append({'family': family, 'weight': weight, 'style': style, 'file': file,
                        'license': 'OFL-1.1', 'licenseFile': f'licenses/{license_file}', 'source': source})

    noto = [
        ('NotoSansCJK-Regular.ttc', 'NotoSansSC-Regular.otf', 'Noto Sans CJK SC', 'Noto Sans SC', 400),
        ('NotoSansCJK-Bold.ttc', 'NotoSansSC-Bold.otf', 'Noto Sans CJK SC', 'Noto Sans SC', 700),
        ('NotoSansCJK-Black.ttc', 'NotoSansSC-Black.otf', 'Noto Sans CJK SC', 'Noto Sans SC', 900),
        ('NotoSerifCJK-Regular.ttc', 'NotoSerifSC-Regular.otf', 'Noto Serif CJK SC', 'Noto Serif SC', 400),
        ('NotoSerifCJK-Black.ttc', 'NotoSerifSC-Black.otf', 'Noto Serif CJK SC', 'Noto Serif SC', 900),
    ]
    for src, dest, old, new, weight in noto:
        if not (args.skip_noto and os.path.exists(os.path.join(OUT, dest))):
            print('subsetting', src, flush=True)
            build_noto(src, dest, old, new, cjk)
        add(new, weight, dest, 'fonts-noto-cjk.copyright',
            f'Debian fonts-noto-cjk {NOTO}/{src}, SC face, subset (通用规范汉字表 + GB2312 + Latin + punctuation)')
    licence('fonts-noto-cjk', 'fonts-noto-cjk.copyright')

    copy('/usr/share/fonts/truetype/smiley-sans/SmileySans-Oblique.ttf', 'SmileySans-Oblique.ttf')
    add('Smiley Sans', 400, 'SmileySans-Oblique.ttf', 'fonts-smiley-sans.copyright',
        'Debian fonts-smiley-sans, unmodified')
    licence('fonts-smiley-sans', 'fonts-smiley-sans.copyright')

    copy('/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf', 'LXGWWenKai-Regular.ttf')
    add('LXGW WenKai', 400, 'LXGWWenKai-Regular.ttf', 'fonts-lxgw-wenkai.copyright',
        'Debian fonts-lxgw-wenkai, unmodified (reserved font name forbids renaming a subset)')
    licence('fonts-lxgw-wenkai', 'fonts-lxgw-wenkai.copyright')

    if args.mashanzheng_tgz:
        print('reassembling Ma Shan Zheng', flush=True)
        build_mashanzheng(args.mashanzheng_tgz, 'MaShanZheng-Regular.ttf')
        with tarfile.open(args.mashanzheng_tgz) as tar:
            data = tar.extractfile('package/LICENSE').read()
        os.makedirs(os.path.join(OUT, 'licenses'), exist_ok=True)
        with open(os.path.join(OUT, 'licenses', 'ma-shan-zheng.LICENSE'), 'wb') as f:
            f.write(data)
    if os.path.exists(os.path.join(OUT, 'MaShanZheng-Regular.ttf')):
        add('Ma Shan Zheng', 400, 'MaShanZheng-Regular.ttf', 'ma-shan-zheng.LICENSE',
            'npm @fontsource/ma-shan-zheng 5.3.1, WOFF slices reassembled into one TTF')

    copy('/usr/share/fonts/opentype/bebas-neue/BebasNeue-Regular.otf', 'BebasNeue-Regular.otf')
    add('Bebas Neue', 400, 'BebasNeue-Regular.otf', 'fonts-bebas-neue.copyright', 'Debian fonts-bebas-neue, unmodified')
    licence('fonts-bebas-neue', 'fonts-bebas-neue.copyright')

    spartan = [(400, 'Regular'), (500, 'Medium'), (600, 'SemiBold'), (700, 'Bold'), (800, 'ExtraBold'), (900, 'Black')]
    for weight, name in spartan:
        copy(f'/usr/share/fonts/opentype/league-spartan/LeagueSpartan-{name}.otf', f'LeagueSpartan-{name}.otf')
        add('League Spartan', weight, f'LeagueSpartan-{name}.otf', 'fonts-league-spartan.copyright',
            'Debian fonts-league-spartan (static instance), unmodified')
    licence('fonts-league-spartan', 'fonts-league-spartan.copyright')

    # Debian's lobster.otf is Lobster Two Bold Italic (its name table says so); ship it under that name.
    copy('/usr/share/fonts/opentype/lobster/lobster.otf', 'LobsterTwo-BoldItalic.otf')
    add('Lobster Two', 700, 'LobsterTwo-BoldItalic.otf', 'fonts-lobster.copyright',
        'Debian fonts-lobster lobster.otf (Lobster Two Bold Italic), unmodified', style='italic')
    licence('fonts-lobster', 'fonts-lobster.copyright')

    for weight, name in [(400, 'Regular'), (700, 'Bold'), (900, 'Black')]:
        copy(f'/usr/share/fonts/opentype/inter/Inter-{name}.otf', f'Inter-{name}.otf')
        add('Inter', weight, f'Inter-{name}.otf', 'fonts-inter.copyright', 'Debian fonts-inter, unmodified')
    licence('fonts-inter', 'fonts-inter.copyright')

    for e in entries:
        e['scripts'] = scripts_covered(os.path.join(OUT, e['file']))
        e['bytes'] = os.path.getsize(os.path.join(OUT, e['file']))
        with open(os.path.join(OUT, e['file']), 'rb') as f:  # versions the browser's cached URL
            e['sha256'] = hashlib.sha256(f.read()).hexdigest()[:16]
    manifest = {'version': 1, 'fonts': entries}
    with open(os.path.join(OUT, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent='\t')
        f.write('\n')
    total = sum(e['bytes'] for e in entries)
    print(f'{len(entries)} faces, {total / 1e6:.1f} MB')


if __name__ == '__main__':
    main()
