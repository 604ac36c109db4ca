/**
 * The platform seam: the only module that touches `window.ledger`. In Electron the
 * preload provides it; in a plain browser the browser implementation stands in.
 */
import { BRIDGE_GLOBAL, type LedgerBridge } from '@shared/bridge';
import { createBrowserBridge } from './browser-bridge';

export { downloadParts } from './browser-bridge';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: LedgerBridge;
  }
}

let bridge: LedgerBridge | undefined;

/** The bridge for this platform. */
export function platform(): LedgerBridge {
  bridge ??= window[BRIDGE_GLOBAL] ?? createBrowserBridge();
  return bridge;
}

/** Whether the app runs as the desktop application. */
export function isDesktop(): boolean {
  return window[BRIDGE_GLOBAL] !== undefined;
}
