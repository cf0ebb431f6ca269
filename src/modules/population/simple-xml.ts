// A fast reader of the plain XML the population database answers with: elements and text only, as
// fast-xml-parser reads them with record.ts's options (namespace prefixes and attributes dropped,
// text trimmed and kept as strings, a repeated element as an array, an empty one as ''). A
// reconciliation reads a 2 KB envelope per person found; fast-xml-parser took 0.35–0.45 ms each,
// most of the time of a 1M-person run. Anything this reader does not know — a comment, CDATA, a
// processing instruction inside the document, a DTD, an entity other than the five of XML (a
// character reference too), text beside child elements, a tag it cannot match — makes it give up
// (undefined), and the caller reads the text with fast-xml-parser, which also says what is wrong
// with a malformed answer. So it never accepts what the full parser would refuse.

export type SimpleXmlNode = string | { [key: string]: SimpleXmlNode } | SimpleXmlNode[];

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
// What may follow a start tag's name: attributes, each name="value" or name='value'.
const ATTRIBUTES = /^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<&]*"|'[^'<&]*'))*\s*$/;
const ENTITY = /&(lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Text with XML's five entities decoded; undefined when it holds any other '&' (a character
 * reference, an HTML entity, a stray ampersand): the full parser reads those.
 */
function decode(raw: string): string | undefined {
  if (!raw.includes('&')) return raw;
  if (raw.replace(ENTITY, '').includes('&')) return undefined;
  return raw.replace(ENTITY, (_m, name: string) => NAMED[name]!);
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

interface Frame {
  name: string;
  children: Map<string, SimpleXmlNode[]> | undefined;
  text: string;
}

function valueOf(frame: Frame, alwaysArray: (name: string) => boolean): SimpleXmlNode | undefined {
  const text = frame.text.trim();
  if (!frame.children) return text;
  // Text beside child elements ('#text' in fast-xml-parser): not in these answers; give up.
  if (text !== '') return undefined;
  const node: { [key: string]: SimpleXmlNode } = {};
  for (const [name, values] of frame.children) node[name] = values.length === 1 && !alwaysArray(name) ? values[0]! : values;
  return node;
}

/**
 * The document as fast-xml-parser (removeNSPrefix, ignoreAttributes, parseTagValue false,
 * trimValues) would give it, with the elements named by `alwaysArray` always arrays; undefined
 * when the text holds anything beyond plain elements and text (see the header).
 */
export function parseSimpleXml(xml: string, alwaysArray: (name: string) => boolean = () => false): { [key: string]: SimpleXmlNode } | undefined {
  let i = 0;
  const n = xml.length;
  // An optional declaration first.
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end === -1) return undefined;
    i = end + 2;
  }
  const root: Frame = { name: '', children: new Map(), text: '' };
  const stack: Frame[] = [root];
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt === -1) {
      if (xml.slice(i).trim() !== '') return undefined;
      break;
    }
    if (lt > i) {
      const raw = xml.slice(i, lt);
      if (stack.length === 1) {
        if (raw.trim() !== '') return undefined;
      } else {
        const text = decode(raw);
        if (text === undefined) return undefined;
        top.text += text;
      }
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) return undefined;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f /* / */) {
      // An end tag: it must close the element open now.
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (stack.length === 1 || name !== top.name) return undefined;
      stack.pop();
      const value = valueOf(top, alwaysArray);
      if (value === undefined) return undefined;
      const parent = stack[stack.length - 1]!;
      parent.children ??= new Map();
      const key = localName(name);
      const list = parent.children.get(key);
      if (list) list.push(value);
      else parent.children.set(key, [value]);
    } else if (c === 0x21 /* ! */ || c === 0x3f /* ? */) {
      return undefined; // a comment, CDATA, a DTD or a processing instruction
    } else {
      let body = xml.slice(lt + 1, gt);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const space = body.search(/\s/);
      const name = space === -1 ? body : body.slice(0, space);
      if (!NAME.test(name) || (space !== -1 && !ATTRIBUTES.test(body.slice(space)))) return undefined;
      // One root element only.
      if (stack.length === 1 && root.children!.size > 0) return undefined;
      const frame: Frame = { name, children: undefined, text: '' };
      if (selfClosing) {
        if (stack.length === 1) return undefined;
        top.children ??= new Map();
        const key = localName(name);
        const list = top.children.get(key);
        if (list) list.push('');
        else top.children.set(key, ['']);
      } else {
        stack.push(frame);
      }
    }
    i = gt + 1;
  }
  if (stack.length !== 1 || root.children!.size !== 1) return undefined;
  return valueOf(root, alwaysArray) as { [key: string]: SimpleXmlNode } | undefined;
}
