import { describe, expect, it } from 'vitest';
import { PREFILL_ATTRIBUTES } from '../../core/prefill/attributes.ts';
import { syntheticCitizen } from '../../emulators/population/generator.ts';
import { soapEnvelope } from '../../emulators/population/wire.ts';
import { maskSensitive, maskValue, POPULATION_ATTRIBUTE_NAMES, toPrefillValues } from './prefill.ts';
import { parseCongDanEnvelope, type PopulationRecord } from './record.ts';
import { toCsv } from './routes.ts';

const recordOf = (index: number): PopulationRecord => parseCongDanEnvelope(soapEnvelope([syntheticCitizen(index)]))[0]!;

describe('toPrefillValues', () => {
  it('produces exactly the population attribute names of attributes.ts, and over a sample all of them', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const values = toPrefillValues(recordOf(i));
      for (const [name, value] of Object.entries(values)) {
        expect(POPULATION_ATTRIBUTE_NAMES, name).toContain(name);
        expect(value).not.toBe('');
        seen.add(name);
      }
    }
    expect([...seen].sort()).toEqual([...POPULATION_ATTRIBUTE_NAMES].sort());
    expect(POPULATION_ATTRIBUTE_NAMES.length).toBe(PREFILL_ATTRIBUTES.filter((a) => a.source === 'population').length);
  });

  it('maps codes to the Vietnamese values forms show, and addresses to one line with the province', () => {
    const person = syntheticCitizen(3);
    const values = toPrefillValues(recordOf(3));
    expect(values).toMatchObject({
      personalId: person.personalId,
      fullName: person.fullName,
      birthDate: person.birthDate,
      gender: person.gender,
      ethnicity: person.ethnicity,
      religion: person.religion,
      nationality: 'Việt Nam',
      'permanentAddress.provinceCode': person.permanentAddress.provinceCode,
      'permanentAddress.wardCode': person.permanentAddress.wardCode,
      'permanentAddress.detail': person.permanentAddress.detail,
      'permanentAddress.country': 'Việt Nam',
      'householdHead.fullName': person.householdHead.fullName,
      householdBookNumber: person.householdBookNumber,
    });
    expect(values.permanentAddress).toMatch(new RegExp(`^${person.permanentAddress.detail}, .+`));
    const married = { single: 'Chưa kết hôn', married: 'Đã kết hôn', divorced: 'Đã ly hôn', widowed: 'Góa' }[person.maritalStatus];
    expect(values.maritalStatus).toBe(married);
  });

  it('leaves out what the record lacks', () => {
    const values = toPrefillValues({ ...recordOf(0), father: null, spouse: null, bloodType: null });
    expect(Object.keys(values).some((k) => k.startsWith('father.') || k.startsWith('spouse.'))).toBe(false);
    expect('bloodType' in values).toBe(false);
  });
});

describe('masking', () => {
  it('keeps the last 3 digits of identifiers and hides other sensitive text', () => {
    expect(maskValue('father.personalId', '001085012345')).toBe('*********345');
    expect(maskValue('oldIdNumber', '012345678')).toBe('******678');
    expect(maskValue('religion', 'Công giáo')).toBe('***');
    const { values, masked } = maskSensitive({ fullName: 'Lê Văn A', religion: 'Không', 'mother.personalId': '001185012345' });
    expect(values).toEqual({ fullName: 'Lê Văn A', religion: '***', 'mother.personalId': '*********345' });
    expect(masked).toEqual(['religion', 'mother.personalId']);
  });
});

describe('parseCongDanEnvelope: robust reading of the SOAP answer', () => {
  it('reads other namespace prefixes, a one-string name, dd/MM/yyyy dates, numeric entities and missing parts', () => {
    const xml =
      '<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>' +
      '<ns2:CongdanCollection xmlns:ns2="urn:x"><ns2:CongDan><ns2:SoDinhDanh>001085012345</ns2:SoDinhDanh>' +
      '<ns2:HoVaTen>Nguy&#7877;n Văn  An</ns2:HoVaTen><ns2:NgayThangNamSinh><ns2:NgayThangNam>12/03/1985</ns2:NgayThangNam></ns2:NgayThangNamSinh>' +
      '<ns2:ThuongTru><ns2:MaTinhThanh>01</ns2:MaTinhThanh><ns2:ChiTiet>Số 1 &amp; 2</ns2:ChiTiet></ns2:ThuongTru>' +
      '<ns2:Cha></ns2:Cha></ns2:CongDan></ns2:CongdanCollection></s:Body></s:Envelope>';
    const [r] = parseCongDanEnvelope(xml);
    expect(r).toMatchObject({
      personalId: '001085012345',
      fullName: 'Nguyễn Văn  An',
      surname: null,
      birthDate: '1985-03-12',
      birthYear: 1985,
      permanentAddress: { provinceCode: '01', detail: 'Số 1 & 2', wardCode: null },
      father: null,
      householdHead: null,
    });
  });

  it('keeps leading zeros and returns no record for an empty collection', () => {
    const xml = soapEnvelope([syntheticCitizen(0)]);
    expect(parseCongDanEnvelope(xml)[0]!.permanentAddress!.wardCode).toMatch(/^\d{5}$/);
    expect(parseCongDanEnvelope('<Envelope><Body><CongdanCollection/></Body></Envelope>')).toEqual([]);
  });

  it('refuses malformed XML, a DTD, and a document that is not a SOAP envelope', () => {
    expect(() => parseCongDanEnvelope('<Envelope><Body></Envelope>')).toThrow(/well-formed/);
    expect(() => parseCongDanEnvelope('<!DOCTYPE a [<!ENTITY x "y">]><Envelope/>')).toThrow(/DTD/);
    expect(() => parseCongDanEnvelope('<html><body/></html>')).toThrow(/Envelope/);
  });
});

describe('toCsv', () => {
  it('quotes, escapes, neutralizes formulas and starts with a BOM', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', null, 3], ['=SUM(A1)', '-1', 'dòng\nmới']])).toBe(
      '\ufeffa,"b,c","say ""hi""",,3\r\n\'=SUM(A1),\'-1,"dòng\nmới"\r\n',
    );
  });
});
