#!/usr/bin/env python3
"""Writes the Cantonese reading of every CJK unified ideograph that Unihan gives one (kCantonese, Jyutping, first
reading, tone dropped) as src/main/resources/io/customerhub/resolve/standardize/cantonese-readings.txt.

Usage: src/tools/cantonese_readings.py Unihan_Readings.txt[.bz2] > .../cantonese-readings.txt
Unihan comes with Debian's unicode-data package (/usr/share/unicode/Unihan_Readings.txt.bz2) or from
https://www.unicode.org/Public/UCD/latest/ucd/Unihan.zip. The output has one line per 64 code points that hold at
least one reading: the first code point in hex, then 64 syllables separated by spaces, '-' where none.
"""
import bz2
import re
import sys

path = sys.argv[1]
opener = bz2.open if path.endswith('.bz2') else open
readings = {}
with opener(path, 'rt', encoding='utf-8') as f:
    for line in f:
        if line.startswith('#') or '\tkCantonese\t' not in line:
            continue
        cp, _, value = line.rstrip('\n').split('\t')
        first = value.split()[0]
        readings[int(cp[2:], 16)] = re.sub(r'[1-6]$', '', first)

print('# Cantonese readings (Jyutping, tone dropped) of CJK ideographs, from the Unicode Han Database (Unihan),')
print('# field kCantonese, Unicode 15.0; written by src/tools/cantonese_readings.py. Unihan is under the Unicode')
print('# License v3: Copyright (c) 1991-2022 Unicode, Inc. Permission is granted to use, copy, modify and distribute')
print('# the data files, provided this notice is kept; see https://www.unicode.org/license.txt.')
print('# Each line: the first code point (hex) of 64, then their 64 readings; "-" where Unihan gives none.')
for block in sorted({cp // 64 for cp in readings}):
    start = block * 64
    print('%X %s' % (start, ' '.join(readings.get(start + i, '-') for i in range(64))))
