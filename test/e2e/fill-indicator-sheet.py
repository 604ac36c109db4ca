"""Fill the 指标填报 sheet of a sent round workbook as a unit does, outside the app (openpyxl).
fill-indicator-sheet.py IN OUT JSON   JSON: {"指标编号": value, ...}: the value typed in 本期实际值 (F)."""
import json
import sys
from openpyxl import load_workbook

src, out, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = load_workbook(src)
ws = wb['指标填报']
for r in range(4, ws.max_row + 1):
    target = ws.cell(r, 7).value
    if target in spec:
        ws.cell(r, 6).value = spec[target]
wb.save(out)
