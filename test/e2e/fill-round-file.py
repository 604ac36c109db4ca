"""Fill a sent round workbook the way a unit does, outside the app (openpyxl), then the
test re-saves it with LibreOffice.   fill-round-file.py IN OUT JSON
JSON: {"TASK-KEY": [status, percent, progress, problems, next, beside], ...}: `beside` is written in K,
the column right of the form (no header), as a unit writing outside the form does."""
import json
import sys
from openpyxl import load_workbook

src, out, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = load_workbook(src)
ws = wb['任务填报']
for r in range(4, ws.max_row + 1):
    key = ws.cell(r, 2).value
    if key in spec:
        for c, v in zip(range(6, 12), spec[key]):
            ws.cell(r, c).value = v
wb.save(out)
