/** Vite answers `import x from '…?url'` with the bundled file's URL (the pdf.js worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
