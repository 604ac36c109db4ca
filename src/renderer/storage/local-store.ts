/** The window's localStorage, where it exists and may be used; undefined otherwise (never throws). */
export function localStore(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
