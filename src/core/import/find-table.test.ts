import { describe, expect, it } from 'vitest';
import { findTable, isSubItemOf, readRows, mappingToRemember, withMapping } from './find-table';
import type { SheetGrid } from './types';

const grid = (name: string, rows: string[][]): SheetGrid => ({ name, rows });

describe('findTable', () => {
  const cases: { name: string; rows: string[][]; headerRow: number; headerRows: number; fields: Record<number, string | null>; review: boolean }[] = [
    {
      name: 'title rows above the header',
      rows: [['2025年武汉市科技创新重点任务清单', '', ''], ['', '', ''], ['序号', '重点任务', '牵头单位', '完成时限'], ['1', '建设实验室', '市科技局', '2025年底']],
      headerRow: 2,
      headerRows: 1,
      fields: { 0: 'seq', 1: 'title', 2: 'leadUnits', 3: 'deadline' },
      review: false,
    },
    {
      name: 'variant names and reordered columns',
      rows: [['时间节点', '牵头部门', '工作任务', '工作内容', '配合单位', '编号'], ['2025年', '市科技局', '任务甲', '内容甲', '各区', '1']],
      headerRow: 0,
      headerRows: 1,
      fields: { 0: 'deadline', 1: 'leadUnits', 2: 'title', 3: 'text', 4: 'responsibleUnits', 5: 'number' },
      review: false,
    },
    {
      name: 'the city’s and the district’s units apart (市级牵头单位 is 牵头单位; 区级责任单位 is no task field)',
      rows: [['序号', '重点任务', '市级牵头单位', '区级责任单位', '完成时限'], ['1', '建设实验室', '市科技局', '汉阳区人民政府', '2025年底']],
      headerRow: 0,
      headerRows: 1,
      fields: { 0: 'seq', 1: 'title', 2: 'leadUnits', 3: null, 4: 'deadline' },
      review: false,
    },
    {
      name: 'two-row header whose sub-headers name no field (牵头单位 over 市级 | 区级, merges expanded)',
      rows: [
        ['序号', '任务名称', '牵头单位', '牵头单位', '完成时限'],
        ['序号', '任务名称', '市级', '区级', '完成时限'],
        ['1', '建设实验室', '市科技局', '汉阳区人民政府', '2025年底'],
      ],
      headerRow: 0,
      headerRows: 2,
      fields: { 0: 'seq', 1: 'title', 2: 'leadUnits', 3: null, 4: 'deadline' },
      review: false,
    },
    {
      name: 'two-row header (责任单位 over 牵头单位 / 配合单位, merges expanded)',
      rows: [
        ['清单', '清单', '清单', '清单', '清单'],
        ['序号', '重点任务', '责任单位', '责任单位', '完成时限'],
        ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
        ['1', '任务甲', '市科技局', '各区', '2025年'],
      ],
      headerRow: 1,
      headerRows: 2,
      fields: { 0: 'seq', 1: 'title', 2: 'leadUnits', 3: 'responsibleUnits', 4: 'deadline' },
      review: false,
    },
    {
      name: 'two-row header whose sub-headers say only the role (责任单位 over 牵头 / 配合, merges expanded)',
      rows: [
        ['序号', '重点任务', '责任单位', '责任单位', '完成时限'],
        ['序号', '重点任务', '牵头', '配合', '完成时限'],
        ['1', '任务甲', '市科技局', '各区', '2025年'],
      ],
      headerRow: 0,
      headerRows: 2,
      fields: { 0: 'seq', 1: 'title', 2: 'leadUnits', 3: 'responsibleUnits', 4: 'deadline' },
      review: false,
    },
    {
      name: 'two-row header whose roles sit under the district’s own units (区级责任单位 over 牵头 / 配合): never read into the task’s units',
      rows: [
        ['序号', '重点任务', '牵头单位', '区级责任单位', '区级责任单位', '完成时限'],
        ['序号', '重点任务', '牵头单位', '牵头', '配合', '完成时限'],
        ['1', '任务甲', '市科技局', '区科技局', '区发改局', '2025年'],
      ],
      headerRow: 0,
      headerRows: 2,
      fields: { 0: 'seq', 1: 'title', 2: 'leadUnits', 3: null, 4: null, 5: 'deadline' },
      review: false,
    },
    {
      name: 'two-row header whose sub-headers say only old and new (完成时限 over 原时限 / 调整后): the new one read',
      rows: [
        ['序号', '重点任务', '完成时限', '完成时限', '牵头单位'],
        ['序号', '重点任务', '原时限', '调整后', '牵头单位'],
        ['1', '任务甲', '2025年底前', '2026年6月底前', '市科技局'],
      ],
      headerRow: 0,
      headerRows: 2,
      fields: { 0: 'seq', 1: 'title', 2: null, 3: 'deadline', 4: 'leadUnits' },
      // Two columns of 完成时限: the officer confirms the guess (as beside 完成时限（原）).
      review: true,
    },
    {
      name: 'a 编号 column holding the tasks’ codes (2024KJRC-01) is their 任务编号, not their 条目 (walk8 X1)',
      rows: [
        ['序号', '编号', '重点任务', '牵头单位'],
        ['1', '2024KJRC-01', '任务甲', '市科技局'],
        ['2', '2024KJRC-02', '任务乙', '市科技局'],
        ['3', 'IMP20261126-001', '任务丙', '市科技局'],
      ],
      headerRow: 0,
      headerRows: 1,
      fields: { 0: 'seq', 1: 'key', 2: 'title', 3: 'leadUnits' },
      review: false,
    },
    {
      name: 'a 编号 column holding a document’s item numbers stays the 条目',
      rows: [
        ['序号', '编号', '重点任务', '牵头单位'],
        ['1', '（一）', '任务甲', '市科技局'],
        ['2', '2', '任务乙', '市科技局'],
        ['3', '3.1', '任务丙', '市科技局'],
      ],
      headerRow: 0,
      headerRows: 1,
      fields: { 0: 'seq', 1: 'number', 2: 'title', 3: 'leadUnits' },
      review: false,
    },
    {
      name: 'unsure headers ask for review',
      rows: [['序号', '重点任务名称及要求', '牵头单位（盖章）'], ['1', '任务甲', '市科技局']],
      headerRow: 0,
      headerRows: 1,
      fields: { 0: 'seq', 1: 'title', 2: 'leadUnits' },
      review: true,
    },
  ];
  it.each(cases)('$name', (c) => {
    const { layout, issues } = findTable(grid('表1', c.rows));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(layout?.headerRow).toBe(c.headerRow);
    expect(layout?.headerRows).toBe(c.headerRows);
    for (const [col, f] of Object.entries(c.fields)) expect(layout?.columns[+col]?.field).toBe(f);
    expect(layout?.needsReview).toBe(c.review);
  });

  it('reports an empty sheet and a sheet without a header in Chinese', () => {
    expect(findTable(grid('空表', [['', ''], []])).issues[0]?.message).toContain('工作表“空表”是空的');
    const r = findTable(grid('说明', [['本文件说明'], ['请于10月8日前报送']]));
    expect(r.layout).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ sheet: '说明', row: 1, severity: 'error' });
    expect(r.issues[0]?.message).toContain('没有找到表头');
  });

  it('remembers a mapping the officer confirmed', () => {
    const rows = [['序号', '事项', '牵头单位', '完成时限'], ['1', '任务甲', '市科技局', '2025年']];
    const first = findTable(grid('表', rows));
    expect(first.layout?.columns[1]?.field).toBeNull();
    const fixed = withMapping(first.layout!, first.layout!.columns.map((m) => (m.column === 1 ? { ...m, field: 'title', confidence: 1 } : m)));
    const again = findTable(grid('表', rows), mappingToRemember(fixed));
    expect(again.layout?.columns[1]?.field).toBe('title');
    expect(again.layout?.needsReview).toBe(false);
  });
});

