/**
 * The catalogue of stable diagnostic codes.
 *
 * Ranges: PF1xx syntax (PF10x lexing/grammar = panc ParseException, PF11x-PF19x per-file
 * compile-time checks = panc SyntaxException), PF2xx evaluation, PF3xx validation, PF4xx site
 * checks, PF5xx artifacts, PF6xx deploy/serve, PF7xx command line and configuration,
 * PF9xx system. A code, once published, keeps its meaning; retired codes are never reused.
 */
import type { Severity } from './diagnostic.js';

/** The reference compiler's error classes, used to map our codes to panc verdicts. */
export type PanErrorClass = 'Parse' | 'Syntax' | 'Evaluation' | 'Validation' | 'System';

export interface CodeInfo {
  readonly severity: Severity;
  /** Short title used in documentation and SARIF rule descriptions. */
  readonly title: string;
  /** The panc error class this code corresponds to, for Pan compilation errors. */
  readonly panClass?: PanErrorClass;
}

const CATALOGUE = {
  // --- lexing and grammar (panc ParseException) ---
  PF100: { severity: 'error', title: 'unexpected character', panClass: 'Parse' },
  PF101: { severity: 'error', title: 'unexpected token', panClass: 'Parse' },
  PF102: { severity: 'error', title: 'unterminated string literal', panClass: 'Parse' },
  PF103: { severity: 'error', title: 'invalid escape sequence', panClass: 'Parse' },
  PF104: { severity: 'error', title: 'unterminated heredoc', panClass: 'Parse' },
  PF105: { severity: 'error', title: 'malformed annotation', panClass: 'Parse' },
  PF106: { severity: 'error', title: 'missing template declaration', panClass: 'Parse' },
  PF107: { severity: 'error', title: 'invalid numeric literal', panClass: 'Parse' },
  PF108: { severity: 'error', title: 'numeric literal out of range', panClass: 'System' },
  // --- per-file compile-time checks (panc SyntaxException) ---
  PF110: { severity: 'error', title: 'template name does not match file', panClass: 'Syntax' },
  PF111: { severity: 'error', title: 'statement not allowed in this template kind', panClass: 'Syntax' },
  PF112: { severity: 'error', title: 'invalid path', panClass: 'Syntax' },
  PF113: { severity: 'error', title: 'duplicate definition in one file', panClass: 'Syntax' },
  PF114: { severity: 'error', title: 'invalid built-in function call', panClass: 'Syntax' },
  PF115: { severity: 'error', title: 'constant expression fails', panClass: 'Syntax' },
  PF116: { severity: 'error', title: 'invalid default value', panClass: 'Syntax' },
  PF117: { severity: 'error', title: 'invalid use of an automatic variable', panClass: 'Syntax' },
  PF118: { severity: 'error', title: 'construct not allowed in a restricted context', panClass: 'Syntax' },
  PF119: { severity: 'error', title: 'invalid include', panClass: 'Syntax' },
  PF120: { severity: 'error', title: 'invalid prefix', panClass: 'Syntax' },
  PF121: { severity: 'error', title: 'invalid regular expression', panClass: 'Syntax' },
  PF122: { severity: 'error', title: 'invalid template name', panClass: 'Syntax' },
  PF123: { severity: 'error', title: 'invalid type definition', panClass: 'Syntax' },
  // --- evaluation (panc EvaluationException) ---
  PF200: { severity: 'error', title: 'evaluation error', panClass: 'Evaluation' },
  PF201: { severity: 'error', title: 'incompatible replacement (type stability)', panClass: 'Evaluation' },
  PF202: { severity: 'error', title: 'undefined variable', panClass: 'Evaluation' },
  PF203: { severity: 'error', title: 'undefined function', panClass: 'Evaluation' },
  PF204: { severity: 'error', title: 'template not found', panClass: 'Evaluation' },
  PF205: { severity: 'error', title: 'include not allowed between these template kinds', panClass: 'Evaluation' },
  PF206: { severity: 'error', title: 'final path or variable modified', panClass: 'Evaluation' },
  PF207: { severity: 'error', title: 'loop iteration limit exceeded', panClass: 'Evaluation' },
  PF208: { severity: 'error', title: 'call depth limit exceeded', panClass: 'Evaluation' },
  PF209: { severity: 'error', title: 'user-initiated error', panClass: 'Evaluation' },
  PF210: { severity: 'error', title: 'invalid arguments to a built-in function', panClass: 'Evaluation' },
  PF211: { severity: 'error', title: 'duplicate definition', panClass: 'Evaluation' },
  PF212: { severity: 'error', title: 'undefined type', panClass: 'Evaluation' },
  PF213: { severity: 'error', title: 'circular object dependency', panClass: 'Evaluation' },
  PF214: { severity: 'error', title: 'invalid path or term', panClass: 'Evaluation' },
  PF215: { severity: 'error', title: 'invalid operands', panClass: 'Evaluation' },
  PF216: { severity: 'error', title: 'path does not exist', panClass: 'Evaluation' },
  PF217: { severity: 'error', title: 'error in an included template', panClass: 'Evaluation' },
  PF218: { severity: 'error', title: 'invalid range', panClass: 'Evaluation' },
  PF219: { severity: 'error', title: 'resource size limit exceeded', panClass: 'Evaluation' },
  PF220: { severity: 'error', title: 'deprecated feature', panClass: 'Evaluation' },
  PF221: { severity: 'warning', title: 'deprecated feature' },
  // --- validation (panc ValidationException) ---
  PF300: { severity: 'error', title: 'undefined element in profile', panClass: 'Validation' },
  PF301: { severity: 'error', title: 'bound path does not exist', panClass: 'Validation' },
  PF302: { severity: 'error', title: 'value has the wrong type', panClass: 'Validation' },
  PF303: { severity: 'error', title: 'value outside range', panClass: 'Validation' },
  PF304: { severity: 'error', title: 'record field error', panClass: 'Validation' },
  PF305: { severity: 'error', title: 'not a possible choice value', panClass: 'Validation' },
  PF306: { severity: 'error', title: 'invalid link', panClass: 'Validation' },
  PF307: { severity: 'error', title: 'user-defined validation failed', panClass: 'Validation' },
  PF308: { severity: 'error', title: 'referenced object failed validation', panClass: 'Validation' },
  // --- site model (compiled profiles that cannot be mapped to the typed model) ---
  PF400: { severity: 'error', title: 'site model value has the wrong type' },
  PF401: { severity: 'error', title: 'required site model value missing' },
  PF402: { severity: 'info', title: 'value not supported by the site model' },
  PF403: { severity: 'error', title: 'malformed address in the site model' },
  PF404: { severity: 'warning', title: 'profile is not a machine' },
  PF405: { severity: 'error', title: 'profile is both a Xen host and a guest' },
  // --- site checks (one code per rule in src/checks/) ---
  PF410: { severity: 'error', title: 'duplicate FQDN' },
  PF411: { severity: 'error', title: 'duplicate IP address' },
  PF412: { severity: 'error', title: 'duplicate MAC address' },
  PF413: { severity: 'error', title: 'duplicate guest UUID' },
  PF414: { severity: 'error', title: 'guest host is not a Xen host' },
  PF415: { severity: 'error', title: 'host memory over-committed' },
  PF416: { severity: 'warning', title: 'host vCPUs over-committed' },
  PF417: { severity: 'error', title: 'host runs more guests than max_guests' },
  PF418: { severity: 'error', title: 'guest interface on a bridge its host lacks' },
  PF419: { severity: 'error', title: 'disk backing used twice' },
  PF420: { severity: 'error', title: 'guest disk on a storage pool its host lacks' },
  PF421: { severity: 'error', title: 'address outside its network' },
  PF422: { severity: 'error', title: 'kickstart URL not served by the install server' },
  PF423: { severity: 'error', title: 'boot file not served by the install server' },
  PF424: { severity: 'error', title: 'boot configuration file claimed twice' },
  // --- artifacts: rendering (PF500-PF519) ---
  PF500: { severity: 'error', title: 'profile value would change the structure of an artifact' },
  PF501: { severity: 'error', title: 'profile value not valid for its field' },
  PF502: { severity: 'error', title: 'invalid URL in a profile value' },
  PF503: { severity: 'error', title: 'profile value printed without an escaper' },
  PF504: { severity: 'error', title: 'template syntax error' },
  PF505: { severity: 'error', title: 'undefined value in a template' },
  PF506: { severity: 'error', title: 'template, snippet or partial not found' },
  PF507: { severity: 'error', title: 'template failed while rendering' },
  PF508: { severity: 'error', title: 'template defined for both engines' },
  PF509: { severity: 'error', title: 'artifact path generated twice' },
  PF510: { severity: 'error', title: 'machine lacks what its installation needs' },
  PF511: { severity: 'error', title: 'kernel argument cannot be passed by pypxeboot' },
  PF512: { severity: 'error', title: 'inconsistent Xen domain configuration' },
  PF513: { severity: 'error', title: 'installation setting not supported' },
  PF514: { severity: 'error', title: 'template directory not found' },
  PF515: { severity: 'error', title: 'generated file is structurally invalid' },
  // --- artifacts: kickstart linter (PF520-PF539) ---
  PF520: { severity: 'error', title: 'unknown or removed kickstart command' },
  PF521: { severity: 'warning', title: 'deprecated kickstart command or option' },
  PF522: { severity: 'error', title: 'unknown option for a kickstart command' },
  PF523: { severity: 'error', title: 'kickstart section not closed by %end exactly once' },
  PF524: { severity: 'error', title: 'section marker inside a kickstart script' },
  PF525: { severity: 'error', title: 'unbalanced quoting in a kickstart line' },
  PF526: { severity: 'error', title: 'duplicate mount point in a kickstart' },
  PF527: { severity: 'error', title: 'logical volume in an undefined volume group' },
  PF528: { severity: 'error', title: 'volume group member not defined by a partition' },
  PF529: { severity: 'error', title: 'kickstart command arguments malformed' },
  PF530: { severity: 'error', title: 'kickstart command given more than once' },
  // --- deployed state: plan, deploy ---
  PF600: { severity: 'error', title: 'drifted file: edited by hand since the last deploy' },
  PF601: { severity: 'error', title: 'deployed tree is locked by another deploy' },
  PF602: { severity: 'error', title: 'invalid deploy manifest' },
  PF603: { severity: 'error', title: 'unsafe path in the artifact set' },
  PF604: { severity: 'error', title: 'path leads through a symbolic link in the deployed tree' },
  PF605: { severity: 'error', title: 'unmanaged file in the place of a generated file' },
  PF606: { severity: 'error', title: 'path is both a file and a directory' },
  PF607: { severity: 'error', title: 'cannot read the deployed tree' },
  PF608: { severity: 'error', title: 'cannot write the deployed tree' },
  PF609: { severity: 'warning', title: 'stale deploy lock removed' },
  PF610: { severity: 'info', title: 'leftovers of an interrupted deploy cleaned up' },
  PF611: { severity: 'warning', title: 'drifted file overwritten (--force)' },
  PF612: { severity: 'warning', title: 'deployed directory does not exist yet' },
  PF613: { severity: 'error', title: 'cannot read the generated tree' },
  // --- command line, configuration, files ---
  PF700: { severity: 'error', title: 'invalid command-line usage' },
  PF701: { severity: 'error', title: 'invalid configuration' },
  PF702: { severity: 'error', title: 'file not found' },
  PF703: { severity: 'error', title: 'unknown configuration key' },
  PF704: { severity: 'error', title: 'changed files cannot be determined' },
  PF705: { severity: 'error', title: 'no object templates found' },
  // --- system ---
  PF900: { severity: 'error', title: 'input/output error', panClass: 'System' },
  PF901: { severity: 'error', title: 'internal error', panClass: 'System' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CATALOGUE;

/** Catalogue entry of a code. */
export function codeInfo(code: DiagnosticCode): CodeInfo {
  return CATALOGUE[code];
}

/** Every code with its entry, in code order (for documentation and SARIF rules). */
export function allCodes(): Array<[DiagnosticCode, CodeInfo]> {
  return (Object.keys(CATALOGUE) as DiagnosticCode[]).sort().map((c) => [c, CATALOGUE[c]]);
}
