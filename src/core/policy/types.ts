/** The result of parsing a policy text: plain data, issues included. */
import type { PolicyDocument, Section, Target, Task } from '../model';

/** Something the officer should check, with the line of the text it concerns. */
export interface ParseIssue {
  line: number;
  message: string;
  /** The task it concerns, when it concerns one. */
  taskKey?: string;
}

/** One row of an indicator table // 指标表, e.g. the 十四五 plan's expected indicators. */
export interface IndicatorRow {
  index: number;
  name: string;
  unit: string;
  baseline?: number;
  baselineYear?: number;
  target?: number;
  targetYear?: number;
  /** As written, e.g. `年均增速10.7`. */
  baselineText: string;
  targetText: string;
  table: string;
  line: number;
  /** ≥ / ≤ before the target (a floor or a ceiling). */
  bound?: '≥' | '≤';
  /** 预期性 / 约束性. */
  attribute?: string;
  /** The unit the row names (责任单位 / 数据来源 column). */
  responsible?: string;
  /** The district or area the row is for, in a table of targets per district (潍城, 全市). */
  scope?: string;
}

/** Everything extracted from one document. */
export interface ParsedPolicy {
  document: PolicyDocument;
  sections: Section[];
  tasks: Task[];
  targets: Target[];
  indicatorTable: IndicatorRow[];
  issues: ParseIssue[];
  /**
   * Text the parser could not place // 未归入的文字: paragraphs outside every task, heading
   * and header line, with the line they start on, so that nothing in the text is lost.
   */
  unplaced: UnplacedText[];
  /**
   * What became of every non-blank line of the text, by line number: nothing is dropped
   * without a trace (a test checks every line of every corpus document).
   */
  lineUse: Record<number, LineUse>;
}

/** What a line of the text went into. */
export type LineUse = 'task' | 'heading' | 'header' | 'table' | 'removed' | 'unplaced';

/** A paragraph no task, heading or header line took. */
export interface UnplacedText {
  line: number;
  text: string;
  /** How many targets were read from it (goal paragraphs), for the officer's review. */
  targets: number;
}

/** Options of parsePolicyText. */
export interface ParseOptions {
  /** Document id; default `doc-<keyPrefix>`. */
  documentId?: string;
  /** Task key prefix, e.g. `2023GZYD` → keys `2023GZYD-07`. Derived from the document when absent. */
  keyPrefix?: string;
  /** Where the text came from (file name). */
  source?: string;
  /** Metadata known better than the text (e.g. a title the text lacks). */
  metadata?: Partial<Omit<PolicyDocument, 'id' | 'addedAt' | 'source'>>;
  /** Time stamp for addedAt / updatedAt; default 2000-01-01 so output is reproducible. */
  now?: string;
  /** origin of the tasks; default 'import'. */
  origin?: 'seed' | 'import' | 'manual';
}
