// Text files imported as strings: Vite's `?raw` in tests, an esbuild plugin in the build.
declare module '*?raw' {
  const text: string;
  export default text;
}

// Style sheets imported as strings (minified by the build, served as modules to the widget tests).
declare module '*.css' {
  const css: string;
  export default css;
}