describe('readRows', () => {
  it('skips spacer rows, section headings, repeated headers and footnotes; flags duplicate 任务编号 and missing 重点任务', () => {
    const g = grid('任务', [
      ['重点任务清单'],
      ['任务编号', '重点任务', '牵头单位', '完成时限'],
      ['一、强化创新平台', '一、强化创新平台', '一、强化创新平台', '一、强化创新平台'],
      ['K-1', '建设实验室', '市科技局', '2025年'],
      ['', '', '', ''],
      ['K-2', '引进人才', '市科技局', '2026年'],
      ['任务编号', '重点任务', '牵头单位', '完成时限'],
      ['K-2', '重复的任务', '市人社局', '2026年'],
      ['K-4', '', '市人社局', ''],
      ['注：本表由市科技局汇总'],
    ]);
    const { layout } = findTable(g);
    const { rows, issues } = readRows(g, layout!);
    expect(rows.map((r) => [r.row, r.fields.key, r.sectionHeading])).toEqual([
      [4, 'K-1', '一、强化创新平台'],
      [6, 'K-2', '一、强化创新平台'],
      [8, 'K-2', '一、强化创新平台'],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ sheet: '任务', row: 8, column: 'A列（任务编号）', severity: 'error' }),
      expect.objectContaining({ sheet: '任务', row: 9, severity: 'warning' }),
    ]);
    expect(issues[0]!.message).toBe('工作表“任务”第 8 行的任务编号“K-2”与第 6 行重复。任务编号必须唯一，请改正文件后重新导入。');
  });

  describe('notes under the list are no tasks', () => {
    const head = [['序号', '重点任务', '牵头单位', '完成时限'], ['1', '建设实验室', '市科技局', '2025年'], ['2', '引进人才', '市人社局', '2026年']];
    const blank = (n: number) => Array.from({ length: n }, () => ['', '', '', '']);
    const cases: { name: string; tail: string[][]; rows: number[]; warned: number[] }[] = [
      { name: '填表说明 then numbered notes in the task column', tail: [['', '填表说明'], ['', '1.请各区于每季度末月25日前报送。'], ['', '2.未明确时限的填写“长期”。']], rows: [2, 3], warned: [] },
      { name: '注： with its text, then a signature line with a date', tail: [['注：本表由市科技局汇总。'], ['市科技局办公室', '', '', '2025年3月']], rows: [2, 3], warned: [] },
      { name: 'a task again after the notes (a title beside its 序号)', tail: [['说明'], ['', '请各区核对。'], ['3', '建设中试平台', '市经信局', '2026年']], rows: [2, 3, 6], warned: [] },
      { name: 'after three blank rows, a line of text alone is a note (said)', tail: [...blank(3), ['', '请各区于每月25日前报送。']], rows: [2, 3], warned: [7] },
      { name: 'after three blank rows, a full task row is a task', tail: [...blank(3), ['3', '建设中试平台', '市经信局', '2026年']], rows: [2, 3, 7], warned: [] },
      { name: 'after one blank row, a task with only its title is still a task', tail: [...blank(1), ['', '建设中试平台']], rows: [2, 3, 5], warned: [] },
      { name: 'after three blank rows, a section merged across the row, then its tasks', tail: [...blank(3), ['科技成果转化', '科技成果转化', '科技成果转化', '科技成果转化'], ['3', '建设中试平台', '市经信局', '2026年']], rows: [2, 3, 8], warned: [] },
    ];
    it('a symbol marking a key task (★, ▲, ※) before or after its name is no part of it', () => {
      const g = grid('清单', [head[0]!, ['1', '建设实验室★', '市科技局', ''], ['2', '▲引进人才', '市人社局', ''], ['3', '※', '市人社局', '']]);
      expect(readRows(g, findTable(g).layout!).rows.map((r) => r.fields.title)).toEqual(['建设实验室', '引进人才', '※']);
    });
    for (const c of cases)
      it(c.name, () => {
        const g = grid('清单', [...head, ...c.tail]);
        const { rows, issues } = readRows(g, findTable(g).layout!);
        expect(rows.map((r) => r.row)).toEqual(c.rows);
        expect(issues.map((i) => i.row)).toEqual(c.warned);
      });
  });

  it('refuses a table without a 重点任务 column, naming the header row', () => {
    const g = grid('表', [['', ''], ['序号', '牵头单位', '完成时限'], ['1', '市科技局', '2025年']]);
    const { layout } = findTable(g);
    const { rows, issues } = readRows(g, layout!);
    expect(rows).toEqual([]);
    expect(issues[0]).toMatchObject({ sheet: '表', row: 2, severity: 'error' });
    expect(issues[0]!.message).toContain('没有“重点任务”列');
  });
});

