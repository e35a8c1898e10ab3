import { javaLines, parseAnnotations } from '../../src/conformance/expectations.js';

describe('expectation annotations', () => {
  it('reads an XPath expectation', () => {
    const a = parseAnnotations(`object template x;\n# @expect="/nlist[@name='profile']/long[@name='x']=1"\n'/x' = 1;\n`);
    expect(a.expect).toEqual({ kind: 'xpath', xpath: "/nlist[@name='profile']/long[@name='x']=1" });
    expect(a.format).toBe('pan');
  });

  it('reads an exception expectation with and without a message regex', () => {
    expect(parseAnnotations('# @expect=org.quattor.pan.exceptions.SyntaxException\n').expect).toEqual({
      kind: 'exception',
      className: 'org.quattor.pan.exceptions.SyntaxException',
    });
    expect(parseAnnotations('#@expect = org.quattor.pan.exceptions.EvaluationException ".*c\\.pan.*"  \n').expect).toEqual({
      kind: 'exception',
      className: 'org.quattor.pan.exceptions.EvaluationException',
      regex: '.*c\\.pan.*',
    });
  });

  it('lets the last @expect line win', () => {
    const text = '# @expect="count(/nlist)=1"\n# @expect=org.quattor.pan.exceptions.ValidationException\n# @expect="/nlist"\n';
    expect(parseAnnotations(text).expect).toEqual({ kind: 'xpath', xpath: '/nlist' });
  });

  it('only counts whole lines starting with #', () => {
    const text = ` # @expect="/nlist"\n'/x' = 1; # @expect="/a"\n#  @expect = "/b" trailing\n`;
    expect(parseAnnotations(text).expect).toEqual({ kind: 'missing' });
  });

  it('reports a missing expectation', () => {
    expect(parseAnnotations('object template x;\n').expect).toEqual({ kind: 'missing' });
  });

  it('reads @format, falling back to pan for keys the harness does not know', () => {
    expect(parseAnnotations('# @format=json\n').format).toBe('json');
    expect(parseAnnotations('# @format=text\n').format).toBe('pan');
    expect(parseAnnotations('# @format = XML.GZ\n').format).toBe('xml.gz');
  });

  it('collects dependency names as a sorted set', () => {
    expect(parseAnnotations('# dep: b\n#dep:a\n# dep: b\n# dep: c d\n').dependencies).toEqual(['a', 'b']);
  });

  it('splits lines like Java readLine', () => {
    expect(javaLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(javaLines('a\n\nb')).toEqual(['a', '', 'b']);
  });
});
