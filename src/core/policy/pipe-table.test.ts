import { describe, expect, it } from 'vitest';
import { parsePolicyText } from './parse';
import { pipeCells, readPipeTable } from './pipe-table';

const TABLE = ['县市区', '(开发区)', '| 08年高新技术产业产值(万元)', '| 09年高新技术产业产值(万元)', '| 高新技术产业', '产值增幅', '|', '潍城', '| 474696', '| 579129.1', '| 22%', '|', '峡山生态', '发展区', '| 3585', '| 4373.7', '| 22%', '|', '全市', '| 15213562', '| 18612094.7', '| 22.34%', '|'];

describe('tables copied one cell a line ("| 474696")', () => {
  it('cells: "|" starts a cell, a lone "|" ends the row, a label may run over two lines', () => {
    const rows = pipeCells(TABLE.map((text, i) => ({ line: i + 1, text })));
    expect(rows.map((r) => r.cells)).toEqual([
      ['县市区(开发区)', '08年高新技术产业产值(万元)', '09年高新技术产业产值(万元)', '高新技术产业产值增幅'],
      ['潍城', '474696', '579129.1', '22%'],
      ['峡山生态发展区', '3585', '4373.7', '22%'],
      ['全市', '15213562', '18612094.7', '22.34%'],
    ]);
  });

  it('"08年X | 09年X" is one indicator with baseline and target; every other column an indicator of its own; a row per district', () => {
    const rows = readPipeTable(pipeCells(TABLE.map((text, i) => ({ line: i + 1, text }))));
    expect(rows.slice(0, 2).map((r) => [r.scope, r.name, r.unit, r.baselineText, r.baselineYear, r.targetText, r.targetYear])).toEqual([
      ['潍城', '高新技术产业产值', '万元', '474696', 2008, '579129.1', 2009],
      ['潍城', '高新技术产业产值增幅', '%', '', undefined, '22', 2009],
    ]);
    expect(rows.map((r) => r.scope)).toEqual(['潍城', '潍城', '峡山生态发展区', '峡山生态发展区', '全市', '全市']);
  });

  it('in a text: indicator rows with their scope, every line placed', () => {
    const r = parsePolicyText(['附件：', '2009年高新技术产业发展目标指导计划', ...TABLE].join('\n'));
    expect(r.indicatorTable.map((x) => [x.scope, x.name, x.baseline, x.target])).toEqual([
      ['潍城', '高新技术产业产值', 474696, 579129.1],
      ['潍城', '高新技术产业产值增幅', undefined, 22],
      ['峡山生态发展区', '高新技术产业产值', 3585, 4373.7],
      ['峡山生态发展区', '高新技术产业产值增幅', undefined, 22],
      ['全市', '高新技术产业产值', 15213562, 18612094.7],
      ['全市', '高新技术产业产值增幅', undefined, 22.34],
    ]);
    for (let n = 3; n <= TABLE.length + 2; n++) expect(r.lineUse[n]).toBe('table');
  });
});