describe('a sheet of counts is not a task list', () => {
  it('finds no task table in the 汇总 sheet of the exported combined workbook (状态 | 任务数 | 占比)', () => {
    const summary = grid('汇总', [
      ['汉阳区2025年第三季度重点任务推进情况汇总', '', ''],
      ['填报单位（盖章）：汉阳区', '报告期：2025年第三季度', '填报日期：2025年10月8日'],
      ['状态', '任务数', '占比'],
      ['未启动', '0', '0.0%'],
      ['序时推进', '23', '25.3%'],
      ['滞后', '23', '25.3%'],
      ['合计', '91', '100.0%'],
    ]);
    const { layout, issues } = findTable(summary);
    expect(layout).toBeUndefined();
    expect(issues.map((i) => i.severity)).toEqual(['error']);
  });

  it('still takes 任务 inside a longer header as 重点任务', () => {
    const { layout } = findTable(grid('清单', [['序号', '年度任务', '牵头单位'], ['1', '建设实验室', '市科技局']]));
    expect(layout?.columns[1]?.field).toBe('title');
  });
});

describe('readRows: one task over several rows, and 序号 as the number', () => {
  const header = ['序号', '工作任务', '具体措施', '牵头单位', '配合单位'];
  const read = (rows: string[][]) => {
    const g = grid('S', [header, ...rows]);
    const { layout } = findTable(g);
    return readRows(g, layout!).rows.map((r) => [r.row, r.fields]);
  };
  it.each([
    [
      'the merge kept (xlsx: 序号 and 工作任务 repeated down)',
      [
        ['1', '建设创新平台', '建设实验室', '市科技局', '市发改委'],
        ['1', '建设创新平台', '建设中试基地', '市科技局', '市经信局'],
        ['2', '培育科技企业', '培育高企', '市科技局', ''],
      ],
    ],
    [
      'the merge lost (CSV: blank cells under the first row)',
      [
        ['1', '建设创新平台', '建设实验室', '市科技局', '市发改委'],
        ['', '', '建设中试基地', '', '市经信局'],
        ['2', '培育科技企业', '培育高企', '市科技局', ''],
      ],
    ],
  ])('%s', (_, rows) => {
    expect(read(rows)).toEqual([
      [2, { seq: '1', number: '1', title: '建设创新平台', text: '建设实验室\n建设中试基地', leadUnits: '市科技局', responsibleUnits: '市发改委、市经信局' }],
      [4, { seq: '2', number: '2', title: '培育科技企业', text: '培育高企', leadUnits: '市科技局' }],
    ]);
  });
});

