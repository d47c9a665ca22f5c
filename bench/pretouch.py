#!/usr/bin/env python3
"""Touches N GiB of memory (default 16), one byte per 4 KiB page, then lets it go.

On a freshly booted VM the hypervisor backs guest memory lazily: the first touch of a page costs this machine
about 11.5 us (6.5 us afterwards). A measured load that needs more memory than anything before it pays that
first touch where a smaller load does not, which skews time(100k)/time(10k). Run once after boot, before
bench/ingest.sh; it prints the time it took. Usage: bench/pretouch.py [GiB]
"""
import mmap
import sys
import time

gib = int(sys.argv[1]) if len(sys.argv) > 1 else 16
size = gib << 30
start = time.monotonic()
m = mmap.mmap(-1, size)
for offset in range(0, size, 4096):
    m[offset] = 1
m.close()
print(f"touched {gib} GiB in {time.monotonic() - start:.1f} s")
