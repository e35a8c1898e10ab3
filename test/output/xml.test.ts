import { formatPanXml, formatPanXmlBytes, escapeAttribute, escapeText, isValidXmlString } from '../../src/output/xml.js';
import { pancBase64, javaUtf8Bytes } from '../../src/output/base64.js';
import { expectGolden } from '../golden.js';
import { dict, list, sampleProfile } from './sample-profile.js';

describe('pan XML writer', () => {
  it('writes the sample profile (golden)', () => {
    expectGolden('output/sample.xml', formatPanXml(sampleProfile()));
  });

  it('writes the language reference example exactly', () => {
    const profile = dict({ d: dict({ k: 'v' }), e: dict({}), l: list(1n, 2.5, true), x: 'bad\u0001' });
    expect(formatPanXml(profile)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile">',
        '    <nlist name="d">',
        '        <string name="k">v</string>',
        '    </nlist>',
        '    <nlist name="e"/>',
        '    <list name="l">',
        '        <long>1</long>',
        '        <double>2.5</double>',
        '        <boolean>true</boolean>',
        '    </list>',
        '    <string name="x" encoding="base64">YmFkAQ==</string>',
        '</nlist>',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty profile as one self-closing root element', () => {
    expect(formatPanXml(dict({}))).toBe('<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile"/>\n');
  });

  it('writes empty strings as empty elements and keeps whitespace-only strings', () => {
    const xml = formatPanXml(dict({ a: '', b: ' ', c: '\n' }));
    expect(xml).toContain('    <string name="a"/>\n');
    expect(xml).toContain('    <string name="b"> </string>\n');
    expect(xml).toContain('    <string name="c">\n</string>\n');
  });

  it('writes as bytes the UTF-8 encoding of the text, escapes, base64 and non-ASCII names included', () => {
    const profile = dict({
      ...Object.fromEntries(sampleProfile().map),
      'k\u00e9y"<': dict({ 'a\tb': 'caf\u00e9 \ud83d\ude00 \u0085 \u007f\r' }),
      lone: 'x\ud800y',
      items: list('<&>', '', 'ctl\u0002', 1n, -2.5, false),
    });
    const text = formatPanXml(profile);
    expect(text).toContain('<string name="lone" encoding="base64">');
    expect(text).toContain('<nlist name="k\u00e9y&quot;&lt;">');
    expect(formatPanXmlBytes(profile).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});

describe('XML escaping (as the JDK serializer writes it)', () => {
  it('escapes markup in text but leaves quotes alone', () => {
    expect(escapeText(`q"'<>&`)).toBe(`q"'&lt;&gt;&amp;`);
  });
  it('writes carriage returns, C1 controls and supplementary characters as references in text', () => {
    expect(escapeText('a\r\nb')).toBe('a&#13;\nb');
    expect(escapeText('a\u007fb\u0085c\u009f')).toBe('a&#127;b&#133;c&#159;');
    expect(escapeText('x\ud83d\ude00y')).toBe('x&#128512;y');
    expect(escapeText('\u00e9\u2028\u00a0\t')).toBe('\u00e9\u2028\u00a0\t');
  });
  it('escapes attribute values', () => {
    expect(escapeAttribute(`n"<>&'\n\r\t\u0085\u00e9`)).toBe(`n&quot;&lt;&gt;&amp;'&#10;&#13;&#9;\u0085\u00e9`);
    expect(escapeAttribute('a\u0001b\ud83d\ude00')).toBe('a&#1;b&#128512;');
  });
  it('recognises strings XML 1.0 cannot carry', () => {
    expect(isValidXmlString('tab\tnl\ncr\r \ud7ff\ue000\ufffd \ud83d\ude00')).toBe(true);
    for (const bad of ['\u0000', '\u0001', '\u001f', '\ufffe', '\uffff', '\ud800', 'x\udc00']) expect(isValidXmlString(bad)).toBe(false);
  });
});

describe('base64 of unencodable strings', () => {
  it('breaks lines after every 76 characters, including after the last full line', () => {
    const bytes = Buffer.alloc(57, 0x61);
    expect(pancBase64(bytes)).toBe(Buffer.from(bytes).toString('base64') + '\n');
    const longer = Buffer.alloc(60, 0x62);
    const plain = longer.toString('base64');
    expect(pancBase64(longer)).toBe(plain.slice(0, 76) + '\n' + plain.slice(76));
  });
  it('pads short input', () => {
    expect(pancBase64(Buffer.from('a'))).toBe('YQ==');
    expect(pancBase64(Buffer.from('ab'))).toBe('YWI=');
    expect(pancBase64(Buffer.from(''))).toBe('');
  });
  it("encodes unpaired surrogates as '?' like Java's UTF-8 encoder", () => {
    expect([...javaUtf8Bytes('x\ud800y\u0001')]).toEqual([120, 63, 121, 1]);
    expect(javaUtf8Bytes('\ud83d\ude00').length).toBe(4);
  });
});
