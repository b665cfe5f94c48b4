/** Vite's `?raw` import: the file's text, bundled into main (used for resources/voice/*.dict). */
declare module '*.dict?raw' {
  const text: string;
  export default text;
}