describe('readRows: a text carried over to the next row', () => {
  const read = (rows: string[][]) => {
    const g = grid('S', [['序号', '重点任务', '具体内容', '牵头单位', '责任单位'], ...rows]);
    return readRows(g, findTable(g).layout!).rows.map((r) => [r.row, r.fields.text]);
  };

  it('cut mid-sentence, the rest on a row of its own joins without a break; cut after a sentence, on a new line', () => {
    expect(
      read([
        ['1', '建设创新平台', '建设实验室，推动高校院所与龙头企业共建新型研发机构和', '市科技局', '各区人民政府'],
        ['', '', '中试基地建设。', '', ''],
        ['2', '培育科技企业', '培育高企。', '市科技局', '各区人民政府'],
        ['', '', '壮大科技型中小企业。', '', ''],
      ]),
    ).toEqual([
      [2, '建设实验室，推动高校院所与龙头企业共建新型研发机构和中试基地建设。'],
      [4, '培育高企。\n壮大科技型中小企业。'],
    ]);
  });

  it('measures one a row without a full stop stay lines of their own (the review of probe7)', () => {
    expect(
      read([
        ['1', '建设创新平台', '建设实验室', '市科技局', '各区人民政府'],
        ['', '', '建设中试基地', '', ''],
        ['', '', '（3）打造科创街区', '', ''],
      ]),
    ).toEqual([[2, '建设实验室\n建设中试基地\n（3）打造科创街区']]);
  });

  it('a long title cut off goes on in the row under it, but the next task numbered in its cell is a task of its own', () => {
    const g = grid('S', [
      ['序号', '重点任务', '牵头单位'],
      ['1', '加快建设湖北实验室和东湖实验室，推动国家重点实验室重组入列', '市科技局'],
      ['', '2.培育科技企业梯度发展体系，壮大科技型中小企业', ''],
      ['3', '加快建设湖北实验室和东湖实验室体系，推动国家重点实验室重组', '市科技局'],
      ['', '入列工作', ''],
    ]);
    expect(readRows(g, findTable(g).layout!).rows.map((r) => [r.fields.number, r.fields.title])).toEqual([
      ['1', '加快建设湖北实验室和东湖实验室，推动国家重点实验室重组入列'],
      ['2', '培育科技企业梯度发展体系，壮大科技型中小企业'],
      ['3', '加快建设湖北实验室和东湖实验室体系，推动国家重点实验室重组入列工作'],
    ]);
  });
});

