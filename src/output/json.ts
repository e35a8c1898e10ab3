/**
 * The `json` profile format: the root dict encoded exactly as the `json_encode` built-in does
 * (panc uses the same Gson encoder for both): pretty-printed, keys in dict order, Java
 * doubles, HTML-safe string escaping, no trailing newline.
 */
import { encodeJson, encodeJsonBytes } from '../pan/builtins/json.js';
import type { PanDict } from '../pan/element.js';

/** Renders a profile as JSON. */
export function formatJsonProfile(root: PanDict): string {
  return encodeJson(root);
}

/** `formatJsonProfile` as UTF-8 bytes. */
export function formatJsonProfileBytes(root: PanDict): Buffer {
  return encodeJsonBytes(root);
}
