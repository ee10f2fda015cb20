/** pdfmake 0.3's server-side printer (no typings ship for its `js/` files); pdf.ts types what it uses. */
declare module 'pdfmake/js/Printer.js' {
  const printer: unknown;
  export default printer;
}