describe('readRows: a task’s paragraph cut across rows in its own cell', () => {
  const read = (rows: string[][]) => {
    const g = grid('S', [['序号', '重点任务', '牵头单位'], ...rows]);
    return readRows(g, findTable(g).layout!).rows.map((r) => [r.row, r.fields.title]);
  };

  it('the rest alone under a numbered paragraph cut mid-sentence is the same task; under a name or a full sentence, a task of its own', () => {
    expect(
      read([
        ['1', '加快建设湖北实验室和东湖实验室，推动国家重点实验室', '市科技局'],
        ['', '重组入列，到2027年建成10家。', ''],
        ['2', '培育科技企业', '市科技局'],
        ['', '建设创新平台', ''],
        ['3', '加快建设湖北实验室，推动国家重点实验室重组入列。', '市科技局'],
        ['', '建设中试基地', ''],
      ]),
    ).toEqual([
      [2, '加快建设湖北实验室和东湖实验室，推动国家重点实验室重组入列，到2027年建成10家。'],
      [4, '培育科技企业'],
      [5, '建设创新平台'],
      [6, '加快建设湖北实验室，推动国家重点实验室重组入列。'],
      [7, '建设中试基地'],
    ]);
  });
});

describe('readRows: units carried over to the next row', () => {
  const read = (rows: string[][]) => {
    const g = grid('S', [['序号', '重点任务', '牵头单位', '责任单位'], ...rows]);
    return readRows(g, findTable(g).layout!).rows.map((r) => [r.row, r.fields.title, r.fields.responsibleUnits]);
  };

  it('a row holding only the rest of the units above is no section: its units join the task’s', () => {
    expect(
      read([
        ['1', '建设创新平台', '市科技局', '市发改委、市经信局、'],
        ['', '', '', '市财政局、各区人民政府'],
        ['一、人才', '', '', ''],
        ['2', '培育科技企业', '市科技局', '各区人民政府'],
      ]),
    ).toEqual([
      [2, '建设创新平台', '市发改委、市经信局、市财政局、各区人民政府'],
      [5, '培育科技企业', '各区人民政府'],
    ]);
  });
});

describe('readRows: a matrix of units ticked per task', () => {
  const read = (rows: string[][]) => {
    const g = grid('S', rows);
    const { layout, issues } = findTable(g);
    return { layout: layout!, issues, rows: readRows(g, layout!).rows.map((r) => [r.fields.leadUnits, r.fields.responsibleUnits]) };
  };

  it('责任单位 merged over units’ names: the ticked units are the task’s, 牵头 / 配合 say as which; no warning of two 责任单位 columns', () => {
    const { layout, issues, rows } = read([
      ['序号', '重点任务', '牵头单位', '责任单位', '责任单位', '责任单位', '完成时限'],
      ['序号', '重点任务', '牵头单位', '市发改委', '市经信局', '各区人民政府', '完成时限'],
      ['1', '建设实验室', '市科技局', '✓', '', '√', '2026年底'],
      ['2', '培育企业', '', '牵头', '配合', '●', ''],
      ['3', '建设平台', '市科技局', '', '', '', ''],
    ]);
    expect(issues).toEqual([]);
    expect(layout.columns.map((c) => [c.field, c.unit ?? null])).toEqual([
      ['seq', null],
      ['title', null],
      ['leadUnits', null],
      ['responsibleUnits', '市发改委'],
      ['responsibleUnits', '市经信局'],
      ['responsibleUnits', '各区人民政府'],
      ['deadline', null],
    ]);
    expect(rows).toEqual([
      ['市科技局', '市发改委、各区人民政府'],
      ['市发改委', '市经信局、各区人民政府'],
      ['市科技局', undefined],
    ]);
  });

  it('the same header over units written out (市级 | 区级 holding names), or ticks under one unit only, is no matrix', () => {
    const named = read([
      ['序号', '重点任务', '责任单位', '责任单位'],
      ['序号', '重点任务', '市级', '区级'],
      ['1', '建设实验室', '市科技局', '汉阳区人民政府'],
    ]);
    expect(named.layout.columns.some((c) => c.unit)).toBe(false);
    const one = read([
      ['序号', '重点任务', '牵头单位', '责任单位', '完成时限'],
      ['序号', '重点任务', '牵头单位', '市发改委', '完成时限'],
      ['1', '建设实验室', '市科技局', '✓', '2026年底'],
    ]);
    expect(one.layout.columns.some((c) => c.unit)).toBe(false);
  });
});

