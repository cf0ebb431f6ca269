// HTML result templates: the check of what an administrator wrote (with the line of each
// problem) and the conversion of a filled template to a pdfmake document (html-to-pdfmake over a
// jsdom window, which parses as a browser does and never runs scripts or loads resources; jsdom
// takes over a second to load, so it is loaded when a template is first checked or rendered). The
// page is A4 with the margins of Decree 30/2020 Appendix I (top and bottom 20 mm, left 30 mm,
// right 15 mm) and body text at 13 pt.
import htmlToPdfmake from 'html-to-pdfmake';
import type { JSDOM } from 'jsdom';
import { HTML_TEMPLATE_ATTRIBUTES, HTML_TEMPLATE_MAX, HTML_TEMPLATE_TAGS, forbiddenKeysIn, unknownFields, type TemplateProblem } from '../../core/results/index.ts';

const MM = 72 / 25.4;
const PAGE = { pageSize: 'A4', pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM] } as const;

/** Headings and paragraphs sized for an administrative document rather than a web page. */
const DEFAULT_STYLES = {
  h1: { fontSize: 15, bold: true, alignment: 'center', marginTop: 18, marginBottom: 12 },
  h2: { fontSize: 14, bold: true, marginTop: 10, marginBottom: 6 },
  h3: { fontSize: 13, bold: true, marginTop: 8, marginBottom: 4 },
  h4: { fontSize: 13, bold: true, italics: true, marginBottom: 4 },
  h5: { fontSize: 12, bold: true, marginBottom: 4 },
  h6: { fontSize: 12, italics: true, marginBottom: 4 },
  p: { margin: [0, 3, 0, 3] },
  table: { marginBottom: 6 },
};

/** The `data-pdfmake` value as html-to-pdfmake reads it (single quotes allowed for the attribute's sake). */
const dataOf = (value: string): unknown => JSON.parse(value.replace(/'/g, '"'));

let jsdom: Promise<typeof import('jsdom')> | undefined;
const loadJsdom = () => (jsdom ??= import('jsdom'));
let window: JSDOM['window'] | undefined;
const shared = async () => (window ??= new (await loadJsdom()).JSDOM('').window);

/** The problems of an HTML template (empty: usable). */
export async function checkHtmlTemplate(html: string): Promise<TemplateProblem[]> {
  if (html.length > HTML_TEMPLATE_MAX) return [{ pointer: '', code: 'too_large', message: `The template is longer than ${HTML_TEMPLATE_MAX} characters.` }];
  const { JSDOM } = await loadJsdom();
  // No line break before the template: the parser's line numbers are the template's.
  const dom = new JSDOM(`<!DOCTYPE html><html><head></head><body>${html}`, { includeNodeLocations: true });
  const problems: TemplateProblem[] = [];
  const lineOf = (node: Node): number | undefined => {
    try {
      return dom.nodeLocation(node)?.startLine ?? undefined;
    } catch {
      return undefined;
    }
  };
  const add = (node: Node, problem: Omit<TemplateProblem, 'pointer' | 'line'>) => {
    const line = lineOf(node);
    problems.push({ pointer: '', ...problem, ...(line ? { line } : {}) });
  };
  const fields = (node: Node, text: string) => {
    for (const name of unknownFields(text)) add(node, { code: 'unknown_field', message: `Unknown field {{${name}}}.` });
  };
  let qr = 0;
  const { document, NodeFilter } = dom.window;
  // The head holds what the parser moved there (<style>, <meta>, <link>, <title>): refused as well.
  for (const root of [document.head, document.body]) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === node.TEXT_NODE) {
        fields(node, node.textContent ?? '');
        continue;
      }
      if (node.nodeType !== node.ELEMENT_NODE) continue;
      const element = node as Element;
      const tag = element.localName;
      if (!HTML_TEMPLATE_TAGS.has(tag)) {
        add(element, { code: 'forbidden_tag', message: `<${tag}> is not allowed in a result template.` });
        continue;
      }
      if (tag === 'result-qr') qr++;
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const on = HTML_TEMPLATE_ATTRIBUTES.get(name);
        if (!on || (on !== '*' && !on.split(' ').includes(tag))) {
          add(element, { code: 'forbidden_attribute', message: `The attribute "${name}" is not allowed on <${tag}>.` });
          continue;
        }
        fields(element, attribute.value);
        if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(attribute.value)) add(element, { code: 'forbidden_style', message: `A style may not load anything ("${attribute.value.slice(0, 60)}").` });
        if (name === 'data-pdfmake') {
          let data: unknown;
          try {
            data = dataOf(attribute.value);
          } catch {
            add(element, { code: 'bad_data', message: `"data-pdfmake" on <${tag}> is not JSON.` });
            continue;
          }
          if (typeof data !== 'object' || data === null || Array.isArray(data)) add(element, { code: 'bad_data', message: `"data-pdfmake" on <${tag}> is not a JSON object.` });
          else for (const p of forbiddenKeysIn(data)) add(element, { code: p.code, message: p.message });
        }
      }
    }
  }
  if (qr === 0) problems.push({ pointer: '', code: 'no_qr', message: 'The template must place the verification QR code (<result-qr></result-qr>).' });
  return problems;
}

/**
 * The pdfmake document of a filled HTML template; each `<result-qr size="96" align="center">`
 * becomes a `{ resultQr: true }` node for the renderer to replace.
 */
export async function htmlToDefinition(filledHtml: string): Promise<Record<string, unknown>> {
  const content = htmlToPdfmake(filledHtml, {
    window: await shared(),
    tableAutoSize: true,
    removeExtraBlanks: true,
    defaultStyles: DEFAULT_STYLES,
    customTag: ({ element, ret }: { element: Element; ret: unknown }) => {
      if (element.localName !== 'result-qr') return ret;
      const size = Number(element.getAttribute('size'));
      const align = element.getAttribute('align');
      return { resultQr: true, fit: Number.isFinite(size) ? size : 96, ...(align === 'left' || align === 'center' || align === 'right' ? { alignment: align } : {}) };
    },
  });
  return { ...PAGE, content, defaultStyle: { fontSize: 13, lineHeight: 1.15 } };
}
