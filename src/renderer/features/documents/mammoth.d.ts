/** The prebuilt browser bundle of mammoth (no types of its own). */
declare module 'mammoth/mammoth.browser.js' {
  const mammoth: unknown;
  export default mammoth;
}
