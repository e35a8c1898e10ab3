/** GitHub workflow annotations: command per severity, properties, escaping. */
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { escapeData, escapeProperty, formatGithub, formatGithubAnnotation } from '../../src/diagnostics/github.js';
import { spanFromOffsets } from '../../src/diagnostics/span.js';

const text = "object template a;\n'/x' = 1 +;\n";
const span = spanFromOffsets('site/hosts/a.pan', text, text.indexOf(';', 20), text.indexOf(';', 20) + 1);

describe('GitHub annotations', () => {
  it('formats an error with file, line, col, end column and title', () => {
    expect(formatGithubAnnotation(diagnostic('PF101', "unexpected ';'", span))).toBe(
      "::error file=site/hosts/a.pan,line=2,col=11,endColumn=11,title=PF101 unexpected token::unexpected ';'",
    );
  });

  it('uses warning and notice commands and omits the location when there is none', () => {
    expect(formatGithubAnnotation(diagnostic('PF221', 'old', span))).toMatch(/^::warning file=/);
    expect(formatGithubAnnotation(diagnostic('PF901', 'boom', undefined, { severity: 'info' }))).toBe('::notice title=PF901 internal error::boom');
  });

  it('names the last line of a multi-line span', () => {
    const multi = spanFromOffsets('a.pan', text, 0, text.length - 1);
    expect(formatGithubAnnotation(diagnostic('PF101', 'x', multi))).toContain('line=1,col=1,endLine=2,');
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('C:\\dir,x%\n')).toBe('C%3A\\dir%2Cx%25%0A');
    const weird = spanFromOffsets('dir,with:odd%name.pan', text, 0, 1);
    const line = formatGithubAnnotation(diagnostic('PF101', 'a\nb: 100%', weird));
    expect(line).toBe('::error file=dir%2Cwith%3Aodd%25name.pan,line=1,col=1,endColumn=1,title=PF101 unexpected token::a%0Ab: 100%25');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('adds the model path and related locations as extra message lines', () => {
    const d = diagnostic('PF412', 'duplicate MAC', span, { path: '/hardware/cards/nic/eth0/hwaddr', related: [{ message: 'also here', span }] });
    expect(formatGithubAnnotation(d)).toMatch(/::duplicate MAC%0Aat path \/hardware\/cards\/nic\/eth0\/hwaddr%0Anote: site\/hosts\/a.pan:2:11: also here$/);
  });

  it('writes one line per diagnostic', () => {
    const out = formatGithub([diagnostic('PF101', 'one', span), diagnostic('PF101', 'two', span)]);
    expect(out.split('\n')).toHaveLength(3);
    expect(out.endsWith('\n')).toBe(true);
  });
});
