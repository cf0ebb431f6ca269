// html-to-pdfmake ships no types: what the results module uses of it.
declare module 'html-to-pdfmake' {
  interface Options {
    /** The window whose DOMParser parses the HTML (jsdom's in Node). */
    window: unknown;
    tableAutoSize?: boolean;
    removeExtraBlanks?: boolean;
    defaultStyles?: Record<string, Record<string, unknown>>;
    /** Called for elements it does not know; returns the pdfmake node to use. */
    customTag?: (params: { element: Element; parents: Element[]; ret: unknown }) => unknown;
  }
  export default function htmlToPdfmake(html: string, options: Options): unknown;
}
