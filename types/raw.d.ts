// Text files imported as strings: Vite's `?raw` in tests, an esbuild plugin in the build.
declare module '*?raw' {
  const text: string;
  export default text;
}