describe('readRows: a task’s measures numbered under it (1.1, 1.2)', () => {
  const read = (rows: string[][]) => {
    const g = grid('S', [['序号', '重点任务', '具体内容', '责任单位'], ...rows]);
    return readRows(g, findTable(g).layout!).rows.map((r) => [r.row, r.fields.number, r.fields.title, r.fields.text, r.fields.responsibleUnits]);
  };

  it('rows numbered n.k without a name of their own are task n’s text and units; a numbered row with a name, or k under another number, a task', () => {
    expect(
      read([
        ['1', '建设创新平台', '', '市科技局'],
        ['1.1', '', '建设实验室。', ''],
        ['1-2', '', '建设中试基地。', '各区人民政府'],
        ['2', '培育科技企业', '', '市科技局'],
        ['2.1', '培育高新技术企业', '每年新增1000家。', ''],
        ['3.1', '', '建设孵化器。', ''],
      ]),
    ).toEqual([
      [2, '1', '建设创新平台', '建设实验室。\n建设中试基地。', '市科技局、各区人民政府'],
      [5, '2', '培育科技企业', undefined, '市科技局'],
      [6, '2.1', '培育高新技术企业', '每年新增1000家。', undefined],
      [7, '3.1', '建设孵化器', '建设孵化器。', undefined],
    ]);
  });

  it('isSubItemOf: the parent’s number in any writing, a dot or dash, the item', () => {
    expect(['1.1', '１．２', '1-3', '三.2', '（三）-1'].map((n, i) => isSubItemOf(n, ['1', '1', '1', '3', '（三）'][i]))).toEqual([true, true, true, true, true]);
    expect([['1.1', '2'], ['11', '1'], ['1.1', ''], ['1.1.1', '1']].map(([n, p]) => isSubItemOf(n, p))).toEqual([false, false, false, false]);
    // A measure numbered with its task's item in brackets, under a task numbered with its section (二-3).
    expect([['3-（1）', '3'], ['3（2）', '3'], ['3-(1)', '二-3'], ['3.(2)', '（二）3']].map(([n, p]) => isSubItemOf(n, p))).toEqual([true, true, true, true]);
    expect([['3-（1）', '二-4'], ['31', '3'], ['（1）', '3']].map(([n, p]) => isSubItemOf(n, p))).toEqual([false, false, false]);
  });
});

describe('readRows: one column for the lead and the other units', () => {
  const read = (header: string, cells: string[]) => {
    const g = grid('S', [['序号', '重点任务', header], ...cells.map((c, i) => [String(i + 1), `任务${i + 1}`, c])]);
    return readRows(g, findTable(g).layout!).rows.map((r) => [r.fields.leadUnits, r.fields.responsibleUnits]);
  };

  it('under 牵头单位/责任单位 or 牵头及配合单位 a cell in two parts is the lead, then the others', () => {
    const cells = ['市科技创新局、市经信局；各区人民政府', '市人才工作局\n市教育局、各区人民政府', '市科技创新局（牵头）、市发改委', '市科技创新局'];
    const expected = [
      ['市科技创新局、市经信局', '各区人民政府'],
      ['市人才工作局', '市教育局、各区人民政府'],
      ['市科技创新局（牵头）、市发改委', undefined],
      ['市科技创新局', undefined],
    ];
    expect(read('牵头单位/责任单位', cells)).toEqual(expected);
    // Read as 责任单位 (配合单位 in its name): the cells in one part stay there, for the units' own reading.
    expect(read('牵头及配合单位', cells)).toEqual([...expected.slice(0, 2), [undefined, cells[2]], [undefined, cells[3]]]);
  });

  it('under 责任单位（排在第一位的为牵头单位） the first unit leads and the others are the responsible units; a cell marking its lead is read as written', () => {
    const cells = ['市发改委、市科技创新局，各区人民政府', '汉阳、武昌区人民政府', '市科技创新局', '市科技局（牵头）、市发改委'];
    expect(read('责任单位（排在第一位的为牵头单位）', cells)).toEqual([
      ['市发改委', '市科技创新局、各区人民政府'],
      ['汉阳区人民政府', '武昌区人民政府'],
      ['市科技创新局', undefined],
      [undefined, '市科技局（牵头）、市发改委'],
    ]);
    expect(read('责任单位（首位为牵头单位）', cells.slice(0, 1))).toEqual([['市发改委', '市科技创新局、各区人民政府']]);
    // Without the note, the column is the responsible units, all of them.
    expect(read('责任单位', cells.slice(0, 1))).toEqual([[undefined, cells[0]]]);
  });

  it('under 牵头单位 or 牵头责任单位 the same cell is all leads (the units’ own reading)', () => {
    expect(read('牵头责任单位', ['市科技创新局；各区人民政府'])).toEqual([['市科技创新局；各区人民政府', undefined]]);
  });
});

