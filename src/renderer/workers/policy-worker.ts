/**
 * Reads a policy file off the page: the page posts the file's bytes, the worker answers with
 * its text or the problem (extractPolicyText). A crash here ends the worker, not the page.
 */
import { extractPolicyText, type PolicyTextResult } from './policy-text';

/** Message to the worker. */
export interface PolicyWorkerRequest {
  name: string;
  data: ArrayBuffer;
}

self.onmessage = async (e: MessageEvent<PolicyWorkerRequest>) => {
  let result: PolicyTextResult;
  try {
    result = await extractPolicyText(e.data.name, new Uint8Array(e.data.data));
  } catch (err) {
    result = { ok: false, problem: { kind: 'notDocx' }, cause: String((err as Error)?.stack ?? err) };
  }
  (self as unknown as Worker).postMessage(result);
};
