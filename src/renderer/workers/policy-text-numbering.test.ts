/**
 * Word's automatic numbering read back into a .docx's text: the real 港政发〔2025〕1号 excerpt as
 * plain text and as a .docx whose items 1.–10. are Word list numbering (make-huangshigang-docx.py)
 * parse alike.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePolicyText } from '@core/policy';
import { extractPolicyText } from './policy-text';
import { formatNumber, numberedParagraphs, withListNumbers } from '@core/policy/word-numbering';

const fixture = (p: string) => readFileSync(resolve(__dirname, '../../../test/fixtures/policy', p));

async function docxText(name: string): Promise<string> {
  const r = await extractPolicyText(name, new Uint8Array(fixture(name)));
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.text;
}

const summary = (text: string) => {
  const p = parsePolicyText(text, { source: 'x' });
  return {
    tasks: p.tasks.map((t) => [t.number, t.title, t.leadUnits, t.responsibleUnits]),
    targets: p.targets.map((t) => [t.kind, t.taskKey ?? '', t.name, t.comparator, t.value, t.unit]),
  };
};

describe('automatic numbering of a .docx', () => {
  it('the auto-numbered .docx parses as the plain text does (10 tasks, 8 targets, task 10 its own title)', async () => {
    const plain = summary(fixture('huangshigang-fenjie-2025.txt').toString('utf8'));
    const docx = summary(await docxText('huangshigang-autonum-2025.docx'));
    expect(docx).toEqual(plain);
    expect(docx.tasks).toHaveLength(10);
    expect(docx.targets).toHaveLength(8);
    expect(docx.tasks[9]![1]).toMatch(/^坚持规划引领/u);
  });

  it('the numbers are written before the numbered paragraphs only', async () => {
    const text = await docxText('huangshigang-autonum-2025.docx');
    expect(text).toContain('\n1.地方生产总值增长7%左右。');
    expect(text).toContain('\n9.完成市下达的节能减排');
    // the list goes on after the headings between: 10, not 1
    expect(text).toContain('\n10.坚持规划引领');
    expect(text).toContain('\n二、区政府重点工作');
    expect(text).not.toMatch(/\d+\.二、/u);
  });

  it('counts per list and level as Word does: start, restart of deeper levels, startOverride, formats', () => {
    const numbering =
      '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num></w:numbering>';
    const p = (text: string, numId?: number, lvl = 0) => `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
    const doc = p('甲', 1) + p('乙', 1, 1) + p('丙', 1, 1) + p('丁', 1) + p('戊', 1, 1) + p('己', 1, 2) + p('庚') + p('辛', 2) + p('壬', 0);
    expect(numberedParagraphs(doc, numbering).map((x) => x.label ?? '')).toEqual(['一、', '（1）', '（2）', '二、', '（1）', '', '', '十一、', '']);
    expect(withListNumbers('甲\n\n乙\n\n\n\n丙\n\n', numberedParagraphs(doc, numbering))).toBe('一、甲\n\n（1）乙\n\n\n\n（2）丙\n\n');
    expect([formatNumber(12, 'chineseCounting'), formatNumber(3, 'decimalEnclosedCircle'), formatNumber(105, 'chineseCountingThousand'), formatNumber(1, 'bullet')]).toEqual(['十二', '③', '一百零五', undefined]);
  });

  // 西安市 2021 政务服务事项进驻市级大厅 (corpus 124, make-autonum-docx.py): 一、 chineseCounting and
  // 1.–3. decimal drawn by Word, as a WPS or Word file of the notice has them.
  it('headings and items numbered by Word (一、 chineseCounting, 1. decimal) parse as the printed text (124)', async () => {
    const plain = summary(fixture('corpus/124-xian-zhengwudating-2021.txt').toString('utf8'));
    const docx = summary(await docxText('xian-zhengwudating-autonum-2021.docx'));
    expect(docx).toEqual(plain);
    expect(docx.tasks.map((t) => t[0])).toEqual(['1', '2', '3']);
  });

  it('a 序号 column of Word numbering (empty cells, each drawn 1, 2, 3) gives the rows their numbers (124 as a 责任分解表)', async () => {
    const text = await docxText('xian-zhengwudating-fenjiebiao-2021.docx');
    expect(text).toMatch(/\n1\n\n实施清单式管理。/u);
    expect(summary(text).tasks).toEqual([
      ['1', '实施清单式管理', ['市行政审批局', '市司法局'], ['市级相关部门']],
      ['2', '严格事权调整程序', ['市行政审批局', '市司法局'], ['市级相关部门']],
      ['3', '确保惠企政策落地', [], []],
    ]);
  });

  it('an empty numbered paragraph is counted and drawn; an empty paragraph without numbering stays empty', () => {
    const numbering = '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const p = (text: string, numId?: number) => `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ''}${text ? `<w:r><w:t>${text}</w:t></w:r>` : ''}</w:p>`;
    const paragraphs = numberedParagraphs(p('序号') + p('', 1) + p('甲') + p('') + p('', 1) + p('乙'), numbering);
    expect(paragraphs.map((x) => x.label ?? '')).toEqual(['', '1', '', '', '2', '']);
    expect(withListNumbers('序号\n\n\n\n甲\n\n\n\n\n\n乙\n\n', paragraphs)).toBe('序号\n\n1\n\n甲\n\n\n\n2\n\n乙\n\n');
  });

  it('a .docx without automatic numbering reads as before', async () => {
    const text = await docxText('huangshigang-table-2025.docx');
    expect(summary(text).tasks).toHaveLength(10);
  });
});
