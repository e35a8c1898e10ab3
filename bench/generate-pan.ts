/**
 * Deterministic generator of realistic Pan source for benchmarks: record and alias types,
 * binds, user functions with loops and conditionals, global variables, assignments with nested
 * DML and heredocs, and prefix-relative blocks in the style of structure templates.
 */
import { seededRandom } from './random.js';

const WORDS = ['network', 'interface', 'hardware', 'cpu', 'memory', 'disk', 'kernel', 'service', 'daemon', 'mount', 'user', 'group', 'package', 'repository', 'firewall', 'route', 'bridge', 'volume'];

/** Generates one Pan template of at least `minBytes` characters. */
export function generatePan(minBytes: number, seed = 42): string {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const parts: string[] = ['# Generated benchmark template\n@{\n  description = generated benchmark input\n}\nunique template bench/generated;\n\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < minBytes; i++) {
    const w = pick(WORDS);
    const section = section_(i, w, pick(WORDS), random);
    parts.push(section);
    size += section.length;
  }
  return parts.join('');
}

function section_(i: number, w: string, v: string, random: () => number): string {
  const n = Math.floor(random() * 1000);
  return `
# ----------------------------------------------------------------------------
# ${w} section ${i}: settings for the ${v} component
# ----------------------------------------------------------------------------
@documentation{
  desc = ${w} settings number ${i}
  arg = the ${v} value
}
type ${w}_${i}_name = string with match(SELF, '^[a-z][a-z0-9_.-]*$') || error("bad name: " + SELF);
type ${w}_${i}_port = long(1..65535);
type ${w}_${i}_config = extensible {
  'name' : ${w}_${i}_name
  'enabled' : boolean = true
  'port' ? ${w}_${i}_port = ${1000 + (n % 5000)}
  'options' ? string{}
  'hosts' : string[1..] = list('localhost')
  'weights' ? double(0..100)[]
  'mode' : choice('auto', 'manual', "disabled") = 'auto'
  'link' ? string*
  include structure_${w}_base
};

bind '/software/components/${w}${i}' = ${w}_${i}_config;
valid '/system/${v}/${i}' = is_dict(SELF) && length(SELF) > 0;

function ${w}_merge_${i} = {
  if (ARGC < 2) error('${w}_merge_${i}: two arguments expected, got ' + to_string(ARGC));
  result = dict();
  foreach (k; val; ARGV[0]) {
    result[k] = val;
  };
  foreach (k; val; ARGV[1]) {
    if (is_defined(result[k]) && is_dict(val)) {
      result[k] = ${w}_merge_${i}(result[k], val);
    } else {
      result[k] = val;
    };
  };
  total = 0;
  for (j = 0; j < length(ARGV); j = j + 1) {
    total = total + j * 2 - (j % 3) + (0x1F & j) | 4;
  };
  while (total > ${n + 10}) total = total / 2;
  result['total'] = total;
  result;
};

variable ${w.toUpperCase()}_DEFAULTS_${i} ?= dict(
  'enabled', true,
  'port', ${n + 1024},
  'ratio', ${(random() * 100).toFixed(3)},
  'hosts', list('node${n}.example.org', "node${n + 1}.example.org"),
);
final variable ${w.toUpperCase()}_NAME_${i} = '${w}-${i}';

'/software/components/${w}${i}' = ${w}_merge_${i}(${w.toUpperCase()}_DEFAULTS_${i}, dict(
  'name', ${w.toUpperCase()}_NAME_${i},
  'mode', if (${n} > 500) 'auto' else 'manual',
  'options', dict('level', to_string(${n % 7}), 'path', "/var/lib/${w}/${i}\\n"),
));
'/software/components/${w}${i}/weights' = {
  weights = list();
  for (x = 1; x <= 4; x = x + 1) weights[length(weights)] = x * 1.5e0 + ${i % 10}.25;
  weights;
};
'/system/${v}/${i}/motd' = <<EOT;
Welcome to ${w} ${i}.
  This text is kept verbatim: 'quotes', "double quotes", # not a comment.
EOT

prefix '/system/${v}/${i}';
'name' = format('%s-%03d', '${v}', ${i});
'values/0' = -${n} + ~${n % 16};
'values/1' ?= !(${n} >= 10) && (${n} != 3);
'flags' = list(true, false, null, undef);
'nested/deep/${w}' = nlist('a', 1, 'b', list(2, 3, dict('c', 4)));
prefix '';
include if (${n % 2} == 0) 'site/${w}/even' else null;
`;
}
