#!/usr/bin/env python3
"""Derives cells.csv (which district each 1 km cell of Bogota lies in) from the district
polygons of Akpinar, De-Arteaga and Chouldechova (FAccT 2021).

The polygons (`metadata/bogota.shp` and `.dbf` of github.com/nakpinar/diff-crime-reporting)
are not shipped: that repository states no licence. This script reads them where you have
them and writes only the derived fact: for each cell of the paper's km frame whose centre
lies inside a district, the cell and the district. Cells are the unit squares
(x - 1, x] x (y - 1, y] with x and y integers, as in the paper's code (a point belongs to
the cell at its ceiling).

Usage: python3 derive_cells.py PATH/TO/bogota.shp > cells.csv
Standard library only.
"""
import struct
import sys


def read_polygons(shp_path):
    """Each record's rings, as lists of (x, y)."""
    with open(shp_path, 'rb') as f:
        data = f.read()
    records = []
    at = 100
    while at < len(data):
        _, length = struct.unpack('>ii', data[at:at + 8])
        content = data[at + 8:at + 8 + 2 * length]
        at += 8 + 2 * length
        shape_type = struct.unpack('<i', content[:4])[0]
        if shape_type != 5:
            raise SystemExit(f'shape type {shape_type}, expected polygons (5)')
        parts, points = struct.unpack('<ii', content[36:44])
        starts = struct.unpack(f'<{parts}i', content[44:44 + 4 * parts])
        coords = struct.unpack(f'<{2 * points}d', content[44 + 4 * parts:44 + 4 * parts + 16 * points])
        xy = list(zip(coords[0::2], coords[1::2]))
        ends = list(starts[1:]) + [points]
        records.append([xy[s:e] for s, e in zip(starts, ends)])
    return records


def read_names(dbf_path, field='LocNombre'):
    with open(dbf_path, 'rb') as f:
        data = f.read()
    count, header_length, record_length = struct.unpack('<IHH', data[4:12])
    fields = []
    at = 32
    while data[at] != 0x0D:
        name = data[at:at + 11].split(b'\0')[0].decode('ascii')
        fields.append((name, data[at + 16]))
        at += 32
    offset = 1
    for name, size in fields:
        if name == field:
            break
        offset += size
    else:
        raise SystemExit(f'no field {field} in {dbf_path}')
    names = []
    for r in range(count):
        start = header_length + r * record_length + offset
        names.append(data[start:start + size].decode('latin-1').strip())
    return names


def inside(x, y, rings):
    """Even-odd rule over all rings (holes cancel)."""
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def main():
    shp = sys.argv[1]
    polygons = read_polygons(shp)
    names = read_names(shp[:-4] + '.dbf')
    print('x,y,district')
    for y in range(-31, 33):
        for x in range(-13, 15):
            cx, cy = x - 0.5, y - 0.5
            for name, rings in zip(names, polygons):
                if inside(cx, cy, rings):
                    print(f'{x},{y},{name}')
                    break


if __name__ == '__main__':
    main()
