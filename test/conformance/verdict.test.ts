import { parseAnnotations } from '../../src/conformance/expectations.js';
import { dependencyNames, judgeDependencies, judgeExpectation, type ReportedError } from '../../src/conformance/verdict.js';
import { evaluateXPathBoolean } from '../../src/conformance/xpath.js';

const XML = [
  '<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile">',
  '    <double name="d">1.2</double>',
  '    <list name="l">',
  '        <long>1</long>',
  '        <string>two  words </string>',
  '    </list>',
  '    <long name="x">10</long>',
  '    <string name="s">1234.56</string>',
  '</nlist>',
  '',
].join('\n');

const EVAL = 'org.quattor.pan.exceptions.EvaluationException';
const evalError = (message: string): ReportedError => ({ className: EVAL, code: 'PF209', message });

describe('XPath evaluation as boolean', () => {
  it.each([
    ["/nlist[@name='profile']/long[@name='x']=10", true],
    ["/nlist[@name='profile']/long[@name='x']=11", false],
    ["/nlist[@name='profile']/double[@name='d']=1.2", true],
    ["/nlist[@name='profile']/string[@name='s']='1234.56'", true],
    ["count(/nlist[@name='profile']/list[@name='l']/*)=2", true],
    ["/nlist[@name='profile']/list[@name='l']/*[1]=1 and normalize-space(/nlist/list/*[2])='two words'", true],
    ["/nlist[@name='profile']/missing", false],
    ["count(/nlist/list/*)", true],
    ["count(/nlist/missing)", false],
    ["string(/nlist/missing)", false],
    ["translate(/nlist/string, '.', ',')='1234,56'", true],
  ])('%s → %p', (expr, value) => {
    expect(evaluateXPathBoolean(XML, expr)).toBe(value);
  });

  it('describes invalid expressions and documents', () => {
    expect(typeof evaluateXPathBoolean(XML, '/nlist[')).toBe('string');
    expect(evaluateXPathBoolean('<nlist>', '/nlist')).toMatch(/^invalid XML output/);
  });
});

describe('verdicts', () => {
  const xpathTest = parseAnnotations(`# @expect="/nlist[@name='profile']/long[@name='x']=10"\n`);
  const exceptionTest = parseAnnotations(`# @expect=${EVAL} ".*too many.*"\n`);

  it('passes an XPath test whose output satisfies the expression, even with errors reported', () => {
    expect(judgeExpectation(xpathTest, { errors: [], xml: XML })).toEqual({ pass: true });
    expect(judgeExpectation(xpathTest, { errors: [evalError('x')], xml: XML }).pass).toBe(true);
  });

  it('fails an XPath test without output or with a false expression', () => {
    expect(judgeExpectation(xpathTest, { errors: [evalError('evaluation error [a.pan:1.1-1.2]\nboom\n')] }).reason).toBe(
      'unexpected EvaluationException (PF209): evaluation error [a.pan:1.1-1.2] | boom',
    );
    expect(judgeExpectation(xpathTest, { errors: [] }).reason).toBe('no XML output and no error reported');
    expect(judgeExpectation(xpathTest, { errors: [], xml: XML.replace('>10<', '>9<') }).reason).toMatch(/^XPath false: /);
  });

  it('passes an exception test when every error has the class and a matching message', () => {
    expect(judgeExpectation(exceptionTest, { errors: [evalError('a\ntoo many\n')] })).toEqual({ pass: true });
  });

  it('fails an exception test with output, without errors, or with a wrong class or message', () => {
    expect(judgeExpectation(exceptionTest, { errors: [evalError('too many')], xml: XML }).reason).toMatch(/XML output exists/);
    expect(judgeExpectation(exceptionTest, { errors: [] }).reason).toMatch(/no error was reported/);
    const syntax: ReportedError = { className: 'org.quattor.pan.exceptions.SyntaxException', code: 'PF112', message: 'too many' };
    expect(judgeExpectation(exceptionTest, { errors: [evalError('too many'), syntax] }).reason).toMatch(/^expected EvaluationException but got SyntaxException/);
    expect(judgeExpectation(exceptionTest, { errors: [evalError('too few')] }).reason).toMatch(/^message differs/);
  });

  it('fails a test without an expectation', () => {
    expect(judgeExpectation(parseAnnotations(''), { errors: [], xml: XML }).reason).toBe('@expect not found in file');
  });

  it('compares dependency name sets', () => {
    const dep = 'a PAN file:/t/\nb PAN file:/t/\nc ABSENT_SOURCE \n';
    expect([...dependencyNames(dep)].sort()).toEqual(['a', 'b', 'c']);
    expect(judgeDependencies(['a', 'b', 'c'], { errors: [], xml: XML, dep })).toEqual({ pass: true });
    expect(judgeDependencies(['a', 'd'], { errors: [], xml: XML, dep }).reason).toBe('dependencies differ: missing [d], unexpected [b, c]');
    expect(judgeDependencies(['a'], { errors: [], xml: XML }).reason).toBe('no .dep output');
    expect(judgeDependencies([], { errors: [], xml: XML, dep: '' }).reason).toBe('no dependencies were expected');
  });
});
