"""Fill a sent round workbook the way a unit does, outside the app (openpyxl), then the
test re-saves it with LibreOffice.   fill-round-file.py IN OUT JSON [VALUES]
JSON: {"TASK-KEY": [status, percent, progress, problems, next, beside], ...}: `beside` is written in K,
the column right of the form (no header), as a unit writing outside the form does.
VALUES: {"指标编号": value, ...}: typed in 本期实际值 (F) of the 指标填报 sheet."""
import json
import sys
from openpyxl import load_workbook

src, out, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
values = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
wb = load_workbook(src)
ws = wb['任务填报']
for r in range(4, ws.max_row + 1):
    key = ws.cell(r, 2).value
    if key in spec:
        for c, v in zip(range(6, 12), spec[key]):
            ws.cell(r, c).value = v
if values:
    sheet = wb['指标填报']
    for r in range(4, sheet.max_row + 1):
        if sheet.cell(r, 7).value in values:
            sheet.cell(r, 6).value = values[sheet.cell(r, 7).value]
wb.save(out)