describe('readRows: 小计 and 合计', () => {
  const read = (rows: string[][]) => {
    const g = grid('S', [['序号', '重点任务', '牵头单位'], ...rows]);
    return readRows(g, findTable(g).layout!).rows.map((r) => [r.row, r.fields.title]);
  };
  it('a section’s 小计 | 2项 leaves the list open; 合计 | 共3项 closes it, the line under it is no task', () => {
    expect(
      read([
        ['1', '建设实验室', '市科技局'],
        ['2', '建设中试基地', '市科技局'],
        ['小计', '2项', ''],
        ['3', '培育科技企业', '市科技局'],
        ['合计', '共3项', ''],
        ['', '其中：新增1项', ''],
      ]),
    ).toEqual([
      [2, '建设实验室'],
      [3, '建设中试基地'],
      [5, '培育科技企业'],
    ]);
  });

  it('小计 where the task goes, 小计 with its count in another column, 小计（1项） alone, 本行动小计1项: no task, no warning, the list goes on', () => {
    const g = grid('S', [
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '建设实验室', '市科技局', '2026年'],
      ['', '小计', '', ''],
      ['2', '建设中试基地', '市科技局', '2026年'],
      ['小计', '', '', '1项'],
      ['3', '培育科技企业', '市科技局', '2026年'],
      ['小计（1项）', '', '', ''],
      ['4', '壮大科技金融', '市科技局', '2026年'],
      ['', '本行动小计1项', '', ''],
      ['5', '优化创新生态', '市科技局', '2026年'],
    ]);
    const { rows, issues } = readRows(g, findTable(g).layout!);
    expect(rows.map((r) => [r.row, r.fields.title, r.sectionHeading ?? null])).toEqual([
      [2, '建设实验室', null],
      [4, '建设中试基地', null],
      [6, '培育科技企业', null],
      [8, '壮大科技金融', null],
      [10, '优化创新生态', null],
    ]);
    expect(issues).toEqual([]);
  });
});

describe('readRows: the list number and the title in the task cell', () => {
  const rowsOf = (rows: string[][]) => {
    const g = grid('清单', rows);
    const { layout } = findTable(g);
    return readRows(g, layout!);
  };
  it('takes a leading list number out of the task cell when the list has no number, or the same one', () => {
    const { rows, issues } = rowsOf([
      ['序号', '重点任务', '牵头单位'],
      ['', '1.建设实验室。支持高校建设。', '市科技局'],
      ['', '（二）推进中试平台', '市经信局'],
      ['3', '3、培育企业', '市科技局'],
      // A figure, not a number: the task starts with it.
      ['', '1.5万家企业上云', '市经信局'],
      // A number other than the list's own stays in the text.
      ['5', '6.加强合作', '市科技局'],
    ]);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.fields.number, r.fields.title])).toEqual([
      ['1', '建设实验室。支持高校建设。'],
      ['（二）', '推进中试平台'],
      ['3', '培育企业'],
      [undefined, '1.5万家企业上云'],
      ['5', '6.加强合作'],
    ]);
  });
  it('a list whose task column is its text (任务内容): no error, the lead sentence stands for the title and says so', () => {
    const { rows, issues } = rowsOf([
      ['序号', '任务内容', '牵头单位'],
      ['1', '建设实验室。支持高校建设。', '市科技局'],
    ]);
    expect(issues).toEqual([]);
    expect(rows).toEqual([{ row: 2, fields: { seq: '1', number: '1', text: '建设实验室。支持高校建设。', title: '建设实验室', leadUnits: '市科技局' }, titleFromText: true }]);
  });
});

