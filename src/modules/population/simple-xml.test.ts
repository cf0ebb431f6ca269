import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { syntheticCitizen } from '../../emulators/population/generator.ts';
import { soapEnvelope } from '../../emulators/population/wire.ts';
import { parseCongDanEnvelope, POPULATION_XML_OPTIONS, PopulationProtocolError } from './record.ts';
import { parseSimpleXml } from './simple-xml.ts';

const full = new XMLParser(POPULATION_XML_OPTIONS);
const fast = (xml: string) => parseSimpleXml(xml, POPULATION_XML_OPTIONS.isArray);
const ENVELOPE = (inner: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CongdanCollection>${inner}</CongdanCollection></soap:Body></soap:Envelope>`;

describe('the fast reader of plain XML', () => {
  it('reads the emulator’s answers exactly as fast-xml-parser does, more than 1,000 citizens in envelopes of 1 to 50', () => {
    let index = 0;
    for (let round = 0; round < 60; round++) {
      const size = 1 + ((round * 7) % 50);
      const xml = soapEnvelope(Array.from({ length: size }, () => syntheticCitizen(index++)));
      const tree = fast(xml);
      expect(tree, `round ${round}`).toBeDefined();
      expect(tree).toEqual(full.parse(xml));
    }
    expect(index).toBeGreaterThan(1000);
  });

  it.each([
    ['XML’s entities in text', ENVELOPE('<CongDan><SoDinhDanh>001</SoDinhDanh><HoVaTen>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos;</HoVaTen></CongDan>')],
    ['an empty and a self-closing element', ENVELOPE('<CongDan><SoDinhDanh>001</SoDinhDanh><SoCMND></SoCMND><NhomMau/><HoVaTen>  Lê   Văn  </HoVaTen></CongDan>')],
    ['a name in parts, whitespace between elements, a repeated element', ENVELOPE('<CongDan>\n  <SoDinhDanh>002</SoDinhDanh>\n  <HoVaTen><Ho>Trần</Ho><ChuDem>Thị</ChuDem><Ten>Mai</Ten></HoVaTen><Ghi>1</Ghi><Ghi>2</Ghi>\n</CongDan>')],
    ['no citizen at all', ENVELOPE('')],
    ['attributes, single and double quoted', `<soap:Envelope a='1' b="2"><soap:Body x="y"><CongdanCollection><CongDan k="v"><SoDinhDanh>003</SoDinhDanh></CongDan></CongdanCollection></soap:Body></soap:Envelope>`],
    ['leading zeros kept as text', ENVELOPE('<CongDan><SoDinhDanh>007</SoDinhDanh><GioiTinh>01</GioiTinh></CongDan>')],
    ['a greater-than sign in text', ENVELOPE('<CongDan><SoDinhDanh>004</SoDinhDanh><Ghi>a > b</Ghi></CongDan>')],
  ])('reads %s as fast-xml-parser does', (_what, xml) => {
    const tree = fast(xml);
    expect(tree).toBeDefined();
    expect(tree).toEqual(full.parse(xml));
  });

  it.each([
    ['a comment', ENVELOPE('<!-- x --><CongDan><SoDinhDanh>001</SoDinhDanh></CongDan>')],
    ['CDATA', ENVELOPE('<CongDan><SoDinhDanh><![CDATA[001]]></SoDinhDanh></CongDan>')],
    ['an HTML entity', ENVELOPE('<CongDan><SoDinhDanh>001</SoDinhDanh><HoVaTen>A&nbsp;B</HoVaTen></CongDan>')],
    ['a character reference', ENVELOPE('<CongDan><SoDinhDanh>001</SoDinhDanh><HoVaTen>&#272;&#x1ED7;</HoVaTen></CongDan>')],
    ['text beside elements', ENVELOPE('<CongDan>lạc<SoDinhDanh>001</SoDinhDanh></CongDan>')],
    ['a processing instruction inside', ENVELOPE('<?pi x?><CongDan><SoDinhDanh>001</SoDinhDanh></CongDan>')],
  ])('leaves %s to fast-xml-parser, which reads it as before', (_what, xml) => {
    expect(fast(xml)).toBeUndefined();
    // What the caller gets is the full parser's reading.
    expect(() => parseCongDanEnvelope(xml)).not.toThrow();
  });

  it.each([
    ['an unclosed element', '<a><b>x</a>'],
    ['a mismatched end tag', '<a><b>x</c></a>'],
    ['two roots', '<a>1</a><b>2</b>'],
    ['text outside the root', 'x<a>1</a>'],
    ['a broken attribute', '<a b="1>x</a>'],
    ['a bad name', '<1a>x</1a>'],
    ['a tag never ended', '<a>x</a'],
    ['nothing', ''],
  ])('gives up on %s (the full parser then says what is wrong)', (_what, xml) => {
    expect(fast(xml)).toBeUndefined();
  });

  it('gives the same records through parseCongDanEnvelope, and the same errors for malformed answers', () => {
    const xml = soapEnvelope([syntheticCitizen(1), syntheticCitizen(2)]);
    const records = parseCongDanEnvelope(xml);
    expect(records.map((r) => r.personalId)).toEqual([syntheticCitizen(1).personalId, syntheticCitizen(2).personalId]);
    expect(() => parseCongDanEnvelope('<soap:Envelope><soap:Body>')).toThrow(PopulationProtocolError);
    expect(() => parseCongDanEnvelope('<!DOCTYPE x><a/>')).toThrow(/DTD/);
    // A stray ampersand is not XML: the fast reader gives up and the full parser refuses it.
    const stray = ENVELOPE('<CongDan><SoDinhDanh>001</SoDinhDanh><HoVaTen>A & B</HoVaTen></CongDan>');
    expect(fast(stray)).toBeUndefined();
    expect(() => parseCongDanEnvelope(stray)).toThrow(PopulationProtocolError);
  });
});
