/**
 * Opening policy files: the real .docx fixture reads; files that only claim to be .docx/.txt get
 * a Chinese reason; hostile files (generated here, small on disk) are refused by the bound they
 * break. The reader is run directly (in the app it runs in workers/policy-worker.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { POLICY_FILE_LIMITS } from '@core/limits';
import { extractPolicyText } from '../../workers/policy-text';
import { docxInflatingTo, docxWithBody, docxWithParagraphs, withBadCrc } from '../../../../test/builders/hostile-files';
import { PolicyFileError, readPolicyFile as readWith } from './docx-text';
import { parsePolicyText } from '@core/policy/parse';

const fixture = (p: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../../../test/fixtures', p)));
const readPolicyFile = (name: string, data: Uint8Array) => readWith(name, data, extractPolicyText);
const refusal = (name: string, data: Uint8Array) =>
  readPolicyFile(name, data).then(
    () => undefined,
    (e: unknown) => e as Error,
  );

describe('readPolicyFile', () => {
  it('reads the .docx fixture and the .txt fixture', async () => {
    const docx = await readPolicyFile('work-points-2026.docx', fixture('policy/work-points-2026.docx'));
    const txt = await readPolicyFile('work-points-2026.txt', fixture('policy/work-points-2026.txt'));
    expect(docx.length).toBeGreaterThan(200);
    expect(txt.slice(0, 10)).toBe(docx.trim().slice(0, 10));
  });

  it('a Word table headed 序号 | 指标 | 责任单位 | 完成时限 (武汉经开区 十四五 分工方案, items 1–7) gives its seven items as tasks with their units', async () => {
    const text = await readPolicyFile('jkq-fengong-table.docx', fixture('policy/jkq-fengong-table.docx'));
    const parsed = parsePolicyText(text);
    expect(parsed.tasks).toHaveLength(7);
    expect(parsed.tasks[5]!.leadUnits).toEqual(['区住建局']);
    expect(parsed.tasks.map((t) => t.deadlineText)).toEqual(Array(7).fill('2025年底'));
    // 武汉经开区's own document: its bare 区××局 are 经开区's.
    expect(parsed.document.issuedByDistrict).toBe('武汉经济技术开发区');
  });

  it('a Word table 主要工作任务 | 牵头单位 | 责任单位 without a 序号 column (沈河区 2024 分解表, corpus 116) gives its four rows as tasks with their units', async () => {
    const text = await readPolicyFile('shenhe-table-2024.docx', fixture('policy/shenhe-table-2024.docx'));
    const parsed = parsePolicyText(text);
    expect(parsed.tasks.map((t) => [t.number, t.leadUnits, t.responsibleUnits])).toEqual([
      ['1', ['区发改局'], ['区工信局', '区商务局', '区文旅局', '区金融局', '各街道办事处']],
      ['2', ['发改局', '区工信局'], ['各街道办事处']],
      ['3', ['发改局'], ['区工信局', '各街道办事处']],
      ['4', ['区发改局', '区工信局'], ['区投促局']],
    ]);
    expect(parsed.targets.map((t) => [t.name, t.value, t.unit, t.year])).toContainEqual(['数字经济核心产业增加值占GDP比重', 10, '%', 2024]);
  });

  it('a Word table of goals 目标 | 目标值 (武汉 2025 2号建议案, corpus 115): each figure in the cell after its name is a target of the year', async () => {
    const text = await readPolicyFile('wuhan-jianyian2-goals-2025.docx', fixture('policy/wuhan-jianyian2-goals-2025.docx'));
    const parsed = parsePolicyText(text);
    expect(parsed.targets.filter((t) => t.kind === 'goal').map((t) => [t.name, t.value, t.unit, t.year, t.scope])).toEqual([
      ['开工亿元以上产业项目', 480, '个', 2025, '全市'],
      ['五大优势产业总规模', 2, '万亿元', 2025, '全市'],
      ['光电子信息', 8500, '亿元', 2025, '全市'],
      ['大健康', 6600, '亿元', 2025, '全市'],
      ['汽车制造及服务', 4250, '亿元', 2025, '全市'],
      ['高端装备', 2500, '亿元', 2025, '全市'],
      ['北斗', 800, '亿元', 2025, '全市'],
    ]);
    expect(parsed.tasks.map((t) => [t.number, t.leadUnits])).toEqual([['1', ['市经信局']]]);
  });

  it.each([
    ['UTF-16LE with BOM (Notepad "Unicode")', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['UTF-16BE with BOM', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
    ['UTF-16LE without BOM', (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-8 with BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
  ])('reads a .txt saved as %s', async (_, encode) => {
    const text = readFileSync(resolve(__dirname, '../../../../test/fixtures/policy/work-points-2026.txt'), 'utf8').replace(/^\uFEFF/u, '');
    expect(await readPolicyFile('通知.txt', new Uint8Array(encode(text)))).toBe(text);
  });

  // An old binary Office file (OLE compound document, as .doc is) renamed to .docx; LibreOffice's .xls is one.
  it.each([
    ['old binary Office file named .docx', '通知.docx', fixture('import/multi-sheet.xls'), /旧版 Word 文档/],
    ['a PDF named .docx', '通知.docx', fixture('import/not-a-spreadsheet.xlsx'), /不是 Word 2007/],
    ['a .docx named .txt', '通知.txt', fixture('policy/work-points-2026.docx'), /不是纯文本文件/],
    ['an empty file', '通知.docx', new Uint8Array(0), /空的/],
    ['a .docx inflating to 1 GB (honest header)', '炸弹.docx', docxInflatingTo(1024 ** 3, false), /“word\/document\.xml”解压后有 1024\.0 MB 以上，超过了每部分 64 MB 的上限/],
    ['a .docx inflating to 1 GB (lying header)', '炸弹.docx', docxInflatingTo(1024 ** 3, true), /“word\/document\.xml”解压后有 64\.0 MB 以上，超过了每部分 64 MB 的上限/],
    ['a .docx of 60,000 paragraphs', '段落.docx', docxWithParagraphs(60_000), /60,000 个段落，超过了 50,000 个段落的上限/],
    ['a .docx of 3 million runs in one paragraph', '碎片.docx', docxWithBody(`<w:p>${'<w:r><w:t>字</w:t></w:r>'.repeat(1_000_000)}</w:p>`), /个元素，超过了 2,000,000 个的上限/],
    ['a .docx damaged in transit', '损坏.docx', withBadCrc(fixture('policy/work-points-2026.docx'), 'word/document.xml'), /已损坏：其中“word\/document\.xml”的数据校验不通过/],
    ['a .txt of 3 million characters', '长.txt', new TextEncoder().encode('字'.repeat(3_000_000)), /3,000,000 个字，超过了 2,000,000 个字的上限/],
    ['a .txt over the byte bound', '大.txt', new Uint8Array(POLICY_FILE_LIMITS.maxBytes + 1).fill(0x41), /超过了 20 MB 的上限/],
  ])('%s is refused in Chinese', async (_, name, data, message) => {
    const err = await refusal(name, data);
    expect(err).toBeInstanceOf(PolicyFileError);
    expect(err!.message).toMatch(message);
    expect(err!.message).not.toMatch(/[A-Za-z]{12,}/);
  });

  it('the hostile .docx files are small on disk', () => {
    expect(docxInflatingTo(1024 ** 3, true).length).toBeLessThan(1.1 * 1024 * 1024);
    expect(docxWithParagraphs(60_000).length).toBeLessThan(64 * 1024);
  });
});
