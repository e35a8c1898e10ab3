import { asciiBytes, asciiEscapes, ByteSink, TextSlab } from '../../src/output/byte-sink.js';

/** Doubles `!`, leaves other printable ASCII as is, refuses control characters. */
const BANG = asciiEscapes((c) => (c < 0x20 ? undefined : c === 0x21 ? '!!' : ''));

describe('ByteSink', () => {
  it('writes ASCII text, byte arrays and escaped text in order', () => {
    const sink = new ByteSink();
    sink.start();
    sink.ascii('<a');
    sink.raw(asciiBytes(' b="'));
    expect(sink.escaped('x!y', BANG, '(', ')')).toBe(true);
    sink.ascii('"/>');
    expect(sink.string()).toBe('<a b="(x!!y)"/>');
  });

  it('writes nothing, not even the prefix, when the table cannot escape the text', () => {
    const sink = new ByteSink();
    sink.start();
    sink.ascii('a');
    expect(sink.escaped('ok\u0001', BANG, '[', ']')).toBe(false);
    expect(sink.escaped('caf\u00e9', BANG, '[', ']')).toBe(false);
    sink.ascii('b');
    expect(sink.string()).toBe('ab');
  });

  it('keeps non-ASCII text exactly as a string and encodes it as Buffer.from does as bytes', () => {
    const text = ['x', 'caf\u00e9 \ud83d\ude00', 'y', 'lone \ud800 surrogate', 'z'];
    const write = (sink: ByteSink): void => {
      sink.start();
      text.forEach((t, i) => (i % 2 === 0 ? sink.ascii(t) : sink.text(t)));
    };
    const sink = new ByteSink();
    write(sink);
    expect(sink.string()).toBe(text.join(''));
    write(sink);
    expect(sink.bytes().equals(Buffer.from(text.join(''), 'utf8'))).toBe(true);
  });

  it('never overwrites the bytes of an output already taken', () => {
    const sink = new ByteSink();
    const taken: Buffer[] = [];
    for (let i = 0; i < 2000; i++) {
      sink.start();
      sink.ascii(`output ${i} `.padEnd(300, '.'));
      taken.push(sink.bytes());
    }
    taken.forEach((b, i) => expect(b.toString('latin1')).toBe(`output ${i} `.padEnd(300, '.')));
  });

  it('grows for an output larger than a slab and keeps the part already written', () => {
    const sink = new ByteSink();
    sink.start();
    sink.ascii('head ');
    const big = 'x'.repeat(700 * 1024);
    expect(sink.escaped(big, BANG, '', '')).toBe(true);
    sink.ascii(' tail');
    const out = sink.bytes();
    expect(out.length).toBe(big.length + 10);
    expect(out.toString('latin1', 0, 5)).toBe('head ');
    expect(out.toString('latin1', out.length - 5)).toBe(' tail');
    sink.start();
    sink.ascii('next');
    expect(sink.string()).toBe('next');
  });

  it('forgets an unfinished output when the next one starts', () => {
    const sink = new ByteSink();
    sink.start();
    sink.ascii('abandoned');
    sink.text('\u00e9');
    sink.start();
    sink.ascii('kept');
    expect(sink.bytes().toString('latin1')).toBe('kept');
  });
});

describe('TextSlab', () => {
  it('encodes ASCII and other text as Buffer.from does, without overwriting earlier results', () => {
    const slab = new TextSlab();
    const texts = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `caf\u00e9 ${i} \ud83d\ude00 \ud800` : `text ${i} `.padEnd(200 + (i % 50), '.')));
    const taken = texts.map((t, i) => slab.bytes(t, i % 3 !== 0));
    taken.forEach((b, i) => expect(b.equals(Buffer.from(texts[i]!, 'utf8'))).toBe(true));
  });

  it('takes a text larger than a slab', () => {
    const slab = new TextSlab();
    const big = 'x'.repeat(600 * 1024);
    expect(slab.bytes('small', true).toString('latin1')).toBe('small');
    expect(slab.bytes(big, true).toString('latin1')).toBe(big);
    expect(slab.bytes('after', true).toString('latin1')).toBe('after');
  });
});
