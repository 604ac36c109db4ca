/**
 * The built-in template files (resources/templates/*.xlsx), bundled into the renderer by
 * `npm run templates` so they load the same way in Electron, in the browser and in tests.
 */
import type { ReportKind } from '@core/report';
import { TEMPLATE_BASE64 } from './template-data';

/** The bytes of the built-in template of a report. */
export function builtinTemplateBytes(kind: ReportKind): Uint8Array {
  const bin = atob(TEMPLATE_BASE64[kind]);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