describe('readRows: a deadline no calendar has', () => {
  it('is kept as written with a warning naming the sheet, row and column', () => {
    const g = grid('清单', [
      ['序号', '重点任务', '完成时限'],
      ['1', '建设实验室', '2027年13月'],
      ['2', '推进中试平台', '2026年6月底前'],
    ]);
    const { rows, issues } = readRows(g, findTable(g).layout!);
    expect(rows.map((r) => r.fields.deadline)).toEqual(['2027年13月', '2026年6月底前']);
    expect(issues).toEqual([{ sheet: '清单', row: 2, column: 'C列（完成时限）', severity: 'warning', message: expect.stringContaining('“2027年13月”不是日历上有的日期') }]);
  });
});

describe('readRows: 同上 and 〃 for the cell above', () => {
  it('a cell 同上 / 〃 / 同 上 is the same column’s value in the task row above; first row, nothing above: blank', () => {
    const g = grid('S', [
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '建设实验室', '同上', '2026年底前'],
      ['2', '建设中试基地', '市科技局', '同上'],
      ['一、人才'],
      ['3', '引进人才', '〃', '同 上'],
      ['4', '培育人才', '市人社局', '同上。'],
    ]);
    expect(readRows(g, findTable(g).layout!).rows.map((r) => [r.fields.leadUnits, r.fields.deadline])).toEqual([
      [undefined, '2026年底前'],
      ['市科技局', '2026年底前'],
      ['市科技局', '2026年底前'],
      ['市人社局', '2026年底前'],
    ]);
  });
});

describe('readRows: a column of the old value beside the new (对照表)', () => {
  const g = grid('S', [
    ['序号', '原任务表述', '调整后任务表述', '牵头单位'],
    ['1', '建设实验室', '不变', '市科技局'],
    ['2', '建设中试基地', '建设中试基地和概念验证中心', '市科技局'],
    ['3', '培育人才', '删除', '市人社局'],
    ['4', '引进人才', '', '市人社局'],
    ['5', '—', '建设孵化器', '市科技局'],
  ]);
  it('the new column is the task’s; 不变 or blank keeps the old words, 删除 drops the old task', () => {
    const layout = findTable(g).layout!;
    expect(layout.columns.map((c) => [c.field, c.previousOf])).toEqual([['seq', undefined], [null, 'title'], ['title', undefined], ['leadUnits', undefined]]);
    expect(readRows(g, layout).rows.map((r) => [r.fields.title, r.revision?.mark])).toEqual([
      ['建设实验室', undefined],
      ['建设中试基地和概念验证中心', undefined],
      ['培育人才', 'dropped'],
      ['引进人才', undefined],
      ['建设孵化器', undefined],
    ]);
  });
});

describe('readRows: a section heading naming what its rows are (调整清单)', () => {
  it('rows under 三、删除任务 are dropped, under 二、新增任务 new; under 一、调整任务 or a plain heading nothing', () => {
    const g = grid('S', [
      ['序号', '重点任务', '牵头单位'],
      ['一、调整任务', '一、调整任务', '一、调整任务'],
      ['1', '建设实验室', '市科技局'],
      ['二、新增任务', '二、新增任务', '二、新增任务'],
      ['2', '建设孵化器', '市科技局'],
      ['三、删除任务', '三、删除任务', '三、删除任务'],
      ['3', '培育人才', '市人社局'],
      ['四、人才', '四、人才', '四、人才'],
      ['4', '引进人才', '市人社局'],
    ]);
    expect(readRows(g, findTable(g).layout!).rows.map((r) => r.revision && [r.revision.mark, r.revision.written])).toEqual([
      undefined,
      ['new', '二、新增任务'],
      ['dropped', '三、删除任务'],
      undefined,
    ]);
  });

  it('a hidden row is read, marked hidden', () => {
    const g: SheetGrid = { ...grid('S', [['序号', '重点任务', '牵头单位'], ['1', '建设实验室', '市科技局'], ['1', '建设实验室', '市发改委']]), hiddenRows: [1] };
    expect(readRows(g, findTable(g).layout!).rows.map((r) => [r.row, r.hidden])).toEqual([[2, true], [3, undefined]]);
  });
});
