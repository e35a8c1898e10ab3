/**
 * The template engines behind one facade: a main template is found by logical name through
 * the resolver (site override directory first, then the built-ins) and rendered by the engine
 * its extension names — nunjucks for `.njk`, handlebars for `.hbs`. Engines (with their
 * compiled templates) are kept per override directory for the life of the process.
 */
import { HandlebarsEngine } from './handlebars.js';
import { NunjucksEngine } from './nunjucks.js';
import { collectProblems, recordProblem, type TemplateProblem } from './problems.js';
import { TemplateResolver } from './resolver.js';

/** The outcome of rendering one template: the text, unless problems were found. */
export interface RenderResult {
  readonly text?: string;
  readonly problems: readonly TemplateProblem[];
  /** The file that was rendered (for diagnostics about its output). */
  readonly file?: string;
}

/** Both engines bound to one resolver. */
export class TemplateEngines {
  readonly resolver: TemplateResolver;
  private readonly nunjucks: NunjucksEngine;
  private readonly handlebars: HandlebarsEngine;

  constructor(overrideDir: string | undefined) {
    this.resolver = new TemplateResolver(overrideDir);
    this.nunjucks = new NunjucksEngine(this.resolver);
    this.handlebars = new HandlebarsEngine(this.resolver);
  }

  /** Renders the main template `name` (without engine extension) with `context`. */
  render(name: string, context: object): RenderResult {
    let file: string | undefined;
    const { result, problems } = collectProblems(() => {
      const found = this.resolver.resolveMain(name);
      if (!found.ok) {
        recordProblem({ kind: found.message.includes('both engines') ? 'ambiguous' : 'missing', message: found.message });
        return undefined;
      }
      file = found.template.display;
      const engine = found.template.engine === 'nunjucks' ? this.nunjucks : this.handlebars;
      return engine.render(found.template, context);
    });
    const out: { text?: string; problems: TemplateProblem[]; file?: string } = { problems };
    if (problems.length === 0 && result !== undefined) out.text = result;
    if (file !== undefined) out.file = file;
    return out;
  }
}

const cache = new Map<string, TemplateEngines>();

/** The engines for an override directory (none: built-ins only), created once per process. */
export function enginesFor(overrideDir: string | undefined): TemplateEngines {
  const key = overrideDir ?? '';
  let engines = cache.get(key);
  if (engines === undefined) {
    engines = new TemplateEngines(overrideDir);
    cache.set(key, engines);
  }
  return engines;
}
