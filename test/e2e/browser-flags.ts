/**
 * How the e2e tests and the bench start Debian's Chromium: the flags this closed network needs,
 * and Chromium's own services that an Electron window does not have switched off, so that they do
 * not share the machine with what is tested or measured. Among them the address bar's popup
 * (chrome://omnibox-popup.top-chrome), which headless Chromium 156 preloads in a renderer of its own
 * for every new window: on the 2-core AMD machine that renderer took 1.4–1.8 s of CPU during the
 * first 2.5 s of every cold start (bench/NOTES.md, sixteenth session).
 */
export const BROWSER_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
